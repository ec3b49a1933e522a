// gcmodule.c - the `gc` module over krait's collector (runtime/gc.h).
//
// krait's collector is one non-generational mark-sweep, so the CPython API
// maps onto it as follows:
//   - collect(generation) is always a full collection (any generation 0..2
//     is accepted), followed by the finalizers and weakref callbacks it
//     found (runtime/finalize.c). It returns the number of unreachable
//     objects found: every dead object, not only those in cycles - krait
//     has no reference counting to free the others earlier.
//   - Generations do not exist: get_stats() puts every collection in
//     generation 2, get_count() is (allocation since the last collection
//     in threshold0 units, 0, 0).
//   - set_threshold(threshold0, ...) sets the allocation volume between
//     automatic collections: threshold0 / 700 of the default (8 MiB);
//     threshold0 = 0 turns automatic collection off, as in CPython.
//   - callbacks are called around explicit collections only: automatic ones
//     happen inside allocations, where Python code cannot run.
//   - is_tracked() answers as CPython would: True for objects that can hold
//     references (heap objects with a trace function, instances of
//     classes), with CPython's exceptions for dicts and tuples of atoms.
//   - freeze() and friends do nothing: nothing is ever scanned less.
#include <stdlib.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define GC_DEFAULT_THRESHOLD0 700
#define GC_DEFAULT_MIN_BUDGET ((size_t)8 << 20)  // gc.c's GC_MIN_BUDGET
#define GC_MIN_BUDGET_FLOOR ((size_t)64 << 10)   // threshold0 = 1 still allocates this much

static struct {
    int enabled;
    int threshold[3];
    size_t collected;          // by explicit collections
    Value callbacks;           // gc.callbacks, a list (root)
    Value garbage;             // gc.garbage, a list (root)
} gcm = {.enabled = 1, .threshold = {GC_DEFAULT_THRESHOLD0, 10, 10}};

static void gcm_apply(void) {
    gc_enable(gcm.enabled && gcm.threshold[0] != 0);
    size_t budget = 0;  // the default
    if (gcm.threshold[0] > 0 && gcm.threshold[0] != GC_DEFAULT_THRESHOLD0) {
        budget = GC_DEFAULT_MIN_BUDGET / GC_DEFAULT_THRESHOLD0 * (size_t)gcm.threshold[0];
        budget = budget < GC_MIN_BUDGET_FLOOR ? GC_MIN_BUDGET_FLOOR : budget;
    }
    gc_set_min_budget(budget);
}

// A C int argument, as CPython's "i" format.
static int int_arg(Value v, int *out) {
    int64_t i;
    if (obj_as_int64(v, &i) < 0) {
        return -1;
    }
    if (i > INT32_MAX || i < INT32_MIN) {
        err_format(&exc_OverflowError, "signed integer is %s than %s",
                   i > 0 ? "greater" : "less", i > 0 ? "maximum" : "minimum");
        return -1;
    }
    *out = (int)i;
    return 0;
}

// ---- collect and its callbacks ---------------------------------------------------------

// Call each of gc.callbacks with (phase, info); errors are unraisable.
static void gcm_invoke_callbacks(const char *phase, size_t collected) {
    if (!gcm.callbacks || !list_check(gcm.callbacks) || list_obj(gcm.callbacks)->len == 0) {
        return;
    }
    Value saved = err_fetch();
    Value info = dict_new();
    Value p = str_intern_cstr(phase);
    if (!info || !p || dict_set_cstr(info, "generation", int_from_i64(2)) < 0 ||
        dict_set_cstr(info, "collected", int_from_i64((int64_t)collected)) < 0 ||
        dict_set_cstr(info, "uncollectable", int_from_i64(0)) < 0) {
        err_write_unraisable(0);
    } else {
        // The list may change under the callbacks: index it afresh each time.
        for (size_t i = 0; i < list_obj(gcm.callbacks)->len; i++) {
            Value cb = list_obj(gcm.callbacks)->items[i];
            if (!obj_call2(cb, p, info)) {
                err_write_unraisable(cb);
            }
        }
    }
    if (saved) {
        err_set_value(saved);
    }
}

