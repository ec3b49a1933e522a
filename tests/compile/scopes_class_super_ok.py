class A:
    def f(self):
        return super().f(), __class__
    def g(self):
        return [super() for _ in range(1)]
    x = 1
    def h(self):
        return x
