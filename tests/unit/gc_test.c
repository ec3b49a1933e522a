// gc_test.c - unit tests and allocation benchmarks for src/runtime/gc.c.
//
//   gc_test [quick|full] [scale] [seed]
// Prints "PASS name" / "FAIL name: why" per test, "perf: ..." lines (not in
// quick mode), and ends with "gc_test: N passed, N failed" (gc_test.sh adds
// the runs up). `scale` (default 1.0) multiplies the sizes of the big tests.
//
// Test-only types: TNode (an id, a check word, `nfields` traced Values and a
// byte pattern up to its size) in a plain variant (no FreeFunc) and a
// finalizable one whose FreeFunc records the id as freed (twice = error), plus
// class objects made at run time ("heap types") whose instances are TNodes.
// Pointers that must not keep an object alive are kept XOR-ed with HIDE in
// memory the collector does not scan (C globals are not roots unless
// registered), and the stack below the current frame is cleared before a
// collection so that stale copies do not retain them. Conservative scanning
// may still retain a stray object, so "reclaimed" checks allow SLACK misses.
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime/gc.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

// The conservative stack scan cannot see ASan's fake stack frames; the huge
// allocation test wants NULL from malloc rather than an ASan report.
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    return "detect_stack_use_after_return=0:allocator_may_return_null=1";
}

// ---- stand-ins for runtime/error.c --------------------------------------------------

static int no_memory_calls;
Value err_no_memory(void) {
    no_memory_calls++;
    return 0;
}

// ---- test bookkeeping ----------------------------------------------------------------

static int tests_passed, tests_failed;
static int test_errors;
static char test_first_error[512];

