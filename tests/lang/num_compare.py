# The six comparisons across int, bool, float and complex (exact between
# ints and floats however big, NaN unordered, complex only == and !=), and
# through the dunder methods with NotImplemented.

inf, nan = float("inf"), float("nan")
values = [0, 1, -1, True, False, 2**53, 2**53 + 1, -(2**53) - 1, 2**63, 10**400, -(10**400), 0.0, -0.0,
          1.0, 0.5, 2.0**53, 9007199254740992.0, 1e308, -1e308, inf, -inf, nan, 0j, 1 + 0j, 1j,
          complex(2**53, 0), complex(nan, 0)]

def cmp_row(a):
    out = []
    for b in values:
        cell = ""
        for op, f in (("<", lambda: a < b), ("<=", lambda: a <= b), ("==", lambda: a == b),
                      ("!=", lambda: a != b), (">", lambda: a > b), (">=", lambda: a >= b)):
            try:
                cell += "1" if f() else "0"
            except TypeError:
                cell += "T"
        out.append(cell)
    return " ".join(out)

for a in values:
    print(f"{a!r:>24}"[-24:] if not isinstance(a, int) or abs(a) < 10**20 else f"{'big':>24}", cmp_row(a))

for a, b in [(1, 1.0), (1, 1 + 0j), (2**63, 2.0**63), (2**63 + 1, 2.0**63), (10**400, inf)]:
    print(a.__eq__(b), a.__lt__(b), a.__ne__(b), b.__eq__(a), b.__ne__(a))
print((1).__lt__(1.5), (1.5).__gt__(1), (1j).__lt__(2j), (1j).__eq__("x"), (1).__le__(None),
      (1.5).__ge__("a"), (True).__gt__(False), (2.5).__eq__(2.5))
for bad in [(lambda: 1 < "a"), (lambda: 1.5 >= None), (lambda: 1j < 1j), (lambda: 1j > 0),
            (lambda: True <= [])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(sorted([3, 1.5, True, -2, 2**70, -0.5, False, 10**400 // 10**399]),
      max(1, 1.0), max(1.0, 1), min(0, -0.0, False), sorted([nan, 1, 0])[1:] == [1] or "nan-order")
