"""Print what tests/unit/range_slice_test.c prints, from CPython 3.11."""


def show(label, f):
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {v!r}")


def show_int(label, f):
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {int(v)}")


state = 12345


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n


def rnd_bound():
    if rnd(8) == 0:
        return None
    return rnd(31) - 15


def rnd_step():
    if rnd(5) == 0:
        return None
    return rnd(11) - 5


def c_indices(s, n):
    a, b, c = s.indices(n)
    c = max(-(2**63 - 1), min(2**63 - 1, c))  # PySlice_Unpack clamps the step
    return f"{a} {b} {c} {len(range(a, b, c))}"


def show_c(label, s, n):
    try:
        v = c_indices(s, n)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {v}")


base_str = "aβcδeζgηiθkλm"
for it in range(1500):
    n = rnd(13)
    start = rnd_bound()
    stop = rnd_bound()
    step = rnd_step()
    s = slice(start, stop, step)
    l = list(range(n))
    t = tuple(l)
    st = base_str[:n]
    b = b"abcdefghijklm"[:n]
    print(f"{it} {n} {s!r}")
    show(" list", lambda: l[s])
    show(" tuple", lambda: t[s])
    show(" str", lambda: st[s])
    show(" bytes", lambda: b[s])
    show(" indices", lambda: s.indices(n))
    show_c(" c", s, n)

bounds = [None, 0, 3, -3, 10**20, -10**20, 2**63, -2**63, 2**63 - 1, -2**63 + 1, 2**62, -2**62 - 1]
steps = [None, 1, -1, 2, -2, 10**20, -10**20, 2**63, -2**63, 2**62]
l = list(range(5))
for a in bounds:
    for b in bounds:
        for c in steps:
            s = slice(a, b, c)
            print(repr(s))
            show(" list", lambda: l[s])
            show(" indices", lambda: s.indices(5))
            show(" big", lambda: s.indices(10**30))
            show_c(" c", s, 5)

# slice_misc
show("slice()", lambda: slice())
show("slice(1,2,3,4)", lambda: slice(1, 2, 3, 4))
show("slice(x=1)", lambda: slice(x=1))
show("slice(5)", lambda: slice(5))
show("slice(1,5)", lambda: slice(1, 5))
s = slice("a", [], None)
show("repr", lambda: s)
show("start", lambda: s.start)
show("stop", lambda: s.stop)
show("step", lambda: s.step)


def set_start():
    s.start = 1


show("set start", set_start)
show("hash", lambda: (hash(s), None)[1])
show("indices str", lambda: s.indices(3))
show("indices()", lambda: slice(1, 2, 3).indices())
show("indices -1", lambda: slice(1, 2, 3).indices(-1))
show("indices 'a'", lambda: slice(1, 2, 3).indices("a"))
show("indices step 0", lambda: slice(1, 2, 0).indices(3))
show("indices True", lambda: slice(True, None, True).indices(True))
a, b = slice(1, 2), slice(1, 3)
show("a < b", lambda: a < b)
show("a > b", lambda: a > b)
show("a == b", lambda: a == b)
show("a == a2", lambda: a == slice(1, 2))
show("a != a2", lambda: a != slice(1, 2))
show("a <= a2", lambda: a <= slice(1, 2))
show("a == tuple", lambda: a.__eq__((1, 2)))
show("a < tuple", lambda: a.__lt__((1, 2)))
show("None < 1", lambda: slice(None, 1) < slice(1, 1))
l = [1, 2, 3]
show("l[::0]", lambda: l[::0])
show("l['a':]", lambda: l["a":])
show("l[:1.5]", lambda: l[:1.5])
show("l[True:]", lambda: l[True:])
show("t[::'x']", lambda: (1,)[::"x"])
show("s[::0]", lambda: "abc"[::0])
show("b[::0]", lambda: b"abc"[::0])
one = 1.0
show("s[1.0]", lambda: "abc"[one])
show("l['a']", lambda: l["a"])
t = (1, 2)
show("t[:] is t", lambda: t[:] is t)
show("l[:] is l", lambda: l[:] is l)


