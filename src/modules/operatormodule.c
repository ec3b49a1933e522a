// operatormodule.c - the `_operator` module: the operators as functions, and
// the callable types itemgetter, attrgetter and methodcaller.
//
// The stdlib's operator.py defines everything in Python and then does
// `from _operator import *`, so what is here replaces its pure versions:
// each function must behave like the operator it names, errors included
// (they come from the generic protocol in runtime/abstract.h). Argument
// errors follow CPython's wording: the two-argument functions are
// positional-only ("add expected 2 arguments, got 1"), the one-argument ones
// METH_O ("_operator.neg() takes exactly one argument (0 given)").
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../vm/import.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- the binary operators -----------------------------------------------------------

// The operator functions built on obj_binop / obj_inplace, one line each:
// _(name, in-place name, BinOp).
#define OPERATOR_BINOPS(_)                                                              \
    _(add, iadd, ADD) _(sub, isub, SUB) _(mul, imul, MUL) _(matmul, imatmul, MATMUL)     \
    _(truediv, itruediv, TRUEDIV) _(floordiv, ifloordiv, FLOORDIV) _(mod, imod, MOD)     \
    _(pow, ipow, POW) _(lshift, ilshift, LSHIFT) _(rshift, irshift, RSHIFT)              \
    _(and_, iand, AND) _(xor, ixor, XOR) _(or_, ior, OR)

