# A class's __dict__ descriptor used on an instance of a builtin type with
# a dict of its own (module, type, exception) defers to that type's
# descriptor, as CPython: read-only where the builtin's is.
import types
class Base(object):
    pass
class Meta1(type, Base):
    pass
class D(object, metaclass=Meta1):
    pass
dict_descr = Base.__dict__["__dict__"]
for x in (D,):
    try:
        x.__dict__ = {}
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
    try:
        del x.__dict__
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
    try:
        dict_descr.__set__(x, {})
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
class Module1(types.ModuleType, Base):
    pass
class Module2(Base, types.ModuleType):
    pass
for M in (Module1, Module2):
    mod = M("spam")
    try:
        mod.__dict__ = {}
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
    try:
        del mod.__dict__
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
    try:
        dict_descr.__set__(mod, {})
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
    mod.foo = 1
    print(mod.foo, mod.__dict__['foo'])
class Exception1(Exception, Base):
    pass
class Exception2(Base, Exception):
    pass
for E in (Exception, Exception1, Exception2):
    e = E()
    e.__dict__ = {"a": 1}
    print(E.__name__, e.a)
    try:
        del e.__dict__
        print('deleted')
    except (TypeError, AttributeError) as ex:
        print(type(ex).__name__, ex)
print(dict_descr.__get__(D) is not None, type(dict_descr.__get__(D)).__name__)
class Plain(Base):
    pass
p = Plain()
p.__dict__ = {'z': 2}
print(p.z, dict_descr.__get__(p))
del p.__dict__
print(p.__dict__)
