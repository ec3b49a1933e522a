// sha256module.c - the `_sha256` module: SHA-256 and SHA-224 (FIPS 180-4),
// for hashlib.
//
// As in sha512module.c the constants are computed, not typed in: the 64
// round constants are the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes, SHA-256's initial values those of the
// square roots of the first 8 primes, and SHA-224's the second 32 bits of
// the square roots of the 9th to 16th primes.
#include <string.h>

#include "../runtime/gc.h"
#include "../runtime/module.h"
#include "hashobject.h"
#include "modules.h"

static uint32_t sha256_k[64];
static uint32_t sha256_h0[8], sha224_h0[8];

static void sha256_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++) {
        w[t] = hash_load32_be(block + 4 * t);
    }
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = hash_rotr32(w[t - 15], 7) ^ hash_rotr32(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = hash_rotr32(w[t - 2], 17) ^ hash_rotr32(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = hh + (hash_rotr32(e, 6) ^ hash_rotr32(e, 11) ^ hash_rotr32(e, 25)) +
                      ((e & f) ^ (~e & g)) + sha256_k[t] + w[t];
        uint32_t t2 = (hash_rotr32(a, 2) ^ hash_rotr32(a, 13) ^ hash_rotr32(a, 22)) +
                      ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha256_start(void *state, const HashAlgo *algo) {
    MdState *s = state;
    memset(s, 0, sizeof *s);
    memcpy(s->h, sha256_h0, sizeof s->h);
}

static void sha224_start(void *state, const HashAlgo *algo) {
    MdState *s = state;
    memset(s, 0, sizeof *s);
    memcpy(s->h, sha224_h0, sizeof s->h);
}

static void sha256_feed(void *state, const uint8_t *p, size_t n) {
    md_feed(state, p, n, sha256_compress);
}

static void sha256_final(const void *state, uint8_t *out, size_t outlen) {
    md_final(state, sha256_compress, 1, 8, out, outlen);
}

static Type type_sha256 = {
    .header = {&type_type},
    .name = "_sha256.sha256",
    .basic_size = sizeof(HashObject),
    .base = &type_object,
    .methods = hash_methods,
    .getset = hash_getset,
    .new_ = hash_tp_new_refused,
};

static Type type_sha224 = {
    .header = {&type_type},
    .name = "_sha256.sha224",
    .basic_size = sizeof(HashObject),
    .base = &type_object,
    .methods = hash_methods,
    .getset = hash_getset,
    .new_ = hash_tp_new_refused,
};

static const HashAlgo sha256_algo = {"sha256", &type_sha256, 32, 64, sizeof(MdState), 0,
                                     sha256_feed, sha256_final};
static const HashAlgo sha224_algo = {"sha224", &type_sha224, 28, 64, sizeof(MdState), 0,
                                     sha256_feed, sha256_final};

static Value sha256_sha256(Value self, const Value *args, size_t nargs, Value kwnames) {
    return hash_construct(&sha256_algo, "string", sha256_start, args, nargs, kwnames);
}

static Value sha256_sha224(Value self, const Value *args, size_t nargs, Value kwnames) {
    return hash_construct(&sha224_algo, "string", sha224_start, args, nargs, kwnames);
}

static const MethodDef sha256_functions[] = {
    {"sha224", sha256_sha224, METH_DEFAULT, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {"sha256", sha256_sha256, METH_DEFAULT, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

Value sha256_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_sha256) < 0 || type_ready(&type_sha224) < 0) {
        return 0;
    }
    unsigned long primes[64];
    hash_primes(primes, 64);
    for (int i = 0; i < 64; i++) {
        sha256_k[i] = (uint32_t)(hash_root_fraction(primes[i], 3) >> 32);
    }
    for (int i = 0; i < 8; i++) {
        sha256_h0[i] = (uint32_t)(hash_root_fraction(primes[i], 2) >> 32);
        sha224_h0[i] = (uint32_t)hash_root_fraction(primes[8 + i], 2);
    }
    Value m = module_new_cstr("_sha256");
    if (!m || module_add_functions(m, sha256_functions) < 0 ||
        module_add(m, "SHA224Type", val_from_ptr(&type_sha224)) < 0 ||
        module_add(m, "SHA256Type", val_from_ptr(&type_sha256)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
