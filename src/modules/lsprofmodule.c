// lsprofmodule.c - the `_lsprof` module: the deterministic profiler behind
// cProfile.
//
//   Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)
//     enable(subcalls=True, builtins=True), disable(), clear(), getstats()
//
// While enabled, the profiler is the thread's profile function in C
// (vm_set_profile_hook): each Python frame's 'call' and 'return', and each
// builtin's 'c_call' and 'c_return'/'c_exception', opens or closes a
// context on the profiler's own call stack. Closing one adds its time to
// its function's entry: total time (only for the outermost of recursive
// calls), inline time (total minus the time of the calls it made), and the
// call counts; with `subcalls` the same per (caller, callee) pair. An entry
// is keyed by the code object, or by a builtin's method definition, so that
// bound builtins made afresh at each call count together. getstats() gives
// them as profiler_entry / profiler_subentry struct sequences, times in
// seconds (the default timer is a monotonic clock in nanoseconds; an
// external timer returns seconds as a float, or ticks of `timeunit`).
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/type.h"
#include "../runtime/type_internal.h"
#include "../vm/code.h"
#include "../vm/vm.h"
#include "modules.h"

typedef struct ProfEntry ProfEntry;

// Calls of `callee` made by the function of the entry that owns the list.
typedef struct ProfSubEntry {
    ProfEntry *callee;
    int64_t tt, it;           // total and inline time
    long callcount, recursivecallcount, recursion_level;
    struct ProfSubEntry *next;
} ProfSubEntry;

struct ProfEntry {
    const void *key;          // the code object, or a builtin's MethodDef
    Value userobj;            // the code object, or the builtin's description (str)
    int64_t tt, it;
    long callcount, recursivecallcount, recursion_level;
    ProfSubEntry *calls;
    ProfEntry *next;          // in its hash chain
    ProfEntry *order;         // in creation order
};

// A call in progress.
typedef struct ProfContext {
    int64_t t0, subt;         // start, and the time of the calls it made
    ProfEntry *entry;
    struct ProfContext *previous;
} ProfContext;

enum { PROF_SUBCALLS = 1, PROF_BUILTINS = 2, PROF_ENABLED = 4 };

typedef struct ProfilerObject {
    Object header;
    int flags;
    Value timer;              // an external timer, or 0
    double timeunit;          // its unit (0: it returns seconds as a float)
    ProfEntry **buckets;      // a chained hash table of the entries
    size_t nbuckets, nentries;
    ProfEntry *first, *last;  // creation order
    ProfContext *current;     // the innermost call in progress
    ProfContext *free_contexts;
} ProfilerObject;

extern Type type_profiler;
static Type type_profiler_entry, type_profiler_subentry;

static ProfilerObject *prof(Value v) {
    return (ProfilerObject *)val_ptr(v);
}

static void profiler_trace(Object *o, GcTracer *t) {
    ProfilerObject *p = (ProfilerObject *)o;
    gc_trace_value(t, p->timer);
    for (ProfEntry *e = p->first; e; e = e->order) {
        gc_trace_value(t, e->userobj);
    }
}

static void profiler_clear_entries(ProfilerObject *p) {
    ProfEntry *e = p->first;
    while (e) {
        ProfSubEntry *s = e->calls;
        while (s) {
            ProfSubEntry *n = s->next;
            free(s);
            s = n;
        }
        ProfEntry *n = e->order;
        free(e);
        e = n;
    }
    free(p->buckets);
    p->buckets = NULL;
    p->nbuckets = p->nentries = 0;
    p->first = p->last = NULL;
    // the calls in progress point at entries: they are forgotten too
    while (p->current) {
        ProfContext *c = p->current;
        p->current = c->previous;
        free(c);
    }
}

static void profiler_free(Object *o) {
    ProfilerObject *p = (ProfilerObject *)o;
    profiler_clear_entries(p);
    while (p->free_contexts) {
        ProfContext *c = p->free_contexts;
        p->free_contexts = c->previous;
        free(c);
    }
}

// ---- time -------------------------------------------------------------------------------


