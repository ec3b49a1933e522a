with f(a=1, a=2) as [*x, *y], g(b=1, b=2):
    pass
