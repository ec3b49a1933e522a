print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "done"), type(e).__name__)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
print(dict(zip(["k1", "k2"], [1, 2])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], [3, 4], strict=True)))
# zip stops at the shortest and does not consume an extra element of later iterators
it = iter(range(10))
print(list(zip(range(3), it)), next(it))
it2 = iter(range(10))
print(list(zip(it2, range(3))), next(it2))
for i, (a, b) in enumerate(zip("xy", "XY"), start=10):
    print(i, a, b)
print(list(enumerate(zip("ab", [1, 2]))))
print(list(enumerate(range(2 ** 64, 2 ** 64 + 2), 2 ** 63)))
