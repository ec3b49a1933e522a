// hashobject.c - the hash object the hash modules share (hashobject.h):
// its Python methods and attributes, the constructors' argument parsing,
// and the 64-byte-block framing of MD5, SHA-1 and SHA-256.
#include "hashobject.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// The largest digest shake's digest(length) makes, as CPython's (2^29 bytes).
#define HASH_XOF_MAX (1u << 29)

HashObject *hash_new(const HashAlgo *algo) {
    HashObject *h = (HashObject *)gc_alloc(algo->type, sizeof(HashObject) + algo->state_size);
    if (!h) {
        return NULL;
    }
    h->algo = algo;
    h->digest_size = algo->digest_size;
    return h;
}

int hash_update_from(HashObject *h, Value data) {
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
    h->algo->feed(h->state, (const uint8_t *)view.buf, (size_t)view.len);
    buffer_release(&view);
    return 0;
}

// "<name>.<method>" for the argument messages.
static const char *hash_qualname(Value self, const char *method, char *buf, size_t size) {
    snprintf(buf, size, "%s.%s", hash_obj(self)->algo->name, method);
    return buf;
}

FN(hash_m_update) {
    char q[48];
    if (method_check_args(hash_qualname(self, "update", q, sizeof q), nargs, kwnames, 1, 1) < 0 ||
        hash_update_from(hash_obj(self), args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value hash_hex(const uint8_t *d, size_t n) {
    static const char digits[] = "0123456789abcdef";
    char *hex = malloc(2 * n + 1);
    if (!hex) {
        return err_no_memory();
    }
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    Value s = str_from_utf8(hex, 2 * n);
    free(hex);
    return s;
}

// The digest of a fixed-size hash as bytes or as hex.
static Value hash_digest_fixed(Value self, int hex) {
    HashObject *h = hash_obj(self);
    uint8_t out[64];
    size_t n = (size_t)h->digest_size;
    h->algo->final(h->state, out, n);
    return hex ? hash_hex(out, n) : bytes_from(out, n);
}

FN(hash_m_digest) {
    char q[48];
    if (method_check_args(hash_qualname(self, "digest", q, sizeof q), nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return hash_digest_fixed(self, 0);
}

FN(hash_m_hexdigest) {
    char q[48];
    if (method_check_args(hash_qualname(self, "hexdigest", q, sizeof q), nargs, kwnames, 0, 0) <
        0) {
        return 0;
    }
    return hash_digest_fixed(self, 1);
}

// shake's digest(length) and hexdigest(length): length is an unsigned long
// for CPython, below 2^29.
static Value hash_digest_xof(Value self, const char *method, const Value *args, size_t nargs,
                             Value kwnames, int hex) {
    char q[48];
    if (method_check_args(hash_qualname(self, method, q, sizeof q), nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value n = args[0];
    if (!int_check(n)) {  // CPython's unsigned long converter takes no __index__
        return err_format(&exc_TypeError, "an integer is required");
    }
    int64_t len;
    if (int_sign(n) < 0) {
        return err_format(&exc_ValueError, "value must be positive");
    }
    if (int_to_i64(n, &len) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    if (len >= HASH_XOF_MAX) {
        return err_format(&exc_ValueError, "length is too large");
    }
    HashObject *h = hash_obj(self);
    uint8_t *out = malloc(len ? (size_t)len : 1);
    if (!out) {
        return err_no_memory();
    }
    h->algo->final(h->state, out, (size_t)len);
    Value r = hex ? hash_hex(out, (size_t)len) : bytes_from(out, (size_t)len);
    free(out);
    return r;
}

FN(hash_m_xof_digest) {
    return hash_digest_xof(self, "digest", args, nargs, kwnames, 0);
}

FN(hash_m_xof_hexdigest) {
    return hash_digest_xof(self, "hexdigest", args, nargs, kwnames, 1);
}

FN(hash_m_copy) {
    HashObject *h = hash_obj(self);
    if (h->algo->copy_names_type) {
        char q[48];
        if (method_check_args(hash_qualname(self, "copy", q, sizeof q), nargs, kwnames, 0, 0) <
            0) {
            return 0;
        }
    } else if (nargs) {
        return err_format(&exc_TypeError, "copy() takes no arguments");
    }
    HashObject *c = hash_new(h->algo);
    if (!c) {
        return 0;
    }
    c->digest_size = h->digest_size;
    memcpy(c->state, h->state, h->algo->state_size);
    return val_from_ptr(c);
}

Value hash_get_name(Value self) {
    return str_from_cstr(hash_obj(self)->algo->name);
}

Value hash_get_digest_size(Value self) {
    return int_from_i64(hash_obj(self)->digest_size);
}

Value hash_get_block_size(Value self) {
    return int_from_i64(hash_obj(self)->algo->block_size);
}

const MethodDef hash_methods[] = {
    {"copy", hash_m_copy, METH_DEFAULT, "Return a copy of the hash object."},
    {"digest", hash_m_digest, METH_DEFAULT, "Return the digest value as a bytes object."},
    {"hexdigest", hash_m_hexdigest, METH_DEFAULT,
     "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_m_update, METH_DEFAULT,
     "Update this hash object's state with the provided string."},
    {NULL, NULL, 0, NULL},
};

const MethodDef hash_xof_methods[] = {
    {"copy", hash_m_copy, METH_DEFAULT, "Return a copy of the hash object."},
    {"digest", hash_m_xof_digest, METH_DEFAULT, "Return the digest value as a bytes object."},
    {"hexdigest", hash_m_xof_hexdigest, METH_DEFAULT,
     "Return the digest value as a string of hexadecimal digits."},
    {"update", hash_m_update, METH_DEFAULT,
     "Update this hash object's state with the provided string."},
    {NULL, NULL, 0, NULL},
};

const GetSetDef hash_getset[] = {
    {"block_size", hash_get_block_size, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL},
    {"name", hash_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Value hash_tp_new_refused(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances", type_ptr(type)->name);
}

Value hash_construct(const HashAlgo *algo, const char *positional_name,
                     void (*start)(void *state, const HashAlgo *algo), const Value *args, size_t nargs,
                     Value kwnames) {
    Value a[2];
    if (positional_name) {
        const char *const names[] = {positional_name, "usedforsecurity", NULL};
        const ArgSpec spec = {algo->name, 0, names, 0, 1, 0};
        if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
            return 0;
        }
    } else {
        static const char *const names[] = {"usedforsecurity", NULL};
        const ArgSpec spec = {algo->name, 1, names, 0, 1, 0};
        if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
            return 0;
        }
    }
    HashObject *h = hash_new(algo);
    if (!h) {
        return 0;
    }
    start(h->state, algo);
    if (a[0] && hash_update_from(h, a[0]) < 0) {
        return 0;
    }
    return val_from_ptr(h);
}

// ---- helpers for the algorithms -----------------------------------------------------------

uint64_t hash_root_fraction(unsigned long p, unsigned long root) {
    mpz_t x;
    mpz_init_set_ui(x, p);
    mpz_mul_2exp(x, x, 64 * root);
    mpz_root(x, x, root);
    uint64_t low = mpz_getlimbn(x, 0);  // limbs are 64 bits on x86-64
    mpz_clear(x);
    return low;
}

void hash_primes(unsigned long *out, int n) {
    int k = 0;
    for (unsigned long c = 2; k < n; c++) {
        int prime = 1;
        for (int i = 0; i < k && out[i] * out[i] <= c; i++) {
            if (c % out[i] == 0) {
                prime = 0;
                break;
            }
        }
        if (prime) {
            out[k++] = c;
        }
    }
}

void md_feed(MdState *s, const uint8_t *p, size_t n,
             void (*compress)(uint32_t *h, const uint8_t *block)) {
    s->length += n;
    if (s->buflen) {
        size_t take = 64 - s->buflen;
        if (take > n) {
            take = n;
        }
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += (uint32_t)take;
        p += take;
        n -= take;
        if (s->buflen < 64) {
            return;
        }
        compress(s->h, s->buf);
        s->buflen = 0;
    }
    for (; n >= 64; p += 64, n -= 64) {
        compress(s->h, p);
    }
    memcpy(s->buf, p, n);
    s->buflen = (uint32_t)n;
}

void md_final(const MdState *s, void (*compress)(uint32_t *h, const uint8_t *block),
              int big_endian, int nwords, uint8_t *out, size_t outlen) {
    uint32_t h[8];
    uint8_t block[128] = {0};
    memcpy(h, s->h, sizeof h);
    memcpy(block, s->buf, s->buflen);
    block[s->buflen] = 0x80;
    size_t total = s->buflen + 1 + 8 <= 64 ? 64 : 128;
    uint64_t bits = s->length << 3;
    for (int j = 0; j < 8; j++) {
        block[big_endian ? total - 1 - j : total - 8 + j] = (uint8_t)(bits >> (8 * j));
    }
    for (size_t off = 0; off < total; off += 64) {
        compress(h, block + off);
    }
    uint8_t full[32];
    for (int i = 0; i < nwords; i++) {
        if (big_endian) {
            hash_store32_be(full + 4 * i, h[i]);
        } else {
            hash_store32_le(full + 4 * i, h[i]);
        }
    }
    memcpy(out, full, outlen);
}
