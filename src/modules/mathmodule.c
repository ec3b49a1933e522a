// mathmodule.c - the `math` module: CPython 3.11's functions over C doubles
// and exact integers.
//
// Floating-point functions follow CPython's error rules, which come from
// C99 Annex F: a NaN result from non-NaN arguments is "math domain error"
// (ValueError), an infinite result from finite arguments is "math range
// error" (OverflowError) for functions that can overflow and a domain error
// (a singularity) for the others; underflow is not an error. Results must
// be bit-for-bit CPython's, so where CPython does not simply call libm
// (gamma, lgamma, hypot, dist, fsum, log of huge ints, pow's special
// values) the same algorithm is used here: a different one, however
// accurate, would differ in the last bit.
//
// Arguments convert like PyFloat_AsDouble: a float, else __float__, else
// __index__ ("must be real number, not str"); ints too large for a double
// raise "int too large to convert to float".
//
// The integer functions (gcd, lcm, isqrt, factorial, comb, perm) are exact
// on ints of any size: they run GMP's mpz functions over read-only views
// of the operands' limbs, and copy the result into a krait int. GMP's own
// allocator holds the temporaries (krait never replaces it: DESIGN.md 3).
#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static const double math_pi = 3.141592653589793238462643383279502884197;
static const double math_logpi = 1.144729885849400174143427351353058711647;

// Interned names of the special methods ceil/floor/trunc look up.
static Value name_ceil, name_floor, name_trunc;

// ---- conversions -----------------------------------------------------------------------


static Value domain_error(void) {
    return err_format(&exc_ValueError, "math domain error");
}

static Value range_error(void) {
    return err_format(&exc_OverflowError, "math range error");
}

// CPython's is_error: what a libm errno means for result r. 1 with the
// exception set, or 0 when it is no error (underflow).
static int errno_is_error(int err, double r) {
    if (err == EDOM) {
        domain_error();
        return 1;
    }
    if (err == ERANGE) {
        if (fabs(r) < 1.5) {
            return 0;
        }
        range_error();
        return 1;
    }
    err_format(&exc_ValueError, "math error (errno %d)", err);
    return 1;
}

// ---- one-argument functions ---------------------------------------------------------------

// CPython's math_1: f(x) for a libm function f, with the Annex F errors.
static Value math_1(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                    double (*f)(double), int can_overflow) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    double x;
    if (float_as_c_double(args[0], &x) < 0) {
        return 0;
    }
    errno = 0;
    double r = f(x);
    int err = errno;
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    if (isfinite(r) && err && errno_is_error(err, r)) {
        return 0;
    }
    return float_from_double(r);
}

// CPython's math_1a: for functions that report errors themselves (*err is
// EDOM or ERANGE, as errno would be).
static Value math_1a(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                     double (*f)(double, int *)) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    double x;
    if (float_as_c_double(args[0], &x) < 0) {
        return 0;
    }
    int err = 0;
    double r = f(x, &err);
    if (err && errno_is_error(err, r)) {
        return 0;
    }
    return float_from_double(r);
}

// _(python name, C function, can overflow, doc)
#define MATH_LIBM_1(_)                                                                  \
    _(acos, acos, 0, "The arc cosine of x, in radians (0 to pi).")                        \
    _(acosh, acosh, 0, "The inverse hyperbolic cosine of x.")                             \
    _(asin, asin, 0, "The arc sine of x, in radians (-pi/2 to pi/2).")                    \
    _(asinh, asinh, 0, "The inverse hyperbolic sine of x.")                               \
    _(atan, atan, 0, "The arc tangent of x, in radians (-pi/2 to pi/2).")                 \
    _(atanh, atanh, 0, "The inverse hyperbolic tangent of x.")                            \
    _(cbrt, cbrt, 0, "The cube root of x.")                                               \
    _(cos, cos, 0, "The cosine of x (x in radians).")                                     \
    _(cosh, cosh, 1, "The hyperbolic cosine of x.")                                       \
    _(exp, exp, 1, "e to the power x.")                                                   \
    _(exp2, exp2, 1, "2 to the power x.")                                                 \
    _(expm1, expm1, 1, "exp(x) - 1, accurate for x near 0.")                              \
    _(fabs, fabs, 0, "The absolute value of x as a float.")                               \
    _(log1p, log1p, 0, "The natural logarithm of 1 + x, accurate for x near 0.")         \
    _(sin, sin, 0, "The sine of x (x in radians).")                                       \
    _(sinh, sinh, 1, "The hyperbolic sine of x.")                                         \
    _(sqrt, sqrt, 0, "The square root of x.")                                             \
    _(tan, tan, 0, "The tangent of x (x in radians).")                                    \
    _(tanh, tanh, 0, "The hyperbolic tangent of x.")

