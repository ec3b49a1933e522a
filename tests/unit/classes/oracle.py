"""Print what tests/unit/classes_test.c prints, from CPython 3.11."""


def show(label, f):
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {v!r}")


def run(label, f):
    try:
        f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok")


# ---- MRO and method resolution
class A:
    def f(self): return "A.f"
    def g(self): return "A.g"
class B(A):
    def f(self): return "B.f"
class C(A):
    def g(self): return "C.g"
class D(B, C):
    pass
d = D()
show("D.__mro__", lambda: D.__mro__)
show("D.mro()", lambda: D.mro())
show("d.f()", lambda: d.f())
show("d.g()", lambda: d.g())
show("D.__bases__", lambda: D.__bases__)
show("D.__base__", lambda: D.__base__)
show("A.__subclasses__()", lambda: A.__subclasses__())
show("D.__name__", lambda: D.__name__)
show("D.__qualname__", lambda: D.__qualname__)
show("repr D", lambda: D)
show("type(d)", lambda: type(d))
show("type(D)", lambda: type(D))
show("isinstance(d, A)", lambda: isinstance(d, A))
show("mro error", lambda: type("X", (A, B), {}))
show("dup base", lambda: type("X", (A, A), {}))
show("layout conflict", lambda: type("X", (int, str), {}))
show("bad base", lambda: type("X", (bool,), {}))
show("bases not types", lambda: type("X", (1,), {}))
show("type 1 arg", lambda: type(5))
show("type 2 args", lambda: type(1, 2))
show("type bad name", lambda: type(1, (), {}))
show("type bad bases", lambda: type("X", [], {}))
show("type bad dict", lambda: type("X", (), []))
show("type kw", lambda: type(1, x=2))
show("type.__new__ 1", lambda: type.__new__(type, 1))
show("qualname bad", lambda: type("X", (), {"__qualname__": 3}))
show("qualname", lambda: type("X", (), {"__qualname__": "Outer.X"}).__qualname__)
show("qualname not in dict", lambda: "__qualname__" in type("X", (), {"__qualname__": "Q"}).__dict__)
show("doc default", lambda: type("X", (), {}).__doc__)
show("doc", lambda: type("X", (), {"__doc__": "hi"}).__doc__)
show("dict keys", lambda: list(type("X", (), {"a": 1}).__dict__.keys()))
show("dict proxy", lambda: type(type("X", (), {}).__dict__))
show("dict proxy item", lambda: type("X", (), {"a": 1}).__dict__["a"])
show("dict proxy get", lambda: type("X", (), {"a": 1}).__dict__.get("b", 7))

# ---- instances and shapes
class P:
    pass
p = P()
p.x = 1
p.y = 2
show("p.x", lambda: p.x)
show("p.y", lambda: p.y)
show("p.z", lambda: p.z)
for i in range(12):
    setattr(p, "a%d" % i, i * i)
show("p.a11", lambda: p.a11)
show("p.a3", lambda: p.a3)
del p.a3
show("p.a3 deleted", lambda: p.a3)
show("p.a4 after del", lambda: p.a4)
show("p.a11 after del", lambda: p.a11)
run("del p.a3 again", lambda: delattr(p, "a3"))
p.a3 = "back"
show("p.__dict__", lambda: p.__dict__)
p.after = 5
show("p.__dict__ after", lambda: list(p.__dict__.items())[-2:])
p.__dict__["direct"] = 9
show("p.direct", lambda: p.direct)
q = P()
q.__dict__ = {"k": 1}
show("q.k", lambda: q.k)
run("q.__dict__ = 1", lambda: setattr(q, "__dict__", 1))
show("P.x", lambda: P.x)
q2 = P()
q2.v = 1
del q2.v
show("q2 empty dict", lambda: q2.__dict__)
show("shared shapes", lambda: True)
show("setattr non-str", lambda: setattr(q2, 1, 2))

# ---- class attributes, descriptors order
class Q:
    cattr = "class"
    def m(self): return "method"
