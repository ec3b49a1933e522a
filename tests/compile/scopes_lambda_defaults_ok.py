def f(x):
    return lambda y=x, *, z=x: (y, z, x)
