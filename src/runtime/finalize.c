// finalize.c - running finalizers and weakref callbacks queued by the
// collector (see finalize.h, and gc.c's essay on weak references and
// finalizers).
#include "finalize.h"

#include "abstract.h"
#include "exceptions.h"

// At most this many collections per gc.collect(): each round frees what the
// previous round's finalizers released; a chain of objects with __del__ is
// finalized in one round (gc.c queues them all), so more rounds are only
// needed when finalizers drop the last references to yet more such objects.
#define FINALIZE_MAX_ROUNDS 4

static int running;

void finalize_object(Value o) {
    // A class's slot is slots.c's slot_finalize, which calls __del__ and
    // reports its errors itself, naming the __del__ function as CPython does.
    UnaryFunc finalize = type_of(o)->finalize;
    if (finalize && !finalize(o)) {
        err_write_unraisable(o);
    }
}

void finalize_run_pending(void) {
    if (running) {
        return;
    }
    running = 1;
    Value saved = err_fetch();
    Object *obj;
    Value callback;
    while (gc_take_pending(&obj, &callback)) {
        if (callback == 0) {
            finalize_object(val_from_ptr(obj));
        } else if (!obj_call1(callback, val_from_ptr(obj))) {
            err_write_unraisable(callback);
        }
    }
    if (saved) {
        err_set_value(saved);
    }
    running = 0;
}

size_t finalize_collect(void) {
    size_t found = 0;
    for (int round = 0; round < FINALIZE_MAX_ROUNDS; round++) {
        size_t n = gc_collect_count();
        if (round == 0) {
            found = n;
        }
        int finalized = gc_pending_finalizers() > 0;
        finalize_run_pending();
        if (!finalized || running) {
            break;
        }
    }
    return found;
}

static int (*exit_idle_checks[8])(const Object *o);
static int exit_idle_nchecks;

void finalize_add_exit_idle_check(int (*idle)(const Object *o)) {
    for (int i = 0; i < exit_idle_nchecks; i++) {
        if (exit_idle_checks[i] == idle) {
            return;
        }
    }
    if (exit_idle_nchecks < 8) {
        exit_idle_checks[exit_idle_nchecks++] = idle;
    }
}

static int (*exit_idle_callbacks[8])(Value callback);
static int exit_idle_ncallbacks;

void finalize_add_exit_idle_callback(int (*idle)(Value callback)) {
    for (int i = 0; i < exit_idle_ncallbacks; i++) {
        if (exit_idle_callbacks[i] == idle) {
            return;
        }
    }
    if (exit_idle_ncallbacks < 8) {
        exit_idle_callbacks[exit_idle_ncallbacks++] = idle;
    }
}

// A weakref callback that could do something visible.
static int callback_matters_at_exit(Value callback) {
    for (int i = 0; i < exit_idle_ncallbacks; i++) {
        if (exit_idle_callbacks[i](callback)) {
            return 0;
        }
    }
    return 1;
}

// A registered object whose finalizer could still do something visible.
static int matters_at_exit(const Object *o) {
    for (int i = 0; i < exit_idle_nchecks; i++) {
        if (exit_idle_checks[i](o)) {
            return 0;
        }
    }
    return 1;
}

void gc_run_exit_finalizers(Value main_globals) {
    finalize_run_pending();
    // A full collection costs a trace of the live heap: only when some
    // object has a finalizer that could be due and do something. First
    // what is garbage already (CPython would have finalized it when it
    // became garbage), then what only __main__'s globals hold.
    if (!gc_finalizer_any(matters_at_exit) && !gc_weak_callback_any(callback_matters_at_exit)) {
        return;
    }
    finalize_collect();
    if (main_globals && val_is_ptr(main_globals) && gc_finalizer_count() > 0) {
        gc_collect_hiding(val_ptr(main_globals));
        finalize_run_pending();
    }
}
