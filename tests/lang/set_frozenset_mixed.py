s = {1, 2, 3}
fs = frozenset({2, 3, 4})
print(type(s | fs).__name__, type(fs | s).__name__, type(fs & s).__name__, type(s - fs).__name__, type(fs ^ s).__name__)
print(sorted(s | fs), sorted(fs - s), s == {1, 2, 3}, fs == frozenset([4, 3, 2]), s <= s | fs)
print(s.union(fs) == fs.union(s), type(fs.union(s)).__name__, type(fs.copy()).__name__, fs.copy() is fs)
d = {fs: "frozen key", frozenset(): "empty"}
print(d[frozenset({4, 3, 2})], d[frozenset()])
print({frozenset({1}), frozenset({1}), frozenset({2})} == {frozenset({1}), frozenset({2})})
try:
    {s}
except TypeError as e:
    print(type(e).__name__, e)
print(set() == frozenset(), set() is not frozenset(), len({(), (), (1,)}))
t = {(1, 2), (2, 1), (1, 2)}
print(sorted(t), (2, 1) in t)
s2 = set()
s2 |= {5}
s2.update(range(3), [9])
print(sorted(s2))
a = {1, 2}
b = a
a |= {3}
print(b, a is b)
a = a | {4}
print(b, a is b)
fz = frozenset([1])
fz2 = fz
fz |= {2}
print(fz2, sorted(fz), fz is fz2)
print(sorted({x * y for x in range(4) for y in range(4)}))
print(len(set(range(1000)) & set(range(500, 1500))), sum(set([1, 1, 2, 2, 3])))
class Item:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k % 3)
    def __eq__(self, o):
        return self.k == o.k
items = {Item(i) for i in range(9)}
print(len(items), sorted(i.k for i in items))
print(Item(4) in items, Item(10) in items)
