# __getattr__, __getattribute__, __setattr__, __delattr__: when each runs,
# how they combine with descriptors, object.__getattribute__ and super(),
# and the AttributeError messages.

class Lazy:
    cls_attr = "class"
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("no_"):
            raise AttributeError(name + " is really missing")
        value = "computed " + name
        setattr(self, name, value)
        return value
z = Lazy()
print(z.real, z.cls_attr, z.virtual, "virtual" in vars(z), z.virtual)
try:
    z.no_such
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(z, "no_x", "default"), hasattr(z, "no_y"), hasattr(z, "anything"))

class Logged:
    def __init__(self):
        self.log = []
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
g = Logged()
g.x = 1
print(g.x, g.method(), g.log)
try:
    g.missing
except AttributeError as e:
    print("AttributeError:", e, g.log[-1])

class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("explicit")
        if name == "err":
            raise KeyError("not an AttributeError")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
b = Both()
print(b.boom, b.nothing)
try:
    b.err
except KeyError as e:
    print("KeyError:", e)

class Guard:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("private: " + name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        if name == "keep":
            raise AttributeError("cannot delete keep")
        object.__delattr__(self, name)
gd = Guard()
gd.keep = 1
gd.other = 2
try:
    gd._secret = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del gd.keep
except AttributeError as e:
    print("AttributeError:", e)
del gd.other
print(vars(gd))
try:
    del gd.other
except AttributeError as e:
    print("AttributeError:", e)

# descriptors: data descriptors beat the instance, non-data ones do not
class Data:
    def __get__(self, obj, owner):
        return ("data", obj is None, owner.__name__)
    def __set__(self, obj, value):
        obj.__dict__["stored"] = value
class NonData:
    def __get__(self, obj, owner):
        return ("nondata", obj is None)
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["so"] = value
class Host:
    d = Data()
    n = NonData()
    so = SetOnly()
h = Host()
h.__dict__["d"] = "instance d"
h.__dict__["n"] = "instance n"
print(h.d, h.n, Host.d, Host.n)
h.d = 5
print(h.stored, h.__dict__["d"])
print(type(Host.so).__name__, type(h.so).__name__)
h.so = 9
print(h.so)
try:
    del h.d
except AttributeError as e:
    print("AttributeError:", e)

# object.__setattr__ cannot be used on builtins
for target in (1, int, "s"):
    try:
        object.__setattr__(target, "x", 1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

# attributes of objects without a __dict__
for obj in (object(), 1, [], "s"):
    try:
        obj.attr = 1
    except AttributeError as e:
        print("AttributeError:", e)
try:
    object().__str__ = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].append = 2
except AttributeError as e:
    print("AttributeError:", e)

# __dir__ and vars()
class DirMe:
    x = 1
    def f(self): pass
dm = DirMe()
dm.y = 2
print([n for n in dir(dm) if not n.startswith("__")])
class CustomDir:
    def __dir__(self):
        return ["b", "a"]
print(dir(CustomDir()))
