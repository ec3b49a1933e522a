# complex(): every argument form (real and imag parts that are themselves
# complex, __complex__, __float__, __index__), the text syntax, the errors;
# the methods and attributes; arithmetic errors.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

inf, nan = float("inf"), float("nan")
show("complex()", lambda: complex())
for args in [(1,), (1.5,), (-0.0,), (True,), (2**70,), (10**400,), (1, 2), (1.5, -2.5), (0, -0.0),
             (-0.0, 0), (1j,), (1j, 1j), (1 + 2j, 3 + 4j), (1.5, 2j), (2j, 1.5), (inf, nan),
             (nan, inf), (1, 10**400), (True, False), (3, None), (None, 3), ("1", 2), (1, "2"),
             ([], 1), (1, []), (1j, "x"), ("x", 1j)]:
    show(f"complex{args!r}"[:60], lambda: complex(*args))
show("complex(real=1, imag=2)", lambda: complex(real=1, imag=2))
show("complex(imag=2)", lambda: complex(imag=2))
show("complex(real='1+2j')", lambda: complex(real="1+2j"))
show("complex('1', imag=0)", lambda: complex("1", imag=0))
show("complex(1, 2, 3)", lambda: complex(1, 2, 3))
show("complex(1, real=2)", lambda: complex(1, real=2))
show("complex(x=1)", lambda: complex(x=1))
show("complex(b'1')", lambda: complex(b"1"))

texts = ["1", "-1.5", "1j", "-1j", "j", "-j", "+j", "J", "2J", "1+2j", "1-2j", "1+j", "1-j",
         "-1.5e3+2.5e-3j", "1e5j", "(1+2j)", " (1+2j) ", "( 1+2j )", "(\t1-2j\n)", "((1))", "(1",
         "1)", "()", "", " ", "1 + 2j", "1+ 2j", "1 +2j", "1+2 j", "1+2jj", "1+1", "1j+1", "+1-1j",
         "inf", "-infj", "infj", "nan", "nanj", "nan+nanj", "-inf-infj", "infinity+infinityj",
         "1e500+1e500j", "1e-500j", "1_0", "1_0j", "1_0+2_0j", "1_j", "_1j", "1__0j", "1e1_0j",
         "١+٢j", "１j", "\u00a01j\u2003", "é", "1\x00", "x" * 100, "0x1", "1.j", ".5j", "1.e1j"]
for s in texts:
    show(f"complex({s[:20]!r})", lambda: complex(s))

# ---- protocols
class C:
    def __init__(self, v): self.v = v
    def __complex__(self): return self.v
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class CF:
    def __complex__(self): return 1 + 1j
    def __float__(self): return 9.0
class MyComplex(complex):
    pass
show("complex(C(1+2j))", lambda: complex(C(1 + 2j)))
show("complex(C(1.5))", lambda: complex(C(1.5)))
show("complex(C('x'))", lambda: complex(C("x")))
show("complex(C(1+2j), 1)", lambda: complex(C(1 + 2j), 1))
show("complex(1, C(1+2j))", lambda: complex(1, C(1 + 2j)))
show("complex(F())", lambda: complex(F()))
show("complex(F(), F())", lambda: complex(F(), F()))
show("complex(I())", lambda: complex(I()))
show("complex(CF())", lambda: complex(CF()))
show("complex(MyComplex(1+2j))", lambda: complex(MyComplex(1 + 2j)))
def quietly(expr, **names):
    ns = {"__name__": "quiet"}
    ns.update(names)
    exec("r = " + expr, ns)
    return ns["r"]
show("complex(C(MyComplex(3j)))", lambda: quietly("complex(C(MyComplex(3j)))", C=C, MyComplex=MyComplex))

# ---- subclasses
for args in [(), (1,), (1, 2), ("3-4j",), (MyComplex(5j),), (2j, 2j)]:
    show(f"MyComplex{args}", lambda: MyComplex(*args))
m = MyComplex(1, 2)
m.tag = "t"
print(m.tag, m, repr(m), m + 1, type(m + 1).__name__, m.conjugate(), type(m.conjugate()).__name__,
      m.real, m.imag, m == 1 + 2j, hash(m) == hash(1 + 2j), type(complex(m)).__name__,
      type(m.__complex__()).__name__, m.__getnewargs__())

# ---- methods and attributes
for z in [0j, -0j, 1 + 2j, -1.5 - 2.5j, complex(-0.0, 0.0), complex(inf, nan), complex(nan, 1),
          complex(1e308, 1e308), 3 + 4j, 1e-320j, MyComplex(2, -3)]:
    print("value", repr(z))
    show("  conjugate", lambda: z.conjugate())
    show("  real", lambda: z.real)
    show("  imag", lambda: z.imag)
    show("  __abs__", lambda: z.__abs__())
    show("  __complex__", lambda: z.__complex__())
    show("  __getnewargs__", lambda: z.__getnewargs__())
    show("  __bool__", lambda: z.__bool__())
    show("  __neg__", lambda: z.__neg__())
    show("  __pos__", lambda: z.__pos__())
    show("  hash", lambda: hash(z) if z == z else "nan")
    show("  __format__('')", lambda: z.__format__(""))
    show("  str", lambda: str(z))
for name in ["conjugate", "__complex__", "__getnewargs__"]:
    show(f"{name}(1)", lambda: getattr(1j, name)(1))
    show(f"{name}(x=1)", lambda: getattr(1j, name)(x=1))
show("real = 1", lambda: setattr(1j, "real", 1.0))
show("del imag", lambda: delattr(1j, "imag"))
show("complex.real.__get__(2j)", lambda: complex.real.__get__(2j))
show("complex.conjugate(1)", lambda: complex.conjugate(1))
print(type(complex.__dict__["real"]).__name__, type(complex.__dict__["conjugate"]).__name__)
print(sorted(n for n in dir(complex) if not n.startswith("__")))
print((1j).__sizeof__())

# ---- arithmetic errors
for label, f in [("1j // 1", lambda: 1j // 1), ("1j % 1", lambda: 1j % 1), ("divmod(1j, 1)", lambda: divmod(1j, 1)),
                 ("1j / 0", lambda: 1j / 0), ("1 / 0j", lambda: 1 / 0j), ("0j ** -1", lambda: 0j ** -1),
                 ("0j ** 1j", lambda: 0j ** 1j), ("0j ** 0", lambda: 0j ** 0), ("(1e200j) ** 2", lambda: (1e200j) ** 2),
                 ("(1+1j) ** 1000", lambda: (1 + 1j) ** 1000), ("pow(1j, 2, 3)", lambda: pow(1j, 2, 3)),
                 ("1j < 2j", lambda: 1j < 2j), ("int(1j)", lambda: int(1j)), ("float(1j)", lambda: float(1j)),
                 ("round(1j)", lambda: round(1j)), ("abs(complex(1e308, 1e308))", lambda: abs(complex(1e308, 1e308))),
                 ("abs(complex(inf, nan))", lambda: abs(complex(inf, nan))), ("1j + 10**400", lambda: 1j + 10**400),
                 ("(2+3j) * (4-5j)", lambda: (2 + 3j) * (4 - 5j)), ("(1+2j) / (3-4j)", lambda: (1 + 2j) / (3 - 4j)),
                 ("(1+2j) ** 0.5", lambda: (1 + 2j) ** 0.5), ("2 ** (1+1j)", lambda: 2 ** (1 + 1j)),
                 ("1j == 1j + 0", lambda: 1j == 1j + 0), ("(1+0j) == 1", lambda: (1 + 0j) == 1)]:
    show(label, f)
