# An async generator found unreachable unfinished: passed to the finalizer
# hook it took at its first iteration (sys.set_asyncgen_hooks, as asyncio
# uses it), or, without one, closed (its finally blocks run), as CPython's
# _PyGen_Finalize.
import gc
import sys

log = []


async def agen(name):
    try:
        yield name
        yield name * 2
    finally:
        log.append(("finally", name))


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value


def finalizer(g):
    log.append(("finalizer", g.__name__, g.ag_frame is not None))
    # what asyncio does: close it (here synchronously)
    step(g.aclose())


sys.set_asyncgen_hooks(finalizer=finalizer)
a = agen("a")
print(step(a.__anext__()))
del a
gc.collect()
print(log)
log.clear()

# finished: nothing to do
b = agen("b")
step(b.__anext__())
step(b.__anext__())
try:
    b.__anext__().send(None)
except StopAsyncIteration:
    print("b exhausted", log)
log.clear()
del b
gc.collect()
print(log)

# aclose() began before it was dropped: no finalizer call
c = agen("c")
step(c.__anext__())
step(c.aclose())
del c
gc.collect()
print(log)
log.clear()

# no hooks: closed by the collector
sys.set_asyncgen_hooks(None, None)
d = agen("d")
print(step(d.__anext__()))
del d
gc.collect()
print(log)
log.clear()

# never iterated: nothing runs
e = agen("e")
del e
gc.collect()
print(log)
