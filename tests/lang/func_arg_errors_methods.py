# The qualified names in argument errors of methods.
class C:
    def m(self, a):
        return a
    @classmethod
    def cm(cls, a, b):
        return a
    @staticmethod
    def sm(x):
        return x
    class Inner:
        def deep(self, *, z):
            return z

def show(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print(type(e).__name__, e)

c = C()
show(c.m)
show(c.m, 1, 2)
show(C.m)
show(C.m, c)
show(c.cm, 1)
show(C.sm)
show(C.sm, 1, 2)
show(C.Inner().deep)
show(C.Inner().deep, 1)
show(c.m, 1, a=2)
def outer():
    def inner(a, b):
        return a
    return inner
show(outer())
print(outer().__qualname__, C.Inner.deep.__qualname__, C.cm.__qualname__)
