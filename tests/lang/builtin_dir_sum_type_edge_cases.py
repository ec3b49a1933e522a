# dir() of module subclasses (their namespace is the module dict, and a
# non-dict __dict__ is a TypeError) and of tracebacks; sum() refuses a
# bytearray start; a class name or docstring with a lone surrogate is a
# UnicodeEncodeError; type() copies a dict subclass that reorders its
# iteration in that order.
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class M(type(sys)):
    pass


m = M("m")
m.b = 2
m.a = 1
print([n for n in dir(m) if not n.startswith("__")])
print(sorted(m.__dict__), m.__dict__ is vars(m))


class M2(M):
    def getdict(self):
        return "Not a dict!"
    __dict__ = property(getdict)


m2 = M2("m2")
m2.x = 1
print(m2.__dict__)
show(lambda: dir(m2))

try:
    1 / 0
except ZeroDivisionError as e:
    print(dir(e.__traceback__))

show(lambda: sum([], bytearray()))
show(lambda: sum([b"a"], bytearray(b"x")))
show(lambda: sum([], b""))
show(lambda: sum([[1], [2]], []))

show(lambda: type("A\udcdcB", (), {}))
show(lambda: type("A", (), {"__doc__": "x\udcdcy"}))
show(lambda: type("A", (), {"__doc__": 42}).__doc__)


class C:
    pass


def rename(name):
    C.__name__ = name
    return C.__name__


show(lambda: rename("D\udcdc"))
show(lambda: rename("Ok\u00e9"))


class Reversed(dict):
    def __iter__(self):
        return iter(list(dict.keys(self))[::-1])

    def keys(self):
        return list(iter(self))


ns = Reversed(a=1, b=2, c=3)
T = type("T", (), ns)
print([k for k in T.__dict__ if len(k) == 1])
print(list(dict.copy(ns)), list(dict(ns)))
