def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, sorted(k.items()))
        r = fn(*a, **k)
        print("ret", r)
        return r
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

@trace
def add(a, b):
    return a + b
add(1, 2)
add(a=3, b=4)
print(add.__name__, add.__wrapped__(5, 6))

def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco

@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))

order = []
def mark(tag):
    order.append("make " + tag)
    def d(fn):
        order.append("apply " + tag)
        fn.tags = getattr(fn, "tags", []) + [tag]
        return fn
    return d

@mark("outer")
@mark("inner")
def target():
    pass
print(order, target.tags)

# decorators on classes, and arbitrary expressions (PEP 614)
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class Thing:
    pass
print(list(registry))
decos = [lambda f: f, lambda f: (lambda: f() * 2)]
@decos[1]
def four():
    return 2
print(four())

# decorator returning a non-function
@type
def not_a_function():
    pass
print(not_a_function.__name__, type(not_a_function).__name__)
