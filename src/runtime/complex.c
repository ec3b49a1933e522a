// complex.c - Python's complex. For now: its repr.
#include "complex.h"

#include <math.h>

#include "float.h"

void complex_repr(StrBuf *out, double real, double imag) {
    // A real part of +0.0 (not -0.0, not NaN) is left out, and so are the
    // parentheses; otherwise the imaginary part always carries its sign.
    if (real == 0 && !signbit(real)) {
        float_format_repr(out, imag, 0);
        sb_putc(out, 'j');
        return;
    }
    sb_putc(out, '(');
    float_format_repr(out, real, 0);
    float_format_repr(out, imag, FLOAT_FMT_SIGN);
    sb_puts(out, "j)");
}
