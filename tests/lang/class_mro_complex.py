def names(cls):
    return " ".join(c.__name__ for c in cls.__mro__[:-1])
# the classic Python 2.3 MRO paper examples
class F: pass
class E: pass
class D: pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print(names(A))
class B2(E, D): pass
class A2(B2, C): pass
print(names(A2))
# serious order disagreement
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
for bases in ((XY, YX), (X, XY), (object, X)):
    try:
        type("Z", bases, {})
        print("ok", [b.__name__ for b in bases])
    except TypeError as e:
        print(type(e).__name__, str(e).replace("\n", " "))
# a consistent order that keeps local precedence
print(names(type("Fine", (XY,), {})))
# method resolution follows the MRO
class Base:
    def who(self): return "Base"
class L(Base):
    def who(self): return "L>" + super().who()
class R(Base):
    def who(self): return "R>" + super().who()
class LR(L, R): pass
class RL(R, L): pass
print(LR().who(), RL().who(), names(LR), names(RL))
# mro() can be overridden by a metaclass
class ReverseMeta(type):
    def mro(cls):
        default = super().mro()
        return [default[0]] + list(reversed(default[1:-1])) + [default[-1]]
class P1:
    tag = "P1"
class P2:
    tag = "P2"
class Q(P1, P2, metaclass=ReverseMeta):
    pass
print(names(Q), Q.tag)
# __bases__ assignment recomputes the MRO
class M1: x = "M1"
class M2: x = "M2"
class N(M1): pass
print(N.x, names(N))
N.__bases__ = (M2, M1)
print(N.x, names(N))
try:
    N.__bases__ = ()
except TypeError as e:
    print(type(e).__name__, e)
