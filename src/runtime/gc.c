// gc.c - krait's garbage collector: non-moving mark-sweep over size-segregated
// blocks; conservative for the C stack and registers, precise for the heap.
//
// ## What it promises (gc.h)
//
// An object never moves; its only header word is its Type*. Any word on the C
// stack or in a callee-saved register that points into a live object - to its
// first byte or anywhere inside it - keeps that object alive. Everything else
// is precise: registered root slots, static objects, root providers, and each
// live object's TraceFunc. The collector itself also traces every object's
// type word (a class created at run time lives as long as its instances), so
// TraceFuncs never report `o->type`.
//
// ## Blocks and size classes
//
// Objects of up to GC_SMALL_MAX bytes live in *cells* of *blocks*. A block is
// GC_BLOCK_SIZE (64 KiB) of mmap'ed memory aligned to its own size, cut into
// cells of one size class, and every byte of it belongs to cells (or to the
// short tail that no whole cell fits into). Its metadata - cell size and
// count, mark bits, sweep state - is a separate Block descriptor, malloc'ed,
// never inside the block: so cells fill the block, a stray store past an
// object cannot corrupt the collector's tables, and the mark bits of
// different blocks do not all fall on the same cache sets (as headers at
// 64 KiB-aligned addresses would).
//
// Why 64 KiB: a block whose cells were handed out keeps its touched pages
// resident as long as one object in it lives, and each size class of each
// kind (below) has such blocks; smaller blocks bound that slack. 256 KiB
// blocks cost 1-3 MiB more peak RSS on most benchmarks once leaf objects
// got blocks of their own; 64 KiB ones cost no measurable marking time (the
// block map and descriptors of a 60 MiB heap still fit in L2).
//
// The size classes (gc_class_sizes) are 16-byte steps up to 128, then four
// steps per power of two up to 4096: 160 192 224 256, 320 ... 512, ...,
// 2560 3072 3584 4096; above, the largest multiples of 16 that 14, 12, 10,
// 9 and 8 cells fill a block with: 4672 5456 6544 7280 8192. Invariant: a
// request is rounded up by at most 15 bytes up to 128, and by less than 25%
// above (the worst case is 129 -> 160, the average about 11%); every class
// is a multiple of GC_GRANULE (16), so every object is 16-byte aligned; and
// a block's unusable tail is under 2.5% of it (1.5 KiB for 2560-byte
// cells). gc_class_of_granules maps
// ceil(size / 16) to the class, one table load on the fast path.
//
// The cell index of an address is off / cell_size, computed as
// (off * reciprocal) >> 32 with reciprocal = ceil(2^32 / cell_size). This is
// exact for every off < 2^18 as long as cell_size < 2^14 (the rounding error
// is below off / 2^32 < 2^-14 <= 1 / cell_size), so for every block size up
// to 256 KiB.
//
// ## The block map: "is this word a heap address?"
//
// Conservative roots are arbitrary words, and precise Values may point to
// static objects (None, builtin types) that are not in the heap, so marking
// asks "which block holds this address, if any?" for every word it sees.
// Two filters answer it. First the range [block_lo, block_hi) of every block
// ever mapped rejects most non-heap words with one subtraction and compare
// (the binary's static objects sit far below mmap'ed memory). Then a two-level
// radix map keyed by address bits 47..16 - gc_block_map[bits 47..32] points
// to a leaf of 2^16 Block pointers indexed by bits 31..16 - gives the
// descriptor, or NULL, in two dependent loads. The top level is 512 KiB of
// BSS of which only touched pages cost memory; a leaf (512 KiB, touched
// where blocks are) covers 4 GiB
// of address space, so a normal heap uses one or two. Addresses at or above
// 2^48 are never heap addresses (a block mapped there is refused).
//
// ## The state of a cell, in its first word
//
// A cell's header word says whether it holds an object:
//   - a Type* (non-zero, low three bits 0): an allocated object;
//   - `next | 1` (odd): a free cell; `next` is the following cell of a free
//     list, or 0 (a free cell that is on no list is simply `1`-tagged too);
//   - anything at all, for cells at index >= the block's alloc_limit: cells
//     not handed out since the block last changed size class. They are free,
//     and their bytes are garbage (whatever the block's previous class left).
// Invariant (outside the sweep of a block): every cell below alloc_limit
// holds a Type* or an odd word - except, between a collection and the lazy
// sweep of a block, dead objects of that block, which still hold their Type*;
// for such an unswept block the mark bits of the last collection tell the
// living (Block.swept). A fresh block has alloc_limit 0 and needs no
// clearing; the class's bump pointer hands its cells out in order, and at a
// collection the bump block's alloc_limit is set to where the pointer stopped.
// So a conservative pointer to a free cell, to a cell never handed out, or to
// the tail of a block, never finds an "object".
//
// Allocation zero-fills the whole cell (so no bytes of a dead object ever
// show through) and then writes the header; gc_alloc_data of a leaf type
// zeroes only the prefix the caller does not write (nothing reads a leaf's
// cell but its own code).
//
// ## Plain, finalizable and leaf objects
//
// A type's FreeFunc (C-level cleanup: a list frees its item array) must run
// before its object's cell is reused, and must be able to read the object's
// type. Lazy sweeping (reclaiming a block's dead cells only when its size
// class needs them) gets both wrong if a dead class object is reclaimed and
// reused before the last of its dead instances is swept. So the classes come
// in two sets, gc.classes[finalizable][class]: objects whose type has a `free`
// slot live in *finalizable* blocks, all other objects in *plain* blocks, and
//   - finalizable blocks are swept eagerly at the end of each collection,
//     FreeFuncs called, before any cell anywhere is reused;
//   - plain blocks are swept lazily, and their sweep reads nothing but the
//     mark bits: it never looks at a dead object or its type.
// Rule that follows: an object's type may change (`__class__` assignment)
// only to a type with the same `free` slot - which CPython's layout
// compatibility check already guarantees, since `free` belongs to the solid
// base.
//
// A third set holds *leaf* objects: instances of static types that reference
// nothing (TYPE_GC_LEAF, set by type_ready: no TraceFunc, no FreeFunc, no
// finalizer) - str, float, bytes, big ints. Marking sets a leaf's bit and
// stops: it does not push it, so it never reads its header (the cache miss
// that dominated marking a heap of strings; wordcount marked 3x faster). A
// leaf's type is static, so skipping its type word loses nothing. Leaf
// blocks are swept lazily like plain ones. __class__ assignment never
// involves a static type, so an object never leaves or enters this set.
//
// ## The startup heap
//
// Every collection used to re-mark the ~5 000 objects that exist before a
// program's first line runs (types and their descriptors, the builtins,
// the modules imported at startup): 0.3-0.7 ms a collection once the
// program's allocation has pushed them out of the cache, 10-20% of the CPU
// time of bigint, pidigits, fannkuch. gc_seal_startup (called just before
// __main__ runs) makes them permanent, as CPython's gc.freeze() does: it
// retires every bump block and free list (heap_prepare) and records, per
// block, how many cells were handed out (startup_limit), so that objects
// made later land above those limits or in other blocks. The first
// collection after it (seal_snapshot, after marking, before sweeping) pins
// every live startup object - but those with a finalizer or weak
// references, which must still be able to die - so they are marked at each
// collection without tracing. A pinned object that a program can change
// (a dict, a function, a class) may come to point to new objects: those are
// listed in gc.permanent and traced at every collection, as roots - unless
// its type has a gc_stamp (dict: its version; function, code: a counter
// their setters bump) that has not moved since a look found it referencing
// only permanent objects (mark_permanent). One that cannot change
// (TYPE_GC_IMMUTABLE: tuples, descriptors, slices) is never traced again,
// unless something it references could not be pinned (a large object, a
// weakly referenced one): then it is listed too. Permanent objects are
// never freed.
//
// ## Large objects
//
// Objects above GC_SMALL_MAX are calloc'ed one by one (glibc maps big ones
// directly, and calloc of fresh pages skips the memset) and listed in
// gc.large: (start, size, mark), sorted by address before each collection
// (new entries are appended, so the array is nearly sorted). An address is
// resolved by the range [large_lo, large_hi) then a binary search, interior
// pointers included. Large objects are swept eagerly: all their FreeFuncs
// first, memory released after every FreeFunc of the collection has run.
//
// ## Allocation
//
// gc_alloc's fast path: one table load for the class, then pop the class's
// free list or bump its bump pointer, count the bytes against gc.budget,
// zero the cell (cell_zero: inline 16-byte stores up to 128 bytes, memset
// above), store the header. Everything else is in alloc_small_slow: a
// collection when the budget is exhausted, then refilling the class - lazily
// sweep the class's next unswept block into a free list, or bump through the
// never-used tail of a swept block of the class (SizeClass.tails: sweeping
// links only cells below alloc_limit, so pages never handed out stay
// untouched and out of the resident set), or take an empty block from the
// pool (any class may take it; it gets alloc_limit 0), or map
// a new chunk of GC_CHUNK_BLOCKS blocks (one block if that fails). Only
// when the OS refuses memory does gc_alloc run one collection (even with
// automatic collection disabled: it is better than a MemoryError) and then
// return NULL after err_no_memory().
//
// ## Collection, in order (collect)
//
//  1. heap_prepare: retire each class's bump block (alloc_limit = where the
//     bump stopped) and free list, finish the lazy sweep of every unswept
//     plain block (their dead cells must not look allocated to the marker;
//     the free lists built are dropped), sort the large objects.
//  2. mark_roots: the pending work queue, static objects (their type's
//     trace), root slots, root providers, then the C stack and registers
//     conservatively (scan_stack).
//  3. mark_drain: pop an object, mark its type word, call its TraceFunc.
//     mark_recover_overflow handles a mark stack that could not grow.
//  4. finalizers_resurrect, then weak_process (see "Weak references and
//     finalizers" below); gc_collect_count also counts the unmarked here.
//  5. sweep_after_mark: FreeFuncs of dead large objects; then each block:
//     no mark at all -> FreeFuncs of its objects if finalizable, and into the
//     empty pool; finalizable -> swept now into its class's free list;
//     plain -> queued on its class's unswept list, marks kept. Then dead large
//     objects are released.
//  6. The policy: next budget, pool trimming.
//
// ## Marking
//
// Mark bits are per cell in Block.marks (a set bit = reached in this
// collection; all clear outside a collection except in unswept plain blocks)
// and per large object in LargeObject.marked. Objects to trace wait on an
// explicit mark stack (GcTracer), never on the C stack, so a linked list of
// millions of nodes is marked in constant C stack. The stack doubles as
// needed up to GC_MARK_STACK_LIMIT entries; when it cannot grow, the object
// being pushed stays marked but untraced and `overflowed` is set; after the
// drain, mark_recover_overflow retraces every marked object of the heap
// (retracing is harmless: marked children are skipped), draining after each,
// until a pass completes without overflow. Every pass marks at least the
// children that overflowed before, so it ends. (Tests build gc.c with a tiny
// GC_MARK_STACK_LIMIT to exercise this.)
//
// Marking is bound by cache misses, one per object: its header must be read
// to find its type. Two measures keep them off the critical path. A precise
// pointer is trusted in release builds: marking it sets its bit (in the
// Block descriptor, usually cached) and pushes it without reading the object.
// And mark_drain moves objects from the mark stack through a FIFO of
// GC_PREFETCH_DEPTH entries, prefetching each on entry, so that the misses of
// up to that many objects are in flight at once. (A live binary tree of 2M
// objects: 123 ms per collection without either, 30-50 ms with both; depths
// 8, 16 and 32 measured within noise of each other.) Conservative words still
// need the header check - they are few.
//
// Pinned cells (gc_pin: the interned strings) have a second bitmap in their
// Block, allocated on the first pin; mark_pinned ORs it into the marks before
// the roots are traced, so a pinned object is never pushed, traced or swept,
// and its block never goes back to the pool. It costs a pass over the pin
// words of the blocks that have any, instead of a lookup per object.
//
// Precise Values must point to object starts (or outside the heap: static
// objects are ignored, they are traced through gc_add_static_object). Debug
// builds (no NDEBUG) check it and abort with the tracing object's type name
// on a pointer to a free cell or into the middle of an object: that is a
// use-after-free caught at the next collection.
//
// ## Conservative roots
//
// scan_stack calls __builtin_unwind_init(), which makes the compiler save
// every callee-saved register in that function's frame; caller-saved
// registers hold nothing live across the call into the collector. A
// noinline callee then scans every aligned word from its own frame address
// up to the stack_base given to gc_init - a range that includes those saved
// registers and every frame of the program. (setjmp would not do on glibc:
// it mangles the saved rbp.) The scan is no_sanitize_address because it
// reads poisoned redzones; and ASan's use-after-return mode moves locals to a
// heap "fake stack" that no scan sees, so ASan builds must run with
// detect_stack_use_after_return=0.
//
// The scan ends at stack_base, the address of a local of main(): the rest of
// main's frame is not scanned, and a compiler that inlines work into main
// may keep object pointers there (clang -O2 did, in gc_test). So main should
// call gc_init and then hand over to a noinline function at once.
//
// ## Policy and its tunables
//
// gc.budget counts down the bytes (cell sizes, large sizes) that may be
// allocated before the next automatic collection. After a collection that
// found `live` bytes, the budget is max(min_budget, live *
// GC_GROWTH_PERCENT / 100): the heap peaks near live * 2 with the default
// 100 (Go's GOGC), and a small heap still allocates min_budget between
// collections so that their fixed cost (stack, roots, the interned strings
// and the startup heap's changed objects: ~70 us) stays small. min_budget
// adapts between GC_MIN_BUDGET_FLOOR (1 MiB, where it starts) and
// GC_MIN_BUDGET (8 MiB) to what marking costs (budget_adapt): doubled when
// marking has taken more than 4% of the CPU time (averaged over the last
// few collections), halved under 1.5%. Sweeping is left out of that
// measure: its cost per byte allocated does not depend on the budget. A program with a small,
// cheaply marked heap runs in 1-4 MiB of budget (a third of the peak RSS
// of nbody, richards, mandelbrot, coroutines); one whose collections
// cost more keeps the old 8 MiB and its speed. gc.set_threshold fixes it. Stress
// mode (gc_set_stress(N)) keeps the budget at 0 so every allocation takes
// the slow path, which collects at every N-th. gc_enable(0) gives the
// allocator budgets of GC_DISABLED_BUDGET that end in no collection.
// Empty blocks beyond the next budget's worth (plus GC_POOL_SLACK) are
// returned to the OS after each collection: they would not be used before
// the next collection empties more.
//
// ## Rules for the rest of krait
//
// - Nothing allocates during a collection: a TraceFunc or FreeFunc that calls
//   gc_alloc aborts (the budget is INTPTR_MIN meanwhile, so even the fast
//   path notices).
// - A FreeFunc frees the object's own C memory and nothing else: other heap
//   objects it points to may already be dead and reclaimed. The object's type
//   is still readable. A type's own FreeFunc must leave its `free` slot alone
//   (its dead instances may be swept after it).
// - Object memory that is malloc'ed by its owner is invisible to the budget.
// - Single-threaded: one mutator, one C stack.
//
// ## Weak references and finalizers (step 4)
//
// After marking, before any sweep, the mark bits say exactly who is dead, and
// nothing has been reclaimed yet: the two side tables are settled then.
//
// Finalizers (`__del__`, PEP 442). Objects of types with a finalizer
// (TYPE_HAS_FINALIZER) are registered by gc_alloc (gc_register_finalizer;
// an array in registration order - no header bit exists to mark them). finalizers_resurrect moves
// every unmarked registered object to the pending queue and marks it with
// all it reaches: it and its referents survive this collection, its
// finalizer runs once, later, and if the object is still unreachable at the
// next collection it is simply freed (it is no longer registered). Order:
// the collector first traces the children of all of them (not themselves);
// those still unmarked are reached by no other dying finalizable object and
// are queued first - PyPy's rule, and CPython's refcount order for a
// container and its contents - the rest after, in registration order.
//
// Weak references. A side table maps a referent's address to the first of
// its weakref objects (a list through GcWeakRef.next, ordered by weakref.c
// as CPython orders it), so objects carry no field for it. It is an
// insertion-ordered hash table (entries array + index, like a compact
// dict). weak_process, run after resurrection, walks it: the weakrefs of
// an unmarked referent are cleared and, if the weakref itself is marked and
// has a callback, (weakref, callback) is queued; dead weakrefs of a live
// referent are unlinked. A referent resurrected for its finalizer is
// "alive": its weakrefs are cleared by the collection that frees it, after
// its __del__ ran - CPython's order for an object freed by refcounting.
// (For garbage cycles CPython clears weakrefs before calling __del__; krait
// does not tell cycles apart.)
//
// Nothing may allocate during a collection and Python code cannot run at
// an arbitrary allocation, so both only queue work: the pending queue (a
// root) holds finalizers, then callbacks, in the order found, until
// runtime/finalize.c takes them (after gc.collect(), at the interpreter's
// safe points, at exit).
//
// ## Measured
//
// tests/unit/gc_test.sh prints these on every run ("perf:" lines). Best of
// several runs, gcc -O2 -DNDEBUG, a 2-core VM shared with other work (so
// +-30%), 32-byte objects:
//   - 100k live objects (3.2 MB) replaced in turn, a collection every 8 MiB:
//     ~120 M allocations/s, collections included; pure garbage: ~165 M/s;
//     glibc malloc+free of 32 bytes on the same machine: ~75-105 M/s.
//   - binary trees (GCBench-like, 31 M allocations, a 4 MB tree alive
//     throughout): ~75 M allocations/s.
//   - GC_MIN_BUDGET 16 MiB instead of 8: ring and trees 20-25% faster (a
//     non-generational collector re-marks the live set at each collection);
//     8 is kept for memory's sake - generational marking is the real fix.
//   - a type with a FreeFunc costs one indirect call per dead object and the
//     eager sweep: 1.15-1.3x on the ring, 1.4x on pure garbage.
//   - gc_alloc inlined into its caller with a constant size (one translation
//     unit): under 5% faster - allocation is bound by memory, not by the
//     instructions of the fast path.
#include "gc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <sys/mman.h>
#include <time.h>

