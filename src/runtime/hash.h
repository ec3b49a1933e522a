// hash.h - the hash of str and bytes: CPython 3.11's, bit for bit.
//
// CPython 3.11 hashes byte strings with SipHash-1-3 (sys.hash_info.algorithm
// 'siphash13', no small-string cutoff: Py_HASH_CUTOFF is 0) keyed by a
// 128-bit secret chosen at start-up:
//   - PYTHONHASHSEED unset, empty or "random": random bytes from the OS;
//   - PYTHONHASHSEED=0: the all-zero key (randomization off);
//   - PYTHONHASHSEED=N (1..4294967295): 24 bytes from the MSVC-style LCG
//     x = x * 214013 + 2531011 (32-bit), one byte (x >> 16) & 0xff per step,
//     seeded with N; the key is the first 16, read as two little-endian words;
//   - anything else is a fatal start-up error.
// A str is hashed over CPython's internal representation - 1, 2 or 4 bytes
// per code point, little-endian (as CPython on every little-endian machine),
// chosen by the largest code point - not over krait's UTF-8 (str.c feeds the
// words). The empty string hashes to 0, and -1 becomes -2.
#ifndef KRAIT_HASH_H
#define KRAIT_HASH_H

#include <stddef.h>
#include <stdint.h>

// Choose the key from PYTHONHASHSEED's text (NULL: unset). Call once at
// start-up, before anything is hashed (with -E, pass NULL). Returns 0, or
// -1 with *error set to CPython's message for an invalid seed. If nobody
// calls it, the first hash reads the environment itself.
int hash_init(const char *seed_text, const char **error);

// The 24 secret bytes (CPython's _Py_HashSecret; the key is the first 16).
const unsigned char *hash_secret(void);

// sys.flags.hash_randomization: 0 only for PYTHONHASHSEED=0.
int hash_randomization(void);

// CPython's _Py_HashBytes: the hash of n bytes (0 for n == 0).
int64_t hash_bytes(const void *p, size_t n);

// ---- incremental hashing, for producers of 8-byte words (str.c) ------------

typedef struct HashState {
    uint64_t v0, v1, v2, v3;
} HashState;

void hash_state_init(HashState *h);

static inline uint64_t hash_rotl_(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}

static inline void hash_sip_round_(HashState *h) {
    h->v0 += h->v1;
    h->v1 = hash_rotl_(h->v1, 13);
    h->v1 ^= h->v0;
    h->v0 = hash_rotl_(h->v0, 32);
    h->v2 += h->v3;
    h->v3 = hash_rotl_(h->v3, 16);
    h->v3 ^= h->v2;
    h->v0 += h->v3;
    h->v3 = hash_rotl_(h->v3, 21);
    h->v3 ^= h->v0;
    h->v2 += h->v1;
    h->v1 = hash_rotl_(h->v1, 17);
    h->v1 ^= h->v2;
    h->v2 = hash_rotl_(h->v2, 32);
}

// Absorb the next 8 bytes of the message, as a little-endian word.
static inline void hash_state_word(HashState *h, uint64_t m) {
    h->v3 ^= m;
    hash_sip_round_(h);  // SipHash-1-3: one compression round
    h->v0 ^= m;
}

// Finish a message of `total` bytes whose last total % 8 bytes are `tail`
// (little-endian, upper bytes zero). Applies CPython's rules: 0 for an empty
// message, -2 instead of -1.
int64_t hash_state_finish(HashState *h, uint64_t tail, size_t total);

#endif
