def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True

print(f.__annotations__)
print(list(f.__annotations__))

def g(x, y):
    pass
print(g.__annotations__)

# annotations are evaluated at definition time
calls = []
def ann(name):
    calls.append(name)
    return name
def h(p: ann("p"), q: ann("q")) -> ann("ret"):
    pass
print(calls, h.__annotations__)

# module and class level variable annotations
x: int = 5
y: str
print(__annotations__)
class K:
    a: int
    b: "list[int]" = []
    c = 3
print(K.__annotations__)
print(hasattr(K, "a"), K.b, K.c)

def local():
    z: int = 3
    w: int
    return z
print(local())
print(local.__annotations__)
f.__annotations__ = {"new": 1}
print(f.__annotations__)
lam = lambda v: v
print(lam.__annotations__)
