// arena.h - bump allocation for data that dies all at once.
//
// The parser allocates every AST node, sequence, identifier and decoded
// literal from one Arena; freeing the arena frees the whole tree. Chunks grow
// geometrically, so a parse performs O(log n) mallocs, not one per node.
#ifndef KRAIT_ARENA_H
#define KRAIT_ARENA_H

#include <stddef.h>
#include <string.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
    char *cur;           // next free byte in the current chunk
    char *end;           // end of the current chunk
    ArenaChunk *chunks;  // every chunk, newest first
    size_t next_size;    // size of the next chunk to allocate
    size_t total;        // bytes obtained from malloc, for statistics
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
// Slow path: a new chunk big enough for n bytes. Aborts on out-of-memory
// only if malloc fails for a chunk; callers treat it as MemoryError later.
void *arena_alloc_slow(Arena *a, size_t n);

// 8-byte aligned, zero-filled memory. Returns NULL only when out of memory.
static inline void *arena_alloc(Arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    if ((size_t)(a->end - a->cur) >= n) {
        void *p = a->cur;
        a->cur += n;
        memset(p, 0, n);
        return p;
    }
    return arena_alloc_slow(a, n);
}

// A NUL-terminated copy of s[0..n).
char *arena_strndup(Arena *a, const char *s, size_t n);

#endif
