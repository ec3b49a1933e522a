// float.c - Python's float: the shortest round-trip digits and repr (below),
// then the float type (at the end).
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
#include <string.h>

#include "complex.h"
#include "exceptions.h"
#include "format.h"
#include "gc.h"
#include "int.h"
#include "str.h"

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

static const MethodDef float_methods[] = {
    {"__format__", float_m_format, METH_DEFAULT, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

Type type_float = {
    .header = {&type_type},
    .name = "float",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE,
    .basic_size = sizeof(FloatObject),
    .base = &type_object,
    .repr = float_repr_slot,
    .str = float_repr_slot,
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
    .methods = float_methods,
};
