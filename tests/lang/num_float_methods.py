# Every method and attribute of float: as_integer_ratio, is_integer, hex,
# fromhex, conjugate, real/imag, __round__ (round() with and without
# ndigits), __trunc__/__floor__/__ceil__, __int__, __getformat__,
# __getnewargs__, __divmod__, with edge and wrong-type arguments.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

class MyFloat(float):
    pass

inf, nan = float("inf"), float("nan")
values = [0.0, -0.0, 0.5, -0.5, 1.0, 1.5, 2.5, -2.5, 3.5, 0.1, -0.1, 1e16, 1e22, 2.0**52 + 0.5,
          2.0**53, 2.0**63, 1e300, -1e300, 1.7976931348623157e308, 5e-324, -5e-324,
          2.2250738585072014e-308, 2.225073858507201e-308, 123.456, inf, -inf, nan, MyFloat(7.25)]
for v in values:
    print("value", repr(v), type(v).__name__)
    show("  as_integer_ratio", lambda: v.as_integer_ratio())
    show("  is_integer", lambda: v.is_integer())
    show("  hex", lambda: v.hex())
    show("  fromhex(hex)", lambda: float.fromhex(v.hex()))
    show("  conjugate", lambda: v.conjugate())
    show("  real", lambda: v.real)
    show("  imag", lambda: v.imag)
    show("  __trunc__", lambda: v.__trunc__())
    show("  __floor__", lambda: v.__floor__())
    show("  __ceil__", lambda: v.__ceil__())
    show("  __int__", lambda: v.__int__())
    show("  __float__", lambda: v.__float__())
    show("  __abs__", lambda: v.__abs__())
    show("  __neg__", lambda: v.__neg__())
    show("  __bool__", lambda: v.__bool__())
    show("  __getnewargs__", lambda: v.__getnewargs__())
    show("  __sizeof__", lambda: v.__sizeof__())
    show("  __round__()", lambda: v.__round__())
    show("  __round__(None)", lambda: v.__round__(None))
    show("  round(v, 0)", lambda: round(v, 0))
    show("  round(v, 1)", lambda: round(v, 1))
    show("  round(v, 2)", lambda: round(v, 2))
    show("  round(v, -1)", lambda: round(v, -1))
    show("  round(v, -2)", lambda: round(v, -2))
    show("  round(v, 400)", lambda: round(v, 400))
    show("  round(v, -400)", lambda: round(v, -400))
    show("  __divmod__(0.75)", lambda: v.__divmod__(0.75))
    show("  __rdivmod__(10)", lambda: v.__rdivmod__(10))
    show("  hash", lambda: hash(v) if v == v else "nan")

# ---- round: ties to even on the exact binary value
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005, 0.285, 1234.5, 1235.0, 1245.0,
          -1245.0, 5e-324, 1e-320, 1.7976931348623157e308, 9.5, 10.5, 4503599627370497.5]:
    def r(n):
        try:
            return round(x, n)
        except OverflowError as e:
            return str(e)
    print("round", repr(x), [r(n) for n in (0, 1, 2, 3, 5, 10, 17, 300, 323, 324)],
          [r(n) for n in (-1, -2, -3, -5, -100, -300, -308, -309)], round(x))
show("round(1.7976931348623157e308, -308)", lambda: round(1.7976931348623157e308, -308))
show("round(-1.7976931348623157e308, -308)", lambda: round(-1.7976931348623157e308, -308))
show("round(9.5e307, -307)", lambda: round(9.5e307, -307))
show("round(inf)", lambda: round(inf))
show("round(-inf)", lambda: round(-inf))
show("round(nan)", lambda: round(nan))
show("round(inf, 2)", lambda: round(inf, 2))
show("round(nan, -2)", lambda: round(nan, -2))
show("round(1.5, 10**30)", lambda: round(1.5, 10**30))
show("round(1.5, -10**30)", lambda: round(1.5, -10**30))
show("round(-1.5, -10**30)", lambda: round(-1.5, -10**30))
show("round(2.5, True)", lambda: round(2.5, True))
show("round(2.5, 1.0)", lambda: round(2.5, 1.0))
show("round(2.5, '1')", lambda: round(2.5, "1"))
show("(2.5).__round__(1, 2)", lambda: (2.5).__round__(1, 2))
show("(2.5).__round__(ndigits=1)", lambda: (2.5).__round__(ndigits=1))
show("round(MyFloat(2.5))", lambda: round(MyFloat(2.5)))
show("round(MyFloat(2.567), 2)", lambda: round(MyFloat(2.567), 2))
show("round(1e22)", lambda: round(1e22))
show("round(-0.4)", lambda: round(-0.4))
show("round(-0.4, 0)", lambda: round(-0.4, 0))
show("round(number=2.5)", lambda: round(number=2.5))
show("round(2.5, ndigits=None)", lambda: round(2.5, ndigits=None))

