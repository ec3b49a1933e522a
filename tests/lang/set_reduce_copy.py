import copy
print({1,2}.__reduce__(), frozenset([3]).__reduce__())
class S(set): pass
s = S([1]); s.x = 5; print(s.__reduce__())
class F(frozenset):
    __slots__ = ("a",)
f = F([2]); f.a = 1; print(f.__reduce__())
print(sorted(copy.deepcopy({'odd', 'r1'})), copy.deepcopy(frozenset(range(3))), copy.copy({7}))
t = copy.deepcopy(s); print(type(t).__name__, t, t.x)
class R:
    def __init__(self): self.s = {'a'}; self.f = frozenset([1])
r = copy.deepcopy(R()); print(r.s, r.f)