static void expect_(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void expect_(int ok, const char *fmt, ...) {
    if (ok) {
        return;
    }
    if (test_errors++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(test_first_error, sizeof test_first_error, fmt, ap);
        va_end(ap);
    }
}
#define EXPECT(cond, ...) expect_((cond), __VA_ARGS__)

static void run_test(const char *name, void (*fn)(void)) {
    test_errors = 0;
    fn();
    if (test_errors == 0) {
        printf("PASS %s\n", name);
        tests_passed++;
    } else {
        printf("FAIL %s: %s (%d errors)\n", name, test_first_error, test_errors);
        tests_failed++;
    }
    fflush(stdout);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double scale = 1.0;
static size_t scaled(size_t n) {
    size_t s = (size_t)((double)n * scale);
    return s ? s : 1;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rng(void) {  // xorshift64*
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

#define HIDE ((uintptr_t)0xA5A5A5A5A5A5A5A5u)
#define SLACK 8

// Zero the stack below the caller so that dead frames' pointers are gone.
// Not instrumented: ASan would put redzones, which memset skips, around buf.
__attribute__((noinline, no_sanitize_address)) static void clear_stack(void) {
    char buf[64 * 1024];
    memset(buf, 0, sizeof buf);
    __asm__ volatile("" : : "r"(buf) : "memory");
}

__attribute__((noinline)) static void collect_clean(void) {
    clear_stack();
    gc_collect();
}

// ---- TNode --------------------------------------------------------------------------

typedef struct TNode {
    Object header;
    uint64_t id;
    uint32_t size;      // as requested from gc_alloc
    uint32_t nfields;
    uint64_t check;
    Value f[];          // nfields traced Values, then a byte pattern up to `size`
} TNode;

static uint8_t *freed;  // by id: 1 after the FreeFunc ran
static size_t freed_cap;
static uint64_t next_id = 1;
static size_t free_calls, double_frees, bad_frees;

static uint64_t tnode_check(const TNode *n) {
    return n->id * 0x9E3779B97F4A7C15u ^ n->size ^ ((uint64_t)n->nfields << 40);
}

static uint8_t *tnode_bytes(TNode *n, size_t *len) {
    size_t start = sizeof(TNode) + n->nfields * sizeof(Value);
    *len = n->size > start ? n->size - start : 0;
    return (uint8_t *)n + start;
}

static void tnode_trace(Object *o, GcTracer *t) {
    TNode *n = (TNode *)o;
    gc_trace_values(t, n->f, n->nfields);
}

static void tnode_free(Object *o) {
    TNode *n = (TNode *)o;
    free_calls++;
    if (n->check != tnode_check(n) || n->id >= next_id) {
        bad_frees++;
        return;
    }
    if (freed[n->id]) {
        double_frees++;
    }
    freed[n->id] = 1;
}

static Type tnode_plain = {.name = "tnode_plain", .trace = tnode_trace};
static Type tnode_fin = {.name = "tnode_fin", .trace = tnode_trace, .free = tnode_free};

// Class objects made at run time: instances of `meta`, whose FreeFunc (like a
// real type's) tears down what the type owns - but never its `free` slot.
static size_t meta_frees;
static void meta_free(Object *o) {
    Type *t = (Type *)o;
    meta_frees++;
    t->name = "<freed heap type>";
    t->trace = NULL;  // a dead type's instances must not need it any more
}
static void meta_trace(Object *o, GcTracer *t) {
    Type *type = (Type *)o;
    gc_trace_object(t, (Object *)type->base);
    gc_trace_value(t, type->dict);
}
static Type meta_type = {.name = "meta", .trace = meta_trace, .free = meta_free};

static Type *new_heap_type(void) {
    Type *t = (Type *)gc_alloc(&meta_type, sizeof(Type));
    if (t == NULL) {
        return NULL;
    }
    t->name = "heap_tnode";
    t->trace = tnode_trace;
    t->free = tnode_free;
    t->basic_size = sizeof(TNode);
    return t;
}

static TNode *new_tnode_of(Type *type, size_t nfields, size_t size) {
    size_t min = sizeof(TNode) + nfields * sizeof(Value);
    if (size < min) {
        size = min;
    }
    TNode *n = (TNode *)gc_alloc(type, size);
    if (n == NULL) {
        return NULL;
    }
    if (next_id >= freed_cap) {
        size_t cap = freed_cap ? freed_cap * 2 : 1 << 20;
        freed = realloc(freed, cap);
        memset(freed + freed_cap, 0, cap - freed_cap);
        freed_cap = cap;
    }
    n->id = next_id++;
    n->size = (uint32_t)size;
    n->nfields = (uint32_t)nfields;
    n->check = tnode_check(n);
    size_t len;
    uint8_t *bytes = tnode_bytes(n, &len);
    for (size_t i = 0; i < len; i++) {
        bytes[i] = (uint8_t)(n->id * 31 + i);
    }
    return n;
}

static TNode *new_tnode(bool fin, size_t nfields, size_t size) {
    return new_tnode_of(fin ? &tnode_fin : &tnode_plain, nfields, size);
}

// Whether n looks exactly as built (its fields may have changed).
static bool tnode_intact(TNode *n) {
    Type *type = n->header.type;
    if (type == NULL || type->trace != tnode_trace || n->check != tnode_check(n)) {
        return false;
    }
    size_t len;
    uint8_t *bytes = tnode_bytes(n, &len);
    for (size_t i = 0; i < len; i += (len > 64 ? len / 16 : 1)) {
        if (bytes[i] != (uint8_t)(n->id * 31 + i)) {
            return false;
        }
    }
    return len == 0 || bytes[len - 1] == (uint8_t)(n->id * 31 + len - 1);
}

static Value vp(void *p) {
    return val_from_ptr(p);
}
static TNode *tp(Value v) {
    return (TNode *)val_ptr(v);
}

// ---- a root provider over an array of slots ---------------------------------------------

#define NSLOTS 64
static Value slots[NSLOTS];
static void slots_provide(GcTracer *t) {
    gc_trace_values(t, slots, NSLOTS);
}

// ---- tests ------------------------------------------------------------------------------

// Make `n` finalizable nodes nobody references; return their first id.
__attribute__((noinline)) static uint64_t make_garbage(size_t n, size_t size) {
    uint64_t first = next_id;
    for (size_t i = 0; i < n; i++) {
        new_tnode(true, 2, size);
    }
    return first;
}

static size_t count_freed(uint64_t first, uint64_t end) {
    size_t c = 0;
    for (uint64_t id = first; id < end; id++) {
        c += freed[id];
    }
    return c;
}

static void test_stack_roots_survive(void) {
    TNode *volatile keep[64];
    for (int i = 0; i < 64; i++) {
        keep[i] = new_tnode(i & 1, 2, 48 + (size_t)i * 40);
    }
    // a chain that only its head on the stack keeps alive
    TNode *volatile head = new_tnode(true, 2, 48);
    TNode *n = head;
    for (int i = 0; i < 100; i++) {
        TNode *next = new_tnode(true, 2, 64);
        n->f[0] = vp(next);
        n = next;
    }
    n = NULL;
    for (int round = 0; round < 3; round++) {
        make_garbage(scaled(100000), 48);
        collect_clean();
    }
    for (int i = 0; i < 64; i++) {
        EXPECT(tnode_intact(keep[i]) && !freed[keep[i]->id], "stack-held node %d lost", i);
    }
    int len = 0;
    for (TNode *m = head; m != NULL; m = val_is_ptr(m->f[0]) ? tp(m->f[0]) : NULL) {
        EXPECT(tnode_intact(m) && !freed[m->id], "chain node %d lost", len);
        len++;
    }
    EXPECT(len == 101, "chain has %d nodes, want 101", len);
}

static Value root_a;

__attribute__((noinline)) static void build_list_at(Value *root, size_t n, bool fin) {
    for (size_t i = 0; i < n; i++) {
        TNode *node = new_tnode(fin, 2, 48);
        node->f[0] = *root;
        *root = vp(node);
    }
}

static size_t list_length_intact(Value v, size_t *broken) {
    size_t len = 0;
    for (; val_is_ptr(v); v = tp(v)->f[0]) {
        if (!tnode_intact(tp(v)) || freed[tp(v)->id]) {
            (*broken)++;
        }
        len++;
    }
    return len;
}

static void test_registered_roots(void) {
    static bool registered;
    if (!registered) {
        gc_add_root(&root_a);
        registered = true;
    }
    uint64_t first = next_id;
    build_list_at(&root_a, 1000, true);
    uint64_t end = next_id;
    collect_clean();
    collect_clean();
    size_t broken = 0;
    EXPECT(list_length_intact(root_a, &broken) == 1000 && broken == 0, "rooted list damaged");
    EXPECT(count_freed(first, end) == 0, "rooted nodes freed");
    root_a = 0;
    collect_clean();
    size_t n = count_freed(first, end);
    EXPECT(n + SLACK >= 1000, "only %zu of 1000 unrooted nodes freed", n);
}

typedef struct StaticHolder {
    Object header;
    Value field;
} StaticHolder;
static void holder_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((StaticHolder *)o)->field);
}
static Type holder_type = {.name = "holder", .trace = holder_trace};
static StaticHolder static_holder = {{&holder_type}, 0};

static void test_static_object(void) {
    gc_add_static_object(&static_holder.header);
    uint64_t first = next_id;
    build_list_at(&static_holder.field, 500, true);
    uint64_t end = next_id;
    collect_clean();
    EXPECT(count_freed(first, end) == 0, "nodes held by a static object were freed");
    EXPECT(gc_find_object(&static_holder) == NULL, "a static object is found in the heap");
    static_holder.field = 0;
    collect_clean();
    EXPECT(count_freed(first, end) + SLACK >= 500, "nodes of a static object not freed");
    // Values that point to static objects are ignored by marking
    static_holder.field = vp(&static_holder);
    collect_clean();
    static_holder.field = 0;
}

static void test_root_provider(void) {
    uint64_t first = next_id;
    for (int i = 0; i < NSLOTS; i++) {
        build_list_at(&slots[i], 20, true);
    }
    uint64_t end = next_id;
    collect_clean();
    EXPECT(count_freed(first, end) == 0, "provider roots freed");
    memset(slots, 0, sizeof slots);
    collect_clean();
    EXPECT(count_freed(first, end) + SLACK >= NSLOTS * 20, "provider garbage not freed");
}

// Plain objects have no FreeFunc: watch them disappear through gc_find_object.
__attribute__((noinline)) static void make_hidden_plain(uintptr_t *hidden, size_t n) {
    for (size_t i = 0; i < n; i++) {
        hidden[i] = (uintptr_t)new_tnode(false, 2, 48 + (i % 7) * 16) ^ HIDE;
    }
}

static void test_unreachable_reclaimed(void) {
    uint64_t first = make_garbage(20000, 48);
    uint64_t end = next_id;
    collect_clean();
    size_t n = count_freed(first, end);
    EXPECT(n + SLACK >= 20000, "only %zu of 20000 freed", n);
    EXPECT(double_frees == 0 && bad_frees == 0, "%zu double and %zu bad frees", double_frees,
           bad_frees);

    size_t count = 5000;
    uintptr_t *hidden = malloc(count * sizeof *hidden);
    make_hidden_plain(hidden, count);
    size_t found = 0;
    for (size_t i = 0; i < count; i++) {
        found += gc_find_object((void *)(hidden[i] ^ HIDE)) != NULL;
    }
    EXPECT(found == count, "fresh plain objects not found: %zu/%zu", found, count);
    collect_clean();
    found = 0;
    for (size_t i = 0; i < count; i++) {
        found += gc_find_object((void *)(hidden[i] ^ HIDE)) != NULL;
    }
    EXPECT(found <= SLACK, "%zu dead plain objects still found", found);
    // Again with every 50th kept: the blocks survive, unswept, and only the
    // mark bits of the last collection tell their dead from their living.
    make_hidden_plain(hidden, count);
    for (size_t i = 0; i < count; i += 50) {
        slots[i / 50 % NSLOTS] = 0;
    }
    Value *kept = calloc(count / 50 + 1, sizeof *kept);
    for (size_t i = 0; i < count; i += 50) {
        kept[i / 50] = (Value)(hidden[i] ^ HIDE);
        gc_add_root(&kept[i / 50]);
    }
    collect_clean();
    size_t live_found = 0, dead_found = 0;
    for (size_t i = 0; i < count; i++) {
        bool f = gc_find_object((void *)(hidden[i] ^ HIDE)) != NULL;
        live_found += f && i % 50 == 0;
        dead_found += f && i % 50 != 0;
    }
    EXPECT(live_found == (count + 49) / 50, "live objects of unswept blocks: %zu found",
           live_found);
    EXPECT(dead_found <= SLACK, "%zu dead objects of unswept blocks found", dead_found);
    for (size_t i = 0; i < count; i += 50) {
        kept[i / 50] = 0;  // the root slots stay registered, empty
    }
    // reusing their cells works, and they are zero-filled
    for (size_t i = 0; i < count; i++) {
        TNode *t = (TNode *)gc_alloc(&tnode_plain, 48 + (i % 7) * 16);
        bool zero = t->id == 0 && t->check == 0 && t->f[0] == 0 && t->f[1] == 0;
        EXPECT(zero, "a reused cell is not zero-filled");
    }
    free(hidden);
}

__attribute__((noinline)) static uintptr_t make_hidden_node(bool fin, size_t size, uint64_t *id) {
    TNode *n = new_tnode(fin, 2, size);
    *id = n->id;
    return (uintptr_t)n ^ HIDE;
}

// Keep an object only through `inner` (a pointer into its middle), collect,
// and check it from here, so that no full pointer lingers in the caller.
__attribute__((noinline)) static void interior_phase(uintptr_t hidden, size_t size) {
    TNode *n = (TNode *)(hidden ^ HIDE);
    uint64_t id = n->id;
    char *volatile inner = (char *)n + size / 2 + 3;
    n = NULL;
    collect_clean();
    n = (TNode *)(hidden ^ HIDE);
    EXPECT(!freed[id] && tnode_intact(n), "size %zu: kept only by an interior pointer, lost", size);
    EXPECT(gc_find_object(inner) == &n->header, "size %zu: gc_find_object(inner) wrong", size);
    EXPECT(gc_find_object((char *)n + size - 1) == &n->header, "size %zu: last byte", size);
    inner = NULL;
}

static void test_interior_pointers(void) {
    static const size_t sizes[] = {48, 100, 1000, 8192, 20000, 300000};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        uint64_t id;
        uintptr_t hidden = make_hidden_node(true, sizes[k], &id);
        clear_stack();
        interior_phase(hidden, sizes[k]);
        collect_clean();
        EXPECT(freed[id], "size %zu: not freed once the interior pointer is gone", sizes[k]);
    }
}

__attribute__((noinline)) static uint64_t large_phase(void) {
    GcStats before, after;
    gc_get_stats(&before);
    static const size_t sizes[] = {8193, 9000, 65536, 1 << 20, 16 << 20};
    TNode *volatile keep[5];
    for (int i = 0; i < 5; i++) {
        keep[i] = new_tnode(true, 4, sizes[i]);
        EXPECT(((uintptr_t)keep[i] & 7) == 0, "large object not 8-byte aligned");
    }
    // large objects hold small ones, and a small one holds a large one
    keep[0]->f[0] = vp(new_tnode(true, 2, 48));
    keep[0]->f[1] = vp(new_tnode(true, 2, 50000));
    TNode *volatile small = new_tnode(true, 2, 48);
    small->f[0] = vp(new_tnode(true, 2, 100000));
    uint64_t first = make_garbage(50, 30000);
    uint64_t end = next_id;
    gc_get_stats(&after);
    EXPECT(after.heap_bytes >= before.heap_bytes + (17 << 20), "large bytes not in heap_bytes");
    collect_clean();
    for (int i = 0; i < 5; i++) {
        EXPECT(tnode_intact(keep[i]) && !freed[keep[i]->id], "large %zu lost", sizes[i]);
    }
    EXPECT(tnode_intact(tp(keep[0]->f[0])) && tnode_intact(tp(keep[0]->f[1])),
           "children of large lost");
    EXPECT(tnode_intact(tp(small->f[0])), "large child of small lost");
    EXPECT(count_freed(first, end) + SLACK >= 50, "large garbage not freed");
    return keep[4]->id;
}

static void test_large_objects(void) {
    GcStats before, after;
    collect_clean();
    gc_get_stats(&before);
    uint64_t big_id = large_phase();
    collect_clean();
    EXPECT(freed[big_id], "16 MiB object not freed");
    gc_get_stats(&after);
    EXPECT(after.heap_bytes < before.heap_bytes + (8 << 20), "heap did not shrink: %zu -> %zu",
           before.heap_bytes, after.heap_bytes);
}

static void test_deep_list(void) {
    size_t n = scaled(1000000);
    uint64_t first = next_id;
    build_list_at(&root_a, n, true);
    uint64_t end = next_id;
    collect_clean();
    size_t broken = 0;
    size_t len = list_length_intact(root_a, &broken);
    EXPECT(len == n && broken == 0, "list of %zu: length %zu, %zu broken", n, len, broken);
    EXPECT(count_freed(first, end) == 0, "list nodes freed");
    // and the same depth of plain nodes, through a heap-allocated vector
    root_a = 0;
    collect_clean();
    size_t f = count_freed(first, end);
    EXPECT(f + SLACK >= n, "only %zu of %zu list nodes freed", f, n);
}

// A vector of many children, each a short chain: forces a wide mark stack
// (and, with a tiny GC_MARK_STACK_LIMIT, the overflow recovery).
__attribute__((noinline)) static void wide_build(size_t n) {
    TNode *vec = new_tnode(true, n, 0);
    root_a = vp(vec);
    for (size_t i = 0; i < n; i++) {
        TNode *a = new_tnode(i & 1, 2, 48);
        TNode *b = new_tnode(true, 2, 64);
        a->f[1] = vp(b);
        b->f[0] = vp(vec);  // back edges
        vec->f[i] = vp(a);
    }
}

__attribute__((noinline)) static size_t wide_check(size_t n) {
    TNode *vec = tp(root_a);
    size_t bad = !tnode_intact(vec);
    for (size_t i = 0; i < n; i++) {
        TNode *a = tp(vec->f[i]);
        bad += !tnode_intact(a) || !tnode_intact(tp(a->f[1]));
    }
    return bad;
}

static void test_wide_object(void) {
    size_t n = scaled(100000);
    uint64_t first = next_id;
    wide_build(n);
    uint64_t end = next_id;
    collect_clean();
    size_t bad = wide_check(n);
    EXPECT(bad == 0 && count_freed(first, end) == 0, "%zu children of a wide object lost", bad);
    root_a = 0;
    collect_clean();
    EXPECT(count_freed(first, end) + SLACK >= n + 1, "wide garbage not freed");
}

__attribute__((noinline)) static void make_cycles(size_t n) {
    // a ring, self loops, pairs, and a ring through a large object
    TNode *first = new_tnode(true, 2, 48), *prev = first;
    for (size_t i = 1; i < n; i++) {
        TNode *x = new_tnode(true, 2, 48);
        prev->f[0] = vp(x);
        prev = x;
    }
    prev->f[0] = vp(first);
    for (size_t i = 0; i < n; i++) {
        TNode *x = new_tnode(true, 2, 96);
        x->f[0] = vp(x);
        TNode *a = new_tnode(true, 2, 48), *b = new_tnode(false, 2, 48);
        a->f[1] = vp(b);
        b->f[1] = vp(a);
    }
    TNode *big = new_tnode(true, 2, 40000), *s = new_tnode(true, 2, 48);
    big->f[0] = vp(s);
    s->f[0] = vp(big);
}

static void test_cycles_reclaimed(void) {
    uint64_t first = next_id;
    make_cycles(1000);
    uint64_t end = next_id;
    collect_clean();
    size_t fin = 1000 + 1000 + 1000 + 2;
    size_t f = count_freed(first, end);
    EXPECT(f + SLACK >= fin, "only %zu of %zu finalizable cycle members freed", f, fin);
}

// Build a binary tree with locals only; collections happen inside.
static TNode *build_tree(int depth, bool fin) {
    TNode *n = new_tnode(fin, 2, 48 + (size_t)depth * 8);
    if (depth > 0) {
        TNode *l = build_tree(depth - 1, !fin);
        TNode *r = build_tree(depth - 1, fin);
        n->f[0] = vp(l);
        n->f[1] = vp(r);
    }
    return n;
}

static size_t check_tree(TNode *n, int depth) {
    size_t bad = !tnode_intact(n) || freed[n->id];
    if (depth > 0) {
        bad += check_tree(tp(n->f[0]), depth - 1) + check_tree(tp(n->f[1]), depth - 1);
    }
    return bad;
}

static void test_stress_mode(void) {
    GcStats before, after;
    gc_get_stats(&before);
    static const unsigned every[] = {1, 3, 17};
    for (int k = 0; k < 3; k++) {
        gc_set_stress(every[k]);
        int depth = every[k] == 1 ? 7 : 10;
        TNode *volatile tree = build_tree(depth, true);
        TNode *volatile big = new_tnode(true, 3, 20000);
        big->f[2] = vp(tree);
        make_garbage(500, 48);
        EXPECT(check_tree(tree, depth) == 0, "stress %u: tree damaged", every[k]);
        gc_set_stress(0);
        EXPECT(tp(big->f[2]) == tree && tnode_intact(big), "stress %u: big damaged", every[k]);
    }
    gc_get_stats(&after);
    // every=1 alone collects at each of the 2^8 - 1 + 1 + 500 allocations
    EXPECT(after.collections - before.collections >= 700, "stress mode collected only %zu times",
           after.collections - before.collections);
}

static void test_gc_find_object(void) {
    int local;
    EXPECT(gc_find_object(NULL) == NULL, "NULL");
    EXPECT(gc_find_object(&local) == NULL, "a stack address");
    EXPECT(gc_find_object(&tnode_plain) == NULL, "a static type");
    EXPECT(gc_find_object((void *)(uintptr_t)-1) == NULL, "the top address");
    // plain 5000-byte objects (class 5456) are new here: a and b come from
    // a fresh bump block, and the cell after b has not been handed out
    TNode *volatile a = new_tnode(false, 2, 5000);
    TNode *volatile b = new_tnode(false, 2, 5000);
    EXPECT((char *)b == (char *)a + 5456, "bump allocation is not in order");
    EXPECT(gc_find_object(a) == &a->header, "object start");
    EXPECT(gc_find_object((char *)a + 4999) == &a->header, "last byte");
    EXPECT(gc_find_object((char *)a + 5400) == &a->header, "cell slack");
    EXPECT(gc_find_object(b) == &b->header, "second object");
    EXPECT(gc_find_object((char *)b + 5456) == NULL, "a cell not handed out yet");
    EXPECT(gc_find_object((char *)b + 5456 * 9 + 8) == NULL, "a cell not handed out yet");
    // the tail of a 64 KiB block of 6544-byte cells: 10 cells and 96 bytes
    // that no cell covers
    TNode *volatile c = new_tnode(false, 2, 6000);
    uintptr_t block = (uintptr_t)c & ~(uintptr_t)0xFFFF;
    EXPECT(gc_find_object((void *)(block + 10 * 6544 + 50)) == NULL, "the tail of a block");
}

// A class and two instances; only the instances are kept (in slots 0, 1).
__attribute__((noinline)) static uintptr_t type_word_build(void) {
    Type *ht = new_heap_type();
    slots[0] = vp(new_tnode_of(ht, 2, 64));
    slots[1] = vp(new_tnode_of(ht, 2, 20000));
    return (uintptr_t)ht ^ HIDE;
}

__attribute__((noinline)) static bool type_word_alive(uintptr_t hidden_type) {
    Type *t = (Type *)(hidden_type ^ HIDE);
    return t->trace == tnode_trace && tnode_intact(tp(slots[0])) && tnode_intact(tp(slots[1])) &&
           tp(slots[0])->header.type == t && tp(slots[1])->header.type == t;
}

static void test_type_word_traced(void) {
    uint64_t first = next_id;
    size_t meta_before = meta_frees;
    uintptr_t hidden_type = type_word_build();
    collect_clean();
    EXPECT(meta_frees == meta_before, "a class kept only by its instances' headers was freed");
    EXPECT(type_word_alive(hidden_type), "class or instances damaged");
    // class and instances die together: the instances' FreeFunc still runs
    slots[0] = slots[1] = 0;
    collect_clean();
    EXPECT(meta_frees == meta_before + 1, "dead class not freed");
    EXPECT(count_freed(first, next_id) == 2, "instances of a dead class: %zu freed, want 2",
           count_freed(first, next_id));
    EXPECT(bad_frees == 0, "bad frees");
}

static void test_sizes_and_zeroing(void) {
    static const size_t sizes[] = {8, 16, 17, 24, 100, 129, 1000, 4097, 8191, 8192, 8193, 12345};
    Object *volatile objs[12];
    for (int i = 0; i < 12; i++) {
        objs[i] = gc_alloc(&tnode_plain, sizes[i]);
        EXPECT(objs[i]->type == &tnode_plain, "header not set");
        const unsigned char *p = (const unsigned char *)objs[i];
        bool zero = true;
        for (size_t j = sizeof(Object); j < sizes[i]; j++) {
            zero &= p[j] == 0;
        }
        EXPECT(zero, "size %zu not zero-filled", sizes[i]);
        EXPECT(((uintptr_t)p & (sizes[i] <= 8192 ? 15 : 7)) == 0, "size %zu misaligned", sizes[i]);
    }
    // Fill every object to its size: the neighbours must not notice.
    for (int i = 0; i < 12; i++) {
        memset((char *)objs[i] + sizeof(Object), 0x5A, sizes[i] - sizeof(Object));
    }
    for (int i = 0; i < 12; i++) {
        EXPECT(objs[i]->type == &tnode_plain, "size %zu: header overwritten", sizes[i]);
    }
    // tnode_plain traces nfields Values: give them none before the next collection
    for (int i = 0; i < 12; i++) {
        if (sizes[i] >= sizeof(TNode)) {
            ((TNode *)objs[i])->nfields = 0;
        } else {
            objs[i]->type = &holder_type;  // traces one Value of 0x5A bytes: not a pointer
            if (sizes[i] >= sizeof(StaticHolder)) {
                ((StaticHolder *)objs[i])->field = 0;
            }
        }
    }
    // 8-byte objects: holder_type reads one word past the header, in the cell's slack
    collect_clean();
}

static void test_policy(void) {
    GcStats s0, s1, s2;
    // disabled: no automatic collection (the budget is at least 8 MiB, so
    // these sizes are not scaled)
    gc_enable(0);
    gc_get_stats(&s0);
    make_garbage(600000, 48);  // ~28 MiB
    gc_get_stats(&s1);
    EXPECT(s1.collections == s0.collections, "collected while disabled");
    gc_enable(1);
    make_garbage(600000, 48);
    gc_get_stats(&s2);
    EXPECT(s2.collections > s1.collections, "no collection after re-enabling");
    EXPECT(s2.allocated_bytes - s0.allocated_bytes >= 1200000 * 48, "allocated_bytes too low");
    // a steady garbage stream keeps the heap small
    collect_clean();
    for (int i = 0; i < 10; i++) {
        make_garbage(scaled(400000), 48);
    }
    gc_get_stats(&s1);
    EXPECT(s1.heap_bytes < (64u << 20), "heap %zu MiB for a garbage stream", s1.heap_bytes >> 20);
    // a big structure that dies gives its memory back
    build_list_at(&root_a, scaled(2000000), false);
    collect_clean();
    gc_get_stats(&s1);
    EXPECT(s1.live_bytes >= scaled(2000000) * 48, "live_bytes %zu too low", s1.live_bytes);
    root_a = 0;
    collect_clean();
    gc_get_stats(&s2);
    EXPECT(s2.live_bytes < s1.live_bytes / 10, "live_bytes did not drop");
    EXPECT(s2.heap_bytes < s1.heap_bytes / 2, "heap not trimmed: %zu -> %zu MiB",
           s1.heap_bytes >> 20, s2.heap_bytes >> 20);
}

static void test_memory_error(void) {
    int before = no_memory_calls;
    Object *o = gc_alloc(&tnode_plain, (size_t)1 << 44);
    EXPECT(o == NULL && no_memory_calls == before + 1, "a 16 TiB object: no MemoryError");
    o = gc_alloc(&tnode_plain, SIZE_MAX);
    EXPECT(o == NULL && no_memory_calls == before + 2, "SIZE_MAX: no MemoryError");
    if (UNDER_ASAN) {
        return;  // ASan's shadow memory does not live with RLIMIT_AS
    }
    // Exhaust an address-space limit in a child, then recover.
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit rl;
        FILE *f = fopen("/proc/self/statm", "r");
        unsigned long pages = 0;
        if (f == NULL || fscanf(f, "%lu", &pages) != 1) {
            _exit(10);
        }
        fclose(f);
        rl.rlim_cur = rl.rlim_max = pages * (unsigned long)sysconf(_SC_PAGESIZE) + (96u << 20);
        if (setrlimit(RLIMIT_AS, &rl) != 0) {
            _exit(11);
        }
        int calls = no_memory_calls;
        size_t n = 0;
        root_a = 0;
        for (;;) {
            TNode *node = (TNode *)gc_alloc(&tnode_plain, n % 3 ? 48 : 20000);
            if (node == NULL) {
                break;
            }
            node->nfields = 1;
            node->f[0] = root_a;
            root_a = vp(node);
            n++;
        }
        if (no_memory_calls != calls + 1 || n < 1000) {
            _exit(12);
        }
        root_a = 0;
        for (int i = 0; i < 100000; i++) {
            if (gc_alloc(&tnode_plain, 48) == NULL) {
                _exit(13);
            }
        }
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
           "address-space exhaustion: child status %d", status);
}

