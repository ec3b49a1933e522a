print(type(1) is int, type(type) is type, type(object) is type, type(None).__name__)
T = type("T", (), {"a": 1, "__doc__": "made by type()"})
print(T.__name__, T.a, T.__doc__, T.__module__, T.__bases__, T().a)
U = type("U", (T,), {"b": 2, "method": lambda self: self.a + self.b})
print(U().method(), U.__mro__[1] is T, isinstance(U(), T))
print(type.__name__, type.__bases__, object.__bases__, type.__mro__)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(object.__eq__(o, o), object.__ne__(o, o), object.__hash__(o) == hash(o))
print(type(o).__name__, o.__class__ is object, isinstance(o, object), issubclass(type, object))
print(int.__name__, int.__qualname__, int.__module__, len.__name__, len.__module__, len.__qualname__)
print(type(int.__add__).__name__, type((1).__add__).__name__, type(len).__name__, type([].append).__name__)
print(type(object.__init__).__name__, type(T.__init__).__name__, type(str.join).__name__)
print(type(property()).__name__, type(staticmethod(len)).__name__, type(classmethod(len)).__name__)
print(callable(type), type("X", (int,), {})(5) + 1, type("S", (str,), {"shout": lambda s: s.upper()})("hi").shout())
try:
    type("Bad", (int, str), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Bad", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)
print(type.__call__(int, "7"), type.__new__(type, "N", (), {}).__name__)
print(int.__class__, object.__class__, type(type(type)))
