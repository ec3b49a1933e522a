def f(a, b, /, c, *, d):
    return a, b, c, d

print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(a=1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)

# positional-only names may also appear in **kwargs
def g(name, /, **kw):
    return name, sorted(kw)
print(g("pos", name="kw"))

def h(a, b=2, /):
    return a, b
print(h(1), h(1, 5))
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount)
print(f.__code__.co_varnames)
