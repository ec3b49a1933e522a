// numparse.c - text to numbers for int(), float(), complex() and
// float.fromhex() (numparse.h).
//
// Every parser here is a hand-written scanner over ASCII with an explicit
// end, so that "1\0" or a lone "_" fails exactly where CPython's fails. The
// scanners only decide the syntax; the values come from exact machinery:
// GMP's mpn_set_str for integers (subquadratic for long decimal strings),
// glibc's strtod for decimal floats (correctly rounded, ties to even, like
// CPython's dtoa.c) fed with a span the scanner has already validated, so
// that strtod's own extensions (hex floats, "nan(...)", the locale's point)
// never come into play, and int.c's rounding of a 64-bit significand plus a
// sticky bit for hexadecimal floats.
#include "numparse.h"

#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "buffer.h"
#include "bytes.h"
#include "bytes_methods.h"
#include "exceptions.h"
#include "int.h"
#include "str.h"
#include "unicode.h"

Value num_raise_str(Type *exc_type, Value msg) {
    if (!msg) {
        return 0;
    }
    Value exc = obj_call1(val_from_ptr(exc_type), msg);
    if (exc) {
        err_set_value(exc);
    }
    return 0;
}

// ---- str to ASCII --------------------------------------------------------------

void num_str_to_ascii(Value s, StrBuf *out) {
    StrObject *so = str_obj(s);
    if (so->flags & STR_ASCII) {
        sb_put(out, so->data, so->nbytes);
        return;
    }
    const char *p = so->data, *end = so->data + so->nbytes;
    while (p < end) {
        uint32_t cp;
        int n = utf8_decode(p, (size_t)(end - p), &cp, 1);
        if (n <= 0) {
            sb_putc(out, '?');
            return;
        }
        p += n;
        if (cp < 127) {
            sb_putc(out, (char)cp);
        } else if (uni_ctype(cp) & UNI_SPACE) {
            sb_putc(out, ' ');
        } else {
            int d = uni_decimal(cp);
            if (d < 0) {
                sb_putc(out, '?');
                return;
            }
            sb_putc(out, (char)('0' + d));
        }
    }
}

// ---- int -----------------------------------------------------------------------------

// The value of an ASCII digit in bases up to 36; 36 for anything else.
static inline int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 36;
}

// The messages show repr(orig) through its type, so a str subclass's own
// __repr__ appears, as in CPython.
static Value invalid_int_literal(int base, Value orig) {
    // CPython shows a bytes-like argument as the exact bytes it parsed.
    if (buffer_check(orig) && val_ptr(orig)->type != &type_bytes) {
        orig = bm_bytes_from_object(orig);
    }
    Value r = orig ? obj_repr(orig) : 0;
    return r ? num_raise_str(&exc_ValueError,
                             str_format_c("invalid literal for int() with base %d: %.200S", base, r))
             : 0;
}

