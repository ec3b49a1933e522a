# Weakref callbacks: called with the dead reference after `del` +
# gc.collect(), newest first for one object, not called when the weakref
# itself died; __callback__; a callback error does not stop the others.
import gc
import _weakref as weakref  # the stdlib weakref.py needs types.GenericAlias


class C:
    def __init__(self, name):
        self.name = name


log = []


def make_cb(tag):
    def cb(ref):
        log.append((tag, ref() is None, type(ref).__name__))
    return cb


a = C("a")
refs = [weakref.ref(a, make_cb(i)) for i in range(4)]
print([r.__callback__ is not None for r in refs])
print(len(set(map(id, refs))), weakref.getweakrefcount(a))
del a
gc.collect()
print(log)
print([r.__callback__ for r in refs])
print([r() for r in refs])

# The callback of a reference that died first is never called.
log.clear()
b = C("b")
kept = weakref.ref(b, make_cb("kept"))
dropped = weakref.ref(b, make_cb("dropped"))
del dropped
gc.collect()
print(weakref.getweakrefcount(b))
del b
gc.collect()
print(log)

# A callback that raises: reported, the next one still runs.
log.clear()
e = C("e")


def bad(ref):
    log.append("bad")
    raise ValueError("callback failed")


r1 = weakref.ref(e, make_cb("first"))
r2 = weakref.ref(e, bad)
del e
gc.collect()
print(log)

# A registry cleaned by callbacks (the WeakValueDictionary pattern).
registry = {}


def remover(key):
    def remove(ref):
        del registry[key]
    return remove


objs = [C(str(i)) for i in range(6)]
for i, o in enumerate(objs):
    registry[i] = weakref.ref(o, remover(i))
del o
print(sorted(registry))
del objs[1:4]
gc.collect()
print(sorted(registry))
print([registry[k]().name for k in sorted(registry)])
objs.clear()
gc.collect()
print(registry)

# Callbacks may create new references and objects.
log.clear()
holder = []
x = C("x")


def resurrecting_cb(ref):
    holder.append(C("new"))
    log.append(weakref.getweakrefcount(holder[0]))


rx = weakref.ref(x, resurrecting_cb)
del x
gc.collect()
print(log, holder[0].name)
