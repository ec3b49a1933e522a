"""Print the special-value tables of src/modules/cmathmodule.c.

Run with CPython 3.11 (/usr/bin/python3.11 tools/cmath_special_tables.py):
for every function that looks its non-finite arguments up in a table, each
of the 7x7 classes of (real, imag) with at least one infinite or NaN part
is evaluated by CPython's cmath at representative points, and the result
(or the error it raises) is printed as a C initializer. The tables are
data measured from the oracle, so krait's answers for infinities, NaNs and
signed zeros agree with CPython's by construction.
"""
import cmath
import math

INF, NAN = math.inf, math.nan
# The classes in the order of cmathmodule.c's enum, each with sample points:
# an entry must be the same at every sample (else the function computes it).
CLASSES = [("NINF", [-INF]), ("NEG", [-2.0, -0.5, -1e300]), ("NZERO", [-0.0]),
           ("PZERO", [0.0]), ("POS", [2.0, 0.5, 1e300]), ("PINF", [INF]), ("NAN", [NAN])]
FUNCS = ["acos", "acosh", "asinh", "atanh", "cosh", "exp", "log", "sinh", "sqrt", "tanh",
         "rect"]
PI = math.pi
NAMED = {PI: "P", PI / 4: "P14", PI / 2: "P12", 3 * PI / 4: "P34"}


def c_double(x):
    if math.isnan(x):
        return "N"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    if x == 0:
        return "-0." if math.copysign(1, x) < 0 else "0."
    for v, name in NAMED.items():
        if x == v:
            return name
        if x == -v:
            return "-" + name
    return repr(x)


def evaluate(name, re, im):
    try:
        if name == "rect":
            z = cmath.rect(re, im)
        else:
            z = getattr(cmath, name)(complex(re, im))
        return (c_double(z.real), c_double(z.imag), "0")
    except ValueError:
        return ("U", "U", "EDOM")
    except OverflowError:
        return ("U", "U", "ERANGE")


def main():
    for name in FUNCS:
        print(f"static const SpecialValue {name}_special[7][7] = {{")
        for rname, rsamples in CLASSES:
            row = []
            for iname, isamples in CLASSES:
                results = {evaluate(name, r, i) for r in rsamples for i in isamples}
                finite = all(math.isfinite(v) for v in rsamples + isamples)
                if finite:
                    row.append("{U, U, 0}")  # finite arguments are computed
                elif len(results) != 1:
                    row.append("{U, U, 0}")  # depends on the value: computed
                else:
                    (re, im, err), = results
                    row.append(f"{{{re}, {im}, {err}}}")
            print(f"    {{{', '.join(row)}}},  // {rname}")
        print("};")


main()
