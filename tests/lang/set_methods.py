a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([1, 10])))
print(a <= a, a < a, {1} < a, a > {1, 2}, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}), a.isdisjoint(b))
s = set()
s.add(1); s.add(1); s.add(2)
print(sorted(s), len(s))
s.discard(5); s.discard(1); print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
s.update([7, 8], {9}); print(sorted(s))
s.intersection_update({7, 8, 100}); print(sorted(s))
s.difference_update([7]); print(sorted(s))
s.symmetric_difference_update({8, 50}); print(sorted(s))
print(s.pop(), s)
s |= {1}; s &= {1, 2}; s -= {3}; s ^= {4}
print(sorted(s))
c = a.copy(); c.clear(); print(c, len(a))
print(set(), set("aab") == {"a", "b"}, set([1, 1, 2]), set(range(3)), {1, 2} == {2, 1}, {1} == frozenset([1]))
fs = frozenset([3, 1, 2])
print(sorted(fs), type(fs | {4}).__name__, type({4} | fs).__name__, frozenset() == set(), hash(fs) == hash(frozenset([1, 2, 3])))
try:
    fs.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < [1]
except TypeError as e:
    print(type(e).__name__, e)
print(repr(set()), repr(frozenset()), repr({1}), repr(frozenset({2})))
print({(1, 2), (1, 2)}, {frozenset({1})}, 1 in {1.0}, "a" in {"a"})
nested = {frozenset({1, 2}): "k"}
print(nested[frozenset({2, 1})])
sw = {5, 3, 1}
try:
    for x in sw:
        sw.add(x * 100)
except RuntimeError as e:
    print(type(e).__name__, e)
print(sorted({n % 5 for n in range(100)}), sorted(set("mississippi")))
