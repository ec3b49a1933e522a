class Abstract:
    abstract_methods = ()
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        missing = set()
        for klass in cls.__mro__:
            for name in getattr(klass, "abstract_methods", ()):
                impl = getattr(cls, name, None)
                if impl is None or getattr(impl, "is_abstract", False):
                    missing.add(name)
        cls._missing = tuple(sorted(missing))
    def __new__(cls, *a, **k):
        if cls._missing:
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract methods "
                            + ", ".join(cls._missing))
        return super().__new__(cls)

def abstract(fn):
    fn.is_abstract = True
    return fn

class Shape(Abstract):
    abstract_methods = ("area", "perimeter")
    @abstract
    def area(self): ...
    @abstract
    def perimeter(self): ...
    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f} perimeter={self.perimeter():.2f}"

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class Half(Shape):
    def area(self):
        return 1.0

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

for cls, args in ((Rect, (2, 3)), (Square, (4,)), (Half, ()), (Shape, ())):
    try:
        print(cls(*args).describe())
    except TypeError as e:
        print(type(e).__name__, e)
print(Shape._missing, Rect._missing, Half._missing)
print(Shape.area(None), Shape.area.is_abstract, hasattr(Rect.area, "is_abstract"))
