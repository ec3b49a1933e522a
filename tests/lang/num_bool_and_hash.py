# bool(): construction from every kind of object and its errors; bool's
# int methods and operators; and the numeric hash that makes equal numbers
# hash equal across int, float, complex, bool and fractions (checked against
# the formula of the Fraction type, through sys.hash_info).
import sys

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

class Truthy:
    def __bool__(self): return True
class Falsy:
    def __len__(self): return 0
class BadBool:
    def __bool__(self): return 1
class BadLen:
    def __len__(self): return -1
class Raising:
    def __bool__(self): raise KeyError("k")
show("bool()", lambda: bool())
for x in [0, 1, -1, 2**100, 0.0, -0.0, 1e-320, float("nan"), 0j, 1j, "", "a", b"", b"\x00", [], [0],
          (), (0,), {}, {0: 0}, set(), None, Truthy(), Falsy(), object, range(0), range(1)]:
    show(f"bool({type(x).__name__} {x!r})"[:50] if not isinstance(x, (Truthy, Falsy)) else
         f"bool({type(x).__name__})", lambda: bool(x))
show("bool(BadBool())", lambda: bool(BadBool()))
show("bool(BadLen())", lambda: bool(BadLen()))
show("bool(Raising())", lambda: bool(Raising()))
show("bool(x=1)", lambda: bool(x=1))
show("bool(1, 2)", lambda: bool(1, 2))
show("class B(bool)", lambda: type("B", (bool,), {}))
show("bool.__new__(bool, 5)", lambda: bool.__new__(bool, 5))
show("bool.__new__(int, 5)", lambda: bool.__new__(int, 5))
print(bool(1) is True, bool(0) is False, bool("x") is True, type(bool()).__name__)

# ---- bool as an int
for a in [True, False]:
    for b in [True, False, 2, 2.5]:
        print(repr(a), repr(b), a + b, a - b, a * b, a & b if isinstance(b, int) else "-",
              a | b if isinstance(b, int) else "-", a ^ b if isinstance(b, int) else "-",
              a ** b, a == b, a < b)
print(~True, ~False, -True, +True, abs(True), True << 3, True >> 1, True / 2, True // 2, True % 2)
print(True.bit_length(), True.bit_count(), True.to_bytes(), False.to_bytes(2, "little"),
      True.as_integer_ratio(), True.conjugate(), True.real, True.imag, True.numerator,
      True.denominator, True.__round__(), type(True.__round__()).__name__, True.__trunc__(),
      True.__floor__(), True.__ceil__(), True.__index__(), True.__int__(), True.__float__(),
      True.__getnewargs__(), True.__sizeof__(), False.__sizeof__(), round(True, -1))
print(repr(True), str(False), f"{True}", f"{True:d}", f"{True:>6}", "%d" % True, "%s" % False,
      int(True), float(False), complex(True), hash(True), hash(False))
print(bool.from_bytes(b"\x00\x05"), bool.from_bytes(b""), type(bool.from_bytes(b"\x01")).__name__)
print(isinstance(True, int), issubclass(bool, int), bool.__mro__, bool.__base__)
print(sorted(n for n in dir(bool) if n not in dir(int)), sorted(n for n in dir(int) if n not in dir(bool)))

# ---- the numeric hash
M = sys.hash_info.modulus
def fraction_hash(n, d):
    # What fractions.Fraction.__hash__ computes for n/d in lowest terms.
    try:
        dinv = pow(d, -1, M)
    except ValueError:
        h = sys.hash_info.inf
    else:
        h = hash(hash(abs(n)) * dinv)
    h = h if n >= 0 else -h
    return -2 if h == -1 else h
values = [0, 1, -1, 2, -2, 7, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -2**61, 2**64, 10**20,
          -(10**20), 2**100, 3**200, -(3**200), 0.5, -0.5, 0.25, 1.5, 0.1, -0.1, 1e-300, 5e-324,
          1e300, -1e300, 2.0**61, 2.0**-61, 2.0**60 * 3, 1.7976931348623157e308]
for v in values:
    n, d = v.as_integer_ratio()
    print("hash", repr(v), hash(v), hash(v) == fraction_hash(n, d), hash(complex(v)) == hash(v),
          hash(-v) == -hash(v) or hash(v) == -2 or hash(-v) == -2)
for v in [1, 2, 3, 100, 2**53, 2**60 + 1]:
    print("equal", v, hash(v) == hash(float(v)) == hash(complex(v, 0)), hash(True) == hash(1))
print(hash(float("inf")), hash(float("-inf")), hash(sys.hash_info.inf), hash(-1), hash(-1.0), hash(-2),
      hash(complex(1, 1)), hash(complex(0, 1)), hash(1.5 + 2j), hash(-1.5 - 2j))
print(sys.hash_info.width, M, sys.hash_info.inf, sys.hash_info.imag)
n = float("nan")
print(hash(n) == hash(n), {n: 1}[n], len({float("nan"), float("nan")}), len({1, 1.0, 1 + 0j, True}))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
d[1 + 0j] = "complex"
print(d, {0.5: 1}[1 / 2], {2**61: "a"}[2.0**61], {10**30: "b"}.get(1e30))
