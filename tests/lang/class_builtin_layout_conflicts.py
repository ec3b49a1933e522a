class A(str):
    pass
class B(str):
    def __init__(self, *a):
        self.v = 1
class C(A, B):
    pass
print(C.__mro__, C("x").v)
class D(int): pass
class E(int): pass
class F(D, E): pass
print(F(3) + 1)
try:
    class G(str, int): pass
except TypeError as e:
    print("TypeError", e)
class S1:
    __slots__ = ("a",)
class S2(S1): pass
class S3(S1): pass
class S4(S2, S3): pass
print(S4.__mro__[1].__name__)