// Under LeakSanitizer the blocks are root regions: LSan scans malloc'ed
// memory, globals and stacks, not our mmap'ed blocks, so without this every
// buffer that a heap object owns (dict keys, list items) would be reported
// as leaked at exit.
#if defined(__SANITIZE_ADDRESS__)
#define KRAIT_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KRAIT_LSAN 1
#endif
#endif
#ifdef KRAIT_LSAN
#include <sanitizer/lsan_interface.h>
#define LSAN_ROOT_ADD(p, n) __lsan_register_root_region((p), (n))
#define LSAN_ROOT_REMOVE(p, n) __lsan_unregister_root_region((p), (n))
#else
#define LSAN_ROOT_ADD(p, n) ((void)0)
#define LSAN_ROOT_REMOVE(p, n) ((void)0)
#endif

#define GC_LIKELY(x) __builtin_expect(!!(x), 1)
#define GC_UNLIKELY(x) __builtin_expect(!!(x), 0)

// ---- tunables (each explained in the essay above) ----------------------------

#define GC_BLOCK_SHIFT 16
#define GC_BLOCK_SIZE ((size_t)1 << GC_BLOCK_SHIFT)  // 64 KiB, and its alignment
#define GC_GRANULE_SHIFT 4
#define GC_GRANULE ((size_t)1 << GC_GRANULE_SHIFT)  // smallest cell; cell alignment
#define GC_SMALL_MAX 8192                            // largest cell
#define GC_MAX_CELLS (GC_BLOCK_SIZE / GC_GRANULE)    // cells of a 16-byte block
#define GC_CHUNK_BLOCKS 32                           // blocks mapped at once (2 MiB)
#define GC_MIN_BUDGET ((size_t)8 << 20)              // the adaptive least budget's ceiling
#define GC_MIN_BUDGET_FLOOR ((size_t)1 << 20)        // ... and its floor (and start)
#define GC_COST_HIGH 40                              // per mille of CPU time: raise the budget
#define GC_COST_LOW 15                               // per mille: lower it
#define GC_GROWTH_PERCENT 100                        // budget = live * this / 100
#define GC_MALLOC_TRIM (64 << 20)                    // glibc keeps this much free heap
#define GC_MALLOC_MMAP (32 << 20)                    // malloc'ed blocks above this are mmap'ed
#define GC_DISABLED_BUDGET ((size_t)1 << 30)         // budget refill while disabled
#define GC_POOL_SLACK 4                              // empty blocks kept beyond the budget
#define GC_MAX_ROOT_PROVIDERS 16
#define GC_SCRUB_BYTES (32 * 1024)  // stack zeroed below an explicit collection's caller
#define GC_MARK_STACK_INITIAL 4096  // entries
#define GC_PREFETCH_DEPTH 16        // objects between prefetch and trace (power of 2)
#ifndef GC_MARK_STACK_LIMIT         // entries; tests shrink it to force overflow
#define GC_MARK_STACK_LIMIT ((size_t)1 << 32)
#endif
#define GC_LARGE_MAX ((size_t)1 << 46)  // bigger requests fail without asking the OS

// Block map: address bits 47..32 index the top level, bits 31..16 a leaf.
#define GC_ADDRESS_BITS 48
#define GC_MAP_TOP_SHIFT 32
#define GC_MAP_LEAF_SIZE ((size_t)1 << (GC_MAP_TOP_SHIFT - GC_BLOCK_SHIFT))

// ---- size classes -------------------------------------------------------------

// The three sets of size classes (see "Plain, finalizable and leaf objects").
enum { GC_KIND_PLAIN, GC_KIND_FINALIZABLE, GC_KIND_LEAF, GC_KINDS };

// Branch-free (it is on gc_alloc's fast path): TYPE_GC_LEAF is never set on a
// type with a FreeFunc, so at most one of the two terms is non-zero.
_Static_assert(GC_KIND_FINALIZABLE == 1 && GC_KIND_LEAF == 2, "kinds are bits");
_Static_assert(TYPE_GC_LEAF > 2 && (TYPE_GC_LEAF & (TYPE_GC_LEAF - 1)) == 0, "one bit");
static inline unsigned gc_kind_of(const Type *type) {
    return (unsigned)(type->free != NULL) | ((type->flags / (TYPE_GC_LEAF / 2)) & 2);
}

static const uint16_t gc_class_sizes[] = {
    16,   32,   48,   64,   80,   96,   112,  128,   // 16-byte steps
    160,  192,  224,  256,  320,  384,  448,  512,   // then 4 per doubling
    640,  768,  896,  1024, 1280, 1536, 1792, 2048,
    2560, 3072, 3584, 4096, 4672, 5456, 6544, 7280,
    8192,
};
#define GC_NCLASSES (sizeof gc_class_sizes / sizeof gc_class_sizes[0])
_Static_assert(GC_NCLASSES <= 256, "class indices are bytes");

// ceil(size / GC_GRANULE) -> size class. Filled by gc_init.
static uint8_t gc_class_of_granules[GC_SMALL_MAX / GC_GRANULE + 1];

// ---- blocks -------------------------------------------------------------------

