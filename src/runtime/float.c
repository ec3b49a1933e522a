// float.c - Python's float: the shortest round-trip digits and repr (below),
// then the float type: arithmetic, float(x) (CPython's PyNumber_Float; text
// is parsed, correctly rounded, in numparse.c) and the methods (at the end).
//
// repr(x) prints the shortest decimal that reads back as x and, of the
// shortest ones, the one nearest x (ties to an even last digit): CPython gets
// it from David Gay's dtoa, mode 0. krait computes the same digits with Ulf
// Adams' Ryu algorithm ("Ryu: fast float-to-string conversion", PLDI 2018),
// which needs no bignums at run time:
//
//  1. Write x = mv * 2**e2 with mv = 4*m (m the 53-bit significand), so that
//     the halfway points to the neighbouring doubles, mp = mv + 2 above and
//     mm = mv - 2 below (mv - 1 when x is a power of two, whose lower
//     neighbour is twice as close), are integers times the same 2**e2.
//  2. Pick a decimal exponent e10 and compute vr, vp, vm = floor(mv, mp, mm
//     times 2**e2 / 10**e10) with one 64x128-bit multiply each, against a
//     table of 125-bit approximations of 5**i and 2**k / 5**q. The paper
//     proves these floors are exact for every double; e10 is chosen so that
//     vr keeps a digit or two more than any answer needs.
//  3. Drop decimal digits from vr, vp, vm together while vp and vm still
//     differ above the digit being dropped: what remains is the shortest
//     length at which the interval (vm, vp) holds a decimal. Round vr to
//     nearest using the last dropped digit.
//  4. The ends of the interval read back as x exactly when m is even (strtod
//     rounds ties to even), and an exact tie in step 3 rounds to even. Both
//     need to know whether the digits dropped so far, and the fraction the
//     first floor threw away, were all zero: for mv and mm that is a
//     divisibility question (by 5**q or 2**q), answered before the loop and
//     tracked through it. Most doubles skip that bookkeeping (the fast loop).
//
// The two tables (326 + 342 entries of 128 bits) are computed once, on first
// use, with GMP's mpn functions, rather than pasted in as 1300 magic numbers.
// Every double's digits were compared with CPython's repr: see
// tests/unit/repr_test.py, which checks tens of millions of random bit
// patterns, every power of two and of ten, and their neighbours.
#include "float.h"

#include <errno.h>
#include <gmp.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "buffer.h"
#include "bytes.h"
#include "complex.h"
#include "exceptions.h"
#include "format.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "numparse.h"
#include "str.h"
#include "tuple.h"

typedef unsigned __int128 float_u128;

// ---- the tables -------------------------------------------------------------
enum {
    FLOAT_POW5_BITS = 125,      // POW5[i]: 5**i scaled to exactly 125 bits (floor)
    FLOAT_POW5_INV_BITS = 125,  // POW5_INV[q]: floor(2**(bitlen(5**q) - 1 + 125) / 5**q) + 1
    FLOAT_POW5_COUNT = 326,     // i = -e2 - q for the smallest e2 (subnormals)
    FLOAT_POW5_INV_COUNT = 342, // q for the largest e2
};

static float_u128 float_pow5[FLOAT_POW5_COUNT];
static float_u128 float_pow5_inv[FLOAT_POW5_INV_COUNT];
static pthread_once_t float_tables_once = PTHREAD_ONCE_INIT;

// Bit length of the n-limb number x (x[n-1] != 0).
static int float_bitlen(const mp_limb_t *x, int n) {
    return (n - 1) * 64 + 64 - __builtin_clzll(x[n - 1]);
}

// x (n limbs, bitlen bl) shifted so that its top bit lands at bit 124, truncated.
static float_u128 float_top125(const mp_limb_t *x, int n, int bl) {
    mp_limb_t tmp[16];
    int shift = bl - 125;
    float_u128 r;
    if (shift <= 0) {
        r = (float_u128)x[0] | (n > 1 ? (float_u128)x[1] << 64 : 0);
        return r << -shift;
    }
    int limbs = shift / 64, bits = shift % 64;
    int m = n - limbs;
    memcpy(tmp, x + limbs, (size_t)m * sizeof(mp_limb_t));
    if (bits) {
        mpn_rshift(tmp, tmp, m, (unsigned)bits);
    }
    return (float_u128)tmp[0] | (m > 1 ? (float_u128)tmp[1] << 64 : 0);
}

