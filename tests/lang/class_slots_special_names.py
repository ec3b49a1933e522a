# __slots__ naming __classcell__ or __qualname__: no conflict with the
# namespace entries CPython takes out (the cell is taken before the slot
# members go in), a real class variable of that name still fails.
class Meta(type):
    def __new__(cls, name, bases, namespace, attr):
        print(attr in namespace)
        return super().__new__(cls, name, bases, namespace)
class C1:
    def __init__(self):
        self.b = 42
class C2(C1, metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(type(C2.__dict__["__classcell__"]).__name__)
c = C2()
print(c.b, hasattr(c, "__classcell__"))
c.__classcell__ = 42
print(c.__classcell__)
try:
    class C3:
        __classcell__ = 42
        __slots__ = ["__classcell__"]
except Exception as e: print(type(e).__name__, e)
class Q:
    __slots__ = ["__qualname__"]
q = Q(); q.__qualname__ = 'x'; print(q.__qualname__, Q.__qualname__, type(Q.__dict__['__qualname__']).__name__)
try:
    class Q2:
        __qualname__ = 5
        __slots__ = ["__qualname__"]
except Exception as e: print(type(e).__name__, e)
