# _functools: reduce, cmp_to_key (KeyWrapper) and partial.
from _functools import reduce, cmp_to_key, partial


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


def add(a, b):
    return a + b


print(reduce(add, [1, 2, 3, 4]), reduce(add, [1, 2, 3], 10), reduce(add, [], 5), reduce(add, [7]))
print(reduce(add, "abc"), reduce(lambda a, b: a * b, range(1, 8)), reduce(add, iter([[1], [2]])))
tr("reduce 1 arg", lambda: reduce(1))
tr("reduce empty", lambda: reduce(None, []))
tr("reduce not iterable", lambda: reduce(None, 1))
tr("reduce 4 args", lambda: reduce(add, [1], 10, 11))
tr("reduce keywords", lambda: reduce(function=1, iterable=2))
tr("reduce raising", lambda: reduce(lambda a, b: a / b, [1, 0]))
print(reduce.__module__, reduce.__name__)

# cmp_to_key
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(K).__name__, type(K).__module__)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
print(K(1) < K(2), K(1) > K(2), K(2) == K(2), K(2) != K(2), K(1) <= K(1), K(3) >= K(4))
print(K(5).obj, K(obj=6).obj)
k = K(1)
k.obj = 9
print(k.obj)
tr("K()", lambda: K())
tr("K(1, 2)", lambda: K(1, 2))
tr("K < int", lambda: K(1) < 2)
tr("hash K", lambda: hash(K(1)))
tr("cmp_to_key()", lambda: cmp_to_key())
tr("cmp not callable", lambda: cmp_to_key(mycmp=1)(3) < cmp_to_key(mycmp=1)(4))
tr("cmp raising", lambda: cmp_to_key(lambda a, b: 1 / 0)(3) < cmp_to_key(lambda a, b: 0)(4))

# partial
p = partial(add, 1)
print(p(2), p.func is add, p.args, p.keywords, repr(partial(print, 1, a=2)))


def f(*args, **kw):
    return args, sorted(kw.items())


q = partial(f, 1, 2, a=3)
print(q(), q(4, b=5), q(a=9), q(*range(3), **{"z": 0}))
flat = partial(q, 3, b=4)
print(flat.func is f, flat.args, sorted(flat.keywords.items()), flat())
print(repr(partial(partial(print, 1, a=2), 3, b=4)))
tr("partial()", lambda: partial())
tr("partial(1)", lambda: partial(1))
tr("partial(func=f)", lambda: partial(func=f))
print(partial(max, key=len)(["a", "bb"]), partial(print, **{"a": 1}).keywords)
red = partial(print).__reduce__()
print(red)
print(partial(print, 1, x=2).__reduce__())
s = partial(f)
s.__setstate__((add, (1,), {"k": 2}, None))
print(s.func is add, s.args, s.keywords)
s.__setstate__((f, (1,), None, {"attr": 5}))
print(s.keywords, s.attr, s(2))
tr("setstate int", lambda: partial(print).__setstate__(1))
tr("setstate short", lambda: partial(print).__setstate__((1, 2, 3)))
tr("setstate not callable", lambda: partial(print).__setstate__((1, 2, 3, 4)))
tr("setstate args", lambda: partial(print).__setstate__((print, 2, 3, 4)))
tr("setstate kw", lambda: partial(print).__setstate__((print, (), 3, 4)))
tr("setstate ok", lambda: partial(print).__setstate__((print, (), None, None)))
print(partial[int], hasattr(partial, "__get__"), partial.__module__)


def setfunc():
    p.func = 1


tr("set func", setfunc)
p.attr = 3
print(p.attr, p.__dict__, partial(p, 5).func is p)
print(p.__reduce__()[2][3])


class S(partial):
    pass


print(repr(S(print, 1)), type(partial(S(print, 1), 2).func).__name__)


class C:
    m = partial(f, "bound?")


print(C().m(1))
r = partial(f)
r.__setstate__((f, (r,), None, None))
print(repr(r).count("..."))
print(partial(f, 1)(2, k=3), partial(f, k=1)(k=2))
