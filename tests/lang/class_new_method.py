class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())

class Sub(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(Sub(21), type(Sub(1)).__name__)

class WithInit:
    def __new__(cls, *args, **kw):
        print("new", args, kw)
        return object.__new__(cls)
    def __init__(self, *args, **kw):
        print("init", args, kw)
WithInit(1, k=2)

class NoInit:
    pass
try:
    object.__new__(NoInit, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    NoInit.__init__(NoInit(), 1)
except TypeError as e:
    print(type(e).__name__, e)

class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)

# __new__ returning an instance of a subclass still calls __init__
class Base:
    def __new__(cls):
        return object.__new__(Derived)
    def __init__(self):
        print("init of", type(self).__name__)
class Derived(Base):
    pass
print(type(Base()).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
