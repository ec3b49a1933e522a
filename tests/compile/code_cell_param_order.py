def f(z, a, *m, k, **b):
    c = 1
    def g():
        return z, a, m, k, b, c
    return g
