def f():
    class C:
        def g(self):
            nonlocal __class__
            __class__ = 1
    return C
