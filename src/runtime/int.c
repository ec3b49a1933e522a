// int.c - Python's int: small ints, GMP big ints, and every operator.
//
// Representation (int.h, value.h): an int that fits 63 bits is an immediate;
// a bigger one is an IntObject holding sign and magnitude, the magnitude as
// 64-bit limbs, least significant first - GMP's mpn layout, so the limbs go
// straight into GMP's low-level mpn_* functions. Those write into buffers the
// caller provides: every result is computed directly into an IntObject from
// gc_alloc (or a malloc'ed scratch buffer that is freed before returning).
// GMP's own scratch space comes from its default allocator, which krait never
// replaces (mp_set_memory_functions is process-global).
//
// Normalization: an IntObject of exact type int never holds a value that fits
// a small int, and its top limb is non-zero. Every operation ends in
// int_finish(), which strips high zero limbs and turns a result that fits
// back into an immediate. Operands are read through an IntView, which gives
// small ints, bools and subclass instances the same (limbs, length, sign)
// shape, so the slow paths are written once over magnitudes.
//
// Each slot starts with the small-int fast path (both tags tested at once:
// the tags are the low bits, so `a & b & 1` says both are immediates) and
// falls through to the view-based general path only on overflow or big
// operands.
//
// Semantics are CPython 3.11's, messages included: floor division and modulo
// round toward negative infinity; bitwise operators act on the infinite two's
// complement; true division of ints is correctly rounded however big the
// operands are; a negative exponent gives a float, or in pow(a, b, m) the
// modular inverse's power; left shifts that CPython would refuse as "too many
// digits in integer" are refused at the same sizes.
//
// Algorithms beyond GMP's own: int / int computes a 64-bit quotient plus a
// sticky bit (one mpn_tdiv_qr after scaling by a power of two) and rounds it
// once at the precision the result's exponent allows (int_round_scaled:
// subnormals included); a ** e strips a's trailing zero bits first (a power
// of two is a shift) and squares the rest; pow(a, e, m) uses mpn_sec_powm
// for odd m and fixed-window powering with division otherwise, and
// mpn_gcdext for the inverse of a negative exponent.
//
// Construction (int_tp_new, at the end): int(x) follows CPython's
// PyNumber_Long - __int__, then __index__, then the deprecated __trunc__
// (without the DeprecationWarning: krait has no warnings machinery yet),
// then the text of a str or bytes - and int(text, base) parses in numparse.c.
// An instance of a subclass gets the class's basic_size plus one word per
// limb (class.c puts the instance attributes after the limbs), and keeps
// even a small value in a limb: only exact ints are normalized.
#include "int.h"

#include <gmp.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "buffer.h"
#include "bytearray.h"
#include "bytes.h"
#include "complex.h"
#include "exceptions.h"
#include "format.h"
#include "float.h"
#include "gc.h"
#include "list.h"
#include "numparse.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
               "krait's limbs are GMP's limbs: a 64-bit GMP without nails is required");

int64_t int_max_str_digits = 4300;

// ---- decimal repr and digit parsing (used by the front end too) ------------------

void int_repr_i64(StrBuf *out, int64_t v) {
    // Two digits per step from the right (printf costs ten times more).
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char buf[24];
    char *p = buf + sizeof buf;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    while (u >= 100) {
        unsigned k = (unsigned)(u % 100) * 2;
        u /= 100;
        *--p = pairs[k + 1];
        *--p = pairs[k];
    }
    if (u >= 10) {
        *--p = pairs[u * 2 + 1];
        *--p = pairs[u * 2];
    } else {
        *--p = (char)('0' + u);
    }
    if (v < 0) {
        *--p = '-';
    }
    sb_put(out, p, (size_t)(buf + sizeof buf - p));
}

void int_repr_limbs(StrBuf *out, const uint64_t *limbs, int n, int negative) {
    while (n > 0 && limbs[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        sb_putc(out, '0');
        return;
    }
    if (negative) {
        sb_putc(out, '-');
    }
    if (n == 1) {
        sb_printf(out, "%" PRIu64, limbs[0]);
        return;
    }
    // mpn_get_str clobbers its input, so it works on a copy. 64 bits are
    // fewer than 19.3 decimal digits; GMP wants one spare byte.
    mp_limb_t *scratch = malloc((size_t)n * sizeof(mp_limb_t));
    if (!scratch) {
        sb_puts(out, "<out of memory>");
        return;
    }
    memcpy(scratch, limbs, (size_t)n * sizeof(mp_limb_t));
    size_t bound = (size_t)n * 20 + 1;
    sb_reserve(out, bound);
    unsigned char *dst = (unsigned char *)out->data + out->len;
    size_t len = mpn_get_str(dst, 10, scratch, (mp_size_t)n);
    free(scratch);
    size_t skip = 0;
    while (skip + 1 < len && dst[skip] == 0) {
        skip++;
    }
    for (size_t i = skip; i < len; i++) {
        dst[i - skip] = (unsigned char)('0' + dst[i]);
    }
    out->len += len - skip;
    out->data[out->len] = 0;
}

size_t int_limbs_for_digits(size_t ndigits, int base) {
    // Each digit carries at most log2(base) <= 6 bits (base <= 64).
    int bits = 1;
    while ((1 << bits) < base) {
        bits++;
    }
    return ndigits * (size_t)bits / 64 + 2;
}

size_t int_limbs_from_digits(uint64_t *limbs, const unsigned char *digits, size_t n, int base) {
    while (n > 0 && digits[0] == 0) {
        digits++;
        n--;
    }
    if (n == 0) {
        return 0;
    }
    mp_size_t got = mpn_set_str((mp_limb_t *)limbs, digits, n, base);
    while (got > 0 && limbs[got - 1] == 0) {
        got--;
    }
    return (size_t)got;
}

// ---- views: any int as (limbs, length, sign) ---------------------------------------

typedef struct IntView {
    const mp_limb_t *d;  // magnitude, least significant limb first
    mp_size_t n;         // significant limbs: d[n - 1] != 0; 0 for zero
    bool neg;
    mp_limb_t small;     // the magnitude of an immediate or a bool (d points here)
} IntView;

// v must satisfy int_check. The view may point into v's object: keep v alive
// (any Value on the C stack is a root).
static void int_view(Value v, IntView *w) {
    if (val_is_smallint(v)) {
        int64_t i = val_smallint(v);
        w->neg = i < 0;
        w->small = w->neg ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        w->d = &w->small;
        w->n = i != 0;
        return;
    }
    Object *o = val_ptr(v);
    if (o->type == &type_bool) {
        w->neg = false;
        w->small = o == &true_object;
        w->d = &w->small;
        w->n = (mp_size_t)w->small;
        return;
    }
    IntObject *io = (IntObject *)o;
    mp_size_t n = io->size < 0 ? -io->size : io->size;
    while (n > 0 && io->limbs[n - 1] == 0) {  // subclass instances need not be normalized
        n--;
    }
    w->neg = io->size < 0 && n > 0;
    w->d = io->limbs;
    w->n = n;
}

// The value of an immediate or a bool (the cases that need no view).
static inline bool int_small(Value v, int64_t *out) {
    if (val_is_smallint(v)) {
        *out = val_smallint(v);
        return true;
    }
    if (v == VAL_TRUE || v == VAL_FALSE) {
        *out = v == VAL_TRUE;
        return true;
    }
    return false;
}

static inline mp_size_t mag_bits(const mp_limb_t *d, mp_size_t n) {
    return n == 0 ? 0 : (n - 1) * 64 + 64 - __builtin_clzll(d[n - 1]);
}

static inline int mag_cmp(const mp_limb_t *x, mp_size_t xn, const mp_limb_t *y, mp_size_t yn) {
    if (xn != yn) {
        return xn < yn ? -1 : 1;
    }
    int c = mpn_cmp(x, y, xn);
    return (c > 0) - (c < 0);
}

// ---- results ----------------------------------------------------------------------

// Results beyond 2**49 bits fail as MemoryError without asking the collector
// (whose own limit is about the same), so that no size computation overflows.
#define INT_MAX_LIMBS ((uint64_t)1 << 43)

static IntObject *int_alloc(uint64_t nlimbs) {
    if (nlimbs > INT_MAX_LIMBS) {
        err_no_memory();
        return NULL;
    }
    // Every caller writes the limbs it keeps (int_finish reads only those):
    // a big one is not zeroed first.
    return (IntObject *)gc_alloc_data(&type_int, sizeof(IntObject) + nlimbs * sizeof(mp_limb_t),
                                      sizeof(IntObject));
}

// Scratch limbs for intermediate values (no Values inside): free() them.
static mp_limb_t *int_scratch(uint64_t nlimbs) {
    mp_limb_t *p = nlimbs > INT_MAX_LIMBS ? NULL : malloc((nlimbs + 1) * sizeof(mp_limb_t));
    if (!p) {
        err_no_memory();
    }
    return p;
}

// r holds a magnitude of up to n limbs: normalize it into the int result.
static Value int_finish(IntObject *r, mp_size_t n, bool neg) {
    while (n > 0 && r->limbs[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        return val_from_smallint(0);
    }
    if (n == 1) {
        uint64_t m = r->limbs[0];
        if (m <= (uint64_t)SMALLINT_MAX) {
            return val_from_smallint(neg ? -(int64_t)m : (int64_t)m);
        }
        if (neg && m == (uint64_t)SMALLINT_MAX + 1) {
            return val_from_smallint(SMALLINT_MIN);
        }
    }
    r->size = neg ? -n : n;
    return val_from_ptr(r);
}

static Value int_from_mag(const mp_limb_t *d, mp_size_t n, bool neg) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        return val_from_smallint(0);
    }
    if (n == 1 && d[0] <= (uint64_t)SMALLINT_MAX) {
        return val_from_smallint(neg ? -(int64_t)d[0] : (int64_t)d[0]);
    }
    IntObject *r = int_alloc((uint64_t)n);
    if (!r) {
        return 0;
    }
    memcpy(r->limbs, d, (size_t)n * sizeof(mp_limb_t));
    return int_finish(r, n, neg);
}

