# Dunders assigned or deleted after a class is made take effect at once, for
# the class and its subclasses; __hash__ follows the __eq__ rules.

class A:
    pass
class B(A):
    pass
class C(B):
    def __repr__(self):
        return "C's own repr"

a, b, c = A(), B(), C()
A.__repr__ = lambda self: "A repr for " + type(self).__name__
print(repr(a), repr(b), repr(c))
B.__repr__ = lambda self: "B repr"
print(repr(a), repr(b), repr(c))
del B.__repr__
print(repr(b))
del A.__repr__
print(repr(b).startswith("<__main__.B object at"))

A.__len__ = lambda self: 5
print(len(a), len(b), len(c), bool(c))
A.__bool__ = lambda self: False
print(bool(c))
del A.__bool__
del A.__len__
try:
    len(c)
except TypeError as e:
    print("TypeError:", e)

A.__getitem__ = lambda self, k: ("item", k)
print(c[1], c["x"], c[1:2])
A.__iter__ = lambda self: iter([1, 2, 3])
print(list(b), sorted(c), 2 in c)
A.__contains__ = lambda self, x: x == "magic"
print("magic" in b, 2 in b)
A.__call__ = lambda self, *args: ("called", args)
print(c(1, 2))
A.__add__ = lambda self, o: "A+"
A.__radd__ = lambda self, o: "+A"
print(a + 1, 1 + c)
A.__neg__ = lambda self: "neg"
print(-b)
A.__eq__ = lambda self, o: True
print(a == 1, a != 1)
A.__getattr__ = lambda self, name: "dynamic " + name
print(c.whatever)
del A.__getattr__
try:
    c.whatever
except AttributeError as e:
    print("AttributeError:", e)
A.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 2)
c.v = 21
print(c.v)
A.__init__ = lambda self, x=0: object.__setattr__(self, "x", x)
print(C(7).x)
A.__new__ = staticmethod(lambda cls, *args: 42)
print(C(1))
del A.__new__
try:
    print(type(C(1)).__name__)
except TypeError as e:
    print("TypeError:", e)    # CPython keeps calling __new__ through the MRO

# __hash__ rules
class E:
    def __eq__(self, o):
        return False
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print("TypeError:", e)
class EH(E):
    def __hash__(self):
        return 7
print(hash(EH()))
class EE(EH):
    def __eq__(self, o):
        return True
print(EE.__hash__)
class H:
    pass
h = H()
print(hash(h) == hash(h), H.__hash__ is object.__hash__)
H.__hash__ = None
try:
    hash(h)
except TypeError as e:
    print("TypeError:", e)
H.__hash__ = lambda self: 99
print(hash(h))
class Big:
    def __hash__(self):
        return 2 ** 100
print(hash(Big()) == hash(2 ** 100))
class Neg:
    def __hash__(self):
        return -1
print(hash(Neg()))
print({EH(): 1, h: 2}[h])

# object's defaults stay reachable through super and object
class R:
    def __repr__(self):
        return "R/" + object.__repr__(self)[:10]
    def __eq__(self, o):
        return object.__eq__(self, o)
print(repr(R()), R() == R(), object.__eq__(1, 1), object.__ne__(1, 2))