typedef struct Block {
    char *start;             // GC_BLOCK_SIZE-aligned
    struct Block *next;      // in its class's unswept list, or in the empty pool
    uint32_t cell_size;      // 0 while the block is in the empty pool
    uint32_t cell_count;
    uint32_t alloc_limit;    // cells at index >= this were not handed out: free
    uint32_t reciprocal;     // ceil(2^32 / cell_size)
    uint32_t marked;         // cells marked in the current collection
    uint32_t index;          // in gc.blocks
    uint8_t size_class;
    uint8_t kind;            // GC_KIND_*: its class set in gc.classes
    uint8_t swept;           // 0: dead objects still have headers; marks tell
    uint32_t npins;          // cells set in pins
    uint32_t startup_limit;  // gc_seal_startup: cells below this are the startup heap's
    uint64_t *pins;          // gc_pin's cells (marked at every collection), or NULL
    uint64_t marks[GC_MAX_CELLS / 64];
} Block;

static Block **gc_block_map[(size_t)1 << (GC_ADDRESS_BITS - GC_MAP_TOP_SHIFT)];

// A size class's allocator: cells come from `free` first, then [bump, bump_end).
typedef struct SizeClass {
    char *free;              // free list, linked through word 0 as `next | 1`
    char *bump;
    char *bump_end;
    uint32_t cell_size;
    uint8_t index;
    uint8_t kind;            // GC_KIND_*
    Block *bump_block;       // the block [bump, bump_end) lies in
    Block *unswept;          // plain blocks waiting for the lazy sweep
    Block *tails;            // swept blocks with cells never handed out (class_note_tail)
} SizeClass;

typedef struct LargeObject {
    char *start;
    size_t size;             // rounded up to GC_GRANULE
    bool marked;
} LargeObject;

// The mark stack, and what a TraceFunc is handed.
struct GcTracer {
    Object **stack;
    size_t len, cap;
    bool overflowed;         // an object was marked but could not be pushed
    size_t marked_bytes;
    Object *current;         // the object being traced (for debug messages)
    // Set for gc_visit_referents: the gc_trace_* functions report each Value
    // to visit() instead of marking.
    void (*visit)(Value v, void *arg);
    void *visit_arg;
    bool visit_private;      // ... and gc_trace_private's objects too
};

// A pinned startup object that may change what it references (gc.permanent).
// One whose type has a gc_stamp is traced only while `stamp` is not its
// current stamp or it referenced something not permanent at that stamp.
typedef struct Permanent {
    Object *o;
    uint64_t stamp;
    bool clean;              // at `stamp`, it referenced only permanent objects
} Permanent;

// ---- the collector's state ----------------------------------------------------

static struct {
    // Bytes that may still be allocated before the next automatic collection.
    // INTPTR_MIN during a collection, so that any gc_alloc takes the slow path.
    intptr_t budget;
    intptr_t budget_start;   // its value when last set: the difference is allocated
    SizeClass classes[GC_KINDS][GC_NCLASSES];  // [GC_KIND_*][size class]

    bool initialized, collecting, enabled;
    uintptr_t stack_base;    // one past the highest stack word scanned
    unsigned stress_every, stress_count;
    bool objects_exposed;    // gc_note_objects_exposed: no gc_free_dead from now on
    size_t next_budget;      // the policy's budget after the last collection

    Block **blocks;          // every mapped block, in no order
    size_t nblocks, blocks_cap;
    uintptr_t block_lo, block_hi;  // hull of every block ever mapped
    Block *empty;            // the empty pool
    size_t nempty;

    LargeObject *large;
    size_t nlarge, large_cap, large_bytes;
    bool large_sorted;
    uintptr_t large_lo, large_hi;  // hull of the large objects

    Value **roots;
    size_t nroots, roots_cap;
    Object **statics;
    size_t nstatics, statics_cap;
    void (*providers[GC_MAX_ROOT_PROVIDERS])(GcTracer *t);
    size_t nproviders;
    void (*sweep_hooks[GC_MAX_ROOT_PROVIDERS])(void);
    size_t nsweep_hooks;

    GcTracer tracer;

    size_t collections, live_bytes, allocated_total;
    size_t allocated_at_collection;  // allocated_total when the last collection ended
    size_t min_budget;       // the least budget: adaptive, unless gc_set_min_budget fixed it
    bool min_budget_fixed;
    uint64_t mutator_start;  // CPU time (ns) when the last collection ended
    uint64_t mark_share;     // per mille of CPU time spent marking, averaged (budget_adapt)
    bool count_dead;         // this collection counts the unreachable (gc_collect_count)
    size_t dead_count;
    Object *hidden;          // gc_collect_hiding's object, during that collection
    // The startup heap (gc_seal_startup): pinned by the first collection after
    // the seal; `permanent` lists the pinned objects traced at every collection.
    bool seal_pending;
    Object *seal_keep;       // not made permanent: __main__'s globals
    Permanent *permanent;
    size_t npermanent, permanent_cap;
    size_t permanent_traced; // of them, traced by the last collection
    // -X gc-stats (gc_report_at_exit): the heap as each collection found it
    bool stats;
    size_t peak_blocks, peak_large, peak_malloc, peak_live;
    uint64_t mark_ns, sweep_ns;
} gc;

static void collect(void);
static bool pin_cell(Block *b, uint32_t idx);

static void gc_fatal(const char *what) {
    fprintf(stderr, "krait: gc: %s\n", what);
    abort();
}

// ---- the budget ---------------------------------------------------------------

// Add what was allocated since the budget was last set to the totals.
static void budget_fold(void) {
    gc.allocated_total += (size_t)(gc.budget_start - gc.budget);
    gc.budget_start = gc.budget;
}

static void budget_reset(void) {
    budget_fold();
    size_t b = gc.stress_every ? 0 : !gc.enabled ? GC_DISABLED_BUDGET : gc.next_budget;
    gc.budget = gc.budget_start = (intptr_t)b;
}

// ---- the block map --------------------------------------------------------------

static inline Block *block_of(uintptr_t a) {
    if (a - gc.block_lo >= gc.block_hi - gc.block_lo) {
        return NULL;
    }
    Block **leaf = gc_block_map[a >> GC_MAP_TOP_SHIFT];
    if (leaf == NULL) {
        return NULL;
    }
    return leaf[(a >> GC_BLOCK_SHIFT) & (GC_MAP_LEAF_SIZE - 1)];
}

static inline uint32_t block_cell_index(const Block *b, uintptr_t a) {
    return (uint32_t)(((uint64_t)(a - (uintptr_t)b->start) * b->reciprocal) >> 32);
}

static inline char *block_cell(const Block *b, uint32_t idx) {
    return b->start + (size_t)idx * b->cell_size;
}

static inline bool header_is_object(uintptr_t word) {
    return word != 0 && (word & 7) == 0;
}

static inline bool block_is_marked(const Block *b, uint32_t idx) {
    return (b->marks[idx >> 6] >> (idx & 63)) & 1;
}

// Describe `start` with a new descriptor in the block map and gc.blocks; the
// block goes to the empty pool. False if memory for the tables is lacking.
static bool block_register(char *start) {
    uintptr_t a = (uintptr_t)start;
    if ((a + GC_BLOCK_SIZE - 1) >> GC_ADDRESS_BITS) {
        return false;
    }
    if (gc.nblocks == gc.blocks_cap) {
        size_t cap = gc.blocks_cap ? gc.blocks_cap * 2 : 64;
        Block **blocks = realloc(gc.blocks, cap * sizeof *blocks);
        if (blocks == NULL) {
            return false;
        }
        gc.blocks = blocks;
        gc.blocks_cap = cap;
    }
    Block **leaf = gc_block_map[a >> GC_MAP_TOP_SHIFT];
    if (leaf == NULL) {
        leaf = calloc(GC_MAP_LEAF_SIZE, sizeof *leaf);
        if (leaf == NULL) {
            return false;
        }
        gc_block_map[a >> GC_MAP_TOP_SHIFT] = leaf;
    }
    Block *b = calloc(1, sizeof *b);
    if (b == NULL) {
        return false;
    }
    b->start = start;
    b->index = (uint32_t)gc.nblocks;
    gc.blocks[gc.nblocks++] = b;
    leaf[(a >> GC_BLOCK_SHIFT) & (GC_MAP_LEAF_SIZE - 1)] = b;
    if (gc.block_lo == gc.block_hi) {
        gc.block_lo = a;
        gc.block_hi = a + GC_BLOCK_SIZE;
    } else {
        gc.block_lo = a < gc.block_lo ? a : gc.block_lo;
        gc.block_hi = a + GC_BLOCK_SIZE > gc.block_hi ? a + GC_BLOCK_SIZE : gc.block_hi;
    }
    b->next = gc.empty;
    gc.empty = b;
    gc.nempty++;
    return true;
}

// Unmap an empty block that is no longer in the pool.
static void block_release(Block *b) {
    uintptr_t a = (uintptr_t)b->start;
    gc_block_map[a >> GC_MAP_TOP_SHIFT][(a >> GC_BLOCK_SHIFT) & (GC_MAP_LEAF_SIZE - 1)] = NULL;
    Block *last = gc.blocks[--gc.nblocks];
    gc.blocks[b->index] = last;
    last->index = b->index;
    LSAN_ROOT_REMOVE(b->start, GC_BLOCK_SIZE);
    free(b->pins);
    b->pins = NULL;
    b->npins = 0;
    munmap(b->start, GC_BLOCK_SIZE);
    free(b);
}

// `size` bytes of fresh memory aligned to GC_BLOCK_SIZE, or NULL.
static char *heap_map_aligned(size_t size) {
    size_t span = size + GC_BLOCK_SIZE;
    char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    uintptr_t a = ((uintptr_t)p + GC_BLOCK_SIZE - 1) & ~(uintptr_t)(GC_BLOCK_SIZE - 1);
    size_t head = a - (uintptr_t)p;
    size_t tail = span - head - size;
    if (head) {
        munmap(p, head);
    }
    if (tail) {
        munmap((char *)a + size, tail);
    }
    return (char *)a;
}

// Add fresh blocks to the empty pool. False if the OS refuses.
static bool heap_grow(void) {
    size_t n = GC_CHUNK_BLOCKS;
    char *mem = heap_map_aligned(n * GC_BLOCK_SIZE);
    if (mem == NULL) {
        n = 1;
        mem = heap_map_aligned(GC_BLOCK_SIZE);
        if (mem == NULL) {
            return false;
        }
    }
    size_t added = 0;
    while (added < n && block_register(mem + added * GC_BLOCK_SIZE)) {
        added++;
    }
    if (added < n) {
        munmap(mem + added * GC_BLOCK_SIZE, (n - added) * GC_BLOCK_SIZE);
    }
    for (size_t i = 0; i < added; i++) {
        LSAN_ROOT_ADD(mem + i * GC_BLOCK_SIZE, GC_BLOCK_SIZE);
    }
    return added > 0;
}

// Give an empty block (its marks are clear) to the pool.
static void block_to_pool(Block *b) {
    b->cell_size = 0;
    b->next = gc.empty;
    gc.empty = b;
    gc.nempty++;
}

// ---- large objects ----------------------------------------------------------------

static int large_compare(const void *x, const void *y) {
    uintptr_t a = (uintptr_t)((const LargeObject *)x)->start;
    uintptr_t b = (uintptr_t)((const LargeObject *)y)->start;
    return a < b ? -1 : a > b;
}

static void large_sort(void) {
    if (!gc.large_sorted) {
        qsort(gc.large, gc.nlarge, sizeof *gc.large, large_compare);
        gc.large_sorted = true;
    }
}

// The large object holding address a. The array must be sorted.
static inline LargeObject *large_find(uintptr_t a) {
    if (a - gc.large_lo >= gc.large_hi - gc.large_lo) {
        return NULL;
    }
    size_t lo = 0, hi = gc.nlarge;  // the answer is below hi
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)gc.large[mid].start <= a) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    LargeObject *l = &gc.large[lo];
    if (hi == 0 || a < (uintptr_t)l->start || a - (uintptr_t)l->start >= l->size) {
        return NULL;
    }
    return l;
}

