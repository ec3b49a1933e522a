def f():
    try:
        try:
            return
        finally:
            await x
    finally:
        yield from y
