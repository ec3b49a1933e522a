// value.h - the tagged word every Python value is.
//
// A Value is one 64-bit word. Its low bits say what it is:
//
//     ...............................................................1   small int (63-bit, v >> 1)
//     ..............................................................10   flonum (an immediate double)
//     .............................................................000   pointer to a heap object
//     0000000000000000000000000000000000000000000000000000000000000000   no value
//
// The word 0 is "no value": a C function returning a Value returns 0 when an
// exception is pending in the thread state, and a frame slot holding 0 is an
// unbound local. (Bit pattern ...100 is reserved for future immediates.)
//
// Flonums (the Ruby technique): a double whose three top exponent bits
// b62..b60 are 011 or 100 - exponents of roughly 2^-255..2^256, which covers
// nearly every double a program computes - is stored rotated left by three
// bits. In that range b61 == !b62 and b62 == !b60, so the rotation's lowest
// two bits (which held b62 and b61) are free for the tag and are rebuilt from
// b60 when decoding. +0.0 gets the special pattern FLONUM_ZERO. Every other
// double (-0.0, inf, nan, subnormals, huge and tiny values) is a boxed float
// object. Consequences: equal flonums are the same Value (so `is` holds
// between equal floats in range, as PyPy allows), and float arithmetic
// allocates nothing in the common case.
//
// Small ints hold -2^62 .. 2^62-1; arithmetic overflow promotes to a big int
// object (runtime/int.c).
#ifndef KRAIT_VALUE_H
#define KRAIT_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

#define VALUE_NONE_YET ((Value)0)  // "no value": pending exception or unbound

#define SMALLINT_MAX ((int64_t)((UINT64_C(1) << 62) - 1))
#define SMALLINT_MIN (-SMALLINT_MAX - 1)

// ---- small ints ----------------------------------------------------------

static inline bool val_is_smallint(Value v) { return (v & 1) != 0; }

static inline int64_t val_smallint(Value v) { return (int64_t)v >> 1; }

static inline bool smallint_fits(int64_t i) { return i >= SMALLINT_MIN && i <= SMALLINT_MAX; }

// Only for values that fit (smallint_fits).
static inline Value val_from_smallint(int64_t i) { return ((uint64_t)i << 1) | 1; }

// ---- flonums -------------------------------------------------------------

#define FLONUM_ZERO UINT64_C(0x8000000000000002)  // +0.0

static inline bool val_is_flonum(Value v) { return (v & 3) == 2; }

static inline uint64_t flonum_rotl3(uint64_t x) { return (x << 3) | (x >> 61); }
static inline uint64_t flonum_rotr3(uint64_t x) { return (x >> 3) | (x << 61); }

// Whether d can be an immediate, and its encoding in *out.
static inline bool flonum_encode(double d, Value *out) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    unsigned top = (unsigned)(b >> 60) & 7;  // b62..b60
    if ((top == 3 || top == 4) && b != UINT64_C(0x3000000000000000)) {
        *out = (flonum_rotl3(b) & ~(uint64_t)3) | 2;
        return true;
    }
    if (b == 0) {
        *out = FLONUM_ZERO;
        return true;
    }
    return false;
}

static inline double val_flonum(Value v) {
    double d = 0.0;
    if (v != FLONUM_ZERO) {
        uint64_t b60 = v >> 63;  // b60 of the double sits in bit 63 after the rotation
        uint64_t b = flonum_rotr3((2 - b60) | (v & ~(uint64_t)3));
        memcpy(&d, &b, sizeof d);
    }
    return d;
}

// ---- heap pointers -------------------------------------------------------

struct Object;

static inline bool val_is_ptr(Value v) { return (v & 7) == 0 && v != 0; }

static inline struct Object *val_ptr(Value v) { return (struct Object *)(uintptr_t)v; }

static inline Value val_from_ptr(const void *p) { return (Value)(uintptr_t)p; }

#endif
