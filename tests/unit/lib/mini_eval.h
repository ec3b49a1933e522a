// mini_eval.h - evaluate one Python expression on the runtime, for C unit
// tests that need no interpreter: the line is parsed by krait's own parser
// (PARSE_EVAL) and the tree walked here, calling the runtime's generic
// protocol (abstract.h). A test's cases are then plain Python expressions
// that its oracle.py passes to CPython's eval(), one output line per case:
//     repr(result)                  or
//     ExcType: str(exception)
// Supported: constants, names (builtin types, plus the driver's functions),
// attributes, calls with *args, keywords and **kwargs, subscripts and
// slices, unary/binary operators, comparisons (in, is), and/or/not, x if c
// else y, tuples/lists/dicts/sets, and f-strings (their formatting goes
// through the driver's `format` and conversion functions).
//
// Include it in exactly one test driver (everything is static). The driver
// provides:
//     static const MiniFunc mini_funcs[];  {name, fn} pairs, {NULL, NULL}-terminated
//     static Value mini_convert(Value v, int conversion);  // !r !s !a of an f-string
//     static Value mini_format(Value v, Value spec);       // format(v, spec)
#ifndef KRAIT_TEST_MINI_EVAL_H
#define KRAIT_TEST_MINI_EVAL_H

#include <stdio.h>
#include <string.h>

#include "parse/parser.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef struct MiniFunc {
    const char *name;
    Value (*fn)(const Value *args, size_t nargs, Value kwnames);
} MiniFunc;

static const MiniFunc mini_funcs[];
static Value mini_convert(Value v, int conversion);
static Value mini_format(Value v, Value spec);

static Value mini_eval(Node *n);

static Value mini_constant(const ConstValue *c) {
    switch (c->kind) {
    case CONST_NONE: return VAL_NONE;
    case CONST_TRUE: return VAL_TRUE;
    case CONST_FALSE: return VAL_FALSE;
    case CONST_ELLIPSIS: return VAL_ELLIPSIS;
    case CONST_INT: return int_from_i64(c->i);
    case CONST_BIGINT: return int_from_limbs(c->big.limbs, (size_t)c->big.n, 0);
    case CONST_FLOAT: return float_from_double(c->f);
    case CONST_COMPLEX: return complex_new(0.0, c->f);
    case CONST_STR: return str_from_utf8(c->str.s, c->str.len);
    case CONST_BYTES: return bytes_from(c->str.s, c->str.len);
    case CONST_OBJECT: break;  // only compile() of an AST object makes these
    }
    return err_format(&exc_SystemError, "mini_eval: unknown constant");
}

static Value mini_name(const char *id) {
    static Type *const types[] = {
        &type_str, &type_int, &type_float, &type_complex, &type_bytes, &type_list, &type_tuple,
        &type_dict, &type_set, &type_frozenset, &type_bool, &type_range, &type_slice,
        &type_object, &type_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strcmp(types[i]->name, id) == 0) {
            return val_from_ptr(types[i]);
        }
    }
    if (strcmp(id, "None") == 0) {
        return VAL_NONE;
    }
