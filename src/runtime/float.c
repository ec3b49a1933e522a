// float.c - Python's float. For now: the shortest round-trip digits and repr.
//
// repr(x) must print the shortest decimal string that reads back as x, and of
// the shortest ones the nearest to x (CPython uses David Gay's dtoa, mode 0).
// We get there from two correctly rounded primitives of glibc, printf("%.*e")
// and strtod, plus three facts:
//
//  1. Let I be the set of reals that strtod rounds to x (an interval around x,
//     with its ends included exactly when x's significand is even, because
//     strtod rounds half to even; dtoa's mode 0 treats the ends the same way).
//     A p-digit decimal "reads back as x" iff it lies in I.
//  2. If some p-digit decimal lies in I, then so does floor_p(x) or ceil_p(x)
//     (the p-digit decimals just below and above x): I is convex and contains
//     x. The correctly rounded p-digit decimal r is one of the two, and the
//     nearer one; so testing r and then the other neighbour decides whether a
//     p-digit answer exists, and finds the nearest one when it does.
//  3. A p-digit answer is also a (p+1)-digit one (append a zero), so "some
//     p-digit decimal reads back" is monotone in p, and 17 digits always
//     suffice: binary search over p = 1..17 finds the shortest length in at
//     most five rounds.
//
// Testing "r" alone at each p (the common shortcut) is wrong when x is a power
// of two: I is then twice as wide above x as below, and the only short
// decimal in I may be the far neighbour.
//
// The cost is a few printf/strtod calls per repr. If benchmarks ever show
// float printing matters, Ryu-style digit generation can replace
// float_shortest_digits without touching its callers.
#include "float.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// strtod of the decimal DIGITS[0..n) * 10**exp10, built without a decimal
// point so that the C locale's radix character never matters.
static double float_read_digits(const char *digits, int n, int exp10) {
    char buf[FLOAT_MAX_SHORTEST_DIGITS + 2 + 16];
    snprintf(buf, sizeof buf, "%.*se%d", n, digits, exp10);
    return strtod(buf, NULL);
}

// Is there a p-digit decimal that reads back as ax (> 0, finite)? If so, put
// the nearest one in digits[0..p) with *exp10 the exponent of its first digit
// (ax ~ d1.d2d3... * 10**exp10) and return 1.
static int float_try_length(double ax, int p, char *digits, int *exp10) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
    int n = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++) {
        if (*s >= '0' && *s <= '9' && n < p) {
            digits[n++] = *s;
        }
    }
    if (n != p || *s != 'e') {
        return 0;  // cannot happen with a conforming printf
    }
    int e = atoi(s + 1);
    double back = float_read_digits(digits, p, e - p + 1);
    if (back == ax) {
        *exp10 = e;
        return 1;
    }
    // The other neighbour of ax, on the far side of r.
    if (back < ax) {
        int i = p - 1;
        while (i >= 0 && digits[i] == '9') {
            digits[i--] = '0';
        }
        if (i < 0) {
            digits[0] = '1';  // 99..9 + 1 = 100..0, one decade up
            e++;
        } else {
            digits[i]++;
        }
    } else {
        int i = 1;
        while (i < p && digits[i] == '0') {
            i++;
        }
        if (digits[0] == '1' && i == p) {
            memset(digits, '9', (size_t)p);  // 10..0 - 1 unit = 99..9, one decade down
            e--;
        } else {
            i = p - 1;
            while (digits[i] == '0') {
                digits[i--] = '9';
            }
            digits[i]--;
        }
    }
    if (float_read_digits(digits, p, e - p + 1) == ax) {
        *exp10 = e;
        return 1;
    }
    return 0;
}

int float_shortest_digits(double x, char *digits, int *decpt) {
    double ax = fabs(x);
    char cand[FLOAT_MAX_SHORTEST_DIGITS + 1];
    int lo = 1, hi = FLOAT_MAX_SHORTEST_DIGITS;
    int found = 0, exp10 = 0, e;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (float_try_length(ax, mid, cand, &e)) {
            hi = mid;
            found = mid;
            memcpy(digits, cand, (size_t)mid);
            exp10 = e;
        } else {
            lo = mid + 1;
        }
    }
    if (found != lo) {
        // lo == 17 or an earlier success was not the final length: redo it.
        // Seventeen correctly rounded digits always read back.
        if (!float_try_length(ax, lo, cand, &e)) {
            snprintf(cand, sizeof cand, "%.*d", lo, 0);  // unreachable
            e = 0;
        }
        memcpy(digits, cand, (size_t)lo);
        exp10 = e;
    }
    int n = lo;
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = 0;
    *decpt = exp10 + 1;
    return n;
}

void float_format_repr(StrBuf *out, double x, int flags) {
    if (isnan(x)) {
        sb_puts(out, (flags & FLOAT_FMT_SIGN) ? "+nan" : "nan");
        return;
    }
    if (signbit(x)) {
        sb_putc(out, '-');
    } else if (flags & FLOAT_FMT_SIGN) {
        sb_putc(out, '+');
    }
    if (isinf(x)) {
        sb_puts(out, "inf");
        return;
    }
    char digits[FLOAT_MAX_SHORTEST_DIGITS + 1];
    int n, decpt;
    if (x == 0) {
        digits[0] = '0';
        digits[1] = 0;
        n = 1;
        decpt = 1;
    } else {
        n = float_shortest_digits(x, digits, &decpt);
    }
    if (decpt <= -4 || decpt > 16) {
        sb_putc(out, digits[0]);
        if (n > 1) {
            sb_putc(out, '.');
            sb_put(out, digits + 1, (size_t)n - 1);
        }
        sb_printf(out, "e%+03d", decpt - 1);
    } else if (decpt <= 0) {
        sb_puts(out, "0.");
        for (int i = 0; i < -decpt; i++) {
            sb_putc(out, '0');
        }
        sb_put(out, digits, (size_t)n);
    } else if (decpt >= n) {
        sb_put(out, digits, (size_t)n);
        for (int i = n; i < decpt; i++) {
            sb_putc(out, '0');
        }
        if (flags & FLOAT_FMT_ADD_DOT_0) {
            sb_puts(out, ".0");
        }
    } else {
        sb_put(out, digits, (size_t)decpt);
        sb_putc(out, '.');
        sb_put(out, digits + decpt, (size_t)(n - decpt));
    }
}

void float_repr(StrBuf *out, double x) {
    float_format_repr(out, x, FLOAT_FMT_ADD_DOT_0);
}
