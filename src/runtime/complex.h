// complex.h - Python's complex: layout, construction, its repr and power.
#ifndef KRAIT_COMPLEX_H
#define KRAIT_COMPLEX_H

#include "object.h"
#include "strbuf.h"
#include "type.h"

// Append repr(complex(real, imag)): "1j", "-0j", "(1+2j)", "(-0-1j)",
// "(nan+infj)". Parts print in float repr style without a forced ".0".
void complex_repr(StrBuf *out, double real, double imag);

// ---- the complex type -------------------------------------------------------
typedef struct ComplexObject {
    Object header;
    double real, imag;
} ComplexObject;

extern Type type_complex;
Value complex_new(double real, double imag);  // 0 on MemoryError
// Whether v is a complex (or an instance of a subclass).
static inline bool complex_check(Value v) {
    if (!val_is_ptr(v)) {
        return false;
    }
    Type *t = val_ptr(v)->type;
    return t == &type_complex || type_is_subtype(t, &type_complex);
}
static inline ComplexObject *complex_obj(Value v) {
    return (ComplexObject *)val_ptr(v);
}
// CPython's hash of complex(real, imag): hash(real) + 1000003 * hash(imag)
// (wrapping), so that hash(x + 0j) == hash(x).
int64_t complex_hash(double real, double imag);
// (ar + ai j) ** (br + bi j) with CPython's algorithm (repeated squaring for
// small integral exponents, polar form otherwise) and its errors:
// ZeroDivisionError "0.0 to a negative or complex power", OverflowError
// "complex exponentiation".
Value complex_pow_parts(double ar, double ai, double br, double bi);

#endif
