def f():
    try:
        return 1
        [*a, *b] = c
    finally:
        [*d, *e] = g