#if defined(__x86_64__)
// uintptr_t gc_test_in_REG(uintptr_t hidden, void (*fn)(void), uintptr_t mask):
// the pointer hidden ^ mask lives only in REG while fn runs; returns REG.
// gc_test_drop_rbx is the control: REG is cleared before the call.
#define REG_HELPER(name, reg, drop)                                                               \
    __asm__(".text\n.globl " name "\n.type " name ",@function\n" name ":\n"                      \
            "push %rbx\npush %rbp\npush %r12\npush %r13\npush %r14\npush %r15\nsub $8, %rsp\n"   \
            "xor %rdx, %rdi\nmov %rdi, %" reg "\nxor %edi, %edi\nxor %edx, %edx\n" drop          \
            "call *%rsi\nmov %" reg ", %rax\n"                                                   \
            "add $8, %rsp\npop %r15\npop %r14\npop %r13\npop %r12\npop %rbp\npop %rbx\nret\n"    \
            ".size " name ", .-" name "\n");
REG_HELPER("gc_test_in_rbx", "rbx", "")
REG_HELPER("gc_test_in_rbp", "rbp", "")
REG_HELPER("gc_test_in_r12", "r12", "")
REG_HELPER("gc_test_in_r13", "r13", "")
REG_HELPER("gc_test_in_r14", "r14", "")
REG_HELPER("gc_test_in_r15", "r15", "")
REG_HELPER("gc_test_drop_rbx", "rbx", "xor %ebx, %ebx\n")
typedef uintptr_t RegHelper(uintptr_t hidden, void (*fn)(void), uintptr_t mask);
RegHelper gc_test_in_rbx, gc_test_in_rbp, gc_test_in_r12, gc_test_in_r13, gc_test_in_r14,
    gc_test_in_r15, gc_test_drop_rbx;

