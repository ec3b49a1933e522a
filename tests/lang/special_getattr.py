class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append("get " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append("set " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append("del " + name)
        delattr(self._target, name)

class T:
    pass
t = T()
p = Proxy(t)
p.x = 1
print(p.x, t.x)
del p.x
print(hasattr(t, "x"))
try:
    p.nothing
except AttributeError as e:
    print(type(e).__name__, e)
print(p._log)

class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dyn()
print(d.get_thing(), getattr(d, "get_x")(), hasattr(d, "other"), getattr(d, "other", "default"))
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)
# __getattr__ is not used for special method lookup
try:
    len(Dyn())
except TypeError as e:
    print(type(e).__name__, e)
# __getattr__ returning for dunder names via explicit access
print(Dyn().__class__.__name__)

class Recursive:
    def __getattr__(self, name):
        if name == "a":
            return self.b
        if name == "b":
            return "b value"
        raise AttributeError(name)
print(Recursive().a)
# setattr/getattr/delattr builtins and errors
class S:
    __slots__ = ("a",)
s = S()
setattr(s, "a", 5)
print(getattr(s, "a"))
delattr(s, "a")
try:
    delattr(s, "a")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(s, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(s, "b", 1)
except AttributeError as e:
    print(type(e).__name__, e)
