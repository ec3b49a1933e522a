// sha3module.c - the `_sha3` module: SHA3-224/256/384/512 and the
// extendable-output functions SHAKE128/256 (FIPS 202), for hashlib.
//
// All six are the Keccak sponge over the permutation Keccak-f[1600]: the
// state is 25 lanes of 64 bits, lane (x, y) at index x + 5y. Input is
// absorbed `rate` bytes at a time (XORed into the first lanes, then the
// state permuted); the digest is squeezed out the same way. They differ
// only in the rate (200 bytes minus twice the security strength) and in
// the domain suffix of the padding (0x06 for SHA-3, 0x1f for SHAKE).
//
// FIPS 202 defines the round constants and the lane rotations by
// algorithms (the LFSR rc(t) of section 3.2.5, and the walk of rho in
// 3.2.2); they are computed by those algorithms when the module is
// imported.
#include <string.h>

#include "../runtime/bytes.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "hashobject.h"
#include "modules.h"

typedef struct KeccakState {
    uint64_t lanes[25];
    uint32_t rate;              // bytes per block
    uint32_t pos;               // bytes absorbed into the current block
    uint8_t suffix;             // the domain bits and the first padding bit
} KeccakState;

static uint64_t keccak_rc[24];
static int keccak_rho[25];

// FIPS 202's rc(t): the output bit of an 8-bit LFSR (x^8 + x^6 + x^5 + x^4 + 1).
static int keccak_rc_bit(int t) {
    unsigned r = 1;  // the bit string 10000000, R[i] in bit i
    for (int i = 0; i < t % 255; i++) {
        r <<= 1;
        unsigned r8 = (r >> 8) & 1;
        r ^= r8 | r8 << 4 | r8 << 5 | r8 << 6;
        r &= 0xff;
    }
    return r & 1;
}

static void keccak_init_constants(void) {
    for (int ir = 0; ir < 24; ir++) {
        uint64_t rc = 0;
        for (int j = 0; j <= 6; j++) {
            rc |= (uint64_t)keccak_rc_bit(j + 7 * ir) << ((1 << j) - 1);
        }
        keccak_rc[ir] = rc;
    }
    int x = 1, y = 0;
    keccak_rho[0] = 0;
    for (int t = 0; t < 24; t++) {
        keccak_rho[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
        int nx = y, ny = (2 * x + 3 * y) % 5;
        x = nx;
        y = ny;
    }
}

static void keccak_permute(uint64_t *a) {
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], d[5], b[25];
        for (int x = 0; x < 5; x++) {  // theta
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for (int x = 0; x < 5; x++) {
            d[x] = c[(x + 4) % 5] ^ hash_rotl64(c[(x + 1) % 5], 1);
        }
        for (int i = 0; i < 25; i++) {
            a[i] ^= d[i % 5];
        }
        // rho and pi: B[x, y] = rot(A[(x + 3y) mod 5, x])
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) {
                int src = (x + 3 * y) % 5 + 5 * x;
                b[x + 5 * y] = hash_rotl64(a[src], keccak_rho[src]);
            }
        }
        for (int y = 0; y < 5; y++) {  // chi
            for (int x = 0; x < 5; x++) {
                a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        a[0] ^= keccak_rc[round];  // iota
    }
}

static void keccak_feed(void *state, const uint8_t *p, size_t n) {
    KeccakState *s = state;
    while (n) {
        if (s->pos == 0 && s->rate % 8 == 0) {
            while (n >= s->rate) {  // whole blocks, a lane at a time
                for (uint32_t i = 0; i < s->rate / 8; i++) {
                    s->lanes[i] ^= hash_load64_le(p + 8 * i);
                }
                keccak_permute(s->lanes);
                p += s->rate;
                n -= s->rate;
            }
            if (!n) {
                break;
            }
        }
        s->lanes[s->pos / 8] ^= (uint64_t)*p << (8 * (s->pos % 8));
        p++;
        n--;
        if (++s->pos == s->rate) {
            keccak_permute(s->lanes);
            s->pos = 0;
        }
    }
}

