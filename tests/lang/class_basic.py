class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__)
print(type(p) is Point, isinstance(p, Point), isinstance(p, object))
print(sorted(vars(p).items()))
p.z = 5
print(sorted(p.__dict__))
Point.dims = 3
print(p.dims)
p.dims = "own"
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(Point.norm2(p))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(Point.__bases__, Point.__mro__)
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
class Empty:
    pass
e = Empty()
print(type(e).__name__, Empty.__bases__, repr(Empty.__doc__))
try:
    Empty(1)
except TypeError as e:
    print(type(e).__name__, e)
