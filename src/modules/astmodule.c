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
//
// The conversions. ast.parse (compile() with PyCF_ONLY_AST) parses with the
// front end and turns the arena tree into node objects, field by field from
// ast.c's table; the small enums (Load, Add, Eq...) are shared instances, as
// in CPython. compile() of a node object goes the other way in two passes,
// as CPython's obj2ast and PyAST_Validate: the conversion raises TypeError
// for what does not fit the ASDL, the validator ValueError for trees the
// grammar cannot produce; then the tree is checked and compiled like a
// parsed one. Constants the parser never makes (tuples, frozensets, negative
// numbers...) travel as CONST_OBJECT, kept alive by a list the caller holds.
#include <math.h>
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
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
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
    case CONST_OBJECT: return (Value)cv->obj;
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

// ---- node objects -> parser tree (compile() of an AST) -----------------------------------
//
// Two passes, as CPython makes them: the conversion reads every node's
// attributes and raises TypeError for what does not fit the ASDL (a missing
// required field, a list that is not a list, an object of the wrong
// category); then the validator walks the converted tree and raises
// ValueError for what the grammar could never have produced (an empty body,
// a Store context where a Load belongs, a Compare without comparators...).
// The compiler's own SyntaxErrors come after both.

typedef struct ToTree {
    Arena *arena;
    Value keep;  // a list of the CONST_OBJECT values the tree points to
} ToTree;

static int tt_node(ToTree *c, Value obj, const char *type, Node **out);

// An `identifier` or `string` field: an exact str, or None (NULL).
// A `string` may also be bytes (CPython's obj2ast_string), but not None.
static int tt_text(ToTree *c, Value v, int identifier, const char **out) {
    if (identifier && v == VAL_NONE) {
        *out = NULL;
        return 0;
    }
    Type *t = type_of(v);
    if (!identifier && t == &type_bytes) {
        *out = arena_strndup(c->arena, bytes_data(v), bytes_len(v));
    } else if (t == &type_str) {
        *out = arena_strndup(c->arena, str_obj(v)->data, str_obj(v)->nbytes);
    } else {
        err_format(&exc_TypeError, "AST %s must be of type str", identifier ? "identifier" : "string");
        return -1;
    }
    if (!*out) {
        err_no_memory();
        return -1;
    }
    return 0;
}

// An `int` field (a C int, as CPython's obj2ast_int).
static int tt_int(Value v, int *out) {
    if (!int_check(v)) {
        raise_msg(&exc_ValueError, str_format_c("invalid integer value: %R", v));
        return -1;
    }
    int64_t i;
    if (int_to_i64(v, &i) < 0 || i < INT32_MIN || i > INT32_MAX) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)i;
    return 0;
}

// A `constant` field: the kinds the parser makes where the value fits one,
// else CONST_OBJECT (the validator decides whether the object is allowed).
static int tt_constant(ToTree *c, Value v, ConstValue *cv) {
    memset(cv, 0, sizeof *cv);
    Type *t = type_of(v);
    if (v == VAL_NONE) {
        cv->kind = CONST_NONE;
    } else if (v == VAL_TRUE || v == VAL_FALSE) {
        cv->kind = v == VAL_TRUE ? CONST_TRUE : CONST_FALSE;
    } else if (v == VAL_ELLIPSIS) {
        cv->kind = CONST_ELLIPSIS;
    } else if (t == &type_int && int_sign(v) >= 0) {
        int64_t i;
        if (int_to_i64(v, &i) == 0) {
            cv->kind = CONST_INT;
            cv->i = i;
        } else {
            err_clear();
            IntObject *io = (IntObject *)val_ptr(v);
            size_t n = (size_t)io->size;
            uint64_t *limbs = arena_alloc(c->arena, n * sizeof(uint64_t));
            if (!limbs) {
                err_no_memory();
                return -1;
            }
            memcpy(limbs, io->limbs, n * sizeof(uint64_t));
            cv->kind = CONST_BIGINT;
            cv->big.limbs = limbs;
            cv->big.n = (int)n;
        }
    } else if (t == &type_float) {
        cv->kind = CONST_FLOAT;
        cv->f = float_value(v);
    } else if (t == &type_complex && complex_obj(v)->real == 0.0 &&
               !signbit(complex_obj(v)->real)) {
        cv->kind = CONST_COMPLEX;
        cv->f = complex_obj(v)->imag;
    } else if (t == &type_str || t == &type_bytes) {
        const char *p = t == &type_str ? str_obj(v)->data : bytes_data(v);
        size_t n = t == &type_str ? str_obj(v)->nbytes : bytes_len(v);
        char *copy = arena_strndup(c->arena, p, n);
        if (!copy) {
            err_no_memory();
            return -1;
        }
        cv->kind = t == &type_str ? CONST_STR : CONST_BYTES;
        cv->str.s = copy;
        cv->str.len = n;
    } else {
        if (list_append(c->keep, v) < 0) {
            return -1;
        }
        cv->kind = CONST_OBJECT;
        cv->obj = (uint64_t)v;
    }
    return 0;
}