qq = Q()
show("qq.cattr", lambda: qq.cattr)
qq.cattr = "inst"
show("qq.cattr shadowed", lambda: qq.cattr)
show("Q.cattr", lambda: Q.cattr)
qq.m = "not a method"
show("qq.m shadowed", lambda: qq.m)
Q.cattr = "changed"
show("Q.cattr changed", lambda: Q.cattr)
del Q.cattr
show("Q.cattr deleted", lambda: Q.cattr)
run("del Q.nope", lambda: delattr(Q, "nope"))
run("int.x = 1", lambda: setattr(int, "x", 1))
run("object().x = 1", lambda: setattr(object(), "x", 1))
run("object().__class__ del", lambda: delattr(object(), "__str__"))

# ---- __slots__
class S:
    __slots__ = ("a", "__b")
s = S()
show("S.a", lambda: S.a)
show("s.a unset", lambda: s.a)
s.a = 5
show("s.a", lambda: s.a)
run("s.c = 1", lambda: setattr(s, "c", 1))
s._S__b = 3
show("s._S__b", lambda: s._S__b)
del s.a
run("del s.a again", lambda: delattr(s, "a"))
show("S has __dict__", lambda: hasattr(s, "__dict__"))
class SD:
    __slots__ = ("a", "__dict__")
sd = SD()
sd.z = 1
show("sd.z", lambda: sd.z)
show("sd.__dict__", lambda: sd.__dict__)
show("slots nonempty int", lambda: type("X", (int,), {"__slots__": ("a",)}))
show("slots bad item", lambda: type("X", (), {"__slots__": (1,)}))
show("slots bad ident", lambda: type("X", (), {"__slots__": ("1x",)}))
show("slots dict twice", lambda: type("X", (), {"__slots__": ("__dict__", "__dict__")}))
show("slots conflict", lambda: type("X", (), {"__slots__": ("a",), "a": 1}))
show("slots layout", lambda: type("X", (S, type("T", (), {"__slots__": ("y",)})), {}))
show("slots str", lambda: type("X", (), {"__slots__": "abc"}).__dict__["abc"])

# ---- dunder slots
class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return "V(%r)" % (self.x,)
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __neg__(self): return V(-self.x)
    def __len__(self): return self.x
    def __getitem__(self, i): return i * 10
    def __call__(self, *a): return ("called", a)
    def __contains__(self, i): return i == 3
    def __index__(self): return self.x
show("V(1)", lambda: V(1))
show("str V", lambda: str(V(2)))
show("V == V", lambda: V(1) == V(1))
show("V != V", lambda: V(1) != V(1))
show("V != V2", lambda: V(1) != V(2))
show("V < V", lambda: V(1) < V(2))
show("V > V", lambda: V(1) > V(2))
show("V <= V", lambda: V(1) <= V(2))
show("hash V", lambda: hash(V(1)))
show("V.__hash__", lambda: V.__hash__)
show("V + V", lambda: V(1) + V(2))
show("V + 1", lambda: V(1) + 1)
show("1 + V", lambda: 1 + V(5))
show("V - 1", lambda: V(1) - 1)
show("-V", lambda: -V(3))
show("+V", lambda: +V(3))
show("len V", lambda: len(V(4)))
show("bool V0", lambda: bool(V(0)))
show("bool V4", lambda: bool(V(4)))
show("V[3]", lambda: V(1)[3])
show("V()", lambda: V(1)(1, 2))
show("3 in V", lambda: 3 in V(1))
show("4 in V", lambda: 4 in V(1))
show("[..][V]", lambda: [10, 20, 30][V(2)])
show("len -1", lambda: len(V(-1)))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
show("list(It())", lambda: list(It()))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 2
show("list(Seq())", lambda: list(Seq()))
show("2 in Seq", lambda: 2 in Seq())

# reflected operands, subclass first
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return "N.add"
    def __radd__(self, o): return "N.radd"
    def __mul__(self, o): return NotImplemented
    def __rmul__(self, o): return NotImplemented
class M(N):
    def __radd__(self, o): return "M.radd"
show("N + M", lambda: N(1) + M(2))
show("M + N", lambda: M(1) + N(2))
show("N + N", lambda: N(1) + N(2))
show("N * N", lambda: N(1) * N(2))
class K(N):
    pass
show("N + K", lambda: N(1) + K(2))
class IP:
    def __init__(self): self.log = []
    def __iadd__(self, o):
        self.log.append(o)
        return self
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o, m=None): return ("rpow", o, m)
ip = IP()
def iadd():
    global ip
    ip += 5
    ip += 6
    return ip.log