static void float_tables_init(void) {
    // 5**341 < 2**792: 13 limbs; the dividend 2**(792 + 124) needs 15.
    mp_limb_t pow5[16] = {1};
    int n = 1;
    for (int q = 0; q < FLOAT_POW5_INV_COUNT; q++) {
        int bl = float_bitlen(pow5, n);
        if (q < FLOAT_POW5_COUNT) {
            float_pow5[q] = float_top125(pow5, n, bl);
        }
        int e = bl - 1 + FLOAT_POW5_INV_BITS;
        mp_limb_t num[17] = {0}, quot[17], rem[16];
        int nn = e / 64 + 1;
        num[e / 64] = (mp_limb_t)1 << (e % 64);
        mpn_tdiv_qr(quot, rem, 0, num, nn, pow5, n);
        float_pow5_inv[q] = ((float_u128)quot[0] | (float_u128)quot[1] << 64) + 1;
        mp_limb_t carry = mpn_mul_1(pow5, pow5, n, 5);
        if (carry) {
            pow5[n++] = carry;
        }
    }
}

// ---- Ryu --------------------------------------------------------------------
// bitlen(5**e) for 0 <= e <= 3528.
static inline int float_pow5_bits(int e) {
    return (int)(((uint32_t)e * 1217359u) >> 19) + 1;
}

// floor(e * log10(2)) for 0 <= e <= 1650.
static inline int float_log10_pow2(int e) {
    return (int)(((uint32_t)e * 78913u) >> 18);
}

// floor(e * log10(5)) for 0 <= e <= 2620.
static inline int float_log10_pow5(int e) {
    return (int)(((uint32_t)e * 732923u) >> 20);
}

static inline int float_pow5_factor(uint64_t v) {
    int count = 0;
    while (v % 5 == 0) {
        v /= 5;
        count++;
    }
    return count;
}

// (m * mul) >> shift, for m < 2**55, mul < 2**126 and 64 <= shift < 192.
static inline uint64_t float_mul_shift(uint64_t m, float_u128 mul, int shift) {
    float_u128 lo = (float_u128)m * (uint64_t)mul;
    float_u128 hi = (float_u128)m * (uint64_t)(mul >> 64);
    float_u128 sum = (lo >> 64) + hi;  // (m * mul) >> 64
    return (uint64_t)(sum >> (shift - 64));
}

