# compile: annotations
def f(x: (yield)):
    pass