// An instance of one of a simple sum's member classes: its index.
static int tt_simple(Value v, int sum, int *out) {
    for (int i = 0; i < simple_sums[sum].n; i++) {
        int is = obj_isinstance(v, ast_state.sum_member_class[sum][i]);
        if (is < 0) {
            return -1;
        }
        if (is) {
            *out = i;
            return 0;
        }
    }
    raise_msg(&exc_TypeError, str_format_c("expected some sort of %s, but got %R",
                                           simple_sums[sum].name, v));
    return -1;
}

static int sum_of_field(FieldType t) {
    return t == FT_CTX ? SUM_CTX : t == FT_BOOLOP ? SUM_BOOLOP : t == FT_OPERATOR ? SUM_OPERATOR
                                                                                  : SUM_UNARYOP;
}

// One item of a sequence field, or the value of a single field: into *slot
// (a Node*, an Ident, an int...) as FieldType `ft` says.
static int tt_value(ToTree *c, Value v, const AstField *af, FieldType ft, void *slot) {
    switch (ft) {
    case FT_NODE:
    case FT_NODE_OPT:
    case FT_SEQ:
        return tt_node(c, v, af->type, (Node **)slot);
    case FT_IDENT:
    case FT_IDENT_OPT:
    case FT_IDENT_SEQ:
        return tt_text(c, v, 1, (const char **)slot);
    case FT_STR:
    case FT_STR_OPT:
        return tt_text(c, v, 0, (const char **)slot);
    case FT_INT:
        return tt_int(v, (int *)slot);
    case FT_CONST:
        return tt_constant(c, v, (ConstValue *)slot);
    case FT_CMPOP_SEQ: {
        int k;
        if (tt_simple(v, SUM_CMPOP, &k) < 0) {
            return -1;
        }
        *(void **)slot = (void *)(intptr_t)k;
        return 0;
    }
    case FT_CTX:
    case FT_BOOLOP:
    case FT_OPERATOR:
    case FT_UNARYOP:
        return tt_simple(v, sum_of_field(ft), (int *)slot);
    }
    err_format(&exc_SystemError, "_ast: unknown field type %d", (int)ft);
    return -1;
}

// A sequence field: a list, converted item by item.
static int tt_seq(ToTree *c, Value v, NodeKind k, const AstField *af, FieldType ft, Seq **out) {
    if (!list_check(v)) {
        raise_msg(&exc_TypeError, str_format_c("%s field \"%S\" must be a list, not a %.200s",
                                               ast_node_info[k].name, af->name,
                                               obj_type_name(v)));
        return -1;
    }
    int64_t n = (int64_t)list_obj(v)->len;
    Seq *seq = ast_seq(c->arena, (int)n);
    if (!seq) {
        err_no_memory();
        return -1;
    }
    for (int64_t i = 0; i < n; i++) {
        if ((int64_t)list_obj(v)->len != n) {
            break;
        }
        Value item = list_obj(v)->items[i];
        seq->a[i] = NULL;
        if (tt_value(c, item, af, ft, &seq->a[i]) < 0) {
            return -1;
        }
    }
    if ((int64_t)list_obj(v)->len != n) {
        raise_msg(&exc_RuntimeError, str_format_c("%s field \"%S\" changed size during iteration",
                                                  ast_node_info[k].name, af->name));
        return -1;
    }
    *out = seq;
    return 0;
}

// The fields of a node of kind k from obj's attributes.
static int tt_fields(ToTree *c, Value obj, Node *n) {
    NodeKind k = (NodeKind)n->kind;
    const NodeInfo *ni = &ast_node_info[k];
    const AstKindInfo *ki = &ast_state.info[k];
    for (int f = 0; f < ni->nfields; f++) {
        const AstField *af = &ki->fields[f];
        const FieldInfo *fi = &ni->fields[f];
        void *slot = (char *)n + fi->offset;
        Value v = obj_getattr_opt(obj, af->name);
        if (!v) {
            if (err_occurred()) {
                return -1;
            }
            if (af->quant != '?') {
                raise_msg(&exc_TypeError, str_format_c("required field \"%S\" missing from %s",
                                                       af->name, ni->name));
                return -1;
            }
            continue;  // the arena gave zeroes: NULL, 0
        }
        if (af->quant == '?' && v == VAL_NONE) {
            continue;
        }
        int rc = af->quant == '*' ? tt_seq(c, v, k, af, fi->type, (Seq **)slot)
                                  : tt_value(c, v, af, fi->type, slot);
        if (rc < 0) {
            return -1;
        }
    }
    // What CPython's node constructors check: required node and identifier
    // fields that came out as None.
    for (int f = 0; f < ni->nfields; f++) {
        const FieldInfo *fi = &ni->fields[f];
        if (fi->type != FT_NODE && fi->type != FT_IDENT && fi->type != FT_STR) {
            continue;
        }
        void *p;
        memcpy(&p, (char *)n + fi->offset, sizeof p);
        if (!p) {
            raise_msg(&exc_ValueError, str_format_c("field '%S' is required for %s",
                                                    ki->fields[f].name, ni->name));
            return -1;
        }
    }
    return 0;
}

