# Comprehension corners: shadowing, nested targets, side effects, and exceptions.
x = 10
print([x for x in range(3)], x)
print([[x for x in range(i)] for i in range(3)])
print([(i, j) for i in range(3) for j in range(i, 3) if (i + j) % 2 == 0])
print([a for a, in [(1,), (2,)]], [a + b for (a, b), in [((1, 2),)]])
print({k: v for k, v in [("a", 1), ("a", 2)]})
print([i for i in range(10) if i % 2 if i % 3])
it = iter(range(6))
print([(a, b) for a, b in zip(it, it)])
try:
    [1 / v for v in (1, 0)]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print([v for v in [[]] * 3 if not v.append(1)])
gen = (i for i in range(3))
print([i for i in gen], [i for i in gen])
print(sorted({c for c in "mississippi"}), "".join(sorted({c for c in "mississippi"})))
print([*(i for i in range(3)), *[i * 10 for i in range(2)]])
print({**{i: i for i in range(2)}, **{str(i): i for i in range(2)}})
print([[row[i] for row in [[1, 2], [3, 4]]] for i in (1, 0)])
print([f"{i}{c}" for i in range(2) for c in "ab"])
print(list(map(lambda p: p[0] + p[1], [(i, j) for i in "ab" for j in "xy"])))