int float_shortest_digits(double x, char *digits, int *decpt) {
    pthread_once(&float_tables_once, float_tables_init);
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    if (bexp == 0x7ff || (bits << 1) == 0) {
        // Outside the contract (inf, nan, zero): answer "0" rather than garbage.
        digits[0] = '0';
        digits[1] = 0;
        *decpt = 1;
        return 1;
    }
    uint64_t m2;
    int e2;
    if (bexp == 0) {
        m2 = frac;
        e2 = 1 - 1023 - 52 - 2;
    } else {
        m2 = frac | (UINT64_C(1) << 52);
        e2 = bexp - 1023 - 52 - 2;
    }
    int accept_bounds = (m2 & 1) == 0;
    uint64_t mv = 4 * m2;
    int mm_shift = frac != 0 || bexp <= 1;
    uint64_t mp = mv + 2, mm = mv - 1 - (uint64_t)mm_shift;

    uint64_t vr, vp, vm;
    int e10;
    int vm_trailing_zeros = 0, vr_trailing_zeros = 0;
    if (e2 >= 0) {
        // Divide by 10**q = 5**q * 2**q: multiply by the table's 2**k / 5**q.
        int q = float_log10_pow2(e2) - (e2 > 3);
        e10 = q;
        int k = FLOAT_POW5_INV_BITS + float_pow5_bits(q) - 1;
        int shift = -e2 + q + k;
        vr = float_mul_shift(mv, float_pow5_inv[q], shift);
        vp = float_mul_shift(mp, float_pow5_inv[q], shift);
        vm = float_mul_shift(mm, float_pow5_inv[q], shift);
        if (q <= 21) {
            // The quotients are exact iff 5**q divides; at most one of
            // mv, mp, mm is a multiple of 5.
            if (mv % 5 == 0) {
                vr_trailing_zeros = float_pow5_factor(mv) >= q;
            } else if (accept_bounds) {
                vm_trailing_zeros = float_pow5_factor(mm) >= q;
            } else {
                vp -= float_pow5_factor(mp) >= q;  // the exact upper end is excluded
            }
        }
    } else {
        // Multiply by 10**(-e10) = 5**i * 2**i, with i = -e2 - q.
        int q = float_log10_pow5(-e2) - (-e2 > 1);
        e10 = q + e2;
        int i = -e2 - q;
        int k = float_pow5_bits(i) - FLOAT_POW5_BITS;
        int shift = q - k;
        vr = float_mul_shift(mv, float_pow5[i], shift);
        vp = float_mul_shift(mp, float_pow5[i], shift);
        vm = float_mul_shift(mm, float_pow5[i], shift);
        if (q <= 1) {
            // The quotients by 2**q are exact iff 2**q divides: mv = 4*m2
            // always does; mp = mv + 2 does (q <= 1); mm does iff it is even.
            vr_trailing_zeros = 1;
            if (accept_bounds) {
                vm_trailing_zeros = mm_shift == 1;
            } else {
                vp--;
            }
        } else if (q < 63) {
            vr_trailing_zeros = (mv & ((UINT64_C(1) << q) - 1)) == 0;
        }
    }

    int removed = 0;
    int last_removed = 0;
    uint64_t output;
    if (vm_trailing_zeros || vr_trailing_zeros) {
        while (vp / 10 > vm / 10) {
            vm_trailing_zeros &= vm % 10 == 0;
            vr_trailing_zeros &= last_removed == 0;
            last_removed = (int)(vr % 10);
            vr /= 10;
            vp /= 10;
            vm /= 10;
            removed++;
        }
        if (vm_trailing_zeros) {
            // vm is itself a short decimal that reads back: keep shortening.
            while (vm % 10 == 0) {
                vr_trailing_zeros &= last_removed == 0;
                last_removed = (int)(vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }
        }
        if (vr_trailing_zeros && last_removed == 5 && vr % 2 == 0) {
            last_removed = 4;  // an exact tie: round half to even
        }
        output = vr + ((vr == vm && (!accept_bounds || !vm_trailing_zeros)) || last_removed >= 5);
    } else {
        while (vp / 10 > vm / 10) {
            last_removed = (int)(vr % 10);
            vr /= 10;
            vp /= 10;
            vm /= 10;
            removed++;
        }
        output = vr + (vr == vm || last_removed >= 5);
    }
    int exp10 = e10 + removed;  // |x| ~ output * 10**exp10

    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + output % 10);
        output /= 10;
    } while (output);
    int strip = 0;
    while (strip < n - 1 && buf[strip] == '0') {
        strip++;  // only possible through the rounding up of the last digit
    }
    for (int i = 0; i < n - strip; i++) {
        digits[i] = buf[n - 1 - i];
    }
    digits[n - strip] = 0;
    *decpt = exp10 + n;
    return n - strip;
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
        // "e", the exponent's sign, and at least two digits (as printf's "%+03d").
        int e = decpt - 1;
        char buf[8];
        int k = 0;
        buf[k++] = 'e';
        buf[k++] = e < 0 ? '-' : '+';
        e = e < 0 ? -e : e;
        if (e >= 100) {
            buf[k++] = (char)('0' + e / 100);
        }
        buf[k++] = (char)('0' + e / 10 % 10);
        buf[k++] = (char)('0' + e % 10);
        sb_put(out, buf, (size_t)k);
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

// ---- the float type -----------------------------------------------------------
//
// Arithmetic is the C double arithmetic, with CPython's rules where C and
// Python differ: % and // round the quotient toward negative infinity and
// give the remainder the divisor's sign (signed zeros included), ** sorts out
// zeros, infinities, NaNs and negative bases itself rather than trusting
// libm, and division by zero raises. An int operand is converted first
// (correctly rounded; OverflowError when too large), as CPython's float
// slots do; comparisons with ints are exact instead.

Value float_box(double d) {
    FloatObject *f = (FloatObject *)gc_alloc(&type_float, sizeof(FloatObject));
    if (!f) {
        return 0;
    }
    f->value = d;
    return val_from_ptr(f);
}

#define FLOAT_HASH_MODULUS (((uint64_t)1 << 61) - 1)
#define FLOAT_HASH_INF 314159

int64_t float_hash(double d) {
    if (!isfinite(d)) {
        return isinf(d) ? (d > 0 ? FLOAT_HASH_INF : -FLOAT_HASH_INF) : 0;
    }
    if (d == 0) {
        return 0;
    }
    // |d| = m * 2**e with m a 53-bit integer. Modulo P = 2**61 - 1, 2**61 is
    // 1, so multiplying by 2**e (e of either sign) rotates m's 61 bits left
    // by e mod 61.
    int e;
    double frac = frexp(fabs(d), &e);
    uint64_t m = (uint64_t)ldexp(frac, 53);
    e -= 53;
    int r = ((e % 61) + 61) % 61;
    uint64_t h = r ? ((m << r) & FLOAT_HASH_MODULUS) | (m >> (61 - r)) : m;
    int64_t s = d < 0 ? -(int64_t)h : (int64_t)h;
    return s == -1 ? -2 : s;
}

