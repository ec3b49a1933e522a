# ExceptionGroup is a heap type in CPython (made by PyErr_NewException): its
# dict holds __module__ and __weakref__, and its instances, unlike other
# exceptions', may be weakly referenced.
print(list(ExceptionGroup.__dict__))
print(ExceptionGroup.__dict__["__module__"], ExceptionGroup.__module__, ExceptionGroup.__doc__)
print(sorted(set(dir(ExceptionGroup)) - set(dir(BaseExceptionGroup))))
print("__weakref__" in BaseExceptionGroup.__dict__, "__module__" in BaseExceptionGroup.__dict__)
d = ExceptionGroup.__dict__["__weakref__"]
print(type(d).__name__, d.__name__, d.__objclass__.__name__, repr(d))
print(ExceptionGroup.__weakref__ is d)

eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(eg.__weakref__)
try:
    ValueError().__weakref__
except AttributeError as e:
    print(type(e).__name__, e)
try:
    d.__get__(ValueError())
except TypeError as e:
    print(type(e).__name__, e)
try:
    eg.__weakref__ = 1
except AttributeError as e:
    print(type(e).__name__, e)

# a subclass inherits the slot: no __weakref__ of its own
class MyGroup(ExceptionGroup):
    pass

print(list(MyGroup.__dict__))
m = MyGroup("m", [KeyError("k")])
print(m.__weakref__, type(m).__mro__)
print(MyGroup.__module__, ExceptionGroup.__qualname__, repr(ExceptionGroup))
sub = eg.subgroup(ValueError)
print(type(sub).__name__, sub.__weakref__, sub.exceptions)
print(BaseExceptionGroup("x", [ValueError()]).__class__.__name__)
