class C:
    pass
def method(self, v):
    return ("method", v)
C.m = method
c = C()
print(c.m(1))
setattr(C, "n", lambda self: "lambda method")
print(c.n())
print(getattr(c, "m")(2))
C.attr = 5
print(c.attr)
del C.attr
print(hasattr(c, "attr"))
c.__class__ = type("D", (), {"m": lambda self, v: ("D", v)})
print(type(c).__name__, c.m(3))
try:
    c.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
# instance attribute that is a function is not bound
c2 = C()
c2.f = lambda x: x * 2
print(c2.f(4))
# class __dict__ is a read-only proxy
try:
    C.__dict__["zz"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(type(C.__dict__).__name__)
print(C.__name__)
C.__name__ = "Renamed"
print(C.__name__, C.__qualname__)
try:
    del C.__name__
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
# bases can be changed
class A1:
    def who(self): return "A1"
class A2:
    def who(self): return "A2"
class B(A1):
    pass
b = B()
print(b.who())
B.__bases__ = (A2,)
print(b.who(), B.__mro__[1].__name__)
# object attributes cannot be set
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.foo = 1
except TypeError as e:
    print(type(e).__name__, e)