static void test_callee_saved_registers(void) {
    static RegHelper *const helpers[] = {gc_test_in_rbx, gc_test_in_rbp, gc_test_in_r12,
                                         gc_test_in_r13, gc_test_in_r14, gc_test_in_r15};
    static const char *const names[] = {"rbx", "rbp", "r12", "r13", "r14", "r15"};
    for (int i = 0; i < 6; i++) {
        uint64_t id;
        uintptr_t hidden = make_hidden_node(true, 48, &id);
        clear_stack();
        uintptr_t got = helpers[i](hidden, gc_collect, HIDE);
        EXPECT(got == (hidden ^ HIDE), "%s not preserved", names[i]);
        EXPECT(!freed[id] && tnode_intact((TNode *)got), "object only in %s was freed", names[i]);
    }
    // the control: the same object with the register cleared is freed
    uint64_t id;
    uintptr_t hidden = make_hidden_node(true, 48, &id);
    clear_stack();
    gc_test_drop_rbx(hidden, gc_collect, HIDE);
    EXPECT(freed[id], "control: an unreferenced object survived (the test proves nothing)");
}
#endif

#ifndef NDEBUG
// Debug builds abort on a traced pointer to a free cell.
static void test_dangling_pointer_caught(void) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        // live neighbours keep the dead node's block in use, so its cell
        // stays a free cell of the same class
        uint64_t id;
        slots[0] = vp(new_tnode(true, 2, 48));
        uintptr_t hidden = make_hidden_node(true, 48, &id);
        slots[1] = vp(new_tnode(true, 2, 48));
        collect_clean();
        if (!freed[id]) {
            _exit(20);  // inconclusive
        }
        tp(slots[0])->f[0] = (Value)(hidden ^ HIDE);
        collect_clean();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "no abort; status %d", status);
}
#endif