show("ip += ", iadd)
show("IP ** 2", lambda: IP() ** 2)
show("2 ** IP", lambda: 2 ** IP())
show("pow(IP, 2, 3)", lambda: pow(IP(), 2, 3))

# __getattr__, __getattribute__, __setattr__, __delattr__
class G:
    y = 1
    def __getattr__(self, name): return "missing " + name
g = G()
g.x = 5
show("g.x", lambda: g.x)
show("g.y", lambda: g.y)
show("g.zz", lambda: g.zz)
class GA:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom!")
        return "ga " + name
    def __getattr__(self, name): return "fallback " + name
show("ga.q", lambda: GA().q)
show("ga.boom", lambda: GA().boom)
class SA:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        object.__setattr__(self, name, "deleted")
sa = SA()
sa.v = 21
show("sa.v", lambda: sa.v)
del sa.v
show("sa.v del", lambda: sa.v)

# __hash__ rules
class E1:
    def __eq__(self, o): return True
show("E1 hash", lambda: hash(E1()))
show("E1.__hash__", lambda: E1.__hash__)
class E2(E1):
    def __hash__(self): return 42
show("E2 hash", lambda: hash(E2()))
class H1:
    def __hash__(self): return 2 ** 70
show("hash big", lambda: hash(H1()))
class H2:
    def __hash__(self): return -1
show("hash -1", lambda: hash(H2()))
class H3:
    def __hash__(self): return "x"
show("hash str", lambda: hash(H3()))
class R1:
    def __repr__(self): return 5
show("repr non-str", lambda: repr(R1()))
class B1:
    def __bool__(self): return 1
show("bool non-bool", lambda: bool(B1()))
class I1:
    def __init__(self): return 5
show("init returns", lambda: I1())
class L1:
    def __len__(self): return "x"
show("len non-int", lambda: len(L1()))
class L2:
    def __len__(self): return 2 ** 70
show("len huge", lambda: len(L2()))

# slot refresh after creation
class RF:
    pass
rf = RF()
RF.__repr__ = lambda self: "refreshed"
show("repr after set", lambda: repr(rf))
class RF2(RF):
    pass
show("repr subclass", lambda: repr(RF2()))
RF.__len__ = lambda self: 7
show("len after set", lambda: len(RF2()))
del RF.__len__
show("len after del", lambda: len(RF2()))
RF.__eq__ = lambda self, o: True
show("eq after set", lambda: RF() == 5)
RF.__add__ = lambda self, o: "added"
show("add after set", lambda: RF2() + 1)

# builtin subclasses
class L(list):
    pass
l = L([1, 2, 3])
show("L[1]", lambda: l[1])
show("len L", lambda: len(l))
l.attr = "x"
show("l.attr", lambda: l.attr)
show("L repr", lambda: l)
show("L + 1", lambda: l + 1)
show("type(L)", lambda: type(l))
class L2(list):
    def __getitem__(self, i): return "L2 item"
show("L2[0]", lambda: L2([1])[0])
show("L2 len", lambda: len(L2([1, 2])))
class Ex(Exception):
    pass
ex = Ex("boom", 1)
show("ex.args", lambda: ex.args)
ex.extra = 3
show("ex.extra", lambda: ex.extra)
show("str(ex)", lambda: str(ex))
show("repr(ex)", lambda: ex)
class Ex2(ValueError):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
show("Ex2 __dict__", lambda: Ex2(1, 2).__dict__)
show("exc dict", lambda: ValueError(1).__dict__)
class DD(dict):
    pass
dd = DD(a=1)
show("DD['a']", lambda: dd["a"])
dd.q = 2
show("dd.q", lambda: dd.q)

# property, staticmethod, classmethod
class PR:
    def __init__(self): self._v = 0
    def get(self): return self._v
    def set(self, v): self._v = v * 10
    v = property(get, set, None, "the v")
    r = property(get)
show("PR().v", lambda: PR().v)
pr = PR()
pr.v = 4
show("pr.v", lambda: pr.v)
run("pr.r = 1", lambda: setattr(pr, "r", 1))
run("del pr.v", lambda: delattr(pr, "v"))
show("PR.v.__doc__", lambda: PR.v.__doc__)
show("PR.v fget is", lambda: PR.v.fget is PR.get)
show("property no get", lambda: property().__get__(1))
class ST:
    @staticmethod
    def s(x): return ("s", x)
    @classmethod
    def c(cls, x): return (cls.__name__, x)
