def f(self, x=0):
    return ("f", type(self).__name__, x)

class C:
    pass

c = C()
bound = f.__get__(c, C)
print(bound(), bound(1), type(bound).__name__)
print(f.__get__(None, C) is f)
# functions stored on the class become methods
C.f = f
print(c.f(2))
# builtin functions do not bind
C.l = len
try:
    c.l()
except TypeError as e:
    print(type(e).__name__, e)
C.items = [1, 2]
print(C.l(C.items))
# a class with __get__ used as a method decorator
class bind_twice:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, obj, *a)
class D:
    @bind_twice
    def m(a, b, c=None):
        return a is b, c
print(D().m(), D().m(3), type(D.m).__name__)
# callable object without __get__ does not bind
class Callable:
    def __call__(self, *a):
        return len(a)
class E:
    c = Callable()
print(E().c(1, 2))
