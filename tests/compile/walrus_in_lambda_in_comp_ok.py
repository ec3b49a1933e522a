def f():
    return [lambda: (y := 1) for x in range(3)]
