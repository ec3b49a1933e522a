def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if not rest:
            return f"key {k}"
        case {"type": "key", "key": k, **rest}:
            return f"key {k} with {sorted(rest)}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"

for e in ({"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a"},
          {"type": "key", "key": "b", "mod": "shift", "rep": 2}, {"type": "scroll"},
          {"other": 1}, {}, [("type", "click")], "type"):
    print(handle(e))

# extra keys are ignored without **rest
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("extra keys ignored")
# mapping patterns use .get-like lookup without __missing__ side effects
class D(dict):
    def __missing__(self, key):
        print("missing called", key)
        return "default"
match D(a=1):
    case {"b": v}:
        print("matched b", v)
    case {"a": v}:
        print("matched a", v)
# keys can be constants and dotted names
class K:
    NAME = "name"
match {"name": "x", 1: "one"}:
    case {K.NAME: n, 1: o}:
        print(n, o)
