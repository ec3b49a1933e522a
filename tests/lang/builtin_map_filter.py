print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, ["a", "bb"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda v: v % 2, range(10))), list(filter(str.isdigit, "a1b2")))
m = map(int, "123")
print(next(m), list(m), list(m), type(m).__name__)
f = filter(None, iter([1, 0, 2]))
print(list(f), type(f).__name__)
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
print(sum(map(lambda x: x * x, range(4))), max(map(abs, [-7, 3])), sorted(map(str.upper, "cab")))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(None)
except TypeError as e:
    print(type(e).__name__, e)
# lazy evaluation
log = []
def noisy(v):
    log.append(v)
    return v
m = map(noisy, range(5))
print(log)
next(m)
print(log)
print(list(filter(lambda s: s.startswith("a"), ["apple", "banana", "avocado"])))
