// gc.h - the garbage collector's interface (DESIGN.md section 6).
//
// Tracing, non-moving mark-sweep. Roots are found conservatively on the C
// stack and in the registers (any word that points into a live heap cell
// keeps that object alive, interior pointers included), and precisely
// everywhere else: each type's trace function reports what an object holds,
// registered root slots and root providers (the interpreter's frame stack)
// report theirs.
//
// Objects are never moved, and an object's only header word is its Type*:
// mark bits live in side tables of the block that holds the cell.
//
// Memory that is not a Python object (a dict's table) is malloc'ed by its
// owner, reported by the owner's trace function and freed by the owner's
// FreeFunc when the owner dies - or it is a heap object of a private type
// that the owner reports with gc_trace_private (a list's item array).
//
// Rules gc.c relies on:
//  - A trace function reports what the object holds, not o->type (the
//    collector traces the type word itself). Traced Values and Objects point
//    to the start of an object.
//  - Nothing allocates during a collection (trace and free functions).
//  - A FreeFunc frees only its own object's C memory: other heap objects
//    may already be reclaimed. It must not clear its type's `free` slot.
//    Objects of types with a FreeFunc live in separate blocks, so __class__
//    assignment must keep the `free` slot the same.
//  - gc_init's stack_base must be above every frame that can hold object
//    pointers: call gc_init from main() and do the work in a non-inlined
//    function (inlined code may keep pointers in main's frame above it).
//  - ASan builds must run with ASAN_OPTIONS=detect_stack_use_after_return=0:
//    the stack scan cannot see ASan's fake frames.
#ifndef KRAIT_GC_H
#define KRAIT_GC_H

#include <stdbool.h>
#include <stddef.h>

#include "object.h"

// Start the collector. `stack_base` is the highest address of the C stack
// that may hold object pointers (the address of a local in main()).
void gc_init(void *stack_base);

// A new object of `size` bytes (header included), zero-filled, with its type
// set. Returns NULL with MemoryError set when memory is exhausted. May run a
// collection first.
Object *gc_alloc(Type *type, size_t size);

// gc_alloc for an object whose bytes after the first `prefix` hold no
// references and are all written by the caller (an int's limbs, a str's
// text): a large one skips zeroing them.
Object *gc_alloc_data(Type *type, size_t size, size_t prefix);

// Give back the cell of `o` at once, without waiting for a collection: for
// an object the caller knows nothing else can reach (a generator that a
// `yield from` created, drove to its end and never let anyone see). Refused
// (false, nothing done) for what the collector must still look after: a
// large object, a pinned one, one with weak references or a registered
// finalizer, one in a block whose objects have FreeFuncs. Also refused once
// gc.get_objects() and its kind have handed out arbitrary objects
// (gc_note_objects_exposed). The caller must drop every reference it holds.
bool gc_free_dead(Object *o);
// Take o off the finalizer list if it is among the last few registered (a
// coroutine finished before anything else was registered); false if not.
bool gc_unregister_recent_finalizer(Object *o);
void gc_note_objects_exposed(void);

// Run a full collection now. Finalizers and weakref callbacks it finds due
// are only queued (see "pending work" below).
void gc_collect(void);

// Zero the C stack below the caller's frame (gc_collect does it first): dead
// frames of calls that returned lie there, and the slots that the next
// calls' frames leave unwritten would be scanned as roots. Code that is
// about to collect on a user's request (gc.collect()) calls it as early as
// it can, so that its own callees' frames start clean too.
void gc_scrub_stack(void);

// A full collection in which `hidden` and what only it reaches count as
// unreachable for finalization: their registered objects are queued, in
// registration order, with everything intact (nothing reachable from
// `hidden` is freed, no weak reference to it is cleared). For the exit
// (finalize.c): CPython's last collection finds the __main__ module's
// globals in one garbage cycle and finalizes them in creation order.
void gc_collect_hiding(Object *hidden);

// A full collection that also counts the objects it found unreachable
// (resurrected ones included), for gc.collect(). The count costs a pass
// over every cell header of the heap.
size_t gc_collect_count(void);

