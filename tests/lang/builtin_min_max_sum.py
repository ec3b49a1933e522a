print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min((), default="empty"), max([], default=None))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len), max([1, 3, 2], key=lambda v: -v))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]), max(1, 2.5), min(-0.0, 0), max(0, -0.0))
print(max([3, 3.0], key=float), max([3.0, 3], key=float), min("b", "B", "a"))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum(range(100)), sum([], 5), sum((True, True)))
print(sum([1.5, 2], start=0.5), sum([2 ** 64, 2 ** 64]), sum([1, 2.5, 1j]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(type(e).__name__, e)
try:
    max()
except TypeError as e:
    print(type(e).__name__, e)
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]), any(x > 2 for x in [1, 5]))
def gen():
    yield 0
    yield 1
    print("not reached by any")
    yield 2
print(any(gen()))
print(abs(-3), abs(2.5), abs(-0.0), abs(3 + 4j), abs(True), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(round(3.14159, 3), round(17, -1), round(-0.5), round(0.5 + 1e-9))
