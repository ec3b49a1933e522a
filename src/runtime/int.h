// int.h - Python's int (and bool): layout, construction, conversions, and
// the decimal repr and digit parsing the front end uses.
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

// ---- the int type ----------------------------------------------------------
// Ints that fit 63 bits are immediates (value.h). Larger ones are IntObjects:
// sign and magnitude limbs, computed with GMP's mpn_* functions into
// krait-owned memory (never mp_set_memory_functions). An IntObject of type
// `int` never holds a value that fits a small int (results are normalized);
// instances of int subclasses share the layout and may hold any value.
// `bool` is the exception: True and False are the payload-less singletons
// true_object and false_object (object.h), recognized by address.
typedef struct IntObject {
    Object header;
    int64_t size;       // number of limbs, negative for negative ints
    uint64_t limbs[];   // least significant first
} IntObject;

extern Type type_int, type_bool;

// Whether v is an int: a small int, a bool, a big int or an int subclass.
static inline bool int_check(Value v) {
    return val_is_smallint(v) || (val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_INT_SUBCLASS));
}
// Whether v is exactly an int (not a bool, not a subclass instance).
static inline bool int_check_exact(Value v) {
    return val_is_smallint(v) || (val_is_ptr(v) && val_ptr(v)->type == &type_int);
}

// ---- construction (0 with MemoryError when memory is exhausted) ----------------
Value int_from_i64_big(int64_t v);  // for values outside the small-int range
static inline Value int_from_i64(int64_t v) {
    return smallint_fits(v) ? val_from_smallint(v) : int_from_i64_big(v);
}
Value int_from_u64(uint64_t v);
// The int whose magnitude is limbs[0..n) (high zero limbs allowed), negated
// when `negative`.
Value int_from_limbs(const uint64_t *limbs, size_t n, int negative);
// int(d) for a float: truncates toward zero. ValueError for NaN, OverflowError
// for infinities (CPython's messages).
Value int_from_double(double d);
// The same value as an exact int (bool and subclass instances are copied).
Value int_exact(Value v);

// int(x) for one argument (CPython's PyNumber_Long): x itself for an exact
// int, else __int__, __index__ or __trunc__, else the text of a str or a
// bytes-like object in base 10; TypeError for anything else.
Value int_from_object(Value x);
// int(x, base) for a str or bytes-like x and base 0 or 2..36 (TypeError
// "int() can't convert non-string with explicit base" for other x).
Value int_from_text(Value x, int base);

// The argument check of a method that CPython implements as a slot wrapper
// (__divmod__...): no keywords ("wrapper NAME() takes no keyword
// arguments"), exactly n positional ones ("expected 1 argument, got 2").
// 0, or -1 with TypeError.
int num_wrapper_args(const char *name, size_t nargs, Value kwnames, size_t n);

// ---- conversions and queries (v must satisfy int_check) ------------------------
// 0 and *out set if v fits int64, -1 with OverflowError ("Python int too large
// to convert to C long") otherwise.
int int_to_i64(Value v, int64_t *out);
// v correctly rounded to a double (ties to even). If |v| rounds beyond the
// largest double, *overflow is set to 1 and +-HUGE_VAL returned, with no
// exception set; otherwise *overflow is 0.
double int_to_double(Value v, int *overflow);
// The same, raising OverflowError "int too large to convert to float":
// 0, or -1 with the exception set.
int int_as_double(Value v, double *out);
// The double nearest to (m + f) * 2**e, where 0 <= f < 1 is known only as
// `sticky` (f != 0): correctly rounded, ties to even, subnormals rounded at
// their own precision, +inf beyond the largest double. When sticky is set, m
// must have at least 63 significant bits.
double int_round_scaled(uint64_t m, bool sticky, int64_t e);
int int_sign(Value v);                  // -1, 0 or 1
int int_compare(Value a, Value b);      // -1, 0 or 1
// Compare an int with a double exactly (no rounding of either side): -1, 0,
// 1, or 2 when d is a NaN.
int int_compare_double(Value a, double d);
int64_t int_hash(Value v);  // CPython's numeric hash (modulo 2**61 - 1); never -1

// repr(v) / str(v) into out: 0, or -1 with ValueError when v has more decimal
// digits than int_max_str_digits (CPython 3.11's int/str conversion limit).
int int_repr_value(StrBuf *out, Value v);
// sys.set_int_max_str_digits(): 0 means no limit. CPython's default is 4300.
extern int64_t int_max_str_digits;

// ---- arithmetic, for callers outside the slot dispatch -----------------------------
// pow(a, b, m) for ints (m not None): CPython's modular power, including
// negative exponents (modular inverse). NotImplemented if an operand is no int.
Value int_pow3(Value a, Value b, Value m);
// divmod(a, b) for ints: *q = a // b and *r = a % b (either pointer may be
// NULL). 0, or -1 with ZeroDivisionError / MemoryError.
int int_divmod(Value a, Value b, Value *q, Value *r);

#endif
