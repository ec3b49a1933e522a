// int.h - Python's int: for now, decimal repr and parsing digits into limbs.
//
// Big magnitudes are arrays of 64-bit limbs, least significant first (GMP's
// mpn order), in memory krait owns; the arithmetic is GMP's mpn_* layer.
#ifndef KRAIT_INT_H
#define KRAIT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"
#include "strbuf.h"

// Append the decimal repr of v.
void int_repr_i64(StrBuf *out, int64_t v);

// Append the decimal repr of the integer whose magnitude is limbs[0..n)
// (high zero limbs allowed; n == 0 is zero), negated when `negative` and
// non-zero.
void int_repr_limbs(StrBuf *out, const uint64_t *limbs, int n, int negative);

// How many limbs int_limbs_from_digits may write for ndigits digits in base
// (2..36): the result's size plus the one spare limb GMP wants.
size_t int_limbs_for_digits(size_t ndigits, int base);

// Convert the digit values digits[0..n) (each < base, most significant first)
// into a magnitude at limbs, which must have int_limbs_for_digits(n, base)
// room. Returns the number of significant limbs (0 for zero).
size_t int_limbs_from_digits(uint64_t *limbs, const unsigned char *digits, size_t n, int base);

// ---- the int type (issue 3) ---------------------------------------------------
// Ints that fit 63 bits are immediates (value.h). Larger ones are IntObjects:
// sign and magnitude limbs, computed with GMP's mpn_* functions into
// krait-owned memory (never mp_set_memory_functions). An IntObject's value
// never fits a small int (results are normalized).
typedef struct IntObject {
    Object header;
    int64_t size;       // number of limbs, negative for negative ints
    uint64_t limbs[];   // least significant first
} IntObject;

extern Type type_int, type_bool;
Value int_from_i64(int64_t v);
Value int_from_u64(uint64_t v);
Value int_from_limbs(const uint64_t *limbs, size_t n, int negative);
// 0 and *out set if v (an int) fits int64, -1 with OverflowError otherwise.
int int_to_i64(Value v, int64_t *out);
double int_to_double(Value v, int *overflow);
int64_t int_hash(Value v);  // CPython's numeric hash (modulo 2**61 - 1)

#endif
