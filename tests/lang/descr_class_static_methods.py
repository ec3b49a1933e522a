class C:
    count = 0
    @classmethod
    def make(cls, *a):
        cls.count += 1
        return cls, a
    @staticmethod
    def util(x, y=1):
        return x + y
    def regular(self):
        return self

class D(C):
    pass
print(C.make(1), D.make(), C().make(2))
print(C.count, D.count)
print(C.util(1), C().util(2, 3), D.util(0))
cm = C.__dict__["make"]
sm = C.__dict__["util"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__)
print(sm(10))  # staticmethod objects are callable in 3.10+
bound = C.make
print(bound.__self__ is C, type(bound).__name__)
# classmethod wrapping a property-like call via __get__
print(cm.__get__(None, D)()[0].__name__)
print(sm.__get__(None, C)(5))
# wrapping objects
class E:
    m = classmethod(lambda cls: cls.__name__)
    s = staticmethod(len)
print(E.m(), E().m(), E.s("abcd"))
print(C.regular(5))
try:
    C.regular()
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(C.util, type(len)), type(C.util).__name__)
