class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a is a, a is not b)
print(repr(a).startswith("<__main__.P object at 0x"), str(a) == repr(a))
print(repr(P), str(P), P.__repr__ is object.__repr__)
print(type(a).__eq__(a, a), object.__eq__(a, b), object.__ne__(a, b), P.__eq__(a, 1))
print(object.__lt__(a, b), a.__le__(b), a.__gt__(b))
print(hash(a) == hash(a), hash(a) != hash(b) or "collision", a.__hash__() == hash(a))
print(format(a, "") == str(a))
try:
    format(a, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(P.__str__ is object.__str__, P.__format__ is object.__format__)
class Q:
    def __repr__(self):
        return "Q()"
print(str(Q()), f"{Q()}", "%s" % Q(), [Q()], {1: Q()})
print(object.__repr__(Q()).startswith("<__main__.Q object at"))
print("__dict__" in dir(a), "__module__" in dir(a), "__init__" in dir(a), dir(a) == sorted(dir(a)))