static int64_t float_hash_slot(Value v) {
    double d = float_value(v);
    if (isnan(d)) {
        // By identity (CPython's _Py_HashPointer: the address rotated by 4).
        uint64_t p = (uint64_t)v;
        int64_t h = (int64_t)((p >> 4) | (p << 60));
        return h == -1 ? -2 : h;
    }
    return float_hash(d);
}

static Value float_repr_slot(Value v) {
    StrBuf b;
    sb_init(&b);
    float_repr(&b, float_value(v));
    Value r = str_from_utf8(b.data, b.len);
    sb_free(&b);
    return r;
}

// An operand of a float operator: 1 with *out set, 0 for a type float does
// not handle (NotImplemented), -1 with OverflowError for an int too large.
static inline int float_operand(Value v, double *out) {
    if (val_is_flonum(v)) {
        *out = val_flonum(v);
        return 1;
    }
    if (float_check(v)) {
        *out = float_value(v);
        return 1;
    }
    if (int_check(v)) {
        return int_as_double(v, out) < 0 ? -1 : 1;
    }
    return 0;
}

// Converts both operands of a binary slot, returning NotImplemented or 0
// from the slot when that is the answer.
#define FLOAT_OPERANDS(a, b, x, y)                      \
    do {                                                \
        int ok_ = float_operand(a, &(x));               \
        if (ok_ > 0) {                                  \
            ok_ = float_operand(b, &(y));               \
        }                                               \
        if (ok_ <= 0) {                                 \
            return ok_ < 0 ? 0 : VAL_NOTIMPLEMENTED;    \
        }                                               \
    } while (0)

// + - * of two flonums stays out of the general path's frame: the slot is a
// tag test, the operation, and the result's encoding.
#define FLOAT_SIMPLE_BINOP(name, op)                                           \
    static __attribute__((noinline)) Value name##_general(Value a, Value b) { \
        double x, y;                                                           \
        FLOAT_OPERANDS(a, b, x, y);                                            \
        return float_from_double(x op y);                                      \
    }                                                                          \
    static Value name(Value a, Value b) {                                      \
        if (val_is_flonum(a) && val_is_flonum(b)) {                            \
            return float_from_double(val_flonum(a) op val_flonum(b));          \
        }                                                                      \
        return name##_general(a, b);                                           \
    }
FLOAT_SIMPLE_BINOP(float_add, +)
FLOAT_SIMPLE_BINOP(float_sub, -)
FLOAT_SIMPLE_BINOP(float_mul, *)
#undef FLOAT_SIMPLE_BINOP

static Value float_truediv(Value a, Value b) {
    double x, y;
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) {
        return err_format(&exc_ZeroDivisionError, "float division by zero");
    }
    return float_from_double(x / y);
}

// x - fmod(x, y) is (nearly) an exact multiple of y; the division below
// recovers that multiple, and the rounding fix-up makes it exact.
void float_divmod_doubles(double x, double y, double *floordiv, double *mod) {
    double m = fmod(x, y);
    double div = (x - m) / y;
    if (m != 0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);  // fmod's zero sign differs between platforms
    }
    double fd;
    if (div != 0) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    } else {
        fd = copysign(0.0, x / y);
    }
    *floordiv = fd;
    *mod = m;
}

static Value float_floordiv(Value a, Value b) {
    double x, y, q, m;
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) {
        return err_format(&exc_ZeroDivisionError, "float floor division by zero");
    }
    float_divmod_doubles(x, y, &q, &m);
    return float_from_double(q);
}

static Value float_mod(Value a, Value b) {
    double x, y;
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) {
        return err_format(&exc_ZeroDivisionError, "float modulo");
    }
    double m = fmod(x, y);
    if (m != 0) {
        if ((y < 0) != (m < 0)) {
            m += y;
        }
    } else {
        m = copysign(0.0, y);
    }
    return float_from_double(m);
}

static inline bool float_is_odd_integer(double x) {
    return fmod(fabs(x), 2.0) == 1.0;
}