#define MATH_1_FN_(name, cfn, can_overflow, doc)                                        \
    FN(m_##name) {                                                                      \
        return math_1("math." #name, args, nargs, kwnames, cfn, can_overflow);          \
    }
MATH_LIBM_1(MATH_1_FN_)
#undef MATH_1_FN_

// erf and erfc set errno themselves only for underflow (not an error).
static double erf_err(double x, int *err) {
    errno = 0;
    double r = erf(x);
    *err = errno;
    return r;
}

static double erfc_err(double x, int *err) {
    errno = 0;
    double r = erfc(x);
    *err = errno;
    return r;
}

FN(m_erf) {
    return math_1a("math.erf", args, nargs, kwnames, erf_err);
}

FN(m_erfc) {
    return math_1a("math.erfc", args, nargs, kwnames, erfc_err);
}

// ---- gamma and lgamma ----------------------------------------------------------------------
//
// CPython computes these itself rather than trusting libm: the Lanczos
// approximation (N = 13, g = 6.024680040776729583740234375, as in Boost),
// written as a rational function, with a correction for the rounding of
// x + g - 0.5, and the reflection formula for negative x. The same steps
// here give the same bits.

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// The denominator x (x+1) ... (x+11), as coefficients of powers of x.
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

// gamma(1) ... gamma(23), exact in a double.
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

// The Lanczos sum for x > 0. Beyond 5 it is evaluated in 1/x, which cannot
// overflow and loses less.
static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

// sin(pi * x) for finite x, exact at the integers and half-integers.
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0:
        r = sin(math_pi * y);
        break;
    case 1:
        r = cos(math_pi * (y - 0.5));
        break;
    case 2:
        r = sin(math_pi * (1.0 - y));  // not -sin(pi*(y-1)): that is -0.0 at y == 1
        break;
    case 3:
        r = -cos(math_pi * (y - 1.5));
        break;
    default:
        r = sin(math_pi * (y - 2.0));
        break;
    }
    return copysign(1.0, x) * r;
}

static double m_tgamma(double x, int *err) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) {
            return x;
        }
        *err = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        *err = EDOM;
        return copysign(INFINITY, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            *err = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) {
            return gamma_integral[(int)x - 1];
        }
    }
    double absx = fabs(x);
    if (absx < 1e-20) {  // gamma(x) ~ 1/x near 0
        double r = 1.0 / x;
        if (isinf(r)) {
            *err = ERANGE;
        }
        return r;
    }
    if (absx > 200.0) {  // overflows, or underflows to +-0 for negative x
        if (x < 0.0) {
            return 0.0 / sinpi(x);
        }
        *err = ERANGE;
        return INFINITY;
    }
    double y = absx + lanczos_g_minus_half;
    // z: the rounding error of y, scaled for the correction r * (1 + z).
    double z;
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -math_pi / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) {
        *err = ERANGE;
    }
    return r;
}

static double m_lgamma(double x, int *err) {
    if (!isfinite(x)) {
        return isnan(x) ? x : INFINITY;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            *err = EDOM;
            return INFINITY;
        }
        return 0.0;  // lgamma(1) = lgamma(2) = 0
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        return -log(absx);
    }
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) {
        r = math_logpi - log(fabs(sinpi(absx))) - log(absx) - r;  // reflection
    }
    if (isinf(r)) {
        *err = ERANGE;
    }
    return r;
}

FN(m_gamma) {
    return math_1a("math.gamma", args, nargs, kwnames, m_tgamma);
}

FN(m_lgamma_fn) {
    return math_1a("math.lgamma", args, nargs, kwnames, m_lgamma);
}

// ---- logarithms ----------------------------------------------------------------------------

// log, log2 and log10 with the special values done here (errno-free):
// *err = EDOM for zero and negative arguments.
static double log_special(double x, double (*f)(double), int *err) {
    if (isfinite(x)) {
        if (x > 0.0) {
            return f(x);
        }
        *err = EDOM;
        return x == 0.0 ? -INFINITY : NAN;
    }
    if (isnan(x) || x > 0.0) {
        return x;
    }
    *err = EDOM;
    return NAN;
}

// An exact positive int as m * 2**e with 0.5 <= m < 1, m correctly rounded
// to 53 bits (CPython's _PyLong_Frexp).
static double int_frexp(Value v, int64_t *e) {
    const IntObject *io = (const IntObject *)val_ptr(v);
    int64_t n = io->size < 0 ? -io->size : io->size;
    const uint64_t *d = io->limbs;
    int64_t bits = (n - 1) * 64 + (64 - __builtin_clzll(d[n - 1]));
    // The top 55 bits, with a sticky bit for anything below them, round
    // correctly to 53 in the conversion to double.
    int64_t shift = bits - 55;
    uint64_t top;
    int sticky = 0;
    int64_t limb = shift / 64, off = shift % 64;
    top = d[limb] >> off;
    if (off > 9 && limb + 1 < n) {
        top |= d[limb + 1] << (64 - off);
    }
    top &= ((uint64_t)1 << 55) - 1;
    if (d[limb] & (((uint64_t)1 << off) - 1)) {
        sticky = 1;
    }
    for (int64_t i = 0; i < limb && !sticky; i++) {
        sticky = d[i] != 0;
    }
    double m = ldexp((double)(top | (uint64_t)sticky), -55);
    if (m == 1.0) {
        m = 0.5;
        bits++;
    }
    *e = bits;
    return m;
}

