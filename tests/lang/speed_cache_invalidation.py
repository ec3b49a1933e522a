# Attacks on the interpreter's inline caches (quickening): every access site
# below runs in a loop long enough to be specialized, then the world changes
# under it. Each site must see the change exactly as an unspecialized lookup
# would.


def show(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


# ---- instance attributes: shapes, class shadowing, descriptors ----------

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def get_x(o):
    return o.x


def read_many(objs):
    return [get_x(o) for o in objs]


ps = [P(i, -i) for i in range(50)]
print(sum(read_many(ps)))
q = P(1, 2)
del q.x                      # shape change: x gone
show("deleted", get_x, q)
q.x = 7                      # back, in a new slot order
show("re-added", get_x, q)
r = P(3, 4)
r.__dict__["x"] = 99         # dict mode through __dict__
show("dict mode", get_x, r)
r.__dict__.clear()
show("dict cleared", get_x, r)
P.x = "class x"              # now a class attribute exists too
show("class attr shadowed by instance", get_x, ps[5])
show("class attr seen when instance lacks it", get_x, r)


class Swap:
    pass


s = P(5, 6)
show("before __class__", get_x, s)


class Other:
    def __init__(self):
        self.y = 1
        self.x = 2


s2 = Other()
s2.__class__ = P             # same names, other order: a new shape of P
show("swapped class", get_x, s2)
s.__class__ = Swap           # now a class without x... but with the instance attrs
show("after __class__ to Swap", get_x, s)
Swap.x = property(lambda self: "property wins")
show("data descriptor added on class", get_x, s)
del Swap.x
show("data descriptor removed", get_x, s)


# a descriptor whose class gains __set__ after warm-up
class Plain:
    pass


class Holder:
    attr = Plain()

    def __init__(self):
        self.attr = "instance value"


def get_attr(o):
    return o.attr


hs = [Holder() for _ in range(40)]
print([get_attr(h) for h in hs][:2])
Plain.__get__ = lambda self, obj, typ: "now a data descriptor"
Plain.__set__ = lambda self, obj, value: None
show("class of class attr gained __get__/__set__", get_attr, hs[0])
del Plain.__set__
show("lost __set__ again", get_attr, hs[0])
del Plain.__get__
show("plain again", get_attr, hs[0])


# class-level constants read through instances
class Conf:
    LIMIT = 10

    def over(self, n):
        return n > self.LIMIT


c = Conf()
print(sum(c.over(i) for i in range(30)))
Conf.LIMIT = 20
print(sum(c.over(i) for i in range(30)))
c.LIMIT = 0
print(sum(c.over(i) for i in range(30)))
del c.LIMIT
del Conf.LIMIT
show("constant deleted", c.over, 5)


# __getattr__ and __getattribute__ added after warm-up
class G:
    def __init__(self):
        self.a = 1


def get_a(o):
    return o.a


def get_b(o):
    return o.b


g = G()
for _ in range(40):
    get_a(g)
    show("no b", get_b, g) if _ == 0 else None
G.__getattr__ = lambda self, name: "fallback " + name
show("__getattr__ added", get_b, g)
show("a still direct", get_a, g)
G.__getattribute__ = lambda self, name: "intercepted " + name
show("__getattribute__ added", get_a, g)
del G.__getattribute__
show("__getattribute__ removed", get_a, g)
del G.__getattr__
show("__getattr__ removed", get_b, g)


# ---- stores: new attributes, transitions, slots, __setattr__ ------------

class S:
    def __init__(self, v):
        self.a = v
        self.b = v + 1
        self.c = v + 2
        self.d = v + 3
        self.e = v + 4
        self.f = v + 5      # past the inline slots
        self.g = v + 6


objs = [S(i) for i in range(60)]
print(sum(o.g for o in objs), sorted(vars(objs[7]).items()))


def set_b(o, v):
    o.b = v


for o in objs:
    set_b(o, 0)
print(sum(o.b for o in objs))
S.b = property(lambda self: "ro property")
show("store through read-only property", set_b, objs[0], 5)
del S.b
set_b(objs[0], 5)
print(objs[0].b)
log = []
S.__setattr__ = lambda self, name, value: log.append((name, value))
set_b(objs[1], 6)
S(100)
print(log[:3], objs[1].b)
del S.__setattr__
objs2 = [S(i) for i in range(3)]
print([o.f for o in objs2])


class Slotted:
    __slots__ = ("x",)


def set_x(o, v):
    o.x = v


sl = Slotted()
for i in range(40):
    set_x(sl, i)
print(sl.x)
show("slotted store of unknown attr", lambda: setattr(sl, "zz", 1))


# ---- method calls: monkeypatching, shadowing by instances, __class__ ----

class M:
    def meth(self, n):
        return n + 1


def call_meth(o, n):
    return o.meth(n)


m = M()
print(sum(call_meth(m, i) for i in range(50)))
M.meth = lambda self, n: n * 100
print(call_meth(m, 2))
m.meth = lambda n: "instance " + str(n)
print(call_meth(m, 3))
del m.meth
print(call_meth(m, 4))


class M2(M):
    pass


m2 = M2()
print(call_meth(m2, 5))
M.meth = staticmethod(lambda n: ("static", n))
print(call_meth(m2, 6), call_meth(m, 6))
M2.meth = classmethod(lambda cls, n: (cls.__name__, n))
print(call_meth(m2, 7), call_meth(m, 7))
m.__class__ = M2
print(call_meth(m, 8))
M2.meth = 42
show("method replaced by int", call_meth, m, 9)


# methods of builtin types through a changing receiver
def app(o, v):
    o.append(v)
    return len(o)


lst = []
for i in range(40):
    app(lst, i)


class MyList(list):
    def append(self, v):
        list.append(self, v * 2)


ml = MyList()
print(app(lst, 1), app(ml, 21), ml)


class Appender:
    def __init__(self):
        self.append = lambda v: "instance append " + str(v)

    def __len__(self):
        return 0


show("instance attribute named append", app, Appender(), 1)


# ---- classes and modules as receivers ----------------------------------

class K:
    VALUE = 1

    @staticmethod
    def helper(x):
        return ("helper", x)

    @classmethod
    def make(cls, x):
        return (cls.__name__, x)

    def plain(self):
        return "plain"


def use_class():
    return K.VALUE, K.helper(1), K.make(2), K.plain(None)


for _ in range(40):
    use_class()
print(use_class())
K.VALUE = 2
K.helper = staticmethod(lambda x: ("new helper", x))
K.make = classmethod(lambda cls, x: ("new make", cls.__name__))
print(use_class())
vars(K)["helper"].__init__(lambda x: ("reinit helper", x))
print(use_class())
del K.VALUE
show("class constant deleted", use_class)
K.VALUE = 3


class Meta(type):
    VALUE = "from meta"


class KM(metaclass=Meta):
    pass


def meta_value(c):
    return c.VALUE


for _ in range(40):
    meta_value(K)
show("metaclass attribute", meta_value, KM)
print(meta_value(K))
K2 = type("K2", (K,), {})
print(meta_value(K2))


import sys


def mod_attr():
    return sys.maxsize > 0, sys.getrecursionlimit() > 0


for _ in range(40):
    mod_attr()
saved = sys.getrecursionlimit
sys.getrecursionlimit = lambda: -1
print(mod_attr())
sys.getrecursionlimit = saved
print(mod_attr())
del sys.maxsize
show("module attribute deleted", mod_attr)


# ---- globals and builtins ---------------------------------------------

def use_len(x):
    return len(x)


for i in range(40):
    use_len([1] * i)
import builtins

builtins.len = lambda x: "patched len"
print(use_len([1, 2]))
len = lambda x: "global len"
print(use_len([1, 2]))
del len
print(use_len([1, 2]))
del builtins.len
show("builtin len deleted", use_len, [1])


# ---- polymorphic sites (the global attribute cache) ----------------------

class Base:
    def __init__(self, n):
        self.n = n
        self.tag = type(self).__name__

    def describe(self):
        return self.tag + ":" + str(self.n) + ":" + self.kind()

    def bump(self):
        self.n = self.n + 1
        self.extra = self.n


class A1(Base):
    def kind(self):
        return "a1"


class A2(Base):
    def kind(self):
        return "a2"


class A3(Base):
    def kind(self):
        return "a3"


class A4(A3):
    pass


zoo = [cls(i) for i in range(30) for cls in (A1, A2, A3, A4)]
for rnd in range(3):
    for z in zoo:
        z.bump()
print([z.describe() for z in zoo[:5]], sum(z.n for z in zoo))
A3.tag = property(lambda self: "prop-" + self.__dict__.get("tag", "?"))
print([z.describe() for z in zoo[:5]])
A3.kind = lambda self: "patched"
print([z.describe() for z in zoo[2:4]])
del A3.tag
A2.n = property(lambda self: -1, lambda self, v: None)
for z in zoo[:8]:
    z.bump()
print([z.describe() for z in zoo[:8]])
del A2.n
zoo[0].__class__ = A2
zoo[1].__class__ = A1
for z in zoo[:8]:
    z.bump()
print([z.describe() for z in zoo[:8]])
zoo[2].kind = lambda: "own kind"
print([z.describe() for z in zoo[:8]])
for z in zoo[:8]:
    del z.extra
    z.bump()
    vars(z)
    z.bump()
print([(z.describe(), z.extra) for z in zoo[:8]])


# ---- __slots__ members --------------------------------------------------

class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


vs = [V(i, -i) for i in range(40)]
print(sum(v.norm1() for v in vs))
half = V.__new__(V)
half.x = 1
show("unset member", lambda: half.norm1())
del vs[0].y
show("deleted member", vs[0].norm1)


class Thief:
    pass


Thief.x = V.__dict__["x"]          # a member descriptor of another layout
t = Thief()
show("stolen member get", lambda: t.x)
show("stolen member set", lambda: setattr(t, "x", 5))
for _ in range(30):
    show("stolen member get", lambda: t.x) if _ == 29 else None


class W(V):
    pass


ws = [W(i, i) for i in range(30)]
print(sum(w.norm1() for w in ws + vs[1:]))
W.x = property(lambda self: 1000)
print(sum(w.norm1() for w in ws))


# ---- instantiation: cls(...) runs __init__ inline ------------------------

class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(cls, *args):
    return cls(*args)


def make2(cls, a, b):
    return cls(a, b)


pts = [make2(Pt, i, i + 1) for i in range(50)]
print(sum(p.x + p.y for p in pts), type(pts[0]).__name__)
show("wrong arity", lambda: Pt(1))
show("keywords", lambda: vars(Pt(y=1, x=2)))
Pt.__init__ = lambda self, a, b: setattr(self, "s", a + b)
print(vars(make2(Pt, 3, 4)))
Pt.__init__ = lambda self, a, b: 42
show("__init__ returns 42", make2, Pt, 1, 2)


def bad_init(self, a, b):
    raise ValueError("no " + str(a))


Pt.__init__ = bad_init
show("__init__ raises", make2, Pt, 1, 2)


def init3(self, a, b, c=3):
    self.t = (a, b, c)


def init_code(self, a, b):
    self.u = a * b


Pt.__init__ = init_code
print(vars(make2(Pt, 5, 6)))
init_code.__code__ = init3.__code__
init_code.__defaults__ = (9,)
print(vars(make2(Pt, 5, 6)))
del Pt.__init__
show("object.__init__ with args", make2, Pt, 5, 6)


class WithNew:
    def __new__(cls, a, b):
        o = super().__new__(cls)
        o.made = (a, b)
        return o

    def __init__(self, a, b):
        self.inited = a - b


for _ in range(30):
    w = make2(WithNew, 9, 4)
print(vars(w))


class Other2:
    pass


class Odd:
    def __new__(cls, a, b):
        return Other2()

    def __init__(self, a, b):
        raise AssertionError("not called")


print(type(make2(Odd, 1, 2)).__name__)


class Meta2(type):
    def __call__(cls, *args):
        return ("meta call", args)


class ViaMeta(metaclass=Meta2):
    def __init__(self, a, b):
        pass


print(make2(ViaMeta, 1, 2))


class Abstractish:
    __abstractmethods__ = frozenset({"f"})

    def __init__(self, a, b):
        pass


show("abstract", lambda: type(make2(Abstractish, 1, 2)).__name__)
Abstractish.__abstractmethods__ = frozenset({"g"})
show("abstract after", lambda: type(make2(Abstractish, 1, 2)).__name__)


def deep(n):
    return make2(Chain, n, 0)


class Chain:
    def __init__(self, n, z):
        self.next = deep(n - 1) if n else None


c = deep(50)
depth = 0
while c is not None:
    depth += 1
    c = c.next
print(depth)


# ---- C methods called directly -------------------------------------------

class XL:
    append = list.append      # a list method on a class that is no list


class LL(list):
    pass


def go_append(o, v):
    try:
        return o.append(v)
    except TypeError as e:
        return type(e).__name__ + " " + str(e)


for o in [[], LL(), XL(), [1]]:
    for i in range(30):
        r = go_append(o, i)
    print(type(o).__name__, r)
dd = {}
for i in range(30):
    dd.get(i, 0)
show("dict.get without args", lambda: dd.get())
print(dict.fromkeys([1, 2]), {}.fromkeys("ab"))
