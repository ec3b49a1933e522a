@a.b(c)
@d
class E(F, *G, x=1, **H):
    x: int = 5
    (y): str
    z.w: list[int]
    async def f(self, /, a, b=1, *, c, d=2, **e) -> None:
        async with a as (b, c), d:
            await x
        async for i in y:
            yield i
        return (yield from z)
def g(a, b, /, c=1, *d: int, e, **f): ...
def h(*, a): pass
def i(a=1, /, b=2): pass
lambda: 0
lambda a, /, b, *c, d=1, **e: a
lambda *a, b: 0
lambda **k: 0
x = [*a, *b]
x = *a, *b
a, *b = c
(a, b), [c, d] = e
[a, b] = c, d = e
del (a), [b, c], d.e, f[g]
del (a, b)
del a,
x = a if b else c if d else e
x = not not a
x = -a ** -b
x = a @ b // c % d
x = a << b >> c & d ^ e | f
x = a < b > c == d >= e <= f != g in h not in i is j is not k
x = a and b and c or d or e and f
x = (a := 1, b := 2)
x = f(a)(b)[c].d[e:f, g:h:i, ::][j]
x = {**a, 'b': c, **d}
x = {a: b for a, b in c if d if e for f in g}
x = {a for a in b}
x = (a for a in b)
x = f(a for a in b)
x = [a async for a in b]
x = ...
x = a[...]
x = a[1:2, 3]
x = a[:, :]
x = a[b:=1]
x = a[*b, c]
if a: pass
elif b: pass
elif c: pass
else: pass
while a:
    break
    continue
else:
    pass
for a, in b: pass
for (a, b) in c: pass
for [a, *b] in c: pass
with (a, b): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (yield): pass
with a: pass
try:
    pass
except* ValueError as e:
    pass
except* (A, B):
    pass
else:
    pass
finally:
    pass
try:
    pass
except:
    pass
raise
raise a
import a, b.c as d
from . import a
from .a.b import c as d, e
from ... import x
from .... import y
from a import *
global a, b
nonlocal c
assert a
x = 1; y = 2;
x = yield
x = yield a, b
x: int
x.y += 1
x[0] **= 2
x //= 3
f(a, *b, c, *d, e=1, **f, g=2)
f(a=1)(b)
print(end='')
class A: pass
class B(): pass
x = 1 if 2 else 3
x = a.b.c.d
x = 0xFF + 0o17 + 0b101 + 1_000 + 1.5e-3 + 3j + 1.5J + 0.
x = True, False, None
