def f(**kw):
    return type(kw).__name__, list(kw.items())

print(f())
print(f(a=1, b=2))
print(f(**{"x": 1}, y=2, **{"z": 3}))

def g(a, b, **kw):
    return a, b, list(kw.items())
print(g(1, b=2, c=3))
print(g(**{"a": 1, "b": 2, "c": 3}))
print(g(b=1, a=2))

# kwargs dict is fresh and ordered by call order
d = {"p": 1, "q": 2}
r = f(**d)
print(r[1], d)

def h(**kw):
    kw["new"] = 1
    return kw
d2 = {"old": 0}
print(h(**d2), d2)

# errors
try:
    g(1, 2, **{"a": 5})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)

# a mapping that is not a dict
class M:
    def keys(self):
        return ["one", "two"]
    def __getitem__(self, k):
        return k.upper()
print(f(**M()))
