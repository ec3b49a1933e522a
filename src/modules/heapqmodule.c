// heapqmodule.c - the `_heapq` module: the binary min-heap operations on a
// list (and the max-heap helpers heapq.merge and nlargest use), which
// Lib/heapq.py takes in place of its pure versions.
//
// The sift functions follow CPython's exactly - which pairs are compared,
// in which order, and the cache-friendly heapify order for lists longer
// than 2500 - since the comparisons are visible (__lt__ may print, raise
// or mutate) and so is the resulting order of equal items. Only `<` is
// used. A comparison may change the list: after each one the length is
// checked ("list changed size during iteration") and the item array
// re-read; no pointer into it is kept across a comparison.
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// a < b (max: b < a): 1, 0, or -1.
static int heap_less(Value a, Value b, int max) {
    return max ? obj_richcompare_bool(b, a, CMP_LT) : obj_richcompare_bool(a, b, CMP_LT);
}

static int size_changed(Value heap, size_t size) {
    if (list_obj(heap)->len != size) {
        err_format(&exc_RuntimeError, "list changed size during iteration");
        return 1;
    }
    return 0;
}

// Move the item at pos up towards startpos while it is smaller than its
// parent.
static int sift_down(Value heap, size_t startpos, size_t pos, int max) {
    size_t size = list_obj(heap)->len;
    if (pos >= size) {
        err_format(&exc_IndexError, "index out of range");
        return -1;
    }
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        Value *items = list_obj(heap)->items;
        int less = heap_less(items[pos], items[parentpos], max);
        if (less < 0 || size_changed(heap, size)) {
            return -1;
        }
        if (!less) {
            break;
        }
        items = list_obj(heap)->items;
        Value t = items[parentpos];
        items[parentpos] = items[pos];
        items[pos] = t;
        pos = parentpos;
    }
    return 0;
}

// Move the smaller child up until pos is a leaf, then sift the item left
// there down into place (fewer comparisons than stopping early).
static int sift_up(Value heap, size_t pos, int max) {
    size_t endpos = list_obj(heap)->len, startpos = pos;
    if (pos >= endpos) {
        err_format(&exc_IndexError, "index out of range");
        return -1;
    }
    size_t limit = endpos >> 1;
    while (pos < limit) {
        size_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            Value *items = list_obj(heap)->items;
            int less = heap_less(items[childpos], items[childpos + 1], max);
            if (less < 0) {
                return -1;
            }
            if (!less) {
                childpos++;
            }
            if (size_changed(heap, endpos)) {
                return -1;
            }
        }
        Value *items = list_obj(heap)->items;
        Value t = items[childpos];
        items[childpos] = items[pos];
        items[pos] = t;
        pos = childpos;
    }
    return sift_down(heap, startpos, pos, max);
}

// The heap argument must be a list: "f() argument must be list" for the
// one-argument functions (pos 0), "f() argument 1 must be list" else.
static int heap_arg(const char *fname, int pos, Value v) {
    if (list_check(v)) {
        return 0;
    }
    if (pos == 0) {
        err_format(&exc_TypeError, "%s() argument must be list, not %s", fname, obj_type_name(v));
    } else {
        err_format(&exc_TypeError, "%s() argument 1 must be list, not %s", fname,
                   obj_type_name(v));
    }
    return -1;
}

