// slice.c - the slice type (slice(start, stop, step)) and the index
// arithmetic sequences use to slice themselves.
#include "slice.h"

#include "abstract.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type.h"

static void slice_trace(Object *o, GcTracer *t) {
    SliceObject *s = (SliceObject *)o;
    gc_trace_value(t, s->start);
    gc_trace_value(t, s->stop);
    gc_trace_value(t, s->step);
}

Value slice_new(Value start, Value stop, Value step) {
    SliceObject *s = (SliceObject *)gc_alloc(&type_slice, sizeof *s);
    if (!s) {
        return 0;
    }
    s->start = start;
    s->stop = stop;
    s->step = step;
    return val_from_ptr(s);
}

// ---- index arithmetic ---------------------------------------------------------------

static int can_index(Value v) {
    return val_is_smallint(v) || (type_of(v)->flags & TYPE_INT_SUBCLASS) || type_of(v)->index;
}

static Value bad_index(void) {
    return err_format(&exc_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
}

// A bound or step as int64, clamped by sign when it does not fit.
static int clamped_index(Value v, int64_t *out) {
    if (val_is_smallint(v)) {
        *out = val_smallint(v);
        return 0;
    }
    if (!can_index(v)) {
        bad_index();
        return -1;
    }
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        *out = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    return 0;
}

int slice_indices(Value slice, int64_t len, int64_t *pstart, int64_t *pstop, int64_t *pstep,
                  int64_t *slicelength) {
    SliceObject *s = slice_obj(slice);
    int64_t start, stop, step;
    if (s->step == VAL_NONE) {
        step = 1;
    } else {
        if (clamped_index(s->step, &step) < 0) {
            return -1;
        }
        if (step == 0) {
            err_format(&exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (step < -INT64_MAX) {
            step = -INT64_MAX;  // so that -step exists
        }
    }
    if (s->start == VAL_NONE) {
        start = step < 0 ? INT64_MAX : 0;
    } else if (clamped_index(s->start, &start) < 0) {
        return -1;
    }
    if (s->stop == VAL_NONE) {
        stop = step < 0 ? INT64_MIN : INT64_MAX;
    } else if (clamped_index(s->stop, &stop) < 0) {
        return -1;
    }
    if (start < 0) {
        start += len;
        if (start < 0) {
            start = step < 0 ? -1 : 0;
        }
    } else if (start >= len) {
        start = step < 0 ? len - 1 : len;
    }
    if (stop < 0) {
        stop += len;
        if (stop < 0) {
            stop = step < 0 ? -1 : 0;
        }
    } else if (stop >= len) {
        stop = step < 0 ? len - 1 : len;
    }
    // (steps of 1 and -1, nearly every slice, skip the 64-bit division)
    int64_t n = 0;
    if (step < 0) {
        if (stop < start) {
            uint64_t span = (uint64_t)start - (uint64_t)stop;
            n = step == -1 ? (int64_t)span : (int64_t)((span - 1) / (uint64_t)-step + 1);
        }
    } else if (start < stop) {
        uint64_t span = (uint64_t)stop - (uint64_t)start;
        n = step == 1 ? (int64_t)span : (int64_t)((span - 1) / (uint64_t)step + 1);
    }
    *pstart = start;
    *pstop = stop;
    *pstep = step;
    *slicelength = n;
    return 0;
}

// An exact int for a bound of slice.indices().
static Value long_index(Value v) {
    if (!can_index(v)) {
        return bad_index();
    }
    Value i = obj_index(v);
    return i ? int_exact(i) : 0;
}

// v clamped into [lower, upper], after adding length to a negative v.
static Value long_bound(Value v, Value length, Value lower, Value upper) {
    if (int_sign(v) < 0) {
        v = obj_binop(v, length, BINOP_ADD);
        if (!v) {
            return 0;
        }
        if (int_compare(v, lower) < 0) {
            return lower;
        }
    } else if (int_compare(v, upper) > 0) {
        return upper;
    }
    return v;
}

int slice_long_indices(Value slice, Value length, Value *pstart, Value *pstop, Value *pstep) {
    SliceObject *s = slice_obj(slice);
    Value step = val_from_smallint(1);
    if (s->step != VAL_NONE) {
        step = long_index(s->step);
        if (!step) {
            return -1;
        }
        if (int_sign(step) == 0) {
            err_format(&exc_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int neg = int_sign(step) < 0;
    Value lower = neg ? val_from_smallint(-1) : val_from_smallint(0);
    Value upper = neg ? obj_binop(length, val_from_smallint(1), BINOP_SUB) : length;
    if (!upper) {
        return -1;
    }
    Value start = neg ? upper : lower, stop = neg ? lower : upper;
    if (s->start != VAL_NONE) {
        start = long_index(s->start);
        if (!start || !(start = long_bound(start, length, lower, upper))) {
            return -1;
        }
    }
    if (s->stop != VAL_NONE) {
        stop = long_index(s->stop);
        if (!stop || !(stop = long_bound(stop, length, lower, upper))) {
            return -1;
        }
    }
    *pstart = start;
    *pstop = stop;
    *pstep = step;
    return 0;
}

// ---- the type's slots and methods -------------------------------------------------------

static Value slice_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        return err_format(&exc_TypeError, "slice() takes no keyword arguments");
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "slice expected at least 1 argument, got 0");
    }
    if (nargs > 3) {
        return err_format(&exc_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
    }
    if (nargs == 1) {
        return slice_new(VAL_NONE, args[0], VAL_NONE);
    }
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : VAL_NONE);
}

static Value slice_repr(Value v) {
    SliceObject *s = slice_obj(v);
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    sb_puts(&sb, "slice(");
    if (repr_append(&sb, s->start) < 0) {
        goto done;
    }
    sb_puts(&sb, ", ");
    if (repr_append(&sb, s->stop) < 0) {
        goto done;
    }
    sb_puts(&sb, ", ");
    if (repr_append(&sb, s->step) < 0) {
        goto done;
    }
    sb_putc(&sb, ')');
    result = str_from_utf8(sb.data, sb.len);
done:
    sb_free(&sb);
    return result;
}

static Value slice_as_tuple(Value v) {
    SliceObject *s = slice_obj(v);
    Value items[3] = {s->start, s->stop, s->step};
    return tuple_from(items, 3);
}

static Value slice_richcompare(Value a, Value b, CompareOp op) {
    if (!slice_check(a) || !slice_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (a == b && (op == CMP_EQ || op == CMP_NE)) {
        return val_bool(op == CMP_EQ);
    }
    Value ta = slice_as_tuple(a);
    if (!ta) {
        return 0;
    }
    Value tb = slice_as_tuple(b);
    if (!tb) {
        return 0;
    }
    return tuple_richcompare(ta, tb, op);
}

static Value slice_m_indices(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("slice.indices", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value length = obj_index(args[0]);
    if (!length || !(length = int_exact(length))) {
        return 0;
    }
    if (int_sign(length) < 0) {
        return err_format(&exc_ValueError, "length should not be negative");
    }
    Value start, stop, step;
    if (slice_long_indices(self, length, &start, &stop, &step) < 0) {
        return 0;
    }
    Value items[3] = {start, stop, step};
    return tuple_from(items, 3);
}

// (slice, (start, stop, step)): how copy and pickle rebuild a slice.
static Value slice_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("slice.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SliceObject *sl = (SliceObject *)val_ptr(self);
    Value t = tuple_from((Value[]){sl->start, sl->stop, sl->step}, 3);
    return t ? tuple_from((Value[]){val_from_ptr(&type_slice), t}, 2) : 0;
}

static const MethodDef slice_methods[] = {
    {"__reduce__", slice_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"indices", slice_m_indices, METH_DEFAULT,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate "
     "the start and stop\nindices, and the stride length of the extended slice described "
     "by\nS. Out of bounds indices are clipped in\na manner consistent with the handling of "
     "normal slices."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef slice_members[] = {
    {"start", MEMBER_VALUE_RO, offsetof(SliceObject, start), NULL},
    {"stop", MEMBER_VALUE_RO, offsetof(SliceObject, stop), NULL},
    {"step", MEMBER_VALUE_RO, offsetof(SliceObject, step), NULL},
    {NULL, 0, 0, NULL},
};

Type type_slice = {
    .header = {&type_type},
    .name = "slice",
    .flags = TYPE_IMMUTABLE | TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(SliceObject),
    .base = &type_object,
    .trace = slice_trace,
    .repr = slice_repr,
    .hash = hash_unhashable,
    .richcompare = slice_richcompare,
    .new_ = slice_tp_new,
    .methods = slice_methods,
    .members = slice_members,
};
