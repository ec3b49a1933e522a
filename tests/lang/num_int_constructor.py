# int(): every argument form, the text syntax (signs, white space, bases,
# prefixes, underscores, Unicode digits), the conversions through __int__,
# __index__ and __trunc__, the errors and their exact messages, subclasses.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

# ---- no argument, ints, floats, bools
show("int()", lambda: int())
show("int(base=10)", lambda: int(base=10))
for x in [0, 7, -7, 2**62, -2**62 - 1, 2**63, 10**30, -10**30, True, False]:
    show(f"int({x!r})", lambda: int(x))
for x in [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e15 + 0.5, 2.0**62, 2.0**63, 1e100, -1e300,
          5e-324, float("inf"), float("-inf"), float("nan")]:
    show(f"int({x!r})", lambda: int(x))

# ---- text in base 10
for s in ["0", "12", "-12", "+12", " 12 ", "\t\n12\r\x0b\x0c", "007", "1_000", "1_0_0",
          "-1_2", "_12", "12_", "1__2", "1 2", "", " ", "+", "-", "+-1", "--1", "- 1",
          "1.5", "1e5", "0x10", "12abc", "٣", "١٢", "１２３", "\u00a012\u2003", "\u20281",
          "𝟏𝟐", "x" * 300, "é" * 250, "1\x00", "\x00", "\x1c1", "\ud800", "9" * 100,
          "-" + "9" * 40, "0" * 50, "٣x", "1٣_٣"]:
    show(f"int({s[:20]!r})", lambda: int(s))

# ---- explicit bases and base 0
cases = [("ff", 16), ("FF", 16), ("0xff", 16), ("0XfF", 16), ("0x_ff", 16), ("0x__ff", 16),
         ("0x", 16), ("x", 16), ("777", 8), ("0o777", 8), ("0O7", 8), ("8", 8), ("101", 2),
         ("0b101", 2), ("0B1", 2), ("2", 2), ("zz", 36), ("ZZ", 36), ("z", 35), ("10", 3),
         ("0b1", 16), ("0o1", 16), ("0x1", 8), ("0x1", 0), ("0o17", 0), ("0b11", 0), ("17", 0),
         ("017", 0), ("00", 0), ("0_0", 0), ("-0", 0), ("0_1", 0), ("0", 0), ("  -0x_a  ", 0),
         ("0x_", 0), ("0_", 0), ("1_000", 0), ("0e1", 0), ("12", 1), ("12", 37), ("12", -1),
         ("12", 2**70), ("12", -2**70), (" 1 ", 5), ("1" * 70, 2), ("f" * 40, 16),
         ("-" + "7" * 30, 8), ("z" * 30, 36)]
for s, b in cases:
    show(f"int({s[:20]!r}, {b})", lambda: int(s, b))
show("int('12', base=0)", lambda: int("12", base=0))
show("int('12', True)", lambda: int("12", True))
show("int('12', 2.0)", lambda: int("12", 2.0))
show("int('12', None)", lambda: int("12", None))
show("int('12', '10')", lambda: int("12", "10"))

# ---- bytes
for b in [b"12", b" -12\n", b"0x1f", b"1_0", b"1x", b"", b"\xff", b"x" * 300, b"1\x00"]:
    show(f"int({b[:20]!r})", lambda: int(b))
show("int(b'0x1f', 0)", lambda: int(b"0x1f", 0))
show("int(b'z', 36)", lambda: int(b"z", 36))

# ---- wrong types and argument errors
for bad in [None, [], (), {}, 1j, object, "12".encode, 3 + 0j]:
    show(f"int({type(bad).__name__})", lambda: int(bad))
show("int(1, 10)", lambda: int(1, 10))
show("int(1.5, 10)", lambda: int(1.5, 10))
show("int(None, 10)", lambda: int(None, 10))
show("int(x=1)", lambda: int(x=1))
show("int('1', 2, 3)", lambda: int("1", 2, 3))
show("int('1', foo=2)", lambda: int("1", foo=2))
show("int('1', base=2, foo=1)", lambda: int("1", base=2, foo=1))