// lineno, col_offset, end_lineno, end_col_offset of obj; `owner` names the
// category for the "missing" message. end_* default to the start.
static int tt_positions(Value obj, Node *n, const char *owner, int end_optional) {
    int pos[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++) {
        Value v = obj_getattr_opt(obj, str_intern_cstr(position_names[i]));
        if (!v && err_occurred()) {
            return -1;
        }
        if (i >= 2 && end_optional && (!v || v == VAL_NONE)) {
            pos[i] = pos[i - 2];
            continue;
        }
        if (!v) {
            err_format(&exc_TypeError, "required field \"%s\" missing from %s", position_names[i],
                       owner);
            return -1;
        }
        if (tt_int(v, &pos[i]) < 0) {
            return -1;
        }
    }
    n->lineno = pos[0];
    n->col_offset = pos[1];
    n->end_lineno = pos[2];
    n->end_col_offset = pos[3];
    return 0;
}

// The node kinds of a category: [*first, *last]; 0, or -1 if `type` is a
// product type (one kind, *first).
static int category_range(const char *type, NodeKind *first, NodeKind *last) {
    int found = 0;
    for (int k = 0; k < NK__COUNT; k++) {
        const char *cat = kind_category((NodeKind)k);
        if (cat ? strcmp(cat, type) == 0 : strcmp(ast_node_info[k].name, type) == 0) {
            if (!found) {
                *first = (NodeKind)k;
            }
            *last = (NodeKind)k;
            found = 1;
            if (!cat) {
                return -1;
            }
        }
    }
    return found ? 0 : -2;
}

// A node of ASDL type `type` (a category such as "expr", or a product type
// such as "arguments"). *out NULL for None (categories only).
static int tt_node(ToTree *c, Value obj, const char *type, Node **out) {
    NodeKind first = NK_Module, last = NK_Module;
    int r = category_range(type, &first, &last);
    if (r == -2) {
        err_format(&exc_SystemError, "_ast: unknown ASDL type %s", type);
        return -1;
    }
    char where[48];
    snprintf(where, sizeof where, " while traversing '%s' node", type);
    if (vm_enter_call(where) < 0) {
        return -1;
    }
    int rc = -1;
    Node *n = NULL;
    if (r == -1) {  // a product type: no type check, as CPython
        n = ast_node(c->arena, first, 0, 0, 0, 0);
        if (!n) {
            err_no_memory();
        } else if (tt_fields(c, obj, n) == 0 &&
                   (!ast_node_info[first].has_attributes ||
                    tt_positions(obj, n, type, end_positions_optional(first)) == 0)) {
            rc = 0;
        }
    } else if (obj == VAL_NONE) {
        rc = 0;
    } else {
        Node pos;
        memset(&pos, 0, sizeof pos);
        if (ast_node_info[first].has_attributes &&
            tt_positions(obj, &pos, type, end_positions_optional(first)) < 0) {
            goto done;
        }
        for (NodeKind k = first; k <= last; k++) {
            int is = obj_isinstance(obj, ast_state.kind_class[k]);
            if (is < 0) {
                goto done;
            }
            if (is) {
                n = ast_node(c->arena, k, pos.lineno, pos.col_offset, pos.end_lineno,
                             pos.end_col_offset);
                if (!n) {
                    err_no_memory();
                } else if (tt_fields(c, obj, n) == 0) {
                    rc = 0;
                }
                goto done;
            }
        }
        raise_msg(&exc_TypeError, str_format_c("expected some sort of %s, but got %R", type, obj));
    }
done:
    vm_leave_call();
    *out = rc == 0 ? n : NULL;
    return rc;
}

// ---- the validator (CPython's PyAST_Validate) ---------------------------------------------

static int v_expr(const Node *e, ExprContext ctx);
static int v_stmts(const Seq *s);
static int v_pattern(const Node *p, int star_ok);

static int v_fail(const char *fmt, const char *a, const char *b) {
    err_format(&exc_ValueError, fmt, a, b);
    return -1;
}

// lineno/col_offset against end_lineno/end_col_offset.
static int v_positions(const Node *n) {
    if (n->lineno > n->end_lineno) {
        err_format(&exc_ValueError, "AST node line range (%d, %d) is not valid", n->lineno,
                   n->end_lineno);
        return -1;
    }
    if ((n->lineno < 0 && n->end_lineno != n->lineno) ||
        (n->col_offset < 0 && n->col_offset != n->end_col_offset)) {
        err_format(&exc_ValueError,
                   "AST node column range (%d, %d) for line range (%d, %d) is not valid",
                   n->col_offset, n->end_col_offset, n->lineno, n->end_lineno);
        return -1;
    }
    if (n->lineno == n->end_lineno && n->col_offset > n->end_col_offset) {
        err_format(&exc_ValueError, "line %d, column %d-%d is not a valid range", n->lineno,
                   n->col_offset, n->end_col_offset);
        return -1;
    }
    return 0;
}

static int v_name(const char *id) {
    if (id && (strcmp(id, "None") == 0 || strcmp(id, "True") == 0 || strcmp(id, "False") == 0)) {
        return v_fail("identifier field can't represent '%s' constant%s", id, "");
    }
    return 0;
}

static int v_nonempty(const Seq *s, const char *what, const char *owner) {
    if (!s || s->n == 0) {
        return v_fail("empty %s on %s", what, owner);
    }
    return 0;
}