static Value gc_m_collect(Value self, const Value *args, size_t nargs, Value kwnames) {
    gc_scrub_stack();  // before anything below is called (gc.h)
    static const char *const names[] = {"generation", NULL};
    static const ArgSpec spec = {"collect", 0, names, 0, 1, 0};
    Value gen = 0;
    if (args_unpack(&spec, args, nargs, kwnames, &gen) < 0) {
        return 0;
    }
    if (gen) {
        int g;
        if (int_arg(gen, &g) < 0) {
            return 0;
        }
        if (g < 0 || g > 2) {
            return err_format(&exc_ValueError, "invalid generation");
        }
    }
    gcm_invoke_callbacks("start", 0);
    size_t n = finalize_collect();
    gcm.collected += n;
    gcm_invoke_callbacks("stop", n);
    return int_from_i64((int64_t)n);
}

// ---- switches and thresholds ------------------------------------------------------------

static Value gc_m_enable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.enable", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    gcm.enabled = 1;
    gcm_apply();
    return VAL_NONE;
}

static Value gc_m_disable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.disable", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    gcm.enabled = 0;
    gcm_apply();
    return VAL_NONE;
}

static Value gc_m_isenabled(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.isenabled", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(gcm.enabled);
}

static Value int_triple(int64_t a, int64_t b, int64_t c) {
    Value items[3] = {int_from_i64(a), int_from_i64(b), int_from_i64(c)};
    return tuple_from(items, 3);
}

static Value gc_m_get_threshold(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.get_threshold", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_triple(gcm.threshold[0], gcm.threshold[1], gcm.threshold[2]);
}

static Value gc_m_set_threshold(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("set_threshold", kwnames) < 0) {
        return 0;
    }
    if (nargs < 1 || nargs > 3) {
        return err_format(&exc_TypeError, "set_threshold() takes at %s argument%s (%zu given)",
                          nargs < 1 ? "least 1" : "most 3", nargs < 1 ? "" : "s", nargs);
    }
    int t[3] = {gcm.threshold[0], gcm.threshold[1], gcm.threshold[2]};
    for (size_t i = 0; i < nargs; i++) {
        if (int_arg(args[i], &t[i]) < 0) {
            return 0;
        }
    }
    for (int i = 0; i < 3; i++) {
        gcm.threshold[i] = t[i];
    }
    gcm_apply();
    return VAL_NONE;
}

static Value gc_m_get_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.get_count", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    GcStats s;
    gc_get_stats(&s);
    int64_t units = 0;
    if (s.budget > 0 && gcm.threshold[0] > 0) {
        double share = (double)s.allocated_since / (double)s.budget;
        units = (int64_t)(share * gcm.threshold[0]);
    }
    return int_triple(units, 0, 0);
}

static Value gc_m_get_stats(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.get_stats", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    GcStats s;
    gc_get_stats(&s);
    Value list = list_new(3);
    if (!list) {
        return 0;
    }
    for (int g = 0; g < 3; g++) {
        Value d = dict_new();
        int64_t collections = g == 2 ? (int64_t)s.collections : 0;
        int64_t collected = g == 2 ? (int64_t)gcm.collected : 0;
        if (!d || dict_set_cstr(d, "collections", int_from_i64(collections)) < 0 ||
            dict_set_cstr(d, "collected", int_from_i64(collected)) < 0 ||
            dict_set_cstr(d, "uncollectable", int_from_i64(0)) < 0 || list_append(list, d) < 0) {
            return 0;
        }
    }
    return list;
}

static Value gc_m_get_debug(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.get_debug", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(0);
}

static Value gc_m_set_debug(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.set_debug", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int flags;
    if (int_arg(args[0], &flags) < 0) {
        return 0;
    }
    if (flags != 0) {
        return err_format(&exc_NotImplementedError,
                          "gc.set_debug: the debugging flags are not implemented");
    }
    return VAL_NONE;
}

static Value gc_m_freeze(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("gc.freeze", nargs, kwnames, 0, 0) < 0 ? 0 : VAL_NONE;
}

static Value gc_m_unfreeze(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("gc.unfreeze", nargs, kwnames, 0, 0) < 0 ? 0 : VAL_NONE;
}

static Value gc_m_get_freeze_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("gc.get_freeze_count", nargs, kwnames, 0, 0) < 0
               ? 0
               : int_from_i64(0);
}

// ---- what the collector knows about objects ------------------------------------------------

