def f():
    try:
        pass
    except ValueError as e:
        return lambda: e
    finally:
        pass
