"""The CPython side of tests/unit/containers_test.c: the same scenarios, the
same random operations (splitmix64), the same printed lines.

Run with PYTHONHASHSEED=0 (set and frozenset orders and hashes of str depend
on it). Every function here mirrors the C function of the same name; keep the
order of random draws identical.
"""
import sys

MASK = (1 << 64) - 1
rng = 0


def next_u64():
    global rng
    rng = (rng + 0x9E3779B97F4A7C15) & MASK
    z = rng
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def rnd(n):
    return next_u64() % n


def rand_int_key(space):
    r = rnd(10)
    if r < 6:
        return rnd(space) - space // 4
    if r < 8:
        high = rnd(16)
        return high << (8 + rnd(30))
    return rnd(space) * 8


def rand_key(space, strs):
    k = rand_int_key(space)
    if strs and rnd(2):
        return "s%d" % k
    return k


def section(name):
    print("==", name)


def err_text(e):
    if isinstance(e, StopIteration):
        return "no exception"
    return "%s: %s" % (type(e).__name__, e)


def show(label, f):
    try:
        v = f()
    except Exception as e:
        print(label, err_text(e))
        return
    print(label, repr(v))


def scenario_dict(seed, nops, space, strs):
    global rng
    section("dict seed=%d strs=%d" % (seed, strs))
    rng = seed
    d = {}
    for step in range(nops):
        r = rnd(100)
        k = rand_key(space, strs)
        if r < 40:
            d[k] = step
        elif r < 55:
            try:
                del d[k]
            except KeyError as e:
                print("del", err_text(e))
        elif r < 65:
            show("get", lambda: d.get(k, -1))
        elif r < 72:
            show("pop", lambda: d.pop(k, -1))
        elif r < 76:
            show("popitem", lambda: d.popitem())
        elif r < 80:
            show("setdefault", lambda: d.setdefault(k, step))
        elif r < 81:
            d.clear()
        elif r < 83:
            d = d.copy()
        elif r < 86:
            print("in", k in d)
        elif r < 88:
            show("getitem", lambda: d[k])
        else:
            print("len", len(d))
        if step % 97 == 0:
            show("items", lambda: list(d.items()))
    show("final", lambda: d)
    show("keys", lambda: d.keys())
    show("values", lambda: d.values())


def rand_set(n, space):
    count = rnd(n + 1)
    return set([rand_int_key(space) for _ in range(count)])


def scenario_set(seed, nops, space, strs):
    global rng
    section("set seed=%d strs=%d" % (seed, strs))
    rng = seed
    s = set()
    for step in range(nops):
        r = rnd(100)
        k = rand_key(space, strs)
        if r < 35:
            s.add(k)
        elif r < 45:
            s.discard(k)
        elif r < 50:
            try:
                s.remove(k)
            except KeyError as e:
                print("remove", err_text(e))
        elif r < 53:
            show("pop", lambda: s.pop())
        elif r < 56:
            s = s | rand_set(12, space)
        elif r < 59:
            s = s & rand_set(40, space)
        elif r < 62:
            s = s - rand_set(12, space)
        elif r < 65:
            s = s ^ rand_set(12, space)
        elif r < 68:
            s |= rand_set(12, space)
        elif r < 70:
            s &= rand_set(40, space)
        elif r < 72:
            s -= rand_set(12, space)
        elif r < 74:
            s ^= rand_set(12, space)
        elif r < 76:
            s = s.copy()
        elif r < 78:
            s = set(list(s))
        elif r < 80:
            s.update(list(rand_set(12, space)))
        elif r < 82:
            o = list(rand_set(30, space))
            show("intersection", lambda: s.intersection(o))
        elif r < 84:
            o = list(rand_set(12, space))
            show("difference", lambda: s.difference(o))
        elif r < 86:
            o = list(rand_set(12, space))
            show("symdiff", lambda: s.symmetric_difference(o))
        elif r < 88:
            o = rand_set(30, space)
            show("le", lambda: s <= o)
            show("ge", lambda: s >= o)
            show("lt", lambda: s < o)
            show("eq", lambda: s == s.copy())
            show("disjoint", lambda: s.isdisjoint(o))
        elif r < 90:
            show("fs", lambda: frozenset(s))
            print("hash", hash(frozenset(s)))
        elif r < 91:
            s.clear()
        elif r < 93:
            s.difference_update(list(rand_set(20, space)))
        elif r < 95:
            s.intersection_update(list(rand_set(60, space)))
        else:
            print("in", k in s)
        show("s", lambda: s)


