def curry(f, n):
    def curried(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: curried(*args, *more)
    return curried
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
def partial(f, *bound, **kwbound):
    def g(*args, **kw):
        return f(*bound, *args, **{**kwbound, **kw})
    return g
power = partial(pow, 2)
print(power(10), partial(sorted, key=len)(["ccc", "a", "bb"]), partial(print, sep="-")(1, 2, 3))
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
print(compose(str, lambda x: x * 2, abs)(-21))
def reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
print(reduce(lambda a, b: a * b, range(1, 11), 1), reduce(lambda a, s: a + len(s), ["ab", "cde"], 0))
print(list(map(lambda p: p[0] * p[1], zip(range(5), range(5, 10)))))
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
fact = Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(10))
memo = {}
fib = lambda n: memo[n] if n in memo else memo.setdefault(n, n if n < 2 else fib(n - 1) + fib(n - 2))
print(fib(80))
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, x=3), (lambda x, /, y: x - y)(5, y=3))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=lambda t: (t[0], t[1])))
