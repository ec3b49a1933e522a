t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(2, 2), len(t), t[1:4], t[::-1], t + (9,), t * 2, (0,) * 0)
print((), (1,), tuple(), tuple("ab"), tuple([1, [2]]), tuple(range(3)), tuple({"k": 1}))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), () < (0,), (1, 2) == [1, 2])
print(type((1)).__name__, type((1,)).__name__, type(()).__name__)
x = 1, 2
y = x,
print(x, y, len(y))
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
mutable_inside = ([1], 2)
mutable_inside[0].append(99)
print(mutable_inside)
print(hash((1, 2, (3, 4))) == hash((1, 2, (3, 4))), {(1, 2): "ok"}[1, 2])
a, b, c = (i * 2 for i in range(3))
print(a, b, c)
print(max((3, "a"), (3, "b"), (1, "z")), sorted([(2, "b"), (1, "c"), (2, "a")]))
print(repr((1,)), repr(((),)), repr((None, True, "s", 1.5)))
t2 = (1, 2)
print(t2 is tuple(t2), t2[:] is t2 or t2[:] == t2)
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Pt(3, 4)
print(p, p.x, type(p).__name__, p + (5,), type(p + (5,)).__name__, len(p), p == (3, 4))