// CPython's loghelper: f(x) for a float, and for an int of any size (ints
// beyond the double range as log(m) + log(2) * e).
static Value loghelper(Value x, double (*f)(double), double *out) {
    if (int_check(x)) {
        if (int_sign(x) <= 0) {
            return domain_error();
        }
        double d;
        int overflow;
        d = int_to_double(x, &overflow);
        if (overflow) {
            Value exact = int_exact(x);
            if (!exact) {
                return 0;
            }
            int64_t e;
            double m = int_frexp(exact, &e);
            *out = f(m) + f(2.0) * (double)e;
        } else {
            *out = f(d);
        }
        return VAL_TRUE;
    }
    double d;
    if (float_as_c_double(x, &d) < 0) {
        return 0;
    }
    int err = 0;
    double r = log_special(d, f, &err);
    if (isnan(r) && !isnan(d)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(d)) {
        return domain_error();
    }
    *out = r;
    return VAL_TRUE;
}

// log(x[, base])
FN(m_log) {
    if (args_no_keywords("log", kwnames) < 0) {
        return 0;
    }
    if (nargs < 1 || nargs > 2) {
        return err_format(&exc_TypeError, "math.log requires 1 to 2 arguments");
    }
    double num, den;
    if (!loghelper(args[0], log, &num)) {
        return 0;
    }
    if (nargs == 1) {
        return float_from_double(num);
    }
    if (!loghelper(args[1], log, &den)) {
        return 0;
    }
    if (den == 0.0) {
        return err_format(&exc_ZeroDivisionError, "float division by zero");
    }
    return float_from_double(num / den);
}

static Value log_one(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                     double (*f)(double)) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    double r;
    return loghelper(args[0], f, &r) ? float_from_double(r) : 0;
}

FN(m_log2) {
    return log_one("math.log2", args, nargs, kwnames, log2);
}

FN(m_log10) {
    return log_one("math.log10", args, nargs, kwnames, log10);
}

// ---- two-argument functions -----------------------------------------------------------------

// Both arguments as doubles, for the positional-only two-argument functions.
static int two_doubles(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                       double *x, double *y) {
    if (method_check_args(qualname, nargs, kwnames, 2, 2) < 0 || float_as_c_double(args[0], x) < 0 ||
        float_as_c_double(args[1], y) < 0) {
        return -1;
    }
    return 0;
}

// CPython's math_2: r = f(x, y) with the Annex F errors.
static Value math_2_result(double x, double y, double r) {
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        return range_error();
    }
    return float_from_double(r);
}

FN(m_atan2) {
    double y, x;
    if (two_doubles("math.atan2", args, nargs, kwnames, &y, &x) < 0) {
        return 0;
    }
    return math_2_result(y, x, atan2(y, x));
}

FN(m_copysign) {
    double x, y;
    if (two_doubles("math.copysign", args, nargs, kwnames, &x, &y) < 0) {
        return 0;
    }
    return math_2_result(x, y, copysign(x, y));
}

FN(m_remainder) {
    double x, y;
    if (two_doubles("math.remainder", args, nargs, kwnames, &x, &y) < 0) {
        return 0;
    }
    return math_2_result(x, y, remainder(x, y));
}

FN(m_fmod) {
    double x, y;
    if (two_doubles("math.fmod", args, nargs, kwnames, &x, &y) < 0) {
        return 0;
    }
    if (isinf(y) && isfinite(x)) {  // fmod(x, +-inf) is x
        return float_from_double(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return float_from_double(r);
}

FN(m_pow) {
    double x, y;
    if (two_doubles("math.pow", args, nargs, kwnames, &x, &y) < 0) {
        return 0;
    }
    double r;
    int err = 0;
    if (!isfinite(x) || !isfinite(y)) {
        // IEEE special values, decided here as C99 says.
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        } else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        } else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0) {
                r = odd_y ? x : fabs(x);
            } else if (y == 0.0) {
                r = 1.0;
            } else {
                r = odd_y ? copysign(0.0, x) : 0.0;
            }
        } else if (fabs(x) == 1.0) {
            r = 1.0;
        } else if (y > 0.0 && fabs(x) > 1.0) {
            r = y;
        } else if (y < 0.0 && fabs(x) < 1.0) {
            r = -y;
        } else {
            r = 0.0;
        }
    } else {
        r = pow(x, y);
        if (isnan(r)) {
            err = EDOM;  // negative ** non-integer
        } else if (isinf(r)) {
            err = x == 0.0 ? EDOM : ERANGE;  // 0 ** negative, or overflow
        }
    }
    if (err && errno_is_error(err, r)) {
        return 0;
    }
    return float_from_double(r);
}

