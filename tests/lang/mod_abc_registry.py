# abc.ABCMeta on the _abc C module: abstract methods, register(), the
# subclass hook, the caches and their invalidation, the error messages.
import abc
import _abc


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

    @property
    @abc.abstractmethod
    def size(self):
        ...

    def concrete(self):
        return 'concrete'


print(sorted(Base.__abstractmethods__), type(Base._abc_impl).__name__)
try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)


class Half(Base):
    def run(self):
        return 'run'


print(sorted(Half.__abstractmethods__))


class Full(Half):
    size = 3


print(sorted(Full.__abstractmethods__), Full().run(), Full().size, Full().concrete())
print(isinstance(Full(), Base), issubclass(Full, Base), issubclass(int, Base))

token = abc.get_cache_token()
print(type(token).__name__, Base.register(int) is int, abc.get_cache_token() - token)
print(issubclass(int, Base), isinstance(7, Base), issubclass(bool, Base))
print(Base.register(int) is int, abc.get_cache_token() - token)  # already: no new token
Base.register(Full)  # already a subclass: a no-op
print(abc.get_cache_token() - token)
for bad in (3, 'str', None):
    try:
        Base.register(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    Full.register(Base)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    issubclass(3, Base)
except TypeError as e:
    print(type(e).__name__, e)


class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any('__len__' in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(issubclass(list, Sized), issubclass(int, Sized), isinstance('', Sized), isinstance(1.5, Sized))


class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42


try:
    issubclass(int, Bad)
except AssertionError as e:
    print(type(e).__name__, e)

# The caches: a negative answer is remembered until any registration.
class Late(abc.ABC):
    pass


class Plain:
    pass


print(issubclass(Plain, Late))
registry, cache, negative, version = _abc._get_dump(Late)
print(len(registry), len(cache), len(negative), version == abc.get_cache_token())
Late.register(Plain)
print(issubclass(Plain, Late), isinstance(Plain(), Late))
registry, cache, negative, version = _abc._get_dump(Late)
print(len(registry), len(cache), len(negative), [r() is Plain for r in registry])
_abc._reset_caches(Late)
print([len(s) for s in _abc._get_dump(Late)[:3]])
_abc._reset_registry(Late)
print([len(s) for s in _abc._get_dump(Late)[:3]], issubclass(Plain, Late))


# A subclass of a registered class, and of a subclass.
class Deep(Plain):
    pass


Late.register(Plain)
print(issubclass(Deep, Late), isinstance(Deep(), Late))


class Meta(abc.ABCMeta):
    pass


class WithMeta(metaclass=Meta):
    @abc.abstractmethod
    def m(self):
        ...


print(type(WithMeta).__name__, sorted(WithMeta.__abstractmethods__))
try:
    _abc._abc_instancecheck(int, 3)
except Exception as e:
    print(type(e).__name__, e)