#define OP_BINOP_FN_(name, iname, op)                                                        \
    FN(op_##name) {                                                                     \
        if (method_check_args("_operator." #name, nargs, kwnames, 2, 2) < 0) {          \
            return 0;                                                                   \
        }                                                                               \
        return obj_binop(args[0], args[1], BINOP_##op);                                 \
    }                                                                                   \
    FN(op_##iname) {                                                                    \
        if (method_check_args("_operator." #iname, nargs, kwnames, 2, 2) < 0) {         \
            return 0;                                                                   \
        }                                                                               \
        return obj_inplace(args[0], args[1], BINOP_##op);                               \
    }
OPERATOR_BINOPS(OP_BINOP_FN_)
#undef OP_BINOP_FN_

// ---- comparisons ----------------------------------------------------------------------

#define OPERATOR_COMPARISONS(_) _(lt, LT) _(le, LE) _(eq, EQ) _(ne, NE) _(gt, GT) _(ge, GE)

#define OP_COMPARE_FN_(name, op)                                                        \
    FN(op_##name) {                                                                     \
        if (method_check_args("_operator." #name, nargs, kwnames, 2, 2) < 0) {          \
            return 0;                                                                   \
        }                                                                               \
        return obj_richcompare(args[0], args[1], CMP_##op);                             \
    }
OPERATOR_COMPARISONS(OP_COMPARE_FN_)
#undef OP_COMPARE_FN_

// ---- unary operators -------------------------------------------------------------------

#define OPERATOR_UNARY(_) \
    _(neg, obj_neg) _(pos, obj_pos) _(abs, obj_abs) _(inv, obj_invert) \
    _(invert, obj_invert) _(index, obj_index_exact)

#define OP_UNARY_FN_(name, fn)                                                          \
    FN(op_##name) {                                                                     \
        if (method_check_args("_operator." #name, nargs, kwnames, 1, 1) < 0) {          \
            return 0;                                                                   \
        }                                                                               \
        return fn(args[0]);                                                             \
    }
OPERATOR_UNARY(OP_UNARY_FN_)
#undef OP_UNARY_FN_

FN(op_truth) {
    if (method_check_args("_operator.truth", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int r = obj_truthy(args[0]);
    return r < 0 ? 0 : val_bool(r);
}

FN(op_not_) {
    if (method_check_args("_operator.not_", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int r = obj_truthy(args[0]);
    return r < 0 ? 0 : val_bool(!r);
}

FN(op_is_) {
    if (method_check_args("_operator.is_", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return val_bool(args[0] == args[1]);
}

FN(op_is_not) {
    if (method_check_args("_operator.is_not", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return val_bool(args[0] != args[1]);
}

// ---- sequences ----------------------------------------------------------------------------

// CPython's PySequence_Check: indexable and not a mapping.
static int is_sequence(Value v) {
    Type *t = type_of(v);
    return t->getitem && !(t->flags & TYPE_DICT_SUBCLASS);
}

// PySequence_Concat / PySequence_InPlaceConcat.
static Value concat(Value a, Value b, int inplace) {
    Type *ta = type_of(a);
    if (!is_sequence(a)) {
        return err_format(&exc_TypeError, "'%s' object can't be concatenated", ta->name);
    }
    if (inplace && ta->inplace[BINOP_ADD]) {
        return obj_inplace(a, b, BINOP_ADD);
    }
    if (ta->seq_concat) {
        return ta->seq_concat(a, b);
    }
    if (is_sequence(b) && (ta->binop[BINOP_ADD] || type_of(b)->binop[BINOP_ADD])) {
        return inplace ? obj_inplace(a, b, BINOP_ADD) : obj_binop(a, b, BINOP_ADD);
    }
    return err_format(&exc_TypeError, "'%s' object can't be concatenated", ta->name);
}

FN(op_concat) {
    if (method_check_args("_operator.concat", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return concat(args[0], args[1], 0);
}

FN(op_iconcat) {
    if (method_check_args("_operator.iconcat", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return concat(args[0], args[1], 1);
}

FN(op_contains) {
    if (method_check_args("_operator.contains", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    int r = obj_contains(args[0], args[1]);
    return r < 0 ? 0 : val_bool(r);
}

// CPython's _PySequence_IterSearch: the number of items equal to `x`, or the
// index of the first (-1 when none is). -2 with an exception on error.
static int64_t iter_search(Value seq, Value x, int want_index) {
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "argument of type '%s' is not iterable",
                       obj_type_name(seq));
        }
        return -2;
    }
    int64_t count = 0;
    for (int64_t i = 0;; i++) {
        Value item = obj_next(it);
        if (!item) {
            if (err_occurred()) {
                return -2;
            }
            return want_index ? -1 : count;
        }
        int eq = obj_richcompare_bool(item, x, CMP_EQ);
        if (eq < 0) {
            return -2;
        }
        if (eq) {
            if (want_index) {
                return i;
            }
            count++;
        }
    }
}

FN(op_countOf) {
    if (method_check_args("_operator.countOf", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    int64_t n = iter_search(args[0], args[1], 0);
    return n < 0 ? 0 : int_from_i64(n);
}

FN(op_indexOf) {
    if (method_check_args("_operator.indexOf", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    int64_t n = iter_search(args[0], args[1], 1);
    if (n == -1) {
        return err_format(&exc_ValueError, "sequence.index(x): x not in sequence");
    }
    return n < 0 ? 0 : int_from_i64(n);
}

FN(op_getitem) {
    if (method_check_args("_operator.getitem", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return obj_getitem(args[0], args[1]);
}

FN(op_setitem) {
    if (method_check_args("_operator.setitem", nargs, kwnames, 3, 3) < 0) {
        return 0;
    }
    return obj_setitem(args[0], args[1], args[2]) < 0 ? 0 : VAL_NONE;
}

FN(op_delitem) {
    if (method_check_args("_operator.delitem", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    return obj_setitem(args[0], args[1], 0) < 0 ? 0 : VAL_NONE;
}

// A Py_ssize_t from an int (OverflowError with CPython's words).
static int as_ssize(Value v, int64_t *out) {
    if (int_to_i64(v, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

FN(op_length_hint) {
    if (method_check_args("_operator.length_hint", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    int64_t dflt = 0;
    if (nargs == 2) {
        Value d = obj_index(args[1]);
        if (!d || as_ssize(d, &dflt) < 0) {
            return 0;
        }
    }
    int64_t n = obj_length_hint(args[0], dflt);
    return n < 0 && err_occurred() ? 0 : int_from_i64(n);
}

// call(obj, /, *args, **kwargs)
FN(op_call) {
    if (nargs == 0) {
        return err_format(&exc_TypeError, "call expected at least 1 argument, got 0");
    }
    return obj_call(args[0], args + 1, nargs - 1, kwnames);
}

// _compare_digest(a, b): equality in time that depends only on len(b).
FN(op_compare_digest) {
    if (method_check_args("_operator._compare_digest", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value a = args[0], b = args[1];
    const char *pa, *pb;
    size_t na, nb;
    if (val_is_str(a) && val_is_str(b)) {
        if (!(str_obj(a)->flags & STR_ASCII) || !(str_obj(b)->flags & STR_ASCII)) {
            return err_format(&exc_TypeError,
                              "comparing strings with non-ASCII characters is not supported");
        }
        pa = str_obj(a)->data, na = str_obj(a)->nbytes;
        pb = str_obj(b)->data, nb = str_obj(b)->nbytes;
    } else {
        if (!val_is_bytes(a) && !val_is_bytes(b)) {
            return err_format(&exc_TypeError,
                              "unsupported operand types(s) or combination of types: "
                              "'%s' and '%s'",
                              obj_type_name(a), obj_type_name(b));
        }
        Value bad = !val_is_bytes(a) ? a : !val_is_bytes(b) ? b : 0;
        if (bad) {
            return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                              obj_type_name(bad));
        }
        pa = bytes_data(a), na = bytes_len(a);
        pb = bytes_data(b), nb = bytes_len(b);
    }
    // Walk all of b whatever a is, so that the time does not depend on
    // where the first difference is.
    const volatile unsigned char *left = (const unsigned char *)(na == nb ? pa : pb);
    const volatile unsigned char *right = (const unsigned char *)pb;
    unsigned result = na != nb;
    for (size_t i = 0; i < nb; i++) {
        result |= left[i] ^ right[i];
    }
    return val_bool(result == 0);
}

// ---- itemgetter ----------------------------------------------------------------------------

// itemgetter(*items): obj -> obj[item] (one item) or a tuple of obj[i].
typedef struct ItemGetterObject {
    Object header;
    Value items;     // a tuple, never empty
} ItemGetterObject;

// attrgetter(*names): each name is a tuple of its dotted parts (interned str).
typedef struct AttrGetterObject {
    Object header;
    Value names;     // a tuple of tuples
} AttrGetterObject;

// methodcaller(name, /, *args, **kwargs)
typedef struct MethodCallerObject {
    Object header;
    Value name;      // a str
    Value args;      // a tuple
    Value kwargs;    // a dict (maybe empty)
} MethodCallerObject;

static Type type_itemgetter, type_attrgetter, type_methodcaller;

static void itemgetter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ItemGetterObject *)o)->items);
}

static Value itemgetter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("itemgetter", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "itemgetter expected 1 argument, got 0");
    }
    Value items = tuple_from(args, nargs);
    if (!items) {
        return 0;
    }
    ItemGetterObject *g = (ItemGetterObject *)gc_alloc(&type_itemgetter, sizeof *g);
    if (!g) {
        return 0;
    }
    g->items = items;
    return val_from_ptr(g);
}

static Value itemgetter_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("itemgetter", kwnames) < 0 ||
        args_check_positional("itemgetter", nargs, 1, 1) < 0) {
        return 0;
    }
    TupleObject *items = tuple_obj(((ItemGetterObject *)val_ptr(self))->items);
    if (items->len == 1) {
        return obj_getitem(args[0], items->items[0]);
    }
    Value r = tuple_new(items->len);
    if (!r) {
        return 0;
    }
    for (size_t i = 0; i < items->len; i++) {
        Value v = obj_getitem(args[0], items->items[i]);
        if (!v) {
            return 0;
        }
        tuple_obj(r)->items[i] = v;
    }
    return r;
}

// "name(arg)" or "name(a, b)", with CPython's guard against self-reference.
static Value repr_call_form(Value self, Value args_tuple) {
    const char *tname = obj_type_name(self);
    int r = repr_enter(self);
    if (r != 0) {
        return r > 0 ? str_format_c("%s(...)", tname) : 0;
    }
    Value result;
    if (tuple_obj(args_tuple)->len == 1) {
        result = str_format_c("%s(%R)", tname, tuple_obj(args_tuple)->items[0]);
    } else {
        result = str_format_c("%s%R", tname, args_tuple);
    }
    repr_leave(self);
    return result;
}

static Value itemgetter_repr(Value self) {
    return repr_call_form(self, ((ItemGetterObject *)val_ptr(self))->items);
}

FN(itemgetter_reduce) {
    if (method_check_args("itemgetter.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return tuple_pack2(val_from_ptr(type_of(self)), ((ItemGetterObject *)val_ptr(self))->items);
}

static const MethodDef itemgetter_methods[] = {
    {"__reduce__", itemgetter_reduce, METH_DEFAULT, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static Type type_itemgetter = {
    .header = {&type_type},
    .name = "operator.itemgetter",
    .basic_size = sizeof(ItemGetterObject),
    .base = &type_object,
    .trace = itemgetter_trace,
    .new_ = itemgetter_tp_new,
    .call = itemgetter_call,
    .repr = itemgetter_repr,
    .methods = itemgetter_methods,
};

// ---- attrgetter ----------------------------------------------------------------------------

static void attrgetter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((AttrGetterObject *)o)->names);
}

// "a.b.c" -> ('a', 'b', 'c'), each part interned.
static Value split_dotted(Value name) {
    const StrObject *s = str_obj(name);
    size_t nparts = 1;
    for (size_t i = 0; i < s->nbytes; i++) {
        nparts += s->data[i] == '.';
    }
    Value parts = tuple_new(nparts);
    if (!parts) {
        return 0;
    }
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= s->nbytes; i++) {
        if (i == s->nbytes || s->data[i] == '.') {
            Value part = str_intern_utf8(s->data + start, i - start);
            if (!part) {
                return 0;
            }
            tuple_obj(parts)->items[k++] = part;
            start = i + 1;
        }
    }
    return parts;
}

static Value attrgetter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("attrgetter", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "attrgetter expected 1 argument, got 0");
    }
    Value names = tuple_new(nargs);
    if (!names) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!val_is_str(args[i])) {
            return err_format(&exc_TypeError, "attribute name must be a string");
        }
        Value parts = split_dotted(args[i]);
        if (!parts) {
            return 0;
        }
        tuple_obj(names)->items[i] = parts;
    }
    AttrGetterObject *g = (AttrGetterObject *)gc_alloc(&type_attrgetter, sizeof *g);
    if (!g) {
        return 0;
    }
    g->names = names;
    return val_from_ptr(g);
}

static Value get_dotted(Value obj, Value parts) {
    TupleObject *p = tuple_obj(parts);
    for (size_t i = 0; i < p->len && obj; i++) {
        obj = obj_getattr(obj, p->items[i]);
    }
    return obj;
}

static Value attrgetter_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("attrgetter", kwnames) < 0 ||
        args_check_positional("attrgetter", nargs, 1, 1) < 0) {
        return 0;
    }
    TupleObject *names = tuple_obj(((AttrGetterObject *)val_ptr(self))->names);
    if (names->len == 1) {
        return get_dotted(args[0], names->items[0]);
    }
    Value r = tuple_new(names->len);
    if (!r) {
        return 0;
    }
    for (size_t i = 0; i < names->len; i++) {
        Value v = get_dotted(args[0], names->items[i]);
        if (!v) {
            return 0;
        }
        tuple_obj(r)->items[i] = v;
    }
    return r;
}

// The names as given: ('a.b', 'c').
static Value attrgetter_dotted_names(Value self) {
    TupleObject *names = tuple_obj(((AttrGetterObject *)val_ptr(self))->names);
    Value r = tuple_new(names->len);
    if (!r) {
        return 0;
    }
    for (size_t i = 0; i < names->len; i++) {
        TupleObject *parts = tuple_obj(names->items[i]);
        StrBuf sb;
        sb_init(&sb);
        for (size_t k = 0; k < parts->len; k++) {
            if (k > 0) {
                sb_putc(&sb, '.');
            }
            sb_put(&sb, str_obj(parts->items[k])->data, str_obj(parts->items[k])->nbytes);
        }
        Value name = parts->len == 1 ? parts->items[0] : str_from_strbuf(&sb);
        if (parts->len == 1) {
            sb_free(&sb);
        }
        if (!name) {
            return 0;
        }
        tuple_obj(r)->items[i] = name;
    }
    return r;
}

static Value attrgetter_repr(Value self) {
    Value names = attrgetter_dotted_names(self);
    return names ? repr_call_form(self, names) : 0;
}

FN(attrgetter_reduce) {
    if (method_check_args("attrgetter.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value names = attrgetter_dotted_names(self);
    return names ? tuple_pack2(val_from_ptr(type_of(self)), names) : 0;
}

static const MethodDef attrgetter_methods[] = {
    {"__reduce__", attrgetter_reduce, METH_DEFAULT, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static Type type_attrgetter = {
    .header = {&type_type},
    .name = "operator.attrgetter",
    .basic_size = sizeof(AttrGetterObject),
    .base = &type_object,
    .trace = attrgetter_trace,
    .new_ = attrgetter_tp_new,
    .call = attrgetter_call,
    .repr = attrgetter_repr,
    .methods = attrgetter_methods,
};

// ---- methodcaller ----------------------------------------------------------------------------

static void methodcaller_trace(Object *o, GcTracer *t) {
    MethodCallerObject *m = (MethodCallerObject *)o;
    gc_trace_value(t, m->name);
    gc_trace_value(t, m->args);
    gc_trace_value(t, m->kwargs);
}

static Value methodcaller_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (nargs == 0) {
        return err_format(&exc_TypeError,
                          "methodcaller needs at least one argument, the method name");
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "method name must be a string");
    }
    Value name = str_intern(args[0]);
    Value margs = name ? tuple_from(args + 1, nargs - 1) : 0;
    Value kwargs = margs ? dict_new() : 0;
    if (!kwargs) {
        return 0;
    }
    size_t nkw = args_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (dict_set(kwargs, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) {
            return 0;
        }
    }
    MethodCallerObject *m = (MethodCallerObject *)gc_alloc(&type_methodcaller, sizeof *m);
    if (!m) {
        return 0;
    }
    m->name = name;
    m->args = margs;
    m->kwargs = kwargs;
    return val_from_ptr(m);
}

static Value methodcaller_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("methodcaller", kwnames) < 0 ||
        args_check_positional("methodcaller", nargs, 1, 1) < 0) {
        return 0;
    }
    MethodCallerObject *m = (MethodCallerObject *)val_ptr(self);
    Value method = obj_getattr(args[0], m->name);
    if (!method) {
        return 0;
    }
    return obj_call_tuple_dict(method, m->args, dict_len(m->kwargs) ? m->kwargs : 0);
}

static Value methodcaller_repr(Value self) {
    MethodCallerObject *m = (MethodCallerObject *)val_ptr(self);
    const char *tname = obj_type_name(self);
    int r = repr_enter(self);
    if (r != 0) {
        return r > 0 ? str_format_c("%s(...)", tname) : 0;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(", tname);
    Value result = 0;
    if (repr_append(&sb, m->name) < 0) {
        goto done;
    }
    TupleObject *a = tuple_obj(m->args);
    for (size_t i = 0; i < a->len; i++) {
        sb_put(&sb, ", ", 2);
        if (repr_append(&sb, a->items[i]) < 0) {
            goto done;
        }
    }
    size_t pos = 0;
    Value key, value;
    while (dict_next(m->kwargs, &pos, &key, &value)) {
        sb_put(&sb, ", ", 2);
        sb_put(&sb, str_obj(key)->data, str_obj(key)->nbytes);
        sb_putc(&sb, '=');
        if (repr_append(&sb, value) < 0) {
            goto done;
        }
    }
    sb_putc(&sb, ')');
    result = str_from_strbuf(&sb);
    sb_init(&sb);
done:
    sb_free(&sb);
    repr_leave(self);
    return result;
}

// (type, (name, *args)), or with keywords (functools.partial(type, name,
// **kwargs), args): the type's constructor cannot take them positionally.
FN(methodcaller_reduce) {
    if (method_check_args("methodcaller.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MethodCallerObject *m = (MethodCallerObject *)val_ptr(self);
    Value type = val_from_ptr(type_of(self));
    TupleObject *a = tuple_obj(m->args);
    if (dict_len(m->kwargs) == 0) {
        Value all = tuple_new(a->len + 1);
        if (!all) {
            return 0;
        }
        tuple_obj(all)->items[0] = m->name;
        memcpy(tuple_obj(all)->items + 1, a->items, a->len * sizeof(Value));
        return tuple_pack2(type, all);
    }
    Value name = str_intern_cstr("functools");
    Value functools = name ? import_module_level(name, 0, VAL_NONE, 0) : 0;
    Value partial = functools ? obj_getattr_cstr(functools, "partial") : 0;
    Value pargs = partial ? tuple_pack2(type, m->name) : 0;
    Value p = pargs ? obj_call_tuple_dict(partial, pargs, m->kwargs) : 0;
    return p ? tuple_pack2(p, m->args) : 0;
}

static const MethodDef methodcaller_methods[] = {
    {"__reduce__", methodcaller_reduce, METH_DEFAULT, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static Type type_methodcaller = {
    .header = {&type_type},
    .name = "operator.methodcaller",
    .basic_size = sizeof(MethodCallerObject),
    .base = &type_object,
    .trace = methodcaller_trace,
    .new_ = methodcaller_tp_new,
    .call = methodcaller_call,
    .repr = methodcaller_repr,
    .methods = methodcaller_methods,
};

// ---- the module ----------------------------------------------------------------------------

#define DEF_(name, doc) {#name, op_##name, METH_DEFAULT, doc},
#define DEF_BINOP_(name, iname, op) DEF_(name, "Same as a " #op " b.") DEF_(iname, "Same as a " #op "= b.")
#define DEF_COMPARE_(name, op) DEF_(name, "Same as a " #op " b.")
#define DEF_UNARY_(name, fn) DEF_(name, "Same as " #fn "(a).")

static const MethodDef operator_functions[] = {
    OPERATOR_BINOPS(DEF_BINOP_)
    OPERATOR_COMPARISONS(DEF_COMPARE_)
    OPERATOR_UNARY(DEF_UNARY_)
    DEF_(truth, "Return True if a is true, False otherwise.")
    DEF_(not_, "Same as not a.")
    DEF_(is_, "Same as a is b.")
    DEF_(is_not, "Same as a is not b.")
    DEF_(concat, "Same as a + b, for a and b sequences.")
    DEF_(iconcat, "Same as a += b, for a and b sequences.")
    DEF_(contains, "Same as b in a (note reversed operands).")
    DEF_(countOf, "Return the number of items in a which are, or which equal, b.")
    DEF_(indexOf, "Return the first index of b in a.")
    DEF_(getitem, "Same as a[b].")
    DEF_(setitem, "Same as a[b] = c.")
    DEF_(delitem, "Same as del a[b].")
    DEF_(length_hint, "Return an estimate of the number of items in obj.")
    DEF_(call, "Same as obj(*args, **kwargs).")
    {"_compare_digest", op_compare_digest, METH_DEFAULT,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography."},
    {NULL, NULL, 0, NULL},
};

#undef DEF_
#undef DEF_BINOP_
#undef DEF_COMPARE_
#undef DEF_UNARY_

Value operator_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_itemgetter) < 0 || type_ready(&type_attrgetter) < 0 ||
        type_ready(&type_methodcaller) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_operator");
    if (!m || module_add_functions(m, operator_functions) < 0 ||
        module_add(m, "itemgetter", val_from_ptr(&type_itemgetter)) < 0 ||
        module_add(m, "attrgetter", val_from_ptr(&type_attrgetter)) < 0 ||
        module_add(m, "methodcaller", val_from_ptr(&type_methodcaller)) < 0 ||
        module_add(m, "__doc__",
                   str_from_cstr("Operator interface.\n\nThis module exports a set of functions "
                                 "implemented in C corresponding\nto the intrinsic operators of "
                                 "Python.  For example, operator.add(x, y)\nis equivalent to the "
                                 "expression x+y.  The function names are those\nused for special "
                                 "methods; variants without leading and trailing\n'__' are also "
                                 "provided for convenience.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
