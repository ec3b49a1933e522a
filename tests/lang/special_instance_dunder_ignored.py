# Implicit special method lookup goes to the type, never the instance.
class C:
    def __len__(self):
        return 1
    def __add__(self, o):
        return "class add"
    def __str__(self):
        return "class str"
c = C()
c.__len__ = lambda: 99
c.__add__ = lambda o: "instance add"
c.__str__ = lambda: "instance str"
print(len(c), c + 1, str(c), c.__len__(), c.__add__(1), c.__str__())
# assigning to the class does take effect
C.__len__ = lambda self: 7
print(len(c))
C.__add__ = lambda self, o: "new class add"
print(c + 1)
del C.__str__
print(str(c).startswith("<__main__.C object"))
# adding an operator to a class after creation
class D:
    pass
d = D()
try:
    d * 2
except TypeError as e:
    print(type(e).__name__, e)
D.__mul__ = lambda self, n: f"D*{n}"
D.__rmul__ = lambda self, n: f"{n}*D"
print(d * 2, 3 * d)
D.__iter__ = lambda self: iter("xy")
print(list(d))
D.__getitem__ = lambda self, k: k * 2
print(d[21])
D.__call__ = lambda self, *a: ("called", a)
print(d(1, 2))
D.__bool__ = lambda self: False
print(bool(d), "falsy" if not d else "truthy")
D.__enter__ = lambda self: "entered"
D.__exit__ = lambda self, *a: None
with d as v:
    print(v)
D.__eq__ = lambda self, o: True
print(d == 5, D.__hash__ is object.__hash__)  # __hash__ is only cleared at class creation
