# The class statement's __build_class__: metaclass choice, __prepare__,
# class keywords, __mro_entries__ / __orig_bases__, the __class__ cell.
import builtins


class Ordered(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith('__'):
            self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', mcls.__name__, name, [b.__name__ for b in bases], sorted(kw))
        return Ordered()

    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, ns.order, sorted(kw.items()))
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flavor='x'):
    z = 1
    a = 2

    def m(self):
        return 3


print(type(A).__name__, A.order, A.z)


class B(A):
    b = 1


print(type(B).__name__, B.order)


class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class Tagged(Base, tag='hello'):
    pass


print(Tagged.tag)


class Proxy:
    def __mro_entries__(self, bases):
        return (Base,)


class FromProxy(Proxy()):
    pass


print([c.__name__ for c in FromProxy.__mro__], type(FromProxy.__orig_bases__[0]).__name__)
print('__orig_bases__' in Tagged.__dict__)


class Empty(Proxy):
    pass


print('__orig_bases__' in Empty.__dict__)


def function_meta(name, bases, ns, **kw):
    print('function_meta', name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
    return 42


class NotAClass(metaclass=function_meta, extra=1):
    x = 1


print(NotAClass)


class M1(type):
    pass


class M2(type):
    pass


class C1(metaclass=M1):
    pass


class C2(metaclass=M2):
    pass


try:
    class C3(C1, C2):
        pass
except TypeError as e:
    print('TypeError', e)


class Sub1(M1):
    pass


class C4(metaclass=Sub1):
    pass


class C5(C1, C4):
    pass


print(type(C5).__name__)


class UsesClassCell:
    def who(self):
        return __class__

    def sup(self):
        return super().__repr__ is not None


print(UsesClassCell().who() is UsesClassCell, UsesClassCell().sup())


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5


try:
    class X(metaclass=BadPrepare):
        pass
except TypeError as e:
    print('TypeError', e)


class ReplacingMeta(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)


try:
    class Y(metaclass=ReplacingMeta):
        def f(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError', e)

for args in ((), (1,), (1, 'C'), (lambda: None, 5)):
    try:
        builtins.__build_class__(*args)
    except TypeError as e:
        print('TypeError', e)


def body():
    q = 1


K = builtins.__build_class__(body, 'K')
print(K.__name__, K.q if hasattr(K, 'q') else 'no q')
