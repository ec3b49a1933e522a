class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, C) and self.n == other.n
    __hash__ = None

a = C(1)
m1 = a.get
m2 = a.get
print(m1 == m2, m1 is m2, m1(), m2())
print(a.get == C(1).get)  # methods compare their __self__ by identity
print(type(m1).__name__, m1.__name__, m1.__qualname__)
f = C.get
print(type(f).__name__, f(a))
# bound method holding its self
b = C(7)
g = b.get
del b
print(g())
# method from one instance called on another class' instance through the function
class D:
    n = "D's n"
print(C.get(D()))
# binding builtin methods
append = [].append
lst = []
ap = lst.append
ap(1); ap(2)
print(lst, type(ap).__name__, ap.__self__ is lst, ap.__name__)
print(str.upper("abc"), "x".join.__self__)
# calling through __func__
print(a.get.__func__(C(99)))
# methods with defaults / kwargs
class E:
    def m(self, x=1, *, y=2):
        return x, y
print(E().m(), E().m(5, y=6))
