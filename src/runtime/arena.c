#include "arena.h"

#include <stdlib.h>

struct ArenaChunk {
    ArenaChunk *next;
    size_t size;
    // the chunk's memory follows, 8-byte aligned
};

enum { ARENA_FIRST_CHUNK = 16 * 1024, ARENA_MAX_CHUNK = 4 * 1024 * 1024 };

void arena_init(Arena *a) {
    a->cur = a->end = NULL;
    a->chunks = NULL;
    a->next_size = ARENA_FIRST_CHUNK;
    a->total = 0;
}

void arena_free(Arena *a) {
    ArenaChunk *c = a->chunks;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a);
}

void *arena_alloc_slow(Arena *a, size_t n) {
    size_t size = a->next_size;
    if (size < n) {
        size = n;
    }
    ArenaChunk *c = malloc(sizeof(ArenaChunk) + size);
    if (!c) {
        return NULL;
    }
    c->next = a->chunks;
    c->size = size;
    a->chunks = c;
    a->total += size;
    if (a->next_size < ARENA_MAX_CHUNK) {
        a->next_size *= 2;
    }
    char *mem = (char *)(c + 1);
    a->cur = mem + n;
    a->end = mem + size;
    memset(mem, 0, n);
    return mem;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}
