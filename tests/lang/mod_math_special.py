# math over IEEE special values (signed zeros, infinities, NaN, extremes):
# Annex F results, "math domain error" / "math range error", and the
# functions built on them (isclose, prod, frexp/ldexp/modf, copysign).
import math

inf, nan = math.inf, math.nan
specials = [0.0, -0.0, inf, -inf, nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1e308, -1e308, 5e-324,
            -5e-324, 710.0, -710.0, 1e-300, 3, -3, 2**1023 * 2 - 1]

def r(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

one = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh',
       'degrees', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'floor', 'frexp', 'gamma',
       'isfinite', 'isinf', 'isnan', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf',
       'radians', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc', 'ulp']
for name in one:
    f = getattr(math, name)
    print(name, ' '.join(r(f, x) for x in specials))

pairs = [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (1.0, 0.0), (1.0, -0.0), (-1.0, 0.0), (inf, 1.0),
         (-inf, 1.0), (1.0, inf), (1.0, -inf), (inf, inf), (-inf, -inf), (nan, 1.0), (1.0, nan),
         (nan, 0.0), (2.0, 1024.0), (-2.0, 1025.0), (-2.0, 0.5), (0.5, -inf), (-8.0, 3.0),
         (2.0, -1075.0), (10.0, 3.0), (-10.0, 3.0), (5.0, 2.0), (-inf, 3.0), (-inf, -3.0),
         (-inf, 2.0), (-inf, -2.0), (-0.0, -3.0), (-0.0, 3.0), (1e308, 10.0), (3, 2)]
for name in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter', 'hypot', 'log']:
    f = getattr(math, name)
    print(name, ' '.join(r(f, x, y) for x, y in pairs))
print('dist', r(math.dist, (inf, 1), (1, 2)), r(math.dist, (nan, 1), (1, 2)), r(math.dist, (), ()),
      r(math.dist, (1e308, -1e308), (-1e308, 1e308)))

for e in [0, 1, -1, 1023, 1024, -1074, -1075, 2**31, -2**31, 2**63, -2**63, 2**100, True]:
    print('ldexp', e, r(math.ldexp, 1.0, e), r(math.ldexp, -0.75, e), r(math.ldexp, 0.0, e),
          r(math.ldexp, inf, e), r(math.ldexp, nan, e), r(math.ldexp, 5e-324, e))

# isclose
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.0 + 1e-8, {}), (0.0, 1e-10, {}),
                 (0.0, 1e-10, {'abs_tol': 1e-9}), (inf, inf, {}), (inf, -inf, {}), (nan, nan, {}),
                 (1e308, inf, {'rel_tol': 1.0}), (1, 2, {'rel_tol': 0.5}), (1, 2, {'rel_tol': 0.49}),
                 (-1.0, 1.0, {'abs_tol': 2.0}), (10**20, 10**20 + 1, {'rel_tol': 0.0}),
                 (True, 1.0, {})]:
    print('isclose', a, b, kw, r(lambda: math.isclose(a, b, **kw)))
print(r(lambda: math.isclose(1, 1, abs_tol=-1e-9)), r(lambda: math.isclose(1, 1, rel_tol=nan)),
      r(lambda: math.isclose(1, 1, abs_tol='x')), r(lambda: math.isclose(1, 1, foo=1)),
      r(lambda: math.isclose(1, b=2)), r(lambda: math.isclose(1, 2, a=3)))

# prod
print(math.prod([]), math.prod([], start=5), math.prod(range(1, 11)), math.prod([2.5, 4]),
      math.prod([1, 2], start=0.5), math.prod(range(1, 30)), math.prod([2**40, 2**40, 2**40]))
print(math.prod(['ab', 3]), math.prod([[1], 2], start=1), math.prod([3], start='x'),
      math.prod(iter([1j, 1j])), math.prod([True, True]), math.prod([inf, 0.0]))
print(r(lambda: math.prod([1, 'a', 'b'])), r(lambda: math.prod([None])),
      r(lambda: math.prod([1, 2], 3)), r(lambda: math.prod(x=1)))
class M:
    def __rmul__(self, other):
        return ('rmul', other)
print(math.prod([2, M()]), math.prod([M()], start=7))

# fsum of ints, bools and float-likes
class FL:
    def __float__(self):
        return 0.25
print(math.fsum([1, 2**53, 1]), math.fsum([True, 0.5]), math.fsum([FL(), FL()]),
      math.fsum(range(10**3)), math.fsum(x / 10 for x in range(10)))
print(r(math.fsum, [2**1024]), r(math.fsum, [inf, nan]), r(math.fsum, [-inf, -inf, 1]),
      r(math.fsum, [1e308, 1e308, -inf]), r(math.fsum, [inf, 1e308, 1e308]))

# constants and their types
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.pi).__name__)
print(math.tau == 2 * math.pi, math.isnan(math.nan), math.inf > 1e308)