static inline Value int_view_value(const IntView *w, bool neg) {
    return int_from_mag(w->d, w->n, neg);
}

Value int_from_i64_big(int64_t v) {
    mp_limb_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return int_from_mag(&m, 1, v < 0);
}

Value int_from_u64(uint64_t v) {
    if (v <= (uint64_t)SMALLINT_MAX) {
        return val_from_smallint((int64_t)v);  // id() of every object lands here
    }
    mp_limb_t m = v;
    return int_from_mag(&m, 1, false);
}

Value int_from_limbs(const uint64_t *limbs, size_t n, int negative) {
    return int_from_mag(limbs, (mp_size_t)n, negative != 0);
}

Value int_exact(Value v) {
    if (int_check_exact(v)) {
        return v;
    }
    IntView w;
    int_view(v, &w);
    return int_view_value(&w, w.neg);
}

// out = d << shift, where out has room for n + shift / 64 + 1 limbs. Returns
// the number of limbs written.
static mp_size_t mag_shl(mp_limb_t *out, const mp_limb_t *d, mp_size_t n, uint64_t shift) {
    mp_size_t limbs = (mp_size_t)(shift / 64);
    unsigned bits = (unsigned)(shift % 64);
    memset(out, 0, (size_t)limbs * sizeof(mp_limb_t));
    if (n == 0) {
        return limbs;
    }
    if (bits) {
        out[limbs + n] = mpn_lshift(out + limbs, d, n, bits);
    } else {
        memcpy(out + limbs, d, (size_t)n * sizeof(mp_limb_t));
        out[limbs + n] = 0;
    }
    return limbs + n + 1;
}

// ---- conversions ---------------------------------------------------------------------

int int_to_i64(Value v, int64_t *out) {
    if (int_small(v, out)) {
        return 0;
    }
    IntView w;
    int_view(v, &w);
    if (w.n <= 1) {
        uint64_t m = w.n ? w.d[0] : 0;
        if (!w.neg && m <= (uint64_t)INT64_MAX) {
            *out = (int64_t)m;
            return 0;
        }
        if (w.neg && m <= (uint64_t)INT64_MAX + 1) {
            *out = (int64_t)((uint64_t)0 - m);
            return 0;
        }
    }
    err_format(&exc_OverflowError, "Python int too large to convert to C long");
    return -1;
}

int int_sign(Value v) {
    int64_t i;
    if (int_small(v, &i)) {
        return (i > 0) - (i < 0);
    }
    IntView w;
    int_view(v, &w);
    return w.n == 0 ? 0 : w.neg ? -1 : 1;
}

// The correctly rounded double nearest to (m + f) * 2**e, where 0 <= f < 1 is
// known only by `sticky` (f != 0). Ties go to even. Returns +inf beyond the
// largest double, and handles subnormal results. When sticky is set, m must
// have at least 63 significant bits (so that f lies below the rounding point).
double int_round_scaled(uint64_t m, bool sticky, int64_t e) {
    if (m == 0) {
        return 0.0;
    }
    int bits = 64 - __builtin_clzll(m);
    int64_t top = bits - 1 + e;  // the value lies in [2**top, 2**(top + 1))
    if (top >= 1024) {
        return HUGE_VAL;
    }
    // How many bits the double keeps at this magnitude: 53, fewer when subnormal.
    int64_t keep = top >= -1022 ? 53 : top + 1075;
    if (keep <= 0) {
        // Below half the smallest subnormal rounds to 0; exactly half is a tie
        // (to even: 0); above half rounds to the smallest subnormal.
        if (keep == 0 && (m != (uint64_t)1 << (bits - 1) || sticky)) {
            return ldexp(1.0, -1074);
        }
        return 0.0;
    }
    if (bits <= keep) {
        return ldexp((double)m, (int)e);  // exact (sticky implies bits > 53)
    }
    int drop = bits - (int)keep;  // 1..63
    uint64_t q = m >> drop;
    uint64_t rem = m & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rem > half || (rem == half && (sticky || (q & 1)))) {
        q++;
    }
    return ldexp((double)q, (int)(e + drop));  // exact, or inf when rounding carried out
}

static double mag_to_double(const mp_limb_t *d, mp_size_t n) {
    if (n == 0) {
        return 0.0;
    }
    if (n == 1) {
        return (double)d[0];  // the conversion rounds to nearest, ties to even
    }
    mp_size_t bits = mag_bits(d, n);
    if (bits > 1025) {
        return HUGE_VAL;
    }
    // The top 64 bits, and whether anything below them is non-zero.
    mp_size_t shift = bits - 64;
    mp_size_t li = shift / 64;
    unsigned bo = (unsigned)(shift % 64);
    uint64_t m = d[li] >> bo;
    if (bo) {
        m |= d[li + 1] << (64 - bo);
    }
    bool sticky = bo && (d[li] & (((uint64_t)1 << bo) - 1)) != 0;
    for (mp_size_t i = 0; i < li && !sticky; i++) {
        sticky = d[i] != 0;
    }
    return int_round_scaled(m, sticky, shift);
}

double int_to_double(Value v, int *overflow) {
    int64_t i;
    *overflow = 0;
    if (int_small(v, &i)) {
        return (double)i;
    }
    IntView w;
    int_view(v, &w);
    double x = mag_to_double(w.d, w.n);
    if (isinf(x)) {
        *overflow = 1;
    }
    return w.neg ? -x : x;
}

