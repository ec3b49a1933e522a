print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([[y for y in range(x)] for x in range(4)])
print([x if x % 2 else -x for x in range(5)])
print([c for word in ["hi", "yo"] for c in word])
print([f(v) for f in (str.upper, str.lower) for v in ("aB",)])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])
print([v for row in m for v in row if v != 3])
print([i for i in []], [None for _ in range(2)])
print([(yield_ := i) for i in range(3)], yield_)
print([a + b for a, b in [(1, 2), (3, 4)]])
print([(a, rest) for a, *rest in ["abc", "de"]])
print([x for x in range(10)][::3])
# list comprehension over a changing source
src = [1, 2, 3]
print([src.append(x) or x for x in src[:]], src)
print(type([x for x in ()]).__name__)
