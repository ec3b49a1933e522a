# __del__: run once after `del` + gc.collect(), before the callbacks of the
# object's weakrefs; resurrection (PEP 442: never finalized twice); errors
# in __del__ are reported and ignored; gc.is_finalized.
import gc
import _weakref as weakref  # the stdlib weakref.py needs types.GenericAlias

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


d = D("one")
r = weakref.ref(d, lambda ref: log.append("callback"))
print(gc.is_finalized(d))
del d
gc.collect()
print(log, r())

# A subclass inherits __del__.
class E(D):
    pass


log.clear()
e = E("sub")
del e
gc.collect()
print(log)

# Resurrection: __del__ stores self; it is not called a second time.
saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        saved.append(self)


log.clear()
p = Phoenix()
rp = weakref.ref(p)
del p
gc.collect()
print(log, len(saved), rp() is saved[0], gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print(log, rp())

# __del__ that raises: reported on stderr, the program goes on.
class Bad:
    def __del__(self):
        log.append("bad del")
        raise RuntimeError("del failed")


log.clear()
b = Bad()
del b
gc.collect()
print(log)

# An object with __del__ inside a reference cycle is finalized and freed.
log.clear()
c1 = D("cycle")
c1.self = c1
rc = weakref.ref(c1)
del c1
gc.collect()
gc.collect()
print(log, rc())

# __del__ can be called explicitly; gc still finalizes the object once.
log.clear()
x = D("explicit")
x.__del__()
del x
gc.collect()
print(log)
print("end")
