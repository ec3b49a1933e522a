sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10, *r, k=1, **kw: (a + b, r, k, kw)
print(add(1), add(1, 2, 3, k=4, z=5))
print((lambda: "nothing")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print((lambda *a: a)(1, 2))
print((lambda x: (yield x))(1).__class__.__name__)
cond = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([cond(v) for v in (-2, 0, 3)])
print((lambda: (lambda: 42))()())
