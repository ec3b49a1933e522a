def g():
    x = yield
    y = yield from x
    return y
async def h():
    await g()
    async with a as b:
        async for c in b:
            yield c