Value float_pow_doubles(double x, double y) {
    if (y == 0) {
        return float_from_double(1.0);  // even 0 ** 0 and nan ** 0
    }
    if (isnan(x)) {
        return float_from_double(x);
    }
    if (isnan(y)) {
        return float_from_double(x == 1.0 ? 1.0 : y);
    }
    if (isinf(y)) {
        // |x| < 1: 0 for +inf, inf for -inf; |x| > 1 the other way; 1 for |x| == 1.
        double ax = fabs(x);
        if (ax == 1.0) {
            return float_from_double(1.0);
        }
        return float_from_double((y > 0) == (ax > 1.0) ? INFINITY : 0.0);
    }
    if (isinf(x)) {
        // inf ** y: inf for y > 0, 0 for y < 0; keeps x's sign for odd integral y.
        bool odd = float_is_odd_integer(y);
        if (y > 0) {
            return float_from_double(odd ? x : fabs(x));
        }
        return float_from_double(odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0) {
        if (y < 0) {
            return err_format(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        return float_from_double(float_is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0) {
        if (y != floor(y)) {
            return complex_pow_parts(x, 0.0, y, 0.0);  // a fractional power of a negative
        }
        x = -x;
        negate = float_is_odd_integer(y);
    }
    if (x == 1.0) {
        return float_from_double(negate ? -1.0 : 1.0);  // also (-1) ** huge
    }
    // x > 0 and y finite: libm's pow, with CPython's reading of errno (an
    // infinite result is a range error; a range error with a zero result was
    // an underflow, which is fine).
    errno = 0;
    double r = pow(x, y);
    if (isinf(r)) {
        if (errno == 0) {
            errno = ERANGE;
        }
    } else if (errno == ERANGE && r == 0) {
        errno = 0;
    }
    if (errno) {
        // PyErr_SetFromErrno on a non-OSError: str() shows the args tuple.
        return err_format(errno == ERANGE ? &exc_OverflowError : &exc_ValueError, "(%d, '%s')",
                          errno, strerror(errno));
    }
    return float_from_double(negate ? -r : r);
}

static Value float_pow(Value a, Value b) {
    double x, y;
    FLOAT_OPERANDS(a, b, x, y);
    return float_pow_doubles(x, y);
}

static Value float_pow3(Value a, Value b, Value mod) {
    return err_format(&exc_TypeError,
                      "pow() 3rd argument not allowed unless all arguments are integers");
}

static Value float_neg(Value a) {
    return float_from_double(-float_value(a));
}

static Value float_pos(Value a) {
    if (val_is_flonum(a) || val_ptr(a)->type == &type_float) {
        return a;
    }
    return float_from_double(float_value(a));
}

static Value float_abs(Value a) {
    return float_from_double(fabs(float_value(a)));
}

static int float_bool(Value a) {
    return float_value(a) != 0;
}

static Value float_int(Value a) {
    return int_from_double(float_value(a));
}

static Value float_richcompare(Value a, Value b, CompareOp op) {
    double x = float_value(a);
    int c;  // -1, 0, 1: x against b; 2: unordered
    if (float_check(b)) {
        double y = float_value(b);
        c = isnan(x) || isnan(y) ? 2 : (x > y) - (x < y);
    } else if (int_check(b)) {
        c = int_compare_double(b, x);
        c = c == 2 ? 2 : -c;
    } else {
        return VAL_NOTIMPLEMENTED;
    }
    if (c == 2) {
        return val_bool(op == CMP_NE);
    }
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

// ---- float(): the constructor ---------------------------------------------------------------

// v as an exact float (a subclass instance is copied).
static Value float_exact(Value v) {
    if (val_is_flonum(v) || val_ptr(v)->type == &type_float) {
        return v;
    }
    return float_from_double(float_value(v));
}

// An instance of the float subclass t holding d.
static Value float_subtype_new(Type *t, double d) {
    FloatObject *f = (FloatObject *)gc_alloc(t, t->basic_size);
    if (!f || ((t->flags & TYPE_HAS_FINALIZER) && gc_register_finalizer(&f->header) < 0)) {
        return 0;
    }
    f->value = d;
    return val_from_ptr(f);
}

Value float_from_text(Value x) {
    double d;
    int rc;
    if (val_is_str(x)) {
        StrObject *so = str_obj(x);
        if (so->flags & STR_ASCII) {
            rc = num_parse_float(so->data, so->nbytes, x, &d);
        } else {
            StrBuf b;
            sb_init(&b);
            num_str_to_ascii(x, &b);
            rc = num_parse_float(b.data ? b.data : "", b.len, x, &d);
            sb_free(&b);
        }
    } else if (val_is_bytes(x)) {
        rc = num_parse_float(bytes_data(x), bytes_len(x), x, &d);
    } else if (buffer_check(x)) {
        Buffer b;
        if (buffer_get(x, &b, BUFFER_SIMPLE) < 0) {
            return 0;
        }
        rc = num_parse_float(b.buf, (size_t)b.len, x, &d);  // runs no Python code
        buffer_release(&b);
    } else {
        return err_format(&exc_TypeError,
                          "float() argument must be a string or a real number, not '%s'",
                          obj_type_name(x));
    }
    return rc < 0 ? 0 : float_from_double(d);
}

Value float_from_object(Value x) {
    if (val_is_flonum(x)) {
        return x;
    }
    Type *t = type_of(x);
    if (t == &type_float) {
        return x;
    }
    if (t->to_float) {
        Value r = t->to_float(x);
        if (!r || val_is_flonum(r) || type_of(r) == &type_float) {
            return r;
        }
        if (!float_check(r)) {
            return err_format(&exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                              t->name, obj_type_name(r));
        }
        if (err_warn(&exc_DeprecationWarning, 1,
                     "%.50s.__float__ returned non-float (type %.50s).  The ability to return an "
                     "instance of a strict subclass of float is deprecated, and may be removed in "
                     "a future version of Python.", t->name, obj_type_name(r)) < 0) {
            return 0;
        }
        return float_from_double(float_value(r));
    }
    if (t->index) {
        Value i = obj_index(x);
        double d;
        if (!i || int_as_double(i, &d) < 0) {
            return 0;
        }
        return float_from_double(d);
    }
    if (float_check(x)) {
        return float_from_double(float_value(x));
    }
    return float_from_text(x);
}

// float(x=0.0, /)
static Value float_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    // As CPython: keywords are an error unless a subclass has its own __init__.
    if (((t == &type_float || t->init == type_float.init) && args_no_keywords("float", kwnames) < 0) ||
        args_check_positional("float", nargs, 0, 1) < 0) {
        return 0;
    }
    Value r;
    if (nargs == 0) {
        r = float_from_double(0.0);
    } else if (val_is_ptr(args[0]) && val_ptr(args[0])->type == &type_str) {
        r = float_from_text(args[0]);
    } else {
        r = float_from_object(args[0]);
    }
    if (!r || t == &type_float) {
        return r;
    }
    return float_subtype_new(t, float_value(r));
}

// ---- methods ------------------------------------------------------------------------------------

#define FLOAT_NOARGS(qualname)                                               \
    if (method_check_args(qualname, nargs, kwnames, 0, 0) < 0) {             \
        return 0;                                                            \
    }

static Value float_m_conjugate(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.conjugate");
    return float_exact(self);
}

static Value float_m_is_integer(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.is_integer");
    double x = float_value(self);
    return val_bool(isfinite(x) && floor(x) == x);
}

static Value float_m_trunc(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.__trunc__");
    return int_from_double(float_value(self));
}

static Value float_m_floor(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.__floor__");
    return int_from_double(floor(float_value(self)));
}

static Value float_m_ceil(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.__ceil__");
    return int_from_double(ceil(float_value(self)));
}

static Value float_m_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.__getnewargs__");
    Value v = float_exact(self);
    return v ? tuple_from(&v, 1) : 0;
}

static Value float_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.__sizeof__");
    // CPython's PyFloatObject, and the __weakref__ slot a subclass adds.
    return val_from_smallint((type_of(self)->flags & TYPE_HAS_WEAKREF) ? 32 : 24);
}

// (n, d) with n / d == x exactly, d a positive power of two, in lowest terms.
static Value float_m_as_integer_ratio(Value self, const Value *args, size_t nargs,
                                      Value kwnames) {
    FLOAT_NOARGS("float.as_integer_ratio");
    double x = float_value(self);
    if (isinf(x)) {
        return err_format(&exc_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(x)) {
        return err_format(&exc_ValueError, "cannot convert NaN to integer ratio");
    }
    if (x == 0) {
        return tuple_pack2(val_from_smallint(0), val_from_smallint(1));
    }
    int e;
    double frac = frexp(fabs(x), &e);
    uint64_t m = (uint64_t)ldexp(frac, 53);  // |x| = m * 2**(e - 53)
    e -= 53;
    int tz = __builtin_ctzll(m);
    m >>= tz;
    e += tz;
    Value num = int_from_i64(x < 0 ? -(int64_t)m : (int64_t)m), den = val_from_smallint(1);
    Value shift = val_from_smallint(e < 0 ? -e : e);
    if (e > 0) {
        num = num ? obj_binop(num, shift, BINOP_LSHIFT) : 0;
    } else if (e < 0) {
        den = obj_binop(den, shift, BINOP_LSHIFT);
    }
    return num && den ? tuple_pack2(num, den) : 0;
}

// float.hex(): "[-]0x1.<13 hex digits>p<exp>" ("0x0.<...>p-1022" when subnormal).
static Value float_m_hex(Value self, const Value *args, size_t nargs, Value kwnames) {
    FLOAT_NOARGS("float.hex");
    double x = float_value(self);
    if (!isfinite(x)) {
        return float_repr_slot(self);
    }
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0) {
        return str_format_c("%s0x0.0p+0", sign);
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t fraction = bits & ((UINT64_C(1) << 52) - 1);
    int biased = (int)((bits >> 52) & 0x7ff);
    int lead = biased != 0;
    int e = biased ? biased - 1023 : -1022;
    char buf[64];
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%c%d", sign, lead, (unsigned long long)fraction,
             e < 0 ? '-' : '+', e < 0 ? -e : e);
    return str_from_cstr(buf);
}

// float.fromhex(string), a classmethod: `self` is the class.
static Value float_m_fromhex(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("float.fromhex", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "bad argument type for built-in operation");
    }
    double d;
    if (num_parse_hex_float(str_obj(args[0])->data, str_obj(args[0])->nbytes, &d) < 0) {
        return 0;
    }
    Value r = float_from_double(d);
    if (r && (Type *)val_ptr(self) != &type_float) {
        r = obj_call1(self, r);
    }
    return r;
}

static Value float_m_getformat(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("float.__getformat__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "__getformat__() argument must be str, not %s",
                          args[0] == VAL_NONE ? "None" : obj_type_name(args[0]));
    }
    const char *t = str_obj(args[0])->data;
    if (strcmp(t, "double") != 0 && strcmp(t, "float") != 0) {
        return err_format(&exc_ValueError,
                          "__getformat__() argument 1 must be 'double' or 'float'");
    }
    return str_from_cstr("IEEE, little-endian");
}

