# An instance whose class's __call__ is another instance of the class: every
# call calls again, until the recursion limit.
class A:
    pass


A.__call__ = A()
for make in (A, lambda: A()):
    try:
        make()()
    except RecursionError as e:
        print(type(e).__name__, e)


class B:
    def __call__(self, n):
        return n if n == 0 else self(n - 1)


print(B()(200))
