class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r

def describe(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c, r=r):
            return f"circle r={r}"
        case Point():
            return "some point"
        case int(n) | float(n):
            return f"number {n}"
        case str() as text:
            return f"text {text!r}"
        case list([*items]):
            return f"list of {len(items)}"
        case dict(d) if d:
            return f"dict {sorted(d)}"
        case _:
            return "unknown"

for s in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 20),
          Circle(Point(0, 0), 1), 7, 2.5, "hi", [1, 2], {"b": 1, "a": 2}, {}, None):
    print(describe(s))

# errors
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case len(x):
            pass
except TypeError as e:
    print(type(e).__name__, e)
# missing attribute means no match
match Point(1, 2):
    case Point(z=1):
        print("z?")
    case _:
        print("no attribute z: no match")
# bool, int etc. match themselves with one positional
match True:
    case bool(b):
        print("bool", b)
match 5:
    case bool(b):
        print("5 is bool?")
    case int(i):
        print("int", i)
