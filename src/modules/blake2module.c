// blake2module.c - the `_blake2` module: BLAKE2b and BLAKE2s (RFC 7693),
// with the keyed, salted, personalized and tree-hashing parameters of the
// BLAKE2 paper that hashlib.blake2b/blake2s expose.
//
// Both are written once, as a template over the word type (BLAKE2b: 64-bit
// words, 128-byte blocks, 12 rounds; BLAKE2s: 32-bit words, 64-byte
// blocks, 10 rounds) instantiated by B2_DEFINE below. The initial vectors
// are SHA-512's and SHA-256's, computed as in those modules (the first 64
// or 32 bits of the fractional parts of the square roots of the first 8
// primes). The message schedule SIGMA is a table in the RFC, with no
// algorithm behind it, so it is typed in.
//
// BLAKE2 must know which block is the last before it compresses it, so a
// full buffer is kept until more data arrives; digest() finishes a copy of
// the state. A key is hashed as a first block of its own, zero-padded.
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "hashobject.h"
#include "modules.h"

static const uint8_t b2_sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

static uint64_t b2b_iv[8];
static uint32_t b2s_iv[8];

static uint64_t b2b_load(const uint8_t *p) {
    return hash_load64_le(p);
}
static uint32_t b2s_load(const uint8_t *p) {
    return hash_load32_le(p);
}
static void b2b_store(uint8_t *p, uint64_t v) {
    hash_store64_le(p, v);
}
static void b2s_store(uint8_t *p, uint32_t v) {
    hash_store32_le(p, v);
}