// x rounded to nd decimal places (nd may be negative), on the exact binary
// value with ties to even, as CPython's double_round through dtoa's mode 3.
static Value float_round_digits(double x, int64_t nd) {
    double rounded;
    if (nd >= 0) {
        // glibc's printf converts the exact value and rounds ties to even;
        // strtod reads the digits back correctly rounded.
        char buf[720];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        rounded = strtod(buf, NULL);
    } else {
        // The nearest multiple of p = 10**-nd: the integer part of |x| divided
        // by p, its remainder against p / 2, the fraction only for ties.
        double whole = trunc(fabs(x));
        bool fraction = whole != fabs(x);
        Value n = int_from_double(whole);
        Value p = n ? obj_binop(val_from_smallint(10), int_from_i64(-nd), BINOP_POW) : 0;
        Value q, r;
        if (!p || int_divmod(n, p, &q, &r) < 0) {
            return 0;
        }
        Value twice = obj_binop(r, r, BINOP_ADD);
        if (!twice) {
            return 0;
        }
        int c = int_compare(twice, p);
        bool up = c > 0;
        if (c == 0) {
            Value low = obj_binop(q, val_from_smallint(1), BINOP_AND);
            if (!low) {
                return 0;
            }
            up = fraction || low != val_from_smallint(0);
        }
        if (up && !(q = obj_binop(q, val_from_smallint(1), BINOP_ADD))) {
            return 0;
        }
        Value multiple = obj_binop(q, p, BINOP_MUL);
        if (!multiple) {
            return 0;
        }
        int overflow;
        rounded = copysign(int_to_double(multiple, &overflow), x);
    }
    if (!isfinite(rounded)) {
        return err_format(&exc_OverflowError, "rounded value too large to represent");
    }
    return float_from_double(rounded);
}

