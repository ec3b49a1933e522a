log = []
class Pause:
    def __await__(self):
        yield "pause"

class AsyncCM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    async def __aenter__(self):
        log.append(f"aenter {self.name}")
        await Pause()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        log.append(f"aexit {self.name} {et.__name__ if et else None}")
        await Pause()
        return self.swallow

class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Pause()
        self.i += 1
        return self.i - 1

def run(coro):
    pauses = 0
    try:
        while True:
            coro.send(None)
            pauses += 1
    except StopIteration as e:
        return e.value, pauses

async def main():
    async with AsyncCM("a") as a, AsyncCM("b") as b:
        log.append(f"body {a} {b}")
    async with AsyncCM("swallow", swallow=True):
        raise ValueError("ignored")
    try:
        async with AsyncCM("propagate"):
            raise KeyError("k")
    except KeyError as e:
        log.append(f"caught {e}")
    total = 0
    async for i in AsyncRange(4):
        total += i
    else:
        log.append("async for else")
    return total

print(run(main()))
print("\n".join(log))

async def bad_cm():
    async with object():
        pass
try:
    run(bad_cm())
except TypeError as e:
    print(type(e).__name__, e)
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print(type(e).__name__, e)
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad_anext():
    async for x in BadAnext():
        pass
try:
    run(bad_anext())
except TypeError as e:
    print(type(e).__name__, e)
