def f(a, b):
    def g(c, c):
        pass
    global a
