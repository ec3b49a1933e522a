# The errors of making and changing classes: type()'s arguments, MRO
# conflicts, layouts, __slots__, metaclasses, __class__ and __bases__
# assignment, and the messages of instance creation.

def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", r)

class A: pass
class B(A): pass
class S1: __slots__ = ("a",)
class S2: __slots__ = ("b",)

attempt("type()", lambda: type())
attempt("type(1, 2)", lambda: type(1, 2))
attempt("type(x) kw", lambda: type(1, x=2))
attempt("type(1, (), {})", lambda: type(1, (), {}))
attempt("type('X', [], {})", lambda: type("X", [], {}))
attempt("type('X', (), [])", lambda: type("X", (), []))
attempt("type('X', (1,), {})", lambda: type("X", (1,), {}))
attempt("type.__new__(type)", lambda: type.__new__(type))
attempt("type.__new__(1)", lambda: type.__new__(1))
attempt("type.__new__(int, ...)", lambda: type.__new__(int, "X", (), {}))
attempt("type.__init__ kw", lambda: type.__init__(A, 1, x=1))
attempt("type.__init__ 2", lambda: type.__init__(A, 1, 2))
attempt("MRO", lambda: type("X", (A, B), {}))
attempt("duplicate", lambda: type("X", (A, A), {}))
attempt("not a base", lambda: type("X", (bool,), {}))
attempt("layout int str", lambda: type("X", (int, str), {}))
attempt("layout slots", lambda: type("X", (S1, S2), {}))
attempt("layout ok", lambda: type("X", (S1, A), {}).__mro__)
attempt("nul name", lambda: type("a\0b", (), {}))
attempt("qualname", lambda: type("X", (), {"__qualname__": 1}))
attempt("slots int", lambda: type("X", (int,), {"__slots__": ("a",)}))
attempt("slots tuple ok", lambda: type("X", (tuple,), {"__slots__": ()})((1, 2)))
attempt("slots item", lambda: type("X", (), {"__slots__": [1]}))
attempt("slots ident", lambda: type("X", (), {"__slots__": ["a b"]}))
attempt("slots dict dup", lambda: type("X", (), {"__slots__": ["__dict__", "__dict__"]}))
attempt("slots dict base", lambda: type("X", (A,), {"__slots__": ["__dict__"]}))
attempt("slots weakref dup", lambda: type("X", (), {"__slots__": ["__weakref__", "__weakref__"]}))
attempt("slots class var", lambda: type("X", (), {"__slots__": ["v"], "v": 1}))
attempt("slots mangled", lambda: sorted(k for k in type("Cls", (), {"__slots__": ["__p"]}).__dict__ if "p" in k))

class M1(type): pass
class M2(type): pass
X1 = M1("X1", (), {})
X2 = M2("X2", (), {})
attempt("metaclass conflict", lambda: type("X", (X1, X2), {}))
attempt("metaclass derived", lambda: type(type("X", (X1,), {})).__name__)
class M3(M1): pass
attempt("most derived", lambda: type(M1("Y", (M3("Z", (), {}),), {})).__name__)

# creating instances
class Plain: pass
class WithInit:
    def __init__(self, a): self.a = a
class WithNew:
    def __new__(cls, a): return super().__new__(cls)
attempt("Plain(1)", lambda: Plain(1))
attempt("Plain(k=1)", lambda: Plain(k=1))
attempt("WithInit()", lambda: WithInit())
attempt("WithInit(1).a", lambda: WithInit(1).a)
attempt("WithNew(1)", lambda: type(WithNew(1)).__name__)
attempt("object(1)", lambda: object(1))
attempt("object.__new__(Plain, 1)", lambda: object.__new__(Plain, 1))
attempt("object.__new__(list)", lambda: object.__new__(list))
attempt("object.__new__(1)", lambda: object.__new__(1))
attempt("object.__new__()", lambda: object.__new__())
attempt("list.__new__(dict)", lambda: list.__new__(dict))
attempt("object.__init__(Plain(), 1)", lambda: object.__init__(Plain(), 1))
class Abstract:
    pass
Abstract.__abstractmethods__ = frozenset(["run"])
attempt("abstract", lambda: Abstract())
Abstract.__abstractmethods__ = frozenset()
attempt("not abstract", lambda: type(Abstract()).__name__)

# __class__ assignment
class P: pass
class Q: pass
class R:
    __slots__ = ("x",)
class L(list): pass
p = P()
p.keep = 1
p.__class__ = Q
print(type(p).__name__, p.keep)
attempt("to R", lambda: setattr(p, "__class__", R))
attempt("to L", lambda: setattr(p, "__class__", L))
attempt("to int", lambda: setattr(p, "__class__", int))
attempt("to 1", lambda: setattr(p, "__class__", 1))
attempt("int to P", lambda: setattr(1, "__class__", P))
attempt("del", lambda: delattr(p, "__class__"))

# __bases__ assignment
class Base1:
    def who(self): return "Base1"
class Base2:
    def who(self): return "Base2"
class Kid(Base1): pass
k = Kid()
print(k.who())
Kid.__bases__ = (Base2,)
print(k.who(), Kid.__mro__)
attempt("bases 1", lambda: setattr(Kid, "__bases__", 1))
attempt("bases ()", lambda: setattr(Kid, "__bases__", ()))
attempt("bases (1,)", lambda: setattr(Kid, "__bases__", (1,)))
attempt("bases cycle", lambda: setattr(Base2, "__bases__", (Kid,)))
attempt("bases int", lambda: setattr(Kid, "__bases__", (int,)))
attempt("bases del", lambda: delattr(Kid, "__bases__"))
attempt("int bases", lambda: setattr(int, "__bases__", (object,)))

# names
class N: pass
N.__name__ = "Renamed"
N.__qualname__ = "Outer.Renamed"
print(N, N.__name__, N.__qualname__)
attempt("name 1", lambda: setattr(N, "__name__", 1))
attempt("name nul", lambda: setattr(N, "__name__", "a\0"))
attempt("qualname 1", lambda: setattr(N, "__qualname__", 1))
attempt("int name", lambda: setattr(int, "__name__", "x"))
attempt("int attr", lambda: setattr(int, "foo", 1))
attempt("del int attr", lambda: delattr(int, "real"))
attempt("N del missing", lambda: delattr(N, "missing"))
attempt("N.missing", lambda: N.missing)
attempt("N().missing", lambda: N().missing)
attempt("set nonstr", lambda: setattr(N, 1, 2))
N.__module__ = "elsewhere"
print(N)
print(int.__module__, type.__module__, A.__module__)
