// range.c - the range type: an immutable arithmetic sequence of ints of any
// size, with a fast iterator when the bounds are small ints and a general
// one over arbitrary ints otherwise (as CPython's range_iterator and
// longrange_iterator).
#include "range.h"

#include <stdbool.h>

#include "abstract.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "slice.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type.h"
#include "dict.h"
#include "iterators.h"
#include "../vm/vm.h"

#define SMALL(i) val_from_smallint(i)

static void range_trace(Object *o, GcTracer *t) {
    RangeObject *r = (RangeObject *)o;
    gc_trace_value(t, r->start);
    gc_trace_value(t, r->stop);
    gc_trace_value(t, r->step);
    gc_trace_value(t, r->length);
}

// len(range(start, stop, step)) as an int.
static Value compute_length(Value start, Value stop, Value step) {
    if (val_is_smallint(start) && val_is_smallint(stop) && val_is_smallint(step)) {
        int64_t lo = val_smallint(start), hi = val_smallint(stop), st = val_smallint(step);
        uint64_t n = 0;
        if (st > 0 && lo < hi) {
            n = ((uint64_t)hi - (uint64_t)lo - 1) / (uint64_t)st + 1;
        } else if (st < 0 && lo > hi) {
            n = ((uint64_t)lo - (uint64_t)hi - 1) / (uint64_t)-st + 1;
        }
        return int_from_u64(n);
    }
    // range(n) for a big n is n long: no big-int arithmetic (_collections_abc
    // makes range(1 << 1000) at every start-up).
    if (start == SMALL(0) && step == SMALL(1)) {
        return int_sign(stop) > 0 ? stop : SMALL(0);
    }
    Value lo = start, hi = stop;
    if (int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = obj_neg(step);
        if (!step) {
            return 0;
        }
    }
    if (int_compare(lo, hi) >= 0) {
        return SMALL(0);
    }
    Value d = obj_binop(hi, lo, BINOP_SUB);
    if (!d || !(d = obj_binop(d, SMALL(1), BINOP_SUB)) || !(d = obj_binop(d, step, BINOP_FLOORDIV))) {
        return 0;
    }
    return obj_binop(d, SMALL(1), BINOP_ADD);
}

