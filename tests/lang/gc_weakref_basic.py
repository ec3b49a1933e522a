# weakref.ref: calling, death after `del` + gc.collect(), reuse of the basic
# ref, hash and equality, repr, what cannot be weakly referenced.
import gc
import _weakref as weakref  # the stdlib weakref.py needs types.GenericAlias


class C:
    pass


def f():
    pass


def show_repr(r, *objs):
    text = repr(r).replace(hex(id(r)), "REF")
    for name, o in objs:
        text = text.replace(hex(id(o)), name)
    print(text)


c = C()
r = weakref.ref(c)
print(r() is c, type(r).__name__, type(r) is weakref.ReferenceType)
print(weakref.ref(c) is r, weakref.ref(c, None) is r)
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r])
show_repr(r, ("OBJ", c))
show_repr(weakref.ref(f), ("F", f))
show_repr(weakref.ref(C), ("CLS", C))
print(r.__callback__)

h = hash(r)
print(h == hash(c))
d = C()
r2 = weakref.ref(d)
r3 = weakref.ref(d, lambda ref: None)
print(r2 == r3, r2 != r3, r2 is r3, r == r2)
print(weakref.getweakrefcount(d), weakref.getweakrefs(d) == [r2, r3])
try:
    r < r2
except TypeError as e:
    print("TypeError:", e)

del c, d
gc.collect()
print(r(), r2(), r3())
show_repr(r)
print(hash(r) == h)
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)
print(r2 == r3, r2 == r2, r2 != r3)
print(weakref.getweakrefcount(1), weakref.getweakrefs("x"))

for bad in [1, 1.5, "s", b"b", (1,), [1], {1: 2}, None, True, object(), range(3)]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)

for good in [f, C, len, {1, 2}, frozenset(), weakref, (x for x in ())]:
    print(type(good).__name__, weakref.ref(good)() is good)

try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(f, None, None)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(f, callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    r()
    r(1)
except TypeError as e:
    print("TypeError:", e)
