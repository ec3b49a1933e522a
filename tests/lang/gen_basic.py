def count(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("end")

g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(count(3)))
print(sum(x * x for x in range(5)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value, e.args)
# generator state
def states():
    yield
g = states()
print(g.gi_running, g.gi_frame is not None)
next(g)
try:
    next(g)
except StopIteration:
    pass
print(g.gi_frame)
# yield as expression without send gives None
def echo():
    while True:
        got = yield
        print("got", got)
e = echo()
next(e)
next(e)
# empty generator
def empty():
    return
    yield
print(list(empty()))
# generator functions are functions
print(type(count).__name__, count.__code__.co_flags & 0x20 != 0)