// round(x) (an int, ties to even) and round(x, ndigits) (a float).
static Value float_m_round(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("float.__round__", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    double x = float_value(self);
    if (nargs == 0 || args[0] == VAL_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5) {
            r = 2.0 * round(x / 2.0);
        }
        return int_from_double(r);
    }
    int64_t nd;
    if (obj_as_index(args[0], &nd, 1) < 0) {  // clamps, as PyNumber_AsSsize_t(o, NULL)
        return 0;
    }
    // Beyond these every double rounds to itself, or to a zero of its sign
    // (CPython's NDIGITS_MAX and NDIGITS_MIN).
    if (!isfinite(x) || nd > 323) {
        return float_from_double(x);
    }
    if (nd < -308) {
        return float_from_double(0.0 * x);
    }
    return float_round_digits(x, nd);
}

// divmod with an int or float on the other side; NotImplemented otherwise.
static Value float_divmod_values(Value a, Value b) {
    double x, y, q, m;
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) {
        return err_format(&exc_ZeroDivisionError, "float divmod()");
    }
    float_divmod_doubles(x, y, &q, &m);
    Value fq = float_from_double(q), fm = fq ? float_from_double(m) : 0;
    return fm ? tuple_pack2(fq, fm) : 0;
}

static Value float_m_divmod(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (num_wrapper_args("__divmod__", nargs, kwnames, 1) < 0) {
        return 0;
    }
    return float_divmod_values(self, args[0]);
}

