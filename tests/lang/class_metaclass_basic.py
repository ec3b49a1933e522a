class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        ns["extra"] = kw
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.via_meta = True
        return obj
    def describe(cls):
        return f"<class {cls.__name__} by {cls.created_by}>"

class A(metaclass=Meta, flag=1):
    def __init__(self, v):
        self.v = v

a = A(5)
print(a.v, a.via_meta, A.created_by, A.extra, A.inited)
print(type(A).__name__, A.describe(), isinstance(A, Meta), isinstance(A, type))
class B(A):
    pass
print(type(B).__name__, B.extra, B.describe())
try:
    a.describe()
except AttributeError as e:
    print(type(e).__name__, e)

# type() with three arguments
T = type("T", (object,), {"x": 1, "m": lambda self: self.x + 1})
print(T.__name__, T().m(), T.__bases__)
print(type(5).__name__, type(type).__name__, type(Meta).__name__)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", 1, {})
except TypeError as e:
    print(type(e).__name__, e)

# metaclass conflict
class M1(type): pass
class M2(type): pass
class P(metaclass=M1): pass
class Q(metaclass=M2): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print(type(e).__name__, e)
# a derived metaclass is picked automatically
class M3(M1): pass
class S(metaclass=M3): pass
class U(P, S): pass
print(type(U).__name__)
