def f(a, b, c, d=4, *rest, e=5, **kw):
    return a, b, c, d, rest, e, sorted(kw.items())

print(f(1, 2, 3))
print(f(*[1, 2], 3))
print(f(1, *(2, 3, 4, 5, 6)))
print(f(*range(3), e=9, **{"z": 0}))
print(f(1, *[2], *[3], *[], d=0))
print(f(**{"a": 1, "b": 2, "c": 3, "e": 0, "q": 1}))
args = (1, 2)
kwargs = {"c": 3, "d": 7}
print(f(*args, **kwargs))
print(f(*args, 3, *args, e=1, **{}))
# order of evaluation of arguments
log = []
def v(x):
    log.append(x)
    return x
f(v(1), *[v(2)], c=v(3), **{"d": v(4)})
print(log)
# keyword arguments named like Python keywords via **
def g(**kw):
    return sorted(kw)
print(g(**{"class": 1, "def": 2, "not an identifier": 3}))
