[f(a=1, a=2) for x in g(b=1, b=2)]