static int v_exprs(const Seq *s, ExprContext ctx, int null_ok) {
    for (int i = 0; s && i < s->n; i++) {
        if (!s->a[i]) {
            if (!null_ok) {
                return v_fail("None disallowed in expression list%s%s", "", "");
            }
            continue;
        }
        if (v_expr(s->a[i], ctx) < 0) {
            return -1;
        }
    }
    return 0;
}

static int v_idents(const Seq *s) {
    for (int i = 0; s && i < s->n; i++) {
        if (!s->a[i]) {  // CPython crashes here
            return v_fail("None disallowed in identifier list%s%s", "", "");
        }
    }
    return 0;
}

static int v_body(const Seq *body, const char *owner) {
    return v_nonempty(body, "body", owner) < 0 ? -1 : v_stmts(body);
}

// A constant object: None, Ellipsis, an exact int, float, complex, bool,
// str or bytes, or a tuple or frozenset of those. The culprit's type name
// into *bad when not.
static int v_constant_ok(Value v, const char **bad) {
    Type *t = type_of(v);
    if (v == VAL_NONE || v == VAL_ELLIPSIS || t == &type_int || t == &type_float ||
        t == &type_complex || t == &type_bool || t == &type_str || t == &type_bytes) {
        return 1;
    }
    if (t == &type_tuple || t == &type_frozenset) {
        Value it = obj_iter(v);
        if (!it) {
            return -1;
        }
        Value item;
        while ((item = obj_next(it))) {
            int ok = v_constant_ok(item, bad);
            if (ok <= 0) {
                return ok;
            }
        }
        return err_occurred() ? -1 : 1;
    }
    *bad = obj_type_name(v);
    return 0;
}

static int v_constant(const ConstValue *cv) {
    if (cv->kind != CONST_OBJECT) {
        return 0;
    }
    const char *bad = NULL;
    int ok = v_constant_ok((Value)cv->obj, &bad);
    if (ok == 0) {
        err_format(&exc_TypeError, "got an invalid type in Constant: %s", bad);
    }
    return ok > 0 ? 0 : -1;
}

static int v_args(const Seq *args) {
    for (int i = 0; args && i < args->n; i++) {
        const Node *a = args->a[i];
        if (!a) {
            return v_fail("None disallowed in argument list%s%s", "", "");
        }
        if (a->v.arg.annotation && v_expr(a->v.arg.annotation, CTX_Load) < 0) {
            return -1;
        }
    }
    return 0;
}

static int v_arguments(const Node *a) {
    if (v_args(a->v.arguments.posonlyargs) < 0 || v_args(a->v.arguments.args) < 0) {
        return -1;
    }
    const Node *va = a->v.arguments.vararg, *kw = a->v.arguments.kwarg;
    if (va && va->v.arg.annotation && v_expr(va->v.arg.annotation, CTX_Load) < 0) {
        return -1;
    }
    if (v_args(a->v.arguments.kwonlyargs) < 0) {
        return -1;
    }
    if (kw && kw->v.arg.annotation && v_expr(kw->v.arg.annotation, CTX_Load) < 0) {
        return -1;
    }
    int ndefaults = a->v.arguments.defaults ? a->v.arguments.defaults->n : 0;
    int nposonly = a->v.arguments.posonlyargs ? a->v.arguments.posonlyargs->n : 0;
    int nargs = a->v.arguments.args ? a->v.arguments.args->n : 0;
    if (ndefaults > nposonly + nargs) {
        return v_fail("more positional defaults than args on arguments%s%s", "", "");
    }
    int nkwdefaults = a->v.arguments.kw_defaults ? a->v.arguments.kw_defaults->n : 0;
    int nkwonly = a->v.arguments.kwonlyargs ? a->v.arguments.kwonlyargs->n : 0;
    if (nkwdefaults != nkwonly) {
        return v_fail("length of kwonlyargs is not the same as kw_defaults on arguments%s%s", "",
                      "");
    }
    return v_exprs(a->v.arguments.defaults, CTX_Load, 0) < 0
               ? -1
               : v_exprs(a->v.arguments.kw_defaults, CTX_Load, 1);
}

static int v_keywords(const Seq *kws) {
    for (int i = 0; kws && i < kws->n; i++) {
        const Node *k = kws->a[i];
        if (!k) {
            return v_fail("None disallowed in keyword list%s%s", "", "");
        }
        if (v_expr(k->v.keyword.value, CTX_Load) < 0) {
            return -1;
        }
    }
    return 0;
}

static int v_comprehension(const Seq *gens) {
    if (!gens || gens->n == 0) {
        return v_fail("comprehension with no generators%s%s", "", "");
    }
    for (int i = 0; i < gens->n; i++) {
        const Node *g = gens->a[i];
        if (!g) {
            return v_fail("None disallowed in comprehension list%s%s", "", "");
        }
        if (v_expr(g->v.comprehension.target, CTX_Store) < 0 ||
            v_expr(g->v.comprehension.iter, CTX_Load) < 0 ||
            v_exprs(g->v.comprehension.ifs, CTX_Load, 0) < 0) {
            return -1;
        }
    }
    return 0;
}

