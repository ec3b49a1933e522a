class A:
    x = "A.x"
    def m(self):
        return "A.m"
class B(A):
    y = "B.y"
class C(B):
    x = "C.x"
c = C()
print(c.x, c.y, c.m(), C.x, B.x, A.x)
c.x = "instance"
print(c.x, C.x)
del c.x
print(c.x)
A.z = "added to A later"
print(c.z, C.z)
B.x = "B.x now"
print(c.x, B().x)
del C.x
print(c.x)
# class attributes are shared; mutation vs rebinding
class Shared:
    items = []
    count = 0
s1, s2 = Shared(), Shared()
s1.items.append(1)
s1.count += 1
print(s2.items, s2.count, s1.count, Shared.count, sorted(vars(s1)))
# attribute lookup on the class does not see instance attributes
try:
    Shared.instance_only
except AttributeError as e:
    print(type(e).__name__, e)
# __dict__ of classes and instances
print("items" in Shared.__dict__, "items" in vars(s1), type(vars(s1)).__name__)
s1.__dict__["direct"] = "via __dict__"
print(s1.direct)
s1.__dict__ = {"replaced": True}
print(sorted(vars(s1)), s1.replaced)
try:
    s1.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
# special attributes
print(C.__name__, C.__qualname__, C.__module__, C.__base__.__name__, [b.__name__ for b in C.__bases__])
print(c.__class__ is C, type(c).__mro__[-1].__name__, C.__doc__)