static void alloc_in_free(Object *o) {
    gc_alloc(&tnode_plain, 48);
}
static Type bad_free_type = {.name = "bad_free", .free = alloc_in_free};

__attribute__((noinline)) static void make_bad_free_garbage(void) {
    gc_alloc(&bad_free_type, 32);
}

static void test_alloc_during_collection_aborts(void) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        make_bad_free_garbage();
        collect_clean();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "no abort; status %d", status);
}

// ---- the torture test ----------------------------------------------------------------------

static uint8_t *seen;  // by id, for the reachability walk

// Every object reachable from the slots is alive and intact; returns how many.
static size_t torture_verify(void) {
    memset(seen, 0, next_id);
    size_t cap = 1024, len = 0, count = 0;
    TNode **stack = malloc(cap * sizeof *stack);
    for (int i = 0; i < NSLOTS; i++) {
        if (val_is_ptr(slots[i])) {
            stack[len++] = tp(slots[i]);
        }
    }
    while (len > 0) {
        TNode *n = stack[--len];
        if (!tnode_intact(n) || freed[n->id]) {
            EXPECT(0, "reachable object %p damaged or freed", (void *)n);
            continue;
        }
        if (seen[n->id]) {
            continue;
        }
        seen[n->id] = 1;
        count++;
        for (uint32_t k = 0; k < n->nfields; k++) {
            if (val_is_ptr(n->f[k])) {
                if (len == cap) {
                    cap *= 2;
                    stack = realloc(stack, cap * sizeof *stack);
                }
                stack[len++] = tp(n->f[k]);
            }
        }
    }
    free(stack);
    return count;
}

