# Generating functions and classes from source text.
def make_adder_source(n):
    return f"def add_{n}(x):\n    return x + {n}\n"
ns = {}
for n in (1, 5, 10):
    exec(make_adder_source(n), ns)
print([ns[f"add_{n}"](100) for n in (1, 5, 10)], ns["add_5"].__name__)
template = """
class {name}:
    fields = {fields!r}
    def __init__(self, {args}):
{assigns}
    def __repr__(self):
        return "{name}(" + ", ".join(f"{{f}}={{getattr(self, f)!r}}" for f in self.fields) + ")"
"""
def make_class(name, fields):
    src = template.format(name=name, fields=tuple(fields), args=", ".join(fields),
                          assigns="\n".join(f"        self.{f} = {f}" for f in fields))
    g = {}
    exec(src, g)
    return g[name]
Pair = make_class("Pair", ["left", "right"])
print(Pair(1, "two"), Pair.fields, Pair.__module__)
# eval of expressions built from data
ops = [("+", 3, 4), ("*", 5, 6), ("**", 2, 10), ("//", 17, 5), ("%", -7, 3)]
print([eval(f"{a} {op} {b}") for op, a, b in ops])
# exec with a restricted namespace still has builtins unless replaced
safe = {"__builtins__": {"len": len, "range": range}}
exec("r = len(range(7))", safe)
print(safe["r"])
try:
    exec("open('x')", safe)
except NameError as e:
    print(type(e).__name__, e)
# functions created by exec see the exec globals at call time
g = {"base": 1}
exec("def get():\n    return base", g)
g["base"] = 2
print(g["get"]())
# exec of a module-like source with __name__
g2 = {"__name__": "generated_module"}
exec("def who():\n    return __name__\nclass K: pass", g2)
print(g2["who"](), g2["K"].__module__)
