// tuple.c - the tuple type: an immutable array of Values stored inline.
//
// The hash is CPython 3.11's exactly (an xxHash-style accumulation over the
// items' hashes), so that hash((1, "a")) agrees with CPython's under the same
// PYTHONHASHSEED; set and dict iteration orders depend on it.
#include "tuple.h"

#include <stdint.h>
#include <string.h>

#include "abstract.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "slice.h"
#include "str.h"
#include "strbuf.h"
#include "type.h"
#include "iterators.h"

static TupleObject tuple_empty = {.header = {&type_tuple}, .len = 0};

Value tuple_new(size_t n) {
    if (n == 0) {
        return val_from_ptr(&tuple_empty);
    }
    if (n > (SIZE_MAX - sizeof(TupleObject)) / sizeof(Value)) {
        return err_no_memory();
    }
    TupleObject *t = (TupleObject *)gc_alloc(&type_tuple, sizeof(TupleObject) + n * sizeof(Value));
    if (!t) {
        return 0;
    }
    t->len = n;
    return val_from_ptr(t);
}

Value tuple_from(const Value *items, size_t n) {
    Value t = tuple_new(n);
    if (t && n) {
        memcpy(tuple_obj(t)->items, items, n * sizeof(Value));
    }
    return t;
}

Value tuple_pack2(Value a, Value b) {
    Value t = tuple_new(2);
    if (t) {
        tuple_obj(t)->items[0] = a;
        tuple_obj(t)->items[1] = b;
    }
    return t;
}

Value tuple_from_iterable(Value iterable) {
    if (tuple_check_exact(iterable)) {
        return iterable;
    }
    // (an exact list only: a subclass may iterate differently, as CPython's
    // PySequence_Tuple)
    if (val_is_ptr(iterable) && val_ptr(iterable)->type == &type_list) {
        return tuple_from_list(iterable);
    }
    Value l = list_from_iterable(iterable);
    return l ? tuple_from_list(l) : 0;
}

Value tuple_from_list(Value list) {
    Value t = tuple_new(list_obj(list)->len);
    // `list` (and its malloc'ed item array) must outlive tuple_new's possible
    // collection: it is used after the allocation.
    ListObject *l = list_obj(list);
    if (t && tuple_obj(t)->len) {
        size_t n = l->len < tuple_obj(t)->len ? l->len : tuple_obj(t)->len;
        memcpy(tuple_obj(t)->items, l->items, n * sizeof(Value));
    }
    gc_keep_alive(list);
    return t;
}

static void tuple_trace(Object *o, GcTracer *t) {
    TupleObject *tp = (TupleObject *)o;
    gc_trace_values(t, tp->items, tp->len);
}

// ---- object protocol ---------------------------------------------------------

Value tuple_repr(Value v) {
    TupleObject *t = tuple_obj(v);
    if (t->len == 0) {
        return str_from_cstr("()");
    }
    int r = repr_enter(v);
    if (r != 0) {
        return r > 0 ? str_from_cstr("(...)") : 0;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '(');
    Value result = 0;
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            sb_put(&sb, ", ", 2);
        }
        if (repr_append(&sb, t->items[i]) < 0) {
            goto done;
        }
    }
    if (t->len == 1) {
        sb_putc(&sb, ',');
    }
    sb_putc(&sb, ')');
    result = str_from_utf8(sb.data, sb.len);
done:
    repr_leave(v);
    sb_free(&sb);
    return result;
}

// CPython 3.11's tuplehash: xxHash's round function over the item hashes,
// then the length; -1 (the error value) is replaced by a fixed constant.
#define TUPLE_XXPRIME_1 UINT64_C(11400714785074694791)
#define TUPLE_XXPRIME_2 UINT64_C(14029467366897019727)
#define TUPLE_XXPRIME_5 UINT64_C(2870177450012600261)

int64_t tuple_hash(Value v) {
    TupleObject *t = tuple_obj(v);
    uint64_t acc = TUPLE_XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h = obj_hash(t->items[i]);
        if (h == -1) {
            return -1;
        }
        acc += (uint64_t)h * TUPLE_XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= TUPLE_XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (TUPLE_XXPRIME_5 ^ UINT64_C(3527539));
    if (acc == UINT64_MAX) {
        return 1546275796;
    }
    return (int64_t)acc;
}

Value tuple_richcompare(Value a, Value b, CompareOp op) {
    if (!tuple_check(a) || !tuple_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    TupleObject *x = tuple_obj(a), *y = tuple_obj(b);
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        int k = obj_richcompare_bool(x->items[i], y->items[i], CMP_EQ);
        if (k < 0) {
            return 0;
        }
        if (!k) {
            break;
        }
    }
    if (i >= x->len || i >= y->len) {
        return seq_compare_sizes(x->len, y->len, op);
    }
    if (op == CMP_EQ) {
        return VAL_FALSE;
    }
    if (op == CMP_NE) {
        return VAL_TRUE;
    }
    return obj_richcompare(x->items[i], y->items[i], op);
}

