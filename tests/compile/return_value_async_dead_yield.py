async def f():
    if 0:
        yield
    return 12