# ---- fromhex
for s in ["0x1p0", "0x1.8p1", "-0x1p-2", "0X1.FFFFFFFFFFFFFP+1023", "0x1.fffffffffffff8p1023",
          "0x1.fffffffffffff7ffffp1023", "0x1p1024", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075",
          "0x3p-1076", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080001p0",
          "1", "1.", ".8", "a", "-.8p1", "0x", "0x.", "0x.p1", "0xp1", "0x1p", "0x1p+", "0x1p-",
          "0x1 p1", "  0x1p1  ", "\t-0x10\n", "0x1P+1", "0x1_0", "0xg", "inf", "-Infinity", "nan",
          "+nan", "-inf ", "infx", "0x0p999999999999999999999", "0x1p999999999999999999999",
          "0x1p-999999999999999999999", "0x0.0000000000000000000000000000001p100", "0x" + "f" * 300,
          "0x" + "0" * 300 + "1", "0x1." + "0" * 300 + "1p0", "", " ", "1\x00", "٣", "0x1p1 x",
          "0x1p5000 x", "-0x0p0", "0x1e", "1e1", "0x.1", "0x1.p1", "1023P10741000000000000010",
          "1023P10748800000000000001inf", "0x1p-10741000000000000010", "1p4611686018427387904",
          "1p-4611686018427387904", "0x0p99999999999999999999999x", "0x1p4611686018427387903"]:
    show(f"fromhex({s[:30]!r})", lambda: float.fromhex(s))
show("fromhex(5)", lambda: float.fromhex(5))
show("fromhex(b'0x1p1')", lambda: float.fromhex(b"0x1p1"))
show("fromhex()", lambda: float.fromhex())
show("fromhex('1', '2')", lambda: float.fromhex("1", "2"))
show("fromhex(string='1')", lambda: float.fromhex(string="1"))
show("MyFloat.fromhex('0x1p1')", lambda: MyFloat.fromhex("0x1p1"))
show("(1.5).fromhex('0x1p1')", lambda: (1.5).fromhex("0x1p1"))
class Loud(float):
    def __new__(cls, v):
        print("Loud.__new__", v)
        return super().__new__(cls, v)
show("Loud.fromhex('0x3p0')", lambda: Loud.fromhex("0x3p0"))

# ---- the rest
show("__getformat__('double')", lambda: float.__getformat__("double"))
show("__getformat__('float')", lambda: float.__getformat__("float"))
show("__getformat__('x')", lambda: float.__getformat__("x"))
show("__getformat__(1)", lambda: float.__getformat__(1))
show("__getformat__(None)", lambda: float.__getformat__(None))
show("__getformat__()", lambda: float.__getformat__())
for name in ["as_integer_ratio", "is_integer", "hex", "conjugate", "__trunc__", "__floor__",
             "__ceil__", "__getnewargs__", "__sizeof__"]:
    show(f"{name}(1)", lambda: getattr(1.5, name)(1))
    show(f"{name}(x=1)", lambda: getattr(1.5, name)(x=1))
show("float.hex(1)", lambda: float.hex(1))
show("float.is_integer(True)", lambda: float.is_integer(True))
show("real = 1", lambda: setattr(1.5, "real", 1))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (7.5, 0), (7.5, 0.0), (0.0, -1.0),
             (-0.0, 1.0), (1e308, 1e-308), (5, 0.75), (inf, 1.0), (1.0, inf), (-1.0, inf),
             (nan, 1.0), (7.5, "a"), (7.5, None), (2**1024, 1.5), (1.5, 2**1024), (True, 0.5)]:
    show(f"divmod({a!r}, {b!r})", lambda: divmod(a, b))
    if isinstance(a, float):
        show(f"  {a!r}.__divmod__({b!r})", lambda: a.__divmod__(b))
        show(f"  {a!r}.__rdivmod__({b!r})", lambda: a.__rdivmod__(b))
show("(1.5).__divmod__()", lambda: (1.5).__divmod__())
show("(1.5).__divmod__(x=1)", lambda: (1.5).__divmod__(x=1))
print(type(float.__dict__["real"]).__name__, type(float.__dict__["fromhex"]).__name__,
      type(float.__dict__["__getformat__"]).__name__, type(float.__dict__["hex"]).__name__)
print(sorted(n for n in dir(float) if not n.startswith("__")))
class Slotted(float):
    __slots__ = ()
print(Slotted(1.5).__sizeof__(), (1.5).__sizeof__())
