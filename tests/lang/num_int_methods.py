# Every method and attribute of int (and of bool through int), with
# ordinary, edge (zero, negative, huge) and wrong-type arguments.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

class MyInt(int):
    pass

values = [0, 1, -1, 5, -5, 255, 256, -256, 2**31, 2**62 - 1, 2**62, -2**62, 2**63, -2**63,
          2**64 - 1, 2**64, 3**100, -(7**80), True, False, MyInt(-9), MyInt(2**70)]

for v in values:
    print("value", v, type(v).__name__)
    show("  bit_length", lambda: v.bit_length())
    show("  bit_count", lambda: v.bit_count())
    show("  as_integer_ratio", lambda: v.as_integer_ratio())
    show("  conjugate", lambda: v.conjugate())
    show("  real", lambda: v.real)
    show("  imag", lambda: v.imag)
    show("  numerator", lambda: v.numerator)
    show("  denominator", lambda: v.denominator)
    show("  __trunc__", lambda: v.__trunc__())
    show("  __floor__", lambda: v.__floor__())
    show("  __ceil__", lambda: v.__ceil__())
    show("  __index__", lambda: v.__index__())
    show("  __int__", lambda: v.__int__())
    show("  __float__", lambda: v.__float__())
    show("  __abs__", lambda: v.__abs__())
    show("  __neg__", lambda: v.__neg__())
    show("  __pos__", lambda: v.__pos__())
    show("  __invert__", lambda: v.__invert__())
    show("  __bool__", lambda: v.__bool__())
    show("  __getnewargs__", lambda: v.__getnewargs__())
    show("  __sizeof__", lambda: v.__sizeof__())
    show("  __round__()", lambda: v.__round__())
    show("  __round__(2)", lambda: v.__round__(2))
    show("  __round__(-1)", lambda: v.__round__(-1))
    show("  __round__(-3)", lambda: v.__round__(-3))
    show("  round(v, -2)", lambda: round(v, -2))
    show("  round(v)", lambda: round(v))
    show("  __divmod__(7)", lambda: v.__divmod__(7))
    show("  __rdivmod__(7)", lambda: v.__rdivmod__(7))
    show("  __format__('')", lambda: v.__format__(""))
    show("  __format__('x')", lambda: v.__format__("x"))
    show("  hash", lambda: hash(v))

# ---- argument errors of the argument-less methods
for name in ["bit_length", "bit_count", "as_integer_ratio", "conjugate", "__trunc__",
             "__floor__", "__ceil__", "__getnewargs__", "__sizeof__"]:
    show(f"{name}(1)", lambda: getattr(5, name)(1))
    show(f"{name}(x=1)", lambda: getattr(5, name)(x=1))
show("int.bit_length()", lambda: int.bit_length())
show("int.bit_length('a')", lambda: int.bit_length("a"))
show("int.bit_length(7)", lambda: int.bit_length(7))
show("int.bit_length(True)", lambda: int.bit_length(True))
show("real = 1", lambda: setattr(5, "real", 1))
show("del numerator", lambda: delattr(5, "numerator"))

# ---- __round__
for v in [0, 5, 14, 15, 16, 25, 35, -15, -25, -35, 149, 150, 151, 250, 350, -250, 10**20 + 5 * 10**9,
          2**100, -(2**100)]:
    print("round", v, [v.__round__(n) for n in (1, 0, -1, -2, -10, -30)])
show("__round__(None)", lambda: (5).__round__(None))
show("__round__(1.0)", lambda: (5).__round__(1.0))
show("__round__('1')", lambda: (5).__round__("1"))
show("__round__(1, 2)", lambda: (5).__round__(1, 2))
show("__round__(ndigits=1)", lambda: (5).__round__(ndigits=1))
show("__round__(True)", lambda: (15).__round__(True))
show("__round__(MyInt(-1))", lambda: (15).__round__(MyInt(-1)))
show("__round__(2**100)", lambda: (15).__round__(2**100))
show("round(15, None)", lambda: round(15, None))
show("round(15, -1)", lambda: round(15, -1))
show("round(MyInt(15), -1)", lambda: round(MyInt(15), -1))

# ---- __divmod__ / __rdivmod__
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2**70, 3), (-2**70, 3), (7, 2**70),
             (-7, 2**70), (True, 2), (7, True), (7, 0), (7, 2.0), (7, "a"), (7, None)]:
    show(f"{a!r}.__divmod__({b!r})", lambda: a.__divmod__(b))
    show(f"{a!r}.__rdivmod__({b!r})", lambda: a.__rdivmod__(b))
    show(f"divmod({a!r}, {b!r})", lambda: divmod(a, b))
show("__divmod__()", lambda: (5).__divmod__())
show("__divmod__(1, 2)", lambda: (5).__divmod__(1, 2))
show("__divmod__(x=1)", lambda: (5).__divmod__(x=1))
show("__rdivmod__()", lambda: (5).__rdivmod__())