def show_range(name, f):
    show(name, f)
    try:
        r = f()
    except Exception:
        return
    show_int(" len", lambda: len(r))
    show(" length", lambda: max(0, (r.stop - r.start + r.step - (1 if r.step > 0 else -1)) // r.step))
    show(" start", lambda: r.start)
    show(" stop", lambda: r.stop)
    show(" step", lambda: r.step)
    show(" bool", lambda: bool(r))
    big = 10**30
    for i in [0, 1, -1, 5, -5, 10**19, -10**19, big, -big, True]:
        show(f" [{i!r}]", lambda: r[i])
    for s in [slice(None, None, -1), slice(1, -1, 2), slice(10**20, None), slice(10**20, -10**20, -1),
              slice(-3, None, 10**20), slice(None, 3), slice(None, None, 0)]:
        show(f" {s!r}", lambda: r[s])
    step = r.step
    probes = [r.start, r.start + step, r.start + step * 7, r.stop, r.stop - 1, r.start + 1, r.stop - step]
    for i, p in enumerate(probes):
        show(f" probe {i}", lambda: p in r)
        show(" index", lambda: r.index(p))
        show(" count", lambda: r.count(p))
    it = iter(r)
    show(" it type", lambda: type(it).__name__)
    for i in range(4):
        show(" next", lambda: next(it, "<end>"))


p62, p63, e20 = 2**62, 2**63, 10**20
show_range("r1", lambda: range(p62 - 3, p62 + 3, 1))
show_range("r2", lambda: range(-p62 - 2, -p62 + 2, 1))
show_range("r3", lambda: range(0, p63, 1))
show_range("r4", lambda: range(0, p63 - 1, 1))
show_range("r5", lambda: range(0, 2**64, p62))
show_range("r6", lambda: range(e20, -e20, -3 * 10**18))
show_range("r7", lambda: range(-e20, e20, 10**19))
show_range("r8", lambda: range(0, p62 - 1, 1))
show_range("r9", lambda: range(-p62, p62 - 1, 2**61))
show_range("r10", lambda: range(p62 - 1, -p62, -(p62 - 1)))
show_range("r11", lambda: range(10, 0, -3))
show_range("r12", lambda: range(0, 0, 1))
show_range("r13", lambda: range(5, 6, 100))
show_range("r14", lambda: range(True, 10, True))
show_range("r15", lambda: range(-p63, p63, p63))

r = range(0, 10, 2)
show("2.0 in r", lambda: 2.0 in r)
show("'a' in r", lambda: "a" in r)
show("index 4.0", lambda: r.index(4.0))
show("index 'a'", lambda: r.index("a"))
show("index 3", lambda: r.index(3))
show("index True", lambda: range(0, 3, 1).index(True))
show("index False", lambda: range(1, 3, 1).index(False))
show("count 4.0", lambda: r.count(4.0))
show("count()", lambda: r.count())
show("index()", lambda: r.index())
show("range()", lambda: range())
show("range(1,2,3,4)", lambda: range(1, 2, 3, 4))
show("range(x=1)", lambda: range(x=1))
show("range(1.5)", lambda: range(1.5))
show("range('a', 2)", lambda: range("a", 2))
show("range(1, 2, 0)", lambda: range(1, 2, 0))
show("range(5)['a']", lambda: range(5)["a"])
show("range(5)[1.0]", lambda: range(5)[1.0])
show("range(5) < range(6)", lambda: r < r)
show("range == list", lambda: r.__eq__([]))
show("hash equal (0,0) (5,5)", lambda: hash(range(0, 0, 1)) == hash(range(5, 5, 3)))
show("hash (3,4,1)==(3,9,7)", lambda: hash(range(3, 4, 1)) == hash(range(3, 9, 7)))
show_int("hash (0,10,2)", lambda: hash(r) == hash((5, 0, 2)))
show_int("hash big", lambda: hash(range(0, e20, 1)) == hash((e20, 0, 1)))
show("list(range(-3))", lambda: list(range(0, -3, 1)))
show("range type", lambda: range.__name__)

prev = range(0, 0, 1)
for it in range(600):
    nargs = 1 + rnd(3)
    a = rnd(41) - 20
    b = rnd(41) - 20
    c = rnd(11) - 5
    args = [a, b, c][:nargs]
    try:
        r = range(*args)
    except Exception as e:
        r = None
    show(f"{it}", lambda: range(*args))
    k = rnd(41) - 20
    s = slice(rnd_bound(), rnd_bound(), rnd_step())
    if r is None:
        continue
    show(" list", lambda: list(r))
    show_int(" len", lambda: len(r))
    show(" [k]", lambda: r[k])
    show(" [s]", lambda: r[s])
    try:
        rs = r[s]
    except Exception:
        show(" list[s]", lambda: "-")
    else:
        show(" list[s]", lambda: list(rs))
    show(" in", lambda: k in r)
    show(" index", lambda: r.index(k))
    show(" count", lambda: r.count(k))
    show(" ==prev", lambda: r == prev)
    show(" !=prev", lambda: r != prev)
    if r == prev:
        show(" hash==", lambda: hash(r) == hash(prev))
    prev = r