static int64_t tuple_len(Value v) {
    return (int64_t)tuple_obj(v)->len;
}

// t[slice]: the tuple itself for a full slice of an exact tuple, as CPython.
static Value tuple_getslice(Value v, Value slice) {
    TupleObject *t = tuple_obj(v);
    int64_t start, stop, step, n;
    if (slice_indices(slice, (int64_t)t->len, &start, &stop, &step, &n) < 0) {
        return 0;
    }
    if (n == (int64_t)t->len && step == 1 && tuple_check_exact(v)) {
        return v;
    }
    Value r = tuple_new((size_t)n);
    if (!r || n == 0) {
        return r;
    }
    TupleObject *rt = tuple_obj(r);
    for (int64_t k = 0; k < n; k++) {
        rt->items[k] = t->items[start + k * step];  // in bounds, so no overflow
    }
    return r;
}

Value tuple_getitem(Value v, Value index) {
    TupleObject *t = tuple_obj(v);
    int64_t i;
    if (slice_check(index)) {
        return tuple_getslice(v, index);
    }
    if (seq_index(index, &i, "tuple") < 0) {
        return 0;
    }
    if (i < 0) {
        i += (int64_t)t->len;
    }
    if (i < 0 || (uint64_t)i >= t->len) {
        return err_format(&exc_IndexError, "tuple index out of range");
    }
    return t->items[i];
}

int tuple_contains(Value v, Value item) {
    TupleObject *t = tuple_obj(v);
    for (size_t i = 0; i < t->len; i++) {
        int k = obj_richcompare_bool(t->items[i], item, CMP_EQ);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static Value tuple_add(Value a, Value b) {
    if (!tuple_check(a) || !tuple_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    TupleObject *x = tuple_obj(a), *y = tuple_obj(b);
    if (y->len == 0 && tuple_check_exact(a)) {
        return a;
    }
    if (x->len == 0 && tuple_check_exact(b)) {
        return b;
    }
    Value r = tuple_new(x->len + y->len);
    if (!r) {
        return 0;
    }
    memcpy(tuple_obj(r)->items, x->items, x->len * sizeof(Value));
    memcpy(tuple_obj(r)->items + x->len, y->items, y->len * sizeof(Value));
    return r;
}

// sq_concat: reached when `+` found no number slot; raises CPython's message.
static Value tuple_seq_concat(Value a, Value b) {
    if (!tuple_check(b)) {
        return err_format(&exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                          obj_type_name(b));
    }
    return tuple_add(a, b);
}

static Value tuple_mul(Value a, Value b) {
    Value seq = a, count = b;
    if (!tuple_check(a)) {
        seq = b;
        count = a;
    }
    int64_t n;
    int r = seq_repeat_count(count, &n);
    if (r <= 0) {
        return r == 0 ? VAL_NOTIMPLEMENTED : 0;
    }
    TupleObject *t = tuple_obj(seq);
    if (n <= 0 || t->len == 0) {
        return tuple_new(0);
    }
    if (n == 1 && tuple_check_exact(seq)) {
        return seq;
    }
    if ((uint64_t)n > (SIZE_MAX / sizeof(Value)) / t->len) {
        return err_no_memory();
    }
    Value res = tuple_new(t->len * (size_t)n);
    if (!res) {
        return 0;
    }
    Value *dst = tuple_obj(res)->items;
    for (int64_t k = 0; k < n; k++) {
        memcpy(dst, t->items, t->len * sizeof(Value));
        dst += t->len;
    }
    return res;
}

// ---- methods -------------------------------------------------------------------

static Value tuple_m_index(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs < 1) {
        return err_format(&exc_TypeError, "index expected at least 1 argument, got 0");
    }
    if (nargs > 3) {
        return err_format(&exc_TypeError, "index expected at most 3 arguments, got %zu", nargs);
    }
    TupleObject *t = tuple_obj(self);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 1 && seq_slice_index(args[1], &start) < 0) {
        return 0;
    }
    if (nargs > 2 && seq_slice_index(args[2], &stop) < 0) {
        return 0;
    }
    seq_clamp_range(&start, &stop, t->len);
    for (int64_t i = start; i < stop && (size_t)i < t->len; i++) {
        int k = obj_richcompare_bool(t->items[i], args[0], CMP_EQ);
        if (k > 0) {
            return val_from_smallint(i);
        }
        if (k < 0) {
            return 0;
        }
    }
    return err_format(&exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value tuple_m_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs != 1) {
        return err_format(&exc_TypeError, "tuple.count() takes exactly one argument (%zu given)",
                          nargs);
    }
    TupleObject *t = tuple_obj(self);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int k = obj_richcompare_bool(t->items[i], args[0], CMP_EQ);
        if (k < 0) {
            return 0;
        }
        n += k;
    }
    return val_from_smallint(n);
}

