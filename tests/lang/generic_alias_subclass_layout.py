# A subclass of a C type whose __new__ builds the object: the instance must
# have room for the subclass's own attributes (types.GenericAlias once
# allocated its own size, and the attributes overwrote the next object).
import gc
import inspect
import types


class A(types.GenericAlias):
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args, **kwargs)


keep = []
for i in range(200):
    a = A(list, (int, str))
    for k in range(6):
        setattr(a, "attr%d" % k, (i, k))
    keep.append(a)
    keep.append((list, int, i))
    if i % 50 == 0:
        gc.collect()
gc.collect()
print(all(object.__getattribute__(a, "attr5") == (i, 5) for i, a in enumerate(keep[::2])))
print(keep[1], keep[-1])
print(repr(keep[0]), keep[0].__origin__, keep[0].__args__)
print(type(A(dict, int)).__name__)


# inspect.signature of a class with neither __init__ nor __new__ is object's.
class Plain:
    pass


print(inspect.signature(Plain))
print(object.__text_signature__, int.__text_signature__, list.__text_signature__)
print(tuple.__text_signature__, float.__text_signature__, complex.__text_signature__)
print(property.__text_signature__, Plain.__text_signature__)
