# A non-data descriptor that caches its result in the instance dict:
# the second lookup finds the instance attribute first.
class cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        print("computing", self.name)
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value

class Data:
    def __init__(self, n):
        self.n = n
    @cached
    def total(self):
        return sum(range(self.n))
    @cached
    def squares(self):
        return [i * i for i in range(self.n)]

d = Data(5)
print(d.total, d.total, d.squares, d.squares)
print(sorted(vars(d)))
del d.total
print(d.total)
d.total = "overridden"
print(d.total)
print(type(Data.total).__name__, Data.total.name)
# with __slots__ (no instance dict) the cache cannot be stored
class Slotted:
    __slots__ = ("n",)
    def __init__(self):
        self.n = 1
    @cached
    def value(self):
        return 42
try:
    Slotted().value
except AttributeError as e:
    print(type(e).__name__, e)
