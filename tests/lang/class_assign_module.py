# __class__ assignment between ModuleType and its subclasses (both ways),
# refused for other builtin types and incompatible layouts.
import types
class SubType(types.ModuleType):
    a = 1
m = types.ModuleType('m')
m.__class__ = SubType
print(m.__class__.__name__, m.a, m.__name__)
m.x = 5
m.__class__ = types.ModuleType
print(m.__class__.__name__, hasattr(m, 'a'), m.x)
class Sub2(types.ModuleType):
    __slots__ = ('q',)
for target in (Sub2, int):
    try:
        m.__class__ = target
        print('ok', m.__class__.__name__)
    except TypeError as e:
        print(type(e).__name__, e)
class O: pass
try:
    O().__class__ = types.ModuleType
except TypeError as e:
    print(type(e).__name__, e)
try:
    m.__class__ = O
except TypeError as e:
    print(type(e).__name__, e)
import sys
class Mod(types.ModuleType):
    def __getattr__(self, name): return 'dyn:' + name
sys.modules[__name__].__class__ = Mod
print(sys.modules[__name__].nothing)
