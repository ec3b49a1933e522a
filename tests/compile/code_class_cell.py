class A:
    def f(self):
        return __class__
class B(A):
    def g(self, a, b):
        def h():
            return a, b, super()
        return h
