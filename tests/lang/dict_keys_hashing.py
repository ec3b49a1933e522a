class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print(f"eq {self.name} {other.name}")
        return self.name == other.name
    def __repr__(self):
        return f"Key({self.name})"
a1 = Key("a", 1)
a1b = Key("a", 1)
b1 = Key("b", 1)
d = {a1: "first"}
d[b1] = "collides"
print(len(d))
d[a1b] = "replaced"
print(d)
print(d[Key("b", 1)])
print(a1 in d, Key("c", 1) in d)
# identity shortcut: a key equal to itself by identity needs no __eq__
print(d[a1])
# nan as key: identity
nan = float("nan")
dn = {nan: 1}
print(dn[nan], float("nan") in dn)
# mutable keys rejected
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
# tuple keys
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[2, 2], grid.get((5, 5)), (1, 2) in grid)
# equal keys of different types collapse
d2 = {}
d2[1] = "int"
d2[1.0] = "float"
d2[True] = "bool"
print(d2, list(d2.keys())[0], type(list(d2)[0]).__name__)
# frozenset key
fk = {frozenset([1, 2]): "set key"}
print(fk[frozenset([2, 1])])
# __hash__ raising
class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash for you")
try:
    {BadHash(): 1}
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    BadHash() in {1: 2}
except RuntimeError as e:
    print(type(e).__name__, e)