static int64_t monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// The timer's reading: nanoseconds, or the external timer's ticks. An
// external timer that fails is reported as unraisable and reads 0.
static int64_t profiler_now(ProfilerObject *p) {
    if (!p->timer) {
        return monotonic_ns();
    }
    Value v = obj_call(p->timer, NULL, 0, 0);
    int64_t r = 0;
    if (v) {
        if (p->timeunit > 0.0) {
            if (!int_check(v)) {
                err_format(&exc_TypeError, "an integer is required");
                v = 0;
            } else if (int_to_i64(v, &r) < 0) {
                v = 0;
            }
        } else {
            double d;
            if (float_as_c_double(v, &d) < 0) {
                v = 0;
            } else {
                r = (int64_t)(d * 1e9);
            }
        }
    }
    if (!v) {
        err_write_unraisable(p->timer);
    }
    return r;
}

// ---- entries ------------------------------------------------------------------------------

static size_t key_hash(const void *key, size_t nbuckets) {
    uintptr_t k = (uintptr_t)key;
    k ^= k >> 17;
    k *= UINT64_C(0x9e3779b97f4a7c15);
    return (size_t)(k >> 20) & (nbuckets - 1);
}

static ProfEntry *entry_find(ProfilerObject *p, const void *key) {
    if (!p->nbuckets) {
        return NULL;
    }
    for (ProfEntry *e = p->buckets[key_hash(key, p->nbuckets)]; e; e = e->next) {
        if (e->key == key) {
            return e;
        }
    }
    return NULL;
}

static int entries_grow(ProfilerObject *p) {
    size_t n = p->nbuckets ? p->nbuckets * 2 : 64;
    ProfEntry **b = calloc(n, sizeof *b);
    if (!b) {
        return -1;
    }
    for (ProfEntry *e = p->first; e; e = e->order) {
        size_t h = key_hash(e->key, n);
        e->next = b[h];
        b[h] = e;
    }
    free(p->buckets);
    p->buckets = b;
    p->nbuckets = n;
    return 0;
}

static ProfEntry *entry_add(ProfilerObject *p, const void *key, Value userobj) {
    if (p->nentries + 1 > p->nbuckets / 2 && entries_grow(p) < 0) {
        return NULL;
    }
    ProfEntry *e = calloc(1, sizeof *e);
    if (!e) {
        return NULL;
    }
    e->key = key;
    e->userobj = userobj;
    size_t h = key_hash(key, p->nbuckets);
    e->next = p->buckets[h];
    p->buckets[h] = e;
    if (p->last) {
        p->last->order = e;
    } else {
        p->first = e;
    }
    p->last = e;
    p->nentries++;
    return e;
}

static ProfSubEntry *subentry_get(ProfEntry *caller, ProfEntry *callee, int create) {
    for (ProfSubEntry *s = caller->calls; s; s = s->next) {
        if (s->callee == callee) {
            return s;
        }
    }
    if (!create) {
        return NULL;
    }
    ProfSubEntry *s = calloc(1, sizeof *s);
    if (s) {
        s->callee = callee;
        s->next = caller->calls;
        caller->calls = s;
    }
    return s;
}

// How a builtin shows in the statistics: "<built-in method builtins.len>"
// for a module's function, "<method 'append' of 'list' objects>" (the repr
// of what its type holds under its name) for a method.
static Value builtin_description(const BuiltinMethodObject *m) {
    if (m->self && !m->module) {
        Value found = type_lookup(type_of(m->self), str_intern_cstr(m->def->name));
        if (found) {
            Value r = obj_repr(found);
            if (r) {
                return r;
            }
        }
        err_clear();
    }
    if (m->module && val_is_str(m->module)) {
        return str_format_c("<built-in method %U.%s>", m->module, m->def->name);
    }
    return str_format_c("<built-in method %s>", m->def->name);
}

// ---- the profile hook -----------------------------------------------------------------------

static void enter_call(ProfilerObject *p, const void *key, Value userobj,
                       const BuiltinMethodObject *builtin) {
    ProfEntry *e = entry_find(p, key);
    if (!e) {
        if (builtin && !(userobj = builtin_description(builtin))) {
            err_clear();
            return;
        }
        if (!(e = entry_add(p, key, userobj))) {
            return;
        }
    }
    ProfContext *c = p->free_contexts;
    if (c) {
        p->free_contexts = c->previous;
    } else if (!(c = malloc(sizeof *c))) {
        return;
    }
    c->entry = e;
    c->subt = 0;
    c->previous = p->current;
    p->current = c;
    e->recursion_level++;
    if ((p->flags & PROF_SUBCALLS) && c->previous) {
        ProfSubEntry *s = subentry_get(c->previous->entry, e, 1);
        if (s) {
            s->recursion_level++;
        }
    }
    c->t0 = profiler_now(p);
}

