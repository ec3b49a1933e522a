# cmath: every function at special values (infinities, NaNs, signed zeros),
# near branch cuts and at large/small arguments; errors; argument conversion.
import cmath
import math

INF, NAN = math.inf, math.nan
parts = [-INF, -1e300, -2.0, -1.0, -0.5, -1e-310, -0.0, 0.0, 1e-310, 0.5, 1.0, 2.0, 1e300, INF, NAN]
funcs = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh"]


def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    if isinstance(r, complex):
        return "(%r, %r)" % (r.real, r.imag)
    return repr(r)


for name in funcs:
    f = getattr(cmath, name)
    for re in parts:
        print(name, re, [show(f, complex(re, im)) for im in parts])
for r in parts:
    print("rect", r, [show(cmath.rect, r, phi) for phi in parts])
for z in [0j, 1 + 1j, -1 - 0j, complex(-1, -0.0), complex(INF, NAN), complex(NAN, INF),
          complex(1e308, 1e308), complex(1e308, 1.5e308), 3, -2.5, True]:
    print("polar/phase", z, show(cmath.polar, z), show(cmath.phase, z), show(abs, z))
    print("is*", cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
for a, b in [(2, 8), (0, 2), (2, 0), (2, 1), (1, 1), (8, 2j), (-1, 10), (INF, 2), (1j, NAN)]:
    print("log", a, b, show(cmath.log, a, b))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
for a, b, kw in [(1, 1 + 1e-10, {}), (1, 1.1, {}), (1, 1.1, {"rel_tol": 0.2}),
                 (0, 1e-10, {"abs_tol": 1e-9}), (INF, INF, {}), (complex(INF, 1), complex(INF, 2), {}),
                 (NAN, NAN, {}), (1, 2, {"rel_tol": -1}), (1, 2, {"abs_tol": -1})]:
    print("isclose", a, b, kw, show(lambda: cmath.isclose(a, b, **kw)))


class C:
    def __complex__(self):
        return 2 + 3j


class F:
    def __float__(self):
        return 4.0


class I:
    def __index__(self):
        return 9


class Bad:
    def __complex__(self):
        return 1.5


class Sub(complex):
    pass


for arg in [C(), F(), I(), Bad(), "x", None, 10**400, 4, Sub(4 + 0j), [1]]:
    print("sqrt", type(arg).__name__, show(cmath.sqrt, arg))
for call in ["cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.sqrt(z=1)", "cmath.log()",
             "cmath.log(1, 2, 3)", "cmath.log(1, base=2)", "cmath.rect(1)", "cmath.rect(1j, 2)",
             "cmath.rect(1, 2, 3)", "cmath.isclose(1)", "cmath.isclose(1, 2, 3)",
             "cmath.isclose(1, 2, foo=1)", "cmath.isclose(a=1, b=1)", "cmath.phase()",
             "cmath.polar(1, 2)", "cmath.exp(1000)", "cmath.cosh(-1000)", "cmath.sinh(710+1j)",
             "cmath.atanh(1)", "cmath.atanh(-1)", "cmath.exp(709.5)", "cmath.tanh(1000+1j)"]:
    print(call, show(eval, call))
