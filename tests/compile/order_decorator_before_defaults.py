@f(a=1, a=2)
def g(x=h(b=1, b=2)):
    pass