Value num_parse_int(const char *s, size_t len, int base, Value orig) {
    const char *p = s, *end = s + len;
    int given_base = base;
    while (p < end && num_is_space(*p)) {
        p++;
    }
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    // A literal in base 0 says its base; a C-style "017" is refused unless
    // its value is zero ("00", "0_0").
    bool zero_only = false;
    char c1 = p + 1 < end ? (char)(p[1] | 0x20) : 0;
    if (base == 0) {
        if (p >= end || *p != '0') {
            base = 10;
        } else if (c1 == 'x') {
            base = 16;
        } else if (c1 == 'o') {
            base = 8;
        } else if (c1 == 'b') {
            base = 2;
        } else {
            base = 10;
            zero_only = true;
        }
    }
    if (p < end && *p == '0' &&
        ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b'))) {
        p += 2;
        if (p < end && *p == '_') {
            p++;  // one underscore may follow the prefix
        }
    }
    if (p < end && *p == '_') {
        return invalid_int_literal(given_base, orig);
    }
    // The digits, with single underscores between them.
    const char *start = p;
    size_t ndigits = 0;
    char prev = 0;
    while (p < end && (digit_value(*p) < base || *p == '_')) {
        if (*p == '_') {
            if (prev == '_') {
                return invalid_int_literal(given_base, orig);
            }
        } else {
            ndigits++;
        }
        prev = *p++;
    }
    if (prev == '_') {
        return invalid_int_literal(given_base, orig);
    }
    bool pow2 = (base & (base - 1)) == 0;
    if (!pow2 && int_max_str_digits > 0 && ndigits > (uint64_t)int_max_str_digits) {
        return err_format(&exc_ValueError,
                          "Exceeds the limit (%lld digits) for integer string conversion: "
                          "value has %zu digits; use sys.set_int_max_str_digits() to increase "
                          "the limit",
                          (long long)int_max_str_digits, ndigits);
    }
    const char *digits_end = p;
    while (p < end && num_is_space(*p)) {
        p++;
    }
    if (ndigits == 0 || p != end) {
        return invalid_int_literal(given_base, orig);
    }
    // Small results: accumulate directly.
    if (ndigits <= 12) {
        int64_t v = 0;
        for (const char *q = start; q < digits_end; q++) {
            if (*q != '_') {
                v = v * base + digit_value(*q);
            }
        }
        if (zero_only && v != 0) {
            return invalid_int_literal(given_base, orig);
        }
        return int_from_i64(negative ? -v : v);
    }
    unsigned char *dv = malloc(ndigits);
    uint64_t *limbs = dv ? malloc(int_limbs_for_digits(ndigits, base) * sizeof(uint64_t)) : NULL;
    if (!limbs) {
        free(dv);
        return err_no_memory();
    }
    size_t k = 0;
    for (const char *q = start; q < digits_end; q++) {
        if (*q != '_') {
            dv[k++] = (unsigned char)digit_value(*q);
        }
    }
    size_t n = int_limbs_from_digits(limbs, dv, ndigits, base);
    free(dv);
    Value r = 0;
    if (zero_only && n != 0) {
        invalid_int_literal(given_base, orig);
    } else {
        r = int_from_limbs(limbs, n, negative);
    }
    free(limbs);
    return r;
}

// ---- float ----------------------------------------------------------------------------

static bool match_word(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) < n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

static inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "inf", "infinity" or "nan" (any case, optionally signed) at s: its length,
// 0 if none. A negative NaN keeps its sign bit, as CPython's.
static size_t parse_inf_or_nan(const char *s, const char *end, double *out) {
    const char *p = s;
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    if (match_word(p, end, "inf")) {
        p += match_word(p, end, "infinity") ? 8 : 3;
        *out = negative ? -INFINITY : INFINITY;
    } else if (match_word(p, end, "nan")) {
        p += 3;
        *out = negative ? -NAN : NAN;
    } else {
        return 0;
    }
    return (size_t)(p - s);
}

double num_parse_double_prefix(const char *s, size_t len, const char **stop) {
    const char *end = s + len;
    double special;
    size_t n = parse_inf_or_nan(s, end, &special);
    if (n) {
        *stop = s + n;
        return special;
    }
    // [sign] digits [. digits] [e [sign] digits], at least one mantissa digit.
    const char *p = s;
    if (p < end && (*p == '+' || *p == '-')) {
        p++;
    }
    size_t mantissa = 0;
    while (p < end && is_digit(*p)) {
        p++;
        mantissa++;
    }
    if (p < end && *p == '.') {
        p++;
        while (p < end && is_digit(*p)) {
            p++;
            mantissa++;
        }
    }
    if (mantissa == 0) {
        *stop = s;
        return 0.0;
    }
    if (p < end && (*p | 0x20) == 'e') {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) {
            q++;
        }
        if (q < end && is_digit(*q)) {
            while (q < end && is_digit(*q)) {
                q++;
            }
            p = q;
        }
    }
    *stop = p;
    // strtod wants a NUL-terminated string: copy the validated span.
    size_t span = (size_t)(p - s);
    char small[64];
    char *buf = span < sizeof small ? small : malloc(span + 1);
    if (!buf) {
        // Without memory for the copy, parse at most the first 1000
        // characters' worth of precision; never reached in practice.
        *stop = s;
        return 0.0;
    }
    memcpy(buf, s, span);
    buf[span] = 0;
    double x = strtod(buf, NULL);
    if (buf != small) {
        free(buf);
    }
    return x;
}

