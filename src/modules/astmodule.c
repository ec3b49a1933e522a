// astmodule.c - the `_ast` module: the node classes of Python's ast, and the
// conversions between them and the parser's tree (src/parse/ast.h).
//
// The classes. `ast.AST` is a static type whose instances are a header and
// a __dict__; every other class (the abstract categories `stmt`, `expr`...,
// and the concrete nodes) is a heap class made at the first import of _ast,
// as CPython 3.11 makes them: `_fields` and `__match_args__` name the ASDL
// fields, `_attributes` sits on the category (or on a product type that has
// positions), optional (`?`) fields default to None through a class
// attribute of that name, and so do end_lineno/end_col_offset where the ASDL
// says `int?`. What describes a node kind is the ASDL signature table below:
// the types and quantifiers of its fields, in the order of the field table
// of ast.c (checked when the module is made, so that the two cannot drift).
//
// Everything made here is kept alive by one rooted list (`ast_state.keep`),
// and the C tables hold plain copies of those Values: the heap does not move.
#include <stdio.h>
#include <string.h>

#include "../parse/ast.h"
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/complex.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "astmodule.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- the ASDL ---------------------------------------------------------------------------
// Python.asdl (3.11), one signature per concrete kind: "type name" items,
// the type marked `?` (optional) or `*` (a sequence). ORDER AST_KINDS.
static const char *const ast_signatures[NK__COUNT] = {
    [NK_Module] = "stmt* body, type_ignore* type_ignores",
    [NK_Interactive] = "stmt* body",
    [NK_Expression] = "expr body",
    [NK_FunctionType] = "expr* argtypes, expr returns",
    [NK_FunctionDef] = "identifier name, arguments args, stmt* body, expr* decorator_list, "
                       "expr? returns, string? type_comment",
    [NK_AsyncFunctionDef] = "identifier name, arguments args, stmt* body, expr* decorator_list, "
                            "expr? returns, string? type_comment",
    [NK_ClassDef] = "identifier name, expr* bases, keyword* keywords, stmt* body, "
                    "expr* decorator_list",
    [NK_Return] = "expr? value",
    [NK_Delete] = "expr* targets",
    [NK_Assign] = "expr* targets, expr value, string? type_comment",
    [NK_AugAssign] = "expr target, operator op, expr value",
    [NK_AnnAssign] = "expr target, expr annotation, expr? value, int simple",
    [NK_For] = "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment",
    [NK_AsyncFor] = "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment",
    [NK_While] = "expr test, stmt* body, stmt* orelse",
    [NK_If] = "expr test, stmt* body, stmt* orelse",
    [NK_With] = "withitem* items, stmt* body, string? type_comment",
    [NK_AsyncWith] = "withitem* items, stmt* body, string? type_comment",
    [NK_Match] = "expr subject, match_case* cases",
    [NK_Raise] = "expr? exc, expr? cause",
    [NK_Try] = "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody",
    [NK_TryStar] = "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody",
    [NK_Assert] = "expr test, expr? msg",
    [NK_Import] = "alias* names",
    [NK_ImportFrom] = "identifier? module, alias* names, int? level",
    [NK_Global] = "identifier* names",
    [NK_Nonlocal] = "identifier* names",
    [NK_Expr] = "expr value",
    [NK_Pass] = "",
    [NK_Break] = "",
    [NK_Continue] = "",
    [NK_BoolOp] = "boolop op, expr* values",
    [NK_NamedExpr] = "expr target, expr value",
    [NK_BinOp] = "expr left, operator op, expr right",
    [NK_UnaryOp] = "unaryop op, expr operand",
    [NK_Lambda] = "arguments args, expr body",
    [NK_IfExp] = "expr test, expr body, expr orelse",
    [NK_Dict] = "expr* keys, expr* values",
    [NK_Set] = "expr* elts",
    [NK_ListComp] = "expr elt, comprehension* generators",
    [NK_SetComp] = "expr elt, comprehension* generators",
    [NK_DictComp] = "expr key, expr value, comprehension* generators",
    [NK_GeneratorExp] = "expr elt, comprehension* generators",
    [NK_Await] = "expr value",
    [NK_Yield] = "expr? value",
    [NK_YieldFrom] = "expr value",
    [NK_Compare] = "expr left, cmpop* ops, expr* comparators",
    [NK_Call] = "expr func, expr* args, keyword* keywords",
    [NK_FormattedValue] = "expr value, int conversion, expr? format_spec",
    [NK_JoinedStr] = "expr* values",
    [NK_Constant] = "constant value, string? kind",
    [NK_Attribute] = "expr value, identifier attr, expr_context ctx",
    [NK_Subscript] = "expr value, expr slice, expr_context ctx",
    [NK_Starred] = "expr value, expr_context ctx",
    [NK_Name] = "identifier id, expr_context ctx",
    [NK_List] = "expr* elts, expr_context ctx",
    [NK_Tuple] = "expr* elts, expr_context ctx",
    [NK_Slice] = "expr? lower, expr? upper, expr? step",
    [NK_comprehension] = "expr target, expr iter, expr* ifs, int is_async",
    [NK_ExceptHandler] = "expr? type, identifier? name, stmt* body",
    [NK_arguments] = "arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, "
                     "expr* kw_defaults, arg? kwarg, expr* defaults",
    [NK_arg] = "identifier arg, expr? annotation, string? type_comment",
    [NK_keyword] = "identifier? arg, expr value",
    [NK_alias] = "identifier name, identifier? asname",
    [NK_withitem] = "expr context_expr, expr? optional_vars",
    [NK_match_case] = "pattern pattern, expr? guard, stmt* body",
    [NK_MatchValue] = "expr value",
    [NK_MatchSingleton] = "constant value",
    [NK_MatchSequence] = "pattern* patterns",
    [NK_MatchMapping] = "expr* keys, pattern* patterns, identifier? rest",
    [NK_MatchClass] = "expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns",
    [NK_MatchStar] = "identifier? name",
    [NK_MatchAs] = "pattern? pattern, identifier? name",
    [NK_MatchOr] = "pattern* patterns",
    [NK_TypeIgnore] = "int lineno, string tag",
};