// A random reachable object, or NULL.
static TNode *torture_pick(void) {
    Value v = slots[rng() % NSLOTS];
    if (!val_is_ptr(v)) {
        return NULL;
    }
    TNode *n = tp(v);
    for (int steps = (int)(rng() % 6); steps > 0 && n->nfields > 0; steps--) {
        Value next = n->f[rng() % n->nfields];
        if (!val_is_ptr(next)) {
            break;
        }
        n = tp(next);
    }
    return n;
}

__attribute__((noinline)) static void torture_steps(size_t steps, Type **heap_types) {
    for (size_t step = 0; step < steps; step++) {
        unsigned r = (unsigned)(rng() % 100);
        if (r < 45) {
            size_t kind = rng() % 100, size, nfields;
            Type *type;
            if (kind < 3) {
                nfields = 1 + rng() % 400;  // a vector
                size = 0;
            } else if (kind < 6) {
                nfields = 2;
                size = 8193 + rng() % 60000;  // large
            } else {
                nfields = 1 + rng() % 3;
                size = 32 + rng() % (kind < 30 ? 2000 : 200);
            }
            if (kind % 10 == 7) {
                Type **ht = &heap_types[rng() % 4];
                if (*ht == NULL || rng() % 8 == 0) {
                    // the new class's base is an older one, its dict any object
                    Type *base = heap_types[rng() % 4];
                    TNode *dict = torture_pick();
                    *ht = new_heap_type();
                    (*ht)->base = base;
                    (*ht)->dict = dict != NULL ? vp(dict) : 0;
                }
                type = *ht;
            } else {
                type = kind % 2 ? &tnode_fin : &tnode_plain;
            }
            TNode *n = new_tnode_of(type, nfields, size);
            if (nfields > 3) {
                for (size_t k = 0; k < nfields; k++) {
                    TNode *x = torture_pick();
                    n->f[k] = x != NULL ? vp(x) : 0;
                }
            }
            TNode *parent = torture_pick();
            if (parent != NULL && parent->nfields > 0 && rng() % 2) {
                parent->f[rng() % parent->nfields] = vp(n);
            } else {
                slots[rng() % NSLOTS] = vp(n);
            }
        } else if (r < 80) {
            TNode *x = torture_pick(), *y = torture_pick();
            if (x != NULL && x->nfields > 0) {
                x->f[rng() % x->nfields] = y != NULL && rng() % 4 ? vp(y) : 0;
            }
        } else if (r < 88) {
            slots[rng() % NSLOTS] = 0;
        } else if (r < 89) {
            gc_collect();
        } else {
            TNode *x = torture_pick();
            if (x != NULL) {
                slots[rng() % NSLOTS] = vp(x);
            }
        }
    }
}

