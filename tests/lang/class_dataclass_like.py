# A decorator that generates __init__, __repr__ and __eq__ from annotations,
# by building source text and exec'ing it (the way dataclasses work).
def record(cls):
    fields = list(cls.__dict__.get("__annotations__", {}))
    defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}
    params = ", ".join(f"{f}={f}_default" if f in defaults else f for f in fields)
    body = "\n".join(f"    self.{f} = {f}" for f in fields) or "    pass"
    src = f"def __init__(self, {params}):\n{body}\n"
    ns = {f"{f}_default": v for f, v in defaults.items()}
    exec(src, ns)
    cls.__init__ = ns["__init__"]
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in fields)
    cls.__repr__ = __repr__
    cls.__eq__ = __eq__
    cls.__hash__ = None
    cls.__match_args__ = tuple(fields)
    return cls

@record
class Point:
    x: int
    y: int = 0
    label: str = "pt"

p = Point(1, 2)
print(p, Point(5), Point(1, 2) == p, Point(1, 3) == p, p == (1, 2))
print(Point.__init__.__code__.co_varnames[:4], Point.__init__.__defaults__)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
match p:
    case Point(1, y, label=lab):
        print("matched", y, lab)

@record
class Line:
    start: Point
    end: Point
print(Line(Point(0, 0), Point(1, 1)))
@record
class Nothing:
    pass
print(Nothing())
