# _collections.deque: every method, maxlen, rotation, indexing, errors,
# iteration mutation, repr recursion, pickling protocol, comparisons.
from _collections import deque


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque([1, 2, 3])
print(d, len(d), bool(d), d.maxlen, list(d), list(reversed(d)))
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft("xy")
print(d)
d.extend(d)
print(d, len(d))
d.clear()
print(d)
tr("pop empty", d.pop)
tr("popleft empty", d.popleft)

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend([20, 21])
print(m)
m.extendleft([30, 31])
print(m)
tr("insert full", lambda: m.insert(0, 5))
z = deque([1, 2], maxlen=0)
z.append(1)
z.appendleft(2)
z.extend(range(5))
print(z, len(z))
tr("maxlen -1", lambda: deque([1], maxlen=-1))
tr("maxlen str", lambda: deque([1], maxlen="x"))
tr("maxlen huge", lambda: deque([1], maxlen=2 ** 70))
tr("maxlen None", lambda: deque([1], maxlen=None))
tr("maxlen positional", lambda: deque("abc", 2))
tr("not iterable", lambda: deque(1))
tr("three args", lambda: deque([], 1, 2))
tr("bad keyword", lambda: deque(foo=1))


def setmax():
    m.maxlen = 3


tr("set maxlen", setmax)

# rotate
r = deque(range(7))
r.rotate()
print(r)
r.rotate(3)
print(r)
r.rotate(-5)
print(r)
r.rotate(70)
print(r)
r.rotate(-71)
print(r)
full = deque(range(8))
full.rotate(3)
print(full)
full.rotate(-11)
print(full)
tr("rotate str", lambda: r.rotate("a"))
tr("rotate huge", lambda: r.rotate(2 ** 70))
tr("rotate 2 args", lambda: r.rotate(1, 2))
deque().rotate(5)

# indexing
d = deque("abcdef")
print(d[0], d[-1], d[3], d[-6])
tr("index 6", lambda: d[6])
tr("index -7", lambda: d[-7])
tr("index str", lambda: d["a"])
tr("slice", lambda: d[1:2])
d[1] = "B"
d[-1] = "F"
print(d)
del d[0]
del d[-1]
del d[2]
print(d)
tr("del 10", lambda: d.__delitem__(10))
tr("set -10", lambda: d.__setitem__(-10, 1))

# count / index / remove / insert / reverse / contains
d = deque([1, 2, 3, 2, 1, 2])
print(d.count(2), d.count(5), 2 in d, 5 in d)
print(d.index(2), d.index(2, 2), d.index(2, -2), d.index(1, 1, 5))
tr("index missing", lambda: d.index(9))
tr("index range", lambda: d.index(3, 3, 5))
tr("index bad start", lambda: d.index(1, "a"))
tr("index no args", lambda: d.index())
tr("count no args", lambda: d.count())
d.remove(2)
print(d)
tr("remove missing", lambda: d.remove(9))
d.insert(0, "a")
d.insert(-1, "b")
d.insert(100, "c")
d.insert(-100, "d")
d.insert(3, "e")
print(d)
tr("insert 1 arg", lambda: d.insert(1))
tr("insert str index", lambda: d.insert("x", 1))
d.reverse()
print(d)
tr("append 0 args", lambda: d.append())
tr("append 2 args", lambda: d.append(1, 2))

# copy, arithmetic
d = deque([1, 2], maxlen=5)
c = d.copy()
c.append(3)
print(d, c, d.__copy__(), c.maxlen)
print(d + deque([7, 8, 9]), deque([1]) + deque([2]))
tr("add list", lambda: d + [1])
tr("radd list", lambda: [1] + d)
print(d * 2, 2 * d, d * 0, d * -1, deque([1, 2, 3]) * 3)
print(deque([1, 2, 3], maxlen=4) * 3, deque([1, 2, 3], maxlen=4) * 1000001)
tr("mul str", lambda: d * "a")
e = deque([1])
e += [2, 3]
e += e
print(e)
e *= 2
print(e)
e *= 0
print(e)
f = deque([1, 2], maxlen=3)
f *= 5
print(f)

# comparisons and hashing
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]))
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1]), deque([1]) >= deque([]))
print(deque([1, 2]) == [1, 2], deque() == deque(maxlen=2))
tr("lt list", lambda: deque([1]) < [1])
tr("hash", lambda: hash(deque()))

# iteration
it = iter(deque([1, 2, 3]))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
d = deque([1, 2, 3])
it = iter(d)
next(it)
d.append(4)
tr("mutated", lambda: next(it))
tr("mutated again", lambda: next(it))
it = reversed(d)
print(type(it).__name__, next(it), next(it))
d.pop()
tr("reverse mutated", lambda: next(it))


def loop():
    for x in d:
        d.appendleft(x)


tr("loop mutation", loop)


class Evil:
    def __eq__(self, other):
        d.clear()
        return False


d = deque([1, 2, 3])
tr("count mutation", lambda: d.count(Evil()))
d = deque([1, 2, 3])
tr("remove mutation", lambda: d.remove(Evil()))
d = deque([1, 2, 3])
tr("contains mutation", lambda: Evil() in d)
d = deque([1, 2, 3])
tr("index mutation", lambda: d.index(Evil()))

# repr recursion, subclasses
d = deque([1])
d.append(d)
print(d)


class Sub(deque):
    pass


s = Sub([1, 2], 3)
s.x = 1
print(s, type(s.copy()).__name__, s.copy(), type(s + s).__name__, s.x)
print(repr(Sub()), deque[int], Sub[str])

# __reduce__
red = deque([1, 2]).__reduce__()
print(red[0], red[1], red[2], list(red[3]))
red = deque([1, 2], 4).__reduce__()
print(red[0], red[1], red[2], list(red[3]))
red = s.__reduce__()
print(red[0].__name__, red[1], red[2], list(red[3]))
ired = iter(deque([5, 6, 7])).__reduce__()
print(type(ired[0]).__name__, ired[0].__name__, ired[1])
print(list(ired[0](*ired[1])))
it = iter(deque([5, 6, 7]))
next(it)
ired = it.__reduce__()
print(ired[1][1], list(ired[0](*ired[1])))
print(list(type(reversed(deque("abc")))(deque("abc"), 1)))

# __init__ again
d = deque([1, 2, 3])
d.__init__("xy", 1)
print(d, d.maxlen)
d.__init__()
print(d, d.maxlen)
print(d.__sizeof__() > 0)
tr("index 4 args", lambda: d.index(1, 2, 3, 4))