def rand_hashable(depth, strs):
    r = rnd(10)
    if depth > 2 or r < 5:
        return rand_key(1000, strs)
    n = rnd(6)
    t = tuple(rand_hashable(depth + 1, strs) for _ in range(n))
    if r < 8:
        return t
    return frozenset(t)


def scenario_hashes(seed, n, strs):
    global rng
    section("hashes seed=%d strs=%d" % (seed, strs))
    rng = seed
    for _ in range(n):
        v = rand_hashable(0, strs)
        print(repr(v), hash(v))
    print("()", hash(()))
    print("fs()", hash(frozenset()))
    print("(-1,)", hash((-1,)))
    print("fs(-1,-2)", hash(frozenset((-1, -2))))


def rand_list(n, pattern):
    out = []
    for i in range(n):
        if pattern == 0:
            v = rnd(1000000) - 500000
        elif pattern == 1:
            v = i * 3
        elif pattern == 2:
            v = n - i
        elif pattern == 3:
            v = rnd(5)
        elif pattern == 4:
            v = (i % 50) * 7 + rnd(3)
        elif pattern == 5:
            v = i + (rnd(n) if rnd(20) == 0 else 0)
        else:
            v = i if i % 2 else n - i
        out.append(v)
    return out


KEYS = [lambda x: x % 10, lambda x: -x, lambda x: (x % 3, -x), lambda x: str(x)]


def sort_kw(lst, key, reverse):
    kw = {}
    if key is not None:
        kw["key"] = key
    if reverse >= 0:
        kw["reverse"] = bool(reverse)
    lst.sort(**kw)


def digest(values):
    h = 0
    for v in values:
        h = (h * 1000003 + v) & MASK
    return h


w_compares = 0
w_mode = 0


class W:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        global w_compares
        w_compares += 1
        if w_mode == 0:
            return self.v < other.v
        return ((self.v * 7 + other.v * 13) % 5) < 2

    def __repr__(self):
        return "W(%d)" % self.v


def scenario_sort(seed):
    global rng, w_mode, w_compares
    section("sort seed=%d" % seed)
    rng = seed
    for n in (0, 1, 2, 3, 7, 31, 64, 65, 100, 257, 1000, 3000):
        for pattern in range(7):
            lst = rand_list(n, pattern)
            keykind = rnd(5)
            reverse = rnd(3) - 1
            key = KEYS[keykind] if keykind < 4 else None
            sort_kw(lst, key, reverse)
            prefix = "n=%d p=%d key=%d rev=%d " % (n, pattern, keykind, reverse)
            if n <= 100:
                print(prefix, repr(lst))
            else:
                print(prefix + "digest %d" % digest(lst))
    lst = ["w%d" % rnd(1000) for _ in range(200)]
    lst.sort()
    print("strs", repr(lst))
    lst = rand_list(150, 3)
    calls = 0

    def failing(x):
        nonlocal calls
        calls += 1
        if calls == 5:
            raise ValueError("key failed")
        return x
    try:
        lst.sort(key=failing)
        print("failing key: no exception")
    except ValueError as e:
        print("failing key:", err_text(e))
    print("after", repr(lst))
    for mode in range(2):
        n = 10
        while n <= 2000:
            w_mode = mode
            w_compares = 0
            wl = []
            for i in range(n):
                if mode == 0 and rnd(3):
                    v = i + rnd(8)
                else:
                    v = rnd(n)
                wl.append(W(v))
            sort_kw(wl, None, rnd(2))
            prefix = "W mode=%d n=%d compares=%d " % (mode, n, w_compares)
            if n <= 30:
                print(prefix, repr(wl))
            else:
                print(prefix + "digest %d" % digest([w.v for w in wl]))
            n *= 3