class ST2(ST):
    pass
show("ST.s(1)", lambda: ST.s(1))
show("ST().s(1)", lambda: ST().s(1))
show("ST.c(1)", lambda: ST.c(1))
show("ST2().c(2)", lambda: ST2().c(2))
show("staticmethod call", lambda: ST.__dict__["s"](5))
show("staticmethod args", lambda: staticmethod())
show("classmethod args", lambda: classmethod(1, 2))

# super
class SU1:
    def who(self): return "SU1"
    @classmethod
    def cw(cls): return ("SU1.cw", cls.__name__)
class SU2(SU1):
    def who(self): return "SU2>" + super(SU2, self).who()
    @classmethod
    def cw(cls): return super(SU2, cls).cw()
class SU3(SU2):
    def who(self): return "SU3>" + super(SU3, self).who()
show("SU3().who()", lambda: SU3().who())
show("SU3.cw()", lambda: SU3.cw())
show("super repr", lambda: super(SU2, SU3()))
show("super unbound repr", lambda: super(SU2))
show("super bad obj", lambda: super(SU2, 1))
show("super bad type", lambda: super(1, 1))
show("super missing", lambda: super(SU2, SU3()).nope)
show("super __class__", lambda: super(SU2, SU3()).__class__)
show("super thisclass", lambda: super(SU2, SU3()).__thisclass__)
show("super __get__", lambda: super(SU2).__get__(SU3()).who())

# __init_subclass__, __set_name__, __class_getitem__
class IS:
    subs = []
    def __init_subclass__(cls, tag=None):
        IS.subs.append((cls.__name__, tag))
class IS1(IS, tag="one"):
    pass
class IS2(IS1):
    pass
show("IS.subs", lambda: IS.subs)
show("init_subclass kw error", lambda: type("X", (), {}, bad=1))
class Named:
    def __set_name__(self, owner, name):
        self.where = (owner.__name__, name)
class HasNamed:
    n1 = Named()
show("set_name", lambda: HasNamed.n1.where)
class BadName:
    def __set_name__(self, owner, name): raise ValueError("no")
show("set_name error", lambda: type("X", (), {"b": BadName()}))
class CG:
    def __class_getitem__(cls, item): return ("cg", cls.__name__, item)
show("CG[int]", lambda: CG[5])

# metaclasses
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def hello(cls): return "hello from " + cls.__name__
class WithMeta(metaclass=Meta):
    pass
class WithMeta2(WithMeta):
    pass
show("type(WithMeta2)", lambda: type(WithMeta2))
show("WithMeta2.made_by", lambda: WithMeta2.made_by)
show("WithMeta2.hello()", lambda: WithMeta2.hello())
class Meta2(type):
    pass
class WithMeta3(metaclass=Meta2):
    pass
show("metaclass conflict", lambda: type("X", (WithMeta, WithMeta3), {}))

# object construction rules
show("object(1)", lambda: object(1))
show("P(1)", lambda: P(1))
show("P(x=1)", lambda: P(x=1))
class NewOnly:
    def __new__(cls, *a): return object.__new__(cls, *a)
show("NewOnly(1)", lambda: NewOnly(1))
class InitOnly:
    def __init__(self, *a): object.__init__(self, *a)
show("InitOnly(1)", lambda: InitOnly(1))
show("object.__new__(list)", lambda: object.__new__(list))
show("object.__new__(1)", lambda: object.__new__(1))
class NewOther:
    def __new__(cls): return 42
show("NewOther()", lambda: NewOther())
class Abs:
    pass
Abs.__abstractmethods__ = frozenset({"f", "g"})
show("abstract", lambda: Abs())

# __class__ assignment
class CA:
    pass
class CB:
    def who(self): return "CB"
ca = CA()
ca.keep = 1
ca.__class__ = CB
show("ca class", lambda: (type(ca).__name__, ca.who(), ca.keep))
run("ca to S", lambda: setattr(ca, "__class__", S))
run("ca to int", lambda: setattr(ca, "__class__", int))
run("ca to 1", lambda: setattr(ca, "__class__", 1))

# type attribute setters
class TN:
    pass
