print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), () < (0,), (1, "a") < (1, "b"), (2,) > (1, 99, 99))
print((1, 2) == (1, 2), (1, 2) == (1.0, 2.0), (1, 2) != (2, 1), (1, (2, 3)) == (1, (2, 3)))
print(max([(1, "b"), (1, "a"), (0, "z")]), sorted([(2, 1), (1, 2), (1, 1), (2, 0)]))
print(hash((1, 2)) == hash((1, 2)), hash((1,)) != hash((1, 0)) or "collision", hash(()) == hash(()))
print(hash((1, 2.0)) == hash((1.0, 2)), {(1, 2): "a"}.get((1.0, 2.0)))
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v, o.v)
        return self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    __hash__ = None
# tuple comparison: == on each pair until the first difference, then the operator
print((Loud(1), Loud(2)) < (Loud(1), Loud(3)))
print((Loud(1),) == (Loud(1),))
a = Loud(5)
print((a, 1) == (a, 1))  # identical elements are not compared
print(tuple(x for x in range(3)) == (0, 1, 2), tuple("ab") < tuple("b"))
t = (1, [2])
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
print(len(((),) * 3), ((1,) * 2) == (1, 1), (1,) * -1)