__attribute__((noinline)) static void torture_rounds(size_t rounds, size_t steps) {
    Type *heap_types[4] = {0};  // on the stack: conservatively scanned
    for (size_t round = 0; round < rounds; round++) {
        if (round % 7 == 3) {
            gc_set_stress(1 + (unsigned)(rng() % 50));
        }
        torture_steps(steps, heap_types);
        gc_set_stress(0);
        seen = realloc(seen, next_id);
        torture_verify();
        collect_clean();
        torture_verify();
    }
}

// The graph's pointers live only in frames below this one, so that once the
// roots are dropped no stale copy of one (in a dense random graph, one is
// enough to keep most of it) remains where the stack scan looks.
static void test_torture(void) {
    GcStats s0, s1;
    gc_get_stats(&s0);
    uint64_t first = next_id;
    size_t frees_before = free_calls;
    torture_rounds(scaled(60), 5000);
    memset(slots, 0, sizeof slots);
    collect_clean();
    gc_get_stats(&s1);
    EXPECT(double_frees == 0 && bad_frees == 0, "%zu double frees, %zu bad frees", double_frees,
           bad_frees);
    EXPECT(s1.live_bytes < (1u << 20), "after dropping everything %zu bytes live", s1.live_bytes);
    printf("info: torture: %zu objects, %zu FreeFuncs, %zu collections\n",
           (size_t)(next_id - first), free_calls - frees_before, s1.collections - s0.collections);
}

// ---- benchmarks --------------------------------------------------------------------------

typedef struct Pair {
    Object header;
    Value a, b;
    uint64_t x;
} Pair;  // 32 bytes
static void pair_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((Pair *)o)->a);
    gc_trace_value(t, ((Pair *)o)->b);
}
static Type pair_type = {.name = "pair", .trace = pair_trace};

