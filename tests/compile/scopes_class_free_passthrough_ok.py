def f():
    x = 1
    class C:
        x = 2
        def g(self):
            return x
        y = [x for _ in range(2)]
    return C