Value range_new(Value start, Value stop, Value step) {
    Value length = compute_length(start, stop, step);
    if (!length) {
        return 0;
    }
    RangeObject *r = (RangeObject *)gc_alloc(&type_range, sizeof *r);
    if (!r) {
        return 0;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return val_from_ptr(r);
}

// start + i * step.
static Value range_item(RangeObject *r, Value i) {
    if (val_is_smallint(i) && val_is_smallint(r->start) && val_is_smallint(r->step)) {
        int64_t p, s;
        if (!__builtin_mul_overflow(val_smallint(i), val_smallint(r->step), &p) &&
            !__builtin_add_overflow(p, val_smallint(r->start), &s)) {
            return int_from_i64(s);
        }
    }
    Value p = obj_binop(i, r->step, BINOP_MUL);
    return p ? obj_binop(r->start, p, BINOP_ADD) : 0;
}

static int can_index(Value v) {
    return val_is_smallint(v) || (type_of(v)->flags & TYPE_INT_SUBCLASS) || type_of(v)->index;
}

// An argument of range(): an exact int.
static Value range_arg(Value v) {
    Value i = obj_index(v);
    return i ? int_exact(i) : 0;
}

static Value range_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        return err_format(&exc_TypeError, "range() takes no keyword arguments");
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "range expected at least 1 argument, got 0");
    }
    if (nargs > 3) {
        return err_format(&exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    }
    Value start = SMALL(0), stop, step = SMALL(1);
    if (nargs == 1) {
        if (!(stop = range_arg(args[0]))) {
            return 0;
        }
    } else {
        if (!(start = range_arg(args[0])) || !(stop = range_arg(args[1]))) {
            return 0;
        }
        if (nargs == 3) {
            if (!(step = range_arg(args[2]))) {
                return 0;
            }
            if (int_sign(step) == 0) {
                return err_format(&exc_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return range_new(start, stop, step);
}

static int64_t range_len(Value v) {
    int64_t n;
    if (int_to_i64(range_obj(v)->length, &n) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return n;
}

static int range_bool(Value v) {
    return int_sign(range_obj(v)->length) != 0;
}

static Value range_repr(Value v) {
    RangeObject *r = range_obj(v);
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    sb_puts(&sb, "range(");
    if (repr_append(&sb, r->start) < 0) {
        goto done;
    }
    sb_puts(&sb, ", ");
    if (repr_append(&sb, r->stop) < 0) {
        goto done;
    }
    if (int_compare(r->step, SMALL(1)) != 0) {
        sb_puts(&sb, ", ");
        if (repr_append(&sb, r->step) < 0) {
            goto done;
        }
    }
    sb_putc(&sb, ')');
    result = str_from_utf8(sb.data, sb.len);
done:
    sb_free(&sb);
    return result;
}

static Value range_getitem(Value v, Value key) {
    RangeObject *r = range_obj(v);
    if (slice_check(key)) {
        Value start, stop, step;
        if (slice_long_indices(key, r->length, &start, &stop, &step) < 0) {
            return 0;
        }
        Value substart = range_item(r, start);
        if (!substart) {
            return 0;
        }
        Value substop = range_item(r, stop);
        if (!substop) {
            return 0;
        }
        Value substep = obj_binop(step, r->step, BINOP_MUL);
        if (!substep) {
            return 0;
        }
        return range_new(substart, substop, substep);
    }
    if (!can_index(key)) {
        return err_format(&exc_TypeError, "range indices must be integers or slices, not %s",
                          obj_type_name(key));
    }
    Value i = range_arg(key);
    if (!i) {
        return 0;
    }
    if (int_sign(i) < 0 && !(i = obj_binop(i, r->length, BINOP_ADD))) {
        return 0;
    }
    if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) {
        return err_format(&exc_IndexError, "range object index out of range");
    }
    return range_item(r, i);
}

// Whether the int x is in r: 1 or 0, or -1 on error.
static int range_contains_int(RangeObject *r, Value x) {
    if (val_is_smallint(x) && val_is_smallint(r->start) && val_is_smallint(r->stop) &&
        val_is_smallint(r->step)) {
        int64_t i = val_smallint(x), lo = val_smallint(r->start), hi = val_smallint(r->stop);
        int64_t st = val_smallint(r->step);
        if (st > 0 ? !(lo <= i && i < hi) : !(hi < i && i <= lo)) {
            return 0;
        }
        // i - lo and st are both within 2**63 in magnitude
        uint64_t d = st > 0 ? (uint64_t)i - (uint64_t)lo : (uint64_t)lo - (uint64_t)i;
        uint64_t m = st > 0 ? (uint64_t)st : (uint64_t)-st;
        return d % m == 0;
    }
    if (int_sign(r->step) > 0) {
        if (int_compare(r->start, x) > 0 || int_compare(x, r->stop) >= 0) {
            return 0;
        }
    } else if (int_compare(r->stop, x) >= 0 || int_compare(x, r->start) > 0) {
        return 0;
    }
    Value d = obj_binop(x, r->start, BINOP_SUB);
    if (!d || !(d = obj_binop(d, r->step, BINOP_MOD))) {
        return -1;
    }
    return int_sign(d) == 0;
}

static int is_exact_int_or_bool(Value v) {
    return int_check_exact(v) || v == VAL_TRUE || v == VAL_FALSE;
}

// Search r for x by iteration and equality: the index of the first match, or
// -1 (no exception) when absent, or -2 with an exception.
static int64_t range_search(Value v, Value x, int64_t *count) {
    Value it = obj_iter(v);
    if (!it) {
        return -2;
    }
    int64_t found = -1;
    for (int64_t i = 0;; i++) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? -2 : found;
        }
        int k = obj_richcompare_bool(item, x, CMP_EQ);
        if (k < 0) {
            return -2;
        }
        if (k) {
            if (!count) {
                return i;
            }
            ++*count;
            found = i;
        }
    }
}

static int range_contains(Value v, Value x) {
    if (is_exact_int_or_bool(x)) {
        return range_contains_int(range_obj(v), x);
    }
    int64_t k = range_search(v, x, NULL);
    return k == -2 ? -1 : k >= 0;
}

static Value range_richcompare(Value a, Value b, CompareOp op) {
    if (!range_check(a) || !range_check(b) || (op != CMP_EQ && op != CMP_NE)) {
        return VAL_NOTIMPLEMENTED;
    }
    RangeObject *x = range_obj(a), *y = range_obj(b);
    int eq;
    if (a == b) {
        eq = 1;
    } else if (int_compare(x->length, y->length) != 0) {
        eq = 0;
    } else if (int_sign(x->length) == 0) {
        eq = 1;
    } else if (int_compare(x->start, y->start) != 0) {
        eq = 0;
    } else if (int_compare(x->length, SMALL(1)) == 0) {
        eq = 1;
    } else {
        eq = int_compare(x->step, y->step) == 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

// hash((len, start, step)) with start and step None where they do not
// matter, so that equal ranges hash equal.
static int64_t range_hash(Value v) {
    RangeObject *r = range_obj(v);
    Value items[3] = {r->length, VAL_NONE, VAL_NONE};
    if (int_sign(r->length) != 0) {
        items[1] = r->start;
        if (int_compare(r->length, SMALL(1)) != 0) {
            items[2] = r->step;
        }
    }
    Value t = tuple_from(items, 3);
    return t ? tuple_hash(t) : -1;
}

static Value range_m_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("range.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (is_exact_int_or_bool(args[0])) {
        int k = range_contains_int(range_obj(self), args[0]);
        return k < 0 ? 0 : SMALL(k);
    }
    int64_t n = 0;
    if (range_search(self, args[0], &n) == -2) {
        return 0;
    }
    return int_from_i64(n);
}

static Value range_m_index(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("range.index", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value x = args[0];
    RangeObject *r = range_obj(self);
    if (!is_exact_int_or_bool(x)) {
        int64_t i = range_search(self, x, NULL);
        if (i == -2) {
            return 0;
        }
        if (i == -1) {
            return err_format(&exc_ValueError, "sequence.index(x): x not in sequence");
        }
        return int_from_i64(i);
    }
    int k = range_contains_int(r, x);
    if (k < 0) {
        return 0;
    }
    if (!k) {
        Value rep = obj_repr(x);
        return rep ? err_format(&exc_ValueError, "%s is not in range", str_obj(rep)->data) : 0;
    }
    Value d = obj_binop(x, r->start, BINOP_SUB);
    return d ? obj_binop(d, r->step, BINOP_FLOORDIV) : 0;
}

// ---- iterators ------------------------------------------------------------------------------

typedef struct LongRangeIterObject {
    Object header;
    Value next, step, remaining;
    Value start, len;  // for __reduce__ / __setstate__
} LongRangeIterObject;

static void longrange_iter_trace(Object *o, GcTracer *t) {
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    gc_trace_value(t, it->next);
    gc_trace_value(t, it->step);
    gc_trace_value(t, it->remaining);
    gc_trace_value(t, it->start);
    gc_trace_value(t, it->len);
}

static Value range_fast_iter(int64_t start, int64_t step, int64_t len) {
    RangeIterObject *it = (RangeIterObject *)gc_alloc(&type_range_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->start = start;
    it->step = step;
    it->len = (uint64_t)len;
    return val_from_ptr(it);
}

static Value range_long_iter(Value start, Value step, Value len) {
    LongRangeIterObject *it = (LongRangeIterObject *)gc_alloc(&type_longrange_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->next = it->start = start;
    it->step = step;
    it->remaining = it->len = len;
    return val_from_ptr(it);
}

// The fast iterator's rule: the bounds, the step and the length fit int64
// and start + len * step does not overflow (CPython's, so that the same
// ranges get the same iterator type, forwards and reversed).
static bool range_fits_fast(RangeObject *r, int64_t *start, int64_t *step, int64_t *len) {
    int64_t stop;
    if (int_to_i64(r->start, start) == 0 && int_to_i64(r->stop, &stop) == 0 &&
        int_to_i64(r->step, step) == 0 && int_to_i64(r->length, len) == 0 &&
        (*len == 0 || (*step > 0 ? stop <= INT64_MAX - (*step - 1)
                                 : stop >= INT64_MIN + (-1 - *step)))) {
        return true;
    }
    err_clear();
    return false;
}

// reversed(range): an iterator from the last item down, stepping by -step.
static Value range_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RangeObject *r = range_obj(self);
    int64_t start, step, len;
    int64_t before;  // start - step: CPython also wants it and -step to fit
    if (range_fits_fast(r, &start, &step, &len) && step != INT64_MIN &&
        !__builtin_sub_overflow(start, step, &before)) {
        // modulo 2**64 in the intermediate, exact in every item produced
        uint64_t last = (uint64_t)before + (uint64_t)len * (uint64_t)step;
        return range_fast_iter((int64_t)last, -step, len);
    }
    Value n1 = obj_binop(r->length, SMALL(1), BINOP_SUB);
    Value off = n1 ? obj_binop(n1, r->step, BINOP_MUL) : 0;
    Value last = off ? obj_binop(r->start, off, BINOP_ADD) : 0;
    Value neg = last ? obj_neg(r->step) : 0;
    return neg ? range_long_iter(last, neg, r->length) : 0;
}

static Value range_iter(Value v) {
    RangeObject *r = range_obj(v);
    int64_t start, step, len;
    if (range_fits_fast(r, &start, &step, &len)) {
        return range_fast_iter(start, step, len);
    }
    return range_long_iter(r->start, r->step, r->length);
}

static Value range_iter_next(Value v) {
    RangeIterObject *it = (RangeIterObject *)val_ptr(v);
    if (it->index >= it->len) {
        return 0;
    }
    // wraps modulo 2**64 in the intermediate, exact in the result
    uint64_t x = (uint64_t)it->start + it->index++ * (uint64_t)it->step;
    return int_from_i64((int64_t)x);
}

static Value longrange_iter_next(Value v) {
    LongRangeIterObject *it = (LongRangeIterObject *)val_ptr(v);
    if (int_check(it->remaining)) {
        if (int_sign(it->remaining) <= 0) {
            return 0;
        }
    } else {
        // __setstate__ took a float, which CPython accepts
        int more = obj_richcompare_bool(it->remaining, SMALL(0), CMP_GT);
        if (more <= 0) {
            return 0;
        }
    }
    Value rem = obj_binop(it->remaining, SMALL(1), BINOP_SUB);
    if (!rem) {
        return 0;
    }
    Value x = it->next;
    Value next = obj_binop(x, it->step, BINOP_ADD);
    if (!next) {
        return 0;
    }
    it->remaining = rem;
    it->next = next;
    return x;
}

#define LENGTH_HINT_DOC "Private method returning an estimate of len(list(it))."

static Value range_iter_m_length_hint(Value self, const Value *args, size_t nargs,
                                      Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RangeIterObject *it = (RangeIterObject *)val_ptr(self);
    return int_from_i64(it->index < it->len ? (int64_t)(it->len - it->index) : 0);
}

// (iter, (range(start, start + len * step, step),), index), as CPython 3.11.
static Value range_iter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RangeIterObject *it = (RangeIterObject *)val_ptr(self);
    Value start = int_from_i64(it->start);
    Value step = start ? int_from_i64(it->step) : 0;
    Value len = step ? int_from_i64((int64_t)it->len) : 0;
    Value span = len ? obj_binop(len, step, BINOP_MUL) : 0;
    Value stop = span ? obj_binop(start, span, BINOP_ADD) : 0;
    Value range = stop ? range_new(start, stop, step) : 0;
    return range ? seqiter_reduce("iter", range, (int64_t)it->index, 0) : 0;
}

static Value range_iter_m_setstate(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    RangeIterObject *it = (RangeIterObject *)val_ptr(self);
    int64_t i;
    if (obj_as_int64(args[0], &i) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C long");
        }
        return 0;
    }
    it->index = i < 0 ? 0 : (uint64_t)i > it->len ? it->len : (uint64_t)i;
    return VAL_NONE;
}

static const MethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_m_length_hint, METH_NO_KEYWORDS, LENGTH_HINT_DOC},
    {"__reduce__", range_iter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", range_iter_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static Value longrange_iter_m_length_hint(Value self, const Value *args, size_t nargs,
                                          Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return ((LongRangeIterObject *)val_ptr(self))->remaining;
}

static Value longrange_iter_m_reduce(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    LongRangeIterObject *it = (LongRangeIterObject *)val_ptr(self);
    Value span = obj_binop(it->len, it->step, BINOP_MUL);
    Value stop = span ? obj_binop(it->start, span, BINOP_ADD) : 0;
    Value range = stop ? range_new(it->start, stop, it->step) : 0;
    Value index = range ? obj_binop(it->len, it->remaining, BINOP_SUB) : 0;
    Value fn = index && vm_builtins ? dict_get_cstr(vm_builtins, "iter") : 0;
    Value rargs = fn ? tuple_from(&range, 1) : 0;
    return rargs ? tuple_from((Value[]){fn, rargs, index}, 3) : 0;
}

static Value longrange_iter_m_setstate(Value self, const Value *args, size_t nargs,
                                       Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    LongRangeIterObject *it = (LongRangeIterObject *)val_ptr(self);
    // compared and multiplied as objects, as CPython does (a float works)
    Value i = args[0];
    int lt = obj_richcompare_bool(i, SMALL(0), CMP_LT);
    if (lt < 0) {
        return 0;
    }
    if (lt) {
        i = SMALL(0);
    } else {
        int gt = obj_richcompare_bool(it->len, i, CMP_LT);
        if (gt < 0) {
            return 0;
        }
        if (gt) {
            i = it->len;
        }
    }
    Value off = obj_binop(i, it->step, BINOP_MUL);
    Value next = off ? obj_binop(it->start, off, BINOP_ADD) : 0;
    Value rem = next ? obj_binop(it->len, i, BINOP_SUB) : 0;
    if (!rem) {
        return 0;
    }
    it->next = next;
    it->remaining = rem;
    return VAL_NONE;
}

static const MethodDef longrange_iter_methods[] = {
    {"__length_hint__", longrange_iter_m_length_hint, METH_NO_KEYWORDS, LENGTH_HINT_DOC},
    {"__reduce__", longrange_iter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", longrange_iter_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static Value iter_self(Value v) {
    return v;
}

// ---- the types ------------------------------------------------------------------------------

// (range, (start, stop, step)): how copy and pickle rebuild a range. Like
// CPython's, it ignores any arguments.
static Value range_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    RangeObject *r = range_obj(self);
    Value t = tuple_from((Value[]){r->start, r->stop, r->step}, 3);
    return t ? tuple_from((Value[]){val_from_ptr(type_of(self)), t}, 2) : 0;
}

static const MethodDef range_methods[] = {
    {"__reduce__", range_m_reduce, METH_NO_KEYWORDS, "Helper for pickle."},
    {"__reversed__", range_m_reversed, METH_NO_KEYWORDS, "Return a reverse iterator."},
    {"count", range_m_count, METH_DEFAULT, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_m_index, METH_DEFAULT,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef range_members[] = {
    {"start", MEMBER_VALUE_RO, offsetof(RangeObject, start), NULL},
    {"stop", MEMBER_VALUE_RO, offsetof(RangeObject, stop), NULL},
    {"step", MEMBER_VALUE_RO, offsetof(RangeObject, step), NULL},
    {NULL, 0, 0, NULL},
};

Type type_range = {
    .header = {&type_type},
    .name = "range",
    .flags = TYPE_IMMUTABLE | TYPE_SEQUENCE,
    .basic_size = sizeof(RangeObject),
    .base = &type_object,
    .trace = range_trace,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .new_ = range_tp_new,
    .bool_ = range_bool,
    .iter = range_iter,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .methods = range_methods,
    .members = range_members,
};

Type type_range_iterator = {
    .header = {&type_type},
    .name = "range_iterator",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(RangeIterObject),
    .base = &type_object,
    .iter = iter_self,
    .iternext = range_iter_next,
    .methods = range_iter_methods,
};

Type type_longrange_iterator = {
    .header = {&type_type},
    .name = "longrange_iterator",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(LongRangeIterObject),
    .base = &type_object,
    .trace = longrange_iter_trace,
    .iter = iter_self,
    .iternext = longrange_iter_next,
    .methods = longrange_iter_methods,
};
