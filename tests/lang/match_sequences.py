def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first}..{last} ({len(middle)} between)"
        case [first, *rest]:
            return f"first {first}, rest {rest}"
        case _:
            return "not a sequence"

for v in ([], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", b"ab", {"a": 1}, 5, range(3), bytearray(b"x")):
    print(repr(v), "->", shape(v))

def nested(v):
    match v:
        case [(a, b), [c, *_]]:
            return ("pair-then-list", a, b, c)
        case [[*_], *rest]:
            return ("list-first", rest)
        case (x, (y, (z,))):
            return ("deep", x, y, z)
    return None
print(nested([(1, 2), [3, 4, 5]]))
print(nested([[9], 8, 7]))
print(nested((1, (2, (3,)))))
print(nested([1, 2]))
# star wildcard does not bind
match [1, 2, 3]:
    case [*_, last]:
        print("last is", last)
# the star captures a list even from a tuple
match (1, 2, 3):
    case (a, *b):
        print(a, b, type(b).__name__)
# sequence patterns do not match iterators or sets
match iter([1]):
    case [x]:
        print("matched iterator?")
    case _:
        print("iterators are not sequences")
match {1, 2}:
    case [a, b]:
        print("set matched?")
    case _:
        print("sets are not sequences")
