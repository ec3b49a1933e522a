# Classes and the collector: instances are weakly referenceable unless
# __slots__ leave out __weakref__ (or the base is variable-size); __weakref__
# shows the first reference; __del__ runs for instances of classes that define
# it, whatever builtin base made them, also when added to the class later.
import _weakref, gc
class A: pass
a = A()
r = _weakref.ref(a)
print(r() is a, a.__weakref__ is r, A.__weakref__)
class S:
    __slots__ = ()
try:
    _weakref.ref(S())
except TypeError as e: print(e)
class SW:
    __slots__ = ("__weakref__",)
print(_weakref.ref(SW()) is not None)
class I(int): pass
try: _weakref.ref(I(1))
except TypeError as e: print(e)
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = D(1); del d
gc.collect()
class L(list):
    def __del__(self): print("del list", len(self))
l = L([1, 2]); del l
gc.collect()
class E(Exception):
    def __del__(self): print("del exc")
e = E(); del e
gc.collect()
class Late: pass
Late.__del__ = lambda self: print("late del")
x = Late(); del x
gc.collect()
class N:
    def __new__(cls):
        return super().__new__(cls)
    def __del__(self): print("del N")
n = N(); del n
gc.collect()
print("end")
