import os
x = 1 + 2 * 3
def f(a, b=2, *args, c, d=4, **kw) -> int:
    return a if b else c
class C(B, metaclass=M):
    @dec
    def m(self): pass
for i, j in enumerate(x): print(i)
while x: x -= 1
else: pass
try:
    pass
except (A, B) as e:
    raise X from e
finally:
    del a[1], b.c
with open(f) as g, h: pass
lambda x, *y, **z: (x, y)
a[1:2, ::3, *b]
[x for x in y if x async for z in w]
{a: b, **c}
{1, 2, *d}
x = y = z
x += (yield)
match p:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(x=0, y=_) as pt: pass
    case -1+2j | None: pass
global q
assert x, "m"
import a.b.c as d
from ..x import (y as z, w,)
not a < b <= c is not d not in e
f(*a, b, k=1, **m)
await x ** -y
