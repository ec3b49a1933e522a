# math: results and CPython's errors (types and messages) for every function.
import math
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: math.sqrt(), lambda: math.sqrt(x=1), lambda: math.atan2(1), lambda: math.log(), lambda: math.log(1,2,3), lambda: math.log(x=1), lambda: math.log(8, 2), lambda: math.log(1, 1), lambda: math.log(0), lambda: math.log(-1), lambda: math.log(0.0), lambda: math.log(10**400), lambda: math.log10(10**400), lambda: math.log2(2**5000+1), lambda: math.log(2**5000, 2), lambda: math.log(2**5000, 2**1000), lambda: math.log('a'), lambda: math.log(1, 'a'), lambda: math.log(1, 0),
 lambda: math.prod([1,2], 3), lambda: math.prod(), lambda: math.prod([1], start=2, x=3), lambda: math.prod([2.0, 3], start=2), lambda: math.prod(iterable=[1]), lambda: math.prod(1),
 lambda: math.isclose(1), lambda: math.isclose(1, 2, 3), lambda: math.isclose(a=1, b=1), lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.isclose('a', 1), lambda: math.isclose(1, 1.0000000001), lambda: math.isclose(0, 1e-10, abs_tol=1e-9),
 lambda: math.factorial(-1), lambda: math.factorial(2**70), lambda: math.factorial(-2**70), lambda: math.factorial(5.0), lambda: math.factorial('a'), lambda: math.factorial(True),
 lambda: math.comb(5, -1), lambda: math.comb(-5, 1), lambda: math.comb(5.0, 1), lambda: math.comb(2**70, 2), lambda: math.comb(2**70, 2**69), lambda: math.comb(2**70, 2**70-1), lambda: math.comb(5, 7), lambda: math.comb(5), lambda: math.comb(n=5, k=2),
 lambda: math.perm(5), lambda: math.perm(-5), lambda: math.perm(5, -1), lambda: math.perm(-5, 1), lambda: math.perm(5, None), lambda: math.perm(2**70, 2), lambda: math.perm(2**70, 2**69), lambda: math.perm(5, 7), lambda: math.perm(5, 2.0),
 lambda: math.gcd(), lambda: math.gcd(-4), lambda: math.gcd(4, 6.0), lambda: math.gcd(1, 'a'), lambda: math.gcd(2**100, 2**80 * 3), lambda: math.lcm(), lambda: math.lcm(-3), lambda: math.lcm(0, 'a'), lambda: math.lcm(4, 6, 10), lambda: math.gcd(True, 1), lambda: math.gcd(a=1),
 lambda: math.isqrt(-1), lambda: math.isqrt(10**50), lambda: math.isqrt(2.0), lambda: math.isqrt(True),
 lambda: math.ldexp(1, 2.0), lambda: math.ldexp(1.5, 2**70), lambda: math.ldexp(1.5, -2**70), lambda: math.ldexp(1.5, 1100), lambda: math.ldexp(1.5, -1100), lambda: math.ldexp('a', 1), lambda: math.ldexp(0.0, 2**70),
 lambda: math.frexp(0.0), lambda: math.frexp(-8), lambda: math.frexp(float('inf')), lambda: math.modf(-2.5), lambda: math.modf(float('-inf')), lambda: math.modf(float('nan')),
 lambda: math.trunc('a'), lambda: math.trunc(2.5), lambda: math.trunc(-2**80), lambda: math.ceil('a'), lambda: math.ceil(float('inf')), lambda: math.floor(float('nan')), lambda: math.floor(2**80), lambda: math.ceil(True), lambda: math.floor(-0.5),
 lambda: math.dist([1], [1, 2]), lambda: math.dist(iter([1,2]), iter([3,4])), lambda: math.dist(1, 2), lambda: math.dist([1], ['a']), lambda: math.dist((3, 4), (0, 0)),
 lambda: math.hypot(), lambda: math.hypot(-3), lambda: math.hypot(3, 4, 12), lambda: math.hypot(float('nan'), float('inf')), lambda: math.hypot('a'), lambda: math.hypot(x=1),
 lambda: math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), lambda: math.fsum([float('inf'), float('-inf')]), lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([float('nan'), 1]), lambda: math.fsum(['a']), lambda: math.fsum(1), lambda: math.fsum([0.1]*10), lambda: math.fsum([]),
 lambda: math.nextafter(1, 2), lambda: math.nextafter(1), lambda: math.ulp(1), lambda: math.ulp(float('inf')), lambda: math.ulp(1.7976931348623157e308), lambda: math.ulp(0),
 lambda: math.pow(0, -1), lambda: math.pow(-8, 1/3), lambda: math.pow(10, 400), lambda: math.pow(float('nan'), 0), lambda: math.pow(2, 0.5),
 lambda: math.fmod(1, 0), lambda: math.fmod(float('inf'), 1), lambda: math.fmod(5, float('inf')), lambda: math.remainder(5, 3), lambda: math.remainder(5, 0), lambda: math.remainder(float('inf'), 1),
 lambda: math.gamma(0), lambda: math.gamma(-1), lambda: math.gamma(172), lambda: math.gamma(0.5), lambda: math.lgamma(0), lambda: math.lgamma(1e308), lambda: math.gamma(-1.5), lambda: math.gamma(float('-inf')),
 lambda: math.exp(1000), lambda: math.exp(-1000), lambda: math.expm1(1000), lambda: math.exp2(1024), lambda: math.cosh(1000), lambda: math.sqrt(-1), lambda: math.acos(2), lambda: math.atanh(1), lambda: math.sqrt(10**400), lambda: math.sqrt('a'), lambda: math.sqrt(None), lambda: math.cbrt(-27), lambda: math.log1p(-1), lambda: math.sin(float('inf')),
 lambda: math.copysign(1, -0.0), lambda: math.atan2(0.0, -0.0), lambda: math.degrees(math.pi), lambda: math.radians(180), lambda: math.erf(0.5), lambda: math.erfc(10),
 lambda: math.isinf(10**400), lambda: math.isnan('a'), lambda: math.isfinite(1e308*10),
 ]:
    t(f)
print(math.__doc__)
print(math.pi, math.e, math.tau, math.inf, math.nan)
