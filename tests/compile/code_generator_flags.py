def a():
    yield
async def b():
    await x
async def c():
    yield
def d():
    return (x for x in y)
async def e():
    return (await x for x in y)
