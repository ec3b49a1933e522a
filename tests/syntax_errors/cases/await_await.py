async def f():
    return await await x
