def f():
    return ([i async for i in a] for j in b)
