class Tick:
    def __await__(self):
        v = yield "tick"
        return v

def run(coro):
    out = []
    try:
        v = coro.send(None)
        while True:
            out.append(v)
            v = coro.send(len(out))
    except StopIteration as e:
        return out, e.value

async def add(a, b):
    x = await Tick()
    return a + b + x

async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return r1, r2
print(run(main()))

class AIter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Tick()
        return self.i

async def use_async_for():
    total = []
    async for v in AIter(3):
        total.append(v)
    else:
        total.append("else")
    return total
print(run(use_async_for()))

async def async_for_break():
    async for v in AIter(10):
        if v == 2:
            break
    return v
print(run(async_for_break()))

class ACM:
    async def __aenter__(self):
        await Tick()
        print("aenter")
        return "cm"
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        return True

async def use_async_with():
    async with ACM() as c:
        print("inside", c)
        raise ValueError("swallowed")
    return "after"
print(run(use_async_with()))

async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10

async def use_agen():
    r = []
    async for v in agen(3):
        r.append(v)
    return r
print(run(use_agen()))

async def comps():
    a = [v async for v in agen(3)]
    b = [await add(i, i) for i in range(2)]
    c = {v: 1 async for v in AIter(2)}
    return a, b, c
print(run(comps()))

async def agen_comp():
    g = (v * 2 async for v in agen(2))
    return [x async for x in g]
print(run(agen_comp()))
async def ret_in_async_with():
    async with ACM():
        return "early"
print(run(ret_in_async_with()))