// Close the innermost call: its time goes to its entry and to its caller's.
static void stop_context(ProfilerObject *p, ProfContext *c, int64_t now) {
    ProfEntry *e = c->entry;
    int64_t tt = now - c->t0;
    int64_t it = tt - c->subt;
    if (c->previous) {
        c->previous->subt += tt;
    }
    p->current = c->previous;
    if (--e->recursion_level == 0) {
        e->tt += tt;
    } else {
        e->recursivecallcount++;
    }
    e->it += it;
    e->callcount++;
    if ((p->flags & PROF_SUBCALLS) && c->previous) {
        ProfSubEntry *s = subentry_get(c->previous->entry, e, 0);
        if (s) {
            if (--s->recursion_level == 0) {
                s->tt += tt;
            } else {
                s->recursivecallcount++;
            }
            s->it += it;
            s->callcount++;
        }
    }
    c->previous = p->free_contexts;
    p->free_contexts = c;
}

static void leave_call(ProfilerObject *p) {
    ProfContext *c = p->current;
    if (!c) {
        return;
    }
    stop_context(p, c, profiler_now(p));
}

static int profiler_hook(Value obj, Frame *f, const char *event, Value arg) {
    ProfilerObject *p = prof(obj);
    switch (event[0]) {
    case 'c':
        if (event[1] == 'a') {  // call
            enter_call(p, f->code, val_from_ptr(f->code), NULL);
        } else if (p->flags & PROF_BUILTINS) {  // c_call, c_return, c_exception
            const BuiltinMethodObject *m = (const BuiltinMethodObject *)val_ptr(arg);
            if (strcmp(event, "c_call") == 0) {
                enter_call(p, m->def, 0, m);
            } else {
                leave_call(p);
            }
        }
        break;
    case 'r':  // return
        leave_call(p);
        break;
    }
    return 0;
}

// ---- methods ---------------------------------------------------------------------------------

static const char *const enable_names[] = {"subcalls", "builtins", NULL};
static const ArgSpec enable_spec = {"enable", 0, enable_names, 0, 2, 0};

static Value profiler_enable(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&enable_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    // an argument not given leaves the constructor's choice
    int subcalls = -1, builtins = -1;
    if ((a[0] && (subcalls = obj_truthy(a[0])) < 0) ||
        (a[1] && (builtins = obj_truthy(a[1])) < 0)) {
        return 0;
    }
    ProfilerObject *p = prof(self);
    if (subcalls >= 0) {
        p->flags = subcalls ? p->flags | PROF_SUBCALLS : p->flags & ~PROF_SUBCALLS;
    }
    if (builtins >= 0) {
        p->flags = builtins ? p->flags | PROF_BUILTINS : p->flags & ~PROF_BUILTINS;
    }
    if (vm_set_profile_hook(profiler_hook, self) < 0) {
        return 0;
    }
    p->flags |= PROF_ENABLED;
    return VAL_NONE;
}

// The calls still open when profiling stops end now.
static void flush_unmatched(ProfilerObject *p) {
    while (p->current) {
        stop_context(p, p->current, profiler_now(p));
    }
}

static Value profiler_disable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("disable", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ProfilerObject *p = prof(self);
    if (p->flags & PROF_ENABLED) {
        p->flags &= ~PROF_ENABLED;
        if (vm_thread.profilefunc == self && vm_set_profile(VAL_NONE) < 0) {
            return 0;
        }
        flush_unmatched(p);
    }
    return err_occurred() ? 0 : VAL_NONE;
}

static Value profiler_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    profiler_clear_entries(prof(self));
    return VAL_NONE;
}

