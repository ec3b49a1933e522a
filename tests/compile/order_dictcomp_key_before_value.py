{f(a=1, a=2): g(b=1, b=2) for x in y}
