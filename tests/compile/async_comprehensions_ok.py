async def f(y):
    a = [x async for x in y]
    b = {x: x async for x in y if await x}
    c = [[x async for x in y] for z in range(2)]
    return a, b, c
