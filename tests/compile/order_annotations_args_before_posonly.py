def g(a: f(x=1, x=2), /, b: f(y=1, y=2)):
    pass