static int v_opt(const Node *e) {
    return e ? v_expr(e, CTX_Load) : 0;
}

static int v_expr(const Node *e, ExprContext ctx) {
    if (v_positions(e) < 0) {
        return -1;
    }
    int has_ctx = 1;
    ExprContext actual = CTX_Load;
    switch (e->kind) {
    case NK_Attribute: actual = e->v.Attribute.ctx; break;
    case NK_Subscript: actual = e->v.Subscript.ctx; break;
    case NK_Starred: actual = e->v.Starred.ctx; break;
    case NK_Name: actual = e->v.Name.ctx; break;
    case NK_List: actual = e->v.List.ctx; break;
    case NK_Tuple: actual = e->v.Tuple.ctx; break;
    default:
        if (ctx != CTX_Load) {
            return v_fail("expression which can't be assigned to in %s context%s",
                          ast_ctx_names[ctx], "");
        }
        has_ctx = 0;
    }
    if (has_ctx && actual != ctx) {
        return v_fail("expression must have %s context but has %s instead", ast_ctx_names[ctx],
                      ast_ctx_names[actual]);
    }
    if (vm_enter_call(" during compilation") < 0) {
        return -1;
    }
    int rc = 0;
    switch (e->kind) {
    case NK_BoolOp:
        if (!e->v.BoolOp.values || e->v.BoolOp.values->n < 2) {
            rc = v_fail("BoolOp with less than 2 values%s%s", "", "");
        } else {
            rc = v_exprs(e->v.BoolOp.values, CTX_Load, 0);
        }
        break;
    case NK_BinOp:
        rc = v_expr(e->v.BinOp.left, CTX_Load) < 0 ? -1 : v_expr(e->v.BinOp.right, CTX_Load);
        break;
    case NK_UnaryOp:
        rc = v_expr(e->v.UnaryOp.operand, CTX_Load);
        break;
    case NK_Lambda:
        rc = v_arguments(e->v.Lambda.args) < 0 ? -1 : v_expr(e->v.Lambda.body, CTX_Load);
        break;
    case NK_IfExp:
        rc = (v_expr(e->v.IfExp.test, CTX_Load) < 0 || v_expr(e->v.IfExp.body, CTX_Load) < 0)
                 ? -1
                 : v_expr(e->v.IfExp.orelse, CTX_Load);
        break;
    case NK_Dict: {
        int nk = e->v.Dict.keys ? e->v.Dict.keys->n : 0;
        int nv = e->v.Dict.values ? e->v.Dict.values->n : 0;
        if (nk != nv) {
            rc = v_fail("Dict doesn't have the same number of keys as values%s%s", "", "");
        } else {
            rc = v_exprs(e->v.Dict.keys, CTX_Load, 1) < 0 ? -1
                                                           : v_exprs(e->v.Dict.values, CTX_Load, 0);
        }
        break;
    }
    case NK_Set:
        rc = v_exprs(e->v.Set.elts, CTX_Load, 0);
        break;
    case NK_ListComp:
    case NK_SetComp:
    case NK_GeneratorExp:
        rc = v_comprehension(e->v.ListComp.generators) < 0 ? -1
                                                            : v_expr(e->v.ListComp.elt, CTX_Load);
        break;
    case NK_DictComp:
        rc = (v_comprehension(e->v.DictComp.generators) < 0 ||
              v_expr(e->v.DictComp.key, CTX_Load) < 0)
                 ? -1
                 : v_expr(e->v.DictComp.value, CTX_Load);
        break;
    case NK_Yield:
        rc = v_opt(e->v.Yield.value);
        break;
    case NK_YieldFrom:
    case NK_Await:
        rc = v_expr(e->v.Await.value, CTX_Load);
        break;
    case NK_Compare: {
        int nc = e->v.Compare.comparators ? e->v.Compare.comparators->n : 0;
        int no = e->v.Compare.ops ? e->v.Compare.ops->n : 0;
        if (nc == 0) {
            rc = v_fail("Compare with no comparators%s%s", "", "");
        } else if (nc != no) {
            rc = v_fail("Compare has a different number of comparators and operands%s%s", "", "");
        } else {
            rc = v_exprs(e->v.Compare.comparators, CTX_Load, 0) < 0
                     ? -1
                     : v_expr(e->v.Compare.left, CTX_Load);
        }
        break;
    }
    case NK_Call:
        rc = (v_expr(e->v.Call.func, CTX_Load) < 0 || v_exprs(e->v.Call.args, CTX_Load, 0) < 0)
                 ? -1
                 : v_keywords(e->v.Call.keywords);
        break;
    case NK_Constant:
        rc = v_constant(&e->v.Constant.value);
        break;
    case NK_JoinedStr:
        rc = v_exprs(e->v.JoinedStr.values, CTX_Load, 0);
        break;
    case NK_FormattedValue: {
        int conv = e->v.FormattedValue.conversion;
        if (v_expr(e->v.FormattedValue.value, CTX_Load) < 0 ||
            v_opt(e->v.FormattedValue.format_spec) < 0) {
            rc = -1;
        } else if (conv != -1 && conv != 's' && conv != 'r' && conv != 'a') {
            // CPython's code generator refuses it, with a SystemError
            err_format(&exc_SystemError, "Unrecognized conversion character %d", conv);
            rc = -1;
        }
        break;
    }
    case NK_Attribute:
        rc = v_expr(e->v.Attribute.value, CTX_Load);
        break;
    case NK_Subscript:
        rc = v_expr(e->v.Subscript.slice, CTX_Load) < 0 ? -1
                                                         : v_expr(e->v.Subscript.value, CTX_Load);
        break;
    case NK_Starred:
        rc = v_expr(e->v.Starred.value, ctx);
        break;
    case NK_Slice:
        rc = (v_opt(e->v.Slice.lower) < 0 || v_opt(e->v.Slice.upper) < 0) ? -1
                                                                           : v_opt(e->v.Slice.step);
        break;
    case NK_List:
    case NK_Tuple:
        rc = v_exprs(e->v.List.elts, ctx, 0);
        break;
    case NK_NamedExpr:
        rc = v_expr(e->v.NamedExpr.value, CTX_Load);
        break;
    case NK_Name:
        rc = v_name(e->v.Name.id);
        break;
    default:
        err_format(&exc_SystemError, "unexpected expression");
        rc = -1;
    }
    vm_leave_call();
    return rc;
}

