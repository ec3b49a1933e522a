def f():
    nonlocal x
def g(a, a):
    pass