// Keep o (a heap object of at most GC_SMALL_MAX bytes) alive forever
// without marking it: its cell starts every collection marked, so it is
// neither traced nor swept. What o references is NOT kept alive by this:
// the caller must report those referents itself (or o must have none).
// For objects that live as long as the process and are many (the interned
// strings): they cost nothing per collection. False if o cannot be pinned
// (a large object, or no memory for the block's pin bits): keep it
// reachable another way.
bool gc_pin(Object *o);

// Stress mode (-X gc-stress=N): collect at every N-th allocation (0: off).
void gc_set_stress(unsigned every);

// Make the objects that exist now - the startup heap, just before a
// program's own code runs - permanent from the next collection on: never
// freed, and traced only where they can have changed (gc.c, "The startup
// heap"). Once per process; later calls do nothing. `keep` (__main__'s
// globals, which the exit's last collection treats as garbage: see
// gc_collect_hiding) stays an ordinary object.
void gc_seal_startup(Object *keep);

// -X gc-stats: print the heap's peak footprint and the collector's time to
// stderr at exit (a diagnostic for tuning; the numbers are krait's own).
void gc_report_at_exit(void);

// ---- roots -------------------------------------------------------------------

// A C global or static that holds a Value: scanned at every collection.
void gc_add_root(Value *slot);
// An object that is not in the GC heap (a static type, None...) but whose
// fields must be traced at every collection.
void gc_add_static_object(Object *o);
// A callback that reports roots (the interpreter registers one for its
// frame stack). Up to a fixed small number.
void gc_add_root_provider(void (*provide)(GcTracer *t));
// A side table's cleanup (str.c's malloc'ed indexes): called by each
// collection once marking is complete (finalizer resurrection included),
// before anything is swept; gc_survives(o) then tells whether o lives on.
// A hook must not allocate from the GC heap; it may free malloc'ed memory.
void gc_add_sweep_hook(void (*hook)(void));
bool gc_survives(const Object *o);

// Threads (vm/thread.c). The stack scanned from the collector's frame up is
// the running thread's: its base changes when another thread takes the GIL.
// The other threads' stacks and saved registers are scanned, from a root
// provider, with gc_scan_conservative (every aligned word in [lo, hi)).
void gc_set_stack_base(void *stack_base);
void gc_scan_conservative(GcTracer *t, const void *lo, const void *hi);

// Keep v a root until this point. Code that reads an object's malloc'ed
// buffer (a list's items) after its last use of the object itself must call
// this after the reads: the compiler may drop the object pointer early, and
// a collection during the reads would free the object and its buffer.
static inline void gc_keep_alive(Value v) {
    __asm__ volatile("" : : "r"(v) : "memory");
}

// ---- tracing, for TraceFuncs and root providers -------------------------------

void gc_trace_value(GcTracer *t, Value v);
void gc_trace_values(GcTracer *t, const Value *v, size_t n);
void gc_trace_object(GcTracer *t, Object *o);  // NULL is allowed
// An object that is part of the tracing object's representation (a list's
// item array): kept alive like gc_trace_object's, but never reported to
// introspection (gc.get_referents), which sees only Python-level references.
void gc_trace_private(GcTracer *t, Object *o);  // NULL is allowed

// ---- queries -----------------------------------------------------------------

// The heap object containing address p (interior pointers allowed), or NULL.
Object *gc_find_object(const void *p);

typedef struct GcStats {
    size_t collections;
    size_t heap_bytes;       // bytes in blocks and large objects
    size_t live_bytes;       // after the last collection
    size_t allocated_bytes;  // total ever allocated
    size_t allocated_since;  // bytes allocated since the last collection
    size_t budget;           // bytes between the last collection and the next automatic one
} GcStats;
void gc_get_stats(GcStats *out);

// gc.disable()/enable() semantics: automatic collections only.
void gc_enable(int on);

// The least number of bytes allocated between automatic collections
// (gc.set_threshold maps its threshold0 to this). 0 restores the default.
void gc_set_min_budget(size_t bytes);

// ---- introspection (the gc module's get_referents, get_referrers, get_objects) ----

