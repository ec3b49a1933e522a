class Tick:
    def __await__(self):
        yield "tick"
        return None

async def arange(n):
    for i in range(n):
        await Tick()
        yield i

async def double(x):
    await Tick()
    return x * 2

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

async def main():
    a = [x async for x in arange(4)]
    b = [await double(x) for x in range(3)]
    c = {x: await double(x) async for x in arange(2)}
    d = {x async for x in arange(3) if x != 1}
    e = [y async for x in arange(3) for y in range(x)]
    g = (await double(x) for x in range(2))
    gl = [v async for v in g]
    return a, b, c, sorted(d), e, gl

print(run(main()))
# an async generator expression
async def gexp():
    agen = (x * 10 async for x in arange(3))
    print(type(agen).__name__)
    return [v async for v in agen]
print(run(gexp()))