# ---- conversion protocols
class WithInt:
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
class WithIndex:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class WithBoth:
    def __int__(self): return 1
    def __index__(self): return 2
class WithFloat:
    def __float__(self): return 2.5
class MyInt(int):
    pass
show("int(WithInt(5))", lambda: int(WithInt(5)))
show("int(WithInt(5.5))", lambda: int(WithInt(5.5)))
show("int(WithInt('5'))", lambda: int(WithInt("5")))
show("int(WithIndex(9))", lambda: int(WithIndex(9)))
show("int(WithIndex(9.0))", lambda: int(WithIndex(9.0)))
show("int(WithBoth())", lambda: int(WithBoth()))
show("int(WithFloat())", lambda: int(WithFloat()))

# __trunc__ (deprecated in 3.11: called from a module that is not __main__,
# so that CPython's DeprecationWarning stays filtered)
class WithTrunc:
    def __init__(self, v): self.v = v
    def __trunc__(self): return self.v
quiet = {"__name__": "quiet", "int": int}
def via_trunc(v):
    quiet["x"] = WithTrunc(v)
    exec("r = int(x)", quiet)
    return quiet["r"]
# (results of a strict int subclass are deprecated too)
def quietly(expr, **names):
    ns = {"__name__": "quiet"}
    ns.update(names)
    exec("r = " + expr, ns)
    return ns["r"]
show("int(WithInt(True))", lambda: quietly("int(WithInt(True))", WithInt=WithInt))
show("int(WithInt(MyInt(6)))", lambda: quietly("int(WithInt(MyInt(6)))", WithInt=WithInt, MyInt=MyInt))
show("int(WithIndex(MyInt(3)))", lambda: quietly("int(WithIndex(MyInt(3)))", WithIndex=WithIndex, MyInt=MyInt))
show("trunc 8", lambda: via_trunc(8))
show("trunc MyInt", lambda: via_trunc(MyInt(4)))
show("trunc WithIndex", lambda: via_trunc(WithIndex(11)))
show("trunc 1.5", lambda: via_trunc(1.5))
show("trunc 'x'", lambda: via_trunc("x"))

class Raises:
    def __int__(self): raise RuntimeError("no int")
show("int(Raises())", lambda: int(Raises()))

# ---- str subclasses and subclasses of int
class S(str):
    pass
class SI(str):
    def __int__(self): return 99
show("int(S('42'))", lambda: int(S("42")))
class RS(str):
    def __repr__(self): return "RS!"
show("int(RS('x'))", lambda: int(RS("x")))
show("float(RS('x'))", lambda: float(RS("x")))
show("complex(RS('1__0'))", lambda: complex(RS("1__0")))
show("int(SI('42'))", lambda: int(SI("42")))
show("int(SI('42'), 10)", lambda: int(SI("42"), 10))
show("int(MyInt(5))", lambda: int(MyInt(5)))
for args in [(), (5,), ("-17",), ("ff", 16), (2**100,), (-2**100,), (True,), (3.9,)]:
    show(f"MyInt{args}", lambda: MyInt(*args))
    try:
        m = MyInt(*args)
        print("  ", type(m).__name__, m + 0, m == int(m), hash(m) == hash(int(m)), m.bit_length())
    except Exception as e:
        print("  ", type(e).__name__, e)
m = MyInt(12)
m.tag = "t"
print(m.tag, m, repr(m), str(m), m * 2, type(m * 2).__name__, -m, type(+m).__name__)
show("MyInt('x')", lambda: MyInt("x"))
show("MyInt(x=1)", lambda: MyInt(x=1))
class Big(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 10)
print(Big(3), type(Big(3)).__name__, Big(2**70) // 10 == 2**70)
print(int.__new__(MyInt, 7), type(int.__new__(MyInt, 7)).__name__)
show("int.__new__(str)", lambda: int.__new__(str, 7))
print(int("1" * 20) + 1, int("-" + "9" * 25) - 1)
