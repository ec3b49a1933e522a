// format.c - the format mini-language (see format.h):
//
//     [[fill]align][sign][z][#][0][width][,|_][.precision][type]
//
// A spec is parsed once into a FormatSpec (fmt_parse, CPython's order of
// checks and messages). The formatters then split their work the same way
// for every numeric type: produce the bare text of the number (digits, then
// a "remainder" such as ".25e+10" or the character of 'c'), and hand it to
// fmt_number, the one place that knows the layout
//
//     <lpad> <sign> <prefix> <spad> <grouped digits> <remainder> <rpad>
//
// where at most one of the three paddings is non-empty, and zero padding
// ('0' fill with '=' alignment) becomes leading zeros that take part in
// the digit grouping ("00,001,234"), as in CPython.
//
// Floats (format_double): the shortest repr digits come from float.c;
// fixed precisions must be correctly rounded (exactly, ties to even on the
// binary value), as CPython's dtoa rounds them:
//   - 'f' (and '%') with up to 18 decimals and |x| < 9.2e18 is computed
//     exactly in 128-bit integers (fmt_fixed_exact), the common case;
//   - other 'f' and 'e' go to the C library's printf, which glibc rounds
//     correctly;
//   - 'g' is built here on 'e' and 'f': glibc's %#g loses its trailing
//     zeros when rounding carries, and CPython's 'g' for a precision
//     without a type switches to the exponent form one digit earlier.
// 'n' uses the C locale: no grouping, '.' as the decimal point.
//
// The formatters build their text in pooled scratch buffers
// (format_scratch_begin/end), not in a fresh malloc per call.
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "complex.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

// ---- scratch buffers ----------------------------------------------------------------------

#define FMT_SCRATCH_POOL 16
#define FMT_SCRATCH_KEEP (64 * 1024)  // a buffer grown past this is freed at its end

// Per thread: the pool is used last-in first-out, which two threads
// interleaving their formatting (through a __format__ in Python) would break.
static __thread StrBuf fmt_scratch[FMT_SCRATCH_POOL];
static __thread int fmt_scratch_used;

void format_scratch_free(void) {
    for (int i = 0; i < FMT_SCRATCH_POOL; i++) {
        sb_free(&fmt_scratch[i]);
    }
}

StrBuf *format_scratch_begin(void) {
    StrBuf *b;
    if (fmt_scratch_used < FMT_SCRATCH_POOL) {
        b = &fmt_scratch[fmt_scratch_used++];
    } else {
        b = malloc(sizeof *b);  // deep nesting: a buffer of its own
        if (!b) {
            fputs("krait: out of memory\n", stderr);
            abort();
        }
        sb_init(b);
    }
    b->len = 0;
    if (b->data) {
        b->data[0] = 0;
    }
    return b;
}

void format_scratch_end(StrBuf *b) {
    if (b >= fmt_scratch && b < fmt_scratch + FMT_SCRATCH_POOL) {
        fmt_scratch_used--;
        if (b->cap > FMT_SCRATCH_KEEP) {
            sb_free(b);
        }
        return;
    }
    sb_free(b);
    free(b);
}

Value format_scratch_str(StrBuf *b) {
    Value r = str_from_utf8(b->data ? b->data : "", b->len);
    format_scratch_end(b);
    return r;
}

typedef struct FormatSpec {
    uint32_t fill;       // a code point
    uint32_t align;      // '<' '>' '^' '='
    char sign;           // 0, '+', '-' or ' '
    bool no_neg_0;       // 'z'
    bool alternate;      // '#'
    int64_t width;       // -1: none
    char thousands;      // 0, ',' or '_'
    int group;           // digits per group: 3 (4 for '_' with b, o, x, X)
    int64_t precision;   // -1: none
    uint32_t type;       // 0: none
} FormatSpec;

// ---- parsing ---------------------------------------------------------------------------