static Value profiler_getstats(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("getstats", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ProfilerObject *p = prof(self);
    double factor = p->timer && p->timeunit > 0.0 ? p->timeunit : 1e-9;
    Value result = list_new(0);
    if (!result) {
        return 0;
    }
    for (ProfEntry *e = p->first; e; e = e->order) {
        Value calls = VAL_NONE;
        if (e->calls) {
            if (!(calls = list_new(0))) {
                return 0;
            }
            for (ProfSubEntry *s = e->calls; s; s = s->next) {
                Value items[5] = {s->callee->userobj, int_from_i64(s->callcount),
                                  int_from_i64(s->recursivecallcount),
                                  float_from_double((double)s->tt * factor),
                                  float_from_double((double)s->it * factor)};
                Value sub = structseq_new(&type_profiler_subentry, items);
                if (!sub || list_append(calls, sub) < 0) {
                    return 0;
                }
            }
        }
        Value items[6] = {e->userobj, int_from_i64(e->callcount),
                          int_from_i64(e->recursivecallcount),
                          float_from_double((double)e->tt * factor),
                          float_from_double((double)e->it * factor), calls};
        Value entry = structseq_new(&type_profiler_entry, items);
        if (!entry || list_append(result, entry) < 0) {
            return 0;
        }
    }
    return result;
}

static const char *const profiler_names[] = {"timer", "timeunit", "subcalls", "builtins", NULL};
static const ArgSpec profiler_spec = {"Profiler", 0, profiler_names, 0, 4, 0};

static Value profiler_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value a[4];
    if (args_unpack(&profiler_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    ProfilerObject *p = prof(self);
    double unit = 0.0;
    int subcalls = 1, builtins = 1;
    if ((a[1] && float_as_c_double(a[1], &unit) < 0) ||
        (a[2] && (subcalls = obj_truthy(a[2])) < 0) ||
        (a[3] && (builtins = obj_truthy(a[3])) < 0)) {
        return 0;
    }
    p->flags = (p->flags & PROF_ENABLED) | (subcalls ? PROF_SUBCALLS : 0) |
               (builtins ? PROF_BUILTINS : 0);
    p->timer = a[0] && a[0] != VAL_NONE ? a[0] : 0;
    p->timeunit = unit;
    return VAL_NONE;
}

static Value profiler_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(callable);
    ProfilerObject *p = (ProfilerObject *)gc_alloc(t, t->basic_size);
    if (!p) {
        return 0;
    }
    p->flags = PROF_SUBCALLS | PROF_BUILTINS;
    return val_from_ptr(p);
}

static const MethodDef profiler_methods[] = {
    {"getstats", profiler_getstats, METH_DEFAULT,
     "list of profiler_entry objects.\n\ngetstats() -> list of profiler_entry objects"},
    {"enable", profiler_enable, METH_DEFAULT,
     "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information."},
    {"disable", profiler_disable, METH_DEFAULT,
     "disable()\n\nStop collecting profiling information."},
    {"clear", profiler_clear, METH_DEFAULT,
     "clear()\n\nClear all profiling information collected so far."},
    {NULL, NULL, 0, NULL},
};

Type type_profiler = {
    .header = {&type_type},
    .name = "_lsprof.Profiler",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(ProfilerObject),
    .trace = profiler_trace,
    .free = profiler_free,
    .new_ = profiler_new,
    .init = profiler_init,
    .methods = profiler_methods,
};

// ---- the module ------------------------------------------------------------------------------

static const char *const entry_fields[] = {"code",      "callcount",  "reccallcount",
                                           "totaltime", "inlinetime", "calls"};
static const char *const subentry_fields[] = {"code", "callcount", "reccallcount", "totaltime",
                                              "inlinetime"};

Value lsprof_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_profiler) < 0 ||
        structseq_init_type(&type_profiler_entry, "_lsprof.profiler_entry", entry_fields, 6, 1) <
            0 ||
        structseq_init_type(&type_profiler_subentry, "_lsprof.profiler_subentry", subentry_fields,
                            5, 1) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_lsprof");
    if (!m || module_add(m, "__doc__", str_from_cstr("Fast profiler")) < 0 ||
        module_add(m, "Profiler", val_from_ptr(&type_profiler)) < 0 ||
        module_add(m, "profiler_entry", val_from_ptr(&type_profiler_entry)) < 0 ||
        module_add(m, "profiler_subentry", val_from_ptr(&type_profiler_subentry)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
