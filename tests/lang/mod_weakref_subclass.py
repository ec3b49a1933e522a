# Subclasses of weakref.ref (the stdlib's KeyedRef pattern, attributes on
# a subclass), obj.__weakref__, ref[int], and which classes' instances can
# be weakly referenced (__slots__ without __weakref__, int/tuple bases).
import gc
import _weakref as weakref  # the stdlib weakref.py needs more modules (bytearray)
from _weakref import ref


class KeyedRef(ref):
    __slots__ = "key",

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class C:
    pass


log = []
c = C()
k = KeyedRef(c, lambda r: log.append(("cb", r.key)), "the key")
print(type(k).__name__, k.key, k() is c, isinstance(k, ref), k.__callback__ is not None)


class MyRef(ref):
    pass


m = MyRef(c)
m.extra = 5
print(m() is c, m.extra, MyRef(c) is m, ref(c) is m, ref(c) is ref(c))
o = C()
print(o.__weakref__)
r1 = ref(o)
print(o.__weakref__ is r1, weakref.getweakrefcount(o))
del c
gc.collect()
print(log, k(), m(), k.__callback__)
print(ref[int])


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class Sub(Slotted):
    pass


class MyInt(int):
    pass


class MyTuple(tuple):
    pass


class MyList(list):
    pass


class MyExc(Exception):
    pass


for obj in [Slotted(), SlottedWeak(), Sub(), MyInt(3), MyTuple(), MyList(), MyExc(), Exception()]:
    try:
        r = ref(obj)
        print(type(obj).__name__, "ok", r() is obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(int):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)
