# Driving coroutines by hand with send(): no event loop library.
class Suspend:
    """An awaitable that yields one value to the driver."""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        received = yield self.value
        return received

async def add_remote(a, b):
    x = await Suspend(("fetch", a))
    y = await Suspend(("fetch", b))
    return x + y

coro = add_remote("a", "b")
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(coro.send(None))
print(coro.send(10))
try:
    coro.send(32)
except StopIteration as e:
    print("result", e.value)

# a coroutine awaiting another coroutine
async def double(v):
    got = await Suspend(("double", v))
    return got * 2
async def outer():
    a = await double(1)
    b = await double(2)
    return [a, b]
c = outer()
req = c.send(None)
results = []
try:
    while True:
        print("request", req)
        req = c.send(req[1] + 100)
except StopIteration as e:
    print("outer result", e.value)

# coroutines are not iterators
async def simple():
    return "simple"
s = simple()
try:
    next(s)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(s)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.send(None)
except StopIteration as e:
    print("simple ->", e.value)
try:
    s.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
# awaiting a non-awaitable
async def bad():
    await 5
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
class BadAwait:
    def __await__(self):
        return 5
async def bad2():
    await BadAwait()
try:
    bad2().send(None)
except TypeError as e:
    print(type(e).__name__, e)
c = simple()
c.close()
print(c.cr_frame, c.cr_running, type(c.cr_code).__name__)