// One variant: its state, compression, feeding and finishing. W is the
// word type, BLOCK the block size, R1..R4 the rotations of G.
#define B2_DEFINE(P, W, BLOCK, ROUNDS, ROTR, R1, R2, R3, R4)                                   \
    typedef struct P##State {                                                                  \
        W h[8];                                                                                \
        W t[2];                  /* bytes compressed, as a double-word counter */              \
        int last_node;                                                                         \
        uint32_t buflen;                                                                       \
        uint8_t buf[BLOCK];                                                                    \
    } P##State;                                                                                \
                                                                                               \
    static void P##_compress(P##State *s, const uint8_t *block, int final) {                  \
        W m[16], v[16];                                                                        \
        for (int i = 0; i < 16; i++) {                                                         \
            m[i] = P##_load(block + i * sizeof(W));                                            \
        }                                                                                      \
        for (int i = 0; i < 8; i++) {                                                          \
            v[i] = s->h[i];                                                                    \
            v[i + 8] = P##_iv[i];                                                              \
        }                                                                                      \
        v[12] ^= s->t[0];                                                                      \
        v[13] ^= s->t[1];                                                                      \
        if (final) {                                                                           \
            v[14] = ~v[14];                                                                    \
            if (s->last_node) {                                                                \
                v[15] = ~v[15];                                                                \
            }                                                                                  \
        }                                                                                      \
        for (int r = 0; r < ROUNDS; r++) {                                                     \
            const uint8_t *sg = b2_sigma[r % 10];                                              \
            static const int lanes[8][4] = {{0, 4, 8, 12},  {1, 5, 9, 13}, {2, 6, 10, 14},     \
                                            {3, 7, 11, 15}, {0, 5, 10, 15}, {1, 6, 11, 12},    \
                                            {2, 7, 8, 13},  {3, 4, 9, 14}};                    \
            for (int g = 0; g < 8; g++) {                                                      \
                int a = lanes[g][0], b = lanes[g][1], c = lanes[g][2], d = lanes[g][3];        \
                v[a] = v[a] + v[b] + m[sg[2 * g]];                                             \
                v[d] = ROTR(v[d] ^ v[a], R1);                                                  \
                v[c] = v[c] + v[d];                                                            \
                v[b] = ROTR(v[b] ^ v[c], R2);                                                  \
                v[a] = v[a] + v[b] + m[sg[2 * g + 1]];                                         \
                v[d] = ROTR(v[d] ^ v[a], R3);                                                  \
                v[c] = v[c] + v[d];                                                            \
                v[b] = ROTR(v[b] ^ v[c], R4);                                                  \
            }                                                                                  \
        }                                                                                      \
        for (int i = 0; i < 8; i++) {                                                          \
            s->h[i] ^= v[i] ^ v[i + 8];                                                        \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void P##_count(P##State *s, uint32_t n) {                                           \
        s->t[0] += n;                                                                          \
        if (s->t[0] < n) {                                                                     \
            s->t[1]++;                                                                         \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void P##_feed(void *state, const uint8_t *p, size_t n) {                            \
        P##State *s = state;                                                                   \
        while (n) {                                                                            \
            if (s->buflen == BLOCK) {                                                          \
                P##_count(s, BLOCK);                                                           \
                P##_compress(s, s->buf, 0);                                                    \
                s->buflen = 0;                                                                 \
            }                                                                                  \
            if (s->buflen == 0) {                                                              \
                for (; n > BLOCK; p += BLOCK, n -= BLOCK) {                                    \
                    P##_count(s, BLOCK);                                                       \
                    P##_compress(s, p, 0);                                                     \
                }                                                                              \
            }                                                                                  \
            size_t take = BLOCK - s->buflen;                                                   \
            if (take > n) {                                                                    \
                take = n;                                                                      \
            }                                                                                  \
            memcpy(s->buf + s->buflen, p, take);                                               \
            s->buflen += (uint32_t)take;                                                       \
            p += take;                                                                         \
            n -= take;                                                                         \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void P##_final(const void *state, uint8_t *out, size_t outlen) {                    \
        P##State s = *(const P##State *)state;                                                 \
        memset(s.buf + s.buflen, 0, BLOCK - s.buflen);                                         \
        P##_count(&s, s.buflen);                                                               \
        P##_compress(&s, s.buf, 1);                                                            \
        uint8_t full[8 * sizeof(W)];                                                           \
        for (int i = 0; i < 8; i++) {                                                          \
            P##_store(full + i * sizeof(W), s.h[i]);                                           \
        }                                                                                      \
        memcpy(out, full, outlen);                                                             \
    }

B2_DEFINE(b2b, uint64_t, 128, 12, hash_rotr64, 32, 24, 16, 63)
B2_DEFINE(b2s, uint32_t, 64, 10, hash_rotr32, 16, 12, 8, 7)

// ---- the types and their constructors ----------------------------------------------------

static Value b2_tp_new(Value type, const Value *args, size_t nargs, Value kwnames);

static Type type_blake2b = {
    .header = {&type_type},
    .name = "_blake2.blake2b",
    .basic_size = sizeof(HashObject),
    .base = &type_object,
    .methods = hash_methods,
    .getset = hash_getset,
    .new_ = b2_tp_new,
};

static Type type_blake2s = {
    .header = {&type_type},
    .name = "_blake2.blake2s",
    .basic_size = sizeof(HashObject),
    .base = &type_object,
    .methods = hash_methods,
    .getset = hash_getset,
    .new_ = b2_tp_new,
};

static const HashAlgo b2b_algo = {"blake2b", &type_blake2b, 64, 128, sizeof(b2bState), 1,
                                  b2b_feed, b2b_final};
static const HashAlgo b2s_algo = {"blake2s", &type_blake2s, 32, 64, sizeof(b2sState), 1,
                                  b2s_feed, b2s_final};

// An `int` argument (CPython's "i" converter).
static int b2_int_arg(Value v, int64_t *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0 || *out > INT32_MAX) {
        err_clear();
        err_format(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (*out < INT32_MIN) {
        err_format(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    return 0;
}

// An unsigned argument: leaf_size (unsigned long) and node_offset
// (unsigned long long), as CPython's converters word their errors.
static int b2_unsigned_arg(Value v, uint64_t *out, const char *ctype) {
    Value i = v;
    if (!int_check(i)) {  // these converters take no __index__
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(i) < 0) {
        err_format(&exc_ValueError, "value must be positive");
        return -1;
    }
    int64_t low;
    if (int_to_i64(i, &low) == 0) {
        *out = (uint64_t)low;
        return 0;
    }
    err_clear();
    Value shifted = obj_binop(i, val_from_smallint(32), BINOP_RSHIFT);
    int64_t high;
    Value mask = int_from_i64(0xffffffff);
    Value lowv = shifted && mask ? obj_binop(i, mask, BINOP_AND) : 0;
    int64_t low32;
    if (!lowv || int_to_i64(shifted, &high) < 0 || high > 0xffffffff ||
        int_to_i64(lowv, &low32) < 0) {
        err_clear();
        if (strcmp(ctype, "unsigned long") == 0) {
            err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        } else {
            err_format(&exc_OverflowError, "int too big to convert");
        }
        return -1;
    }
    *out = (uint64_t)high << 32 | (uint64_t)low32;
    return 0;
}

// A bytes-like argument's bytes into dst (at most max, else the caller's
// error); *len gets its length. 0 or -1.
static int b2_bytes_arg(Value v, uint8_t *dst, size_t max, size_t *len, const char *what) {
    Buffer view;
    if (buffer_get_bytes_like(v, &view) < 0) {
        return -1;
    }
    *len = (size_t)view.len;
    if (*len > max) {
        buffer_release(&view);
        err_format(&exc_ValueError, "maximum %s length is %zu bytes", what, max);
        return -1;
    }
    memcpy(dst, view.buf, *len);
    buffer_release(&view);
    return 0;
}

// blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'',
// fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0,
// inner_size=0, last_node=False, usedforsecurity=True), and blake2s with
// its smaller limits. Conversions happen in argument order, then the range
// checks in CPython's order.
static Value b2_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    int big = type == val_from_ptr(&type_blake2b);
    const HashAlgo *algo = big ? &b2b_algo : &b2s_algo;
    static const char *const names[] = {"digest_size", "key", "salt", "person", "fanout",
                                        "depth", "leaf_size", "node_offset", "node_depth",
                                        "inner_size", "last_node", "usedforsecurity", NULL};
    const ArgSpec spec = {algo->name, 1, names, 0, 1, 0};
    Value a[13];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    size_t maxdigest = big ? 64 : 32, maxsalt = big ? 16 : 8;
    int64_t digest_size = (int64_t)maxdigest, fanout = 1, depth = 1, node_depth = 0,
            inner_size = 0;
    uint64_t leaf_size = 0, node_offset = 0;
    uint8_t key[64] = {0}, salt[16] = {0}, person[16] = {0};
    size_t keylen = 0, saltlen = 0, personlen = 0;
    int last_node = 0;
    Buffer view;
    if ((a[1] && b2_int_arg(a[1], &digest_size) < 0)) {
        return 0;
    }
    // key, salt and person: converted first, their lengths checked below.
    Value bufargs[3] = {a[2], a[3], a[4]};
    size_t lens[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (bufargs[i]) {
            if (buffer_get_bytes_like(bufargs[i], &view) < 0) {
                return 0;
            }
            lens[i] = (size_t)view.len;
            buffer_release(&view);
        }
    }
    if ((a[5] && b2_int_arg(a[5], &fanout) < 0) || (a[6] && b2_int_arg(a[6], &depth) < 0) ||
        (a[7] && b2_unsigned_arg(a[7], &leaf_size, "unsigned long") < 0) ||
        (a[8] && b2_unsigned_arg(a[8], &node_offset, "unsigned long long") < 0) ||
        (a[9] && b2_int_arg(a[9], &node_depth) < 0) ||
        (a[10] && b2_int_arg(a[10], &inner_size) < 0)) {
        return 0;
    }
    if (a[11]) {
        last_node = obj_truthy(a[11]);
        if (last_node < 0) {
            return 0;
        }
    }
    if (digest_size < 1 || digest_size > (int64_t)maxdigest) {
        return err_format(&exc_ValueError, "digest_size must be between 1 and %zu bytes",
                          maxdigest);
    }
    if (lens[1] > maxsalt) {
        return err_format(&exc_ValueError, "maximum salt length is %zu bytes", maxsalt);
    }
    if (lens[2] > maxsalt) {
        return err_format(&exc_ValueError, "maximum person length is %zu bytes", maxsalt);
    }
    if (fanout < 0 || fanout > 255) {
        return err_format(&exc_ValueError, "fanout must be between 0 and 255");
    }
    if (depth < 1 || depth > 255) {
        return err_format(&exc_ValueError, "depth must be between 1 and 255");
    }
    if (leaf_size > 0xffffffffu) {
        return err_format(&exc_OverflowError, "leaf_size is too large");
    }
    if (!big && node_offset > 0xffffffffffffu) {
        return err_format(&exc_OverflowError, "node_offset is too large");
    }
    if (node_depth < 0 || node_depth > 255) {
        return err_format(&exc_ValueError, "node_depth must be between 0 and 255");
    }
    if (inner_size < 0 || inner_size > (int64_t)maxdigest) {
        return err_format(&exc_ValueError, "inner_size must be between 0 and is %zu", maxdigest);
    }
    if ((a[2] && b2_bytes_arg(a[2], key, maxdigest, &keylen, "key") < 0) ||
        (a[3] && b2_bytes_arg(a[3], salt, maxsalt, &saltlen, "salt") < 0) ||
        (a[4] && b2_bytes_arg(a[4], person, maxsalt, &personlen, "person") < 0)) {
        return 0;
    }
    // The parameter block (RFC 7693 section 2.5 and the BLAKE2 paper):
    // XORed into the IV.
    uint8_t param[64] = {0};
    param[0] = (uint8_t)digest_size;
    param[1] = (uint8_t)keylen;
    param[2] = (uint8_t)fanout;
    param[3] = (uint8_t)depth;
    hash_store32_le(param + 4, (uint32_t)leaf_size);
    if (big) {
        hash_store64_le(param + 8, node_offset);
        param[16] = (uint8_t)node_depth;
        param[17] = (uint8_t)inner_size;
        memcpy(param + 32, salt, 16);
        memcpy(param + 48, person, 16);
    } else {
        uint8_t off[8];
        hash_store64_le(off, node_offset);
        memcpy(param + 8, off, 6);
        param[14] = (uint8_t)node_depth;
        param[15] = (uint8_t)inner_size;
        memcpy(param + 16, salt, 8);
        memcpy(param + 24, person, 8);
    }
    HashObject *h = hash_new(algo);
    if (!h) {
        return 0;
    }
    h->digest_size = digest_size;
    if (big) {
        b2bState *s = (b2bState *)h->state;
        for (int i = 0; i < 8; i++) {
            s->h[i] = b2b_iv[i] ^ hash_load64_le(param + 8 * i);
        }
        s->last_node = last_node;
    } else {
        b2sState *s = (b2sState *)h->state;
        for (int i = 0; i < 8; i++) {
            s->h[i] = b2s_iv[i] ^ hash_load32_le(param + 4 * i);
        }
        s->last_node = last_node;
    }
    if (keylen) {
        uint8_t block[128] = {0};
        memcpy(block, key, keylen);
        algo->feed(h->state, block, algo->block_size);
    }
    if (a[0] && hash_update_from(h, a[0]) < 0) {
        return 0;
    }
    return val_from_ptr(h);
}

Value blake2_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_blake2b) < 0 || type_ready(&type_blake2s) < 0) {
        return 0;
    }
    unsigned long primes[8];
    hash_primes(primes, 8);
    for (int i = 0; i < 8; i++) {
        b2b_iv[i] = hash_root_fraction(primes[i], 2);
        b2s_iv[i] = (uint32_t)(b2b_iv[i] >> 32);
    }
    static const struct {
        const char *name;
        int64_t b, s;
    } sizes[] = {{"SALT_SIZE", 16, 8}, {"PERSON_SIZE", 16, 8}, {"MAX_KEY_SIZE", 64, 32},
                 {"MAX_DIGEST_SIZE", 64, 32}};
    Value m = module_new_cstr("_blake2");
    if (!m) {
        return 0;
    }
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char name[40];
        snprintf(name, sizeof name, "BLAKE2B_%s", sizes[i].name);
        if (module_add(m, name, val_from_smallint(sizes[i].b)) < 0 ||
            dict_set_cstr(type_blake2b.dict, sizes[i].name, val_from_smallint(sizes[i].b)) < 0) {
            return 0;
        }
        snprintf(name, sizeof name, "BLAKE2S_%s", sizes[i].name);
        if (module_add(m, name, val_from_smallint(sizes[i].s)) < 0 ||
            dict_set_cstr(type_blake2s.dict, sizes[i].name, val_from_smallint(sizes[i].s)) < 0) {
            return 0;
        }
    }
    if (module_add(m, "blake2b", val_from_ptr(&type_blake2b)) < 0 ||
        module_add(m, "blake2s", val_from_ptr(&type_blake2s)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
