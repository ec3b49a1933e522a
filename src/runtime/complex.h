// complex.h - Python's complex: for now, its repr.
#ifndef KRAIT_COMPLEX_H
#define KRAIT_COMPLEX_H

#include "strbuf.h"

// Append repr(complex(real, imag)): "1j", "-0j", "(1+2j)", "(-0-1j)",
// "(nan+infj)". Parts print in float repr style without a forced ".0".
void complex_repr(StrBuf *out, double real, double imag);

#endif