static int v_capture(const char *name) {
    if (strcmp(name, "_") == 0) {
        return v_fail("can't capture name '_' in patterns%s%s", "", "");
    }
    return v_name(name);
}

// A MatchValue's value, or a MatchMapping key.
static int v_match_value(const Node *e) {
    if (v_expr(e, CTX_Load) < 0) {
        return -1;
    }
    switch (e->kind) {
    case NK_Constant: {
        ConstKind k = e->v.Constant.value.kind;
        Value obj = (Value)e->v.Constant.value.obj;
        if (k == CONST_INT || k == CONST_BIGINT || k == CONST_FLOAT || k == CONST_COMPLEX ||
            k == CONST_STR || k == CONST_BYTES ||
            (k == CONST_OBJECT && (type_of(obj) == &type_int || type_of(obj) == &type_complex))) {
            return 0;
        }
        return v_fail("unexpected constant inside of a literal pattern%s%s", "", "");
    }
    case NK_Attribute:
    case NK_JoinedStr:
        return 0;
    case NK_UnaryOp:
        if (e->v.UnaryOp.op == UNARY_USub) {
            return 0;
        }
        break;
    case NK_BinOp:
        if (e->v.BinOp.op == OP_Add || e->v.BinOp.op == OP_Sub) {
            return 0;
        }
        break;
    default:
        break;
    }
    return v_fail("patterns may only match literals and attribute lookups%s%s", "", "");
}

static int v_patterns(const Seq *s, int star_ok) {
    for (int i = 0; s && i < s->n; i++) {
        if (!s->a[i]) {  // CPython crashes here
            return v_fail("None disallowed in pattern list%s%s", "", "");
        }
        if (v_pattern(s->a[i], star_ok) < 0) {
            return -1;
        }
    }
    return 0;
}

static int v_pattern_inner(const Node *p, int star_ok) {
    switch (p->kind) {
    case NK_MatchValue:
        return v_match_value(p->v.MatchValue.value);
    case NK_MatchSingleton: {
        ConstKind k = p->v.MatchSingleton.value.kind;
        if (k != CONST_NONE && k != CONST_TRUE && k != CONST_FALSE) {
            return v_fail("MatchSingleton can only contain True, False and None%s%s", "", "");
        }
        return 0;
    }
    case NK_MatchSequence:
        return v_patterns(p->v.MatchSequence.patterns, 1);
    case NK_MatchMapping: {
        const Seq *keys = p->v.MatchMapping.keys;
        int nk = keys ? keys->n : 0;
        int np = p->v.MatchMapping.patterns ? p->v.MatchMapping.patterns->n : 0;
        if (nk != np) {
            return v_fail("MatchMapping doesn't have the same number of keys as patterns%s%s", "",
                          "");
        }
        if (p->v.MatchMapping.rest && v_capture(p->v.MatchMapping.rest) < 0) {
            return -1;
        }
        for (int i = 0; i < nk; i++) {
            const Node *key = keys->a[i];
            if (!key) {
                return v_fail("None disallowed in expression list%s%s", "", "");
            }
            if (key->kind == NK_Constant) {
                ConstKind k = key->v.Constant.value.kind;
                if (k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE) {
                    continue;
                }
            }
            if (v_match_value(key) < 0) {
                return -1;
            }
        }
        return v_patterns(p->v.MatchMapping.patterns, 0);
    }
    case NK_MatchClass: {
        const Seq *attrs = p->v.MatchClass.kwd_attrs;
        int na = attrs ? attrs->n : 0;
        int np = p->v.MatchClass.kwd_patterns ? p->v.MatchClass.kwd_patterns->n : 0;
        if (na != np) {
            return v_fail("MatchClass doesn't have the same number of keyword attributes as "
                          "patterns%s%s", "", "");
        }
        if (v_expr(p->v.MatchClass.cls, CTX_Load) < 0) {
            return -1;
        }
        const Node *cls = p->v.MatchClass.cls;
        while (cls->kind == NK_Attribute) {
            cls = cls->v.Attribute.value;
        }
        if (cls->kind != NK_Name) {
            return v_fail("MatchClass cls field can only contain Name or Attribute nodes.%s%s", "",
                          "");
        }
        if (v_idents(attrs) < 0) {
            return -1;
        }
        for (int i = 0; i < na; i++) {
            if (v_name(attrs->a[i]) < 0) {
                return -1;
            }
        }
        return v_patterns(p->v.MatchClass.patterns, 0) < 0
                   ? -1
                   : v_patterns(p->v.MatchClass.kwd_patterns, 0);
    }
    case NK_MatchStar:
        if (!star_ok) {
            return v_fail("can't use MatchStar here%s%s", "", "");
        }
        return p->v.MatchStar.name ? v_capture(p->v.MatchStar.name) : 0;
    case NK_MatchAs:
        if (p->v.MatchAs.name && v_capture(p->v.MatchAs.name) < 0) {
            return -1;
        }
        if (!p->v.MatchAs.pattern) {
            return 0;
        }
        if (!p->v.MatchAs.name) {
            return v_fail("MatchAs must specify a target name if a pattern is given%s%s", "", "");
        }
        return v_pattern(p->v.MatchAs.pattern, 0);
    case NK_MatchOr:
        if (!p->v.MatchOr.patterns || p->v.MatchOr.patterns->n < 2) {
            return v_fail("MatchOr requires at least 2 patterns%s%s", "", "");
        }
        return v_patterns(p->v.MatchOr.patterns, 0);
    default:
        err_format(&exc_SystemError, "unexpected pattern");
        return -1;
    }
}

