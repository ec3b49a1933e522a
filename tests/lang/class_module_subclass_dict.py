# A subclass of the module type shares the module's own __dict__ (no second
# dict): names put into __dict__ are attributes, attributes show in
# __dict__, and a class-level __getattr__ runs only for missing names.
import sys

ModuleType = type(sys)


class Lazy(ModuleType):
    def __getattr__(self, name):
        if name.startswith("lazy_"):
            value = name[5:].upper()
            setattr(self, name, value)
            return value
        raise AttributeError(name)


old = ModuleType("old")
old.a = 1
old.b = [2]
new = Lazy("new")
new.__dict__.update(old.__dict__)
print(sorted(k for k in new.__dict__ if not k.startswith("__")))
print(new.a, new.b, new.__name__)
del new.a
print(hasattr(new, "a"), "a" in new.__dict__)
print(new.lazy_x, "lazy_x" in new.__dict__)
try:
    new.missing
except AttributeError as e:
    print(type(e).__name__, e)
new.c = 3
print(new.__dict__["c"], "__dict__" in Lazy.__dict__, "__weakref__" in Lazy.__dict__)
print(ModuleType.__dict__["__dict__"].__get__(new) is new.__dict__)
try:
    new.__dict__ = {}
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)


class Plain(ModuleType):
    pass


p = Plain("p")
p.__dict__["x"] = 10
print(p.x, vars(p) is p.__dict__)
try:
    del p.nope
except AttributeError as e:
    print(type(e).__name__, e)