def scenario_list(seed, nops):
    global rng
    section("list seed=%d" % seed)
    rng = seed
    l = []
    ops = [("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), ("==", lambda a, b: a == b),
           ("!=", lambda a, b: a != b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b)]
    for step in range(nops):
        r = rnd(100)
        n = len(l)
        x = rnd(20)
        idx = rnd(2 * n + 3) - n - 1
        if r < 25:
            l.append(x)
        elif r < 35:
            l.insert(rnd(2 * n + 5) - n - 2, x)
        elif r < 45:
            if rnd(2):
                show("pop", lambda: l.pop())
            else:
                show("pop", lambda: l.pop(idx))
        elif r < 50:
            show("remove", lambda: l.remove(x))
        elif r < 55:
            if rnd(2):
                show("index", lambda: l.index(x))
            else:
                a = rnd(5) - 2
                b = rnd(12) - 3
                show("index", lambda: l.index(x, a, b))
        elif r < 60:
            show("count", lambda: l.count(x))
        elif r < 63:
            l.reverse()
        elif r < 68:
            o = rand_list(rnd(4), 3)
            l.extend(o if rnd(2) else tuple(o))
        elif r < 73:
            show("getitem", lambda: l[idx])
        elif r < 78:
            try:
                l[idx] = x
            except IndexError as e:
                print("setitem", err_text(e))
        elif r < 82:
            try:
                del l[idx]
            except IndexError as e:
                print("delitem", err_text(e))
        elif r < 84:
            l = l + rand_list(rnd(3), 3)
        elif r < 86:
            if n < 30:
                l = (rnd(4) - 1) * l
        elif r < 88:
            if n < 30:
                l *= rnd(3)
        elif r < 90:
            l += (x, x)
        elif r < 92:
            o = list(l)
            if len(o) and rnd(2):
                o[rnd(len(o))] = x
            if rnd(3) == 0:
                o.append(x)
            for sym, f in ops:
                show(sym, lambda: f(l, o))
        elif r < 94:
            show("contains", lambda: x in l)
        elif r < 95:
            l.clear()
        else:
            l = l.copy()
        show("l", lambda: l)
    t = tuple(l)
    show("tuple", lambda: t)
    show("t+t", lambda: t + t)
    show("t*2", lambda: t * 2)
    show("t.index", lambda: t.index(3))
    show("t.count", lambda: t.count(3))
    show("t[-1]", lambda: t[-1])
    show("t[99]", lambda: t[99])
    show("t<t", lambda: t < t)
    show("t<=t", lambda: t <= t)


def scenario_misc():
    section("recursive reprs")
    l = [1, 2]
    l.append(l)
    show("l", lambda: l)
    d = {}
    d[1] = d
    d["x"] = l
    show("d", lambda: d)
    t = (l, d)
    l.append(t)
    show("t", lambda: t)
    show("keys", lambda: d.keys())
    show("items", lambda: d.items())
    show("values", lambda: d.values())
    show("single", lambda: (5,))
    show("empty", lambda: ())
    show("emptyset", lambda: set())
    show("emptyfs", lambda: frozenset())
    show("fs", lambda: frozenset([3, 1, 2]))
    show("nested", lambda: set([frozenset(), frozenset((1, 2))]))

    section("constructors")
    nl = list((3, 4))
    show("list((3,4))", lambda: nl)
    show("list(1,2)", lambda: list(1, 2))
    show("list(x=1)", lambda: list(x=1))
    show("list(5)", lambda: list(5))
    show("tuple([1,2])", lambda: tuple([1, 2]))
    show("tuple()", lambda: tuple())
    show("tuple(1,2)", lambda: tuple(1, 2))
    show("tuple(x=1)", lambda: tuple(x=1))
    show("dict([(1,2)],x=3)", lambda: dict([(1, 2)], x=3))
    show("dict(1,2)", lambda: dict(1, 2))
    show("set([9,1,9])", lambda: set([9, 1, 9]))
    show("set(1,2)", lambda: set(1, 2))
    show("set(x=1)", lambda: set(x=1))
    show("frozenset([2,1])", lambda: frozenset([2, 1]))
    show("frozenset(1,2)", lambda: frozenset(1, 2))
    show("frozenset(x=1)", lambda: frozenset(x=1))

    section("errors")
    e = []
    show("pop empty", lambda: e.pop())
    show("append()", lambda: e.append())
    show("append(1,2)", lambda: e.append(1, 2))
    show("insert(1)", lambda: e.insert(1))
    show("insert('a',1)", lambda: e.insert('a', 1))
    show("pop('a')", lambda: e.pop('a'))
    show("pop(1,2)", lambda: e.pop(1, 2))
    show("remove", lambda: e.remove(1))
    show("index", lambda: e.index(1))
    show("index('a')", lambda: e.index('a'))
    show("index()", lambda: e.index())
    show("index(1,2,3,4)", lambda: e.index(1, 2, 3, 4))
    show("index(1,'a')", lambda: e.index(1, 'a'))
    show("count()", lambda: e.count())
    show("reverse(1)", lambda: e.reverse(1))
    show("extend(1)", lambda: e.extend(1))
    show("sort(1)", lambda: e.sort(1))
    show("sort(foo=1)", lambda: e.sort(foo=1))
    show("sort(reverse='a')", lambda: [2, 1].sort(reverse='a'))
    show("sort mixed", lambda: [2, 'a'].sort())
    show("append(x=1)", lambda: e.append(x=1))
    show("l['a']", lambda: e.__getitem__('a'))
    show("l[0]", lambda: e[0])
    try:
        e[0] = 1
    except Exception as ex:
        print("l[0]=1 -1", err_text(ex))
    try:
        e.__setitem__('a', 1)
    except Exception as ex:
        print("l['a']=1 -1", err_text(ex))
    show("t['a']", lambda: ().__getitem__('a'))
    show("t.index", lambda: ().index(1))
    show("t.count()", lambda: ().count())
    dd = {}
    show("d[1]", lambda: dd[1])
    show("d[(1,2)]", lambda: dd[(1, 2)])
    show("d[[]]", lambda: dd[[]])

    def setlist():
        dd[[]] = 1
    show("d[[]]=1", setlist)
    show("d.pop(1)", lambda: dd.pop(1))
    show("d.popitem()", lambda: dd.popitem())
    show("d.get()", lambda: dd.get())
    show("d.get(1,2,3)", lambda: dd.get(1, 2, 3))
    show("d.pop()", lambda: dd.pop())
    show("d.setdefault()", lambda: dd.setdefault())
    show("d.keys(1)", lambda: dd.keys(1))
    show("d.update(1)", lambda: dd.update(1))
    show("d.update([1])", lambda: dd.update([1]))
    show("d.update([(1,2,3)])", lambda: dd.update([(1, 2, 3)]))
    show("d.update([(1,2),[3,4]])", lambda: dd.update([(1, 2), [3, 4]]))
    show("d", lambda: dd)
    se = set()
    show("set.pop", lambda: se.pop())
    show("set.remove", lambda: se.remove(3))
    show("set.remove((1,2))", lambda: se.remove((1, 2)))
    show("set.add([])", lambda: se.add([]))
    show("set.add()", lambda: se.add())
    show("{1} in set", lambda: {1} in {frozenset([1])})
    show("hash(list)", lambda: hash(e) and None)
    show("hash(set)", lambda: hash(se) and None)
    show("hash(dict)", lambda: hash(dd) and None)

    section("mutation during iteration")
    md = {i: i for i in range(5)}
    it = iter(md)
    show("next", lambda: next(it))
    md[10] = 10
    show("next", lambda: next(it))
    show("next again", lambda: next(it))
    it = iter(md)
    show("next", lambda: next(it))
    del md[10]
    md[11] = 11
    show("next keys changed", lambda: next(it))
    show("next", lambda: next(it))
    show("next", lambda: next(it))
    show("next", lambda: next(it))
    show("next", lambda: next(it))
    ms = {1, 2, 3}
    it2 = iter(ms)
    show("set next", lambda: next(it2))
    ms.add(4)
    show("set next", lambda: next(it2))
    ml = [1, 2]
    it3 = iter(ml)
    show("list next", lambda: next(it3))
    ml.append(3)
    show("list next", lambda: next(it3))
    show("list next", lambda: next(it3))
    show("list next end", lambda: next(it3, None) is not None)

    section("views")
    vd = {i * 3: i for i in range(8)}
    ks, its = vd.keys(), vd.items()
    other = {0, 3, 100, -1}
    show("keys & set", lambda: ks & other)
    show("set & keys", lambda: other & ks)
    show("keys | set", lambda: ks | other)
    show("keys - set", lambda: ks - other)
    show("set - keys", lambda: other - ks)
    show("keys ^ set", lambda: ks ^ other)
    show("keys & list", lambda: ks & [6, 7])
    show("items & list", lambda: its & [(3, 1), (3, 2)])
    show("items contains", lambda: (6, 2) in its)
    show("keys == set", lambda: ks == set(ks))
    show("keys < set", lambda: ks < set(ks))
    show("keys <= set", lambda: ks <= set(ks))
    show("d | d", lambda: vd | vd.copy())
    d2 = {100: 1, 0: 9}
    show("d | d2", lambda: vd | d2)
    show("d == d", lambda: vd == vd.copy())
    show("d == d2", lambda: vd == d2)
    show("d != d2", lambda: vd != d2)
    show("fromkeys", lambda: vd.fromkeys([5, 1, 5], 0))


def main():
    for seed in range(1, 7):
        scenario_dict(seed, 600, 60 + seed * 40, 1 if seed % 2 == 0 else 0)
    for seed in range(1, 9):
        scenario_set(seed, 300, 30 + seed * 30, 1 if seed % 4 == 0 else 0)
    scenario_hashes(1, 300, 0)
    scenario_hashes(2, 300, 1)
    scenario_sort(1)
    scenario_sort(2)
    for seed in range(1, 4):
        scenario_list(seed, 400)
    scenario_misc()


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main()
