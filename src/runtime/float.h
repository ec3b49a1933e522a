// float.h - Python's float: layout, the numeric hash, the shortest round-trip
// digits and repr.
#ifndef KRAIT_FLOAT_H
#define KRAIT_FLOAT_H

#include "object.h"
#include "strbuf.h"
#include "type.h"

// At most this many significant digits are ever needed to round-trip a double.
#define FLOAT_MAX_SHORTEST_DIGITS 17

// The shortest decimal digit string that reads back as |x| (x finite and
// non-zero), and among those the one nearest |x|: exactly the digits of
// CPython's repr (David Gay's dtoa mode 0). Writes the digits (ASCII, no
// trailing zeros, NUL-terminated; `digits` needs FLOAT_MAX_SHORTEST_DIGITS + 1
// bytes) and returns their count; *decpt is where the decimal point goes:
// |x| = 0.DIGITS * 10**decpt.
int float_shortest_digits(double x, char *digits, int *decpt);

// Flags for float_format_repr, as CPython's Py_DTSF_* of the same meaning.
enum {
    FLOAT_FMT_ADD_DOT_0 = 1,  // "1" -> "1.0" (float's repr does this; complex's doesn't)
    FLOAT_FMT_SIGN = 2,       // always write a sign: "+1", "+inf", "+nan"
};

// Append x in repr style ('r' format): the shortest round-trip digits,
// positional when 1e-4 <= |x| < 1e16 and exponential ("1e+16", "1.5e-05")
// otherwise; "inf", "-inf", "nan" (a NaN's sign is never shown).
void float_format_repr(StrBuf *out, double x, int flags);

// Append repr(x) for a Python float: "1.0", "-0.0", "1e+16", "inf", "nan".
void float_repr(StrBuf *out, double x);

// ---- the float type ----------------------------------------------------------
// Most floats are flonums (value.h); the rest (-0.0, inf, nan, very large or
// small magnitudes) are FloatObjects, as are instances of float subclasses.
typedef struct FloatObject {
    Object header;
    double value;
} FloatObject;

extern Type type_float;
// A new FloatObject holding d (any double); 0 on MemoryError.
Value float_box(double d);
// The float d: a flonum when possible, else boxed; 0 on MemoryError.
static inline Value float_from_double(double d) {
    Value v;
    if (flonum_encode(d, &v)) {
        return v;
    }
    return float_box(d);
}
// Whether v is a float (or an instance of a float subclass).
static inline bool float_check(Value v) {
    if (val_is_flonum(v)) {
        return true;
    }
    if (!val_is_ptr(v)) {
        return false;
    }
    Type *t = val_ptr(v)->type;
    return t == &type_float || type_is_subtype(t, &type_float);
}
// The double of a float (v must satisfy float_check).
static inline double float_value(Value v) {
    return val_is_flonum(v) ? val_flonum(v) : ((FloatObject *)val_ptr(v))->value;
}
// float(x) for one argument (CPython's PyNumber_Float): x itself for an
// exact float, else __float__, __index__, the value of a float subclass, or
// the text of a str or bytes-like object; TypeError for anything else.
Value float_from_object(Value x);
// x as a C double, as CPython's PyFloat_AsDouble: a float, an int, else
// __float__ (which must return a float) or __index__; TypeError "must be
// real number, not T" for anything else. 0, or -1 with the exception set.
int float_as_c_double(Value x, double *out);
// float(text) for a str or bytes-like x (CPython's PyFloat_FromString).
Value float_from_text(Value x);
// CPython's numeric hash of a finite or infinite double: the exact value
// reduced modulo 2**61 - 1 (so that hash(2.0) == hash(2)); +-314159 for
// infinities. A NaN gives 0 here; the float type's hash slot hashes NaN
// objects by identity, as CPython 3.10+.
int64_t float_hash(double d);

// x ** y with CPython's float rules: special cases for zeros, infinities and
// NaNs, a negative base with a fractional exponent gives a complex,
// ZeroDivisionError "0.0 cannot be raised to a negative power", and
// OverflowError "(34, 'Numerical result out of range')" (errno ERANGE, as
// CPython formats it) when the result overflows.
Value float_pow_doubles(double x, double y);
// Python's divmod(x, y) for floats (y != 0): floor quotient and the
// remainder with y's sign, signed zeros included.
void float_divmod_doubles(double x, double y, double *floordiv, double *mod);

#endif