// Call visit(v, arg) for every Value o's TraceFunc reports, and for o's type
// first if that is a heap type (as CPython's tp_traverse of an instance).
// visit must not allocate.
void gc_visit_referents(Object *o, void (*visit)(Value v, void *arg), void *arg);

// Every object alive in the heap now, in a malloc'ed array of *n entries
// (NULL with *n = 0 when malloc fails). The array is not a root: objects in
// it that are garbage may be reclaimed by the next collection, so callers
// collect first (then all the heap is reachable) and allocate nothing
// before they have put what they keep somewhere reachable.
Object **gc_heap_objects(size_t *n);

// ---- weak references (runtime/weakref.c builds the Python types on these) -------
//
// The collector keeps a side table: referent address -> the first of its
// weak reference objects, so that no object needs a field for them. The
// list through `next` is ordered by weakref.c; the collector only removes
// from it. After marking, before anything is swept:
//   - a weakref whose referent is unmarked is cleared (referent = NULL,
//     next = NULL); if the weakref itself is marked and has a callback, the
//     pair (weakref, callback) is queued as pending work and `callback` is
//     reset to 0 (CPython: __callback__ is None once the callback is due);
//   - an unmarked weakref is unlinked from its live referent's list;
//   - referents kept alive only by finalization (below) are alive: their
//     weakrefs are cleared in the collection that finally frees them.
// A weakref object must start with a GcWeakRef; its TraceFunc traces
// `callback` and never `referent`. Objects outside the heap (static types)
// never die: their weakrefs stay alive.
typedef struct GcWeakRef {
    Object header;
    Object *referent;         // NULL once the referent has died
    struct GcWeakRef *next;   // the referent's next weak reference
    Value callback;           // 0 or a callable
} GcWeakRef;

// The first of referent's weak references, or NULL.
GcWeakRef *gc_weakrefs_of(const Object *referent);
// Make `head` referent's first weak reference (NULL: it has none). 0, or -1
// with MemoryError (only when adding a referent to the table).
int gc_set_weakrefs(Object *referent, GcWeakRef *head);

// ---- finalizers (__del__) -------------------------------------------------------
//
// An object whose type has a finalizer (TYPE_HAS_FINALIZER: a class whose
// MRO defines __del__, or a `finalize` slot) is registered when gc_alloc
// creates it. A collection that finds registered objects unreachable
// unregisters them, queues them as pending work and marks them and all they
// reach: they survive this collection (PEP 442: a finalizer runs at most once,
// and may resurrect its object; if it does not, the next collection frees
// it). Those that no other newly unreachable registered object reaches are
// queued first, so a container's __del__ runs before its contents'.

// Register o. gc_alloc does it for objects of TYPE_HAS_FINALIZER types
// (so nobody else needs to, and an object must not be registered twice).
// 0, or -1 with MemoryError.
int gc_register_finalizer(Object *o);
// Whether o is registered (its finalizer has not been queued yet). O(n).
int gc_finalizer_registered(const Object *o);
// How many objects are registered.
size_t gc_finalizer_count(void);
// Whether some registered object satisfies pred (called outside any
// collection, so it may run code).
int gc_finalizer_any(int (*pred)(const Object *o));
// Whether some weak reference to an object still alive (or not collected
// yet) has a callback that satisfies pred (outside any collection).
int gc_weak_callback_any(int (*pred)(Value callback));

// ---- pending work ------------------------------------------------------------------
//
// Nothing may allocate during a collection, and running Python code at an
// arbitrary allocation is unsafe, so collections only queue their work:
// finalizers, then weakref callbacks, in the order found. Queued entries are
// roots until taken. runtime/finalize.c takes and runs them after gc.collect()
// and at the interpreter's safe points (when gc_pending_work is non-zero).

extern size_t gc_pending_work;  // entries in the queue

// Take the oldest entry: an object to finalize (*callback = 0), or a weakref
// and the callback to call with it. 1, or 0 when the queue is empty.
int gc_take_pending(Object **obj, Value *callback);
// How many queued entries are finalizers.
size_t gc_pending_finalizers(void);

#endif