#define MINI_EXC_(name, base)                 \
    if (strcmp(id, #name) == 0) {             \
        return val_from_ptr(&exc_##name);     \
    }
    EXCEPTION_TYPES(MINI_EXC_)
#undef MINI_EXC_
    return err_format(&exc_NameError, "name '%s' is not defined", id);
}

static const MiniFunc *mini_find_func(const char *id) {
    for (const MiniFunc *f = mini_funcs; f->name; f++) {
        if (strcmp(f->name, id) == 0) {
            return f;
        }
    }
    return NULL;
}

// Append the values of an iterable to the list `out`.
static int mini_extend(Value out, Value iterable) {
    return list_extend(out, iterable);
}

// Evaluate a call's arguments into a list of positional values, a list of
// keyword values and a tuple of their names.
static int mini_call_args(Node *call, Value *pos, Value *kwnames, Value *kwvalues) {
    *pos = list_new(0);
    Value names = list_new(0);
    *kwvalues = list_new(0);
    Seq *args = call->v.Call.args;
    for (int i = 0; args && i < args->n; i++) {
        Node *a = args->a[i];
        if (a->kind == NK_Starred) {
            Value it = mini_eval(a->v.Starred.value);
            if (!it || mini_extend(*pos, it) < 0) {
                return -1;
            }
            continue;
        }
        Value v = mini_eval(a);
        if (!v || list_append(*pos, v) < 0) {
            return -1;
        }
    }
    Seq *kws = call->v.Call.keywords;
    for (int i = 0; kws && i < kws->n; i++) {
        Node *k = kws->a[i];
        Value v = mini_eval(k->v.keyword.value);
        if (!v) {
            return -1;
        }
        if (k->v.keyword.arg == NULL) {  // **mapping
            if (!dict_check(v)) {
                err_format(&exc_TypeError, "mini_eval: ** needs a dict");
                return -1;
            }
            size_t it = 0;
            Value key, value;
            while (dict_next(v, &it, &key, &value)) {
                if (list_append(names, str_intern(key)) < 0 ||
                    list_append(*kwvalues, value) < 0) {
                    return -1;
                }
            }
            continue;
        }
        if (list_append(names, str_intern_cstr(k->v.keyword.arg)) < 0 ||
            list_append(*kwvalues, v) < 0) {
            return -1;
        }
    }
    *kwnames = list_obj(names)->len ? tuple_from(list_obj(names)->items, list_obj(names)->len)
                                     : 0;
    return 0;
}

static Value mini_call(Node *n) {
    Node *fn = n->v.Call.func;
    const MiniFunc *driver = fn->kind == NK_Name ? mini_find_func(fn->v.Name.id) : NULL;
    Value callee = 0;
    if (!driver) {
        callee = mini_eval(fn);
        if (!callee) {
            return 0;
        }
    }
    Value pos, kwnames, kwvalues;
    if (mini_call_args(n, &pos, &kwnames, &kwvalues) < 0) {
        return 0;
    }
    size_t np = list_obj(pos)->len, nk = list_obj(kwvalues)->len;
    Value all = list_new(np + nk);
    list_extend(all, pos);
    list_extend(all, kwvalues);
    const Value *argv = list_obj(all)->items;
    if (driver) {
        return driver->fn(argv, np, kwnames);
    }
    return obj_call(callee, argv, np, kwnames);
}

static Value mini_slice_part(Node *n) {
    return n ? mini_eval(n) : VAL_NONE;
}

static Value mini_binop(OperatorKind op, Value a, Value b) {
    static const BinOp map[] = {
        [OP_Add] = BINOP_ADD, [OP_Sub] = BINOP_SUB, [OP_Mult] = BINOP_MUL,
        [OP_MatMult] = BINOP_MATMUL, [OP_Div] = BINOP_TRUEDIV, [OP_Mod] = BINOP_MOD,
        [OP_Pow] = BINOP_POW, [OP_LShift] = BINOP_LSHIFT, [OP_RShift] = BINOP_RSHIFT,
        [OP_BitOr] = BINOP_OR, [OP_BitXor] = BINOP_XOR, [OP_BitAnd] = BINOP_AND,
        [OP_FloorDiv] = BINOP_FLOORDIV,
    };
    return obj_binop(a, b, map[op]);
}

static Value mini_compare(Node *n) {
    Value left = mini_eval(n->v.Compare.left);
    if (!left) {
        return 0;
    }
    Value result = VAL_TRUE;
    for (int i = 0; i < n->v.Compare.ops->n; i++) {
        CmpOpKind op = (CmpOpKind)(intptr_t)n->v.Compare.ops->a[i];
        Value right = mini_eval(n->v.Compare.comparators->a[i]);
        if (!right) {
            return 0;
        }
        int r;
        switch (op) {
        case CMP_Is: result = val_bool(left == right); break;
        case CMP_IsNot: result = val_bool(left != right); break;
        case CMP_In:
        case CMP_NotIn:
            r = obj_contains(right, left);
            if (r < 0) {
                return 0;
            }
            result = val_bool(op == CMP_In ? r : !r);
            break;
        default: {
            static const CompareOp map[] = {
                [CMP_Eq] = CMP_EQ, [CMP_NotEq] = CMP_NE, [CMP_Lt] = CMP_LT,
                [CMP_LtE] = CMP_LE, [CMP_Gt] = CMP_GT, [CMP_GtE] = CMP_GE,
            };
            result = obj_richcompare(left, right, map[op]);
            if (!result) {
                return 0;
            }
        }
        }
        if (i + 1 < n->v.Compare.ops->n) {
            int t = obj_truthy(result);
            if (t < 0) {
                return 0;
            }
            if (!t) {
                return result;
            }
        }
        left = right;
    }
    return result;
}

static Value mini_seq_items(Seq *elts) {
    Value items = list_new(0);
    for (int i = 0; elts && i < elts->n; i++) {
        Node *e = elts->a[i];
        if (e->kind == NK_Starred) {
            Value it = mini_eval(e->v.Starred.value);
            if (!it || mini_extend(items, it) < 0) {
                return 0;
            }
            continue;
        }
        Value v = mini_eval(e);
        if (!v || list_append(items, v) < 0) {
            return 0;
        }
    }
    return items;
}

// An f-string: the parts concatenated, each replacement field converted
// and formatted through the driver.
static Value mini_joined(Node *n) {
    Value out = str_empty();
    Seq *parts = n->v.JoinedStr.values;
    for (int i = 0; parts && i < parts->n; i++) {
        Node *p = parts->a[i];
        Value piece;
        if (p->kind == NK_FormattedValue) {
            Value v = mini_eval(p->v.FormattedValue.value);
            if (!v) {
                return 0;
            }
            if (p->v.FormattedValue.conversion != -1) {
                v = mini_convert(v, p->v.FormattedValue.conversion);
                if (!v) {
                    return 0;
                }
            }
            Value spec = p->v.FormattedValue.format_spec
                             ? mini_eval(p->v.FormattedValue.format_spec)
                             : str_empty();
            if (!spec) {
                return 0;
            }
            piece = mini_format(v, spec);
        } else {
            piece = mini_eval(p);
        }
        if (!piece) {
            return 0;
        }
        out = str_concat(out, piece);
        if (!out) {
            return 0;
        }
    }
    return out;
}

static Value mini_eval(Node *n) {
    switch (n->kind) {
    case NK_Constant:
        return mini_constant(&n->v.Constant.value);
    case NK_Name: {
        const MiniFunc *f = mini_find_func(n->v.Name.id);
        if (f) {
            return err_format(&exc_SystemError, "mini_eval: %s can only be called",
                              n->v.Name.id);
        }
        return mini_name(n->v.Name.id);
    }
    case NK_Attribute: {
        Value v = mini_eval(n->v.Attribute.value);
        return v ? obj_getattr(v, str_intern_cstr(n->v.Attribute.attr)) : 0;
    }
    case NK_Call:
        return mini_call(n);
    case NK_Subscript: {
        Value v = mini_eval(n->v.Subscript.value);
        Value k = v ? mini_eval(n->v.Subscript.slice) : 0;
        return k ? obj_getitem(v, k) : 0;
    }
    case NK_Slice: {
        Value a = mini_slice_part(n->v.Slice.lower);
        Value b = a ? mini_slice_part(n->v.Slice.upper) : 0;
        Value c = b ? mini_slice_part(n->v.Slice.step) : 0;
        return c ? slice_new(a, b, c) : 0;
    }
    case NK_BinOp: {
        Value a = mini_eval(n->v.BinOp.left);
        Value b = a ? mini_eval(n->v.BinOp.right) : 0;
        return b ? mini_binop(n->v.BinOp.op, a, b) : 0;
    }
    case NK_UnaryOp: {
        Value a = mini_eval(n->v.UnaryOp.operand);
        if (!a) {
            return 0;
        }
        switch (n->v.UnaryOp.op) {
        case UNARY_Invert: return obj_invert(a);
        case UNARY_UAdd: return obj_pos(a);
        case UNARY_USub: return obj_neg(a);
        case UNARY_Not: {
            int t = obj_truthy(a);
            return t < 0 ? 0 : val_bool(!t);
        }
        }
        return 0;
    }
    case NK_BoolOp: {
        Value v = 0;
        for (int i = 0; i < n->v.BoolOp.values->n; i++) {
            v = mini_eval(n->v.BoolOp.values->a[i]);
            if (!v) {
                return 0;
            }
            int t = obj_truthy(v);
            if (t < 0) {
                return 0;
            }
            if ((n->v.BoolOp.op == BOOL_And) != t) {
                break;
            }
        }
        return v;
    }
    case NK_IfExp: {
        Value c = mini_eval(n->v.IfExp.test);
        int t = c ? obj_truthy(c) : -1;
        if (t < 0) {
            return 0;
        }
        return mini_eval(t ? n->v.IfExp.body : n->v.IfExp.orelse);
    }
    case NK_Compare:
        return mini_compare(n);
    case NK_Tuple:
    case NK_List: {
        Value items = mini_seq_items(n->kind == NK_Tuple ? n->v.Tuple.elts : n->v.List.elts);
        if (!items || n->kind == NK_List) {
            return items;
        }
        return tuple_from(list_obj(items)->items, list_obj(items)->len);
    }
    case NK_Set: {
        Value items = mini_seq_items(n->v.Set.elts);
        return items ? obj_call1(val_from_ptr(&type_set), items) : 0;
    }
    case NK_Dict: {
        Value d = dict_new();
        for (int i = 0; i < n->v.Dict.keys->n; i++) {
            Node *kn = n->v.Dict.keys->a[i];
            Value v = mini_eval(n->v.Dict.values->a[i]);
            if (!v) {
                return 0;
            }
            if (!kn) {
                if (dict_merge(d, v, 1) < 0) {
                    return 0;
                }
                continue;
            }
            Value k = mini_eval(kn);
            if (!k || dict_set(d, k, v) < 0) {
                return 0;
            }
        }
        return d;
    }
    case NK_JoinedStr:
        return mini_joined(n);
    default:
        return err_format(&exc_SystemError, "mini_eval: unsupported expression (kind %d)",
                          n->kind);
    }
}

// Print the pending exception as `Type: str(exc)` (newlines escaped).
static void mini_print_exception(void) {
    Value exc = err_fetch();
    if (!exc) {
        printf("<no exception pending>\n");
        return;
    }
    Value s = obj_str(exc);
    if (!s) {
        err_clear();
    }
    printf("%s: ", type_of(exc)->name);
    const char *p = s ? str_obj(s)->data : "<str failed>";
    for (; *p; p++) {
        if (*p == '\n') {
            fputs("\\n", stdout);
        } else {
            putchar(*p);
        }
    }
    putchar('\n');
}

// Evaluate one line and print its result line.
static void mini_eval_line(const char *line) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *tree = parse_source(&arena, line, strlen(line), TOKMODE_STRING, PARSE_EVAL, &err);
    if (!tree) {
        printf("SyntaxError: %s\n", err.msg);
        arena_free(&arena);
        return;
    }
    Value v = mini_eval(tree->v.Expression.body);
    Value r = v ? obj_repr(v) : 0;
    if (r) {
        printf("%s\n", str_obj(r)->data);
    } else {
        mini_print_exception();
    }
    arena_free(&arena);
}

#endif
