# sys.set_coroutine_origin_tracking_depth and cr_origin (asyncio's debug
# mode turns it on).
import sys


async def coro():
    return 1


def make():
    return coro()


def deeper(n):
    return make() if n == 0 else deeper(n - 1)


def where(c):
    o = c.cr_origin
    return None if o is None else [(f.rsplit("/", 1)[-1], line, name) for f, line, name in o]


print(sys.get_coroutine_origin_tracking_depth())
c = make()
print(where(c))
c.close()
for depth in [1, 2, 5]:
    sys.set_coroutine_origin_tracking_depth(depth)
    print(depth, sys.get_coroutine_origin_tracking_depth())
    c = deeper(2)
    print(where(c))
    c.close()
sys.set_coroutine_origin_tracking_depth(0)
c = make()
print(where(c))
c.close()
for bad in [-1, "x", 2.0]:
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(sys.get_coroutine_origin_tracking_depth())


def gen():
    yield 1


print(hasattr(gen(), "cr_origin"), hasattr(gen(), "gi_origin"))
