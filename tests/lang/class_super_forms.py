class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    @staticmethod
    def s():
        return "A.s"
    def __init__(self):
        self.trail = ["A"]

class B(A):
    def f(self):
        return "B.f > " + super().f()
    @classmethod
    def c(cls):
        return "B.c > " + super().c()
    def __init__(self):
        super(B, self).__init__()
        self.trail.append("B")

class C(B):
    def f(self):
        return "C.f > " + super(B, self).f()   # skips B
    def g(self):
        return super().s()
    def __init__(self):
        super().__init__()
        self.trail.append("C")

c = C()
print(c.f(), c.g(), c.trail)
print(B().f(), C.c(), B.c())
print(super(C, c).f())
s = super(B, C)
print(s.c())
print(type(super(C, c)).__name__)

# super in a nested function needs arguments
class D(A):
    def f(self):
        def helper():
            return super(D, self).f()
        return "D " + helper()
print(D().f())

class E(A):
    def f(self):
        return (lambda: super().f())()
try:
    print(E().f())
except RuntimeError as e:
    print(type(e).__name__, e)

def outside(self):
    return super().f()
class F(A):
    f = outside
try:
    F().f()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(B, A())
except TypeError as e:
    print(type(e).__name__, e)
# __class__ cell
class G:
    def who(self):
        return __class__.__name__
class H(G):
    pass
print(H().who())
# super() with reassigned first argument still uses original
class I(A):
    def f(self):
        self = None
        try:
            return super().f()
        except AttributeError as e:
            return type(e).__name__ + " " + str(e)
print(I().f())
