x[f(a=1, a=2)]: int = g(b=1, b=2)
