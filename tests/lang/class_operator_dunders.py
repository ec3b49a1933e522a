# Operator dunders on classes: every binary operator with its reflected and
# in-place forms, NotImplemented chains, a subclass's reflected method tried
# first when it overrides it, three-argument pow, unary operators,
# comparisons (reflection, __ne__ from __eq__), and the error messages.

class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Num(%r)" % (self.v,)

OPS = [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"),
       ("mod", "%"), ("pow", "**"), ("lshift", "<<"), ("rshift", ">>"), ("and", "&"),
       ("xor", "^"), ("or", "|"), ("matmul", "@")]

def make(name, sym):
    def op(self, other):
        o = other.v if isinstance(other, Num) else other
        return Num("(%s %s %s)" % (self.v, sym, o))
    def rop(self, other):
        return Num("(%s %s %s)" % (other, sym, self.v))
    def iop(self, other):
        self.v = "(%s %s= %s)" % (self.v, sym, other)
        return self
    return op, rop, iop

for name, sym in OPS:
    op, rop, iop = make(name, sym)
    setattr(Num, "__%s__" % name, op)
    setattr(Num, "__r%s__" % name, rop)
    setattr(Num, "__i%s__" % name, iop)

for name, sym in OPS:
    a = Num("a")
    print(name, eval("a %s 1" % sym), eval("1 %s a" % sym), eval("a %s Num('b')" % sym))
    exec("a %s= 2" % sym)
    print(" in-place", a)

# NotImplemented from both sides
class Nope:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
for expr in ["Nope() + 1", "1 + Nope()", "Nope() + Nope()", "Nope() < 1", "Nope() - 1",
             "-Nope()", "~Nope()", "abs(Nope())", "Nope() ** 2", "pow(Nope(), 2, 3)"]:
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, "TypeError:", e)
print(Nope() == Nope(), Nope() != 1)

# the reflected method of a subclass goes first, but only if it overrides
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __lt__(self, o): return "Base.lt"
    def __gt__(self, o): return "Base.gt"
class Over(Base):
    def __radd__(self, o): return "Over.radd"
    def __gt__(self, o): return "Over.gt"
class Same(Base):
    pass
print(Base() + Over(), Over() + Base(), Base() + Same(), Same() + Base())
print(Base() < Over(), Over() < Base(), Base() < Same())

# in-place falls back to the binary operator, then to the reflected one
class OnlyAdd:
    def __add__(self, o): return "add"
class OnlyRadd:
    def __radd__(self, o): return "radd"
x = OnlyAdd(); x += 1; print(x)
y = 1; y += OnlyRadd(); print(y)
class IRet:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "fallback add"
z = IRet(); z += 1; print(z)

# three-argument pow uses only the left operand's __pow__
class P3:
    def __pow__(self, e, m=None): return ("pow", e, m)
    def __rpow__(self, b, m=None): return ("rpow", b, m)
print(P3() ** 2, 2 ** P3(), pow(P3(), 2, 5), pow(P3(), 2))
try:
    pow(2, P3(), 5)
except TypeError as e:
    print("TypeError:", e)

# unary
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "invert"
print(-U(), +U(), abs(U()), ~U())

# comparisons
class C:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, C) and self.k == o.k
    def __lt__(self, o): return self.k < o.k
    def __le__(self, o): return self.k <= o.k
print(C(1) == C(1), C(1) != C(1), C(1) != C(2), C(1) < C(2), C(2) > C(1), C(1) >= C(1))
print(C(1) == 1, C(1) != 1, 1 == C(1))
print(sorted([C(3), C(1), C(2)], key=lambda c: c)[0].k)
try:
    C(1) < 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class NoCmp:
    pass
try:
    NoCmp() < NoCmp()
except TypeError as e:
    print("TypeError:", e)
a = NoCmp()
print(a == a, a != a, a == NoCmp())

# __index__, __int__, __float__, __bool__, __len__
class I:
    def __index__(self): return 2
print([10, 20, 30][I()], "abcd"[I()], bin(I()), range(5)[I()], 7 * [I()][0].__index__())
class B:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
class L3:
    def __len__(self): return 3
print(bool(B()), bool(L()), bool(L3()), len(L3()), "yes" if L3() else "no")
for bad in ["__bool__", "__len__"]:
    K = type("K", (), {bad: lambda self: "x"})
    try:
        bool(K())
    except TypeError as e:
        print("TypeError:", e)
