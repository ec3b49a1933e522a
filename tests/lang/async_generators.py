class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def agen(n):
    for i in range(n):
        got = await Tick()
        yield (i, got)
    print("agen done")

def drive(awaitable, feed=0):
    """Run an awaitable to completion, answering each 'tick' with feed."""
    it = awaitable.__await__()
    value = None
    while True:
        try:
            req = it.send(value)
        except StopIteration as e:
            return e.value
        feed += 1
        value = feed * 100

a = agen(3)
print(type(a).__name__, a.__name__)
print(drive(a.__anext__()))
print(drive(a.__anext__()))
print(drive(a.__anext__()))
try:
    drive(a.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)

async def collect():
    out = []
    async for item in agen(2):
        out.append(item)
    return out
print(drive(collect()))

async def comp():
    return [x async for x in agen(2)], {k: v async for k, v in agen(1)}
print(drive(comp()))

# asend and athrow
async def echo():
    try:
        while True:
            received = yield "ready"
            yield f"echo {received}"
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("echo finally")
e = echo()
print(drive(e.asend(None)))
print(drive(e.asend("hello")))
print(drive(e.asend(None)))
print(drive(e.athrow(ValueError("bad"))))
try:
    drive(e.asend(None))
except StopAsyncIteration:
    print("echo exhausted")
# aclose
async def closable():
    try:
        yield 1
        yield 2
    finally:
        print("closable cleanup")
c = closable()
print(drive(c.__anext__()))
drive(c.aclose())
print("closed")
# async generator cannot return a value (compile-time), but can raise StopAsyncIteration-> RuntimeError?
async def raises_stop():
    yield 1
    raise StopAsyncIteration
r = raises_stop()
drive(r.__anext__())
try:
    drive(r.__anext__())
except RuntimeError as e:
    print(type(e).__name__, e)
