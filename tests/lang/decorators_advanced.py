def counted(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper

class Service:
    @counted
    def handle(self, x):
        "handle docs"
        return x * 2
    @staticmethod
    @counted
    def helper():
        return "static"
    @classmethod
    @counted
    def make(cls):
        return cls.__name__
    @property
    @counted
    def prop(self):
        return "property value"

s = Service()
print(s.handle(2), s.handle(3), Service.handle.calls, Service.handle.__name__, Service.handle.__doc__)
print(Service.helper(), s.helper(), Service.__dict__["helper"].__func__.calls)
print(Service.make(), s.make(), Service.__dict__["make"].__func__.calls)
print(s.prop, s.prop, Service.prop.fget.calls)
# a decorator with arguments on a class
def with_attrs(**attrs):
    def deco(cls):
        for k, v in attrs.items():
            setattr(cls, k, v)
        return cls
    return deco
@with_attrs(color="red", size=3)
class Box:
    pass
print(Box.color, Box.size)
# a class used as a decorator
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.fn(*args)
        return self.cache[args]
@Memo
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), len(slow_square.cache))
# decorator order and evaluation time
trace = []
def d(name):
    trace.append("eval " + name)
    def apply(f):
        trace.append("apply " + name)
        return f
    return apply
@d("a")
@d("b")
@d("c")
def target():
    pass
print(trace)
# a decorator that replaces a method with a non-callable
def to_value(f):
    return f(None)
class V:
    @to_value
    def constant(self):
        return 42
print(V.constant, V().constant)
