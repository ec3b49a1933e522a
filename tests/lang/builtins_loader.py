# builtins.__loader__ and the specs of the builtin modules: importlib's
# BuiltinImporter (the class), as CPython sets them up at start-up.
import builtins
import sys

L = builtins.__loader__
print(L, type(L).__name__, L.__name__, L.__module__, L.__qualname__)
print(L is sys.__loader__, L in sys.meta_path, L is builtins.__spec__.loader)
print(builtins.__spec__.name, builtins.__spec__.origin, sys.__spec__.name, sys.__spec__.origin)
print(L.is_package("sys"), L.is_package("builtins"), L.get_code("sys"), L.get_source("sys"))
print(L.find_spec("sys").name, L.find_spec("no_such_module_here"))
print(L.find_spec("sys").loader is L, repr(L.find_spec("builtins")))
print(__loader__ is L or type(__loader__).__name__)
print(sorted(n for n in dir(L) if not n.startswith("__")))
print(builtins.__dict__["__loader__"] is L, "__loader__" in dir(builtins))