FN(m_nextafter) {
    double x, y;
    if (two_doubles("math.nextafter", args, nargs, kwnames, &x, &y) < 0) {
        return 0;
    }
    return float_from_double(nextafter(x, y));
}

// ---- one double in, something else out --------------------------------------------------------

static int one_double(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                      double *x) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0 || float_as_c_double(args[0], x) < 0) {
        return -1;
    }
    return 0;
}

FN(m_isfinite) {
    double x;
    return one_double("math.isfinite", args, nargs, kwnames, &x) < 0 ? 0 : val_bool(isfinite(x));
}

FN(m_isinf) {
    double x;
    return one_double("math.isinf", args, nargs, kwnames, &x) < 0 ? 0 : val_bool(isinf(x));
}

FN(m_isnan) {
    double x;
    return one_double("math.isnan", args, nargs, kwnames, &x) < 0 ? 0 : val_bool(isnan(x));
}

FN(m_degrees) {
    double x;
    if (one_double("math.degrees", args, nargs, kwnames, &x) < 0) {
        return 0;
    }
    return float_from_double(x * (180.0 / math_pi));
}

FN(m_radians) {
    double x;
    if (one_double("math.radians", args, nargs, kwnames, &x) < 0) {
        return 0;
    }
    return float_from_double(x * (math_pi / 180.0));
}

FN(m_ulp) {
    double x;
    if (one_double("math.ulp", args, nargs, kwnames, &x) < 0) {
        return 0;
    }
    if (isnan(x)) {
        return float_from_double(x);
    }
    x = fabs(x);
    if (isinf(x)) {
        return float_from_double(x);
    }
    double next = nextafter(x, INFINITY);
    if (isinf(next)) {  // x is the largest finite float
        return float_from_double(x - nextafter(x, -INFINITY));
    }
    return float_from_double(next - x);
}

// A tuple of two floats (modf) or a float and an int (frexp).
static Value pair(Value a, Value b) {
    return a && b ? tuple_pack2(a, b) : 0;
}

FN(m_frexp) {
    double x;
    if (one_double("math.frexp", args, nargs, kwnames, &x) < 0) {
        return 0;
    }
    int e = 0;
    if (isfinite(x) && x != 0.0) {
        x = frexp(x, &e);
    }
    return pair(float_from_double(x), val_from_smallint(e));
}

FN(m_modf) {
    double x;
    if (one_double("math.modf", args, nargs, kwnames, &x) < 0) {
        return 0;
    }
    if (isinf(x)) {
        return pair(float_from_double(copysign(0.0, x)), float_from_double(x));
    }
    if (isnan(x)) {
        return pair(float_from_double(x), float_from_double(x));
    }
    double ipart;
    double frac = modf(x, &ipart);
    return pair(float_from_double(frac), float_from_double(ipart));
}

