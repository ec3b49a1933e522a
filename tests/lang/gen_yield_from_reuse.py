# `yield from f(...)` gives the memory of the generator f made back as soon
# as it has run to its end, unless someone else could have been handed it.
# Every way of getting hold of that generator must keep it intact.
import gc
import weakref


def leaf(n, log):
    for i in range(n):
        got = yield i
        if got is not None:
            log.append(("sent", got))
    return n * 10


def middle(n, log):
    total = yield from leaf(n, log)
    total += yield from leaf(n + 1, log)
    return total


def outer(log):
    r = yield from middle(2, log)
    log.append(("outer got", r))
    return r


log = []
print(list(outer(log)), log)

# Deep recursion through yield from, as nqueens does: the cells are reused
# many times over, and the results must stay right.
def perms(items):
    if not items:
        yield ()
        return
    for i, x in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            yield (x,) + rest


def perms_yf(items, prefix=()):
    if not items:
        yield prefix
        return
    for i, x in enumerate(items):
        yield from perms_yf(items[:i] + items[i + 1:], prefix + (x,))


a = sorted(perms((1, 2, 3, 4, 5)))
b = sorted(perms_yf((1, 2, 3, 4, 5)))
print(len(a), a == b, b[:3], b[-1])
for _ in range(3):
    garbage = [[i] * 10 for i in range(2000)]  # reuse freed cells, collect
    gc.collect()
    print(sum(1 for _ in perms_yf(tuple(range(6)))))

# gi_yieldfrom hands the inner generator out: it must survive its end.
kept = []


def watcher():
    g = outer([])
    v = next(g)
    inner = g.gi_yieldfrom          # middle(...)
    kept.append(inner)
    kept.append(inner.gi_yieldfrom)  # leaf(...)
    try:
        while True:
            v = g.send(None)
    except StopIteration as e:
        print("watched result", e.value)


watcher()
junk = [("x", i) for i in range(5000)]
gc.collect()
for k in kept:
    print(type(k).__name__, k.gi_frame, k.gi_running, k.__name__)
    try:
        next(k)
    except StopIteration:
        print("exhausted, as expected")

# A weak reference to the inner generator, taken while it ran.
refs = []


def weak_outer():
    def inner():
        yield 1
        return "done"
    r = yield from inner()
    return r


g = weak_outer()
next(g)
refs.append(weakref.ref(g.gi_yieldfrom))
try:
    next(g)
except StopIteration as e:
    print("weak outer", e.value)
gc.collect()
print("weakref after", refs[0]() is None or type(refs[0]()).__name__)

# The inner generator raises, or is thrown into, or closed with its outer.
def raiser():
    yield 1
    raise ValueError("inner failed")


def catcher():
    try:
        yield from raiser()
    except ValueError as e:
        yield ("caught", str(e))


print(list(catcher()))


def finally_inner(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("inner finally")
    return "fi"


def finally_outer(log):
    r = yield from finally_inner(log)
    log.append(r)


log = []
g = finally_outer(log)
next(g)
g.close()
print("closed", log)
log = []
g = finally_outer(log)
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("thrown through", repr(e), log)
log = []
print(list(finally_outer(log)), log)

# Frames and tracebacks made inside the inner generator.
import sys
frames = []


def frame_inner():
    frames.append(sys._getframe())
    yield 1
    try:
        1 / 0
    except ZeroDivisionError as e:
        frames.append(e.__traceback__.tb_frame)
    return "frames"


def frame_outer():
    return (yield from frame_inner())


print(list(frame_outer()))
junk = [[i] for i in range(5000)]
gc.collect()
print([f.f_code.co_name for f in frames], [f.f_lineno > 0 for f in frames])

# gc.get_referents sees the inner generator while it runs.
seen = []


def ref_inner():
    yield 1
    return 2


def ref_outer():
    r = yield from ref_inner()
    return r


g = ref_outer()
next(g)
seen.extend(o for o in gc.get_referents(g) if type(o).__name__ == "generator")
try:
    next(g)
except StopIteration as e:
    print("ref outer", e.value)
junk = [[i] for i in range(5000)]
gc.collect()
print([type(s).__name__ for s in seen], [s.gi_frame for s in seen])
