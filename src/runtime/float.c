// float.c - Python's float. For now: the shortest round-trip digits and repr.
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

#include <gmp.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