FN(heapq_heappush) {
    if (args_no_keywords("heappush", kwnames) < 0 ||
        args_check_positional("heappush", nargs, 2, 2) < 0 || heap_arg("heappush", 1, args[0]) < 0 ||
        list_append(args[0], args[1]) < 0 ||
        sift_down(args[0], 0, list_obj(args[0])->len - 1, 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value heappop_common(const char *fname, Value heap, int max) {
    if (heap_arg(fname, 0, heap) < 0) {
        return 0;
    }
    ListObject *l = list_obj(heap);
    if (l->len == 0) {
        return err_format(&exc_IndexError, "index out of range");
    }
    Value last = l->items[--l->len];
    if (l->len == 0) {
        return last;
    }
    Value top = l->items[0];
    l->items[0] = last;
    if (sift_up(heap, 0, max) < 0) {
        return 0;
    }
    return top;
}

FN(heapq_heappop) {
    if (method_check_args("_heapq.heappop", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return heappop_common("heappop", args[0], 0);
}

FN(heapq_heappop_max) {
    if (method_check_args("_heapq._heappop_max", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return heappop_common("_heappop_max", args[0], 1);
}

static Value heapreplace_common(const char *fname, const Value *args, size_t nargs,
                                Value kwnames, int max) {
    if (args_no_keywords(fname, kwnames) < 0 || args_check_positional(fname, nargs, 2, 2) < 0 ||
        heap_arg(fname, 1, args[0]) < 0) {
        return 0;
    }
    ListObject *l = list_obj(args[0]);
    if (l->len == 0) {
        return err_format(&exc_IndexError, "index out of range");
    }
    Value top = l->items[0];
    l->items[0] = args[1];
    if (sift_up(args[0], 0, max) < 0) {
        return 0;
    }
    return top;
}

FN(heapq_heapreplace) {
    return heapreplace_common("heapreplace", args, nargs, kwnames, 0);
}

FN(heapq_heapreplace_max) {
    return heapreplace_common("_heapreplace_max", args, nargs, kwnames, 1);
}

FN(heapq_heappushpop) {
    if (args_no_keywords("heappushpop", kwnames) < 0 ||
        args_check_positional("heappushpop", nargs, 2, 2) < 0 ||
        heap_arg("heappushpop", 1, args[0]) < 0) {
        return 0;
    }
    Value heap = args[0], item = args[1];
    if (list_obj(heap)->len == 0) {
        return item;
    }
    int less = obj_richcompare_bool(list_obj(heap)->items[0], item, CMP_LT);
    if (less < 0) {
        return 0;
    }
    if (!less) {
        return item;
    }
    ListObject *l = list_obj(heap);
    if (l->len == 0) {
        return err_format(&exc_IndexError, "index out of range");
    }
    Value top = l->items[0];
    l->items[0] = item;
    if (sift_up(heap, 0, 0) < 0) {
        return 0;
    }
    return top;
}

// The highest power of two <= n (n >= 1).
static size_t top_bit(size_t n) {
    size_t b = 1;
    while (b <= n / 2) {
        b <<= 1;
    }
    return b;
}

// Sift up node j, and while j is odd (a left child) go on with its
// parent's index j >> 1: Nick Trewern's order, which keeps the working
// set in cache.
static int sift_chain(Value heap, size_t j, int max) {
    for (;;) {
        if (sift_up(heap, j, max) < 0) {
            return -1;
        }
        if (!(j & 1)) {
            return 0;
        }
        j >>= 1;
    }
}

static int heapify_list(Value heap, int max) {
    size_t n = list_obj(heap)->len;
    if (n > 2500) {
        size_t m = n >> 1;
        size_t leftmost = top_bit(m + 1) - 1;
        size_t mhalf = m >> 1;
        for (size_t i = leftmost; i-- > mhalf;) {
            if (sift_chain(heap, i, max) < 0) {
                return -1;
            }
        }
        for (size_t i = m; i-- > leftmost;) {
            if (sift_chain(heap, i, max) < 0) {
                return -1;
            }
        }
        return 0;
    }
    for (size_t i = n >> 1; i-- > 0;) {
        if (sift_up(heap, i, max) < 0) {
            return -1;
        }
    }
    return 0;
}

FN(heapq_heapify) {
    if (method_check_args("_heapq.heapify", nargs, kwnames, 1, 1) < 0 ||
        heap_arg("heapify", 0, args[0]) < 0 ||
        heapify_list(args[0], 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(heapq_heapify_max) {
    if (method_check_args("_heapq._heapify_max", nargs, kwnames, 1, 1) < 0 ||
        heap_arg("_heapify_max", 0, args[0]) < 0 ||
        heapify_list(args[0], 1) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static const MethodDef heapq_functions[] = {
    {"heappush", heapq_heappush, METH_DEFAULT, "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", heapq_heappushpop, METH_DEFAULT, "Push item on the heap, then pop and return the smallest item from the heap."},
    {"heappop", heapq_heappop, METH_DEFAULT, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", heapq_heapreplace, METH_DEFAULT, "Pop and return the current smallest value, and add the new item."},
    {"heapify", heapq_heapify, METH_DEFAULT, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", heapq_heappop_max, METH_DEFAULT, "Maxheap variant of heappop."},
    {"_heapreplace_max", heapq_heapreplace_max, METH_DEFAULT, "Maxheap variant of heapreplace."},
    {"_heapify_max", heapq_heapify_max, METH_DEFAULT, "Maxheap variant of heapify."},
    {NULL, NULL, 0, NULL},
};

Value heapq_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_heapq");
    if (!m || module_add_functions(m, heapq_functions) < 0 ||
        module_add(m, "__about__", str_from_cstr("Heap queues\n\nA heap is a list where a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every k\n(missing children count as infinite), so a[0] is the smallest item.\n")) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Heap queue algorithm (a.k.a. priority queue).")) <
            0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
