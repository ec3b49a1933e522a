def g(x: h(a=1, a=2) = h(b=1, b=2)):
    pass