static bool fmt_is_align(uint32_t c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

// Decimal digits (any Unicode decimal digit, as CPython) at cps[*pos..n)
// into *out: the number consumed, or -1 with ValueError on overflow.
static int fmt_get_integer(const uint32_t *cps, size_t n, size_t *pos, int64_t *out) {
    int64_t acc = 0;
    int consumed = 0;
    for (; *pos < n; (*pos)++) {
        int d = cps[*pos] < 128 ? (cps[*pos] >= '0' && cps[*pos] <= '9' ? (int)cps[*pos] - '0' : -1)
                                : uni_decimal(cps[*pos]);
        if (d < 0) {
            break;
        }
        if (acc > (INT64_MAX - d) / 10) {
            err_format(&exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        consumed++;
    }
    *out = acc;
    return consumed;
}

// "Unknown format code 'x' for object of type 'T'".
static Value fmt_unknown_type(uint32_t type, Value obj) {
    if (type > 32 && type < 128) {
        return err_format(&exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                          (char)type, str_type_name(obj));
    }
    return err_format(&exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                      (unsigned)type, str_type_name(obj));
}

static int fmt_parse(Value obj, Value spec, uint32_t default_type, uint32_t default_align,
                     FormatSpec *f) {
    StrObject *s = str_obj(spec);
    uint32_t small[64];
    uint32_t *cps = s->len <= 64 ? small : malloc(s->len * sizeof(uint32_t));
    if (!cps) {
        err_no_memory();
        return -1;
    }
    const unsigned char *d = (const unsigned char *)s->data;
    size_t n = 0;
    for (size_t pos = 0; pos < s->nbytes; n++) {
        size_t k;
        cps[n] = str_decode_cp(d + pos, &k);
        pos += k;
    }
    int result = -1;
    *f = (FormatSpec){.fill = ' ', .align = default_align, .width = -1, .precision = -1,
                      .type = default_type, .group = 3};
    bool fill_given = false, align_given = false;
    size_t pos = 0;
    if (n - pos >= 2 && fmt_is_align(cps[pos + 1])) {
        f->align = cps[pos + 1];
        f->fill = cps[pos];
        fill_given = align_given = true;
        pos += 2;
    } else if (n - pos >= 1 && fmt_is_align(cps[pos])) {
        f->align = cps[pos];
        align_given = true;
        pos++;
    }
    if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
        f->sign = (char)cps[pos++];
    }
    if (pos < n && cps[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && cps[pos] == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_given && pos < n && cps[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') {
            f->align = '=';
        }
        pos++;
    }
    int consumed = fmt_get_integer(cps, n, &pos, &f->width);
    if (consumed < 0) {
        goto done;
    }
    if (consumed == 0) {
        f->width = -1;
    }
    if (pos < n && cps[pos] == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < n && cps[pos] == '_') {
        if (f->thousands) {
            err_format(&exc_ValueError, "Cannot specify both ',' and '_'.");
            goto done;
        }
        f->thousands = '_';
        pos++;
    }
    if (pos < n && cps[pos] == ',' && f->thousands == '_') {
        err_format(&exc_ValueError, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (pos < n && cps[pos] == '.') {
        pos++;
        consumed = fmt_get_integer(cps, n, &pos, &f->precision);
        if (consumed < 0) {
            goto done;
        }
        if (consumed == 0) {
            err_format(&exc_ValueError, "Format specifier missing precision");
            goto done;
        }
    }
    if (n - pos > 1) {
        Value msg = str_format_c("Invalid format specifier '%U' for object of type '%s'", spec,
                                 str_type_name(obj));
        if (msg) {
            err_format(&exc_ValueError, "%s", str_obj(msg)->data);
        }
        goto done;
    }
    if (n - pos == 1) {
        f->type = cps[pos];
    }
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') {
                f->group = 4;
                break;
            }
            // fall through
        default:
            if (f->type > 32 && f->type < 128) {
                err_format(&exc_ValueError, "Cannot specify '%c' with '%c'.", f->thousands,
                           (char)f->type);
            } else {
                err_format(&exc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->thousands,
                           (unsigned)f->type);
            }
            goto done;
        }
    }
    result = 0;
done:
    if (cps != small) {
        free(cps);
    }
    return result;
}

// ---- layout --------------------------------------------------------------------------------

static void fmt_put_fill(StrBuf *out, uint32_t fill, int64_t n) {
    if (n <= 0) {
        return;
    }
    char b[4];
    int k = utf8_encode(fill, b);
    sb_reserve(out, (size_t)n * (size_t)k);
    for (int64_t i = 0; i < n; i++) {
        memcpy(out->data + out->len, b, (size_t)k);
        out->len += (size_t)k;
    }
    out->data[out->len] = 0;
}

// The digits[0..n) grouped from the right in groups of `group` (0: none)
// with `sep`, left-padded with zeros to at least min_width characters
// (separators included): CPython's _PyUnicode_InsertThousandsGrouping.
// Returns the length; writes it to out unless out is NULL.
static size_t fmt_group(StrBuf *out, const char *digits, int64_t n, int64_t min_width, int group,
                        char sep) {
    if (group == 0 && n >= min_width) {
        if (out) {
            sb_put(out, digits, (size_t)n);
        }
        return (size_t)n;
    }
    // Two passes over the same loop: count, then write from the right.
    size_t total = 0;
    char *dst = NULL;
    for (int pass = out ? 0 : 1; pass < 2; pass++) {
        int64_t remaining = n, mw = min_width > 0 ? min_width : 0;
        const char *src = digits + n;
        bool use_sep = false, broken = false;
        size_t count = 0;
        char *w = pass == 1 && dst ? dst + total : NULL;
#define FMT_EMIT_(chars, zeros)                                 \
    do {                                                        \
        count += (use_sep ? 1 : 0) + (size_t)(zeros) + (size_t)(chars); \
        if (w) {                                                \
            if (use_sep) {                                      \
                *--w = sep;                                     \
            }                                                   \
            w -= (chars);                                       \
            src -= (chars);                                     \
            memcpy(w, src, (size_t)(chars));                    \
            w -= (zeros);                                       \
            memset(w, '0', (size_t)(zeros));                    \
        }                                                       \
    } while (0)
        if (group > 0) {
            for (;;) {
                int64_t l = remaining > mw ? remaining : mw;
                l = l < 1 ? 1 : l;
                l = l < group ? l : group;
                int64_t zeros = l - remaining > 0 ? l - remaining : 0;
                int64_t chars = remaining < l ? remaining : l;
                chars = chars > 0 ? chars : 0;
                FMT_EMIT_(chars, zeros);
                use_sep = true;
                remaining -= chars;
                mw -= l;
                if (remaining <= 0 && mw <= 0) {
                    broken = true;
                    break;
                }
                mw -= 1;
            }
        }
        if (!broken) {
            int64_t l = remaining > mw ? remaining : mw;
            l = l < 1 ? 1 : l;
            int64_t zeros = l - remaining > 0 ? l - remaining : 0;
            int64_t chars = remaining < l ? remaining : l;
            chars = chars > 0 ? chars : 0;
            FMT_EMIT_(chars, zeros);
        }
#undef FMT_EMIT_
        if (pass == 0) {
            total = count;
            sb_reserve(out, total);
            dst = out->data + out->len;
        } else {
            total = count;
        }
    }
    if (out) {
        out->len += total;
        out->data[out->len] = 0;
    }
    return total;
}

// Lay a number out (see the opening comment). `sign_char` is '-' for a
// negative number, else 0; rem_cps is the remainder's length in code points.
static void fmt_number(StrBuf *out, const FormatSpec *f, char sign_char, const char *prefix,
                       const char *digits, size_t n_digits, const char *rem, size_t rem_bytes,
                       size_t rem_cps) {
    char sign = 0;
    if (f->sign == '+') {
        sign = sign_char == '-' ? '-' : '+';
    } else if (f->sign == ' ') {
        sign = sign_char == '-' ? '-' : ' ';
    } else if (sign_char == '-') {
        sign = '-';
    }
    size_t n_prefix = prefix ? strlen(prefix) : 0;
    int64_t n_nondigit = (sign ? 1 : 0) + (int64_t)n_prefix + (int64_t)rem_cps;
    int64_t min_width = (f->fill == '0' && f->align == '=') ? f->width - n_nondigit : 0;
    int group = f->thousands ? f->group : 0;
    // The padding before the grouped digits depends on their length.
    size_t n_grouped = n_digits ? fmt_group(NULL, digits, (int64_t)n_digits, min_width, group,
                                            f->thousands)
                                : 0;
    int64_t padding = f->width - (n_nondigit + (int64_t)n_grouped);
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    fmt_put_fill(out, f->fill, lpad);
    if (sign) {
        sb_putc(out, sign);
    }
    sb_put(out, prefix ? prefix : "", n_prefix);
    fmt_put_fill(out, f->fill, spad);
    if (n_digits) {
        fmt_group(out, digits, (int64_t)n_digits, min_width, group, f->thousands);
    }
    sb_put(out, rem, rem_bytes);
    fmt_put_fill(out, f->fill, rpad);
}

// Left/right padding of a piece of n code points in a field (CPython's calc_padding).
static void fmt_padding(const FormatSpec *f, int64_t n, int64_t *left, int64_t *right) {
    int64_t total = f->width >= 0 && f->width > n ? f->width : n;
    if (f->align == '>') {
        *left = total - n;
    } else if (f->align == '^') {
        *left = (total - n) / 2;
    } else {
        *left = 0;
    }
    *right = total - n - *left;
}

// ---- str ---------------------------------------------------------------------------------

static int fmt_str(StrBuf *out, Value s, const FormatSpec *f) {
    if (f->sign) {
        err_format(&exc_ValueError, f->sign == ' ' ? "Space not allowed in string format specifier"
                                                   : "Sign not allowed in string format specifier");
        return -1;
    }
    if (f->no_neg_0) {
        err_format(&exc_ValueError,
                   "Negative zero coercion (z) not allowed in string format specifier");
        return -1;
    }
    if (f->alternate) {
        err_format(&exc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (f->align == '=') {
        err_format(&exc_ValueError, "'=' alignment not allowed in string format specifier");
        return -1;
    }
    StrObject *o = str_obj(s);
    int64_t len = (int64_t)o->len;
    size_t nbytes = o->nbytes;
    if (f->precision >= 0 && len > f->precision) {
        len = f->precision;
        nbytes = str_offset_of(s, (size_t)len);
    }
    int64_t left, right;
    fmt_padding(f, len, &left, &right);
    fmt_put_fill(out, f->fill, left);
    sb_put(out, o->data, nbytes);
    fmt_put_fill(out, f->fill, right);
    return 0;
}

// ---- int --------------------------------------------------------------------------------------

static const char fmt_hex_lower[] = "0123456789abcdef";

int format_int_digits(StrBuf *out, Value v, int base, bool *negative) {
    if (base == 10) {
        size_t start = out->len;
        if (int_repr_value(out, v) < 0) {
            return -1;
        }
        *negative = out->data[start] == '-';
        if (*negative) {
            memmove(out->data + start, out->data + start + 1, out->len - start - 1);
            out->len--;
            out->data[out->len] = 0;
        }
        return 0;
    }
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    uint64_t one_limb;
    const uint64_t *limbs;
    size_t n;
    if (val_is_smallint(v) || v == VAL_TRUE || v == VAL_FALSE) {
        int64_t x = val_is_smallint(v) ? val_smallint(v) : v == VAL_TRUE;
        *negative = x < 0;
        one_limb = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        limbs = &one_limb;
        n = 1;
    } else {
        IntObject *o = (IntObject *)val_ptr(v);
        *negative = o->size < 0;
        limbs = o->limbs;
        n = (size_t)(o->size < 0 ? -o->size : o->size);
    }
    while (n > 0 && limbs[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        *negative = false;
        sb_putc(out, '0');
        return 0;
    }
    size_t bitlen = (n - 1) * 64 + (size_t)(64 - __builtin_clzll(limbs[n - 1]));
    size_t ndigits = (bitlen + (size_t)bits - 1) / (size_t)bits;
    sb_reserve(out, ndigits);
    char *p = out->data + out->len;
    for (size_t i = 0; i < ndigits; i++) {
        // Digit i (from the right) is bits [i*bits, i*bits + bits).
        size_t at = i * (size_t)bits;
        size_t limb = at / 64, shift = at % 64;
        uint64_t val = limbs[limb] >> shift;
        if (shift + (size_t)bits > 64 && limb + 1 < n) {
            val |= limbs[limb + 1] << (64 - shift);
        }
        p[ndigits - 1 - i] = fmt_hex_lower[val & (uint64_t)(base - 1)];
    }
    out->len += ndigits;
    out->data[out->len] = 0;
    return 0;
}

static int fmt_float_internal(StrBuf *out, double val, const FormatSpec *f);

static int fmt_int(StrBuf *out, Value v, const FormatSpec *f) {
    if (f->precision != -1) {
        err_format(&exc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (f->no_neg_0) {
        err_format(&exc_ValueError,
                   "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (f->type == 'c') {
        if (f->sign) {
            err_format(&exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return -1;
        }
        if (f->alternate) {
            err_format(&exc_ValueError,
                       "Alternate form (#) not allowed with integer format specifier 'c'");
            return -1;
        }
        int64_t x;
        if (int_to_i64(v, &x) < 0) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        if (x < 0 || x > 0x10FFFF) {
            err_format(&exc_OverflowError, "%%c arg not in range(0x110000)");
            return -1;
        }
        char b[4];
        int k = utf8_encode((uint32_t)x, b);
        fmt_number(out, f, 0, NULL, "", 0, b, (size_t)k, 1);
        return 0;
    }
    int base = 10;
    const char *prefix = NULL;
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    StrBuf *d = format_scratch_begin();
    bool negative;
    if (format_int_digits(d, v, base, &negative) < 0) {
        format_scratch_end(d);
        return -1;
    }
    if (f->type == 'X') {
        for (size_t i = 0; i < d->len; i++) {
            if (d->data[i] >= 'a') {
                d->data[i] = (char)(d->data[i] - 32);
            }
        }
    }
    FormatSpec g = *f;
    if (f->type == 'n') {
        g.thousands = 0;  // the C locale groups nothing
    }
    fmt_number(out, &g, negative ? '-' : 0, f->alternate ? prefix : NULL, d->data, d->len, "", 0,
               0);
    format_scratch_end(d);
    return 0;
}

static int fmt_int_spec(StrBuf *out, Value v, Value spec) {
    if (str_obj(spec)->nbytes == 0) {
        Value s = int_check_exact(v) ? 0 : obj_str(v);
        if (!int_check_exact(v)) {
            if (!s) {
                return -1;
            }
            sb_put(out, str_obj(s)->data, str_obj(s)->nbytes);
            return 0;
        }
        return int_repr_value(out, v);
    }
    FormatSpec f;
    if (fmt_parse(v, spec, 'd', '>', &f) < 0) {
        return -1;
    }
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return fmt_int(out, v, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x;
        if (int_as_double(v, &x) < 0) {
            return -1;
        }
        return fmt_float_internal(out, x, &f);
    }
    default:
        fmt_unknown_type(f.type, v);
        return -1;
    }
}

// ---- float ---------------------------------------------------------------------------------------

// 'f' formatting of a double with a small precision, exactly: x = m * 2**e,
// so x * 10**p is m * 10**p scaled by a power of two, which fits 128 bits
// here; rounding the quotient half to even is what a correctly rounded
// printf does (and CPython's dtoa). Appends the text and returns 1, or
// returns 0 when x or p is out of this path's range.
static int fmt_fixed_exact(StrBuf *out, double x, int prec, int alt) {
    static const uint64_t pow10[19] = {
        1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
        100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
        10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
        100000000000000000ull, 1000000000000000000ull,
    };
    double ax = fabs(x);
    if (prec < 0 || prec > 18 || !(ax < 9.2e18)) {
        return 0;
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int biased = (int)((bits >> 52) & 0x7FF);
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int e2;
    if (biased == 0) {
        e2 = -1074;
    } else {
        m |= UINT64_C(1) << 52;
        e2 = biased - 1075;
    }
    unsigned __int128 q;
    if (e2 >= 0) {
        q = ((unsigned __int128)(m << e2)) * pow10[prec];
    } else {
        int k = -e2;
        unsigned __int128 prod = (unsigned __int128)m * pow10[prec];  // < 2**113
        if (k > 113) {
            q = 0;  // below half a unit of the last place
        } else {
            q = prod >> k;
            unsigned __int128 rem = prod - (q << k), half = (unsigned __int128)1 << (k - 1);
            if (rem > half || (rem == half && (q & 1))) {
                q++;
            }
        }
    }
    // The digits of q (< 10**37): two 64-bit halves.
    char digits[48];
    int nd = 0;
    uint64_t lo = (uint64_t)(q % pow10[18]), hi = (uint64_t)(q / pow10[18]);
    for (int i = 0; i < 18; i++) {
        digits[nd++] = (char)('0' + lo % 10);
        lo /= 10;
        if (hi == 0 && lo == 0 && nd > prec) {
            break;
        }
    }
    while (hi) {
        digits[nd++] = (char)('0' + hi % 10);
        hi /= 10;
    }
    while (nd <= prec) {
        digits[nd++] = '0';  // at least one digit before the point
    }
    // digits[] is reversed: the last `prec` are the fraction.
    sb_reserve(out, (size_t)nd + 3);
    char *w = out->data + out->len;
    if (signbit(x)) {
        *w++ = '-';
    }
    for (int i = nd - 1; i >= prec; i--) {
        *w++ = digits[i];
    }
    if (prec > 0 || alt) {
        *w++ = '.';
    }
    for (int i = prec - 1; i >= 0; i--) {
        *w++ = digits[i];
    }
    out->len = (size_t)(w - out->data);
    out->data[out->len] = 0;
    return 1;
}

void format_double(StrBuf *out, double x, char type, int precision, int flags) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (!isfinite(x)) {
        if (isinf(x) && x < 0) {
            sb_putc(out, '-');
        } else if (flags & FORMAT_DTOA_SIGN) {
            sb_putc(out, '+');
        }
        sb_puts(out, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return;
    }
    size_t start = out->len;
    if (type == 'r') {
        float_format_repr(out, x, 0);
        char *s = out->data + start;
        bool point = strchr(s, '.') != NULL;
        char *e = strchr(s, 'e');
        if ((flags & FORMAT_DTOA_ADD_DOT_0) && !point && !e) {
            sb_puts(out, ".0");
        } else if ((flags & FORMAT_DTOA_ALT) && !point) {
            size_t at = e ? (size_t)(e - out->data) : out->len;
            sb_putc(out, 0);
            memmove(out->data + at + 1, out->data + at, out->len - 1 - at);
            out->data[at] = '.';
        }
    } else {
        if (type == 'g' || type == 'G') {
            // 'g' in terms of 'e' and 'f': glibc's %#g loses the kept zeros
            // when rounding carries (%#.6g of 999999.5 is "1.e+06", not
            // "1.00000e+06"), and a precision without a type starts the
            // exponent form one digit earlier (CPython's format_float_short:
            // 123.0 with '.3' is '1.23e+02'), which C's %g cannot say.
            int p = precision == 0 ? 1 : precision;
            int threshold = (flags & FORMAT_DTOA_ADD_DOT_0) ? p - 1 : p;
            char small[80];
            size_t need = (size_t)p + 32;
            char *e = need <= sizeof small ? small : malloc(need);
            if (e) {
                snprintf(e, need, "%.*e", p - 1, x);
            } else {
                // No memory for the digits: 60 of them place the exponent
                // right but for a run of nines longer than a double has.
                e = small;
                snprintf(e, sizeof small, "%.*e", 60, x);
            }
            int exp10 = atoi(strchr(e, 'e') + 1);
            if (e != small) {
                free(e);
            }
            if (exp10 < -4 || exp10 >= threshold) {
                type = type == 'g' ? 'e' : 'E';
                precision = p - 1;
            } else {
                type = 'f';
                precision = p - 1 - exp10;
            }
            size_t at = out->len;
            // The sign rules (SIGN, NO_NEG_0) apply once, below.
            format_double(out, x, type, precision, flags & FORMAT_DTOA_ALT);
            if (!(flags & FORMAT_DTOA_ALT)) {
                // 'g' drops trailing zeros, and a point left bare.
                char *m = out->data + at;
                char *ep = strpbrk(m, "eE");
                size_t mend = ep ? (size_t)(ep - out->data) : out->len;
                size_t cut = mend;
                if (memchr(m, '.', mend - at)) {
                    while (out->data[cut - 1] == '0') {
                        cut--;
                    }
                    if (out->data[cut - 1] == '.') {
                        cut--;
                    }
                }
                memmove(out->data + cut, out->data + mend, out->len - mend + 1);
                out->len -= mend - cut;
            }
            if ((flags & FORMAT_DTOA_ADD_DOT_0) && !strchr(out->data + at, '.') &&
                !strpbrk(out->data + at, "eE")) {
                sb_puts(out, ".0");
            }
            goto sign;
        }
        if ((type == 'f' || type == 'F') &&
            fmt_fixed_exact(out, x, precision, flags & FORMAT_DTOA_ALT)) {
            goto sign;
        }
        char cfmt[8], *c = cfmt;
        *c++ = '%';
        if (flags & FORMAT_DTOA_ALT) {
            *c++ = '#';
        }
        *c++ = '.';
        *c++ = '*';
        *c++ = type;
        *c = 0;
        // Most results fit the buffer's spare room: one printf call then.
        sb_reserve(out, 48);
        size_t room = out->cap - out->len;
        int n = snprintf(out->data + out->len, room, cfmt, precision, x);
        if ((size_t)n >= room) {
            sb_reserve(out, (size_t)n);
            snprintf(out->data + out->len, (size_t)n + 1, cfmt, precision, x);
        }
        out->len += (size_t)n;
        char *s = out->data + start;
        if ((flags & FORMAT_DTOA_ADD_DOT_0) && !strchr(s, '.') && !strchr(s, 'e') &&
            !strchr(s, 'E')) {
            sb_puts(out, ".0");
        }
    }
sign:;
    char *s = out->data + start;
    if (s[0] == '-' && (flags & FORMAT_DTOA_NO_NEG_0)) {
        // Drop the sign of a value that shows as zero.
        bool zero = true;
        for (char *p = s + 1; *p && *p != 'e' && *p != 'E'; p++) {
            if (*p >= '1' && *p <= '9') {
                zero = false;
                break;
            }
        }
        if (zero) {
            memmove(s, s + 1, out->len - start);
            out->len--;
        }
    }
    if (s[0] != '-' && (flags & FORMAT_DTOA_SIGN)) {
        sb_putc(out, 0);
        memmove(out->data + start + 1, out->data + start, out->len - 1 - start);
        out->data[start] = '+';
    }
}

// The float or the real part text in buf split for fmt_number: sign,
// leading digits, remainder.
static void fmt_split_number(const char *buf, size_t n, char *sign, size_t *digits_at,
                             size_t *n_digits) {
    size_t i = 0;
    *sign = 0;
    if (n > 0 && buf[0] == '-') {
        *sign = '-';
        i = 1;
    }
    *digits_at = i;
    while (i < n && buf[i] >= '0' && buf[i] <= '9') {
        i++;
    }
    *n_digits = i - *digits_at;
}

static int fmt_float_internal(StrBuf *out, double val, const FormatSpec *f) {
    if (f->precision > INT32_MAX) {
        err_format(&exc_ValueError, "precision too big");
        return -1;
    }
    int precision = (int)f->precision;
    int default_precision = 6;
    int flags = 0;
    char type = (char)f->type;
    if (f->alternate) {
        flags |= FORMAT_DTOA_ALT;
    }
    if (f->no_neg_0) {
        flags |= FORMAT_DTOA_NO_NEG_0;
    }
    if (type == 0) {
        flags |= FORMAT_DTOA_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') {
        type = 'g';
    }
    bool pct = false;
    if (type == '%') {
        type = 'f';
        val *= 100;
        pct = true;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    StrBuf *b = format_scratch_begin();
    format_double(b, val, type, precision, flags);
    if (pct) {
        sb_putc(b, '%');
    }
    char sign;
    size_t at, nd;
    fmt_split_number(b->data, b->len, &sign, &at, &nd);
    FormatSpec g = *f;
    if (f->type == 'n') {
        g.thousands = 0;
    }
    size_t rem = at + nd;
    fmt_number(out, &g, sign, NULL, b->data + at, nd, b->data + rem, b->len - rem, b->len - rem);
    format_scratch_end(b);
    return 0;
}

static int fmt_float_spec(StrBuf *out, Value v, Value spec) {
    if (str_obj(spec)->nbytes == 0) {
        Value s = obj_str(v);
        if (!s) {
            return -1;
        }
        sb_put(out, str_obj(s)->data, str_obj(s)->nbytes);
        return 0;
    }
    FormatSpec f;
    if (fmt_parse(v, spec, 0, '>', &f) < 0) {
        return -1;
    }
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return fmt_float_internal(out, float_value(v), &f);
    default:
        fmt_unknown_type(f.type, v);
        return -1;
    }
}

// ---- complex -------------------------------------------------------------------------------------

static int fmt_complex(StrBuf *out, Value v, const FormatSpec *f) {
    if (f->fill == '0') {
        err_format(&exc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (f->align == '=') {
        err_format(&exc_ValueError,
                   "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    if (f->precision > INT32_MAX) {
        err_format(&exc_ValueError, "precision too big");
        return -1;
    }
    double re = complex_obj(v)->real, im = complex_obj(v)->imag;
    int precision = (int)f->precision, default_precision = 6, flags = 0;
    char type = (char)f->type;
    bool skip_re = false, parens = false;
    if (f->alternate) {
        flags |= FORMAT_DTOA_ALT;
    }
    if (f->no_neg_0) {
        flags |= FORMAT_DTOA_NO_NEG_0;
    }
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && !signbit(re)) {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if (type == 'n') {
        type = 'g';
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    StrBuf rb, ib, body;
    sb_init(&rb);
    sb_init(&ib);
    sb_init(&body);
    format_double(&rb, re, type, precision, flags);
    format_double(&ib, im, type, precision, flags);
    // Each part laid out without padding; the imaginary part always
    // signed unless it stands alone.
    FormatSpec part = *f;
    part.fill = 0;
    part.align = '<';
    part.width = -1;
    if (f->type == 'n') {
        part.thousands = 0;
    }
    char sign;
    size_t at, nd;
    if (parens) {
        sb_putc(&body, '(');
    }
    if (!skip_re) {
        fmt_split_number(rb.data, rb.len, &sign, &at, &nd);
        fmt_number(&body, &part, sign, NULL, rb.data + at, nd, rb.data + at + nd,
                   rb.len - at - nd, rb.len - at - nd);
        part.sign = '+';
    }
    fmt_split_number(ib.data, ib.len, &sign, &at, &nd);
    fmt_number(&body, &part, sign, NULL, ib.data + at, nd, ib.data + at + nd, ib.len - at - nd,
               ib.len - at - nd);
    sb_putc(&body, 'j');
    if (parens) {
        sb_putc(&body, ')');
    }
    int64_t left, right;
    fmt_padding(f, (int64_t)body.len, &left, &right);
    fmt_put_fill(out, f->fill, left);
    sb_put(out, body.data, body.len);
    fmt_put_fill(out, f->fill, right);
    sb_free(&rb);
    sb_free(&ib);
    sb_free(&body);
    return 0;
}

static int fmt_complex_spec(StrBuf *out, Value v, Value spec) {
    if (str_obj(spec)->nbytes == 0) {
        Value s = obj_str(v);
        if (!s) {
            return -1;
        }
        sb_put(out, str_obj(s)->data, str_obj(s)->nbytes);
        return 0;
    }
    FormatSpec f;
    if (fmt_parse(v, spec, 0, '>', &f) < 0) {
        return -1;
    }
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        return fmt_complex(out, v, &f);
    default:
        fmt_unknown_type(f.type, v);
        return -1;
    }
}

// ---- str -----------------------------------------------------------------------------------------

static int fmt_str_spec(StrBuf *out, Value s, Value spec) {
    if (str_obj(spec)->nbytes == 0) {
        Value r = str_obj(s)->header.type == &type_str ? s : obj_str(s);
        if (!r) {
            return -1;
        }
        sb_put(out, str_obj(r)->data, str_obj(r)->nbytes);
        return 0;
    }
    FormatSpec f;
    if (fmt_parse(s, spec, 's', '<', &f) < 0) {
        return -1;
    }
    if (f.type != 's') {
        fmt_unknown_type(f.type, s);
        return -1;
    }
    return fmt_str(out, s, &f);
}

// ---- public entry points ---------------------------------------------------------------------------

typedef int (*FmtFunc)(StrBuf *out, Value v, Value spec);

static Value fmt_to_str(FmtFunc fn, Value v, Value spec) {
    StrBuf *b = format_scratch_begin();
    if (fn(b, v, spec ? spec : str_empty()) < 0) {
        format_scratch_end(b);
        return 0;
    }
    return format_scratch_str(b);
}

Value str_format_spec(Value s, Value spec) {
    if (str_obj(spec)->nbytes == 0) {
        // A subclass's own __str__ decides, as in CPython.
        return str_obj(s)->header.type == &type_str ? s : obj_str(s);
    }
    return fmt_to_str(fmt_str_spec, s, spec);
}
Value int_format(Value v, Value spec) {
    return fmt_to_str(fmt_int_spec, v, spec);
}
Value float_format(Value v, Value spec) {
    return fmt_to_str(fmt_float_spec, v, spec);
}
Value complex_format(Value v, Value spec) {
    return fmt_to_str(fmt_complex_spec, v, spec);
}

// v.__format__(spec) through the type (CPython's _PyObject_LookupSpecial).
static Value fmt_call_dunder(Value v, Value spec) {
    static Value name;
    if (!name) {
        name = str_intern_cstr("__format__");
        if (!name) {
            return 0;
        }
    }
    Type *t = type_of(v);
    Value meth = type_lookup(t, name);
    if (!meth) {
        if (err_occurred()) {
            return 0;
        }
        return err_format(&exc_TypeError, "Type %s doesn't define __format__", t->name);
    }
    DescrGetFunc get = type_of(meth)->descr_get;
    if (get) {
        meth = get(meth, v, val_from_ptr(t));
        if (!meth) {
            return 0;
        }
    }
    Value r = obj_call1(meth, spec);
    if (r && !val_is_str(r)) {
        return err_format(&exc_TypeError, "__format__ must return a str, not %s",
                          str_type_name(r));
    }
    return r;
}

// The formatter of v's exact builtin type, if it has one.
static FmtFunc fmt_builtin(Value v) {
    if (val_is_smallint(v)) {
        return fmt_int_spec;
    }
    if (val_is_flonum(v)) {
        return fmt_float_spec;
    }
    Type *t = val_ptr(v)->type;
    if (t == &type_str) {
        return fmt_str_spec;
    }
    if (t == &type_int || t == &type_bool) {
        return fmt_int_spec;
    }
    if (t == &type_float) {
        return fmt_float_spec;
    }
    if (t == &type_complex) {
        return fmt_complex_spec;
    }
    return NULL;
}

int format_into(StrBuf *out, Value v, Value spec) {
    if (!spec) {
        spec = str_empty();
    }
    FmtFunc fn = fmt_builtin(v);
    if (fn) {
        return fn(out, v, spec);
    }
    Value r = fmt_call_dunder(v, spec);
    if (!r) {
        return -1;
    }
    sb_put(out, str_obj(r)->data, str_obj(r)->nbytes);
    return 0;
}

Value obj_format(Value v, Value spec) {
    if (!spec) {
        spec = str_empty();
    }
    if (str_obj(spec)->nbytes == 0 && val_is_ptr(v) && val_ptr(v)->type == &type_str) {
        return v;
    }
    FmtFunc fn = fmt_builtin(v);
    if (fn) {
        return fmt_to_str(fn, v, spec);
    }
    return fmt_call_dunder(v, spec);
}

Value obj_ascii(Value v) {
    Value r = obj_repr(v);
    if (!r) {
        return 0;
    }
    StrObject *s = str_obj(r);
    if (s->flags & STR_ASCII) {
        return r;
    }
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, s->nbytes + 16);
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t pos = 0; pos < s->nbytes;) {
        size_t k;
        uint32_t cp = str_decode_cp(d + pos, &k);
        pos += k;
        if (cp < 0x80) {
            sb_putc(&b, (char)cp);
        } else if (cp <= 0xFF) {
            sb_printf(&b, "\\x%02x", cp);
        } else if (cp <= 0xFFFF) {
            sb_printf(&b, "\\u%04x", cp);
        } else {
            sb_printf(&b, "\\U%08x", cp);
        }
    }
    return str_from_strbuf(&b);
}

// ---- the __format__ methods -------------------------------------------------------------------------

static int fmt_method_arg(const char *qualname, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return -1;
    }
    if (!val_is_str(args[0])) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s",
                   args[0] == VAL_NONE ? "None" : str_type_name(args[0]));
        return -1;
    }
    return 0;
}

Value str_m_format_spec(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (fmt_method_arg("str.__format__", args, nargs, kwnames) < 0) {
        return 0;
    }
    return str_format_spec(self, args[0]);
}

Value int_m_format(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (fmt_method_arg("int.__format__", args, nargs, kwnames) < 0) {
        return 0;
    }
    return int_format(self, args[0]);
}

Value float_m_format(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (fmt_method_arg("float.__format__", args, nargs, kwnames) < 0) {
        return 0;
    }
    return float_format(self, args[0]);
}

Value complex_m_format(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (fmt_method_arg("complex.__format__", args, nargs, kwnames) < 0) {
        return 0;
    }
    return complex_format(self, args[0]);
}
