class Base:
    def __init__(self, tag):
        self.tag = tag
    def __eq__(self, o):
        print(f"{self.tag}.__eq__")
        return NotImplemented
    def __lt__(self, o):
        print(f"{self.tag}.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print(f"{self.tag}.__gt__")
        return NotImplemented
    __hash__ = object.__hash__

class Sub(Base):
    def __eq__(self, o):
        print(f"{self.tag}.__eq__ (Sub)")
        return "sub-eq"
    def __gt__(self, o):
        print(f"{self.tag}.__gt__ (Sub)")
        return "sub-gt"

b, s = Base("b"), Sub("s")
# a subclass that overrides the reflected method goes first
print(b == s)
print(b < s)
print(s > b)
b2 = Base("b2")
print(b == b2)   # both NotImplemented: identity
print(b != b2)
try:
    print(b < b2)
except TypeError as e:
    print(type(e).__name__, e)
# __ne__ defaults to inverting __eq__
class E:
    def __eq__(self, o):
        return True
print(E() != E(), E() == 3)
class N:
    def __ne__(self, o):
        return "custom ne"
print(N() != N(), N() == N())
