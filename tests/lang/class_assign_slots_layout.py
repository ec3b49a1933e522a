# __class__ assignment between classes with __slots__: a class that adds a
# __weakref__ slot (or __dict__) has a layout of its own, as in CPython.
class Int(int): __slots__ = []
class G(object):
    __slots__ = ["a", "b"]
class H(object):
    __slots__ = ["b", "a"]
class I(object):
    __slots__ = ["a", "b"]
class J(object):
    __slots__ = ["c", "b"]
class K(object):
    __slots__ = ["a", "b", "d"]
class L(H):
    __slots__ = ["e"]
class M(I):
    __slots__ = ["e"]
class N(J):
    __slots__ = ["__weakref__"]
class P(J):
    __slots__ = ["__dict__"]
class Q(J):
    pass
class R(J):
    __slots__ = ["__dict__", "__weakref__"]
class W(object):
    __slots__ = ["__weakref__"]
class S(object):
    __slots__ = ()
names = dict(G=G, H=H, I=I, J=J, K=K, L=L, M=M, N=N, P=P, Q=Q, R=R, W=W, S=S, list=list, Int=Int, object=object)
for a, cls in names.items():
    ok = []
    for b, cls2 in names.items():
        if cls is cls2: continue
        try:
            x = cls()
            x.__class__ = cls2
            ok.append(b)
        except TypeError as e:
            pass
    print(a, ok)
class Plain: pass
class Plain2: pass
class WithSlot(Plain):
    __slots__ = ['z']
x = Plain(); x.__class__ = Plain2; print(type(x).__name__)
try:
    x.__class__ = WithSlot
except TypeError as e: print(e)
