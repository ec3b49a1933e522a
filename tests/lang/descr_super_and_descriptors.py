class Base:
    @property
    def name(self):
        return "base-name"
    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"
    @staticmethod
    def helper():
        return "Base.helper"
    attr = "Base.attr"

class Child(Base):
    @property
    def name(self):
        return "child/" + super().name
    @classmethod
    def create(cls):
        return "Child.create -> " + super().create()
    @staticmethod
    def helper():
        return "Child.helper -> " + super(Child, Child).helper()
    def read_attr(self):
        return super().attr

c = Child()
print(c.name, Child.create(), c.create(), Child.helper(), c.read_attr())
# super() does not support assignment through properties
class Writer(Base):
    def set_it(self):
        try:
            super().name = "x"
        except AttributeError as e:
            return type(e).__name__ + ": " + str(e)
print(Writer().set_it())
# super objects expose __thisclass__, __self__, __self_class__
s = super(Child, c)
print(s.__thisclass__.__name__, s.__self__ is c, s.__self_class__.__name__)
s2 = super(Child, Child)
print(s2.__self__ is Child, s2.__self_class__.__name__)
# unbound super
u = super(Child)
print(u.__self__, u.__thisclass__.__name__)
# super with a property setter in the parent
class P:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
class Q(P):
    @P.v.setter
    def v(self, val):
        P.v.fset(self, val + 1)
q = Q()
q.v = 10
print(q.v)
