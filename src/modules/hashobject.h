// hashobject.h - what the hash modules (_md5, _sha1, _sha256, _sha3,
// _blake2) share: the hash object, its Python methods, and the helpers
// the algorithms are written with.
//
// Each algorithm is a HashAlgo: the size of its state and three functions
// on that state (start, feed bytes, produce the digest of what was fed
// without changing the state). A HashObject is the header, the algorithm
// and the state bytes; update/digest/hexdigest/copy and the name,
// digest_size and block_size attributes are written once here. Each
// algorithm still gets its own static Type (its own name, `_md5.md5`, as
// CPython's), whose method and getset tables are the ones below.
//
// A hash object holds no references, so its types need no trace function.
#ifndef KRAIT_HASHOBJECT_H
#define KRAIT_HASHOBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "../runtime/object.h"
#include "../runtime/type.h"

typedef struct HashAlgo {
    const char *name;           // "sha3_224": the name attribute, and in messages
    Type *type;
    uint32_t digest_size;       // 0 for an extendable-output function (shake)
    uint32_t block_size;
    size_t state_size;          // bytes of state after the object's header
    // CPython's md5, sha1 and sha256 copy() say "copy() takes no arguments";
    // sha3 and blake2 name the method "<name>.copy() ... (N given)".
    int copy_names_type;
    void (*feed)(void *state, const uint8_t *p, size_t n);
    // Write outlen bytes of digest; must leave the state as it was.
    void (*final)(const void *state, uint8_t *out, size_t outlen);
} HashAlgo;

typedef struct HashObject {
    Object header;
    const HashAlgo *algo;
    int64_t digest_size;        // algo's, or blake2's chosen size
    uint64_t state[];           // algo->state_size bytes
} HashObject;

static inline HashObject *hash_obj(Value v) {
    return (HashObject *)val_ptr(v);
}

// A new object of algo's type with zeroed state (the caller starts it).
// 0 on MemoryError.
HashObject *hash_new(const HashAlgo *algo);
// Feed a bytes-like `data`, with CPython's TypeErrors for str and for
// objects without the buffer protocol. 0 or -1.
int hash_update_from(HashObject *h, Value data);

// The tables of the hash types: fixed-size digests, and shake's
// digest(length)/hexdigest(length).
extern const MethodDef hash_methods[];
extern const MethodDef hash_xof_methods[];
extern const GetSetDef hash_getset[];
Value hash_get_name(Value self);
Value hash_get_digest_size(Value self);
Value hash_get_block_size(Value self);
// The tp_new of types made by module functions only (md5, sha1, sha256).
Value hash_tp_new_refused(Value type, const Value *args, size_t nargs, Value kwnames);

// A module function or type constructor of the shape `name(string=b'', *,
// usedforsecurity=True)` (md5, sha1, sha224, sha256: `positional_name`
// "string") or `name(data=b'', /, *, usedforsecurity=True)` (sha3, shake:
// positional_name NULL): parses, calls start(state), feeds the data.
Value hash_construct(const HashAlgo *algo, const char *positional_name,
                     void (*start)(void *state, const HashAlgo *algo), const Value *args, size_t nargs,
                     Value kwnames);

// ---- for the algorithms ----------------------------------------------------------------

// The first 64 bits of the fractional part of p^(1/root), root 2 or 3 (the
// constants of SHA-2 and the BLAKE2 IVs).
uint64_t hash_root_fraction(unsigned long p, unsigned long root);
// The first n primes into out (n <= 80).
void hash_primes(unsigned long *out, int n);

static inline uint32_t hash_rotl32(uint32_t x, int n) {
    return (x << n) | (x >> ((32 - n) & 31));
}
static inline uint32_t hash_rotr32(uint32_t x, int n) {
    return (x >> n) | (x << ((32 - n) & 31));
}
static inline uint64_t hash_rotl64(uint64_t x, int n) {
    return (x << n) | (x >> ((64 - n) & 63));
}
static inline uint64_t hash_rotr64(uint64_t x, int n) {
    return (x >> n) | (x << ((64 - n) & 63));
}
static inline uint32_t hash_load32_le(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint32_t hash_load32_be(const uint8_t *p) {
    return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
}
static inline uint64_t hash_load64_le(const uint8_t *p) {
    return (uint64_t)hash_load32_le(p) | (uint64_t)hash_load32_le(p + 4) << 32;
}
static inline void hash_store32_le(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}
static inline void hash_store32_be(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (24 - 8 * i));
    }
}
static inline void hash_store64_le(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

// The 64-byte-block Merkle-Damgard framing that MD5, SHA-1 and SHA-256
// share: up to eight 32-bit words of chaining state, the length, and the
// partial block. `compress` works on one 64-byte block.
typedef struct MdState {
    uint32_t h[8];
    uint64_t length;            // bytes fed
    uint32_t buflen;
    uint8_t buf[64];
} MdState;

void md_feed(MdState *s, const uint8_t *p, size_t n, void (*compress)(uint32_t *h, const uint8_t *block));
// Pad a copy of s (0x80, zeros, the bit length in 8 bytes, little- or
// big-endian) and write the first `nwords` chaining words in that
// endianness.
void md_final(const MdState *s, void (*compress)(uint32_t *h, const uint8_t *block),
              int big_endian, int nwords, uint8_t *out, size_t outlen);

#endif
