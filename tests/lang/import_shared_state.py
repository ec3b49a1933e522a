import lib.shapes.registry as r1
from lib.shapes import registry as r2
from lib.shapes.registry import register, REGISTERED
print(r1 is r2, register("a"), r2.register("b"), REGISTERED, r1.REGISTERED is REGISTERED)
print(r1.parent_name(), r1.parent_package.Circle.__name__)
import lib.shapes
print(lib.shapes.registry is r1, "registry" in dir(lib.shapes))
def use_in_function():
    from lib.shapes.registry import register as reg
    return reg("c")
print(use_in_function(), REGISTERED)
import sys
print(sorted(name for name in sys.modules if name.startswith("lib")))
