# Patterns with negative numbers, complex, None/True/False identity and strings vs sequences.
def m(v):
    match v:
        case -0:
            return "zero (also -0)"
        case -1.5:
            return "minus one and a half"
        case 1 - 2j:
            return "complex"
        case [True, False, None]:
            return "singletons in a list"
        case [1, [2, [3, [4]]]]:
            return "deep nesting"
        case (0 | 1) as bit if isinstance(bit, int):
            return f"bit {bit}"
        case [_, _, _, *_]:
            return "three or more"
        case str(s) if len(s) > 3:
            return "long string"
        case str():
            return "short string"
    return "fallthrough"
for v in (0, -0.0, -1.5, 1 - 2j, [True, False, None], [1, 0, None], [1, [2, [3, [4]]]], 1, True, [1, 2, 3, 4], "hello", "hi", 2):
    print(repr(v), "->", m(v))
# a mapping pattern does not match a non-mapping with keys
class NotMapping:
    def keys(self):
        return ["a"]
    def __getitem__(self, k):
        return 1
match NotMapping():
    case {"a": 1}:
        print("matched a non-mapping?")
    case _:
        print("mapping patterns need a real Mapping")
# class patterns match subclasses
class Base: pass
class Sub(Base): pass
match Sub():
    case Base():
        print("Sub matches Base()")
# the same name cannot be bound twice (compile error)
try:
    compile("match x:\n case [a, a]: pass\n", "<m>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("match x:\n case a:\n  pass\n case 1:\n  pass\n", "<m>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("match x:\n case 1 | y: pass\n", "<m>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
