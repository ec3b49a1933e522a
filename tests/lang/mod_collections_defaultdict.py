# _collections.defaultdict, _tuplegetter and _count_elements.
from _collections import defaultdict, _tuplegetter, _count_elements


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"]
print(d, len(d), d.default_factory, isinstance(d, dict), type(d).__mro__)
print(d.get("zz"), "zz" in d, d.__missing__("c"), d)
n = defaultdict()
print(n, n.default_factory)
tr("missing no factory", lambda: n["x"])
tr("missing tuple key", lambda: n[(1, 2)])
tr("__missing__()", lambda: d.__missing__())
tr("not callable", lambda: defaultdict(1))
print(defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(int, [(1, 2)], b=3))
c = defaultdict(int)
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
c.default_factory = str
print(repr(c["new"]), c.default_factory)
c.default_factory = None
tr("after None", lambda: c["other"])

cp = d.copy()
cp["z"].append(9)
print(type(cp).__name__, cp.default_factory, sorted(cp), sorted(d))
print(d.__copy__() == d)
red = d.__reduce__()
print(red[0], red[1], red[2], red[3], list(red[4]))
print(defaultdict().__reduce__()[1])

print(defaultdict(list, {1: 2}) | {3: 4})
print({3: 4} | defaultdict(list, {1: 2}))
print(type({3: 4} | defaultdict(list)).__name__)
tr("or int", lambda: defaultdict(list) | 1)
dd = defaultdict(list, {1: 2})
dd |= {5: 6}
print(dd)

r = defaultdict(None)
r.default_factory = r
r[1] = 2
print(r)


class Sub(defaultdict):
    pass


s = Sub(int, x=1)
s["y"] += 5
print(s, type(s.copy()).__name__, s.copy())
print(defaultdict[int, str])

# _tuplegetter
g = _tuplegetter(1, "second")
print(g.__doc__, g.__get__((1, 2)), g.__get__(None, tuple) is g)
tr("get int", lambda: _tuplegetter(0, "doc").__get__(1))
tr("get short", lambda: _tuplegetter(5, "doc").__get__((1,)))
tr("set", lambda: _tuplegetter(0, "doc").__set__((1,), 2))
tr("delete", lambda: _tuplegetter(0, "doc").__delete__((1,)))
tr("reduce", lambda: _tuplegetter(0, "doc").__reduce__())
tr("str index", lambda: _tuplegetter("a", "doc"))
tr("one arg", lambda: _tuplegetter(0))


class P(tuple):
    x = _tuplegetter(0, "x coord")
    y = _tuplegetter(1, "y coord")


p = P((3, 4))
print(p.x, p.y, P.x.__doc__)
tr("assign", lambda: setattr(p, "x", 1))
P.y.__doc__ = "changed"
print(P.y.__doc__)

# _count_elements
m = {}
_count_elements(m, "abracadabra")
print(sorted(m.items()))
_count_elements(m, "ab")
print(sorted(m.items()))


class Counting(dict):
    def get(self, k, default=None):
        print("get", k)
        return dict.get(self, k, default)

    def __setitem__(self, k, v):
        print("set", k, v)
        dict.__setitem__(self, k, v)


_count_elements(Counting(), "aba")
tr("int mapping", lambda: _count_elements(1, "abca"))
tr("not iterable", lambda: _count_elements({}, 1))
tr("one arg", lambda: _count_elements({}))
tr("unhashable", lambda: _count_elements({}, [[1]]))
