# `await f(...)` gives back the memory of the coroutine the call made once
# it has run to its end, unless cr_await (or gc introspection, or a weak
# reference) could have handed it to someone; the "never awaited" warning
# and finalizers of other coroutines must be unaffected.
import asyncio
import gc
import sys
import warnings
import weakref


async def leaf(x):
    await asyncio.sleep(0)
    return x * 2


async def middle(x):
    a = await leaf(x)
    b = await leaf(x + 1)
    return a + b


async def fails(x):
    await asyncio.sleep(0)
    raise ValueError(x)


async def main():
    total = 0
    for i in range(200):
        total += await middle(i)
    try:
        await fails("boom")
    except ValueError as e:
        print("caught", e)
    results = await asyncio.gather(*[middle(i) for i in range(5)])
    return total, results


print(asyncio.run(main()))

# A coroutine driven by hand: cr_await hands the inner one out.
class Yield:
    def __await__(self):
        yield "tick"


async def inner():
    await Yield()
    return "inner done"


async def outer():
    r = await inner()
    return r


kept = []
c = outer()
print(c.send(None))
kept.append(c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
junk = [[i] for i in range(5000)]
gc.collect()
print(type(kept[0]).__name__, kept[0].cr_frame, kept[0].cr_running)
try:
    kept[0].send(None)
except RuntimeError as e:
    print("RuntimeError", e)

# Weak reference to an awaited coroutine taken from inside.
refs = []


async def self_ref_outer():
    return await inner()


c = self_ref_outer()
c.send(None)
refs.append(weakref.ref(c.cr_await))
try:
    c.send(None)
except StopIteration as e:
    print("weak result", e.value)
gc.collect()
print("weak after", refs[0]() is None)

# Never-awaited coroutines still warn, even among freed ones.
async def never():
    return 1


async def mixed():
    for i in range(50):
        await leaf(i)
    never()
    for i in range(50):
        await leaf(i)
    return "mixed done"


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(asyncio.run(mixed()))
    gc.collect()
    print(sorted(set(str(x.message) for x in w)))

# A finally in the inner coroutine, with the outer cancelled mid-await.
log = []


async def guarded():
    try:
        await asyncio.sleep(10)
    finally:
        log.append("guarded finally")
    return "unreached"


async def canceller():
    t = asyncio.ensure_future(wrap())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("cancelled")


async def wrap():
    return await guarded()


asyncio.run(canceller())
print(log)
