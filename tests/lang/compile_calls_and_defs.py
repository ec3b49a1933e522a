def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))
print(f(1, *(2, 3), *[4], c=1, **{"x": 1}, **{"y": 2}))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, c=3, d=4), pos_only(1, 2, 3, d=4))
try:
    pos_only(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError", e)
try:
    f(1, c=1, **{"c": 2})
except TypeError as e:
    print("TypeError", e)
try:
    f(1, **{1: 2})
except TypeError as e:
    print("TypeError", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError", e)
try:
    f(1, **5)
except TypeError as e:
    print("TypeError", e)
order = []
def tag(x):
    order.append(x)
    return x
def g(*a, **k):
    return a, k
g(tag(1), tag(2), k=tag(3), *[tag(4)], **{"z": tag(5)})
print(order)
def defaults_once(x=[]):
    x.append(1)
    return x
print(defaults_once(), defaults_once())
def kw_defaults(*, a=tag("kwdefault"), b):
    return a, b
print(kw_defaults(b=1))
def deco(name):
    order.append("deco " + name)
    def wrap(fn):
        order.append("wrap " + name)
        def inner(*a, **k):
            return (name, fn(*a, **k))
        return inner
    return wrap
order.clear()
@deco("outer")
@deco("inner")
def decorated(x):
    return x * 2
print(order, decorated(5))
big = lambda *a: len(a)
print(big(*range(100)), big(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35))
def many_kw(**k):
    return sorted(k)
print(many_kw(a1=1,a2=2,a3=3,a4=4,a5=5,a6=6,a7=7,a8=8,a9=9,a10=10,a11=11,a12=12,a13=13,a14=14,a15=15,a16=16,a17=17))
class M:
    def meth(self, x, y=1):
        return self, x, y
m = M()
print(m.meth(2)[1:], M.meth(m, 3, y=4)[1:])
print(m.meth(*[5])[1:], m.meth(x=6)[1:])
def annotated(a: int, b: "str" = "x", *args: tuple, k: float = 1.0, **kw: dict) -> list:
    pass
print(annotated.__annotations__)
print(annotated.__defaults__, annotated.__kwdefaults__)
def closure_default():
    v = 1
    def inner(a=v):
        return a, v
    v = 2
    return inner()
print(closure_default())
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(10))
print((lambda *, k: k)(k=3))
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_flags)
