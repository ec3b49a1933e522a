async def f():
    async with a as b:
        async for x in y:
            await z
    return [await q async for q in r]
