class A:
    "docstring A"
    x: int = 5
    y: "str"
    z = [1, 2]
    def m(self):
        return self.x
print(A.__doc__, A.__annotations__, A.__module__, A.__qualname__, A.x, A.z)
def make():
    class Local:
        pass
    return Local
print(make().__qualname__)
class Outer:
    class Inner:
        def meth(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__)
def f():
    def g():
        pass
    return g
print(f().__qualname__, f.__qualname__, (lambda: 0).__qualname__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.made_by)
bases = (A,)
class Star(*bases):
    pass
print(Star.x, Star.__bases__ == (A,))
class Deco:
    pass
def add_attr(cls):
    cls.added = True
    return cls
@add_attr
class Decorated:
    pass
print(Decorated.added)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.__private = Counter.count
    def get(self):
        return self.__private
c1, c2 = Counter(), Counter()
print(c1.get(), c2.get(), Counter.count, hasattr(c1, "_Counter__private"))
class Prop:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
p = Prop()
p.v = 5
print(p.v)
class Static:
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls, a):
        return cls.__name__, a
print(Static.s(1), Static.c(2), Static().c(3))
class NoDoc:
    x = 1
print(NoDoc.__doc__)
class ClassVarInComp:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
print(ClassVarInComp.doubled)
x = "module x"
class UsesGlobalInBody:
    x = x
print(UsesGlobalInBody.x)
def func_with_class_ref():
    y = "enclosing y"
    class K:
        y = "class y"
        got = y
        def m(self):
            return y
    return K.got, K().m()
print(func_with_class_ref())
class SlotsAnn:
    __slots__ = ("a",)
    a: int
print(SlotsAnn.__annotations__)
class Super2(A):
    def m(self):
        return ("Super2", super().m())
print(Super2().m())