// CPython's rule for underscores in float() and complex() text: each one
// must sit between two ASCII digits. Writes the text without them into out.
// false if an underscore is misplaced.
static bool strip_underscores(const char *s, size_t len, StrBuf *out) {
    char prev = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '_') {
            if (!is_digit(prev)) {
                return false;
            }
        } else {
            if (prev == '_' && !is_digit(c)) {
                return false;
            }
            sb_putc(out, c);
        }
        prev = c;
    }
    return prev != '_';
}

static int float_error(Value orig) {
    Value r = obj_repr(orig);
    if (r) {
        num_raise_str(&exc_ValueError, str_format_c("could not convert string to float: %S", r));
    }
    return -1;
}

int num_parse_float(const char *s, size_t len, Value orig, double *out) {
    StrBuf clean;
    sb_init(&clean);
    if (memchr(s, '_', len)) {
        if (!strip_underscores(s, len, &clean)) {
            sb_free(&clean);
            return float_error(orig);
        }
        s = clean.data ? clean.data : "";
        len = clean.len;
    }
    const char *p = s, *end = s + len;
    while (p < end && num_is_space(*p)) {
        p++;
    }
    while (end > p && num_is_space(end[-1])) {
        end--;
    }
    const char *stop;
    double x = num_parse_double_prefix(p, (size_t)(end - p), &stop);
    bool ok = p < end && stop == end;
    sb_free(&clean);
    if (!ok) {
        return float_error(orig);
    }
    *out = x;
    return 0;
}

// ---- complex ----------------------------------------------------------------------------

static int complex_malformed(void) {
    err_format(&exc_ValueError, "complex() arg is a malformed string");
    return -1;
}