static int v_pattern(const Node *p, int star_ok) {
    if (v_positions(p) < 0 || vm_enter_call(" during compilation") < 0) {
        return -1;
    }
    int rc = v_pattern_inner(p, star_ok);
    vm_leave_call();
    return rc;
}

static int v_withitems(const Seq *items, const char *owner) {
    if (v_nonempty(items, "items", owner) < 0) {
        return -1;
    }
    for (int i = 0; i < items->n; i++) {
        const Node *it = items->a[i];
        if (!it) {
            return v_fail("None disallowed in withitem list%s%s", "", "");
        }
        if (v_expr(it->v.withitem.context_expr, CTX_Load) < 0 ||
            (it->v.withitem.optional_vars &&
             v_expr(it->v.withitem.optional_vars, CTX_Store) < 0)) {
            return -1;
        }
    }
    return 0;
}

static int v_try(const Node *s, const char *owner) {
    if (v_body(s->v.Try.body, owner) < 0) {
        return -1;
    }
    int nh = s->v.Try.handlers ? s->v.Try.handlers->n : 0;
    int nf = s->v.Try.finalbody ? s->v.Try.finalbody->n : 0;
    int ne = s->v.Try.orelse ? s->v.Try.orelse->n : 0;
    if (!nh && !nf) {
        return v_fail("%s has neither except handlers nor finalbody%s", owner, "");
    }
    if (!nh && ne) {
        return v_fail("%s has orelse but no except handlers%s", owner, "");
    }
    for (int i = 0; i < nh; i++) {
        const Node *h = s->v.Try.handlers->a[i];
        if (!h) {
            return v_fail("None disallowed in excepthandler list%s%s", "", "");
        }
        if (v_opt(h->v.ExceptHandler.type) < 0 || v_body(h->v.ExceptHandler.body, "ExceptHandler") < 0) {
            return -1;
        }
    }
    return (nf && v_stmts(s->v.Try.finalbody) < 0) || (ne && v_stmts(s->v.Try.orelse) < 0) ? -1
                                                                                           : 0;
}

