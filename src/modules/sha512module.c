// sha512module.c - the `_sha512` module: SHA-512 and SHA-384 (FIPS 180-4),
// which random.py imports to seed from a str or bytes, and hashlib falls
// back on.
//
// The constants are not typed in: FIPS 180-4 defines them as the first 64
// bits of the fractional parts of cube roots (the 80 round constants K, of
// the first 80 primes) and square roots (the initial hash values: SHA-512
// of the first 8 primes, SHA-384 of the 9th to 16th). With GMP that is
// exact integer arithmetic: the integer cube root of p * 2^192 is
// floor(cbrt(p) * 2^64), whose low 64 bits are the fraction's first 64
// bits; likewise the integer square root of p * 2^128. They are computed
// once, when the module is first imported.
//
// A hash object holds no references, only the state: eight 64-bit words,
// the message length in bytes and the partial block not yet compressed.
// The data of update() is read through the buffer protocol and hashed
// before anything is allocated, so the window needs no care.
#include <gmp.h>
#include <stddef.h>
#include <string.h>

#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/type.h"
#include "modules.h"

#define SHA_BLOCK_SIZE 128

static uint64_t sha_k[80];          // round constants
static uint64_t sha512_h0[8];       // initial hash values of SHA-512
static uint64_t sha384_h0[8];       // ... and of SHA-384

typedef struct ShaObject {
    Object header;
    uint64_t state[8];
    int64_t digest_size;            // 64 or 48 (a read-only member, as in CPython)
    uint64_t length;                // bytes hashed so far (block and partial)
    uint32_t buflen;                // bytes in buf
    uint8_t buf[SHA_BLOCK_SIZE];
} ShaObject;

static Type type_sha512, type_sha384;

// ---- the constants ---------------------------------------------------------------

// The first 64 bits of the fractional part of p^(1/root) (root 2 or 3).
static uint64_t sha_root_fraction(unsigned long p, unsigned long root) {
    mpz_t x;
    mpz_init_set_ui(x, p);
    mpz_mul_2exp(x, x, 64 * root);
    mpz_root(x, x, root);
    uint64_t low = mpz_getlimbn(x, 0);  // limbs are 64 bits on x86-64
    mpz_clear(x);
    return low;
}

static void sha_init_constants(void) {
    unsigned long primes[80];
    int n = 0;
    for (unsigned long c = 2; n < 80; c++) {
        int prime = 1;
        for (int i = 0; i < n && primes[i] * primes[i] <= c; i++) {
            if (c % primes[i] == 0) {
                prime = 0;
                break;
            }
        }
        if (prime) {
            primes[n++] = c;
        }
    }
    for (int i = 0; i < 80; i++) {
        sha_k[i] = sha_root_fraction(primes[i], 3);
    }
    for (int i = 0; i < 8; i++) {
        sha512_h0[i] = sha_root_fraction(primes[i], 2);
        sha384_h0[i] = sha_root_fraction(primes[8 + i], 2);
    }
}

// ---- the compression function ------------------------------------------------------

static inline uint64_t rotr(uint64_t x, int n) {
    return (x >> n) | (x << (64 - n));
}

static void sha_compress(uint64_t *state, const uint8_t *block) {
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++) {
            v = (v << 8) | block[8 * t + j];
        }
        w[t] = v;
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint64_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 80; t++) {
        uint64_t t1 = h + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) +
                      sha_k[t] + w[t];
        uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

static void sha_feed(ShaObject *s, const uint8_t *p, size_t n) {
    s->length += n;
    if (s->buflen) {
        size_t take = SHA_BLOCK_SIZE - s->buflen;
        if (take > n) {
            take = n;
        }
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += (uint32_t)take;
        p += take;
        n -= take;
        if (s->buflen < SHA_BLOCK_SIZE) {
            return;
        }
        sha_compress(s->state, s->buf);
        s->buflen = 0;
    }
    for (; n >= SHA_BLOCK_SIZE; p += SHA_BLOCK_SIZE, n -= SHA_BLOCK_SIZE) {
        sha_compress(s->state, p);
    }
    memcpy(s->buf, p, n);
    s->buflen = (uint32_t)n;
}

// The digest of what was fed so far, without changing s: pad a copy (a 1
// bit, zeros, then the length in bits as a 128-bit big-endian number).
static void sha_final(const ShaObject *s, uint8_t out[64]) {
    uint64_t state[8];
    uint8_t block[2 * SHA_BLOCK_SIZE] = {0};
    memcpy(state, s->state, sizeof state);
    memcpy(block, s->buf, s->buflen);
    block[s->buflen] = 0x80;
    size_t total = s->buflen + 1 + 16 <= SHA_BLOCK_SIZE ? SHA_BLOCK_SIZE : 2 * SHA_BLOCK_SIZE;
    uint64_t bits_high = s->length >> 61, bits_low = s->length << 3;
    for (int j = 0; j < 8; j++) {
        block[total - 16 + j] = (uint8_t)(bits_high >> (56 - 8 * j));
        block[total - 8 + j] = (uint8_t)(bits_low >> (56 - 8 * j));
    }
    for (size_t off = 0; off < total; off += SHA_BLOCK_SIZE) {
        sha_compress(state, block + off);
    }
    for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++) {
            out[8 * i + j] = (uint8_t)(state[i] >> (56 - 8 * j));
        }
    }
}

// ---- the hash objects --------------------------------------------------------------

static int sha_is384(Value self) {
    return type_of(self) == &type_sha384;
}

static size_t sha_digest_size(Value self) {
    return sha_is384(self) ? 48 : 64;
}

static ShaObject *sha_obj(Value v) {
    return (ShaObject *)val_ptr(v);
}

