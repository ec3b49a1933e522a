def g():
    f(*[*a, *b], a=1, a=2)
    f(**{(yield): 1}, a=1, a=2)
