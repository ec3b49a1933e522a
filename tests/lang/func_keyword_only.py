def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, c=5, b=2))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)

def g(*, x, y):
    return x - y
print(g(y=1, x=10))
try:
    g()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(x=1)
except TypeError as e:
    print(type(e).__name__, e)

def h(*args, key, **rest):
    return args, key, rest
print(h(1, 2, key="k", other=0))
print(f.__code__.co_kwonlyargcount, g.__code__.co_kwonlyargcount)
print(f.__code__.co_argcount, h.__code__.co_argcount)
print(f.__kwdefaults__)
