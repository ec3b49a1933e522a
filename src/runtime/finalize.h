// finalize.h - running what collections queue (gc.h, "pending work"):
// finalizers (__del__) and weakref callbacks, and the full cycle behind
// gc.collect().
//
// Collections never run Python code: they happen at arbitrary allocations,
// where C code may be halfway through updating an object. They queue their
// work instead, and it runs here:
//   - after gc.collect() (finalize_collect),
//   - at the interpreter's safe points (finalize_poll, like CPython's eval
//     breaker), for the collections that allocation triggers,
//   - at exit (gc_run_exit_finalizers).
// An error in a finalizer or a callback is reported as CPython does
// ("Exception ignored in: ..." and the traceback, on stderr) and the rest
// still run.
#ifndef KRAIT_FINALIZE_H
#define KRAIT_FINALIZE_H

#include <stddef.h>

#include "gc.h"

// Run every queued finalizer and weakref callback, oldest first, including
// those queued by collections they trigger. The exception pending on entry,
// if any, is pending again on return. A call made while a run is in
// progress (from a __del__) returns at once: the outer run continues.
void finalize_run_pending(void);

// The interpreter's safe-point check: one load when there is nothing to do.
static inline void finalize_poll(void) {
    if (__builtin_expect(gc_pending_work != 0, 0)) {
        finalize_run_pending();
    }
}

// gc.collect(): a full collection, its finalizers run, and collections
// again while finalizers ran (a few rounds at most), so that
// `del x; gc.collect()` runs x.__del__ and then frees x and calls its
// weakrefs' callbacks - the order CPython's reference counting gives.
// Returns the number of unreachable objects the first collection found.
size_t finalize_collect(void);

// At exit (vm/run.c, after the program and before the process ends): the
// queued work, then, if any object with a finalizer exists, one more
// finalize_collect, and then the finalizers of the objects that only the
// __main__ module's globals (`main_globals`, a dict, or 0) keep alive, with
// the globals still intact: what CPython's last collection does when it
// finds __main__ (a cycle through its functions' __globals__) garbage.
// Objects other modules keep are not finalized (CPython clears those
// modules later; PyPy never does).
void gc_run_exit_finalizers(Value main_globals);

// A check that a registered object's finalizer has nothing left to do that
// anyone could see once the program has ended: 1 for a closed file, a
// memoryview (its finalizer only gives an export back), the standard
// streams (roots: never finalized). When every registered object is idle,
// gc_run_exit_finalizers skips its collections - they cost a trace of the
// whole heap, a third of `krait -c pass`. Up to 8 checks.
void finalize_add_exit_idle_check(int (*idle)(const Object *o));
// The same for weak reference callbacks: a collection at exit may make one
// due (CPython runs them when its shutdown frees their referents), unless
// every callback is known to do nothing visible (importlib's module-lock
// callbacks prune its own table). Up to 8 checks.
void finalize_add_exit_idle_callback(int (*idle)(Value callback));

// Finalize o now: its type's finalize slot (for a class, the one that calls
// its __del__); errors are reported as unraisable.
void finalize_object(Value o);

#endif