# ---- to_bytes
cases = [(0, ()), (5, ()), (255, ()), (256, ()), (-1, ()), (0, (0,)), (1, (0,)), (5, (2,)),
         (5, (2, "little")), (5, (2, "big")), (65535, (2,)), (65536, (2,)), (2**64, (9, "little")),
         (2**64, (8,)), (-5, (2,)), (7, (-1,)), (7, (2, "middle")), (7, (2, "Big")),
         (7, (2, 5)), (7, (2.0,)), (7, ("2",)), (7, (2**70,)), (7, (-2**70,)), (7, (1, "big", True)),
         (True, ()), (MyInt(300), (2,)), (3**50, (10,)), (3**50, (11, "little"))]
for v, args in cases:
    show(f"{v!r}.to_bytes{args}", lambda: v.to_bytes(*args))
for v, n in [(-1, 1), (-128, 1), (-129, 1), (127, 1), (128, 1), (-32768, 2), (-32769, 2),
             (-2**63, 8), (-2**63 - 1, 8), (2**63 - 1, 8), (2**63, 8), (-2**64, 9), (-(3**50), 10),
             (0, 0), (-1, 0)]:
    show(f"{v}.to_bytes({n}, signed=True)", lambda: v.to_bytes(n, signed=True))
    show(f"{v}.to_bytes({n}, 'little', signed=True)", lambda: v.to_bytes(n, "little", signed=True))
show("to_bytes(length=3, byteorder='little')", lambda: (5).to_bytes(length=3, byteorder="little"))
show("to_bytes(byteorder=None)", lambda: (5).to_bytes(byteorder=None))
show("to_bytes(signed=1)", lambda: (-5).to_bytes(signed=1))
show("to_bytes(signed=[])", lambda: (-5).to_bytes(signed=[]))
show("to_bytes(foo=1)", lambda: (5).to_bytes(foo=1))
show("to_bytes(2, length=2)", lambda: (5).to_bytes(2, length=2))

# ---- from_bytes (a classmethod)
for data, args in [(b"", ()), (b"\x01\x00", ()), (b"\x01\x00", ("little",)), (b"\xff", ()),
                   (b"\xff", ("big", )), (b"\x00\x00\x01", ()), (b"\xff" * 9, ()),
                   (b"\x01" + b"\x00" * 16, ()), ([1, 2, 3], ()), ((255,), ()), (range(3), ()),
                   (b"\x00" * 20, ()), ("ab", ()), (5, ()), (None, ()),
                   ([256], ()), ([-1], ()), ([1.0], ()), (b"\x01", ("x",)), (b"\x01", (None,)),
                   (b"\x01", ("big", True))]:
    show(f"from_bytes({data!r}, {args})", lambda: int.from_bytes(data, *args))
for data in [b"\xff", b"\x80", b"\x7f", b"\x80\x00", b"\xff\xff", b"\x00\xff", b"\xff" * 8,
             b"\x80" + b"\x00" * 7, b"\xfe" + b"\xff" * 8, b"\x80" + b"\x00" * 20]:
    show(f"from_bytes({data!r}, signed)", lambda: int.from_bytes(data, signed=True))
    show(f"from_bytes({data!r}, little, signed)", lambda: int.from_bytes(data, "little", signed=True))
show("from_bytes(iter)", lambda: int.from_bytes(iter([7, 8])))
show("from_bytes()", lambda: int.from_bytes())
show("from_bytes(bytes=b'\\x02')", lambda: int.from_bytes(bytes=b"\x02"))
show("from_bytes(b'', foo=1)", lambda: int.from_bytes(b"", foo=1))
show("bool.from_bytes(b'\\x01')", lambda: bool.from_bytes(b"\x01"))
show("bool.from_bytes(b'\\x00')", lambda: bool.from_bytes(b"\x00"))
show("MyInt.from_bytes", lambda: MyInt.from_bytes(b"\x01\x02"))
show("(5).from_bytes", lambda: (5).from_bytes(b"\x03"))
class HasBytes:
    def __bytes__(self): return b"\x01\x01"
class BadBytes:
    def __bytes__(self): return "no"
show("from_bytes(HasBytes())", lambda: int.from_bytes(HasBytes()))
show("from_bytes(BadBytes())", lambda: int.from_bytes(BadBytes()))
for v in [0, 1, 255, 2**64 + 1, 3**77]:
    n = (v.bit_length() + 7) // 8
    print("roundtrip", v == int.from_bytes(v.to_bytes(n, "little"), "little"),
          -v == int.from_bytes((-v).to_bytes(n + 1, signed=True), signed=True))

# ---- the descriptors themselves
print(type(int.__dict__["real"]).__name__, type(int.__dict__["bit_length"]).__name__,
      type(int.__dict__["from_bytes"]).__name__, type(int.__dict__["__round__"]).__name__)
print(int.real.__get__(7), int.__round__(17, -1), int.__trunc__(True))
print(sorted(n for n in dir(int) if not n.startswith("__")))
print(sorted(n for n in dir(bool) if not n.startswith("__")))