int num_parse_complex(const char *s, size_t len, Value orig, double *re, double *im) {
    StrBuf clean;
    sb_init(&clean);
    if (memchr(s, '_', len)) {
        if (!strip_underscores(s, len, &clean)) {
            sb_free(&clean);
            Value r = obj_repr(orig);
            if (r) {
                num_raise_str(&exc_ValueError,
                              str_format_c("could not convert string to complex: %S", r));
            }
            return -1;
        }
        s = clean.data ? clean.data : "";
        len = clean.len;
    }
    const char *p = s, *end = s + len, *stop;
    double x = 0.0, y = 0.0;
    bool bracket = false;
    while (p < end && num_is_space(*p)) {
        p++;
    }
    if (p < end && *p == '(') {
        bracket = true;
        p++;
        while (p < end && num_is_space(*p)) {
            p++;
        }
    }
    // <float>, <float>j, <float><signed float>j, or the old forms
    // <float><sign>j, <sign>j and j.
    double z = num_parse_double_prefix(p, (size_t)(end - p), &stop);
    bool bad = false;
    if (stop != p) {
        p = stop;
        if (p < end && (*p == '+' || *p == '-')) {
            x = z;
            y = num_parse_double_prefix(p, (size_t)(end - p), &stop);
            if (stop != p) {
                p = stop;
            } else {
                y = *p == '+' ? 1.0 : -1.0;
                p++;
            }
            if (p < end && (*p | 0x20) == 'j') {
                p++;
            } else {
                bad = true;
            }
        } else if (p < end && (*p | 0x20) == 'j') {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = 1.0;
        if (p < end && (*p == '+' || *p == '-')) {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        }
        if (p < end && (*p | 0x20) == 'j') {
            p++;
        } else {
            bad = true;
        }
    }
    if (!bad) {
        while (p < end && num_is_space(*p)) {
            p++;
        }
        if (bracket) {
            if (p < end && *p == ')') {
                p++;
                while (p < end && num_is_space(*p)) {
                    p++;
                }
            } else {
                bad = true;
            }
        }
    }
    sb_free(&clean);
    if (bad || p != end) {
        return complex_malformed();
    }
    *re = x;
    *im = y;
    return 0;
}

// ---- hexadecimal floats --------------------------------------------------------------------

static inline int hex_value(char c) {
    int d = digit_value(c);
    return d < 16 ? d : -1;
}

int num_parse_hex_float(const char *s, size_t len, double *out) {
    const char *p = s, *end = s + len;
    double x;
    bool negative = false;
    while (p < end && num_is_space(*p)) {
        p++;
    }
    size_t special = parse_inf_or_nan(p, end, &x);
    if (special) {
        p += special;
        goto finished;
    }
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    if (p + 1 < end && p[0] == '0' && (p[1] | 0x20) == 'x') {
        p += 2;
    }
    // The coefficient: hex digits with an optional point.
    const char *int_start = p;
    while (p < end && hex_value(*p) >= 0) {
        p++;
    }
    const char *int_end = p, *frac_start = p, *frac_end = p;
    if (p < end && *p == '.') {
        frac_start = ++p;
        while (p < end && hex_value(*p) >= 0) {
            p++;
        }
        frac_end = p;
    }
    size_t nint = (size_t)(int_end - int_start), nfrac = (size_t)(frac_end - frac_start);
    if (nint + nfrac == 0) {
        goto parse_error;
    }
    // The exponent, saturated far beyond any double's range.
    const int64_t exp_cap = (int64_t)1 << 58;  // exp_cap * 10 + 9 fits int64
    int64_t exp = 0;
    if (p < end && (*p | 0x20) == 'p') {
        p++;
        bool exp_negative = false;
        if (p < end && (*p == '+' || *p == '-')) {
            exp_negative = *p == '-';
            p++;
        }
        if (p >= end || !is_digit(*p)) {
            goto parse_error;
        }
        while (p < end && is_digit(*p)) {
            if (exp < exp_cap) {
                exp = exp * 10 + (*p - '0');
            }
            p++;
        }
        if (exp_negative) {
            exp = -exp;
        }
    }
    // value = coefficient * 2**exp. Keep the top 60 to 64 bits of the
    // coefficient in m; any non-zero digit beyond sets the sticky bit.
    {
        uint64_t m = 0;
        bool sticky = false;
        int64_t shift = -4 * (int64_t)nfrac;  // each fraction digit is 4 bits below the point
        for (size_t i = 0; i < nint + nfrac; i++) {
            char c = i < nint ? int_start[i] : frac_start[i - nint];
            int d = hex_value(c);
            if (m >> 60) {
                sticky |= d != 0;
                shift += 4;
            } else {
                m = m * 16 + (uint64_t)d;
            }
        }
        if (m == 0 || exp < -exp_cap / 2) {
            x = 0.0;
        } else if (exp > exp_cap / 2) {
            goto overflow_error;
        } else {
            int lead = __builtin_clzll(m);
            m <<= lead;
            int64_t e = exp + shift - lead;
            if (e > 1100) {
                goto overflow_error;
            }
            x = int_round_scaled(m, sticky, e < -1200 ? -1200 : e);
            if (isinf(x)) {
                goto overflow_error;
            }
        }
        if (negative) {
            x = -x;
        }
    }
finished:
    while (p < end && num_is_space(*p)) {
        p++;
    }
    if (p != end) {
        goto parse_error;
    }
    *out = x;
    return 0;
parse_error:
    err_format(&exc_ValueError, "invalid hexadecimal floating-point string");
    return -1;
overflow_error:
    err_format(&exc_OverflowError, "hexadecimal value too large to represent as a float");
    return -1;
}
