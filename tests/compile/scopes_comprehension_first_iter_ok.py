def f(x):
    return [y for y in x for z in y], {k: v for k, v in x}, (a for a in x if a)
