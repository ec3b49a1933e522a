# _heapq and _bisect, checked against each other's pure fallbacks in
# heapq.py / bisect.py (loaded with the C module hidden), plus the errors,
# comparison counts and mutation during comparison.
import sys
import _heapq
import _bisect

sys.modules["_heapq"] = None
sys.modules["_bisect"] = None
import heapq as pyheapq
import bisect as pybisect
del sys.modules["_heapq"], sys.modules["_bisect"]


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


print(pyheapq.heappush.__module__, pybisect.bisect_left.__module__, _heapq.__about__.startswith("Heap queues"))


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield seed % 1000


for n in (0, 1, 2, 7, 100, 3000):
    g = lcg(n + 1)
    data = [next(g) for _ in range(n)]
    a, b = list(data), list(data)
    _heapq.heapify(a)
    pyheapq.heapify(b)
    same = a == b
    for k in range(20):
        x = next(g)
        _heapq.heappush(a, x)
        pyheapq.heappush(b, x)
        if a and k % 3 == 0:
            same = same and _heapq.heappop(a) == pyheapq.heappop(b)
        if a and k % 5 == 0:
            same = same and _heapq.heapreplace(a, x) == pyheapq.heapreplace(b, x)
        same = same and _heapq.heappushpop(a, x + 1) == pyheapq.heappushpop(b, x + 1)
    c, d = list(data), list(data)
    _heapq._heapify_max(c)
    pyheapq._heapify_max(d)
    same = same and c == d
    if c:
        same = same and _heapq._heappop_max(c) == pyheapq._heappop_max(d) and c == d
    if c:
        same = same and _heapq._heapreplace_max(c, 500) == pyheapq._heapreplace_max(d, 500)
    print(n, same, a == b, c == d, sorted(data)[:3], [_heapq.heappop(a) for _ in range(min(3, len(a)))])

print(pyheapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), pyheapq.nlargest(2, "hello"))
print(list(pyheapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))

tr("push not list", lambda: _heapq.heappush((), 1))
tr("pop not list", lambda: _heapq.heappop({}))
tr("pop empty", lambda: _heapq.heappop([]))
tr("replace empty", lambda: _heapq.heapreplace([], 1))
tr("pushpop empty", lambda: _heapq.heappushpop([], 1))
tr("heapify tuple", lambda: _heapq.heapify((1,)))
tr("pop max empty", lambda: _heapq._heappop_max([]))
tr("push 1 arg", lambda: _heapq.heappush([]))
tr("pop 2 args", lambda: _heapq.heappop([], 1))
tr("heapify kw", lambda: _heapq.heapify(heap=[]))
tr("uncomparable", lambda: _heapq.heapify([1, "a", 2]))


class Loud:
    count = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Loud.count += 1
        return self.v < other.v

    def __repr__(self):
        return "L%d" % self.v


h = [Loud(v) for v in (5, 3, 8, 1, 9, 2)]
_heapq.heapify(h)
print(h, Loud.count)
Loud.count = 0
h2 = [Loud(v) for v in (5, 3, 8, 1, 9, 2)]
pyheapq.heapify(h2)
print(h2, Loud.count)

victim = []


class Mutator:
    def __lt__(self, other):
        victim.clear()
        return True


victim.extend([Mutator(), Mutator(), Mutator()])
tr("mutating compare", lambda: _heapq.heapify(victim))

# bisect
seq = [1, 2, 2, 2, 5, 7, 9]
for x in (0, 1, 2, 3, 9, 10):
    print(x, _bisect.bisect_left(seq, x), _bisect.bisect_right(seq, x),
          pybisect.bisect_left(seq, x), pybisect.bisect_right(seq, x),
          _bisect.bisect_left(seq, x, 2), _bisect.bisect_right(seq, x, 0, 3))
print(_bisect.bisect_left(seq, 2, hi=None), _bisect.bisect_right(seq, 2, lo=1, hi=5))
print(_bisect.bisect_left("abcde", "c"), _bisect.bisect_right(range(0, 100, 10), 35))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(_bisect.bisect_left(recs, 3, key=lambda r: r[1]), _bisect.bisect_right(recs, 3, key=lambda r: r[1]))
s = [1, 3]
_bisect.insort_left(s, 2)
_bisect.insort_right(s, 3)
_bisect.insort_right(s, 0)
_bisect.insort_right(s, 10, 1)
print(s)
s2 = list(recs)
_bisect.insort_left(s2, ("x", 4), key=lambda r: r[1])
print(s2)


class Seq:
    def __init__(self):
        self.items = [1, 5]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        print("insert", i, x)
        self.items.insert(i, x)


q = Seq()
_bisect.insort_left(q, 3)
print(q.items)
tr("lo negative", lambda: _bisect.bisect_left(seq, 1, -1))
tr("lo str", lambda: _bisect.bisect_left(seq, 1, "a"))
tr("hi str", lambda: _bisect.bisect_right(seq, 1, 0, "a"))
tr("no args", lambda: _bisect.bisect_left())
tr("one arg", lambda: _bisect.bisect_right(seq))
tr("too many", lambda: _bisect.bisect_right(seq, 1, 0, 1, 2))
tr("bad kw", lambda: _bisect.insort_left(seq, 1, foo=2))
tr("not a sequence", lambda: _bisect.bisect_left(5, 1))
tr("uncomparable", lambda: _bisect.bisect_left([1, 2], "a"))
tr("hi past end", lambda: _bisect.bisect_left([1, 2], 5, 0, 10))
tr("key raises", lambda: _bisect.bisect_left([1, 2], 1, key=lambda v: 1 / 0))
print(_bisect.bisect is _bisect.bisect_right if hasattr(_bisect, "bisect") else "no bisect alias")
tr("heappushpop tuple", lambda: _heapq.heappushpop((), 1))
tr("heapreplace tuple", lambda: _heapq.heapreplace((), 1))
tr("_heappop_max tuple", lambda: _heapq._heappop_max(()))
