def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "done"
g = counter(5)
print(next(g), next(g), g.send(3), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def sub():
    x = yield 1
    y = yield x * 2
    return x + y
def delegator():
    r = yield from sub()
    yield ("result", r)
d = delegator()
print(next(d), d.send(10), d.send(5))

def thrower():
    try:
        yield 1
    except ValueError as e:
        yield ("caught", e.args)
    finally:
        print("thrower finally")
t = thrower()
next(t)
print(t.throw(ValueError("x")))
t.close()

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def gen_exp_in_gen():
    yield from (x * x for x in range(4))
print(list(gen_exp_in_gen()))

def yield_in_expr():
    l = [(yield 1), (yield 2)]
    return l
gi = yield_in_expr()
print(next(gi), gi.send("a"))
try:
    gi.send("b")
except StopIteration as e:
    print(e.value)

def gen_with_try_return():
    try:
        yield 1
        return 5
    finally:
        print("cleanup")
print([v for v in gen_with_try_return()])

def closure_gen(k):
    def inner():
        for i in range(k):
            yield i * k
    return inner
print(list(closure_gen(3)()))
lam = lambda: (yield 7)
print(list(lam()))

def stop_in_gen():
    yield 1
    raise StopIteration("boom")
try:
    list(stop_in_gen())
except RuntimeError as e:
    print("RuntimeError", e)

def yf_iter():
    r = yield from [1, 2]
    print("r is", r)
print(list(yf_iter()))