static void large_update_hull(void) {
    if (gc.nlarge == 0) {
        gc.large_lo = gc.large_hi = 0;
        return;
    }
    LargeObject *last = &gc.large[gc.nlarge - 1];
    gc.large_lo = (uintptr_t)gc.large[0].start;
    gc.large_hi = (uintptr_t)last->start + last->size;
}

// ---- marking --------------------------------------------------------------------------

static bool mark_stack_grow(GcTracer *t) {
    if (t->cap >= GC_MARK_STACK_LIMIT) {
        return false;
    }
    size_t cap = t->cap * 2 < GC_MARK_STACK_LIMIT ? t->cap * 2 : GC_MARK_STACK_LIMIT;
    Object **stack = realloc(t->stack, cap * sizeof *stack);
    if (stack == NULL) {
        return false;
    }
    t->stack = stack;
    t->cap = cap;
    return true;
}

static inline void mark_push(GcTracer *t, Object *o) {
    if (GC_UNLIKELY(t->len == t->cap) && !mark_stack_grow(t)) {
        t->overflowed = true;
        return;
    }
    t->stack[t->len++] = o;
}

#ifndef NDEBUG
static void mark_bad_pointer(GcTracer *t, uintptr_t a, const char *what) {
    fprintf(stderr, "krait: gc: traced pointer %p is %s (traced from %s%s)\n", (void *)a, what,
            t->current ? "an object of type " : "a root",
            t->current ? t->current->type->name : "");
    abort();
}
#endif

// Mark the object at (precise) or containing (conservative) address a, if it
// is a live heap object, and queue it for tracing.
static inline void mark_address(GcTracer *t, uintptr_t a, bool precise) {
    Block *b = block_of(a);
    if (b != NULL) {
        if (b->cell_size == 0) {
#ifndef NDEBUG
            if (precise) {
                mark_bad_pointer(t, a, "in an empty block");
            }
#endif
            return;
        }
        uint32_t idx = block_cell_index(b, a);
        char *cell = block_cell(b, idx);
        // A precise pointer is trusted (debug builds check it): reading the
        // header here would be a cache miss per object; mark_drain reads it
        // later, prefetched.
#ifdef NDEBUG
        if (!precise)
#endif
        {
            if (idx >= b->alloc_limit || !header_is_object(*(const uintptr_t *)cell)) {
#ifndef NDEBUG
                if (precise) {
                    mark_bad_pointer(t, a, "a free cell");
                }
#endif
                return;
            }
#ifndef NDEBUG
            if (precise && (char *)a != cell) {
                mark_bad_pointer(t, a, "inside an object, not at its start");
            }
#endif
        }
        uint64_t bit = UINT64_C(1) << (idx & 63);
        uint64_t *word = &b->marks[idx >> 6];
        if (*word & bit) {
            return;
        }
        *word |= bit;
        b->marked++;
        t->marked_bytes += b->cell_size;
        if (b->kind != GC_KIND_LEAF) {  // a leaf's type is static and it references nothing
            mark_push(t, (Object *)cell);
        }
        return;
    }
    LargeObject *l = large_find(a);
    if (l != NULL) {
#ifndef NDEBUG
        if (precise && (char *)a != l->start) {
            mark_bad_pointer(t, a, "inside a large object, not at its start");
        }
#endif
        if (!l->marked) {
            l->marked = true;
            t->marked_bytes += l->size;
            mark_push(t, (Object *)l->start);
        }
    }
}

// Trace a marked object: its type word, then what its TraceFunc reports.
static inline void mark_trace_object(GcTracer *t, Object *o) {
    Type *type = o->type;
    t->current = o;
    mark_address(t, (uintptr_t)type, true);
    if (type->trace != NULL) {
        type->trace(o, t);
    }
    t->current = NULL;
}

// Objects go from the mark stack through a FIFO of GC_PREFETCH_DEPTH,
// prefetched on entry, so that the cache misses on their headers overlap
// instead of stalling the loop one by one.
static void mark_drain(GcTracer *t) {
    Object *fifo[GC_PREFETCH_DEPTH];
    unsigned head = 0, count = 0;
    for (;;) {
        while (count < GC_PREFETCH_DEPTH && t->len > 0) {
            Object *o = t->stack[--t->len];
            __builtin_prefetch(o);
            fifo[(head + count++) % GC_PREFETCH_DEPTH] = o;
        }
        if (count == 0) {
            return;
        }
        Object *o = fifo[head];
        head = (head + 1) % GC_PREFETCH_DEPTH;
        count--;
        mark_trace_object(t, o);
    }
}

// The mark stack could not grow at some point: some marked objects were never
// traced. Retrace every marked object until a pass loses nothing.
static void mark_recover_overflow(GcTracer *t) {
    while (t->overflowed) {
        t->overflowed = false;
        for (size_t i = 0; i < gc.nblocks; i++) {
            Block *b = gc.blocks[i];
            if (b->cell_size == 0 || b->marked == 0) {
                continue;
            }
            for (uint32_t w = 0; w < (b->cell_count + 63) / 64; w++) {
                for (uint64_t bits = b->marks[w]; bits != 0; bits &= bits - 1) {
                    uint32_t idx = w * 64 + (uint32_t)__builtin_ctzll(bits);
                    mark_trace_object(t, (Object *)block_cell(b, idx));
                    mark_drain(t);
                }
            }
        }
        for (size_t i = 0; i < gc.nlarge; i++) {
            if (gc.large[i].marked) {
                mark_trace_object(t, (Object *)gc.large[i].start);
                mark_drain(t);
            }
        }
    }
}

void gc_trace_value(GcTracer *t, Value v) {
    if (GC_UNLIKELY(t->visit != NULL)) {
        if (v != 0) {
            t->visit(v, t->visit_arg);
        }
        return;
    }
    if (val_is_ptr(v)) {
        mark_address(t, (uintptr_t)v, true);
    }
}

