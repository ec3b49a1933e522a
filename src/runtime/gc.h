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
// Memory that is not a Python object (a list's item array, a dict's table)
// is malloc'ed by its owner, reported by the owner's trace function and
// freed by the owner's FreeFunc when the owner dies.
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

#include <stddef.h>

#include "object.h"

// Start the collector. `stack_base` is the highest address of the C stack
// that may hold object pointers (the address of a local in main()).
void gc_init(void *stack_base);

// A new object of `size` bytes (header included), zero-filled, with its type
// set. Returns NULL with MemoryError set when memory is exhausted. May run a
// collection first.
Object *gc_alloc(Type *type, size_t size);

// Run a full collection now.
void gc_collect(void);

// Stress mode (-X gc-stress=N): collect at every N-th allocation (0: off).
void gc_set_stress(unsigned every);

// ---- roots -------------------------------------------------------------------

// A C global or static that holds a Value: scanned at every collection.
void gc_add_root(Value *slot);
// An object that is not in the GC heap (a static type, None...) but whose
// fields must be traced at every collection.
void gc_add_static_object(Object *o);
// A callback that reports roots (the interpreter registers one for its
// frame stack). Up to a fixed small number.
void gc_add_root_provider(void (*provide)(GcTracer *t));

// ---- tracing, for TraceFuncs and root providers -------------------------------

void gc_trace_value(GcTracer *t, Value v);
void gc_trace_values(GcTracer *t, const Value *v, size_t n);
void gc_trace_object(GcTracer *t, Object *o);  // NULL is allowed

// ---- queries -----------------------------------------------------------------

// The heap object containing address p (interior pointers allowed), or NULL.
Object *gc_find_object(const void *p);

typedef struct GcStats {
    size_t collections;
    size_t heap_bytes;       // bytes in blocks and large objects
    size_t live_bytes;       // after the last collection
    size_t allocated_bytes;  // total ever allocated
} GcStats;
void gc_get_stats(GcStats *out);

// gc.disable()/enable() semantics: automatic collections only.
void gc_enable(int on);

#endif
