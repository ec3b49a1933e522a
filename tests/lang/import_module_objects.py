import sys
import lib.modgetattr as m
print(m.real, m.lazy_thing, getattr(m, "lazy_other"))
try:
    m.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(dir(m))
from lib.modgetattr import lazy_via_from
print(lazy_via_from)
m.added = "set from outside"
print(m.added, "added" in vars(m))
print(type(m).__name__, m.__name__, sorted(k for k in vars(m) if k.startswith("__") and k in ("__name__", "__doc__", "__package__")))
import lib.pkg_lazy as pl
print(hasattr(pl, "sub"))
import lib.pkg_lazy.sub
print(hasattr(pl, "sub"), pl.sub.VALUE)
# __import__ returns the top-level package unless fromlist is given
top = __import__("lib.pkg_lazy.sub")
leaf = __import__("lib.pkg_lazy.sub", fromlist=["VALUE"])
print(top.__name__, leaf.__name__)
# module type can be instantiated directly
ModuleType = type(sys)
mod = ModuleType("made_by_hand", "its doc")
mod.x = 1
print(mod.__name__, mod.__doc__, mod.x, repr(mod))
exec("def f(): return x + 1", mod.__dict__)
print(mod.f())
print(sys.modules["sys"] is sys, sys.__name__)
