// bisectmodule.c - the `_bisect` module: binary search and insertion in a
// sorted sequence, which Lib/bisect.py takes in place of its pure
// versions.
//
// As CPython's: the sequence is read with the item protocol (any
// sequence, not only lists), only `<` is used (x < item for the right
// variants, item < x for the left ones), `key` is applied to the items
// (and, by insort, to x), and insort calls the sequence's insert() unless
// it is exactly a list.
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// The index where x goes in a[lo:hi] (hi -1: len(a)); -1 on error.
static int64_t bisect_index(Value a, Value x, int64_t lo, int64_t hi, Value key, int right) {
    if (lo < 0) {
        err_format(&exc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = obj_len(a);
        if (hi < 0) {
            return -1;
        }
    }
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        Value item = obj_getitem(a, int_from_i64(mid));
        if (item && key && key != VAL_NONE) {
            item = obj_call1(key, item);
        }
        if (!item) {
            return -1;
        }
        int less = right ? obj_richcompare_bool(x, item, CMP_LT)
                         : obj_richcompare_bool(item, x, CMP_LT);
        if (less < 0) {
            return -1;
        }
        if (less == right) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return lo;
}

static const char *const bisect_names[] = {"a", "x", "lo", "hi", "key", NULL};

// Parse (a, x, lo=0, hi=None, *, key=None). 0 or -1.
static int bisect_args(const char *fname, const Value *args, size_t nargs, Value kwnames,
                       Value *a, int64_t *lo, int64_t *hi) {
    ArgSpec spec = {fname, 0, bisect_names, 2, 4, 0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    *lo = 0;
    *hi = -1;
    if (a[2]) {
        if (!int_check(a[2]) && !type_of(a[2])->index) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(a[2]));
            return -1;
        }
        if (obj_as_index(a[2], lo, 0) < 0) {
            return -1;
        }
    }
    if (a[3] && a[3] != VAL_NONE) {
        if (!int_check(a[3]) && !type_of(a[3])->index) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'",
                       obj_type_name(a[3]));
            return -1;
        }
        if (obj_as_index(a[3], hi, 0) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value bisect_common(const char *fname, const Value *args, size_t nargs, Value kwnames,
                           int right) {
    Value a[5];
    int64_t lo, hi;
    if (bisect_args(fname, args, nargs, kwnames, a, &lo, &hi) < 0) {
        return 0;
    }
    int64_t i = bisect_index(a[0], a[1], lo, hi, a[4], right);
    return i < 0 ? 0 : int_from_i64(i);
}

static Value insort_common(const char *fname, const Value *args, size_t nargs, Value kwnames,
                           int right) {
    Value a[5];
    int64_t lo, hi;
    if (bisect_args(fname, args, nargs, kwnames, a, &lo, &hi) < 0) {
        return 0;
    }
    Value x = a[1], probe = x;
    if (a[4] && a[4] != VAL_NONE) {
        probe = obj_call1(a[4], x);
        if (!probe) {
            return 0;
        }
    }
    int64_t i = bisect_index(a[0], probe, lo, hi, a[4], right);
    if (i < 0) {
        return 0;
    }
    if (list_check_exact(a[0])) {
        if (list_insert(a[0], i, x) < 0) {
            return 0;
        }
    } else {
        Value iv = int_from_i64(i);
        Value ins[2] = {iv, x};
        if (!iv || !obj_call_method(a[0], "insert", ins, 2)) {
            return 0;
        }
    }
    return VAL_NONE;
}

FN(bisect_bisect_right) {
    return bisect_common("bisect_right", args, nargs, kwnames, 1);
}

FN(bisect_bisect_left) {
    return bisect_common("bisect_left", args, nargs, kwnames, 0);
}

FN(bisect_insort_right) {
    return insort_common("insort_right", args, nargs, kwnames, 1);
}

FN(bisect_insort_left) {
    return insort_common("insort_left", args, nargs, kwnames, 0);
}

static const MethodDef bisect_functions[] = {
    {"bisect_right", bisect_bisect_right, METH_DEFAULT, "Return the index where to insert item x in list a, assuming a is sorted."},
    {"insort_right", bisect_insort_right, METH_DEFAULT, "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {"bisect_left", bisect_bisect_left, METH_DEFAULT, "Return the index where to insert item x in list a, assuming a is sorted."},
    {"insort_left", bisect_insort_left, METH_DEFAULT, "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {NULL, NULL, 0, NULL},
};

Value bisect_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_bisect");
    if (!m || module_add_functions(m, bisect_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Bisection algorithms.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
