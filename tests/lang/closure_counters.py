def counter(start=0, step=1):
    n = start
    def inc():
        nonlocal n
        n += step
        return n
    return inc

c1 = counter()
c2 = counter(100, 10)
print(c1(), c1(), c2(), c1(), c2())

def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
print([acc(v) for v in (1, 2, 3, 4)])

def make_pair():
    value = None
    def getter():
        return value
    def setter(v):
        nonlocal value
        value = v
    return getter, setter
g, s = make_pair()
print(g())
s("set")
print(g())

def memo(fn):
    cache = {}
    hits = 0
    def wrapped(n):
        nonlocal hits
        if n in cache:
            hits += 1
            return cache[n]
        cache[n] = r = fn(n)
        return r
    wrapped.stats = lambda: (hits, len(cache))
    return wrapped

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.stats())

# generators closing over the same cell
def gen_pair():
    x = 0
    def g1():
        nonlocal x
        while True:
            x += 1
            yield x
    def g2():
        while True:
            yield x * 100
    return g1(), g2()
a, b = gen_pair()
print(next(a), next(b), next(a), next(a), next(b))