// The sum types of the ASDL whose constructors carry no fields: one class
// per constructor, and the parser's enums index them. ORDER AST_EXPR_CONTEXTS etc.
typedef struct SimpleSum {
    const char *name;
    const char *const *members;
    int n;
} SimpleSum;

enum { SUM_CTX, SUM_BOOLOP, SUM_OPERATOR, SUM_UNARYOP, SUM_CMPOP, SUM__COUNT };
static const SimpleSum simple_sums[SUM__COUNT] = {
    {"expr_context", ast_ctx_names, 3},
    {"boolop", ast_boolop_names, 2},
    {"operator", ast_operator_names, 13},
    {"unaryop", ast_unaryop_names, 4},
    {"cmpop", ast_cmpop_names, 10},
};

// The category (abstract class) of a kind, or NULL for a product type whose
// class derives from AST directly.
static const char *kind_category(NodeKind k) {
    if (k <= NK_FunctionType) {
        return "mod";
    }
    if (k <= NK_Continue) {
        return "stmt";
    }
    if (k <= NK_Slice) {
        return "expr";
    }
    if (k == NK_ExceptHandler) {
        return "excepthandler";
    }
    if (k >= NK_MatchValue && k <= NK_MatchOr) {
        return "pattern";
    }
    if (k == NK_TypeIgnore) {
        return "type_ignore";
    }
    return NULL;
}

// Whether end_lineno and end_col_offset are `int?` (class default None) in
// the category or product type that has positions: all but pattern.
static int end_positions_optional(NodeKind k) {
    return !(k >= NK_MatchValue && k <= NK_MatchOr);
}

