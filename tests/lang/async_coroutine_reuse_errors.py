# A finished coroutine refuses send() and throw() alike; awaiting a
# coroutine that is already being awaited is an error; an invalid object
# from __anext__ raises TypeError with the reason as __cause__.


class Yield:
    def __await__(self):
        yield "tick"


async def nop():
    await Yield()


async def send():
    await nop()
    return "spam"


async def read(coro):
    await nop()
    return await coro


def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except BaseException as e:
        cause = e.__cause__
        print(type(e).__name__, e, "| cause:", type(cause).__name__ if cause else None, cause)


async def spam():
    return "spam"


coro = spam()
show(lambda: coro.send(None))
show(lambda: coro.send(None))
show(lambda: coro.throw(Exception("wat")))
show(lambda: coro.throw(GeneratorExit))
print(coro.close(), coro.close())

it = spam().__await__()
show(lambda: it.send(None))
show(lambda: next(it))
show(lambda: it.throw(Exception("wat")))
print(it.close())

spammer = send()
reader = read(spammer)
show(lambda: reader.send(None))
show(lambda: reader.send(None))
show(lambda: reader.throw(Exception("ham")))
reader = read(spammer)
show(lambda: reader.send(None))
show(lambda: reader.send(None))
show(lambda: reader.throw(Exception("wat")))


# a finished generator raises what is thrown into it
def gen():
    yield 1


g = gen()
print(list(g))
show(lambda: g.throw(KeyError("k")))
show(lambda: g.send(None))


async def waiter(c):
    await c


c = nop()
show(lambda: c.send(None))
w = waiter(c)
show(lambda: w.send(None))
print(c.cr_await is not None, w.cr_await)
c.close()


class BadAnext:
    def __init__(self, what):
        self.what = what

    def __aiter__(self):
        return self

    def __anext__(self):
        return self.what


class AwaitRaises:
    def __await__(self):
        1 / 0


made = []


class AwaitCoroutine:
    def __await__(self):
        c = spam()
        made.append(c)
        return c


class AwaitNonIterator:
    def __await__(self):
        return 42


async def loop(obj):
    async for x in obj:
        print("item", x)


for what in [AwaitRaises(), AwaitCoroutine(), AwaitNonIterator(), 42]:
    show(lambda: loop(BadAnext(what)).send(None))
for c in made:
    c.close()
print(type(coro).__dict__["send"].__doc__)
print(type(coro).__dict__["__name__"].__doc__)
