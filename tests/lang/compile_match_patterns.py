class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 | 2:
            return f"small {v}"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "odd number"
        case "hello":
            return "greeting"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair same {x}"
        case [x, *rest, 99]:
            return f"ends 99 first {x} rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"k": k, **others}:
            return f"k {k} others {others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x > 10:
            return f"far {x},{y}"
        case Point() as p:
            return f"point {p.x}"
        case (1, (2, z)) :
            return f"nested {z}"
        case str() | bytes() as s:
            return f"stringish {s!r}"
        case int(n):
            return f"int {n}"
        case _:
            return "other"

for v in [None, True, 0, 2, -1, 1.5, 2j, "hello", [], [7], [3, 3], [3, 4], [1, 2, 99], [1, 2, 3, 4],
          {"type": "circle", "r": 5}, {"k": 1, "a": 2, "b": 3}, Point(0, 0), Point(0, 5), Point(11, 2),
          Point(3, 4), (1, (2, 3)), "xyz", b"ab", 42, 3.25, {"x"}]:
    print(describe(v))

def capture_order():
    match (1, 2):
        case (a, b) if a > b:
            pass
        case _:
            pass
    return a, b
print(capture_order())

def or_capture(v):
    match v:
        case [x, 1] | [1, x]:
            return x
    return None
print(or_capture([5, 1]), or_capture([1, 6]), or_capture([2, 2]))

class Color:
    RED = 1
    GREEN = 2
def colors(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
    return "?"
print(colors(1), colors(2), colors(3))

def mapping_rest(d):
    match d:
        case {**rest}:
            return rest
print(mapping_rest({"a": 1}))
def strseq(v):
    match v:
        case [a, b]:
            return "seq"
        case _:
            return "not seq"
print(strseq("ab"), strseq(b"ab"), strseq((1, 2)), strseq(range(2)))
def guard_side_effect():
    log = []
    match 5:
        case x if log.append(x) or False:
            pass
        case y:
            log.append(("y", y))
    return log
print(guard_side_effect())
def star_wild(v):
    match v:
        case [*_]:
            return "any seq"
print(star_wild([1, 2]), star_wild(()))
def cls_pos_err():
    class C:
        pass
    try:
        match C():
            case C(1):
                pass
    except TypeError as e:
        print("TypeError", e)
cls_pos_err()