#define RING 100000
static Value ring[RING];
typedef struct RingHolder {
    Object header;
} RingHolder;
static void ring_trace(Object *o, GcTracer *t) {
    gc_trace_values(t, ring, RING);
}
static Type ring_type = {.name = "ring", .trace = ring_trace};
static RingHolder ring_holder = {{&ring_type}};

static Pair *make_pair_tree(int depth) {
    Pair *p = (Pair *)gc_alloc(&pair_type, sizeof(Pair));
    if (depth > 0) {
        Pair *l = make_pair_tree(depth - 1);
        p->a = vp(l);
        Pair *r = make_pair_tree(depth - 1);
        p->b = vp(r);
    }
    return p;
}

static void bench(void) {
    size_t n = scaled(30000000);
    GcStats s0, s1;
    // 1. 32-byte objects, a live ring of 100k of them (3.2 MB) replaced in turn
    gc_add_static_object(&ring_holder.header);
    collect_clean();
    gc_get_stats(&s0);
    double t0 = now_seconds();
    for (size_t i = 0; i < n; i++) {
        Pair *p = (Pair *)gc_alloc(&pair_type, sizeof(Pair));
        p->x = i;
        ring[i % RING] = vp(p);
    }
    double t1 = now_seconds();
    gc_get_stats(&s1);
    printf("perf: 32-byte objects, 100k live: %.1f M allocs/s "
           "(%zu allocs, %zu collections, %.2f s)\n",
           (double)n / (t1 - t0) / 1e6, n, s1.collections - s0.collections, t1 - t0);
    memset(ring, 0, sizeof ring);
    // 2. pure garbage
    collect_clean();
    gc_get_stats(&s0);
    t0 = now_seconds();
    for (size_t i = 0; i < n; i++) {
        Pair *p = (Pair *)gc_alloc(&pair_type, sizeof(Pair));
        p->x = i;
        __asm__ volatile("" : : "r"(p) : "memory");
    }
    t1 = now_seconds();
    gc_get_stats(&s1);
    printf("perf: 32-byte objects, all garbage: %.1f M allocs/s (%zu collections)\n",
           (double)n / (t1 - t0) / 1e6, s1.collections - s0.collections);
    // 3. binary trees (GCBench-like): a long-lived tree of depth 16, many short-lived ones
    collect_clean();
    gc_get_stats(&s0);
    t0 = now_seconds();
    Pair *volatile long_lived = make_pair_tree(16);
    size_t trees = scaled(400);
    for (size_t i = 0; i < trees; i++) {
        make_pair_tree(12 + (int)(i % 4));
    }
    t1 = now_seconds();
    gc_get_stats(&s1);
    size_t allocs = ((size_t)1 << 17) + trees / 4 * ((1 << 13) + (1 << 14) + (1 << 15) + (1 << 16));
    printf("perf: binary trees: %.1f M allocs/s "
           "(%zu allocs, %zu collections, %.2f s, heap %zu MiB)\n",
           (double)allocs / (t1 - t0) / 1e6, allocs, s1.collections - s0.collections, t1 - t0,
           s1.heap_bytes >> 20);
    __asm__ volatile("" : : "r"(long_lived) : "memory");  // alive through the loop
    // 4. for scale: glibc malloc+free of 32 bytes, and a full collection of a 1M-object list
    t0 = now_seconds();
    for (size_t i = 0; i < n; i++) {
        void *volatile p = malloc(32);
        free(p);
    }
    t1 = now_seconds();
    printf("perf: (glibc malloc+free 32 bytes: %.1f M/s)\n", (double)n / (t1 - t0) / 1e6);
    build_list_at(&root_a, scaled(1000000), false);
    collect_clean();
    t0 = now_seconds();
    collect_clean();
    t1 = now_seconds();
    printf("perf: full collection with %zu live 48-byte objects: %.1f ms\n", scaled(1000000),
           (t1 - t0) * 1e3);
    root_a = 0;
    collect_clean();
}

// Everything runs below main's frame: gc_init's stack_base is a local of
// main, and locals of main above it (where an inlined test's would go) are
// not scanned.
__attribute__((noinline)) static int run_all(int argc, char **argv) {
    gc_add_root_provider(slots_provide);
    bool quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    if (argc > 2) {
        scale = atof(argv[2]);
    }
    if (argc > 3) {
        rng_state = strtoull(argv[3], NULL, 0) | 1;  // the torture's random graph
    }
    run_test("stack_roots_survive", test_stack_roots_survive);
    run_test("registered_roots", test_registered_roots);
    run_test("static_object", test_static_object);
    run_test("root_provider", test_root_provider);
    run_test("unreachable_reclaimed", test_unreachable_reclaimed);
    run_test("interior_pointers", test_interior_pointers);
    run_test("large_objects", test_large_objects);
    run_test("deep_list_1e6", test_deep_list);
    run_test("wide_object", test_wide_object);
    run_test("cycles_reclaimed", test_cycles_reclaimed);
    run_test("stress_mode", test_stress_mode);
    run_test("gc_find_object", test_gc_find_object);
    run_test("type_word_traced", test_type_word_traced);
    run_test("sizes_and_zeroing", test_sizes_and_zeroing);
    run_test("policy", test_policy);
    run_test("memory_error", test_memory_error);
#if defined(__x86_64__)
    run_test("callee_saved_registers", test_callee_saved_registers);
#endif
#ifndef NDEBUG
    run_test("dangling_pointer_caught", test_dangling_pointer_caught);  // a debug check of gc.c
#endif
    run_test("alloc_during_collection_aborts", test_alloc_during_collection_aborts);
    run_test("torture", test_torture);
    if (!quick) {
        bench();
    }
    printf("gc_test: %d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed != 0;
}

int main(int argc, char **argv) {
    int base;
    gc_init(&base);
    return run_all(argc, argv);
}
