def g(x: h(a=1, a=2)):
    return f(b=1, b=2)