// Whether CPython's collector would track v: objects that can refer to
// others. Exact tuples and dicts of atoms only are untracked (CPython
// untracks them lazily; this is their state after a collection).
static int gcm_tracked(Value v, int depth) {
    if (!val_is_ptr(v)) {
        return 0;
    }
    Object *o = val_ptr(v);
    Type *t = o->type;
    // Atoms: no references to others (str's trace reports only its private
    // index, not a Python-visible reference).
    if ((!(t->flags & TYPE_HEAP) && !t->trace) || t == &type_str || t == &type_bytes ||
        !t->mro) {
        return 0;
    }
    if (gc_find_object(o) != o) {
        return 0;  // a static object (a builtin type, None...)
    }
    if (depth > 50) {
        return 1;
    }
    if (t == &type_tuple) {
        TupleObject *tu = tuple_obj(v);
        for (size_t i = 0; i < tu->len; i++) {
            if (gcm_tracked(tu->items[i], depth + 1)) {
                return 1;
            }
        }
        return 0;
    }
    if (t == &type_dict) {
        size_t pos = 0;
        Value key, value;
        while (dict_next(v, &pos, &key, &value)) {
            if (gcm_tracked(key, depth + 1) || gcm_tracked(value, depth + 1)) {
                return 1;
            }
        }
        return 0;
    }
    return 1;
}

static Value gc_m_is_tracked(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.is_tracked", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return val_bool(gcm_tracked(args[0], 0));
}

