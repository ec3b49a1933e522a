g = (x * 2 for x in range(5))
print(type(g).__name__, g.__name__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(list((x, y) for x in range(3) for y in range(x)))
# the first iterable is evaluated immediately, the rest lazily
def src(tag, n):
    print("build", tag)
    return range(n)
g = (x + y for x in src("outer", 2) for y in src("inner", 2))
print("created")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(next(g, "dead after error"))
# genexp as sole argument
print(sorted(c for c in "hello"), "".join(c.upper() for c in "abc"))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
# scoping: loop variable does not leak
x = "outer"
list(x for x in range(3))
print(x)
# nested genexps
matrix = [[1, 2], [3, 4]]
print(list(list(v * 10 for v in row) for row in matrix))
# genexp capturing late-bound variable
n = 1
g = (i * n for i in range(3))
n = 100
print(list(g))
print(tuple(i for i in range(3)), set(i % 2 for i in range(4)), dict((i, i) for i in range(2)))
g = (i for i in range(3))
print(g.gi_frame is not None, next(g), g.gi_running)
