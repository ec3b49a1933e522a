# A generator found unreachable while suspended inside try/finally or with
# is closed by the collector (its finally blocks run); a coroutine never
# awaited warns "coroutine ... was never awaited" when collected; closing
# a generator that was handling an exception keeps nothing alive.
import gc
import sys


class Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s
        return len(s)

    def flush(self):
        pass


def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally ran")


class CM:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.log.append(("exit", exc[0].__name__ if exc[0] else None))


def with_cm(log):
    with CM(log):
        yield "in with"


def plain(log):
    yield 1
    log.append("never")


log = []
g = with_finally(log)
print(next(g))
del g
gc.collect()
print(log)

log = []
g = with_cm(log)
print(next(g))
g = None
gc.collect()
print(log)

log = []
g = plain(log)
print(next(g))
del g
gc.collect()
print(log)

# a generator never started, or exhausted: nothing runs
log = []
g = with_finally(log)
del g
g = with_finally(log)
print(list(g))
del g
gc.collect()
print(log)


# finally that raises: reported as unraisable, the program goes on
def bad_finally():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


hooked = []
sys.unraisablehook = lambda u: hooked.append((type(u.exc_value).__name__, str(u.exc_value)))
g = bad_finally()
next(g)
del g
gc.collect()
print(hooked)


async def never():
    pass


old = sys.stderr
cap = sys.stderr = Capture()
def make_and_drop():
    never()


try:
    make_and_drop()
    gc.collect()
finally:
    sys.stderr = old
print("never awaited" in cap.text, "RuntimeWarning" in cap.text, "'never'" in cap.text)


# the exception a closed generator was handling is not kept alive
class Obj:
    pass


class MyExc(Exception):
    def __init__(self, obj):
        self.obj = obj


def raising(obj):
    try:
        raise MyExc(obj)
    except MyExc:
        yield


import weakref

o = Obj()
wr = weakref.ref(o)
g = raising(o)
next(g)
g.close()
g = o = None
gc.collect()
print(wr() is None)
