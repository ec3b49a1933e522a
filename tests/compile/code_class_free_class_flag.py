def f():
    x = 1
    class C:
        x = 2
        global y
        y = 3
        def g(self):
            return x, y
    return C
