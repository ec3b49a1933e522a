class Base:
    def __init__(self, **kw):
        print("Base.__init__ leftover", sorted(kw))
        super().__init__()

class Named(Base):
    def __init__(self, name, **kw):
        print("Named.__init__", name)
        self.name = name
        super().__init__(**kw)

class Sized(Base):
    def __init__(self, size, **kw):
        print("Sized.__init__", size)
        self.size = size
        super().__init__(**kw)

class Thing(Named, Sized):
    def __init__(self, **kw):
        print("Thing.__init__")
        super().__init__(**kw)

t = Thing(name="box", size=3, color="red")
print(t.name, t.size, [c.__name__ for c in Thing.__mro__])
try:
    Thing(name="x")
except TypeError as e:
    print(type(e).__name__, e)

# super() calling a method only some classes define
class A:
    def hello(self):
        return ["A"]
class B(A):
    def hello(self):
        return ["B"] + super().hello()
class C(A):
    pass
class D(B, C):
    def hello(self):
        return ["D"] + super().hello()
print(D().hello())
# object.__init__ with extra args
class E:
    pass
try:
    object.__init__(E(), 1)
except TypeError as e:
    print(type(e).__name__, e)
class F:
    def __new__(cls, *a):
        return super().__new__(cls)
F(1, 2)
print("F(1, 2) ok because __new__ is overridden and __init__ is not")
class G:
    def __init__(self, *a):
        pass
G(1)
try:
    super(G, G()).__init__(1)
except TypeError as e:
    print(type(e).__name__, e)