static int v_stmt_inner(const Node *s) {
    const char *name = ast_node_info[s->kind].name;
    switch (s->kind) {
    case NK_FunctionDef:
    case NK_AsyncFunctionDef:
        return (v_body(s->v.FunctionDef.body, name) < 0 || v_arguments(s->v.FunctionDef.args) < 0 ||
                v_exprs(s->v.FunctionDef.decorator_list, CTX_Load, 0) < 0)
                   ? -1
                   : v_opt(s->v.FunctionDef.returns);
    case NK_ClassDef:
        return (v_body(s->v.ClassDef.body, name) < 0 ||
                v_exprs(s->v.ClassDef.bases, CTX_Load, 0) < 0 ||
                v_keywords(s->v.ClassDef.keywords) < 0)
                   ? -1
                   : v_exprs(s->v.ClassDef.decorator_list, CTX_Load, 0);
    case NK_Return:
        return v_opt(s->v.Return.value);
    case NK_Delete:
        return v_nonempty(s->v.Delete.targets, "targets", name) < 0
                   ? -1
                   : v_exprs(s->v.Delete.targets, CTX_Del, 0);
    case NK_Assign:
        return (v_nonempty(s->v.Assign.targets, "targets", name) < 0 ||
                v_exprs(s->v.Assign.targets, CTX_Store, 0) < 0)
                   ? -1
                   : v_expr(s->v.Assign.value, CTX_Load);
    case NK_AugAssign:
        return v_expr(s->v.AugAssign.target, CTX_Store) < 0 ? -1
                                                             : v_expr(s->v.AugAssign.value, CTX_Load);
    case NK_AnnAssign:
        if (s->v.AnnAssign.target->kind != NK_Name && s->v.AnnAssign.simple) {
            err_format(&exc_TypeError, "AnnAssign with simple non-Name target");
            return -1;
        }
        return (v_expr(s->v.AnnAssign.target, CTX_Store) < 0 || v_opt(s->v.AnnAssign.value) < 0)
                   ? -1
                   : v_expr(s->v.AnnAssign.annotation, CTX_Load);
    case NK_For:
    case NK_AsyncFor:
        return (v_expr(s->v.For.target, CTX_Store) < 0 || v_expr(s->v.For.iter, CTX_Load) < 0 ||
                v_body(s->v.For.body, name) < 0)
                   ? -1
                   : v_stmts(s->v.For.orelse);
    case NK_While:
    case NK_If:
        return (v_expr(s->v.If.test, CTX_Load) < 0 || v_body(s->v.If.body, name) < 0)
                   ? -1
                   : v_stmts(s->v.If.orelse);
    case NK_With:
    case NK_AsyncWith:
        return v_withitems(s->v.With.items, name) < 0 ? -1 : v_body(s->v.With.body, name);
    case NK_Match: {
        if (v_expr(s->v.Match.subject, CTX_Load) < 0 ||
            v_nonempty(s->v.Match.cases, "cases", name) < 0) {
            return -1;
        }
        for (int i = 0; i < s->v.Match.cases->n; i++) {
            const Node *mc = s->v.Match.cases->a[i];
            if (!mc) {
                return v_fail("None disallowed in match_case list%s%s", "", "");
            }
            if (v_pattern(mc->v.match_case.pattern, 0) < 0 || v_opt(mc->v.match_case.guard) < 0 ||
                v_body(mc->v.match_case.body, "match_case") < 0) {
                return -1;
            }
        }
        return 0;
    }
    case NK_Raise:
        if (s->v.Raise.exc) {
            return v_expr(s->v.Raise.exc, CTX_Load) < 0 ? -1 : v_opt(s->v.Raise.cause);
        }
        if (s->v.Raise.cause) {
            return v_fail("Raise with cause but no exception%s%s", "", "");
        }
        return 0;
    case NK_Try:
    case NK_TryStar:
        return v_try(s, name);
    case NK_Assert:
        return v_expr(s->v.Assert.test, CTX_Load) < 0 ? -1 : v_opt(s->v.Assert.msg);
    case NK_Import:
        return v_nonempty(s->v.Import.names, "names", name);
    case NK_ImportFrom:
        if (s->v.ImportFrom.level < 0) {
            return v_fail("Negative ImportFrom level%s%s", "", "");
        }
        return v_nonempty(s->v.ImportFrom.names, "names", name);
    case NK_Global:
    case NK_Nonlocal:
        return v_nonempty(s->v.Global.names, "names", name) < 0 ? -1 : v_idents(s->v.Global.names);
    case NK_Expr:
        return v_expr(s->v.Expr.value, CTX_Load);
    case NK_Pass:
    case NK_Break:
    case NK_Continue:
        return 0;
    default:
        err_format(&exc_SystemError, "unexpected statement");
        return -1;
    }
}

static int v_stmt(const Node *s) {
    if (v_positions(s) < 0 || vm_enter_call(" during compilation") < 0) {
        return -1;
    }
    int rc = v_stmt_inner(s);
    vm_leave_call();
    return rc;
}

static int v_stmts(const Seq *s) {
    for (int i = 0; s && i < s->n; i++) {
        if (!s->a[i]) {
            return v_fail("None disallowed in statement list%s%s", "", "");
        }
        if (v_stmt(s->a[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int v_mod(const Node *m) {
    switch (m->kind) {
    case NK_Module:
        return v_stmts(m->v.Module.body);
    case NK_Interactive:
        return v_stmts(m->v.Interactive.body);
    case NK_Expression:
        return v_expr(m->v.Expression.body, CTX_Load);
    case NK_FunctionType:
        return v_exprs(m->v.FunctionType.argtypes, CTX_Load, 0) < 0
                   ? -1
                   : v_expr(m->v.FunctionType.returns, CTX_Load);
    default:
        err_format(&exc_SystemError, "impossible module node");
        return -1;
    }
}

Node *ast_object_to_tree(Arena *arena, Value obj, int mode, Value *keep) {
    if (!ast_module_init()) {
        return NULL;
    }
    static const NodeKind wanted[] = {NK_Module, NK_Expression, NK_Interactive};
    NodeKind k = wanted[mode];
    int is = obj_isinstance(obj, ast_state.kind_class[k]);
    if (is <= 0) {
        if (is == 0) {
            err_format(&exc_TypeError, "expected %s node, got %.400s", ast_node_info[k].name,
                       ast_class_name(obj));
        }
        return NULL;
    }
    ToTree c = {arena, list_new(0)};
    *keep = c.keep;
    if (!c.keep) {
        return NULL;
    }
    Node *tree;
    if (tt_node(&c, obj, "mod", &tree) < 0 || v_mod(tree) < 0) {
        return NULL;
    }
    return tree;
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
