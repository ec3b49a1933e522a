def f():
    global g
    def h():
        return g
    g = 1
    return h
