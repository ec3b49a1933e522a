# ExceptionGroup instances may be weakly referenced (CPython's is a heap
# type with a __weakref__ slot); other exceptions may not.
import gc
import weakref

eg = ExceptionGroup("eg", [ValueError(1)])
r = weakref.ref(eg)
print(r() is eg, eg.__weakref__ is r, weakref.getweakrefcount(eg))
calls = []
r2 = weakref.ref(eg, lambda ref: calls.append("gone"))
print(weakref.getweakrefcount(eg))
for exc in (ValueError(), BaseExceptionGroup("b", [KeyboardInterrupt()]), Exception()):
    try:
        weakref.ref(exc)
        print(type(exc).__name__, "weakref ok")
    except TypeError as e:
        print(type(exc).__name__, type(e).__name__, e)

class Sub(ExceptionGroup):
    pass

s = Sub("s", [ValueError()])
rs = weakref.ref(s)
print(rs() is s)
ws = weakref.WeakSet([eg, s])
print(len(ws))
del eg, s
gc.collect()
print(r(), rs(), calls, len(ws))
