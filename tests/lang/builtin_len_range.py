print(len([]), len("abc"), len({1: 2}), len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(b"xy"), len((1,)))
r = range(2, 20, 3)
print(r, list(r), r[0], r[-1], r[1:3], r[::-1], r.start, r.stop, r.step, r.index(8), r.count(5), 8 in r, 9 in r)
print(range(5) == range(0, 5), range(0) == range(5, 5), range(1, 10, 2) == range(1, 11, 2), list(range(-5, -1)), list(range(5, 0, -2)))
print(range(10 ** 20)[-1], len(range(10 ** 10)), 10 ** 15 in range(10 ** 20), range(0, 10 ** 20, 7)[10 ** 18])
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    range(5)[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.index(7)
except ValueError as e:
    print(type(e).__name__, e)
print(repr(range(3)), repr(range(1, 5, 2)), str(range(0)), bool(range(0)), bool(range(1)))
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(5)), min(range(3, 9)))
print(hash(range(3)) == hash(range(0, 3, 1)), range(3).__len__(), type(iter(range(3))).__name__)
print(list(range(True, 5)))