static Value gc_m_is_finalized(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("gc.is_finalized", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value v = args[0];
    if (!val_is_ptr(v) || !(type_of(v)->flags & TYPE_HAS_FINALIZER)) {
        return VAL_FALSE;
    }
    return val_bool(!gc_finalizer_registered(val_ptr(v)));
}

// A growable malloc'ed array of Values (not a root: see each user).
typedef struct ValueVec {
    Value *items;
    size_t len, cap;
    int failed;
} ValueVec;

static void vec_push(ValueVec *vec, Value v) {
    if (vec->len == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 16;
        Value *items = realloc(vec->items, cap * sizeof *items);
        if (!items) {
            vec->failed = 1;
            return;
        }
        vec->items = items;
        vec->cap = cap;
    }
    vec->items[vec->len++] = v;
}

// The Values of vec as a new list (vec freed).
static Value vec_to_list(ValueVec *vec) {
    Value list = vec->failed ? err_no_memory() : list_new(vec->len);
    for (size_t i = 0; list && i < vec->len; i++) {
        if (list_append(list, vec->items[i]) < 0) {
            list = 0;
        }
    }
    free(vec->items);
    return list;
}

// Objects of internal types (never readied: no MRO, like str's index) are
// not Python objects: never hand them out.
static int gcm_visible(Value v) {
    return !val_is_ptr(v) || type_of(v)->mro != 0;
}

static void visit_push(Value v, void *arg) {
    if (gcm_visible(v)) {
        vec_push(arg, v);
    }
}

// The referents are reachable from the arguments, so they outlive the
// allocations that build the list.
static Value gc_m_get_referents(Value self, const Value *args, size_t nargs, Value kwnames) {
    gc_note_objects_exposed();  // what it hands out may be anything (gc_free_dead)
    if (args_no_keywords("gc.get_referents", kwnames) < 0) {
        return 0;
    }
    ValueVec vec = {0};
    for (size_t i = 0; i < nargs; i++) {
        if (gcm_tracked(args[i], 0)) {
            gc_visit_referents(val_ptr(args[i]), visit_push, &vec);
        }
    }
    return vec_to_list(&vec);
}

typedef struct ReferrerSearch {
    const Value *targets;
    size_t ntargets;
    int found;
} ReferrerSearch;

static void visit_match(Value v, void *arg) {
    ReferrerSearch *s = arg;
    for (size_t i = 0; i < s->ntargets && !s->found; i++) {
        s->found = v == s->targets[i];
    }
}

// After a collection every object left in the heap is reachable, and
// nothing runs before the list holds them: the snapshot stays valid.
static Value gc_m_get_referrers(Value self, const Value *args, size_t nargs, Value kwnames) {
    gc_note_objects_exposed();  // what it hands out may be anything (gc_free_dead)
    if (args_no_keywords("gc.get_referrers", kwnames) < 0) {
        return 0;
    }
    gc_collect();
    size_t n;
    Object **all = gc_heap_objects(&n);
    if (!all) {
        return err_no_memory();
    }
    ValueVec vec = {0};
    for (size_t i = 0; i < n && nargs > 0; i++) {
        if (!gcm_tracked(val_from_ptr(all[i]), 0)) {
            continue;
        }
        ReferrerSearch s = {args, nargs, 0};
        gc_visit_referents(all[i], visit_match, &s);
        if (s.found) {
            vec_push(&vec, val_from_ptr(all[i]));
        }
    }
    free(all);
    return vec_to_list(&vec);
}

static Value gc_m_get_objects(Value self, const Value *args, size_t nargs, Value kwnames) {
    gc_note_objects_exposed();  // what it hands out may be anything (gc_free_dead)
    static const char *const names[] = {"generation", NULL};
    static const ArgSpec spec = {"get_objects", 0, names, 0, 1, 0};
    Value gen = 0;
    if (args_unpack(&spec, args, nargs, kwnames, &gen) < 0) {
        return 0;
    }
    if (gen && gen != VAL_NONE) {
        int64_t g;
        if (obj_as_int64(gen, &g) < 0) {
            return 0;
        }
        if (g >= 3) {
            return err_format(&exc_ValueError, "generation parameter must be less than the "
                                               "number of available generations (3)");
        }
        if (g < 0) {
            return err_format(&exc_ValueError, "generation parameter cannot be negative");
        }
        if (g < 2) {
            return list_new(0);  // every object lives in the oldest generation
        }
    }
    gc_collect();
    size_t n;
    Object **all = gc_heap_objects(&n);
    if (!all) {
        return err_no_memory();
    }
    ValueVec vec = {0};
    for (size_t i = 0; i < n; i++) {
        if (gcm_tracked(val_from_ptr(all[i]), 0)) {
            vec_push(&vec, val_from_ptr(all[i]));
        }
    }
    free(all);
    return vec_to_list(&vec);
}

// ---- the module --------------------------------------------------------------------------------

static const MethodDef gc_methods[] = {
    {"enable", gc_m_enable, METH_DEFAULT, "Enable automatic garbage collection."},
    {"disable", gc_m_disable, METH_DEFAULT, "Disable automatic garbage collection."},
    {"isenabled", gc_m_isenabled, METH_DEFAULT,
     "Returns true if automatic garbage collection is enabled."},
    {"collect", gc_m_collect, METH_DEFAULT, "Run the garbage collector."},
    {"get_debug", gc_m_get_debug, METH_DEFAULT, "Get the garbage collection debugging flags."},
    {"set_debug", gc_m_set_debug, METH_DEFAULT, "Set the garbage collection debugging flags."},
    {"get_count", gc_m_get_count, METH_DEFAULT, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_m_get_threshold, METH_DEFAULT,
     "Return the current collection thresholds."},
    {"set_threshold", gc_m_set_threshold, METH_DEFAULT,
     "Set the collection thresholds (the allocation volume between collections)."},
    {"get_stats", gc_m_get_stats, METH_DEFAULT,
     "Return a list of dictionaries containing per-generation statistics."},
    {"get_objects", gc_m_get_objects, METH_DEFAULT,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", gc_m_get_referrers, METH_DEFAULT,
     "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_m_get_referents, METH_DEFAULT,
     "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_m_is_tracked, METH_DEFAULT,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_m_is_finalized, METH_DEFAULT,
     "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_m_freeze, METH_DEFAULT, "Freeze all current tracked objects (no effect in krait)."},
    {"unfreeze", gc_m_unfreeze, METH_DEFAULT, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_m_get_freeze_count, METH_DEFAULT,
     "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

Value gcmodule_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (!gcm.callbacks) {
        gc_add_root(&gcm.callbacks);
        gc_add_root(&gcm.garbage);
        gc_add_root(&module);
    }
    Value m = module_new_cstr("gc");
    if (!m || module_add_functions(m, gc_methods) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gcm.callbacks = list_new(0);
    gcm.garbage = list_new(0);
    static const struct {
        const char *name;
        int value;
    } flags[] = {{"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
                 {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38}};
    if (module_add(m, "callbacks", gcm.callbacks) < 0 ||
        module_add(m, "garbage", gcm.garbage) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module provides access to the garbage "
                                               "collector for reference cycles.")) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (module_add(m, flags[i].name, int_from_i64(flags[i].value)) < 0) {
            return 0;
        }
    }
    module = m;
    return m;
}
