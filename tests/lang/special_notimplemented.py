class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B wins"
class C:
    def __radd__(self, o):
        print("C.__radd__")
        return NotImplemented
print(A() + B())
try:
    A() + C()
except TypeError as e:
    print(type(e).__name__, e)
# subclass reflected method tried first
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("Num.__add__")
        return Num(self.v + getattr(o, "v", o))
    def __radd__(self, o):
        print("Num.__radd__")
        return Num(getattr(o, "v", o) + self.v)
class SubNum(Num):
    def __radd__(self, o):
        print("SubNum.__radd__")
        return SubNum(o.v * 100 + self.v)
r = Num(1) + SubNum(2)
print(type(r).__name__, r.v)
r = SubNum(1) + Num(2)
print(type(r).__name__, r.v)
# a subclass that does not override the reflected method: normal order
class SubNum2(Num):
    pass
r = Num(1) + SubNum2(2)
print(type(r).__name__, r.v)
# NotImplemented is truthy-deprecated but has a repr
print(repr(NotImplemented), type(NotImplemented).__name__)
# builtins return NotImplemented through the dunder
print((1).__add__("x"), (1.5).__add__("x"), [].__eq__(5))
print((3).__radd__(4), (2).__rpow__(3), (1.5).__rtruediv__(3))
