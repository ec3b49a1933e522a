// md5module.c - the `_md5` module: MD5 (RFC 1321), which hashlib falls back
// on when it has no OpenSSL (krait has none).
//
// The 64 additive constants are not typed in: RFC 1321 defines T[i] as
// the integer part of 2^32 * |sin(i)| (i in radians, 1..64), and a double
// computes each exactly enough for that integer part. The initial state is
// the byte sequence 01 23 45 ... 10 read as little-endian words.
#include <math.h>
#include <string.h>

#include "../runtime/gc.h"
#include "../runtime/module.h"
#include "hashobject.h"
#include "modules.h"

static uint32_t md5_t[64];
static const int md5_shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static void md5_compress(uint32_t *h, const uint8_t *block) {
    uint32_t x[16];
    for (int i = 0; i < 16; i++) {
        x[i] = hash_load32_le(block + 4 * i);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        int round = i / 16;
        uint32_t f;
        int k;
        switch (round) {
        case 0:
            f = (b & c) | (~b & d);
            k = i;
            break;
        case 1:
            f = (b & d) | (c & ~d);
            k = (5 * i + 1) % 16;
            break;
        case 2:
            f = b ^ c ^ d;
            k = (3 * i + 5) % 16;
            break;
        default:
            f = c ^ (b | ~d);
            k = (7 * i) % 16;
            break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + hash_rotl32(a + f + md5_t[i] + x[k], md5_shift[round][i % 4]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

static void md5_start(void *state, const HashAlgo *algo) {
    MdState *s = state;
    memset(s, 0, sizeof *s);
    static const uint8_t iv[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                   0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
    for (int i = 0; i < 4; i++) {
        s->h[i] = hash_load32_le(iv + 4 * i);
    }
}

static void md5_feed(void *state, const uint8_t *p, size_t n) {
    md_feed(state, p, n, md5_compress);
}

static void md5_final(const void *state, uint8_t *out, size_t outlen) {
    md_final(state, md5_compress, 0, 4, out, outlen);
}

static Type type_md5 = {
    .header = {&type_type},
    .name = "_md5.md5",
    .basic_size = sizeof(HashObject),
    .base = &type_object,
    .methods = hash_methods,
    .getset = hash_getset,
    .new_ = hash_tp_new_refused,
};

static const HashAlgo md5_algo = {"md5", &type_md5, 16, 64, sizeof(MdState), 0, md5_feed, md5_final};

static Value md5_md5(Value self, const Value *args, size_t nargs, Value kwnames) {
    return hash_construct(&md5_algo, "string", md5_start, args, nargs, kwnames);
}

static const MethodDef md5_functions[] = {
    {"md5", md5_md5, METH_DEFAULT, "Return a new MD5 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

Value md5_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_md5) < 0) {
        return 0;
    }
    for (int i = 0; i < 64; i++) {
        md5_t[i] = (uint32_t)(fabs(sin((double)(i + 1))) * 4294967296.0);
    }
    Value m = module_new_cstr("_md5");
    if (!m || module_add_functions(m, md5_functions) < 0 ||
        module_add(m, "MD5Type", val_from_ptr(&type_md5)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