// Pad and squeeze outlen bytes from a copy of the state.
static void keccak_final(const void *state, uint8_t *out, size_t outlen) {
    KeccakState s = *(const KeccakState *)state;
    s.lanes[s.pos / 8] ^= (uint64_t)s.suffix << (8 * (s.pos % 8));
    s.lanes[(s.rate - 1) / 8] ^= (uint64_t)0x80 << (8 * ((s.rate - 1) % 8));
    keccak_permute(s.lanes);
    for (;;) {
        size_t take = outlen < s.rate ? outlen : s.rate;
        for (size_t i = 0; i < take; i++) {
            out[i] = (uint8_t)(s.lanes[i / 8] >> (8 * (i % 8)));
        }
        out += take;
        outlen -= take;
        if (!outlen) {
            break;
        }
        keccak_permute(s.lanes);
    }
}

// ---- the types ------------------------------------------------------------------------

static Value sha3_get_capacity_bits(Value self) {
    return int_from_i64(1600 - 8 * (int64_t)hash_obj(self)->algo->block_size);
}

static Value sha3_get_rate_bits(Value self) {
    return int_from_i64(8 * (int64_t)hash_obj(self)->algo->block_size);
}

static Value sha3_get_suffix(Value self) {
    uint8_t suffix = ((KeccakState *)hash_obj(self)->state)->suffix;
    return bytes_from(&suffix, 1);
}

static const GetSetDef sha3_getset[] = {
    {"_capacity_bits", sha3_get_capacity_bits, NULL, NULL},
    {"_rate_bits", sha3_get_rate_bits, NULL, NULL},
    {"_suffix", sha3_get_suffix, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL},
    {"name", hash_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value sha3_tp_new(Value type, const Value *args, size_t nargs, Value kwnames);

#define SHA3_TYPE(cname, pyname, methods_)                                                     \
    static Type cname = {                                                                      \
        .header = {&type_type},                                                                \
        .name = pyname,                                                                        \
        .basic_size = sizeof(HashObject),                                                      \
        .base = &type_object,                                                                  \
        .methods = methods_,                                                                   \
        .getset = sha3_getset,                                                                 \
        .new_ = sha3_tp_new,                                                                   \
    }
SHA3_TYPE(type_sha3_224, "_sha3.sha3_224", hash_methods);
SHA3_TYPE(type_sha3_256, "_sha3.sha3_256", hash_methods);
SHA3_TYPE(type_sha3_384, "_sha3.sha3_384", hash_methods);
SHA3_TYPE(type_sha3_512, "_sha3.sha3_512", hash_methods);
SHA3_TYPE(type_shake_128, "_sha3.shake_128", hash_xof_methods);
SHA3_TYPE(type_shake_256, "_sha3.shake_256", hash_xof_methods);

#define SHA3_ALGO(name, type, digest, rate)                                                    \
    {name, type, digest, rate, sizeof(KeccakState), 1, keccak_feed, keccak_final}
static const HashAlgo sha3_algos[] = {
    SHA3_ALGO("sha3_224", &type_sha3_224, 28, 144),
    SHA3_ALGO("sha3_256", &type_sha3_256, 32, 136),
    SHA3_ALGO("sha3_384", &type_sha3_384, 48, 104),
    SHA3_ALGO("sha3_512", &type_sha3_512, 64, 72),
    SHA3_ALGO("shake_128", &type_shake_128, 0, 168),
    SHA3_ALGO("shake_256", &type_shake_256, 0, 136),
};
#define SHA3_NALGOS (sizeof sha3_algos / sizeof sha3_algos[0])

static void sha3_start(void *state, const HashAlgo *algo) {
    KeccakState *s = state;
    memset(s, 0, sizeof *s);
    s->rate = algo->block_size;
    s->suffix = algo->digest_size ? 0x06 : 0x1f;
}

// sha3_224(data=b'', /, *, usedforsecurity=True) and the others: the types
// are their own constructors.
static Value sha3_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    for (size_t i = 0; i < SHA3_NALGOS; i++) {
        if (val_from_ptr(sha3_algos[i].type) == type) {
            return hash_construct(&sha3_algos[i], NULL, sha3_start, args, nargs, kwnames);
        }
    }
    return hash_tp_new_refused(type, args, nargs, kwnames);
}

Value sha3_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    keccak_init_constants();
    Value m = module_new_cstr("_sha3");
    if (!m) {
        return 0;
    }
    for (size_t i = 0; i < SHA3_NALGOS; i++) {
        if (type_ready(sha3_algos[i].type) < 0 ||
            module_add(m, sha3_algos[i].name, val_from_ptr(sha3_algos[i].type)) < 0) {
            return 0;
        }
    }
    if (module_add(m, "implementation", str_from_cstr("krait")) < 0 ||
        module_add(m, "keccakopt", val_from_smallint(64)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