// (a plain tuple of the items,): how copy and pickle re-create a tuple.
static Value tuple_m_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__getnewargs__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value plain = self;
    if (!tuple_check_exact(self)) {
        plain = tuple_from(tuple_obj(self)->items, tuple_obj(self)->len);
    }
    return plain ? tuple_from(&plain, 1) : 0;
}

static const MethodDef tuple_methods[] = {
    {"__getnewargs__", tuple_m_getnewargs, METH_NO_KEYWORDS, "__getnewargs__($self, /)\n--\n\n"},
    {"index", tuple_m_index, METH_NO_KEYWORDS,
     "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n"
     "Return first index of value."},
    {"count", tuple_m_count, METH_NO_KEYWORDS,
     "count($self, value, /)\n--\n\n"
     "Return number of occurrences of value."},
    {NULL, NULL, 0, NULL},
};

// ---- construction ------------------------------------------------------------------

// tuple(iterable=()). A subclass instance gets the same layout, items inline.
static Value tuple_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    // As CPython: keywords are an error unless a subclass has its own __init__.
    if (kwnames && tuple_obj(kwnames)->len > 0 && (t == &type_tuple || t->init == type_tuple.init)) {
        return err_format(&exc_TypeError, "tuple() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
    }
    Value items = nargs ? tuple_from_iterable(args[0]) : tuple_new(0);
    if (!items || t == &type_tuple) {
        return items;
    }
    size_t n = tuple_obj(items)->len;
    TupleObject *r = (TupleObject *)gc_alloc(t, t->basic_size + n * sizeof(Value));
    if (!r) {
        return 0;
    }
    r->len = n;
    if (n) {
        memcpy(r->items, tuple_obj(items)->items, n * sizeof(Value));
    }
    return val_from_ptr(r);
}

// ---- the iterator ----------------------------------------------------------------

typedef struct TupleIterObject {
    Object header;
    Value seq;     // the tuple, or 0 once exhausted
    size_t index;
} TupleIterObject;

static void tuple_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((TupleIterObject *)o)->seq);
}

Value tuple_iter(Value v) {
    TupleIterObject *it = (TupleIterObject *)gc_alloc(&type_tuple_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->seq = v;
    return val_from_ptr(it);
}

static Value tuple_iter_next(Value v) {
    TupleIterObject *it = (TupleIterObject *)val_ptr(v);
    if (!it->seq) {
        return 0;
    }
    TupleObject *t = tuple_obj(it->seq);
    if (it->index < t->len) {
        return t->items[it->index++];
    }
    it->seq = 0;
    return 0;
}

static Value tuple_iter_m_length_hint(Value self, const Value *args, size_t nargs,
                                      Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TupleIterObject *it = (TupleIterObject *)val_ptr(self);
    size_t len = it->seq ? tuple_obj(it->seq)->len : 0;
    return int_from_i64(it->seq && it->index < len ? (int64_t)(len - it->index) : 0);
}

static Value tuple_iter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value empty = tuple_from(NULL, 0);
    TupleIterObject *it = (TupleIterObject *)val_ptr(self);
    return empty ? seqiter_reduce("iter", it->seq, (int64_t)it->index, empty) : 0;
}

static Value tuple_iter_m_setstate(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    TupleIterObject *it = (TupleIterObject *)val_ptr(self);
    int64_t i;
    int64_t len = it->seq ? (int64_t)tuple_obj(it->seq)->len : 0;
    if (seqiter_setstate(args[0], 0, len, &i) < 0) {
        return 0;
    }
    if (it->seq) {
        it->index = (size_t)i;
    }
    return VAL_NONE;
}

static const MethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_m_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", tuple_iter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", tuple_iter_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static Value iter_self(Value v) {
    return v;
}

// ---- the types ---------------------------------------------------------------------

Type type_tuple = {
    .header = {&type_type},
    .name = "tuple",
    .text_signature = "(iterable=(), /)",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE | TYPE_TUPLE_SUBCLASS | TYPE_SEQUENCE | TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(TupleObject),
    .item_size = sizeof(Value),
    .base = &type_object,
    .trace = tuple_trace,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .new_ = tuple_tp_new,
    .iter = tuple_iter,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .binop = {[BINOP_ADD] = tuple_add, [BINOP_MUL] = tuple_mul},
    .seq_concat = tuple_seq_concat,
    .seq_repeat = tuple_mul,
    .methods = tuple_methods,
};

Type type_tuple_iterator = {
    .header = {&type_type},
    .name = "tuple_iterator",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(TupleIterObject),
    .base = &type_object,
    .trace = tuple_iter_trace,
    .iter = iter_self,
    .iternext = tuple_iter_next,
    .methods = tuple_iter_methods,
};