FN(m_ldexp) {
    if (method_check_args("math.ldexp", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    double x;
    if (float_as_c_double(args[0], &x) < 0) {
        return 0;
    }
    if (!int_check(args[1])) {
        return err_format(&exc_TypeError, "Expected an int as second argument to ldexp.");
    }
    int64_t e;
    if (int_to_i64(args[1], &e) < 0) {  // saturate: only the sign matters then
        err_clear();
        e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    }
    double r;
    if (x == 0.0 || !isfinite(x)) {
        r = x;
    } else if (e > INT32_MAX) {
        return range_error();
    } else if (e < INT32_MIN) {
        r = copysign(0.0, x);
    } else {
        r = ldexp(x, (int)e);
        if (isinf(r)) {
            return range_error();
        }
    }
    return float_from_double(r);
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
static const char *const isclose_kwnames[] = {"a", "b", "rel_tol", "abs_tol", NULL};
static const ArgSpec isclose_spec = {"isclose", 0, isclose_kwnames, 2, 2, 0};

FN(m_isclose) {
    Value a[4];
    if (args_unpack(&isclose_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (float_as_c_double(a[0], &x) < 0 || float_as_c_double(a[1], &y) < 0 ||
        (a[2] && float_as_c_double(a[2], &rel_tol) < 0) || (a[3] && float_as_c_double(a[3], &abs_tol) < 0)) {
        return 0;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        return err_format(&exc_ValueError, "tolerances must be non-negative");
    }
    if (x == y) {
        return VAL_TRUE;
    }
    if (isinf(x) || isinf(y)) {
        return VAL_FALSE;
    }
    double diff = fabs(y - x);
    return val_bool(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) || diff <= abs_tol);
}

// ---- rounding to ints -----------------------------------------------------------------------------

static int is_exact_float(Value v) {
    return val_is_flonum(v) || (val_is_ptr(v) && val_ptr(v)->type == &type_float);
}

// ceil / floor: x.__ceil__() unless x is a float, else the C function.
static Value round_to_int(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                          Value special, double (*f)(double)) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value x = args[0];
    if (!is_exact_float(x)) {
        Value method = obj_lookup_special(x, special);
        if (method) {
            return obj_call0(method);
        }
        if (err_occurred()) {
            return 0;
        }
    }
    double d;
    if (float_as_c_double(x, &d) < 0) {
        return 0;
    }
    return int_from_double(f(d));
}

FN(m_ceil) {
    return round_to_int("math.ceil", args, nargs, kwnames, name_ceil, ceil);
}

FN(m_floor) {
    return round_to_int("math.floor", args, nargs, kwnames, name_floor, floor);
}

FN(m_trunc) {
    if (method_check_args("math.trunc", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value x = args[0];
    if (is_exact_float(x)) {
        return int_from_double(float_value(x));
    }
    Value method = obj_lookup_special(x, name_trunc);
    if (!method) {
        if (err_occurred()) {
            return 0;
        }
        return err_format(&exc_TypeError, "type %s doesn't define __trunc__ method",
                          obj_type_name(x));
    }
    return obj_call0(method);
}

// ---- hypot and dist ------------------------------------------------------------------------------
//
// CPython's vector_norm: the Euclidean norm of |vec[i]| (all finite, max
// the largest, unless found_nan or an infinity), correctly rounded in all
// but rare cases. Each coordinate is scaled by a power of two so that the
// largest is in [0.5, 1), squared exactly (fma gives the low half), and the
// squares are summed with the error terms kept apart; the square root of
// the sum then gets one Newton correction computed the same way.

typedef struct DoubleLength {
    double hi, lo;
} DoubleLength;

static inline DoubleLength dl_fast_sum(double a, double b) {  // |a| >= |b|
    double x = a + b;
    return (DoubleLength){x, (a - x) + b};
}

static inline DoubleLength dl_mul(double x, double y) {
    double z = x * y;
    return (DoubleLength){z, fma(x, y, -z)};
}

static double vector_norm(size_t n, double *vec, double max, int found_nan) {
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0.0 || n <= 1) {
        return max;
    }
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {  // subnormal: ldexp(1.0, -max_e) would overflow
        for (size_t i = 0; i < n; i++) {
            vec[i] /= DBL_MIN;
        }
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    DoubleLength pr, sm;
    for (size_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        pr = dl_mul(x, x);
        sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = dl_mul(-h, h);
    sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

#define NORM_STACK_ELEMS 16

FN(m_hypot) {
    if (args_no_keywords("math.hypot", kwnames) < 0) {
        return 0;
    }
    double stack[NORM_STACK_ELEMS];
    double *coords = nargs <= NORM_STACK_ELEMS ? stack : malloc(nargs * sizeof(double));
    if (!coords) {
        return err_no_memory();
    }
    double max = 0.0;
    int found_nan = 0;
    Value result = 0;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (float_as_c_double(args[i], &x) < 0) {
            goto done;
        }
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    result = float_from_double(vector_norm(nargs, coords, max, found_nan));
done:
    if (coords != stack) {
        free(coords);
    }
    return result;
}

FN(m_dist) {
    if (method_check_args("math.dist", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value p = tuple_check(args[0]) ? args[0] : tuple_from_iterable(args[0]);
    Value q = p ? (tuple_check(args[1]) ? args[1] : tuple_from_iterable(args[1])) : 0;
    if (!q) {
        return 0;
    }
    size_t n = tuple_obj(p)->len;
    if (tuple_obj(q)->len != n) {
        return err_format(&exc_ValueError, "both points must have the same number of dimensions");
    }
    double stack[NORM_STACK_ELEMS];
    double *diffs = n <= NORM_STACK_ELEMS ? stack : malloc(n * sizeof(double));
    if (!diffs) {
        return err_no_memory();
    }
    double max = 0.0;
    int found_nan = 0;
    Value result = 0;
    for (size_t i = 0; i < n; i++) {
        double px, qx;
        if (float_as_c_double(tuple_obj(p)->items[i], &px) < 0 ||
            float_as_c_double(tuple_obj(q)->items[i], &qx) < 0) {
            goto done;
        }
        double x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    result = float_from_double(vector_norm(n, diffs, max, found_nan));
done:
    if (diffs != stack) {
        free(diffs);
    }
    return result;
}

// ---- fsum ------------------------------------------------------------------------------------------
//
// Shewchuk's exact summation, as CPython does it: the running sum is a
// list of non-overlapping partials (each |p[i]| < |p[i+1]|), every new
// value is added exactly into them, and the result is their sum rounded
// once, with a final fix so that half-way cases round to even across
// several partials. Infinities and NaNs are summed apart; an infinite
// partial that came from finite inputs is an intermediate overflow.

#define FSUM_STACK_PARTIALS 32

FN(m_fsum) {
    if (method_check_args("math.fsum", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    double stack[FSUM_STACK_PARTIALS];
    double *p = stack;
    size_t n = 0, cap = FSUM_STACK_PARTIALS;
    double special_sum = 0.0, inf_sum = 0.0;
    Value result = 0;
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            if (err_occurred()) {
                goto done;
            }
            break;
        }
        double x;
        if (float_as_c_double(item, &x) < 0) {
            goto done;
        }
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    err_format(&exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                n = 0;  // the partials no longer matter
            } else {
                if (n >= cap) {
                    size_t ncap = cap * 2;
                    double *np = malloc(ncap * sizeof(double));
                    if (!np) {
                        err_no_memory();
                        goto done;
                    }
                    memcpy(np, p, n * sizeof(double));
                    if (p != stack) {
                        free(p);
                    }
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            err_format(&exc_ValueError, "-inf + inf in fsum");
        } else {
            result = float_from_double(special_sum);
        }
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        // Add the partials from the top until the sum becomes inexact.
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        // Round half-even across the remaining partials.
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    result = float_from_double(hi);
done:
    if (p != stack) {
        free(p);
    }
    return result;
}

// ---- prod ------------------------------------------------------------------------------------------

static const char *const prod_kwnames[] = {"start", NULL};
static const ArgSpec prod_spec = {"prod", 1, prod_kwnames, 1, 1, 0};

FN(m_prod) {
    Value a[2];
    if (args_unpack(&prod_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value it = obj_iter(a[0]);
    if (!it) {
        return 0;
    }
    Value result = a[1] ? a[1] : val_from_smallint(1);
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : result;
        }
        int64_t p;
        if (val_is_smallint(result) && val_is_smallint(item) &&
            !__builtin_mul_overflow(val_smallint(result), val_smallint(item), &p) &&
            smallint_fits(p)) {
            result = val_from_smallint(p);
            continue;
        }
        if (val_is_flonum(result) && val_is_flonum(item)) {
            result = float_from_double(val_flonum(result) * val_flonum(item));
        } else {
            result = obj_binop(result, item, BINOP_MUL);
        }
        if (!result) {
            return 0;
        }
    }
}

// ---- exact integer functions -------------------------------------------------------------------------

// A read-only mpz over an exact int's limbs (or over `small` for an
// immediate). Valid while the int is alive.
typedef struct IntMpz {
    mpz_t z;
    mp_limb_t small;
} IntMpz;

static void int_mpz(Value v, IntMpz *m) {
    if (val_is_smallint(v)) {
        int64_t i = val_smallint(v);
        m->small = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        mpz_roinit_n(m->z, &m->small, i < 0 ? -1 : i > 0);
        return;
    }
    const IntObject *io = (const IntObject *)val_ptr(v);
    mpz_roinit_n(m->z, io->limbs, io->size);
}

// The krait int of z; z is cleared.
static Value int_from_mpz(mpz_t z) {
    Value r = int_from_limbs(mpz_limbs_read(z), mpz_size(z), mpz_sgn(z) < 0);
    mpz_clear(z);
    return r;
}

// operator.index(v) as an exact int.
static Value exact_index(Value v) {
    if (val_is_smallint(v)) {
        return v;
    }
    Value i = obj_index(v);
    return i ? int_exact(i) : 0;
}

static uint64_t gcd_u64(uint64_t a, uint64_t b) {
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static Value int_abs_value(Value v) {
    if (val_is_smallint(v)) {
        int64_t i = val_smallint(v);
        return int_from_i64(i < 0 ? -i : i);
    }
    return int_sign(v) < 0 ? obj_neg(v) : v;
}

static Value int_gcd(Value a, Value b) {
    if (val_is_smallint(a) && val_is_smallint(b)) {
        int64_t x = val_smallint(a), y = val_smallint(b);
        return int_from_u64(gcd_u64(x < 0 ? -(uint64_t)x : (uint64_t)x,
                                    y < 0 ? -(uint64_t)y : (uint64_t)y));
    }
    IntMpz ma, mb;
    int_mpz(a, &ma);
    int_mpz(b, &mb);
    mpz_t r;
    mpz_init(r);
    mpz_gcd(r, ma.z, mb.z);
    return int_from_mpz(r);
}

FN(m_gcd) {
    if (args_no_keywords("math.gcd", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return val_from_smallint(0);
    }
    Value res = exact_index(args[0]);
    if (!res) {
        return 0;
    }
    if (nargs == 1) {
        return int_abs_value(res);
    }
    for (size_t i = 1; i < nargs; i++) {
        Value x = exact_index(args[i]);
        if (!x) {
            return 0;
        }
        if (res != val_from_smallint(1)) {  // gcd(1, anything) is 1; still check the rest
            res = int_gcd(res, x);
            if (!res) {
                return 0;
            }
        }
    }
    return res;
}

FN(m_lcm) {
    if (args_no_keywords("math.lcm", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return val_from_smallint(1);
    }
    Value res = exact_index(args[0]);
    if (!res) {
        return 0;
    }
    if (nargs == 1) {
        return int_abs_value(res);
    }
    for (size_t i = 1; i < nargs; i++) {
        Value x = exact_index(args[i]);
        if (!x) {
            return 0;
        }
        if (res != val_from_smallint(0)) {
            IntMpz ma, mb;
            int_mpz(res, &ma);
            int_mpz(x, &mb);
            mpz_t r;
            mpz_init(r);
            mpz_lcm(r, ma.z, mb.z);
            res = int_from_mpz(r);
            if (!res) {
                return 0;
            }
        }
    }
    return res;
}

FN(m_isqrt) {
    if (method_check_args("math.isqrt", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value n = exact_index(args[0]);
    if (!n) {
        return 0;
    }
    if (int_sign(n) < 0) {
        return err_format(&exc_ValueError, "isqrt() argument must be nonnegative");
    }
    if (val_is_smallint(n)) {
        uint64_t v = (uint64_t)val_smallint(n);
        uint64_t r = (uint64_t)sqrt((double)v);
        while (r * r > v) {  // the double may be one off either way
            r--;
        }
        while ((r + 1) * (r + 1) <= v) {
            r++;
        }
        return int_from_u64(r);
    }
    IntMpz mn;
    int_mpz(n, &mn);
    mpz_t r;
    mpz_init(r);
    mpz_sqrt(r, mn.z);
    return int_from_mpz(r);
}

// n! for 0 <= n.
static Value factorial_u64(uint64_t n) {
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, n);
    return int_from_mpz(r);
}

// factorial(n): n an int (through __index__), 0 <= n <= LONG_MAX.
static Value factorial_of(Value arg) {
    Value n = exact_index(arg);
    if (!n) {
        return 0;
    }
    int64_t v;
    if (int_to_i64(n, &v) < 0) {
        err_clear();
        if (int_sign(n) > 0) {
            return err_format(&exc_OverflowError,
                              "factorial() argument should not exceed %lld", (long long)INT64_MAX);
        }
        v = -1;
    }
    if (v < 0) {
        return err_format(&exc_ValueError, "factorial() not defined for negative values");
    }
    return factorial_u64((uint64_t)v);
}

FN(m_factorial) {
    if (method_check_args("math.factorial", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return factorial_of(args[0]);
}

// comb(n, k) or perm(n, k): n and k as non-negative exact ints.
static int comb_args(const Value *args, Value *n, Value *k) {
    *n = exact_index(args[0]);
    *k = *n ? exact_index(args[1]) : 0;
    if (!*k) {
        return -1;
    }
    if (int_sign(*n) < 0) {
        err_format(&exc_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (int_sign(*k) < 0) {
        err_format(&exc_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

// C(n, k) * (k! when `perm`), for k <= n and k fitting 63 bits.
static Value binomial(Value n, uint64_t k, int perm) {
    IntMpz mn;
    int_mpz(n, &mn);
    mpz_t r;
    mpz_init(r);
    mpz_bin_ui(r, mn.z, k);
    if (perm) {
        mpz_t f;
        mpz_init(f);
        mpz_fac_ui(f, k);
        mpz_mul(r, r, f);
        mpz_clear(f);
    }
    return int_from_mpz(r);
}

FN(m_comb) {
    if (method_check_args("math.comb", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value n, k;
    if (comb_args(args, &n, &k) < 0) {
        return 0;
    }
    int64_t ni, ki;
    if (int_to_i64(n, &ni) == 0) {
        if (int_to_i64(k, &ki) < 0 || ki > ni) {
            err_clear();
            return val_from_smallint(0);
        }
        if (ni - ki < ki) {
            ki = ni - ki;
        }
        return binomial(n, (uint64_t)ki, 0);
    }
    err_clear();
    // k = min(k, n - k), which must fit.
    Value rest = obj_binop(n, k, BINOP_SUB);
    if (!rest) {
        return 0;
    }
    if (int_sign(rest) < 0) {
        return val_from_smallint(0);
    }
    if (int_compare(rest, k) < 0) {
        k = rest;
    }
    if (int_to_i64(k, &ki) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "min(n - k, k) must not exceed %lld",
                          (long long)INT64_MAX);
    }
    return binomial(n, (uint64_t)ki, 0);
}

// perm(n, k=None)
FN(m_perm) {
    if (method_check_args("math.perm", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    if (nargs == 1 || args[1] == VAL_NONE) {
        return factorial_of(args[0]);
    }
    Value n, k;
    if (comb_args(args, &n, &k) < 0) {
        return 0;
    }
    int64_t ni, ki;
    if (int_to_i64(n, &ni) == 0) {
        if (int_to_i64(k, &ki) < 0 || ki > ni) {
            err_clear();
            return val_from_smallint(0);
        }
        return binomial(n, (uint64_t)ki, 1);
    }
    err_clear();
    if (int_compare(n, k) < 0) {
        return val_from_smallint(0);
    }
    if (int_to_i64(k, &ki) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
    }
    return binomial(n, (uint64_t)ki, 1);
}

// ---- the module ----------------------------------------------------------------------------------------

#define DEF_(name, doc) {#name, m_##name, METH_DEFAULT, doc},
#define DEF_LIBM_(name, cfn, can_overflow, doc) DEF_(name, doc)

static const MethodDef math_functions[] = {
    MATH_LIBM_1(DEF_LIBM_)
    DEF_(atan2, "Return the arc tangent (measured in radians) of y/x.")
    DEF_(ceil, "Return the ceiling of x as an Integral.")
    DEF_(comb, "Number of ways to choose k items from n items without repetition and "
               "without order.")
    DEF_(copysign, "Return a float with the magnitude (absolute value) of x but the sign of y.")
    DEF_(degrees, "Convert angle x from radians to degrees.")
    DEF_(dist, "Return the Euclidean distance between two points p and q.")
    DEF_(erf, "Error function at x.")
    DEF_(erfc, "Complementary error function at x.")
    DEF_(factorial, "Find n!.")
    DEF_(floor, "Return the floor of x as an Integral.")
    DEF_(fmod, "Return fmod(x, y), according to platform C.")
    DEF_(frexp, "Return the mantissa and exponent of x, as pair (m, e).")
    DEF_(fsum, "Return an accurate floating point sum of values in the iterable seq.")
    DEF_(gamma, "Gamma function at x.")
    DEF_(gcd, "Greatest Common Divisor.")
    DEF_(hypot, "Multidimensional Euclidean distance from the origin to a point.")
    DEF_(isclose, "Determine whether two floating point numbers are close in value.")
    DEF_(isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise.")
    DEF_(isinf, "Return True if x is a positive or negative infinity, and False otherwise.")
    DEF_(isnan, "Return True if x is a NaN (not a number), and False otherwise.")
    DEF_(isqrt, "Return the integer part of the square root of the input.")
    DEF_(lcm, "Least Common Multiple.")
    DEF_(ldexp, "Return x * (2**i).")
    {"lgamma", m_lgamma_fn, METH_DEFAULT,
     "Natural logarithm of absolute value of Gamma function at x."},
    DEF_(log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base.")
    DEF_(log10, "Return the base 10 logarithm of x.")
    DEF_(log2, "Return the base 2 logarithm of x.")
    DEF_(modf, "Return the fractional and integer parts of x.")
    DEF_(nextafter, "Return the next floating-point value after x towards y.")
    DEF_(perm, "Number of ways to choose k items from n items without repetition and "
               "with order.")
    DEF_(pow, "Return x**y (x to the power of y).")
    DEF_(prod, "Calculate the product of all the elements in the input iterable.")
    DEF_(radians, "Convert angle x from degrees to radians.")
    DEF_(remainder, "Difference between x and the closest integer multiple of y.")
    DEF_(trunc, "Truncates the Real x to the nearest Integral toward 0.")
    DEF_(ulp, "Return the value of the least significant bit of the float x.")
    {NULL, NULL, 0, NULL},
};

#undef DEF_
#undef DEF_LIBM_

Value math_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (!name_ceil) {
        name_ceil = str_intern_cstr("__ceil__");
        name_floor = str_intern_cstr("__floor__");
        name_trunc = str_intern_cstr("__trunc__");
        if (!name_ceil || !name_floor || !name_trunc) {
            return 0;
        }
        gc_add_root(&name_ceil);
        gc_add_root(&name_floor);
        gc_add_root(&name_trunc);
    }
    Value m = module_new_cstr("math");
    if (!m || module_add_functions(m, math_functions) < 0 ||
        module_add(m, "pi", float_from_double(math_pi)) < 0 ||
        module_add(m, "e", float_from_double(2.718281828459045235360287471352662498)) < 0 ||
        module_add(m, "tau", float_from_double(2.0 * math_pi)) < 0 ||
        module_add(m, "inf", float_from_double(INFINITY)) < 0 ||
        module_add(m, "nan", float_from_double(NAN)) < 0 ||
        module_add(m, "__doc__",
                   str_from_cstr("This module provides access to the mathematical functions\n"
                                 "defined by the C standard.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
