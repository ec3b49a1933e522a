# _lsprof and cProfile with a deterministic timer: call counts, recursive
# counts, total and inline times per function and per caller/callee pair,
# builtins named as CPython names them, subcalls/builtins switched off,
# clear(), a profiler that is the profile function while enabled, and the
# pstats report of cProfile.
import _lsprof
import cProfile
import io
import pstats
import sys

ticks = [0]


def timer():
    ticks[0] += 1
    return ticks[0]


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Box:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return len(self.items)


def work():
    b = Box()
    for i in range(3):
        b.add(fib(i + 2))
    sorted(b.items, key=abs)
    "-".join(map(str, b.items))
    try:
        int("x")
    except ValueError:
        pass
    return b


def name(code):
    return code if isinstance(code, str) else "%s:%d" % (code.co_name, code.co_firstlineno)


def show(stats):
    for e in sorted(stats, key=lambda e: name(e.code)):
        print(name(e.code), e.callcount, e.reccallcount, round(e.totaltime, 6),
              round(e.inlinetime, 6))
        for s in sorted(e.calls or [], key=lambda s: name(s.code)):
            print("    ->", name(s.code), s.callcount, s.reccallcount, round(s.totaltime, 6),
                  round(s.inlinetime, 6))


for kwargs in [{}, {"subcalls": False}, {"builtins": False}]:
    ticks[0] = 0
    p = _lsprof.Profiler(timer, 0.5, **kwargs)
    p.enable()
    print("enabled:", sys.getprofile() is p)
    work()
    p.disable()
    print("==", kwargs, sys.getprofile())
    show(p.getstats())

p = _lsprof.Profiler(timer, 1.0)
p.enable(subcalls=False, builtins=False)
fib(3)
p.disable()
show(p.getstats())
p.clear()
print("after clear:", p.getstats())
print(type(p).__name__, _lsprof.profiler_entry.n_fields, _lsprof.profiler_subentry.n_fields)
for bad in [("x",), (None, "y")]:
    try:
        _lsprof.Profiler(*bad)
    except TypeError as e:
        print("TypeError", e)

ticks[0] = 0
prof = cProfile.Profile(timer, 0.001)
prof.runcall(work)
out = io.StringIO()
st = pstats.Stats(prof, stream=out)
st.sort_stats("calls", "name").print_stats()
print("\n".join(line for line in out.getvalue().splitlines()[1:] if line.strip()))
