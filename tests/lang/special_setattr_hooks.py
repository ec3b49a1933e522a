class Frozen:
    __slots__ = ("x", "y", "_frozen")
    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "_frozen", True)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")
f = Frozen(1, 2)
print(f.x, f.y)
for action in (lambda: setattr(f, "x", 5), lambda: delattr(f, "y"), lambda: setattr(f, "z", 0)):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)

class Validated:
    def __setattr__(self, name, value):
        if name.startswith("n_") and not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        print("set", name, "=", repr(value))
        super().__setattr__(name, value)
v = Validated()
v.n_items = 3
v.label = "x"
try:
    v.n_items = "three"
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(vars(v).items()))

class Tracked:
    def __init__(self):
        self.__dict__["log"] = []
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        self.__dict__[name] = value
    def __delattr__(self, name):
        self.log.append(("del", name))
        del self.__dict__[name]
t = Tracked()
t.a = 1
t.a += 1
del t.a
print(t.log)
# setattr with a property and __setattr__ override going through object.__setattr__
class P:
    @property
    def val(self):
        return self._val
    @val.setter
    def val(self, v):
        object.__setattr__(self, "_val", v * 10)
    def __setattr__(self, name, value):
        print("P.__setattr__", name)
        object.__setattr__(self, name, value)
p = P()
p.val = 4
print(p.val)
