# Pattern matching details: binding order, guards, or-patterns, mapping and
# class pattern errors, what counts as a sequence or a mapping.
class Color:
    RED = "red"
    BLUE = "blue"

def keys(d):
    match d:
        case {Color.RED: r, Color.BLUE: b}:
            return ("both", r, b)
        case {Color.RED: r}:
            return ("red", r)
    return None
print(keys({"red": 1, "blue": 2, "x": 3}), keys({"red": 5}), keys({}))

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("Eq.__eq__", self.v, other)
        return self.v == other
def value_pattern(s):
    match s:
        case 1:
            return "one"
        case "x":
            return "x"
    return "none"
print(value_pattern(Eq(1)), value_pattern(Eq("x")), value_pattern(Eq(2)))

def swap(v):
    match v:
        case [x, y, 0] | [y, x, 1]:
            return x, y
    return None
print(swap([1, 2, 0]), swap([1, 2, 1]), swap([1, 2, 3]))

def guard_keeps_bindings(v):
    match v:
        case [a, b] if a > b:
            return "desc"
        case [a, *_]:
            pass
    return "a is", a
print(guard_keeps_bindings([1, 2]), guard_keeps_bindings([3, 2]))

def not_sequences(v):
    match v:
        case [*items]:
            return ("sequence", items)
        case {**m}:
            return ("mapping", m)
        case _:
            return ("other", type(v).__name__)
for v in ["ab", b"ab", bytearray(b"ab") if False else (1,), {"k": 1}, {1, 2}, range(3), 5, [1]]:
    print(not_sequences(v))

def stars(v):
    match v:
        case [*head, 9]:
            return ("ends with 9", head)
        case [0, *mid, 0]:
            return ("zeros around", mid)
        case [first, *_]:
            return ("first", first)
    return "empty"
print(stars([1, 2, 9]), stars([0, 5, 6, 0]), stars([0, 0]), stars([4]), stars([]))

class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b
class NoArgs:
    def __init__(self):
        self.a = 1
def cls(v):
    match v:
        case P(1, b=2):
            return "p12"
        case P(a, b) if a == b:
            return ("same", a)
        case P(b=bb, a=aa):
            return ("kw", aa, bb)
        case NoArgs(a=1):
            return "noargs a=1"
        case int(n) if n > 100:
            return ("big int", n)
        case str(s):
            return ("str", s)
        case bool() | None:
            return "bool or None"
    return "no match"
for v in [P(1, 2), P(3, 3), P(4, 5), NoArgs(), 500, 5, "s", True, None]:
    print(cls(v))
def too_many_positional():
    try:
        match P(1, 2):
            case P(1, 2, 3):
                pass
    except TypeError as e:
        print("TypeError", e)
    try:
        match NoArgs():
            case NoArgs(1):
                pass
    except TypeError as e:
        print("TypeError", e)
    try:
        match 5:
            case int(1, 2):
                pass
    except TypeError as e:
        print("TypeError", e)
too_many_positional()
def duplicate_runtime_keys():
    k = "x"
    class N:
        X = "x"
    try:
        match {"x": 1}:
            case {N.X: a, "x": b}:
                pass
    except ValueError as e:
        print("ValueError", e)
duplicate_runtime_keys()
def nested_or(v):
    match v:
        case [(1 | 2) as small, *rest] if rest:
            return ("small first", small, rest)
        case (3 | 4) | [3 | 4]:
            return "three or four"
    return "else"
print(nested_or([1, 5]), nested_or([2]), nested_or(3), nested_or([4]), nested_or([7]))
def mapping_rest_copy(d):
    match d:
        case {"a": 1, **rest}:
            rest["z"] = 0
            return rest, d
print(mapping_rest_copy({"a": 1, "b": 2}))
def singleton_identity(v):
    match v:
        case True:
            return "True"
        case 1:
            return "one"
    return "neither"
print(singleton_identity(True), singleton_identity(1), singleton_identity(1.0))
def subject_once():
    calls = []
    def subject():
        calls.append(1)
        return [1, 2]
    match subject():
        case [3, _]:
            pass
        case [1, x]:
            return x, len(calls)
print(subject_once())
