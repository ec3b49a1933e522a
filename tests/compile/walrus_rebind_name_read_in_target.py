def f(x, y):
    return [i for x[(x := i)] in y]
