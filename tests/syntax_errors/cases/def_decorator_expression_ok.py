@a.b[1](2) if x else y
def f(): pass