void gc_trace_values(GcTracer *t, const Value *v, size_t n) {
    if (GC_UNLIKELY(t->visit != NULL)) {
        for (size_t i = 0; i < n; i++) {
            gc_trace_value(t, v[i]);
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (val_is_ptr(v[i])) {
            mark_address(t, (uintptr_t)v[i], true);
        }
    }
}

void gc_trace_object(GcTracer *t, Object *o) {
    if (GC_UNLIKELY(t->visit != NULL)) {
        if (o != NULL) {
            t->visit(val_from_ptr(o), t->visit_arg);
        }
        return;
    }
    if (o != NULL) {
        mark_address(t, (uintptr_t)o, true);
    }
}

void gc_trace_private(GcTracer *t, Object *o) {
    if (o == NULL) {
        return;
    }
    if (t->visit == NULL) {
        mark_address(t, (uintptr_t)o, true);
    } else if (t->visit_private) {
        t->visit(val_from_ptr(o), t->visit_arg);
    }
}

// ---- roots ----------------------------------------------------------------------------

// Every aligned word from this function's frame up to the stack base. Not
// inlined, so that its frame lies below scan_stack's saved registers.
__attribute__((noinline, no_sanitize_address)) static void scan_stack_words(GcTracer *t) {
    uintptr_t lo = ((uintptr_t)__builtin_frame_address(0) + 7) & ~(uintptr_t)7;
    for (uintptr_t a = lo; a < gc.stack_base; a += sizeof(uintptr_t)) {
        mark_address(t, *(const uintptr_t *)a, false);
    }
}

// Threads (vm/thread.c): a thread that is not running records where its
// stack was and what its callee-saved registers held when it let go of the
// GIL; the thread layer's root provider scans those with this.
__attribute__((no_sanitize_address)) void gc_scan_conservative(GcTracer *t, const void *lo,
                                                               const void *hi) {
    uintptr_t a = ((uintptr_t)lo + 7) & ~(uintptr_t)7;
    for (; a + sizeof(uintptr_t) <= (uintptr_t)hi; a += sizeof(uintptr_t)) {
        mark_address(t, *(const uintptr_t *)a, false);
    }
}

void gc_set_stack_base(void *stack_base) {
    gc.stack_base = ((uintptr_t)stack_base & ~(uintptr_t)7) + sizeof(uintptr_t);
}

__attribute__((noinline)) static void scan_stack(GcTracer *t) {
    __builtin_unwind_init();  // spill every callee-saved register into this frame
    scan_stack_words(t);
    __asm__ volatile("" ::: "memory");  // no tail call: keep this frame alive
}

static void pending_trace(GcTracer *t);

static void mark_roots(GcTracer *t) {
    pending_trace(t);
    for (size_t i = 0; i < gc.nstatics; i++) {
        mark_trace_object(t, gc.statics[i]);
    }
    for (size_t i = 0; i < gc.nroots; i++) {
        gc_trace_value(t, *gc.roots[i]);
    }
    for (size_t i = 0; i < gc.nproviders; i++) {
        gc.providers[i](t);
    }
    scan_stack(t);
}

void gc_add_root(Value *slot) {
    if (gc.nroots == gc.roots_cap) {
        size_t cap = gc.roots_cap ? gc.roots_cap * 2 : 64;
        Value **roots = realloc(gc.roots, cap * sizeof *roots);
        if (roots == NULL) {
            gc_fatal("out of memory registering a root");
        }
        gc.roots = roots;
        gc.roots_cap = cap;
    }
    gc.roots[gc.nroots++] = slot;
}

void gc_add_static_object(Object *o) {
    if (gc.nstatics == gc.statics_cap) {
        size_t cap = gc.statics_cap ? gc.statics_cap * 2 : 64;
        Object **statics = realloc(gc.statics, cap * sizeof *statics);
        if (statics == NULL) {
            gc_fatal("out of memory registering a static object");
        }
        gc.statics = statics;
        gc.statics_cap = cap;
    }
    gc.statics[gc.nstatics++] = o;
}

void gc_add_root_provider(void (*provide)(GcTracer *t)) {
    if (gc.nproviders == GC_MAX_ROOT_PROVIDERS) {
        gc_fatal("too many root providers (GC_MAX_ROOT_PROVIDERS)");
    }
    gc.providers[gc.nproviders++] = provide;
}

void gc_add_sweep_hook(void (*hook)(void)) {
    if (gc.nsweep_hooks == GC_MAX_ROOT_PROVIDERS) {
        gc_fatal("too many sweep hooks");
    }
    gc.sweep_hooks[gc.nsweep_hooks++] = hook;
}

// ---- sweeping --------------------------------------------------------------------------

// Link every unmarked cell of b below its alloc_limit, in address order, into
// a free list that continues with `rest`, and clear the marks. With
// `call_free`, dead objects' FreeFuncs run first. Returns the list's head;
// adds the cells to *nfree. Cells at and above alloc_limit were never handed
// out since the block took its class: they are left alone (untouched pages
// stay out of the resident set) for class_refill to bump through later.
static char *sweep_block(Block *b, char *rest, bool call_free, size_t *nfree) {
    uintptr_t head = (uintptr_t)rest | 1;
    uint32_t count = b->cell_count, limit = b->alloc_limit, cell_size = b->cell_size;
    uint32_t nwords = (count + 63) / 64, used_words = (limit + 63) / 64;
    size_t n = 0;
    for (uint32_t w = nwords; w-- > used_words;) {
        b->marks[w] = 0;
    }
    for (uint32_t w = used_words; w-- > 0;) {
        uint64_t free_bits = ~b->marks[w];
        b->marks[w] = 0;
        if (w == used_words - 1 && (limit & 63) != 0) {
            free_bits &= (UINT64_C(1) << (limit & 63)) - 1;
        }
        while (free_bits != 0) {
            unsigned bit = 63 - (unsigned)__builtin_clzll(free_bits);
            free_bits &= ~(UINT64_C(1) << bit);
            uint32_t idx = w * 64 + bit;
            char *cell = b->start + (size_t)idx * cell_size;
            if (call_free) {
                uintptr_t header = *(uintptr_t *)cell;
                if (header_is_object(header) && ((Type *)header)->free != NULL) {
                    ((Type *)header)->free((Object *)cell);
                }
            }
            *(uintptr_t *)cell = head;
            head = (uintptr_t)cell | 1;
            n++;
        }
    }
    b->swept = 1;
    *nfree += n;
    return (char *)(head & ~(uintptr_t)1);
}

// A swept block whose tail was never handed out goes on its class's list of
// such blocks, to be bumped through when the free list runs dry.
static void class_note_tail(SizeClass *c, Block *b) {
    if (b->alloc_limit < b->cell_count) {
        b->next = c->tails;
        c->tails = b;
    }
}

// A finalizable block where nothing survived: run every FreeFunc.
static void sweep_free_all(Block *b) {
    for (uint32_t idx = 0; idx < b->alloc_limit; idx++) {
        uintptr_t header = *(uintptr_t *)block_cell(b, idx);
        if (header_is_object(header) && ((Type *)header)->free != NULL) {
            ((Type *)header)->free((Object *)block_cell(b, idx));
        }
    }
}

static void sweep_after_mark(void) {
    // Every FreeFunc runs before any memory is released or reused.
    for (size_t i = 0; i < gc.nlarge; i++) {
        if (!gc.large[i].marked) {
            Object *o = (Object *)gc.large[i].start;
            if (o->type->free != NULL) {
                o->type->free(o);
            }
        }
    }
    for (size_t i = 0; i < gc.nblocks; i++) {
        Block *b = gc.blocks[i];
        if (b->cell_size == 0) {
            continue;
        }
        SizeClass *c = &gc.classes[b->kind][b->size_class];
        if (b->marked == 0) {
            if (b->kind == GC_KIND_FINALIZABLE) {
                sweep_free_all(b);
            }
            block_to_pool(b);
        } else if (b->kind == GC_KIND_FINALIZABLE) {
            size_t nfree = 0;
            c->free = sweep_block(b, c->free, true, &nfree);
            class_note_tail(c, b);
        } else {
            b->swept = 0;
            b->next = c->unswept;
            c->unswept = b;
        }
        b->marked = 0;
    }
    size_t kept = 0;
    for (size_t i = 0; i < gc.nlarge; i++) {
        LargeObject l = gc.large[i];
        if (l.marked) {
            l.marked = false;
            gc.large[kept++] = l;
        } else {
            gc.large_bytes -= l.size;
            free(l.start);
        }
    }
    gc.nlarge = kept;
    large_update_hull();
}

// ---- allocation --------------------------------------------------------------------------

static void class_retire_bump(SizeClass *c) {
    if (c->bump_block != NULL) {
        size_t handed_out = (size_t)(c->bump - c->bump_block->start) / c->cell_size;
        c->bump_block->alloc_limit = (uint32_t)handed_out;
        c->bump_block = NULL;
    }
    c->bump = c->bump_end = NULL;
}

// Give class c more cells: lazily sweep its next unswept block, else start
// bumping through an empty block. False if the OS refuses memory.
static bool class_refill(SizeClass *c) {
    while (c->unswept != NULL) {
        Block *b = c->unswept;
        c->unswept = b->next;
        size_t nfree = 0;
        c->free = sweep_block(b, NULL, false, &nfree);
        class_note_tail(c, b);
        if (nfree > 0) {
            return true;
        }
    }
    if (c->tails != NULL) {
        Block *b = c->tails;
        c->tails = b->next;
        b->next = NULL;
        class_retire_bump(c);
        c->bump_block = b;
        c->bump = b->start + (size_t)b->alloc_limit * c->cell_size;
        c->bump_end = b->start + (size_t)b->cell_count * c->cell_size;
        return true;
    }
    if (gc.empty == NULL && !heap_grow()) {
        return false;
    }
    Block *b = gc.empty;
    gc.empty = b->next;
    gc.nempty--;
    b->next = NULL;
    b->cell_size = c->cell_size;
    b->cell_count = (uint32_t)(GC_BLOCK_SIZE / c->cell_size);
    b->reciprocal = (uint32_t)((((uint64_t)1 << 32) + c->cell_size - 1) / c->cell_size);
    b->alloc_limit = 0;
    b->size_class = c->index;
    b->kind = c->kind;
    b->swept = 1;
    b->marked = 0;
    class_retire_bump(c);
    c->bump_block = b;
    c->bump = b->start;
    c->bump_end = b->start + (size_t)b->cell_count * c->cell_size;
    return true;
}

static char *class_take_cell(SizeClass *c) {
    for (;;) {
        char *cell = c->free;
        if (cell != NULL) {
            c->free = (char *)(*(uintptr_t *)cell - 1);
            return cell;
        }
        if (c->bump < c->bump_end) {
            cell = c->bump;
            c->bump += c->cell_size;
            return cell;
        }
        if (!class_refill(c)) {
            return NULL;
        }
    }
}

static void alloc_check_ready(void) {
    if (!gc.initialized) {
        gc_fatal("gc_alloc before gc_init");
    }
    if (gc.collecting) {
        gc_fatal("gc_alloc during a collection (from a TraceFunc or FreeFunc)");
    }
}

// The budget ran out: collect if that is due. True if a collection ran.
static bool alloc_budget_exhausted(void) {
    if (gc.stress_every) {
        if (++gc.stress_count >= gc.stress_every) {
            gc.stress_count = 0;
            collect();
            return true;
        }
        budget_reset();
        return false;
    }
    if (gc.enabled) {
        collect();
        return true;
    }
    budget_reset();
    return false;
}

// Zero a cell. Small cells, the common case, with inline 16-byte stores:
// faster than a call to memset (the asm keeps the compiler from turning the
// loop back into one).
static inline void cell_zero(char *cell, size_t size) {
    if (size > 128) {
        memset(cell, 0, size);
        return;
    }
    typedef uint64_t Zero16 __attribute__((vector_size(16)));
    char *end = cell + size;
    do {
        *(Zero16 *)cell = (Zero16){0, 0};
        cell += 16;
        __asm__("" : "+r"(cell));
    } while (cell < end);
}

// A new object of a type with a finalizer: register it (the cell stays
// allocated if that fails; it is unreachable garbage).
__attribute__((noinline)) static Object *alloc_register(Object *o) {
    return gc_register_finalizer(o) < 0 ? NULL : o;
}

// `zero`: how many leading bytes of the cell to zero (a multiple of 16).
__attribute__((noinline)) static Object *alloc_small_slow(Type *type, SizeClass *c, size_t zero) {
    alloc_check_ready();
    bool collected = false;
    if (gc.budget < (intptr_t)c->cell_size) {
        collected = alloc_budget_exhausted();
    }
    char *cell = class_take_cell(c);
    if (cell == NULL && !collected) {
        collect();
        cell = class_take_cell(c);
    }
    if (cell == NULL) {
        err_no_memory();
        return NULL;
    }
    gc.budget -= (intptr_t)c->cell_size;
    cell_zero(cell, zero);
    ((Object *)cell)->type = type;
    if (type->flags & TYPE_HAS_FINALIZER) {
        return alloc_register((Object *)cell);
    }
    return (Object *)cell;
}

// `zero_prefix`: how many leading bytes to zero; the rest is left as malloc
// gives it (SIZE_MAX: all of it, through calloc).
__attribute__((noinline)) static Object *alloc_large(Type *type, size_t size,
                                                     size_t zero_prefix) {
    alloc_check_ready();
    if (size > GC_LARGE_MAX) {
        err_no_memory();
        return NULL;
    }
    size = (size + GC_GRANULE - 1) & ~(GC_GRANULE - 1);
    bool collected = false;
    if (gc.budget < (intptr_t)size) {
        collected = alloc_budget_exhausted();
    }
    char *p = NULL;
    for (;;) {
        if (gc.nlarge == gc.large_cap) {
            size_t cap = gc.large_cap ? gc.large_cap * 2 : 64;
            LargeObject *large = realloc(gc.large, cap * sizeof *large);
            if (large != NULL) {
                gc.large = large;
                gc.large_cap = cap;
            }
        }
        if (gc.nlarge < gc.large_cap) {
            if (zero_prefix >= size) {
                p = calloc(1, size);
            } else if ((p = malloc(size)) != NULL) {
                memset(p, 0, zero_prefix);
            }
        }
        if (p != NULL) {
            break;
        }
        if (collected) {
            err_no_memory();
            return NULL;
        }
        collect();
        collected = true;
    }
    if (((uintptr_t)p & 7) != 0) {
        gc_fatal("calloc returned memory that is not 8-byte aligned");
    }
    if (gc.nlarge > 0 && p < gc.large[gc.nlarge - 1].start) {
        gc.large_sorted = false;
    }
    gc.large[gc.nlarge++] = (LargeObject){p, size, false};
    gc.large_bytes += size;
    if (gc.nlarge == 1) {
        gc.large_lo = (uintptr_t)p;
        gc.large_hi = (uintptr_t)p + size;
    } else {
        gc.large_lo = (uintptr_t)p < gc.large_lo ? (uintptr_t)p : gc.large_lo;
        gc.large_hi = (uintptr_t)p + size > gc.large_hi ? (uintptr_t)p + size : gc.large_hi;
    }
    gc.budget -= (intptr_t)size;
    ((Object *)p)->type = type;
    return (Object *)p;
}

// The fast path of a small object: a cell of class c, its first `zero`
// bytes zeroed (a multiple of 16), its header written.
__attribute__((always_inline)) static inline Object *alloc_small(Type *type, SizeClass *c,
                                                                 size_t zero) {
    intptr_t cell_size = c->cell_size;
    char *cell;
    if (GC_LIKELY(gc.budget >= cell_size)) {
        cell = c->free;
        if (GC_LIKELY(cell != NULL)) {
            c->free = (char *)(*(uintptr_t *)cell - 1);
            goto got_cell;
        }
        cell = c->bump;
        if (GC_LIKELY(cell < c->bump_end)) {
            c->bump = cell + cell_size;
            goto got_cell;
        }
    }
    return alloc_small_slow(type, c, zero);
got_cell:
    gc.budget -= cell_size;
    cell_zero(cell, zero);
    ((Object *)cell)->type = type;
    if (GC_UNLIKELY(type->flags & TYPE_HAS_FINALIZER)) {
        return alloc_register((Object *)cell);
    }
    return (Object *)cell;
}

static inline SizeClass *small_class(unsigned kind, size_t size) {
    return &gc.classes[kind][gc_class_of_granules[(size + GC_GRANULE - 1) >> GC_GRANULE_SHIFT]];
}

Object *gc_alloc_data(Type *type, size_t size, size_t prefix) {
    if (size <= GC_SMALL_MAX) {
        // A leaf (an int) whose data the caller writes: only its prefix is
        // zeroed (a 3 KiB int's memset was 9% of pidigits). Other types get
        // whole cells: their TraceFuncs must never see stale words.
        if (!(type->flags & TYPE_GC_LEAF) || prefix >= size) {
            return gc_alloc(type, size);
        }
        return alloc_small(type, small_class(GC_KIND_LEAF, size),
                           (prefix + GC_GRANULE - 1) & ~(GC_GRANULE - 1));
    }
    return alloc_large(type, size, prefix < sizeof(Object) ? sizeof(Object) : prefix);
}

Object *gc_alloc(Type *type, size_t size) {
    if (GC_LIKELY(size <= GC_SMALL_MAX)) {
        SizeClass *c = small_class(gc_kind_of(type), size);
        return alloc_small(type, c, c->cell_size);
    }
    Object *o = alloc_large(type, size, SIZE_MAX);
    if (o != NULL && (type->flags & TYPE_HAS_FINALIZER)) {
        return alloc_register(o);
    }
    return o;
}

// ---- liveness during a collection ---------------------------------------------------------

// After marking: is o (any object pointer) alive? Objects outside the heap
// (static types, None) always are.
static bool object_is_marked(const Object *o) {
    uintptr_t a = (uintptr_t)o;
    Block *b = block_of(a);
    if (b != NULL) {
        return b->cell_size != 0 && block_is_marked(b, block_cell_index(b, a));
    }
    LargeObject *l = large_find(a);
    return l != NULL ? l->marked : true;
}

bool gc_survives(const Object *o) {
    if (!gc.collecting) {
        gc_fatal("gc_survives outside a collection");
    }
    return object_is_marked(o);
}

// Set o's mark bit without queueing it for tracing. False if o is not a
// heap object or was marked already.
static bool mark_bit_only(GcTracer *t, Object *o) {
    uintptr_t a = (uintptr_t)o;
    Block *b = block_of(a);
    if (b != NULL) {
        if (b->cell_size == 0 || (char *)a != block_cell(b, block_cell_index(b, a))) {
            return false;
        }
        uint32_t idx = block_cell_index(b, a);
        if (block_is_marked(b, idx)) {
            return false;
        }
        b->marks[idx >> 6] |= UINT64_C(1) << (idx & 63);
        b->marked++;
        t->marked_bytes += b->cell_size;
        return true;
    }
    LargeObject *l = large_find(a);
    if (l == NULL || l->marked || (char *)a != l->start) {
        return false;
    }
    l->marked = true;
    t->marked_bytes += l->size;
    return true;
}

// Mark o if it is not, and everything it reaches.
static void mark_from(GcTracer *t, Object *o) {
    mark_address(t, (uintptr_t)o, true);
    mark_drain(t);
    mark_recover_overflow(t);
}

// ---- pending work -----------------------------------------------------------------------------
//
// A FIFO of (object, callback) in one malloc'ed array: entries [head, len)
// are queued. A finalizer has callback 0. The queue is a root.

typedef struct PendingEntry {
    Object *obj;
    Value callback;
} PendingEntry;

static struct {
    PendingEntry *items;
    size_t head, len, cap;
    size_t finalizers;       // queued entries with callback 0
} pending;

size_t gc_pending_work;

// Room for n more entries. False if memory is lacking.
static bool pending_reserve(size_t n) {
    if (pending.head > 0 && pending.len + n > pending.cap) {
        memmove(pending.items, pending.items + pending.head,
                (pending.len - pending.head) * sizeof *pending.items);
        pending.len -= pending.head;
        pending.head = 0;
    }
    if (pending.len + n <= pending.cap) {
        return true;
    }
    size_t cap = pending.cap ? pending.cap * 2 : 64;
    while (cap < pending.len + n) {
        cap *= 2;
    }
    PendingEntry *items = realloc(pending.items, cap * sizeof *items);
    if (items == NULL) {
        return false;
    }
    pending.items = items;
    pending.cap = cap;
    return true;
}

// Append an entry; room was reserved.
static void pending_push(Object *obj, Value callback) {
    pending.items[pending.len++] = (PendingEntry){obj, callback};
    gc_pending_work++;
    if (callback == 0) {
        pending.finalizers++;
    }
}

static void pending_trace(GcTracer *t) {
    for (size_t i = pending.head; i < pending.len; i++) {
        mark_address(t, (uintptr_t)pending.items[i].obj, true);
        gc_trace_value(t, pending.items[i].callback);
    }
}

int gc_take_pending(Object **obj, Value *callback) {
    if (pending.head == pending.len) {
        return 0;
    }
    PendingEntry e = pending.items[pending.head++];
    if (pending.head == pending.len) {
        pending.head = pending.len = 0;
    }
    gc_pending_work--;
    if (e.callback == 0) {
        pending.finalizers--;
    }
    *obj = e.obj;
    *callback = e.callback;
    return 1;
}

size_t gc_pending_finalizers(void) {
    return pending.finalizers;
}

// ---- the weak table -------------------------------------------------------------------------
//
// Referent -> first weakref, as an insertion-ordered table (the layout of a
// compact dict): `entries` in the order referents got their first weakref,
// and an open-addressing `index` of entry numbers + 1 (0: empty slot),
// probed linearly from a hash of the address. A removed entry keeps its
// index slot, with referent NULL, until the table is compacted. Insertion
// order makes callbacks of one collection run in a reproducible order:
// by when each dead referent was first weakly referenced.

typedef struct WeakEntry {
    Object *referent;        // NULL: removed
    GcWeakRef *head;
} WeakEntry;

static struct {
    WeakEntry *entries;
    size_t len, cap;         // entries used (removed ones included) and allocated
    size_t removed;
    uint32_t *index;
    size_t index_size;       // a power of two, > len * 4 / 3
} weak;

static inline size_t weak_slot(const Object *o) {
    uint64_t h = ((uint64_t)(uintptr_t)o >> 4) * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & (weak.index_size - 1);
}

// The entry of referent o, or NULL.
static WeakEntry *weak_find(const Object *o) {
    if (weak.index_size == 0) {
        return NULL;
    }
    for (size_t i = weak_slot(o);; i = (i + 1) & (weak.index_size - 1)) {
        uint32_t k = weak.index[i];
        if (k == 0) {
            return NULL;
        }
        if (weak.entries[k - 1].referent == o) {
            return &weak.entries[k - 1];
        }
    }
}

// Drop removed entries (keeping the order) and rebuild the index in place.
static void weak_compact(void) {
    size_t kept = 0;
    for (size_t i = 0; i < weak.len; i++) {
        if (weak.entries[i].referent != NULL) {
            weak.entries[kept++] = weak.entries[i];
        }
    }
    weak.len = kept;
    weak.removed = 0;
    if (weak.index_size == 0) {
        return;
    }
    memset(weak.index, 0, weak.index_size * sizeof *weak.index);
    for (size_t k = 0; k < weak.len; k++) {
        size_t i = weak_slot(weak.entries[k].referent);
        while (weak.index[i] != 0) {
            i = (i + 1) & (weak.index_size - 1);
        }
        weak.index[i] = (uint32_t)(k + 1);
    }
}

// Room for one more entry. False if memory is lacking.
static bool weak_reserve(void) {
    if (weak.removed > 0 && weak.removed >= weak.len / 2) {
        weak_compact();
    }
    if (weak.len == weak.cap) {
        size_t cap = weak.cap ? weak.cap * 2 : 64;
        if (cap > UINT32_MAX - 1) {
            return false;
        }
        WeakEntry *entries = realloc(weak.entries, cap * sizeof *entries);
        if (entries == NULL) {
            return false;
        }
        weak.entries = entries;
        weak.cap = cap;
    }
    if ((weak.len + 1) * 4 > weak.index_size * 3) {
        size_t size = weak.index_size ? weak.index_size * 2 : 128;
        uint32_t *index = malloc(size * sizeof *index);
        if (index == NULL) {
            return false;
        }
        free(weak.index);
        weak.index = index;
        weak.index_size = size;
        weak_compact();
    }
    return true;
}

static void weak_remove(WeakEntry *e) {
    e->referent = NULL;
    e->head = NULL;
    weak.removed++;
}

GcWeakRef *gc_weakrefs_of(const Object *referent) {
    WeakEntry *e = weak_find(referent);
    return e != NULL ? e->head : NULL;
}

int gc_set_weakrefs(Object *referent, GcWeakRef *head) {
    WeakEntry *e = weak_find(referent);
    if (e != NULL) {
        if (head != NULL) {
            e->head = head;
        } else {
            weak_remove(e);
        }
        return 0;
    }
    if (head == NULL) {
        return 0;
    }
    if (!weak_reserve()) {
        err_no_memory();
        return -1;
    }
    size_t k = weak.len++;
    weak.entries[k] = (WeakEntry){referent, head};
    size_t i = weak_slot(referent);
    while (weak.index[i] != 0) {
        i = (i + 1) & (weak.index_size - 1);
    }
    weak.index[i] = (uint32_t)(k + 1);
    return 0;
}

// After marking and finalization: clear the weakrefs of dead referents
// (queueing the callbacks of live weakrefs), unlink dead weakrefs.
static void weak_process(void) {
    for (size_t k = 0; k < weak.len; k++) {
        WeakEntry *e = &weak.entries[k];
        if (e->referent == NULL) {
            continue;
        }
        if (object_is_marked(e->referent)) {
            GcWeakRef **link = &e->head;
            while (*link != NULL) {
                GcWeakRef *w = *link;
                if (object_is_marked(&w->header)) {
                    link = &w->next;
                } else {
                    *link = w->next;
                }
            }
            if (e->head == NULL) {
                weak_remove(e);
            }
            continue;
        }
        for (GcWeakRef *w = e->head, *next; w != NULL; w = next) {
            next = w->next;
            w->referent = NULL;
            w->next = NULL;
            if (w->callback != 0 && object_is_marked(&w->header)) {
                // A callback that cannot be queued (no memory) is lost, as
                // the weakref is cleared regardless.
                if (pending_reserve(1)) {
                    pending_push(&w->header, w->callback);
                }
                w->callback = 0;
            }
        }
        weak_remove(e);
    }
    if (weak.removed > 0) {
        weak_compact();
    }
}

int gc_weak_callback_any(int (*pred)(Value callback)) {
    for (size_t i = 0; i < weak.len; i++) {
        if (!weak.entries[i].referent) {
            continue;
        }
        for (GcWeakRef *w = weak.entries[i].head; w; w = w->next) {
            if (w->callback && pred(w->callback)) {
                return 1;
            }
        }
    }
    return 0;
}

// ---- finalizers ------------------------------------------------------------------------------

static struct {
    Object **objs;           // registered, in registration order
    size_t len, cap;
} fin;

int gc_register_finalizer(Object *o) {
    if (fin.len == fin.cap) {
        size_t cap = fin.cap ? fin.cap * 2 : 64;
        Object **objs = realloc(fin.objs, cap * sizeof *objs);
        if (objs == NULL) {
            err_no_memory();
            return -1;
        }
        fin.objs = objs;
        fin.cap = cap;
    }
    fin.objs[fin.len++] = o;
    return 0;
}

bool gc_unregister_recent_finalizer(Object *o) {
    for (size_t k = 0; k < 8 && k < fin.len; k++) {
        size_t i = fin.len - 1 - k;
        if (fin.objs[i] == o) {
            memmove(&fin.objs[i], &fin.objs[i + 1], k * sizeof *fin.objs);
            fin.len--;
            return true;
        }
    }
    return false;
}

size_t gc_finalizer_count(void) {
    return fin.len;
}

int gc_finalizer_any(int (*pred)(const Object *o)) {
    for (size_t i = 0; i < fin.len; i++) {
        if (pred(fin.objs[i])) {
            return 1;
        }
    }
    return 0;
}

int gc_finalizer_registered(const Object *o) {
    for (size_t i = 0; i < fin.len; i++) {
        if (fin.objs[i] == o) {
            return 1;
        }
    }
    return 0;
}

// After marking: queue every unreachable registered object and resurrect it
// with all it reaches (see gc.h). Those reached from none of the others go
// first.
static void finalizers_resurrect(GcTracer *t) {
    size_t unreachable = 0;
    for (size_t i = 0; i < fin.len; i++) {
        unreachable += !object_is_marked(fin.objs[i]);
    }
    if (unreachable == 0) {
        return;
    }
    if (!pending_reserve(unreachable)) {
        // No memory to queue them: resurrect them unqueued, retry next time.
        for (size_t i = 0; i < fin.len; i++) {
            mark_from(t, fin.objs[i]);
        }
        return;
    }
    size_t first = pending.len, kept = 0;
    for (size_t i = 0; i < fin.len; i++) {
        Object *o = fin.objs[i];
        if (object_is_marked(o)) {
            fin.objs[kept++] = o;
        } else {
            pending_push(o, 0);
        }
    }
    fin.len = kept;
    // Trace what they hold, not themselves: afterwards a marked one is
    // reachable from another (or from itself, through a cycle).
    for (size_t k = first; k < pending.len; k++) {
        mark_trace_object(t, pending.items[k].obj);
        mark_drain(t);
    }
    mark_recover_overflow(t);
    // (Not for gc_collect_hiding: CPython's exit collection finalizes its
    // one big garbage cycle in creation order.)
    PendingEntry *order = gc.hidden ? NULL : malloc(unreachable * sizeof *order);
    if (order != NULL) {
        size_t n = 0;
        for (int reached = 0; reached < 2; reached++) {
            for (size_t k = first; k < pending.len; k++) {
                if (object_is_marked(pending.items[k].obj) == (reached == 1)) {
                    order[n++] = pending.items[k];
                }
            }
        }
        memcpy(pending.items + first, order, n * sizeof *order);
        free(order);
    }
    for (size_t k = first; k < pending.len; k++) {
        mark_from(t, pending.items[k].obj);
    }
}

// ---- counting and walking the heap ----------------------------------------------------------

// During a collection, after marking, before sweeping: objects not marked.
static size_t count_unmarked(void) {
    size_t n = 0;
    for (size_t i = 0; i < gc.nblocks; i++) {
        Block *b = gc.blocks[i];
        if (b->cell_size == 0) {
            continue;
        }
        for (uint32_t idx = 0; idx < b->alloc_limit; idx++) {
            if (!block_is_marked(b, idx) && header_is_object(*(uintptr_t *)block_cell(b, idx))) {
                n++;
            }
        }
    }
    for (size_t i = 0; i < gc.nlarge; i++) {
        n += !gc.large[i].marked;
    }
    return n;
}

// gc_visit_referents; with `with_private`, gc_trace_private's objects too:
// what o keeps alive.
static void visit_referents(Object *o, void (*visit)(Value v, void *arg), void *arg,
                            bool with_private) {
    GcTracer t = {.visit = visit, .visit_arg = arg, .current = o, .visit_private = with_private};
    if (o->type->flags & TYPE_HEAP) {
        visit(val_from_ptr(o->type), arg);
    }
    if (o->type->trace != NULL) {
        o->type->trace(o, &t);
    }
}

void gc_visit_referents(Object *o, void (*visit)(Value v, void *arg), void *arg) {
    visit_referents(o, visit, arg, false);
}

Object **gc_heap_objects(size_t *n) {
    *n = 0;
    if (!gc.initialized) {
        return NULL;
    }
    size_t cap = 1024, len = 0;
    Object **objs = malloc(cap * sizeof *objs);
    if (objs == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < gc.nblocks + 1; i++) {
        // The blocks, then the large objects as a last "block".
        size_t count;
        if (i < gc.nblocks) {
            Block *b = gc.blocks[i];
            count = b->cell_size == 0 ? 0 : b->alloc_limit;
            SizeClass *c = &gc.classes[b->kind][b->size_class];
            if (b->cell_size != 0 && c->bump_block == b) {
                count = (size_t)(c->bump - b->start) / b->cell_size;
            }
        } else {
            count = gc.nlarge;
        }
        for (size_t idx = 0; idx < count; idx++) {
            Object *o;
            if (i < gc.nblocks) {
                Block *b = gc.blocks[i];
                char *cell = block_cell(b, (uint32_t)idx);
                if (!header_is_object(*(uintptr_t *)cell) ||
                    (!b->swept && !block_is_marked(b, (uint32_t)idx))) {
                    continue;
                }
                o = (Object *)cell;
            } else {
                o = (Object *)gc.large[idx].start;
            }
            if (len == cap) {
                Object **more = realloc(objs, cap * 2 * sizeof *objs);
                if (more == NULL) {
                    free(objs);
                    return NULL;
                }
                objs = more;
                cap *= 2;
            }
            objs[len++] = o;
        }
    }
    *n = len;
    return objs;
}

// ---- collection ----------------------------------------------------------------------------

// Before marking: no cell is handed out, and every dead object of the last
// collection has lost its header.
static void heap_prepare(void) {
    for (int f = 0; f < GC_KINDS; f++) {
        for (size_t k = 0; k < GC_NCLASSES; k++) {
            SizeClass *c = &gc.classes[f][k];
            class_retire_bump(c);
            c->free = NULL;
            c->tails = NULL;
            while (c->unswept != NULL) {
                Block *b = c->unswept;
                c->unswept = b->next;
                size_t nfree = 0;
                sweep_block(b, NULL, false, &nfree);
            }
        }
    }
    large_sort();
}

// Return empty blocks to the OS beyond what the next budget can use.
static void heap_trim_pool(void) {
    size_t keep = gc.next_budget / GC_BLOCK_SIZE + GC_POOL_SLACK;
    while (gc.nempty > keep) {
        Block *b = gc.empty;
        gc.empty = b->next;
        gc.nempty--;
        block_release(b);
    }
}

// -X gc-stats: the footprint right before a collection is the heap's peak
// since the previous one.
static void stats_note_peak(void) {
    size_t blocks = gc.nblocks - gc.nempty;
    gc.peak_blocks = blocks > gc.peak_blocks ? blocks : gc.peak_blocks;
    gc.peak_large = gc.large_bytes > gc.peak_large ? gc.large_bytes : gc.peak_large;
    struct mallinfo2 mi = mallinfo2();
    size_t used = mi.uordblks + mi.hblkhd;
    gc.peak_malloc = used > gc.peak_malloc ? used : gc.peak_malloc;
}

static void stats_report(void) {
    if (!gc.collecting) {
        budget_fold();
    }
    stats_note_peak();
    double mib = 1024.0 * 1024.0;
    fprintf(stderr,
            "gc-stats: %zu collections (mark %.1f ms, sweep %.1f ms); peak: blocks in use %.1f "
            "MiB, large objects %.1f MiB, malloc in use %.1f MiB, live after a collection %.1f "
            "MiB; allocated %.1f MiB; least budget %.1f MiB\n",
            gc.collections, (double)gc.mark_ns / 1e6, (double)gc.sweep_ns / 1e6,
            (double)gc.peak_blocks * GC_BLOCK_SIZE / mib, (double)gc.peak_large / mib,
            (double)gc.peak_malloc / mib, (double)gc.peak_live / mib,
            (double)gc.allocated_total / mib, (double)gc.min_budget / mib);
    if (gc.permanent != NULL) {
        size_t pinned = 0;
        for (size_t i = 0; i < gc.nblocks; i++) {
            pinned += gc.blocks[i]->cell_size != 0 ? gc.blocks[i]->npins : 0;
        }
        fprintf(stderr, "gc-stats: startup heap: %zu objects pinned, %zu of them listed as "
                "changeable, %zu traced by the last collection\n", pinned, gc.npermanent,
                gc.permanent_traced);
    }
}

void gc_report_at_exit(void) {
    if (!gc.stats) {
        gc.stats = true;
        atexit(stats_report);
    }
}

static uint64_t cpu_now_ns(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) {
        return 0;
    }
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// The adaptive least budget: when marking has cost more than GC_COST_HIGH
// per mille of the CPU time (a moving average over the last few
// collections, each sample capped relative to it, so that one collection
// slowed by the OS does not decide),
// the budget doubles (up to GC_MIN_BUDGET); under GC_COST_LOW it halves
// (down to GC_MIN_BUDGET_FLOOR). The average is rescaled with the budget:
// twice the budget, half the share. A small heap is cheap to mark, so it
// is collected often and stays small; a heap whose marking costs (many
// live objects reached from the roots) gets room to amortize it.
static void budget_adapt(uint64_t start, uint64_t end) {
    if (gc.min_budget_fixed || start == 0 || end < start || start < gc.mutator_start) {
        return;
    }
    // sweeping costs the same per byte allocated whatever the budget: only
    // marking, repeated at every collection, counts
    uint64_t cost = end - start, mutator = start - gc.mutator_start;
    uint64_t share = mutator == 0 ? 1000 : cost * 1000 / mutator;
    // One sample counts for at most twice the average (plus 1%): a single
    // collection slowed by the host moves the average by a quarter at most,
    // while a share that stays high still gets there in a few collections.
    // (Peak RSS is a maximum: one needless doubling is never taken back.)
    uint64_t cap = 2 * gc.mark_share + 10;
    share = share > cap ? cap : share;
    gc.mark_share = (3 * gc.mark_share + share) / 4;
    if (gc.mark_share > GC_COST_HIGH && gc.min_budget < GC_MIN_BUDGET) {
        gc.min_budget *= 2;
        gc.mark_share /= 2;
    } else if (gc.mark_share < GC_COST_LOW && gc.min_budget > GC_MIN_BUDGET_FLOOR) {
        gc.min_budget /= 2;
        gc.mark_share *= 2;
    }
}

// Pinned cells start every collection marked: never traced, never swept.
static void mark_pinned(GcTracer *t) {
    for (size_t i = 0; i < gc.nblocks; i++) {
        Block *b = gc.blocks[i];
        if (b->pins == NULL || b->cell_size == 0) {
            continue;
        }
        for (uint32_t w = 0; w < (b->cell_count + 63) / 64; w++) {
            b->marks[w] |= b->pins[w];
        }
        b->marked += b->npins;
        t->marked_bytes += (size_t)b->npins * b->cell_size;
    }
}

bool gc_pin(Object *o) {
    Block *b = block_of((uintptr_t)o);
    if (b == NULL || b->cell_size == 0 || gc.collecting) {
        return false;
    }
    uint32_t idx = block_cell_index(b, (uintptr_t)o);
    if (block_cell(b, idx) != (char *)o) {
        return false;
    }
    return pin_cell(b, idx);
}

// ---- the startup heap ----------------------------------------------------------------------

static bool pin_cell(Block *b, uint32_t idx) {
    if (b->pins == NULL) {
        b->pins = calloc(GC_MAX_CELLS / 64, sizeof(uint64_t));
        if (b->pins == NULL) {
            return false;
        }
    }
    uint64_t bit = UINT64_C(1) << (idx & 63);
    if (!(b->pins[idx >> 6] & bit)) {
        b->pins[idx >> 6] |= bit;
        b->npins++;
    }
    return true;
}

// A referent is permanent: outside the heap (a static object), or pinned.
static bool is_permanent(uintptr_t a) {
    Block *b = block_of(a);
    if (b == NULL) {
        return large_find(a) == NULL;
    }
    uint32_t idx = block_cell_index(b, a);
    return b->pins != NULL && (b->pins[idx >> 6] >> (idx & 63)) & 1;
}

static void permanent_check(Value v, void *arg) {
    if (val_is_ptr(v) && !is_permanent((uintptr_t)v)) {
        *(bool *)arg = false;
    }
}

// Whether o references only permanent objects (private ones included).
static bool references_only_permanent(Object *o) {
    bool all = true;
    visit_referents(o, permanent_check, &all, true);
    return all;
}

static void permanent_add(Object *o) {
    if (gc.npermanent == gc.permanent_cap) {
        size_t cap = gc.permanent_cap ? 2 * gc.permanent_cap : 1024;
        Permanent *a = realloc(gc.permanent, cap * sizeof *a);
        if (a == NULL) {
            gc_fatal("out of memory listing the startup heap");
        }
        gc.permanent = a;
        gc.permanent_cap = cap;
    }
    GcStampFunc stamp = o->type->gc_stamp;
    gc.permanent[gc.npermanent++] = (Permanent){
        .o = o,
        .stamp = stamp != NULL ? stamp(o) : 0,
        .clean = stamp != NULL && references_only_permanent(o),
    };
}

void gc_seal_startup(Object *keep) {
    if (!gc.initialized || gc.collecting || gc.seal_pending || gc.permanent != NULL) {
        return;
    }
    gc.seal_keep = keep;
    heap_prepare();
    for (size_t i = 0; i < gc.nblocks; i++) {
        Block *b = gc.blocks[i];
        b->startup_limit = b->cell_size == 0 ? 0 : b->alloc_limit;
    }
    gc.seal_pending = true;
}

// The first collection after gc_seal_startup, once marking is complete: pin
// the live startup objects, then list the pinned ones to trace from now on.
static void seal_snapshot(void) {
    gc.seal_pending = false;
    Object **fresh = NULL;
    size_t nfresh = 0, capfresh = 0;
    for (size_t i = 0; i < gc.nblocks; i++) {
        Block *b = gc.blocks[i];
        uint32_t limit = b->startup_limit;
        b->startup_limit = 0;
        if (b->cell_size == 0 || limit == 0) {
            continue;
        }
        limit = limit < b->cell_count ? limit : b->cell_count;
        for (uint32_t idx = 0; idx < limit; idx++) {
            if (!block_is_marked(b, idx)) {
                continue;
            }
            Object *o = (Object *)block_cell(b, idx);
            if (o == gc.seal_keep || (o->type->flags & TYPE_HAS_FINALIZER) || gc_finalizer_registered(o) ||
                gc_weakrefs_of(o) != NULL || !pin_cell(b, idx)) {
                continue;
            }
            if (o->type->flags & TYPE_GC_LEAF) {
                continue;  // references nothing (in a leaf block, or made before type_ready)
            }
            if (nfresh == capfresh) {
                capfresh = capfresh ? 2 * capfresh : 4096;
                Object **a = realloc(fresh, capfresh * sizeof *a);
                if (a == NULL) {
                    gc_fatal("out of memory pinning the startup heap");
                }
                fresh = a;
            }
            fresh[nfresh++] = o;
        }
    }
    // Only now is every pin known: an unchangeable object needs tracing if
    // it references something that is not permanent.
    for (size_t i = 0; i < nfresh; i++) {
        Object *o = fresh[i];
        if (!(o->type->flags & TYPE_GC_IMMUTABLE) || !references_only_permanent(o)) {
            permanent_add(o);
        }
    }
    free(fresh);
    gc.seal_keep = NULL;
}

// Trace the permanent objects that may reference something not permanent.
// A stamped one is checked again only when its stamp moved: what is not
// permanent never becomes permanent, so an unchanged object's answer holds.
static void mark_permanent(GcTracer *t) {
    size_t traced = 0;
    for (size_t i = 0; i < gc.npermanent; i++) {
        Permanent *p = &gc.permanent[i];
        GcStampFunc stamp = p->o->type->gc_stamp;
        if (stamp != NULL) {
            uint64_t now = stamp(p->o);
            if (now != p->stamp) {
                p->stamp = now;
                p->clean = references_only_permanent(p->o);
            }
            if (p->clean) {
                continue;
            }
        }
        mark_trace_object(t, p->o);
        traced++;
    }
    gc.permanent_traced = traced;
}

static void collect(void) {
    if (gc.collecting) {
        gc_fatal("a collection started inside a collection");
    }
    gc.collecting = true;
    budget_fold();
    gc.budget = gc.budget_start = INTPTR_MIN;

    if (gc.stats) {
        stats_note_peak();
    }
    heap_prepare();
    uint64_t mark_start = cpu_now_ns();
    GcTracer *t = &gc.tracer;
    t->marked_bytes = 0;
    // gc_collect_hiding: the hidden object counts as marked while the roots
    // are traced, so that marking stops at it; it is traced after the
    // finalizers are queued.
    mark_pinned(t);
    bool hid = gc.hidden != NULL && mark_bit_only(t, gc.hidden);
    mark_permanent(t);
    mark_roots(t);
    mark_drain(t);
    mark_recover_overflow(t);
    uint64_t mark_end = cpu_now_ns();
    size_t resurrected = pending.finalizers;
    finalizers_resurrect(t);
    resurrected = pending.finalizers - resurrected;
    if (hid) {
        mark_trace_object(t, gc.hidden);
        mark_drain(t);
        mark_recover_overflow(t);
    }
    weak_process();
    for (size_t i = 0; i < gc.nsweep_hooks; i++) {
        gc.sweep_hooks[i]();
    }
    if (gc.seal_pending) {
        seal_snapshot();
    }
    if (gc.count_dead) {
        gc.dead_count = count_unmarked() + resurrected;
    }
    sweep_after_mark();

    gc.live_bytes = t->marked_bytes;
    gc.collections++;
    budget_adapt(mark_start, mark_end);
    gc.mutator_start = cpu_now_ns();
    if (gc.stats) {
        gc.mark_ns += mark_end - mark_start;
        gc.sweep_ns += gc.mutator_start - mark_end;
        gc.peak_live = gc.live_bytes > gc.peak_live ? gc.live_bytes : gc.peak_live;
    }
    size_t next = gc.live_bytes / 100 * GC_GROWTH_PERCENT;
    next = next < gc.min_budget ? gc.min_budget : next;
    gc.next_budget = next > (size_t)INTPTR_MAX / 2 ? (size_t)INTPTR_MAX / 2 : next;
    heap_trim_pool();
    gc.collecting = false;
    budget_reset();
    gc.allocated_at_collection = gc.allocated_total;
}

// Zero the C stack below the caller's frame. An explicit collection comes
// after calls that have returned (a finalizer, the code that dropped the
// last reference): their dead frames lie where the collector's own frames
// will be, and whatever slots those leave unwritten would be scanned as
// roots. Not instrumented: ASan would put redzones around buf.
__attribute__((noinline, no_sanitize_address)) void gc_scrub_stack(void) {
    char buf[GC_SCRUB_BYTES];
    memset(buf, 0, sizeof buf);
    __asm__ volatile("" : : "r"(buf) : "memory");
}

void gc_collect(void) {
    if (!gc.initialized) {
        return;
    }
    gc_scrub_stack();
    collect();
}

void gc_collect_hiding(Object *hidden) {
    if (!gc.initialized) {
        return;
    }
    gc_scrub_stack();
    gc.hidden = hidden;
    collect();
    gc.hidden = NULL;
}

size_t gc_collect_count(void) {
    if (!gc.initialized) {
        return 0;
    }
    gc_scrub_stack();
    gc.count_dead = true;
    gc.dead_count = 0;
    collect();
    gc.count_dead = false;
    return gc.dead_count;
}

// ---- setup, knobs and queries -----------------------------------------------------------------

void gc_init(void *stack_base) {
    if (gc.initialized) {
        return;
    }
    // Large objects are malloc'ed and die in batches at a sweep: glibc would
    // give the top of its heap back to the OS after each batch and fault the
    // pages in again for the next one (a third of the time of a loop that
    // grows a 30 KB int), and mmap every block over 128 KiB afresh.
    mallopt(M_TRIM_THRESHOLD, GC_MALLOC_TRIM);
    mallopt(M_MMAP_THRESHOLD, GC_MALLOC_MMAP);
    size_t k = 0;
    for (size_t g = 0; g <= GC_SMALL_MAX / GC_GRANULE; g++) {
        while (gc_class_sizes[k] < g * GC_GRANULE) {
            k++;
        }
        gc_class_of_granules[g] = (uint8_t)k;
    }
    for (int f = 0; f < GC_KINDS; f++) {
        for (k = 0; k < GC_NCLASSES; k++) {
            SizeClass *c = &gc.classes[f][k];
            memset(c, 0, sizeof *c);
            c->cell_size = gc_class_sizes[k];
            c->index = (uint8_t)k;
            c->kind = (uint8_t)f;
        }
    }
    gc.tracer.cap = GC_MARK_STACK_INITIAL < GC_MARK_STACK_LIMIT ? GC_MARK_STACK_INITIAL
                                                                 : GC_MARK_STACK_LIMIT;
    gc.tracer.stack = malloc(gc.tracer.cap * sizeof *gc.tracer.stack);
    if (gc.tracer.stack == NULL) {
        gc_fatal("out of memory at start-up");
    }
    // The word at stack_base itself may hold a pointer: scan up to past it.
    gc.stack_base = ((uintptr_t)stack_base & ~(uintptr_t)7) + sizeof(uintptr_t);
    gc.large_sorted = true;
    gc.enabled = true;
    gc.min_budget = GC_MIN_BUDGET_FLOOR;
    gc.next_budget = GC_MIN_BUDGET_FLOOR;
    gc.mutator_start = cpu_now_ns();
    gc.initialized = true;
    budget_reset();
}

void gc_set_stress(unsigned every) {
    gc.stress_every = every;
    gc.stress_count = 0;
    if (gc.initialized && !gc.collecting) {
        budget_reset();
    }
}

void gc_enable(int on) {
    gc.enabled = on != 0;
    if (gc.initialized && !gc.collecting) {
        budget_reset();
    }
}

Object *gc_find_object(const void *p) {
    if (!gc.initialized) {
        return NULL;
    }
    uintptr_t a = (uintptr_t)p;
    Block *b = block_of(a);
    if (b != NULL) {
        if (b->cell_size == 0) {
            return NULL;
        }
        uint32_t idx = block_cell_index(b, a);
        uint32_t limit = b->alloc_limit;
        SizeClass *c = &gc.classes[b->kind][b->size_class];
        if (c->bump_block == b) {
            limit = (uint32_t)((size_t)(c->bump - b->start) / b->cell_size);
        }
        char *cell = block_cell(b, idx);
        if (idx >= limit || !header_is_object(*(const uintptr_t *)cell)) {
            return NULL;
        }
        if (!b->swept && !block_is_marked(b, idx)) {
            return NULL;  // died in the last collection, not swept yet
        }
        return (Object *)cell;
    }
    large_sort();
    LargeObject *l = large_find(a);
    return l != NULL ? (Object *)l->start : NULL;
}

void gc_get_stats(GcStats *out) {
    if (gc.initialized && !gc.collecting) {
        budget_fold();
    }
    out->collections = gc.collections;
    out->heap_bytes = gc.nblocks * GC_BLOCK_SIZE + gc.large_bytes;
    out->live_bytes = gc.live_bytes;
    out->allocated_bytes = gc.allocated_total;
    out->allocated_since = gc.allocated_total - gc.allocated_at_collection;
    out->budget = gc.next_budget;
}

void gc_set_min_budget(size_t bytes) {
    gc.min_budget_fixed = bytes != 0;
    gc.min_budget = bytes ? bytes : GC_MIN_BUDGET_FLOOR;
    if (gc.initialized && !gc.collecting) {
        size_t next = gc.live_bytes / 100 * GC_GROWTH_PERCENT;
        next = next < gc.min_budget ? gc.min_budget : next;
        gc.next_budget = next > (size_t)INTPTR_MAX / 2 ? (size_t)INTPTR_MAX / 2 : next;
        budget_reset();
    }
}

// ---- giving a cell back early ---------------------------------------------------------------

// The cell goes to the head of its class's free list, as the sweep would put
// it there, and its bytes go back to the budget (not in stress mode, whose
// budget must stay 0). A block still waiting for its lazy sweep may hold it
// marked: that sweep skips marked cells, so the cell is never listed twice.
bool gc_free_dead(Object *o) {
    uintptr_t a = (uintptr_t)o;
    Block *b = block_of(a);
    if (b == NULL || b->cell_size == 0 || gc.collecting || gc.objects_exposed ||
        b->kind == GC_KIND_FINALIZABLE || (o->type->flags & TYPE_HAS_FINALIZER)) {
        return false;
    }
    uint32_t idx = block_cell_index(b, a);
    if ((char *)o != block_cell(b, idx) || idx < b->startup_limit ||
        (b->pins && ((b->pins[idx >> 6] >> (idx & 63)) & 1)) || weak_find(o) != NULL) {
        return false;
    }
    SizeClass *c = &gc.classes[b->kind][b->size_class];
    *(uintptr_t *)o = (uintptr_t)c->free | 1;
    c->free = (char *)o;
    if (!gc.stress_every && gc.budget >= 0) {
        gc.budget += b->cell_size;
    }
    return true;
}

void gc_note_objects_exposed(void) { gc.objects_exposed = true; }
