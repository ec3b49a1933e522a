# itertools objects survive copy, deepcopy and pickle (protocols 0-5),
# fresh, part-consumed and exhausted; __reduce__ shapes and __setstate__
# validation; pairwise is not picklable; keyword arguments to subclasses.
import copy
import itertools as it
import operator
import pickle


def is_even(x):
    return x % 2 == 0


def keep_first(a, b):
    return a


def makers():
    return [
        ("accumulate", lambda: it.accumulate([1, 2, 3, 4, 5])),
        ("accumulate_func", lambda: it.accumulate([3, 1, 4, 1, 5], max)),
        ("accumulate_initial", lambda: it.accumulate([1, 2, 3], initial=10)),
        ("chain", lambda: it.chain("ab", [1, 2], (), "c")),
        ("chain_from", lambda: it.chain.from_iterable(["xy", "z"])),
        ("combinations", lambda: it.combinations("abcd", 2)),
        ("combinations_r0", lambda: it.combinations("abc", 0)),
        ("combinations_big_r", lambda: it.combinations("ab", 5)),
        ("cwr", lambda: it.combinations_with_replacement("abc", 2)),
        ("compress", lambda: it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])),
        ("count", lambda: it.count(3)),
        ("count_step", lambda: it.count(1.5, 0.5)),
        ("count_big", lambda: it.count(2 ** 70, 3)),
        ("cycle", lambda: it.cycle("abc")),
        ("cycle_empty", lambda: it.cycle([])),
        ("dropwhile", lambda: it.dropwhile(is_even, [2, 4, 5, 6, 7])),
        ("takewhile", lambda: it.takewhile(is_even, [2, 4, 5, 6])),
        ("filterfalse", lambda: it.filterfalse(is_even, range(8))),
        ("filterfalse_none", lambda: it.filterfalse(None, [0, 1, 0, 2])),
        ("islice", lambda: it.islice(range(20), 2, 15, 3)),
        ("islice_stop", lambda: it.islice("abcdef", 3)),
        ("islice_none", lambda: it.islice("abcdef", 1, None)),
        ("permutations", lambda: it.permutations("abc", 2)),
        ("permutations_all", lambda: it.permutations(range(3))),
        ("product", lambda: it.product("ab", range(3))),
        ("product_repeat", lambda: it.product("ab", repeat=2)),
        ("product_empty", lambda: it.product()),
        ("repeat", lambda: it.repeat("x", 4)),
        ("repeat_forever", lambda: it.repeat(7)),
        ("starmap", lambda: it.starmap(operator.pow, [(2, 3), (3, 2), (5, 1)])),
        ("zip_longest", lambda: it.zip_longest("abc", "d", fillvalue="-")),
        ("map", lambda: map(operator.add, [1, 2, 3], [10, 20, 30])),
        ("filter", lambda: filter(None, [0, 1, 2, 0, 3])),
    ]


def copiers():
    yield "copy", copy.copy
    yield "deepcopy", copy.deepcopy
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        yield "pickle%d" % proto, lambda x, p=proto: pickle.loads(pickle.dumps(x, p))


def take(iterator, n=6):
    return list(it.islice(iterator, n))


for name, make in makers():
    results = []
    for cname, cp in copiers():
        for consumed in (0, 1, 2, 50):
            orig = make()
            before = take(orig, consumed)
            try:
                dup = cp(orig)
            except Exception as e:
                results.append((cname, consumed, type(e).__name__, str(e)))
                continue
            if cname != "copy":
                # copy.copy shares the source iterator with the original
                results.append((cname, consumed, type(dup).__name__, take(dup), take(orig)))
            else:
                results.append((cname, consumed, type(dup).__name__, take(dup)))
    print(name, len(results))
    for r in results:
        print("   ", r)

# groupby and its groups: picklable together, mid-group.
g = it.groupby("aaabbbccd")
k, grp = next(g)
next(grp)
g2, grp2 = pickle.loads(pickle.dumps((g, grp)))
print("groupby", k, list(grp2), [(k, list(v)) for k, v in g2])
g = it.groupby("aabbc", key=str.upper)
k, grp = next(g)
next(g)
print("abandoned group", type(grp).__reduce__(grp)[0] is iter, list(pickle.loads(pickle.dumps(grp))))
print("groupby copy", [(k, list(v)) for k, v in copy.deepcopy(it.groupby([1, 1, 2, 3, 3]))])

# tee: the shared buffer goes along; both halves resume where they were.
a, b = it.tee(range(100))
take(a, 60)
take(b, 3)
a2, b2 = pickle.loads(pickle.dumps((a, b)))
print("tee", take(a2, 3), take(b2, 3), take(a, 3), take(b, 3))
a, b = it.tee("xyz")
next(a)
print("tee deepcopy", list(copy.deepcopy(a)), list(copy.copy(b)), list(a), list(b))

