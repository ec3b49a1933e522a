def f(é, ü, é):
    pass
