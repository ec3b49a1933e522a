from __future__ import annotations
def f(a: List[int], b: lambda *x: 0 = 1, *args: Tuple[str, ...], k: a.b[1:2, ::3] = 2, **kw: {**d, 'x': 1}) -> -(1)**2:
    pass
print(f.__annotations__)
class C:
    x: Dict[str, "int"]
    y: f"{x!r:>{w}} {{a}}" = 5
    z: 2 ** -1
    w: not a == b
    v: (a, b, *c)
    u: [x async for x in y]
print(C.__annotations__)
var: Optional[int] = None
print(__annotations__)