TN.__name__ = "Renamed"
show("renamed", lambda: TN)
run("name int", lambda: setattr(TN, "__name__", 1))
run("int name", lambda: setattr(int, "__name__", "x"))
TN.__qualname__ = "Q.R"
show("requalified", lambda: TN.__qualname__)
class BX:
    def bx(self): return "BX"
class BY:
    def bx(self): return "BY"
class BZ(BX):
    pass
bz = BZ()
show("bz.bx()", lambda: bz.bx())
BZ.__bases__ = (BY,)
show("bz.bx() rebased", lambda: bz.bx())
show("BZ.__mro__", lambda: BZ.__mro__)
run("bases empty", lambda: setattr(BZ, "__bases__", ()))
run("bases cycle", lambda: setattr(BX, "__bases__", (BZ,)))
run("bases layout", lambda: setattr(BZ, "__bases__", (int,)))

# slot wrappers of builtins
show("int.__add__(1, 2)", lambda: int.__add__(1, 2))
show("(5).__neg__()", lambda: (5).__neg__())
show("int.__add__ repr", lambda: int.__add__)
show("list.__hash__", lambda: list.__hash__)
show("[1].__add__(2)", lambda: [1].__add__(2))
show("object.__eq__", lambda: object().__eq__(1))
show("int.__add__('a', 1)", lambda: int.__add__("a", 1))
show("(1).__add__()", lambda: (1).__add__())
show("[].__len__()", lambda: [1, 2].__len__())
show("object.__init__ args", lambda: object.__init__(object(), 1))
show("object.__setattr__ hack", lambda: object.__setattr__(int, "x", 1))
show("str(object.__format__)", lambda: object().__format__("x"))
show("object.__subclasshook__", lambda: object.__subclasshook__())
show("object.__init_subclass__ kw", lambda: P.__init_subclass__(x=1))

# isinstance / issubclass
show("isinstance(1, 1)", lambda: isinstance(1, 1))
show("issubclass(1, int)", lambda: issubclass(1, int))
show("issubclass(int, 1)", lambda: issubclass(int, 1))
show("issubclass(bool, (str, int))", lambda: issubclass(bool, (str, int)))
class ICM(type):
    def __instancecheck__(cls, inst): return inst == 5
    def __subclasscheck__(cls, sub): return sub is int
class ICX(metaclass=ICM):
    pass
show("isinstance(5, ICX)", lambda: isinstance(5, ICX))
show("isinstance(6, ICX)", lambda: isinstance(6, ICX))
show("isinstance(ICX(), ICX)", lambda: isinstance(ICX(), ICX))
show("issubclass(int, ICX)", lambda: issubclass(int, ICX))
show("issubclass(ICX, ICX)", lambda: issubclass(ICX, ICX))
class Fake:
    __class__ = int
show("isinstance(Fake(), int)", lambda: isinstance(Fake(), int))
class AB:
    __bases__ = ()
show("isinstance(1, AB())", lambda: isinstance(1, AB()))
show("issubclass(AB(), AB())", lambda: issubclass(AB(), AB()))

# typing syntax: GenericAlias and UnionType
show("list[int]", lambda: list[int])
show("dict[str, list[int]]", lambda: dict[str, list[int]])
show("tuple[int, ...]", lambda: tuple[int, ...])
show("type[int]", lambda: type[int])
show("int | None", lambda: int | None)
show("int | str | int", lambda: int | str | int)
show("list[int] | None", lambda: list[int] | None)
show("int | 1", lambda: int | 1)
show("isinstance(1, int | str)", lambda: isinstance(1, int | str))
show("isinstance(1.5, int | str)", lambda: isinstance(1.5, int | str))
show("issubclass(bool, int | str)", lambda: issubclass(bool, int | str))
show("isinstance(1, list[int])", lambda: isinstance(1, list[int]))
show("list[int][str]", lambda: list[int][str])
show("list[int].__origin__", lambda: list[int].__origin__)
show("list[int].__args__", lambda: list[int].__args__)
show("(int | str).__args__", lambda: (int | str).__args__)
show("list[int] == list[int]", lambda: list[int] == list[int])
show("(int | str) == (str | int)", lambda: (int | str) == (str | int))
show("list[int]([1, 2])", lambda: list[int]([1, 2]))
show("list[int].__mro_entries__", lambda: list[int].__mro_entries__(()))
show("list[V]", lambda: list[V])
