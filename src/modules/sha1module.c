// sha1module.c - the `_sha1` module: SHA-1 (FIPS 180-4), for hashlib.
//
// The four round constants are 2^30 times the square roots of 2, 3, 5 and
// 10 (their integer parts), computed here as integer square roots; the
// initial state is MD5's followed by C3D2E1F0, as the standard gives it.
#include <string.h>

#include "../runtime/gc.h"
#include "../runtime/module.h"
#include "hashobject.h"
#include "modules.h"

static uint32_t sha1_k[4];

static void sha1_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[80];
    for (int t = 0; t < 16; t++) {
        w[t] = hash_load32_be(block + 4 * t);
    }
    for (int t = 16; t < 80; t++) {
        w[t] = hash_rotl32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f;
        if (t < 20) {
            f = (b & c) | (~b & d);
        } else if (t < 40 || t >= 60) {
            f = b ^ c ^ d;
        } else {
            f = (b & c) | (b & d) | (c & d);
        }
        uint32_t tmp = hash_rotl32(a, 5) + f + e + sha1_k[t / 20] + w[t];
        e = d;
        d = c;
        c = hash_rotl32(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

static void sha1_start(void *state, const HashAlgo *algo) {
    MdState *s = state;
    memset(s, 0, sizeof *s);
    static const uint8_t iv[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                   0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
    for (int i = 0; i < 4; i++) {
        s->h[i] = hash_load32_le(iv + 4 * i);
    }
    s->h[4] = 0xc3d2e1f0;
}

static void sha1_feed(void *state, const uint8_t *p, size_t n) {
    md_feed(state, p, n, sha1_compress);
}

static void sha1_final(const void *state, uint8_t *out, size_t outlen) {
    md_final(state, sha1_compress, 1, 5, out, outlen);
}

static Type type_sha1 = {
    .header = {&type_type},
    .name = "_sha1.sha1",
    .basic_size = sizeof(HashObject),
    .base = &type_object,
    .methods = hash_methods,
    .getset = hash_getset,
    .new_ = hash_tp_new_refused,
};

static const HashAlgo sha1_algo = {"sha1", &type_sha1, 20, 64, sizeof(MdState), 0, sha1_feed, sha1_final};

static Value sha1_sha1(Value self, const Value *args, size_t nargs, Value kwnames) {
    return hash_construct(&sha1_algo, "string", sha1_start, args, nargs, kwnames);
}

static const MethodDef sha1_functions[] = {
    {"sha1", sha1_sha1, METH_DEFAULT, "Return a new SHA1 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

// floor(sqrt(n) * 2^30) for small n: the integer square root of n * 2^60.
static uint32_t sha1_sqrt_constant(uint64_t n) {
    uint64_t x = n << 60, r = 0;
    for (uint64_t bit = (uint64_t)1 << 62; bit; bit >>= 2) {
        if (x >= r + bit) {
            x -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
    }
    return (uint32_t)r;
}

Value sha1_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_sha1) < 0) {
        return 0;
    }
    static const uint64_t radicands[4] = {2, 3, 5, 10};
    for (int i = 0; i < 4; i++) {
        sha1_k[i] = sha1_sqrt_constant(radicands[i]);
    }
    Value m = module_new_cstr("_sha1");
    if (!m || module_add_functions(m, sha1_functions) < 0 ||
        module_add(m, "SHA1Type", val_from_ptr(&type_sha1)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
