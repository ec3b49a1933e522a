# Match over builtin class patterns and mixed structures.
def kind(v):
    match v:
        case bool():
            return "bool"
        case int(0):
            return "int zero"
        case int(n) if n < 0:
            return "negative int"
        case int():
            return "int"
        case float(x) if x != x:
            return "nan"
        case float():
            return "float"
        case str("") | bytes(b""):
            return "empty text"
        case str(s) | bytes(s):
            return f"text of {len(s)}"
        case tuple(()):
            return "empty tuple"
        case tuple((x,)):
            return f"1-tuple of {kind(x)}"
        case list([]) | dict({}):
            return "empty container"
        case list([int(), *_]):
            return "list starting with an int"
        case dict({"type": str(t)}):
            return f"typed dict {t}"
        case frozenset() | set():
            return "a set"
        case None:
            return "none"
        case _:
            return type(v).__name__
for v in (True, 0, -4, 7, float("nan"), 2.5, "", b"", "abc", b"xy", (), (3,), ((),), [], {}, [1, "a"], ["a"],
          {"type": "t"}, {"type": 1}, {1, 2}, frozenset(), None, range(2), 3j):
    print(repr(v), "->", kind(v))
