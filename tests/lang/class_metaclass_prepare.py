class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return Recorder()
    def __new__(mcls, name, bases, ns, **kw):
        print("ns type", type(ns).__name__)
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls

class C(metaclass=Meta, option="yes"):
    b = 1
    a = 2
    def z(self): pass
    b = 3
print(C.order, C.b)

# __prepare__ returning a namespace that rejects duplicates
class NoDup(dict):
    def __setitem__(self, k, v):
        if k in self and not k.startswith("__"):
            raise KeyError(f"duplicate {k}")
        super().__setitem__(k, v)
class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDup()
try:
    class D(metaclass=Strict):
        x = 1
        x = 2
except KeyError as e:
    print(type(e).__name__, e)

# the namespace lookups during class body go through __getitem__
class Defaulting(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key[5:].upper()
        raise KeyError(key)
class AutoMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Defaulting()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class E(metaclass=AutoMeta):
    value = auto_hello
print(E.value)
try:
    class F(metaclass=AutoMeta):
        value = missing_name
except NameError as e:
    print(type(e).__name__, e)
# a metaclass that is a plain function
def fmeta(name, bases, ns):
    return name + "!" + ",".join(sorted(k for k in ns if not k.startswith("__")))
class G(metaclass=fmeta):
    q = 1
    p = 2
print(G)
