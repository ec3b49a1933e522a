# float arithmetic against CPython: % and // signs (signed zeros included),
# divmod, the ZeroDivisionError and OverflowError messages, ** special
# cases (zeros, infinities, NaNs, negative bases), mixing with big ints.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

inf, nan = float("inf"), float("nan")
xs = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 7.5, -7.5, 1e-300, 1e300, 5e-324, inf, -inf, nan, 3, -4,
      2**60, True]
for a in xs:
    row = []
    for b in xs:
        try:
            row.append(repr(a % b))
        except ZeroDivisionError as e:
            row.append(str(e))
        try:
            row.append(repr(a // b))
        except ZeroDivisionError as e:
            row.append(str(e))
        try:
            row.append(repr(a / b))
        except ZeroDivisionError as e:
            row.append(str(e))
    print(repr(a), row)

for a, b in [(7.0, 0), (7, 0.0), (7.0, 0.0), (-7.0, -0.0), (0.0, 0.0), (inf, 0.0), (nan, 0.0)]:
    show(f"{a!r} / {b!r}", lambda: a / b)
    show(f"{a!r} // {b!r}", lambda: a // b)
    show(f"{a!r} % {b!r}", lambda: a % b)
    show(f"divmod({a!r}, {b!r})", lambda: divmod(a, b))
show("(7.0).__truediv__(0)", lambda: (7.0).__truediv__(0))
show("(7.0).__rtruediv__(0)", lambda: (7.0).__rtruediv__(0))
show("(0.0).__rfloordiv__(7)", lambda: (0.0).__rfloordiv__(7))
show("(0.0).__rmod__(7)", lambda: (0.0).__rmod__(7))

# ---- powers
bases = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 10.0, inf, -inf, nan, 2, -8]
exps = [0.0, -0.0, 1.0, -1.0, 2.0, 3.0, -3.0, 0.5, -0.5, 1/3, 1e300, -1e300, inf, -inf, nan, 1, 2, -1]
for a in bases:
    row = []
    for e in exps:
        try:
            row.append(repr(a ** e))
        except (ZeroDivisionError, OverflowError, ValueError) as exc:
            row.append(type(exc).__name__ + ": " + str(exc))
    print("pow", repr(a), row)
show("10.0 ** 400", lambda: 10.0 ** 400)
show("(-10.0) ** 401", lambda: (-10.0) ** 401)
show("10.0 ** -400", lambda: 10.0 ** -400)
show("2.0 ** 1024", lambda: 2.0 ** 1024)
show("2.0 ** 1023.9999999", lambda: 2.0 ** 1023.9999999)
show("1e308 * 10", lambda: 1e308 * 10)
show("1e308 + 1e308", lambda: 1e308 + 1e308)
show("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
show("pow(2, 3.0, 5)", lambda: pow(2, 3.0, 5))
show("pow(2.0, 3.0, None)", lambda: pow(2.0, 3.0, None))
show("(-8.0) ** (1/3)", lambda: (-8.0) ** (1 / 3))
show("(-1.0) ** 0.5", lambda: (-1.0) ** 0.5)
show("(-2) ** 0.5", lambda: (-2) ** 0.5)
show("0.0 ** -1", lambda: 0.0 ** -1)
show("0 ** -1.0", lambda: 0 ** -1.0)
show("(-0.0) ** -3", lambda: (-0.0) ** -3)
show("2.0 ** 10**400", lambda: 2.0 ** 10**400)
show("0.5 ** 10**400", lambda: 0.5 ** 10**400)

# ---- with big ints
for a, b in [(2**1024, 1.0), (1.0, 2**1024), (2**1023, 2.0), (10**400, 0.5), (1.5, 10**400),
             (2**53 + 1, 0.0), (-(2**1024), 1.0)]:
    for op, f in [("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b),
                  ("/", lambda: a / b), ("//", lambda: a // b), ("%", lambda: a % b),
                  ("**", lambda: a ** b), ("<", lambda: a < b), ("==", lambda: a == b)]:
        show(f"int/float {op} {a % 1000 if isinstance(a, int) else a!r}", f)
for n in [2**53, 2**53 + 1, 2**63, 10**22, 10**23, 2**1023, 3**600]:
    f = float(min(n, 2**1023))
    print("cmp", n == f, n < f, n > f, n + 1 > f, hash(n) == hash(f) if n == f else "-", f == int(f))
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 1e16 + 1, 9007199254740993 / 1, -7 // 2.0, -7 % 2.0)
print(1e300 * 1e10, -1e300 * 1e10, inf - inf, inf * 0, 0 * -1.0, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0))
print(round(0.1 + 0.2, 15), divmod(-0.0, 1.0), divmod(0.0, -1.0), (-1e-320) // 1.0)