static Value float_m_rdivmod(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (num_wrapper_args("__rdivmod__", nargs, kwnames, 1) < 0) {
        return 0;
    }
    return float_divmod_values(args[0], self);
}

static Value float_get_real(Value self) {
    return float_exact(self);
}

static Value float_get_imag(Value self) {
    return float_from_double(0.0);
}

static const GetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef float_methods[] = {
    {"conjugate", float_m_conjugate, METH_DEFAULT,
     "conjugate($self, /)\n--\n\n"
     "Return self, the complex conjugate of any float."},
    {"__trunc__", float_m_trunc, METH_DEFAULT,
     "__trunc__($self, /)\n--\n\n"
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_m_floor, METH_DEFAULT,
     "__floor__($self, /)\n--\n\n"
     "Return the floor as an Integral."},
    {"__ceil__", float_m_ceil, METH_DEFAULT,
     "__ceil__($self, /)\n--\n\n"
     "Return the ceiling as an Integral."},
    {"__round__", float_m_round, METH_DEFAULT,
     "__round__($self, ndigits=None, /)\n--\n\n"
     "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is "
     "passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_m_as_integer_ratio, METH_DEFAULT,
     "as_integer_ratio($self, /)\n--\n\n"
     "Return integer ratio."},
    {"fromhex", float_m_fromhex, METH_CLASS,
     "fromhex($type, string, /)\n--\n\n"
     "Create a floating-point number from a hexadecimal string."},
    {"hex", float_m_hex, METH_DEFAULT,
     "hex($self, /)\n--\n\n"
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_m_is_integer, METH_DEFAULT,
     "is_integer($self, /)\n--\n\n"
     "Return True if the float is an integer."},
    {"__divmod__", float_m_divmod, METH_DEFAULT,
     "__divmod__($self, value, /)\n--\n\n"
     "Return divmod(self, value)."},
    {"__rdivmod__", float_m_rdivmod, METH_DEFAULT,
     "__rdivmod__($self, value, /)\n--\n\n"
     "Return divmod(value, self)."},
    {"__getnewargs__", float_m_getnewargs, METH_DEFAULT, "__getnewargs__($self, /)\n--\n\n"},
    {"__getformat__", float_m_getformat, METH_CLASS,
     "__getformat__($type, typestr, /)\n--\n\n"
     "You probably don't want to use this function."},
    {"__format__", float_m_format, METH_DEFAULT,
     "__format__($self, format_spec, /)\n--\n\n"
     "Formats the float according to format_spec."},
    {"__sizeof__", float_m_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

Type type_float = {
    .header = {&type_type},
    .name = "float",
    .text_signature = "(x=0, /)",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE,
    .basic_size = sizeof(FloatObject),
    .base = &type_object,
    .repr = float_repr_slot,
    .hash = float_hash_slot,
    .richcompare = float_richcompare,
    .bool_ = float_bool,
    .binop = {
        [BINOP_ADD] = float_add,
        [BINOP_SUB] = float_sub,
        [BINOP_MUL] = float_mul,
        [BINOP_TRUEDIV] = float_truediv,
        [BINOP_FLOORDIV] = float_floordiv,
        [BINOP_MOD] = float_mod,
        [BINOP_POW] = float_pow,
    },
    .pow3 = float_pow3,
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .to_int = float_int,
    .to_float = float_pos,
    .new_ = float_tp_new,
    .methods = float_methods,
    .getset = float_getset,
};

int float_as_c_double(Value v, double *out) {
    if (val_is_flonum(v)) {
        *out = val_flonum(v);
        return 0;
    }
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    if (int_check_exact(v) || v == VAL_TRUE || v == VAL_FALSE) {
        return int_as_double(v, out);
    }
    Type *t = type_of(v);
    if (t->to_float) {
        Value f = t->to_float(v);
        if (!f) {
            return -1;
        }
        if (!float_check(f)) {
            err_format(&exc_TypeError, "%s.__float__ returned non-float (type %s)", t->name,
                       obj_type_name(f));
            return -1;
        }
        *out = float_value(f);
        return 0;
    }
    if (t->index) {
        Value i = obj_index(v);
        return i ? int_as_double(i, out) : -1;
    }
    err_format(&exc_TypeError, "must be real number, not %s", t->name);
    return -1;
}
