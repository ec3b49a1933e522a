# Zero-argument super(): in methods, classmethods, __new__, __init_subclass__,
# with a captured self, inside nested functions and comprehensions, the
# __class__ cell, and the RuntimeErrors when it cannot work.

class A:
    def hello(self):
        return "A.hello"
    @classmethod
    def make(cls):
        return "A.make(%s)" % cls.__name__
    def __init__(self):
        self.seen = ["A"]
    def __repr__(self):
        return "<A-ish %s>" % type(self).__name__

class B(A):
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def make(cls):
        return "B>" + super().make()
    def __init__(self):
        super().__init__()
        self.seen.append("B")
    def captured(self):
        def inner():
            return super(B, self).hello()
        return inner()
    def closure_self(self):
        f = lambda: self
        return super().hello() + " " + repr(f())
    def comp(self):
        return [super().hello() for _ in range(2)]
    def which_class(self):
        return __class__
    def reassigned(self):
        self = A()
        return super().hello()

class C(B):
    def hello(self):
        return "C>" + super().hello()
    def __init__(self):
        super().__init__()
        self.seen.append("C")

c = C()
print(c.hello(), C.make(), c.seen)
print(c.captured(), c.closure_self())
print(c.which_class().__name__)
try:
    print(c.comp())
except TypeError as e:
    print("TypeError:", e)   # in a 3.11 comprehension the first argument is the iterator
try:
    print(c.reassigned())
except TypeError as e:
    print("TypeError:", e)

class WithNew:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst
print(WithNew(1, 2).args)

class Registry:
    members = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.members.append(cls.__name__)
class One(Registry):
    pass
print(Registry.members)

# errors
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
def with_arg(x):
    return super()
try:
    with_arg(1)
except RuntimeError as e:
    print("RuntimeError:", e)
class D:
    @staticmethod
    def st():
        return super()
    def deleted(self):
        del self
        return super()
try:
    D.st()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    D().deleted()
except RuntimeError as e:
    print("RuntimeError:", e)
class E:
    def m(self):
        return super().nope
try:
    E().m()
except AttributeError as e:
    print("AttributeError:", e)

# super objects
s = super(C, c)
print(s.hello(), s.__thisclass__.__name__, s.__self__ is c, s.__self_class__.__name__)
print(repr(super(B, c)), repr(super(B)))
print(super(B).__get__(c).hello())
print(super(C, C).make(), super(B, C).make())
try:
    super(C, A())
except TypeError as e:
    print("TypeError:", e)
try:
    super(1)
except TypeError as e:
    print("TypeError:", e)
class Prop(A):
    @property
    def p(self):
        return "p of " + super().hello()
print(Prop().p)