// Hash a bytes-like `data` into s, with CPython's errors for other types.
static int sha_update_from(ShaObject *s, Value data) {
    if (val_is_str(data)) {
        err_format(&exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    Buffer view;
    int k = buffer_get(data, &view, BUFFER_SIMPLE);
    if (k == 0) {
        err_format(&exc_TypeError, "object supporting the buffer API required");
    }
    if (k <= 0) {
        return -1;
    }
    sha_feed(s, (const uint8_t *)view.buf, (size_t)view.len);
    buffer_release(&view);
    return 0;
}

static const char *sha_method_name(Value self, const char *sha512_name, const char *sha384_name) {
    return sha_is384(self) ? sha384_name : sha512_name;
}

static Value sha_m_update(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args(sha_method_name(self, "sha512.update", "sha384.update"), nargs, kwnames,
                          1, 1) < 0 ||
        sha_update_from(sha_obj(self), args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value sha_m_digest(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args(sha_method_name(self, "sha512.digest", "sha384.digest"), nargs, kwnames,
                          0, 0) < 0) {
        return 0;
    }
    uint8_t out[64];
    sha_final(sha_obj(self), out);
    return bytes_from(out, sha_digest_size(self));
}

static Value sha_m_hexdigest(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args(sha_method_name(self, "sha512.hexdigest", "sha384.hexdigest"), nargs,
                          kwnames, 0, 0) < 0) {
        return 0;
    }
    uint8_t out[64];
    char hex[129];
    static const char digits[] = "0123456789abcdef";
    sha_final(sha_obj(self), out);
    size_t n = sha_digest_size(self);
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[out[i] >> 4];
        hex[2 * i + 1] = digits[out[i] & 15];
    }
    return str_from_utf8(hex, 2 * n);
}

// CPython 3.11's copy() (it takes the defining class) refuses positional
// arguments with this message and ignores keywords.
static Value sha_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)kwnames;
    if (nargs) {
        return err_format(&exc_TypeError, "copy() takes no arguments");
    }
    ShaObject *copy = (ShaObject *)gc_alloc(type_of(self), sizeof(ShaObject));
    if (!copy) {
        return 0;
    }
    memcpy((char *)copy + sizeof(Object), (char *)sha_obj(self) + sizeof(Object),
           sizeof(ShaObject) - sizeof(Object));
    return val_from_ptr(copy);
}

static Value sha_get_name(Value self) {
    return str_from_cstr(sha_is384(self) ? "sha384" : "sha512");
}

static Value sha_get_block_size(Value self) {
    (void)self;
    return int_from_i64(SHA_BLOCK_SIZE);
}

static const MethodDef sha_methods[] = {
    {"copy", sha_m_copy, METH_DEFAULT, "Return a copy of the hash object."},
    {"digest", sha_m_digest, METH_DEFAULT, "Return the digest value as a bytes object."},
    {"hexdigest", sha_m_hexdigest, METH_DEFAULT, "Return the digest value as a string of hexadecimal digits."},
    {"update", sha_m_update, METH_DEFAULT, "Update this hash object's state with the provided string."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef sha_getset[] = {
    {"block_size", sha_get_block_size, NULL, NULL},
    {"name", sha_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MemberDef sha_members[] = {
    {"digest_size", MEMBER_INT64_RO, offsetof(ShaObject, digest_size), NULL},
    {NULL, 0, 0, NULL},
};

// The hash types are made by the module's functions only.
static Value sha_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances", type_ptr(type)->name);
}

static Type type_sha512 = {
    .header = {&type_type},
    .name = "_sha512.sha512",
    .basic_size = sizeof(ShaObject),
    .base = &type_object,
    .methods = sha_methods,
    .getset = sha_getset,
    .members = sha_members,
    .new_ = sha_tp_new,
};

static Type type_sha384 = {
    .header = {&type_type},
    .name = "_sha512.sha384",
    .basic_size = sizeof(ShaObject),
    .base = &type_object,
    .methods = sha_methods,
    .getset = sha_getset,
    .members = sha_members,
    .new_ = sha_tp_new,
};

// sha512(string=b'', *, usedforsecurity=True) and sha384(...) (3.11's
// parameter is `string`, by position or name); usedforsecurity is accepted
// and ignored, as by CPython's builtin hashes.
static Value sha_new(Type *type, const char *fname, const uint64_t *h0, const Value *args,
                     size_t nargs, Value kwnames) {
    static const char *const names[] = {"string", "usedforsecurity", NULL};
    const ArgSpec spec = {fname, 0, names, 0, 1, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    ShaObject *s = (ShaObject *)gc_alloc(type, sizeof(ShaObject));
    if (!s) {
        return 0;
    }
    memcpy(s->state, h0, sizeof s->state);
    s->digest_size = type == &type_sha384 ? 48 : 64;
    if (a[0] && sha_update_from(s, a[0]) < 0) {
        return 0;
    }
    return val_from_ptr(s);
}

static Value sha_sha512(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)self;
    return sha_new(&type_sha512, "sha512", sha512_h0, args, nargs, kwnames);
}

static Value sha_sha384(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)self;
    return sha_new(&type_sha384, "sha384", sha384_h0, args, nargs, kwnames);
}

static const MethodDef sha_functions[] = {
    {"sha384", sha_sha384, METH_DEFAULT, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {"sha512", sha_sha512, METH_DEFAULT, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

Value sha512_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_sha512) < 0 || type_ready(&type_sha384) < 0) {
        return 0;
    }
    sha_init_constants();
    Value m = module_new_cstr("_sha512");
    // CPython 3.11 registers its sha512 type under the name SHA384Type (and
    // the sha384 type under none); programs can see it, so krait does too.
    if (!m || module_add_functions(m, sha_functions) < 0 ||
        module_add(m, "SHA384Type", val_from_ptr(&type_sha512)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
