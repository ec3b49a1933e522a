# float(): the text syntax (correctly rounded decimal parsing, inf/nan in any
# case, underscores, white space, Unicode digits), __float__/__index__, the
# errors and their messages, subclasses.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

show("float()", lambda: float())
for x in [0, -0, 1, -1, 2**53, 2**53 + 1, 2**63, 2**1023 * 2 - 1, 2**1024 - 2**970 - 1,
          2**1024 - 2**970, 10**400, -(10**400), True, False]:
    show(f"float(int {x % 1000})", lambda: float(x))
for x in [0.0, -0.0, 1.5, 1e308, 5e-324, float("inf"), float("nan")]:
    show(f"float({x!r})", lambda: float(x))

texts = ["0", "-0", "+0.0", "1", "1.", ".5", "-.5", "1.5e3", "1.5E-3", "1e+3", "1e", "1e+", "e5",
         ".", "-", "+", "", "  ", " 1.5 ", "\t\n1.5\r\x0b\x0c", "1 .5", "1. 5", "--1", "+-1",
         "0.1", "0.30000000000000004", "2.2250738585072011e-308", "2.2250738585072014e-308",
         "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
         "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
         "-1e309", "1e-400", "-1e-400", "9007199254740993", "9007199254740995",
         "0.1000000000000000055511151231257827021181583404541015625",
         "0." + "0" * 400 + "1", "1" + "0" * 400, "1" + "0" * 308, "123456789" * 40,
         "inf", "-inf", "+inf", "INF", "Inf", "infinity", "-Infinity", "iNfInItY", "infinit", "infinityy",
         "in f", "nan", "-nan", "+NaN", "NAN", "nan(1)", "nanx", "-nan ", "inf_", "_inf",
         "1_000", "1_000.000_1", "1e1_0", "1_e10", "1e_10", "1._5", "1_.5", "_1", "1_", "1__0",
         "0x1p3", "0x10", "1,5", "1.5f", "١٫٥", "١.٥", "１.５", "\u00a01.5\u2003", "\u20281",
         "𝟏.𝟓", "é", "1\x00", "\x00", "\x1c1", "\ud800", "x" * 300, "é" * 220]
for s in texts:
    show(f"float({s[:24]!r})", lambda: float(s))
for b in [b"1.5", b" -2.5e3\n", b"inf", b"1_0", b"x", b"", b"\xff", b"1\x00", b"x" * 250]:
    show(f"float({b[:24]!r})", lambda: float(b))

# ---- protocols and errors
class F:
    def __init__(self, v): self.v = v
    def __float__(self): return self.v
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Both:
    def __float__(self): return 1.5
    def __index__(self): return 7
class MyFloat(float):
    pass
class MyInt(int):
    pass
show("float(F(2.5))", lambda: float(F(2.5)))
show("float(F(2))", lambda: float(F(2)))
show("float(F('2'))", lambda: float(F("2")))
show("float(I(7))", lambda: float(I(7)))
show("float(I(10**400))", lambda: float(I(10**400)))
show("float(I(7.5))", lambda: float(I(7.5)))
show("float(Both())", lambda: float(Both()))
show("float(MyInt(3))", lambda: float(MyInt(3)))
def quietly(expr, **names):
    ns = {"__name__": "quiet"}
    ns.update(names)
    exec("r = " + expr, ns)
    return ns["r"]
show("float(F(MyFloat(2.5)))", lambda: quietly("float(F(MyFloat(2.5)))", F=F, MyFloat=MyFloat))
for bad in [None, [], (), {}, 1j, object(), int]:
    show(f"float({type(bad).__name__})", lambda: float(bad))
show("float(x=1)", lambda: float(x=1))
show("float(1, 2)", lambda: float(1, 2))
show("float('1', foo=2)", lambda: float("1", foo=2))

# ---- subclasses
class S(str):
    pass
class SF(str):
    def __float__(self): return 9.0
show("float(S('1.5'))", lambda: float(S("1.5")))
show("float(SF('1.5'))", lambda: float(SF("1.5")))
for args in [(), (1.5,), ("-2.5",), (7,), (10**20,), (float("nan"),), (MyFloat(3.25),)]:
    show(f"MyFloat{args}", lambda: MyFloat(*args))
m = MyFloat(2.5)
m.unit = "kg"
print(m.unit, m, repr(m), m + 1, type(m + 1).__name__, -m, type(abs(m)).__name__, m == 2.5,
      hash(m) == hash(2.5), float(m), type(float(m)).__name__, m.is_integer(), m.hex())
show("MyFloat('x')", lambda: MyFloat("x"))
show("MyFloat(1, 2)", lambda: MyFloat(1, 2))
class Celsius(float):
    def __new__(cls, v=0.0):
        return super().__new__(cls, v + 0.5)
print(Celsius(1), type(Celsius(1)).__name__, Celsius())
print(float.__new__(MyFloat, "1e3"), type(float.__new__(MyFloat, 2)).__name__)
show("float.__new__(int)", lambda: float.__new__(int, 2))
for s in ["1.1", "2.675", "1e22", "1e23", "8.98846567431158e307", "3.141592653589793238462643383279"]:
    v = float(s)
    print(s, repr(v), v.hex(), float(repr(v)) == v)