# __reduce__ shapes that do not depend on object identity.
print(it.count(5).__reduce__())
print(it.count(5, 2).__reduce__())
print(it.repeat(1, -3).__reduce__(), it.repeat(1).__reduce__())
print(it.combinations("abc", 2).__reduce__())
c = it.permutations("abc", 2)
next(c)
next(c)
print(c.__reduce__())
c = it.product("ab", "cd")
print(c.__reduce__())
next(c)
print(c.__reduce__())
list(c)
print(c.__reduce__())
acc = it.accumulate([None, 1], keep_first)
next(acc)
print("accumulate None total", acc.__reduce__()[0].__name__, list(pickle.loads(pickle.dumps(acc))))
print("zip_longest state", it.zip_longest("a", fillvalue=3).__reduce__()[2])
cy = it.cycle("ab")
take(cy, 3)
print("cycle state", cy.__reduce__()[2], take(pickle.loads(pickle.dumps(cy)), 5))
isl = it.islice("abcdef", 1, 5, 2)
list(isl)
print("islice done", isl.__reduce__()[1][1:], isl.__reduce__()[2])

# pairwise is not picklable in 3.11.
try:
    pickle.dumps(it.pairwise("abc"))
except Exception as e:
    print("pairwise", type(e).__name__, e)


# __setstate__ validation.
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)


ch = it.chain("a")
for st in [1, (), (iter("a"), "b"), (iter("a"), iter("b"), 3), (iter("x"),)]:
    attempt("chain.__setstate__ %r" % (type(st).__name__,), lambda: (ch.__setstate__(st), list(ch)))
for st in [1, (), (1, 2), ([1], 1), ([1, 2], 0), ([1], "x"), ([1], 2 ** 40)]:
    cy = it.cycle("ab")
    attempt("cycle.__setstate__", lambda: (cy.__setstate__(st), take(cy, 4)))
for st in [1, (), (0,), (5, -3), ("a", 1), (1, 1), (2 ** 70, 0)]:
    pr = it.product("ab", "cd")
    attempt("product.__setstate__", lambda: (pr.__setstate__(st), list(pr)))
    co = it.combinations("abcd", 2)
    attempt("combinations.__setstate__", lambda: (co.__setstate__(st), list(co)))
    cw = it.combinations_with_replacement("abc", 2)
    attempt("cwr.__setstate__", lambda: (cw.__setstate__(st), list(cw)))
for st in [1, (), (0,), ((5, -3, 1, 2), (9, 0)), ((1, 1, 1, 1), (1, 1)), ((0, 1, 2, 3), (1,)),
           ([0, 1, 2, 3], (1, 1))]:
    pe = it.permutations("abcd", 2)
    attempt("permutations.__setstate__", lambda: (pe.__setstate__(st), take(pe, 5)))
t, _ = it.tee("abc")
cell = t.__reduce__()[2][0]
for st in [1, (), (0,), (cell, 100), (cell, -1), (cell, 2), ((), 0)]:
    attempt("tee.__setstate__", lambda: (t.__setstate__(st), list(t)))
TeeData = type(cell)
for args in [(), (1, 2, 3), (iter("a"), [1], 5), (iter("a"), [1] * 57, 5),
             (iter("a"), [1] * 58, None), (iter("ab"), [1], None)]:
    attempt("_tee_dataobject", lambda: TeeData(*args).__reduce__()[1][1:])
for st in [1, (), (1, 2), (1, 2, 3)]:
    gb = it.groupby("aab")
    attempt("groupby.__setstate__", lambda: (gb.__setstate__(st), next(gb)[0]))
for st in ["x", 1, -1, 2 ** 80, True]:
    isl = it.islice("abcdef", 4)
    attempt("islice.__setstate__", lambda: (isl.__setstate__(st), list(isl)))
dw = it.dropwhile(is_even, [2, 3, 4])
attempt("dropwhile.__setstate__", lambda: (dw.__setstate__(1), list(dw)))
tw = it.takewhile(is_even, [2, 3, 4])
attempt("takewhile.__setstate__", lambda: (tw.__setstate__([1]), list(tw)))
acc = it.accumulate([1, 2, 3])
attempt("accumulate.__setstate__", lambda: (acc.__setstate__(100), list(acc)))
zl = it.zip_longest("ab", "c")
attempt("zip_longest.__setstate__", lambda: (zl.__setstate__("?"), list(zl)))
attempt("_grouper bad parent", lambda: it._grouper(1, 2))
attempt("_tee two args", lambda: it._tee(1, 2))

# Keywords reach a subclass's own __init__; without one they are refused.
for cls, args in [(it.repeat, (1, 2)), (zip, ([1, 2], "ab")), (filter, (None, [0, 1])),
                  (it.filterfalse, (None, [0, 1])), (it.chain, ([1, 2], [3, 4])),
                  (map, (str, [1, 2])), (it.starmap, (operator.pow, ((2, 3), (3, 2)))),
                  (it.islice, ([1, 2, 3, 4], 1, 3)), (it.takewhile, (is_even, [2, 3, 4])),
                  (it.dropwhile, (is_even, [2, 3, 4])), (it.cycle, ([1, 2],)),
                  (it.compress, ("ABC", [1, 0, 1]))]:
    class Sub(cls):
        pass

    class SubInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    attempt(cls.__name__ + " subclass kw", lambda: Sub(*args, newarg=3))
    attempt(cls.__name__ + " subclass __init__ kw",
            lambda: (lambda u: (take(u, 3), u.newarg))(SubInit(*args, newarg=3)))
