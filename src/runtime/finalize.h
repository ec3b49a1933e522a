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
// finalize_collect. Like PyPy, krait does not promise __del__ for objects
// still reachable at exit.
void gc_run_exit_finalizers(void);

// Finalize o now: its type's finalize slot (for a class, the one that calls
// its __del__); errors are reported as unraisable.
void finalize_object(Value o);

#endif