enum { AST_MAX_FIELDS = 8 };

// A field of a node kind, parsed from its signature.
typedef struct AstField {
    Value name;       // interned str
    char type[16];    // the ASDL type: "expr", "identifier", "int"...
    char quant;       // 0, '?' or '*'
} AstField;

typedef struct AstKindInfo {
    int nfields;
    AstField fields[AST_MAX_FIELDS];
} AstKindInfo;

// What the module's first import makes; see the file comment.
static struct {
    Value keep;                   // a list holding everything below
    Value module;
    Value kind_class[NK__COUNT];  // the class of each node kind
    Value sum_class[SUM__COUNT];  // expr_context, boolop, ...
    Value sum_member_class[SUM__COUNT][16];
    Value sum_member_instance[SUM__COUNT][16];  // what ast.parse puts in the tree
    AstKindInfo info[NK__COUNT];
} ast_state;

static int keep(Value v) {
    return v ? list_append(ast_state.keep, v) : -1;
}

// Split a signature into fields; -1 (SystemError) when it does not match
// the field names of ast.c's table.
static int parse_signature(NodeKind k) {
    const char *p = ast_signatures[k];
    AstKindInfo *ki = &ast_state.info[k];
    ki->nfields = 0;
    while (p && *p) {
        while (*p == ' ' || *p == ',') {
            p++;
        }
        const char *t = p;
        while (*p && *p != ' ' && *p != '?' && *p != '*') {
            p++;
        }
        if (ki->nfields == AST_MAX_FIELDS || (size_t)(p - t) >= sizeof ki->fields[0].type) {
            break;
        }
        AstField *f = &ki->fields[ki->nfields];
        memcpy(f->type, t, (size_t)(p - t));
        f->type[p - t] = '\0';
        f->quant = (*p == '?' || *p == '*') ? *p++ : 0;
        while (*p == ' ') {
            p++;
        }
        const char *n = p;
        while (*p && *p != ',') {
            p++;
        }
        f->name = str_intern_utf8(n, (size_t)(p - n));
        if (!f->name || keep(f->name) < 0) {
            return -1;
        }
        ki->nfields++;
    }
    const NodeInfo *ni = &ast_node_info[k];
    int ok = ki->nfields == ni->nfields;
    for (int i = 0; ok && i < ki->nfields; i++) {
        ok = strcmp(str_obj(ki->fields[i].name)->data, ni->fields[i].name) == 0;
    }
    if (!ok) {
        err_format(&exc_SystemError, "_ast: the signature of %s does not match ast.c", ni->name);
        return -1;
    }
    return 0;
}

// ---- ast.AST ----------------------------------------------------------------------------

typedef struct AstObject {
    Object header;
    Value dict;  // the instance __dict__, 0 until needed
} AstObject;

static void ast_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((AstObject *)o)->dict);
}

static Value ast_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    Type *t = type_ptr(callable);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

// Raise type(msg) for a message made with str_format_c (which knows %R).
static Value raise_msg(Type *type, Value msg) {
    Value exc = msg ? obj_call1(val_from_ptr(type), msg) : 0;
    return exc ? err_set_value(exc) : 0;
}

