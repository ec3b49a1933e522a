def f():
    x = 1
    class C:
        nonlocal x
        def g(self):
            return x
    return C