int int_as_double(Value v, double *out) {
    int overflow;
    *out = int_to_double(v, &overflow);
    if (overflow) {
        err_format(&exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    return 0;
}

Value int_from_double(double d) {
    if (isnan(d)) {
        return err_format(&exc_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(d)) {
        return err_format(&exc_OverflowError, "cannot convert float infinity to integer");
    }
    d = trunc(d);
    if (fabs(d) < 0x1p62) {
        return val_from_smallint((int64_t)d);
    }
    // |d| >= 2**62: an integer m < 2**53 times 2**(e - 53), e - 53 >= 10.
    int e;
    double frac = frexp(fabs(d), &e);
    mp_limb_t m = (mp_limb_t)ldexp(frac, 53);
    IntObject *r = int_alloc((uint64_t)(e - 53) / 64 + 2);
    if (!r) {
        return 0;
    }
    mp_size_t n = mag_shl(r->limbs, &m, 1, (uint64_t)(e - 53));
    return int_finish(r, n, d < 0);
}

// ---- comparison and hashing ---------------------------------------------------------

static int int_view_compare(const IntView *a, const IntView *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

int int_compare(Value a, Value b) {
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) {
        return (x > y) - (x < y);
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    return int_view_compare(&va, &vb);
}

int int_compare_double(Value a, double d) {
    if (isnan(d)) {
        return 2;
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    int64_t x;
    if (int_small(a, &x) && x >= -((int64_t)1 << 53) && x <= ((int64_t)1 << 53)) {
        double xd = (double)x;  // exact
        return (xd > d) - (xd < d);
    }
    IntView w;
    int_view(a, &w);
    int sa = w.n == 0 ? 0 : w.neg ? -1 : 1;
    int sd = (d > 0) - (d < 0);
    if (sa != sd) {
        return sa < sd ? -1 : 1;
    }
    if (sa == 0) {
        return 0;
    }
    // Same signs: compare |a| with the integer floor(|d|) exactly (at most
    // 2**1024, 17 limbs); if they are equal, |a| < |d| unless d is integral.
    double ad = fabs(d), fl = floor(ad);
    mp_limb_t f[18];
    mp_size_t fn;
    if (fl < 0x1p64) {
        f[0] = (mp_limb_t)fl;
        fn = f[0] != 0;
    } else {
        int e;
        mp_limb_t m = (mp_limb_t)ldexp(frexp(fl, &e), 53);
        fn = mag_shl(f, &m, 1, (uint64_t)(e - 53));
        while (f[fn - 1] == 0) {
            fn--;
        }
    }
    int c = mag_cmp(w.d, w.n, f, fn);
    if (c == 0 && fl != ad) {
        c = -1;
    }
    return sa < 0 ? -c : c;
}

// CPython's numeric hash: x mod P for P = 2**61 - 1, negated for negative x,
// with -1 turned into -2 (-1 means "error" to hash functions).
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

static inline uint64_t hash_fold(uint64_t x) {  // x mod P, for any 64-bit x
    x = (x & HASH_MODULUS) + (x >> 61);
    return x >= HASH_MODULUS ? x - HASH_MODULUS : x;
}

static int64_t hash_signed(uint64_t h, bool neg) {
    int64_t r = neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t int_hash(Value v) {
    int64_t i;
    if (int_small(v, &i)) {
        return hash_signed(hash_fold(i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i), i < 0);
    }
    IntView w;
    int_view(v, &w);
    // Horner from the top limb: acc * 2**64 + limb, and 2**64 = 2**3 (mod P).
    uint64_t acc = 0;
    for (mp_size_t k = w.n - 1; k >= 0; k--) {
        acc = hash_fold(acc << 3) + hash_fold(w.d[k]);
        if (acc >= HASH_MODULUS) {
            acc -= HASH_MODULUS;
        }
    }
    return hash_signed(acc, w.neg);
}

// ---- repr ----------------------------------------------------------------------------

int int_repr_value(StrBuf *out, Value v) {
    int64_t i;
    if (int_small(v, &i)) {
        int_repr_i64(out, i);
        return 0;
    }
    IntView w;
    int_view(v, &w);
    if (int_max_str_digits > 0 && w.n > 0) {
        // mpn_sizeinbase is exact or one too big; only the near misses need
        // the conversion to decide.
        size_t digits = mpn_sizeinbase(w.d, w.n, 10);
        bool over = digits - 1 > (uint64_t)int_max_str_digits;
        if (!over && digits > (uint64_t)int_max_str_digits) {
            size_t start = out->len;
            int_repr_limbs(out, w.d, (int)w.n, 0);
            over = out->len - start > (uint64_t)int_max_str_digits;
            out->len = start;
            out->data[start] = 0;
        }
        if (over) {
            err_format(&exc_ValueError,
                       "Exceeds the limit (%" PRId64 " digits) for integer string conversion; "
                       "use sys.set_int_max_str_digits() to increase the limit",
                       int_max_str_digits);
            return -1;
        }
    }
    int_repr_limbs(out, w.d, (int)w.n, w.neg);
    return 0;
}

static Value int_repr(Value v) {
    StrBuf b;
    sb_init(&b);
    Value r = 0;
    if (int_repr_value(&b, v) == 0) {
        r = str_from_utf8(b.data, b.len);
    }
    sb_free(&b);
    return r;
}

// ---- addition, subtraction, multiplication ----------------------------------------------

// a + (b with sign bneg): the sign is passed separately so that subtraction
// is the same code.
static Value int_addsub_views(const IntView *a, const IntView *b, bool bneg) {
    const mp_limb_t *x = a->d, *y = b->d;
    mp_size_t xn = a->n, yn = b->n;
    bool xneg = a->neg, yneg = bneg;
    if (xn < yn || (xneg != yneg && mag_cmp(x, xn, y, yn) < 0)) {
        const mp_limb_t *t = x;
        x = y;
        y = t;
        mp_size_t tn = xn;
        xn = yn;
        yn = tn;
        bool tneg = xneg;
        xneg = yneg;
        yneg = tneg;
    }
    if (xn == 0) {
        return val_from_smallint(0);
    }
    // Now |x| >= |y| when the signs differ, and xn >= yn always.
    IntObject *r = int_alloc((uint64_t)xn + 1);
    if (!r) {
        return 0;
    }
    if (xneg == yneg) {
        r->limbs[xn] = mpn_add(r->limbs, x, xn, y, yn);
        return int_finish(r, xn + 1, xneg);
    }
    mpn_sub(r->limbs, x, xn, y, yn);
    return int_finish(r, xn, xneg);
}

static Value int_add(Value a, Value b) {
    if (val_is_smallint(a & b)) {
        // Tagged: (2x + 1) + (2y + 1) - 1 = 2(x + y) + 1, and the signed
        // addition overflows exactly when x + y leaves 63 bits.
        int64_t r;
        if (!__builtin_add_overflow((int64_t)a, (int64_t)b - 1, &r)) {
            return (Value)r;
        }
        return int_from_i64(val_smallint(a) + val_smallint(b));
    }
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    IntView x, y;
    int_view(a, &x);
    int_view(b, &y);
    return int_addsub_views(&x, &y, y.neg);
}

static Value int_sub(Value a, Value b) {
    if (val_is_smallint(a & b)) {
        int64_t r;
        if (!__builtin_sub_overflow((int64_t)a, (int64_t)b - 1, &r)) {
            return (Value)r;
        }
        return int_from_i64(val_smallint(a) - val_smallint(b));
    }
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    IntView x, y;
    int_view(a, &x);
    int_view(b, &y);
    return int_addsub_views(&x, &y, !y.neg);
}

static Value int_mul_views(const IntView *a, const IntView *b) {
    if (a->n == 0 || b->n == 0) {
        return val_from_smallint(0);
    }
    const IntView *x = a, *y = b;
    if (x->n < y->n) {
        x = b;
        y = a;
    }
    IntObject *r = int_alloc((uint64_t)x->n + (uint64_t)y->n);
    if (!r) {
        return 0;
    }
    if (x->d == y->d && x->n == y->n) {
        mpn_sqr(r->limbs, x->d, x->n);
    } else {
        mpn_mul(r->limbs, x->d, x->n, y->d, y->n);
    }
    return int_finish(r, x->n + y->n, a->neg != b->neg);
}

static Value int_mul(Value a, Value b) {
    if (val_is_smallint(a & b)) {
        int64_t p;
        if (!__builtin_mul_overflow(val_smallint(a), val_smallint(b), &p)) {
            return int_from_i64(p);
        }
    } else if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    IntView x, y;
    int_view(a, &x);
    int_view(b, &y);
    return int_mul_views(&x, &y);
}

// ---- division ------------------------------------------------------------------------------

// Floor division and modulo (Python's: the remainder takes the divisor's
// sign). b is non-zero. Either output pointer may be NULL. 0, or -1 on
// MemoryError.
static int int_divmod_views(const IntView *a, const IntView *b, Value *q, Value *r) {
    mp_size_t an = a->n, bn = b->n;
    mp_size_t qn = an >= bn ? an - bn + 1 : 1;
    IntObject *qo = int_alloc((uint64_t)qn + 1);
    IntObject *ro = qo ? int_alloc((uint64_t)bn) : NULL;
    if (!ro) {
        return -1;
    }
    if (an >= bn) {
        mpn_tdiv_qr(qo->limbs, ro->limbs, 0, a->d, an, b->d, bn);
    } else {
        // quotient 0, remainder |a| (the limbs come unzeroed: int_alloc)
        qo->limbs[0] = 0;
        memcpy(ro->limbs, a->d, (size_t)an * sizeof(mp_limb_t));
        memset(ro->limbs + an, 0, (size_t)(bn - an) * sizeof(mp_limb_t));
    }
    bool qneg = a->neg != b->neg;
    if (qneg && !mpn_zero_p(ro->limbs, bn)) {
        // Truncation went toward zero; floor is one further, and the
        // remainder becomes |b| - |r| with b's sign.
        qo->limbs[qn] = mpn_add_1(qo->limbs, qo->limbs, qn, 1);
        qn++;
        mpn_sub_n(ro->limbs, b->d, ro->limbs, bn);
    }
    if (q) {
        *q = int_finish(qo, qn, qneg);
    }
    if (r) {
        *r = int_finish(ro, bn, b->neg);
    }
    return 0;
}

int int_divmod(Value a, Value b, Value *q, Value *r) {
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.n == 0) {
        err_format(&exc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    return int_divmod_views(&va, &vb, q, r);
}

static inline int64_t floor_div_i64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) {
        q--;
    }
    return q;
}

static inline int64_t floor_mod_i64(int64_t x, int64_t y) {
    int64_t m = x % y;
    if (m != 0 && ((m < 0) != (y < 0))) {
        m += y;
    }
    return m;
}

static Value int_floordiv(Value a, Value b) {
    int64_t x, y;
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (int_small(a, &x) && int_small(b, &y)) {
        if (y == 0) {
            return err_format(&exc_ZeroDivisionError, "integer division or modulo by zero");
        }
        return int_from_i64(floor_div_i64(x, y));  // SMALLINT_MIN // -1 fits int64
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.n == 0) {
        return err_format(&exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    Value q;
    return int_divmod_views(&va, &vb, &q, NULL) < 0 ? 0 : q;
}

static Value int_mod(Value a, Value b) {
    int64_t x, y;
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (int_small(a, &x) && int_small(b, &y)) {
        if (y == 0) {
            return err_format(&exc_ZeroDivisionError, "integer modulo by zero");
        }
        return val_from_smallint(floor_mod_i64(x, y));
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.n == 0) {
        return err_format(&exc_ZeroDivisionError, "integer modulo by zero");
    }
    Value r;
    return int_divmod_views(&va, &vb, NULL, &r) < 0 ? 0 : r;
}

// a / b correctly rounded, as CPython's long_true_divide. Its result is the
// IEEE quotient of the exact values: the one double nearest a/b (ties to
// even, subnormals rounded at their own precision), OverflowError when that
// is beyond the largest double.
static Value int_truediv_views(const IntView *a, const IntView *b) {
    bool neg = a->neg != b->neg;
    if (a->n == 0) {
        return float_from_double(neg ? -0.0 : 0.0);
    }
    const uint64_t exact = (uint64_t)1 << 53;
    if (a->n == 1 && b->n == 1 && a->d[0] <= exact && b->d[0] <= exact) {
        double r = (double)a->d[0] / (double)b->d[0];  // both exact: one rounding
        return float_from_double(neg ? -r : r);
    }
    mp_size_t la = mag_bits(a->d, a->n), lb = mag_bits(b->d, b->n);
    int64_t diff = (int64_t)la - (int64_t)lb;  // a/b lies in (2**(diff-1), 2**(diff+1))
    if (diff > 1025) {
        return err_format(&exc_OverflowError, "integer division result too large for a float");
    }
    if (diff < -1080) {
        return float_from_double(neg ? -0.0 : 0.0);
    }
    // Q = floor(a * 2**k / b) has 64 or 65 bits for k = 64 - diff; the
    // remainder only matters as "non-zero" (the sticky bit).
    int64_t k = 64 - diff;
    uint64_t kn = k > 0 ? (uint64_t)k : 0, kd = k < 0 ? (uint64_t)-k : 0;
    mp_limb_t *num = int_scratch((uint64_t)a->n + kn / 64 + 2);
    mp_limb_t *den = num ? int_scratch((uint64_t)b->n + kd / 64 + 2) : NULL;
    mp_limb_t *rem = den ? int_scratch((uint64_t)b->n + kd / 64 + 2) : NULL;
    if (!rem) {
        free(num);
        free(den);
        return 0;
    }
    mp_size_t nn = mag_shl(num, a->d, a->n, kn);
    mp_size_t dn = mag_shl(den, b->d, b->n, kd);
    while (nn > 0 && num[nn - 1] == 0) {
        nn--;
    }
    while (dn > 0 && den[dn - 1] == 0) {
        dn--;
    }
    mp_limb_t q[3] = {0, 0, 0};  // nn - dn + 1 <= 3 since Q < 2**65
    mpn_tdiv_qr(q, rem, 0, num, nn, den, dn);
    bool sticky = !mpn_zero_p(rem, dn);
    free(num);
    free(den);
    free(rem);
    uint64_t m;
    int64_t e;
    if (q[1]) {
        sticky |= (q[0] & 1) != 0;
        m = (q[0] >> 1) | (q[1] << 63);
        e = -k + 1;
    } else {
        m = q[0];
        e = -k;
    }
    double r = int_round_scaled(m, sticky, e);
    if (isinf(r)) {
        return err_format(&exc_OverflowError, "integer division result too large for a float");
    }
    return float_from_double(neg ? -r : r);
}

static Value int_truediv(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.n == 0) {
        return err_format(&exc_ZeroDivisionError, "division by zero");
    }
    return int_truediv_views(&va, &vb);
}

// ---- powers ----------------------------------------------------------------------------------

// |a| ** e for e >= 2 and |a| >= 2, into a new int with the given sign.
// |a| = m * 2**tz: m ** e by left-to-right binary powering, then the shift.
static Value int_pow_mag(const IntView *a, uint64_t e, bool neg) {
    mp_size_t tzl = 0;
    while (a->d[tzl] == 0) {
        tzl++;
    }
    uint64_t tz = (uint64_t)tzl * 64 + (uint64_t)__builtin_ctzll(a->d[tzl]);
    // m = |a| >> tz
    mp_size_t mn = a->n - tzl;
    mp_limb_t *m = int_scratch((uint64_t)mn);
    if (!m) {
        return 0;
    }
    if (tz % 64) {
        mpn_rshift(m, a->d + tzl, mn, (unsigned)(tz % 64));
    } else {
        memcpy(m, a->d + tzl, (size_t)mn * sizeof(mp_limb_t));
    }
    while (m[mn - 1] == 0) {
        mn--;
    }
    // Sizes: m ** e has at most bits(m) * e bits; the shift adds tz * e.
    unsigned __int128 mbits = (unsigned __int128)mag_bits(m, mn) * e;
    unsigned __int128 shift = (unsigned __int128)tz * e;
    if (mbits + shift > (unsigned __int128)INT_MAX_LIMBS * 64) {
        free(m);
        return err_no_memory();
    }
    uint64_t cap = (uint64_t)(mbits / 64) + 2;
    IntObject *r = int_alloc(cap + (uint64_t)(shift / 64) + 1);
    if (!r) {
        free(m);
        return 0;
    }
    if (mn == 1 && m[0] == 1) {  // |a| is a power of two
        mp_size_t n = mag_shl(r->limbs, m, 1, (uint64_t)shift);
        free(m);
        return int_finish(r, n, neg);
    }
    mp_limb_t *x = int_scratch(cap), *y = x ? int_scratch(cap) : NULL;
    if (!y) {
        free(m);
        free(x);
        return 0;
    }
    memcpy(x, m, (size_t)mn * sizeof(mp_limb_t));
    mp_size_t xn = mn;
    for (int bit = 62 - __builtin_clzll(e); bit >= 0; bit--) {
        mpn_sqr(y, x, xn);
        xn *= 2;
        xn -= y[xn - 1] == 0;
        mp_limb_t *t = x;
        x = y;
        y = t;
        if ((e >> bit) & 1) {
            mpn_mul(y, x, xn, m, mn);
            xn += mn;
            xn -= y[xn - 1] == 0;
            t = x;
            x = y;
            y = t;
        }
    }
    mp_size_t n = mag_shl(r->limbs, x, xn, (uint64_t)shift);
    free(m);
    free(x);
    free(y);
    return int_finish(r, n, neg);
}

static Value int_pow(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t x, e;
    bool small_b = int_small(b, &e);
    if ((small_b && e < 0) || (!small_b && int_sign(b) < 0)) {
        // A negative exponent makes it float arithmetic (CPython: float_pow).
        double fx, fy;
        if (int_as_double(a, &fx) < 0 || int_as_double(b, &fy) < 0) {
            return 0;
        }
        return float_pow_doubles(fx, fy);
    }
    if (int_small(a, &x) && small_b) {
        // Square and multiply in int64 while it fits.
        int64_t result = 1, base = x;
        uint64_t k = (uint64_t)e;
        bool overflow = false;
        while (k) {
            if ((k & 1) && __builtin_mul_overflow(result, base, &result)) {
                overflow = true;
                break;
            }
            k >>= 1;
            if (k && __builtin_mul_overflow(base, base, &base)) {
                overflow = true;
                break;
            }
        }
        if (!overflow) {
            return int_from_i64(result);
        }
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    bool odd = vb.n > 0 && (vb.d[0] & 1);
    if (vb.n == 0) {
        return val_from_smallint(1);
    }
    if (va.n == 0) {
        return val_from_smallint(0);
    }
    if (va.n == 1 && va.d[0] == 1) {
        return val_from_smallint(va.neg && odd ? -1 : 1);
    }
    if (vb.n > 1) {
        return err_no_memory();  // |a| >= 2 to a power >= 2**64
    }
    if (vb.d[0] == 1) {
        return int_view_value(&va, va.neg);
    }
    return int_pow_mag(&va, vb.d[0], va.neg && odd);
}

// r = x mod m for the n-limb x (m has mn limbs, top limb non-zero; q is
// scratch of n - mn + 1 limbs). r has mn limbs, zero-padded.
static void powmod_reduce(mp_limb_t *r, mp_limb_t *q, const mp_limb_t *x, mp_size_t n,
                          const mp_limb_t *m, mp_size_t mn) {
    while (n > 0 && x[n - 1] == 0) {
        n--;
    }
    if (n < mn) {
        memcpy(r, x, (size_t)n * sizeof(mp_limb_t));
        memset(r + n, 0, (size_t)(mn - n) * sizeof(mp_limb_t));
        return;
    }
    mpn_tdiv_qr(q, r, 0, x, n, m, mn);
}

// base ** e mod m, for 0 <= base < m, e >= 0 and m >= 2, into an int >= 0.
// Fixed-window exponentiation: 2**w - 1 precomputed powers, then per window
// w squarings and at most one multiplication, each reduced by division.
static Value int_powmod_mag(const IntView *base, const IntView *e, const IntView *m) {
    mp_size_t mn = m->n;
    mp_size_t ebits = mag_bits(e->d, e->n);
    if (mn == 1) {
        unsigned __int128 md = m->d[0];
        uint64_t b = base->n ? base->d[0] : 0, r = 1 % m->d[0];
        for (mp_size_t i = ebits - 1; i >= 0; i--) {
            r = (uint64_t)((unsigned __int128)r * r % md);
            if ((e->d[i / 64] >> (i % 64)) & 1) {
                r = (uint64_t)((unsigned __int128)r * b % md);
            }
        }
        return int_from_u64(r);
    }
    if ((m->d[0] & 1) && base->n > 0 && ebits > 0) {
        // An odd modulus: GMP's Montgomery-based mpn_sec_powm (documented
        // for B > 0, E > 0, B <= M, odd M) is several times faster than
        // reducing by division below.
        mp_size_t itch = mpn_sec_powm_itch(base->n, (mp_bitcnt_t)ebits, mn);
        mp_limb_t *tp = int_scratch((uint64_t)itch);
        IntObject *res = tp ? int_alloc((uint64_t)mn) : NULL;
        if (!res) {
            free(tp);
            return 0;
        }
        mpn_sec_powm(res->limbs, base->d, base->n, e->d, (mp_bitcnt_t)ebits, m->d, mn, tp);
        free(tp);
        return int_finish(res, mn, false);
    }
    int w = ebits <= 16 ? 1 : ebits <= 96 ? 3 : ebits <= 320 ? 4 : ebits <= 1024 ? 5 : 6;
    size_t tsize = (size_t)1 << w;
    mp_limb_t *table = int_scratch((uint64_t)tsize * (uint64_t)mn);  // table[j] = base**j mod m
    mp_limb_t *prod = table ? int_scratch(2 * (uint64_t)mn) : NULL;
    mp_limb_t *quot = prod ? int_scratch((uint64_t)mn + 2) : NULL;
    IntObject *res = quot ? int_alloc((uint64_t)mn) : NULL;
    if (!res) {
        free(table);
        free(prod);
        free(quot);
        return 0;
    }
    memset(table, 0, (size_t)mn * sizeof(mp_limb_t));
    table[0] = 1;
    memset(table + mn, 0, (size_t)mn * sizeof(mp_limb_t));
    memcpy(table + mn, base->d, (size_t)base->n * sizeof(mp_limb_t));
    for (size_t j = 2; j < tsize; j++) {
        mpn_mul_n(prod, table + (j - 1) * (size_t)mn, table + mn, mn);
        powmod_reduce(table + j * (size_t)mn, quot, prod, 2 * mn, m->d, mn);
    }
    mp_limb_t *r = res->limbs;
    memcpy(r, table, (size_t)mn * sizeof(mp_limb_t));  // 1
    // Windows from the top; the first one is shorter when w does not divide
    // ebits, so that the others line up with bit 0.
    mp_size_t pos = ebits;
    bool first = true;
    while (pos > 0) {
        int width = first ? (int)((pos - 1) % w) + 1 : w;
        unsigned digit = 0;
        for (int k = 0; k < width; k++) {
            mp_size_t i = pos - 1 - k;
            digit = (digit << 1) | (unsigned)((e->d[i / 64] >> (i % 64)) & 1);
            if (!first) {
                mpn_sqr(prod, r, mn);
                powmod_reduce(r, quot, prod, 2 * mn, m->d, mn);
            }
        }
        if (digit) {
            mpn_mul_n(prod, r, table + digit * (size_t)mn, mn);
            powmod_reduce(r, quot, prod, 2 * mn, m->d, mn);
        }
        first = false;
        pos -= width;
    }
    free(table);
    free(prod);
    free(quot);
    return int_finish(res, mn, false);
}

// The inverse of a modulo m (0 <= a < m, m >= 2) into *out, as an int in
// [0, m). 1 on success, 0 if gcd(a, m) != 1, -1 on MemoryError.
static int int_invmod(const IntView *a, const IntView *m, Value *out) {
    // mpn_gcdext(G, S, U, V) finds G = gcd and S with G = U*S + V*T; it wants
    // U >= V, both destroyed. U = a + m keeps U >= V = m and U*S = a*S (mod m).
    mp_size_t mn = m->n, un = mn + 1;
    mp_limb_t *u = int_scratch((uint64_t)un + 1);
    mp_limb_t *v = u ? int_scratch((uint64_t)mn + 1) : NULL;
    mp_limb_t *g = v ? int_scratch((uint64_t)un + 1) : NULL;
    mp_limb_t *s = g ? int_scratch((uint64_t)un + 1) : NULL;
    if (!s) {
        free(u);
        free(v);
        free(g);
        return -1;
    }
    memset(u, 0, (size_t)(un + 1) * sizeof(mp_limb_t));
    memcpy(u, a->d, (size_t)a->n * sizeof(mp_limb_t));
    u[mn] = mpn_add_n(u, u, m->d, mn);
    if (u[mn] == 0) {
        un = mn;
    }
    memcpy(v, m->d, (size_t)mn * sizeof(mp_limb_t));
    mp_size_t sn = 0;
    mp_size_t gn = mpn_gcdext(g, s, &sn, u, un, v, mn);
    int ok = gn == 1 && g[0] == 1;
    if (ok) {
        // |S| < m; a negative S becomes m - |S|.
        mp_size_t an = sn < 0 ? -sn : sn;
        IntObject *r = int_alloc((uint64_t)mn);
        if (!r) {
            ok = -1;
        } else {
            memcpy(r->limbs, s, (size_t)an * sizeof(mp_limb_t));
            memset(r->limbs + an, 0, (size_t)(mn - an) * sizeof(mp_limb_t));
            if (sn < 0) {
                mpn_sub(r->limbs, m->d, mn, r->limbs, an);
            }
            *out = int_finish(r, mn, false);
        }
    }
    free(u);
    free(v);
    free(g);
    free(s);
    return ok;
}

Value int_pow3(Value a, Value b, Value mod) {
    if (!int_check(a) || !int_check(b) || !int_check(mod)) {
        return VAL_NOTIMPLEMENTED;
    }
    IntView va, vb, vm;
    int_view(a, &va);
    int_view(b, &vb);
    int_view(mod, &vm);
    if (vm.n == 0) {
        return err_format(&exc_ValueError, "pow() 3rd argument cannot be 0");
    }
    bool negative_output = vm.neg;
    vm.neg = false;
    if (vm.n == 1 && vm.d[0] == 1) {
        return val_from_smallint(0);
    }
    // base = a mod m, in [0, m)
    Value base;
    if (va.neg || mag_cmp(va.d, va.n, vm.d, vm.n) >= 0) {
        if (int_divmod_views(&va, &vm, NULL, &base) < 0) {
            return 0;
        }
    } else {
        base = a;
    }
    IntView vbase;
    int_view(base, &vbase);
    if (vb.neg) {
        Value inv = 0;
        int ok = int_invmod(&vbase, &vm, &inv);
        if (ok <= 0) {
            return ok < 0 ? 0 : err_format(&exc_ValueError,
                                           "base is not invertible for the given modulus");
        }
        base = inv;
        int_view(base, &vbase);
        vb.neg = false;
    }
    Value r = int_powmod_mag(&vbase, &vb, &vm);
    if (r && negative_output && int_sign(r) != 0) {
        IntView vr;
        int_view(r, &vr);
        r = int_addsub_views(&vr, &vm, true);  // r - m
    }
    return r;
}

// ---- shifts ------------------------------------------------------------------------------------

// CPython 3.11 refuses a left shift with OverflowError("too many digits in
// integer") when the result would need more 30-bit digits than a PyLong can
// have (count // 30 clipped to PY_SSIZE_T_MAX / 4); smaller impossible shifts
// fail when allocating (MemoryError). Same arithmetic here.
static bool lshift_too_many_digits(mp_size_t abits, const IntView *count) {
    const uint64_t max_digits = ((uint64_t)INT64_MAX - 24) / 4;  // MAX_LONG_DIGITS
    const uint64_t clip = (uint64_t)INT64_MAX / 4;
    uint64_t wordshift, rem;
    if (count->n <= 2) {
        unsigned __int128 c = count->d[0];
        if (count->n == 2) {
            c |= (unsigned __int128)count->d[1] << 64;
        }
        unsigned __int128 q = c / 30;
        rem = (uint64_t)(c % 30);
        if (c > (unsigned __int128)INT64_MAX && q >= clip) {
            wordshift = clip;
            rem = 0;
        } else {
            wordshift = (uint64_t)q;
        }
    } else {
        wordshift = clip;
        rem = 0;
    }
    uint64_t oldsize = ((uint64_t)abits + 29) / 30;
    return oldsize + wordshift + (rem != 0) > max_digits;
}

static Value int_lshift(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t x, n;
    if (int_small(b, &n) && n >= 0 && int_small(a, &x)) {
        if (x == 0) {
            return val_from_smallint(0);
        }
        if (n < 62) {
            __int128 p = (__int128)x * ((__int128)1 << n);
            if (p >= INT64_MIN && p <= INT64_MAX) {
                return int_from_i64((int64_t)p);
            }
        }
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.neg) {
        return err_format(&exc_ValueError, "negative shift count");
    }
    if (va.n == 0) {
        return val_from_smallint(0);
    }
    if (vb.n == 0) {
        return int_exact(a);
    }
    if (lshift_too_many_digits(mag_bits(va.d, va.n), &vb)) {
        return err_format(&exc_OverflowError, "too many digits in integer");
    }
    if (vb.n > 1 || vb.d[0] > INT_MAX_LIMBS * 64) {
        return err_no_memory();
    }
    uint64_t count = vb.n ? vb.d[0] : 0;
    IntObject *r = int_alloc((uint64_t)va.n + count / 64 + 1);
    if (!r) {
        return 0;
    }
    return int_finish(r, mag_shl(r->limbs, va.d, va.n, count), va.neg);
}

static Value int_rshift(Value a, Value b) {
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t x, n;
    if (int_small(b, &n) && n >= 0 && int_small(a, &x)) {
        if (n >= 63) {
            return val_from_smallint(x < 0 ? -1 : 0);
        }
        return val_from_smallint(x < 0 ? ~(~x >> n) : x >> n);
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    if (vb.neg) {
        return err_format(&exc_ValueError, "negative shift count");
    }
    uint64_t count = vb.n ? vb.d[0] : 0;
    if (vb.n > 1 || count >= (uint64_t)mag_bits(va.d, va.n)) {
        return val_from_smallint(va.neg ? -1 : 0);
    }
    mp_size_t limbs = (mp_size_t)(count / 64);
    unsigned bits = (unsigned)(count % 64);
    mp_size_t rn = va.n - limbs;
    IntObject *r = int_alloc((uint64_t)rn + 1);
    if (!r) {
        return 0;
    }
    if (bits) {
        mpn_rshift(r->limbs, va.d + limbs, rn, bits);
    } else {
        memcpy(r->limbs, va.d + limbs, (size_t)rn * sizeof(mp_limb_t));
    }
    if (va.neg) {
        // Floor: -(|a| >> n) - 1 if any bit shifted out was set.
        bool lost = bits && (va.d[limbs] & (((uint64_t)1 << bits) - 1)) != 0;
        for (mp_size_t i = 0; i < limbs && !lost; i++) {
            lost = va.d[i] != 0;
        }
        if (lost) {
            r->limbs[rn] = mpn_add_1(r->limbs, r->limbs, rn, 1);
            rn++;
        }
    }
    return int_finish(r, rn, va.neg);
}

// ---- bitwise operators: two's complement of unbounded width ------------------------------------

// out[0..len) = the two's complement of w in len limbs (len > w->n).
static void int_twos(mp_limb_t *out, mp_size_t len, const IntView *w) {
    memcpy(out, w->d, (size_t)w->n * sizeof(mp_limb_t));
    memset(out + w->n, 0, (size_t)(len - w->n) * sizeof(mp_limb_t));
    if (w->neg) {
        mpn_neg(out, out, len);
    }
}

static Value int_bitwise(Value a, Value b, BinOp op) {
    if (val_is_smallint(a & b)) {
        // Tagged: the tag bit survives & and |, and ^ clears it.
        return op == BINOP_AND ? (a & b) : op == BINOP_OR ? (a | b) : ((a ^ b) | 1);
    }
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    IntView va, vb;
    int_view(a, &va);
    int_view(b, &vb);
    mp_size_t len = (va.n > vb.n ? va.n : vb.n) + 1;  // room for the sign
    IntObject *r = int_alloc((uint64_t)len);
    mp_limb_t *ta = r ? int_scratch((uint64_t)len) : NULL;
    mp_limb_t *tb = ta ? int_scratch((uint64_t)len) : NULL;
    if (!tb) {
        free(ta);
        return 0;
    }
    int_twos(ta, len, &va);
    int_twos(tb, len, &vb);
    if (op == BINOP_AND) {
        mpn_and_n(r->limbs, ta, tb, len);
    } else if (op == BINOP_OR) {
        mpn_ior_n(r->limbs, ta, tb, len);
    } else {
        mpn_xor_n(r->limbs, ta, tb, len);
    }
    free(ta);
    free(tb);
    bool neg = r->limbs[len - 1] >> 63;
    if (neg) {
        mpn_neg(r->limbs, r->limbs, len);
    }
    return int_finish(r, len, neg);
}

static Value int_and(Value a, Value b) {
    return int_bitwise(a, b, BINOP_AND);
}

static Value int_xor(Value a, Value b) {
    return int_bitwise(a, b, BINOP_XOR);
}

static Value int_or(Value a, Value b) {
    return int_bitwise(a, b, BINOP_OR);
}

// ---- unary operators and conversions -----------------------------------------------------------

static Value int_neg(Value a) {
    int64_t x;
    if (int_small(a, &x)) {
        return int_from_i64(-x);
    }
    IntView w;
    int_view(a, &w);
    return int_view_value(&w, !w.neg);
}

static Value int_pos(Value a) {
    return int_exact(a);
}

static Value int_abs(Value a) {
    int64_t x;
    if (int_small(a, &x)) {
        return int_from_i64(x < 0 ? -x : x);
    }
    IntView w;
    int_view(a, &w);
    if (!w.neg) {
        return int_exact(a);
    }
    return int_view_value(&w, false);
}

static Value int_invert(Value a) {
    int64_t x;
    if (int_small(a, &x)) {
        return val_from_smallint(~x);  // stays within 63 bits
    }
    // ~a == -a - 1
    IntView w, one;
    int_view(a, &w);
    int_view(val_from_smallint(1), &one);
    w.neg = !w.neg && w.n != 0;
    return int_addsub_views(&w, &one, true);
}

static Value int_float(Value a) {
    double d;
    if (int_as_double(a, &d) < 0) {
        return 0;
    }
    return float_from_double(d);
}

static int int_bool(Value a) {
    return int_sign(a) != 0;
}

static int64_t int_hash_slot(Value a) {
    return int_hash(a);
}

static Value int_richcompare(Value a, Value b, CompareOp op) {
    if (!int_check(a) || !int_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    int c = int_compare(a, b);
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_GT: return val_bool(c > 0);
    case CMP_GE: return val_bool(c >= 0);
    }
    return VAL_NOTIMPLEMENTED;
}

// ---- int(): the constructor ---------------------------------------------------------------------

// An instance of the int subclass t holding the value of the int v (the
// layout of class.c: t->basic_size plus one word per limb; a subclass
// instance need not be normalized, so small values get a limb too).
static Value int_subtype_new(Type *t, Value v) {
    IntView w;
    int_view(v, &w);
    IntObject *r = (IntObject *)gc_alloc(t, t->basic_size + (size_t)w.n * sizeof(mp_limb_t));
    if (!r || ((t->flags & TYPE_HAS_FINALIZER) && gc_register_finalizer(&r->header) < 0)) {
        return 0;
    }
    memcpy(r->limbs, w.d, (size_t)w.n * sizeof(mp_limb_t));
    r->size = w.neg ? -w.n : w.n;
    return val_from_ptr(r);
}

// The bytes of a bytes-like object (bytes, bytearray, memoryview). The
// window is closed at once: parsing runs no Python code, so the memory
// stays put while the caller reads it.
static bool int_bytes_like(Value v, const char **data, size_t *len) {
    Buffer b;
    if (buffer_get(v, &b, BUFFER_SIMPLE) <= 0) {
        err_clear();
        return false;
    }
    *data = b.buf;
    *len = (size_t)b.len;
    buffer_release(&b);
    return true;
}

Value int_from_text(Value x, int base) {
    if (val_is_str(x)) {
        StrObject *so = str_obj(x);
        if (so->flags & STR_ASCII) {
            return num_parse_int(so->data, so->nbytes, base, x);
        }
        StrBuf b;
        sb_init(&b);
        num_str_to_ascii(x, &b);
        Value r = num_parse_int(b.data ? b.data : "", b.len, base, x);
        sb_free(&b);
        return r;
    }
    const char *data;
    size_t len;
    if (int_bytes_like(x, &data, &len)) {
        return num_parse_int(data, len, base, x);
    }
    return err_format(&exc_TypeError, "int() can't convert non-string with explicit base");
}

static Value int_special(Value v, const char *name) {
    Value n = str_intern_cstr(name);
    return n ? obj_lookup_special(v, n) : 0;
}

Value int_from_object(Value x) {
    if (int_check_exact(x)) {
        return x;
    }
    Type *t = type_of(x);
    if (t->to_int) {
        Value r = t->to_int(x);
        if (!r || int_check_exact(r)) {
            return r;
        }
        if (!int_check(r)) {
            return err_format(&exc_TypeError, "__int__ returned non-int (type %s)",
                              obj_type_name(r));
        }
        if (err_warn(&exc_DeprecationWarning, 1,
                     "__int__ returned non-int (type %s).  The ability to return an instance of "
                     "a strict subclass of int is deprecated, and may be removed in a future "
                     "version of Python.", obj_type_name(r)) < 0) {
            return 0;
        }
        return int_exact(r);
    }
    if (t->index) {
        return obj_index_exact(x);
    }
    Value trunc = int_special(x, "__trunc__");
    if (trunc) {
        if (err_warn(&exc_DeprecationWarning, 1,
                     "The delegation of int() to __trunc__ is deprecated.") < 0) {
            return 0;
        }
        Value r = obj_call0(trunc);
        if (!r || int_check_exact(r)) {
            return r;
        }
        if (int_check(r)) {
            return int_exact(r);
        }
        if (!type_of(r)->index) {
            return err_format(&exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                              obj_type_name(r));
        }
        r = obj_index(r);
        return r ? int_exact(r) : 0;
    }
    if (err_occurred()) {
        return 0;
    }
    const char *data;
    size_t len;
    if (val_is_str(x) || int_bytes_like(x, &data, &len)) {
        return int_from_text(x, 10);
    }
    return err_format(&exc_TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, "
                      "not '%s'",
                      obj_type_name(x));
}

// int(x=0, /, base=10)
static Value int_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"base", NULL};
    static const ArgSpec spec = {"int", 1, names, 0, 2, 0};
    Value a[2] = {0, 0};
    if (nargs == 1 && !kwnames) {
        a[0] = args[0];  // int(x), the common call
    } else if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value r;
    if (!a[0]) {
        if (a[1]) {
            return err_format(&exc_TypeError, "int() missing string argument");
        }
        r = val_from_smallint(0);
    } else if (!a[1]) {
        r = int_from_object(a[0]);
    } else {
        int64_t base;
        if (obj_as_index(a[1], &base, 1) < 0) {  // clamps, as PyNumber_AsSsize_t(o, NULL)
            return 0;
        }
        if ((base != 0 && base < 2) || base > 36) {
            return err_format(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        // With a base only text is accepted: str, bytes, bytearray (not
        // other buffers such as memoryview), as CPython.
        if (!val_is_str(a[0]) && !val_is_bytes(a[0]) && !bytearray_check(a[0])) {
            return err_format(&exc_TypeError, "int() can't convert non-string with explicit base");
        }
        r = int_from_text(a[0], (int)base);
    }
    Type *t = (Type *)val_ptr(type);
    if (!r || t == &type_int) {
        return r;
    }
    return int_subtype_new(t, r);
}

// ---- methods -----------------------------------------------------------------------------------

#define INT_NOARGS(qualname)                                                 \
    if (method_check_args(qualname, nargs, kwnames, 0, 0) < 0) {             \
        return 0;                                                            \
    }

static Value int_m_bit_length(Value self, const Value *args, size_t nargs, Value kwnames) {
    INT_NOARGS("int.bit_length");
    IntView w;
    int_view(self, &w);
    return int_from_i64((int64_t)mag_bits(w.d, w.n));
}

static Value int_m_bit_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    INT_NOARGS("int.bit_count");
    IntView w;
    int_view(self, &w);
    return int_from_u64(w.n ? (uint64_t)mpn_popcount(w.d, w.n) : 0);
}

// The value unchanged, as an exact int: int(), __index__, __trunc__,
// __floor__, __ceil__, conjugate, real, numerator.
#define INT_SELF_METHOD(fn, qualname)                                                   \
    static Value fn(Value self, const Value *args, size_t nargs, Value kwnames) {      \
        INT_NOARGS(qualname);                                                           \
        return int_exact(self);                                                         \
    }
INT_SELF_METHOD(int_m_conjugate, "int.conjugate")
INT_SELF_METHOD(int_m_trunc, "int.__trunc__")
INT_SELF_METHOD(int_m_floor, "int.__floor__")
INT_SELF_METHOD(int_m_ceil, "int.__ceil__")
#undef INT_SELF_METHOD

static Value int_m_as_integer_ratio(Value self, const Value *args, size_t nargs, Value kwnames) {
    INT_NOARGS("int.as_integer_ratio");
    Value v = int_exact(self);
    return v ? tuple_pack2(v, val_from_smallint(1)) : 0;
}

static Value int_m_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames) {
    INT_NOARGS("int.__getnewargs__");
    Value v = int_exact(self);
    return v ? tuple_from(&v, 1) : 0;
}

// CPython's size: a 24-byte header and at least one 30-bit digit of 4 bytes.
static Value int_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    INT_NOARGS("int.__sizeof__");
    IntView w;
    int_view(self, &w);
    uint64_t digits = ((uint64_t)mag_bits(w.d, w.n) + 29) / 30;
    return int_from_u64(24 + 4 * (digits ? digits : 1));
}

// round(self, ndigits): unchanged for ndigits >= 0; otherwise the nearest
// multiple of 10**-ndigits, ties to the even multiple.
static Value int_m_round(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("int.__round__", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return int_exact(self);
    }
    Value nd = obj_index(args[0]);
    if (!nd) {
        return 0;
    }
    if (int_sign(nd) >= 0) {
        return int_exact(self);
    }
    Value exponent = int_neg(nd);
    Value p = exponent ? int_pow(val_from_smallint(10), exponent) : 0;
    IntView va, vp;
    if (!p) {
        return 0;
    }
    int_view(self, &va);
    int_view(p, &vp);
    Value q, r;
    if (int_divmod_views(&va, &vp, &q, &r) < 0) {
        return 0;
    }
    // r in [0, p): round q up when 2r > p, or 2r == p and q is odd.
    Value twice = int_add(r, r);
    if (!twice) {
        return 0;
    }
    int c = int_compare(twice, p);
    if (c > 0 || (c == 0 && int_sign(int_and(q, val_from_smallint(1))) != 0)) {
        q = int_add(q, val_from_smallint(1));
        if (!q) {
            return 0;
        }
    }
    return int_mul(q, p);
}

int num_wrapper_args(const char *name, size_t nargs, Value kwnames, size_t n) {
    if (kwnames && tuple_obj(kwnames)->len) {
        err_format(&exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        err_format(&exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static Value int_m_divmod(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (num_wrapper_args("__divmod__", nargs, kwnames, 1) < 0) {
        return 0;
    }
    if (!int_check(args[0])) {
        return VAL_NOTIMPLEMENTED;
    }
    Value q, r;
    return int_divmod(self, args[0], &q, &r) < 0 ? 0 : tuple_pack2(q, r);
}

static Value int_m_rdivmod(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (num_wrapper_args("__rdivmod__", nargs, kwnames, 1) < 0) {
        return 0;
    }
    if (!int_check(args[0])) {
        return VAL_NOTIMPLEMENTED;
    }
    Value q, r;
    return int_divmod(args[0], self, &q, &r) < 0 ? 0 : tuple_pack2(q, r);
}

// The byteorder argument of to_bytes/from_bytes: 1 for little, 0 for big,
// -1 with CPython's errors.
static int int_byteorder(const char *fname, Value v) {
    if (!v) {
        return 0;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                   v == VAL_NONE ? "None" : obj_type_name(v));
        return -1;
    }
    StrObject *s = str_obj(v);
    if (s->nbytes == 6 && memcmp(s->data, "little", 6) == 0) {
        return 1;
    }
    if (s->nbytes == 3 && memcmp(s->data, "big", 3) == 0) {
        return 0;
    }
    err_format(&exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

// to_bytes(length=1, byteorder='big', *, signed=False)
static Value int_m_to_bytes(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    static const ArgSpec spec = {"to_bytes", 0, names, 0, 2, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t length = 1;
    if (a[0] && obj_as_int64(a[0], &length) < 0) {
        return 0;
    }
    int little = int_byteorder("to_bytes", a[1]);
    if (little < 0) {
        return 0;
    }
    int is_signed = a[2] ? obj_truthy(a[2]) : 0;
    if (is_signed < 0) {
        return 0;
    }
    if (length < 0) {
        return err_format(&exc_ValueError, "length argument must be non-negative");
    }
    IntView w;
    int_view(self, &w);
    if (w.neg && !is_signed) {
        return err_format(&exc_OverflowError, "can't convert negative int to unsigned");
    }
    // Room: unsigned needs bits <= 8 * length; signed one bit less, except
    // that -2**(8 * length - 1) itself fits.
    uint64_t bits = (uint64_t)mag_bits(w.d, w.n);
    uint64_t room = (uint64_t)length * 8 - (is_signed && length > 0);
    bool fits = bits <= room;
    if (!fits && w.neg && bits == room + 1) {
        fits = mpn_popcount(w.d, w.n) == 1;  // exactly a power of two
    }
    if (length == 0) {
        fits = bits == 0 || (w.neg && bits == 1);  // CPython lets -1 fit in no bytes
    }
    if (!fits) {
        return err_format(&exc_OverflowError, "int too big to convert");
    }
    BytesObject *b = bytes_alloc((size_t)length);
    if (!b) {
        return 0;
    }
    unsigned char *out = (unsigned char *)b->data;
    // Little-endian bytes of the magnitude, then the two's complement.
    for (int64_t i = 0; i < length; i++) {
        uint64_t limb = (mp_size_t)(i / 8) < w.n ? w.d[i / 8] : 0;
        out[i] = (unsigned char)(limb >> (8 * (i % 8)));
    }
    if (w.neg) {
        bool carry = true;
        for (int64_t i = 0; i < length; i++) {
            unsigned v = (unsigned)(unsigned char)~out[i] + carry;
            out[i] = (unsigned char)v;
            carry = v > 0xff;
        }
    }
    if (!little) {
        for (int64_t i = 0, j = length - 1; i < j; i++, j--) {
            unsigned char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }
    return val_from_ptr(b);
}

// PyObject_Bytes for from_bytes: bytes as they are, __bytes__, or an iterable
// of ints in range(256) (a str is refused).
static Value int_bytes_of(Value v) {
    if (val_is_bytes(v)) {
        return v;
    }
    Value m = val_is_str(v) ? 0 : int_special(v, "__bytes__");
    if (m) {
        Value r = obj_call0(m);
        if (r && !val_is_bytes(r)) {
            return err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                              obj_type_name(r));
        }
        return r;
    }
    if (err_occurred()) {
        return 0;
    }
    Value it = val_is_str(v) ? 0 : obj_iter(v);
    if (!it) {
        if (err_occurred() && !err_matches(&exc_TypeError)) {
            return 0;
        }
        err_clear();
        return err_format(&exc_TypeError, "cannot convert '%s' object to bytes",
                          obj_type_name(v));
    }
    StrBuf sb;
    sb_init(&sb);
    Value item;
    while ((item = obj_next(it))) {
        int64_t byte;
        if (obj_as_int64(item, &byte) < 0) {
            sb_free(&sb);
            return 0;
        }
        if (byte < 0 || byte > 255) {
            sb_free(&sb);
            return err_format(&exc_ValueError, "bytes must be in range(0, 256)");
        }
        sb_putc(&sb, (char)byte);
    }
    Value r = err_occurred() ? 0 : bytes_from(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod:
// `self` is the class.
static Value int_m_from_bytes(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    static const ArgSpec spec = {"from_bytes", 0, names, 1, 2, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int little = int_byteorder("from_bytes", a[1]);
    if (little < 0) {
        return 0;
    }
    int is_signed = a[2] ? obj_truthy(a[2]) : 0;
    if (is_signed < 0) {
        return 0;
    }
    Value data = int_bytes_of(a[0]);
    if (!data) {
        return 0;
    }
    size_t n = bytes_len(data);
    const unsigned char *in = (const unsigned char *)bytes_data(data);
    size_t nlimbs = (n + 7) / 8;
    mp_limb_t *limbs = int_scratch(nlimbs ? nlimbs : 1);
    if (!limbs) {
        return 0;
    }
    memset(limbs, 0, (nlimbs ? nlimbs : 1) * sizeof(mp_limb_t));
    for (size_t i = 0; i < n; i++) {
        unsigned char byte = in[little ? i : n - 1 - i];  // the i-th least significant
        limbs[i / 8] |= (mp_limb_t)byte << (8 * (i % 8));
    }
    bool neg = false;
    if (is_signed && n > 0 && (in[little ? n - 1 : 0] & 0x80)) {
        // Negative: sign-extend the top limb and negate into a magnitude.
        if (n % 8) {
            limbs[nlimbs - 1] |= ~(mp_limb_t)0 << (8 * (n % 8));
        }
        mpn_neg(limbs, limbs, (mp_size_t)nlimbs);
        neg = true;
    }
    Value r = int_from_mag(limbs, (mp_size_t)nlimbs, neg);
    free(limbs);
    Type *t = (Type *)val_ptr(self);
    if (r && t != &type_int) {
        r = obj_call1(self, r);
    }
    return r;
}

// ---- attributes --------------------------------------------------------------------------------

static Value int_get_self(Value self) {
    return int_exact(self);
}

static Value int_get_zero(Value self) {
    return val_from_smallint(0);
}

static Value int_get_one(Value self) {
    return val_from_smallint(1);
}

static const GetSetDef int_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef int_methods[] = {
    {"conjugate", int_m_conjugate, METH_DEFAULT, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_m_bit_length, METH_DEFAULT,
     "bit_length($self, /)\n--\n\n"
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_m_bit_count, METH_DEFAULT,
     "bit_count($self, /)\n--\n\n"
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_m_to_bytes, METH_DEFAULT,
     "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\n"
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_m_from_bytes, METH_CLASS,
     "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\n"
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_m_as_integer_ratio, METH_DEFAULT,
     "as_integer_ratio($self, /)\n--\n\n"
     "Return integer ratio."},
    {"__trunc__", int_m_trunc, METH_DEFAULT, "Truncating an Integral returns itself."},
    {"__floor__", int_m_floor, METH_DEFAULT, "Flooring an Integral returns itself."},
    {"__ceil__", int_m_ceil, METH_DEFAULT, "Ceiling of an Integral returns itself."},
    {"__round__", int_m_round, METH_DEFAULT,
     "__round__($self, ndigits=<unrepresentable>, /)\n--\n\n"
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an "
     "integer."},
    {"__divmod__", int_m_divmod, METH_DEFAULT,
     "__divmod__($self, value, /)\n--\n\n"
     "Return divmod(self, value)."},
    {"__rdivmod__", int_m_rdivmod, METH_DEFAULT,
     "__rdivmod__($self, value, /)\n--\n\n"
     "Return divmod(value, self)."},
    {"__getnewargs__", int_m_getnewargs, METH_DEFAULT, "__getnewargs__($self, /)\n--\n\n"},
    {"__format__", int_m_format, METH_DEFAULT,
     "__format__($self, format_spec, /)\n--\n\n"
     "Convert to a string according to format_spec."},
    {"__sizeof__", int_m_sizeof, METH_DEFAULT,
     "__sizeof__($self, /)\n--\n\n"
     "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

Type type_int = {
    .header = {&type_type},
    .name = "int",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE | TYPE_INT_SUBCLASS,
    .basic_size = sizeof(IntObject),
    .item_size = sizeof(uint64_t),
    .base = &type_object,
    .repr = int_repr,
    .hash = int_hash_slot,
    .richcompare = int_richcompare,
    .bool_ = int_bool,
    .binop = {
        [BINOP_ADD] = int_add,
        [BINOP_SUB] = int_sub,
        [BINOP_MUL] = int_mul,
        [BINOP_TRUEDIV] = int_truediv,
        [BINOP_FLOORDIV] = int_floordiv,
        [BINOP_MOD] = int_mod,
        [BINOP_POW] = int_pow,
        [BINOP_LSHIFT] = int_lshift,
        [BINOP_RSHIFT] = int_rshift,
        [BINOP_AND] = int_and,
        [BINOP_XOR] = int_xor,
        [BINOP_OR] = int_or,
    },
    .pow3 = int_pow3,
    .neg = int_neg,
    .pos = int_pos,
    .abs = int_abs,
    .invert = int_invert,
    .index = int_exact,
    .to_int = int_exact,
    .to_float = int_float,
    .new_ = int_tp_new,
    .methods = int_methods,
    .getset = int_getset,
};