// The class name as CPython's tp_name of a heap type: without a module.
static const char *ast_class_name(Value self) {
    const char *name = obj_type_name(self);
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

// AST.__init__: positional arguments fill `_fields` in order, keywords set
// attributes; nothing is required (CPython 3.11).
static Value ast_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value fields = obj_getattr_opt(val_from_ptr(type_of(self)), str_intern_cstr("_fields"));
    int64_t nfields = 0;
    if (fields) {
        nfields = obj_len(fields);
        if (nfields < 0) {
            return 0;
        }
    } else if (err_occurred()) {
        return 0;
    }
    if ((int64_t)nargs > nfields) {
        return err_format(&exc_TypeError, "%s constructor takes at most %lld positional argument%s",
                          ast_class_name(self), (long long)nfields, nfields == 1 ? "" : "s");
    }
    for (size_t i = 0; i < nargs; i++) {
        Value name = obj_getitem(fields, int_from_i64((int64_t)i));
        if (!name || obj_setattr(self, name, args[i]) < 0) {
            return 0;
        }
    }
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    for (size_t k = 0; k < nkw; k++) {
        Value key = tuple_obj(kwnames)->items[k];
        for (size_t i = 0; i < nargs; i++) {
            Value name = obj_getitem(fields, int_from_i64((int64_t)i));
            if (!name) {
                return 0;
            }
            int same = obj_richcompare_bool(name, key, CMP_EQ);
            if (same < 0) {
                return 0;
            }
            if (same) {
                return raise_msg(&exc_TypeError,
                                 str_format_c("%s got multiple values for argument %R",
                                              ast_class_name(self), key));
            }
        }
        if (obj_setattr(self, key, args[nargs + k]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

// AST.__reduce__: (type(self), (), self.__dict__), so that copy and pickle
// rebuild the node from its attributes.
FN(ast_reduce) {
    (void)args, (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "__reduce__() takes no arguments (%zu given)", nargs);
    }
    Value dict = obj_getattr_opt(self, str_intern_cstr("__dict__"));
    if (!dict && err_occurred()) {
        return 0;
    }
    Value cls = val_from_ptr(type_of(self));
    Value empty = tuple_new(0);
    if (!empty) {
        return 0;
    }
    return dict ? tuple_from((Value[]){cls, empty, dict}, 3) : tuple_pack2(cls, empty);
}

static const MethodDef ast_methods[] = {
    {"__reduce__", ast_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef ast_getset[] = {
    {"__dict__", object_get_dict, object_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_ast = {
    .header = {&type_type},
    .name = "ast.AST",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(AstObject),
    .base = &type_object,
    .trace = ast_trace,
    .new_ = ast_tp_new,
    .init = ast_tp_init,
    .methods = ast_methods,
    .getset = ast_getset,
    .dict_offset = offsetof(AstObject, dict),
};

// ---- making the classes -------------------------------------------------------------------

static Value names_tuple(const char *const *names, int n) {
    Value t = tuple_new((size_t)n);
    if (!t) {
        return 0;
    }
    for (int i = 0; i < n; i++) {
        Value s = str_intern_cstr(names[i]);
        if (!s) {
            return 0;
        }
        tuple_obj(t)->items[i] = s;
    }
    return t;
}

static const char *const position_names[] = {"lineno", "col_offset", "end_lineno",
                                             "end_col_offset"};

// A class `name(base)` whose namespace holds _fields/__match_args__ =
// `fields`, __module__ 'ast', the doc, and (when `attributes` is not 0)
// _attributes; `optional` names get a class default of None.
static Value make_class(const char *name, Value base, Value fields, Value attributes,
                        const char *doc, Value *optional, int noptional) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "_fields", fields) < 0 ||
        dict_set_cstr(ns, "__match_args__", fields) < 0 ||
        dict_set_cstr(ns, "__module__", str_intern_cstr("ast")) < 0) {
        return 0;
    }
    Value d = str_from_cstr(doc);
    if (!d || dict_set_cstr(ns, "__doc__", d) < 0) {
        return 0;
    }
    if (attributes && dict_set_cstr(ns, "_attributes", attributes) < 0) {
        return 0;
    }
    for (int i = 0; i < noptional; i++) {
        if (dict_set(ns, optional[i], VAL_NONE) < 0) {
            return 0;
        }
    }
    Value bases = tuple_from(&base, 1);
    Value n = str_intern_cstr(name);
    if (!bases || !n) {
        return 0;
    }
    Value cls = type_new_class(&type_type, n, bases, ns);
    if (!cls || keep(cls) < 0 || module_add(ast_state.module, name, cls) < 0) {
        return 0;
    }
    return cls;
}

// "Name(identifier id, expr_context ctx)", or "Pass" without fields.
static void put_constructor_doc(StrBuf *b, NodeKind k) {
    sb_puts(b, ast_node_info[k].name);
    if (ast_signatures[k][0]) {
        sb_printf(b, "(%s)", ast_signatures[k]);
    }
}

// The abstract class of a category, with the doc CPython gives it:
// "stmt = A(...)\n     | B(...)".
static Value make_category(const char *cat, NodeKind first, NodeKind last) {
    StrBuf doc;
    sb_init(&doc);
    sb_printf(&doc, "%s = ", cat);
    for (NodeKind k = first; k <= last; k++) {
        if (k != first) {
            sb_printf(&doc, "\n%*s| ", (int)strlen(cat) + 1, "");
        }
        put_constructor_doc(&doc, k);
    }
    Value empty = tuple_new(0);
    int has_pos = ast_node_info[first].has_attributes;
    Value attrs = has_pos ? names_tuple(position_names, 4) : empty;
    Value optional[2] = {str_intern_cstr("end_lineno"), str_intern_cstr("end_col_offset")};
    int nopt = has_pos && end_positions_optional(first) ? 2 : 0;
    Value cls = 0;
    if (empty && attrs && optional[0] && optional[1]) {
        cls = make_class(cat, val_from_ptr(&type_ast), empty, attrs, doc.data, optional, nopt);
    }
    sb_free(&doc);
    return cls;
}

// The class of one concrete kind, under `base` (a category or AST).
static Value make_kind_class(NodeKind k, Value base, int product) {
    AstKindInfo *ki = &ast_state.info[k];
    Value fields = tuple_new((size_t)ki->nfields);
    if (!fields) {
        return 0;
    }
    Value optional[AST_MAX_FIELDS + 2];
    int nopt = 0;
    for (int i = 0; i < ki->nfields; i++) {
        tuple_obj(fields)->items[i] = ki->fields[i].name;
        if (ki->fields[i].quant == '?') {
            optional[nopt++] = ki->fields[i].name;
        }
    }
    Value attrs = 0;
    if (product) {
        int has_pos = ast_node_info[k].has_attributes;
        attrs = has_pos ? names_tuple(position_names, 4) : tuple_new(0);
        if (!attrs) {
            return 0;
        }
        if (has_pos && end_positions_optional(k)) {
            optional[nopt++] = str_intern_cstr("end_lineno");
            optional[nopt++] = str_intern_cstr("end_col_offset");
        }
    }
    StrBuf doc;
    sb_init(&doc);
    put_constructor_doc(&doc, k);
    Value cls = make_class(ast_node_info[k].name, base, fields, attrs, doc.data, optional, nopt);
    sb_free(&doc);
    return cls;
}

// A simple sum: its abstract class, a class per member, and the member
// instances the converted trees share.
static int make_simple_sum(int s) {
    const SimpleSum *sum = &simple_sums[s];
    StrBuf doc;
    sb_init(&doc);
    sb_printf(&doc, "%s = ", sum->name);
    for (int i = 0; i < sum->n; i++) {
        sb_printf(&doc, "%s%s", i ? " | " : "", sum->members[i]);
    }
    Value empty = tuple_new(0);
    Value cls = empty ? make_class(sum->name, val_from_ptr(&type_ast), empty, empty, doc.data,
                                   NULL, 0)
                      : 0;
    sb_free(&doc);
    if (!cls) {
        return -1;
    }
    ast_state.sum_class[s] = cls;
    for (int i = 0; i < sum->n; i++) {
        Value member = make_class(sum->members[i], cls, empty, 0, sum->members[i], NULL, 0);
        Value inst = member ? obj_call0(member) : 0;
        if (!inst || keep(inst) < 0) {
            return -1;
        }
        ast_state.sum_member_class[s][i] = member;
        ast_state.sum_member_instance[s][i] = inst;
    }
    return 0;
}

static int ast_make_classes(void) {
    if (type_ready(&type_ast) < 0) {
        return -1;
    }
    Value empty = tuple_new(0);
    if (!empty || dict_set_cstr(type_ast.dict, "_fields", empty) < 0 ||
        dict_set_cstr(type_ast.dict, "__match_args__", empty) < 0 ||
        dict_set_cstr(type_ast.dict, "_attributes", empty) < 0 ||
        dict_set_cstr(type_ast.dict, "__module__", str_intern_cstr("ast")) < 0) {
        return -1;
    }
    type_modified(&type_ast);
    Value m = ast_state.module;
    if (module_add(m, "AST", val_from_ptr(&type_ast)) < 0 ||
        module_add(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", val_from_smallint(AST_PYCF_ALLOW_TOP_LEVEL_AWAIT)) < 0 ||
        module_add(m, "PyCF_ONLY_AST", val_from_smallint(AST_PYCF_ONLY_AST)) < 0 ||
        module_add(m, "PyCF_TYPE_COMMENTS", val_from_smallint(AST_PYCF_TYPE_COMMENTS)) < 0) {
        return -1;
    }
    Value category = 0;
    const char *current = NULL;
    for (int k = 0; k < NK__COUNT; k++) {
        if (parse_signature((NodeKind)k) < 0) {
            return -1;
        }
        const char *cat = kind_category((NodeKind)k);
        if (cat && (!current || strcmp(cat, current) != 0)) {
            int last = k;
            while (last + 1 < NK__COUNT && kind_category((NodeKind)(last + 1)) == cat) {
                last++;
            }
            category = make_category(cat, (NodeKind)k, (NodeKind)last);
            if (!category) {
                return -1;
            }
        }
        current = cat;
        Value base = cat ? category : val_from_ptr(&type_ast);
        Value cls = make_kind_class((NodeKind)k, base, cat == NULL);
        if (!cls) {
            return -1;
        }
        ast_state.kind_class[k] = cls;
        if (k == NK_Slice) {  // CPython lists the simple sums after expr
            for (int s = 0; s < SUM__COUNT; s++) {
                if (make_simple_sum(s) < 0) {
                    return -1;
                }
            }
        }
    }
    return 0;
}

// ---- parser tree -> node objects (compile(..., PyCF_ONLY_AST), ast.parse) ----------------

static Value conv_node(const Node *n);

// A constant as the Python value the compiler would make of it.
static Value conv_constant(const ConstValue *cv) {
    switch (cv->kind) {
    case CONST_NONE: return VAL_NONE;
    case CONST_TRUE: return VAL_TRUE;
    case CONST_FALSE: return VAL_FALSE;
    case CONST_ELLIPSIS: return VAL_ELLIPSIS;
    case CONST_INT: return int_from_i64(cv->i);
    case CONST_BIGINT: return int_from_limbs(cv->big.limbs, (size_t)cv->big.n, 0);
    case CONST_FLOAT: return float_from_double(cv->f);
    case CONST_COMPLEX: return complex_new(0.0, cv->f);
    case CONST_STR: return str_from_utf8(cv->str.s, cv->str.len);
    case CONST_BYTES: return bytes_from(cv->str.s, cv->str.len);
    }
    return err_format(&exc_SystemError, "_ast: unknown constant kind %d", (int)cv->kind);
}

static Value conv_ident(const char *s) {
    return s ? str_intern_cstr(s) : VAL_NONE;
}

static Value conv_seq(const Seq *seq, FieldType type) {
    int n = seq ? seq->n : 0;
    Value list = list_new((size_t)n);
    for (int i = 0; list && i < n; i++) {
        Value item;
        if (type == FT_IDENT_SEQ) {
            item = conv_ident(seq->a[i]);
        } else if (type == FT_CMPOP_SEQ) {
            item = ast_state.sum_member_instance[SUM_CMPOP][(intptr_t)seq->a[i]];
        } else {
            item = seq->a[i] ? conv_node(seq->a[i]) : VAL_NONE;
        }
        if (!item || list_append(list, item) < 0) {
            return 0;
        }
    }
    return list;
}

// The value of one field of n.
static Value conv_field(const Node *n, const FieldInfo *fi) {
    const char *field = (const char *)n + fi->offset;
    const Node *child;
    const Seq *seq;
    const char *text;
    int i;
    switch (fi->type) {
    case FT_NODE:
    case FT_NODE_OPT:
        memcpy(&child, field, sizeof child);
        return child ? conv_node(child) : VAL_NONE;
    case FT_SEQ:
    case FT_IDENT_SEQ:
    case FT_CMPOP_SEQ:
        memcpy(&seq, field, sizeof seq);
        return conv_seq(seq, fi->type);
    case FT_IDENT:
    case FT_IDENT_OPT:
        memcpy(&text, field, sizeof text);
        return conv_ident(text);
    case FT_STR:
    case FT_STR_OPT:
        memcpy(&text, field, sizeof text);
        return text ? str_from_cstr(text) : VAL_NONE;
    case FT_INT:
        memcpy(&i, field, sizeof i);
        return int_from_i64(i);
    case FT_CONST:
        return conv_constant((const ConstValue *)field);
    case FT_CTX:
    case FT_BOOLOP:
    case FT_OPERATOR:
    case FT_UNARYOP: {
        int sum = fi->type == FT_CTX      ? SUM_CTX
                  : fi->type == FT_BOOLOP ? SUM_BOOLOP
                  : fi->type == FT_OPERATOR ? SUM_OPERATOR
                                          : SUM_UNARYOP;
        int k;
        memcpy(&k, field, sizeof k);
        return ast_state.sum_member_instance[sum][k];
    }
    }
    return err_format(&exc_SystemError, "_ast: unknown field type %d", (int)fi->type);
}

static Value conv_node(const Node *n) {
    const NodeInfo *ni = &ast_node_info[n->kind];
    Value cls = ast_state.kind_class[n->kind];
    Object *o = gc_alloc(type_ptr(cls), type_ptr(cls)->basic_size);
    Value dict = o ? dict_new_presized((size_t)ni->nfields + 4) : 0;
    if (!dict) {
        return 0;
    }
    ((AstObject *)o)->dict = dict;
    AstKindInfo *ki = &ast_state.info[n->kind];
    for (int f = 0; f < ni->nfields; f++) {
        Value v = conv_field(n, &ni->fields[f]);
        if (!v || dict_set(dict, ki->fields[f].name, v) < 0) {
            return 0;
        }
    }
    if (ni->has_attributes) {
        int pos[4] = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
        for (int i = 0; i < 4; i++) {
            if (dict_set_cstr(dict, position_names[i], val_from_smallint(pos[i])) < 0) {
                return 0;
            }
        }
    }
    return val_from_ptr(o);
}

Value ast_tree_to_object(const Node *mod) {
    if (!ast_module_init()) {
        return 0;
    }
    return conv_node(mod);
}

Value ast_module_init(void) {
    if (ast_state.module) {
        return ast_state.module;
    }
    static int rooted;
    if (!rooted) {
        gc_add_root(&ast_state.keep);
        gc_add_root(&ast_state.module);
        rooted = 1;
    }
    ast_state.keep = list_new(0);
    Value m = ast_state.keep ? module_new_cstr("_ast") : 0;
    if (!m) {
        return 0;
    }
    ast_state.module = m;
    if (ast_make_classes() < 0) {
        ast_state.module = 0;
        ast_state.keep = 0;
        return 0;
    }
    module_obj(m)->builtin = 1;
    return m;
}
