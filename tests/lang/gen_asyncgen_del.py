# async_generator.__del__ (CPython's tp_finalize): an async generator that
# took a finalizer hook at its first iteration (sys.set_asyncgen_hooks) and
# has not finished is passed to it; otherwise it is closed. The firstiter
# hook is called at the first __anext__/asend/athrow/aclose.
# generator.__del__ and coroutine.__del__ close them the same way.
import sys

log = []


def firstiter(agen):
    log.append(("firstiter", agen.__name__))


def finalizer(agen):
    log.append(("finalizer", agen.__name__))


async def counter(name):
    try:
        yield name + "1"
        yield name + "2"
    finally:
        log.append(("finally", name))


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"


def show(label, result=None):
    print(label, result, log)
    log.clear()


AG = type(counter("x"))
print("__del__" in dir(AG), AG.__del__.__text_signature__, type(AG.__del__).__name__)
print(AG.__del__.__qualname__, AG.__del__.__objclass__)
for t in (type((lambda: (yield))()), ):
    print(t.__name__, "__del__" in dir(t))
print(sys.get_asyncgen_hooks())

sys.set_asyncgen_hooks(firstiter, finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter)

# never iterated: no hooks taken; __del__ closes it
a = counter("a")
show("a del", a.__del__())
show("a after", step(a.__anext__()))

# started and suspended: the finalizer gets it, it stays suspended
b = counter("b")
show("b first", step(b.__anext__()))
show("b del", b.__del__())
show("b next", step(b.__anext__()))
show("b del again", b.__del__())
show("b rest", step(b.__anext__()))
show("b del finished", b.__del__())

# __anext__() called but not awaited: the hooks are taken
c = counter("c")
pending = c.__anext__()
show("c anext")
show("c del", c.__del__())

# aclose() began: no finalizer
d = counter("d")
step(d.__anext__())
show("d aclose", step(d.aclose()))
show("d del", d.__del__())

# asend and athrow take the hooks too
e = counter("e")
show("e asend", step(e.asend(None)))
f = counter("f")
try:
    step(f.athrow(ValueError("boom")))
except ValueError as ex:
    print("f athrow", type(ex).__name__, ex)
show("f")
show("f del", f.__del__())

# hooks set after the first iteration do not count
sys.set_asyncgen_hooks(None, None)
g = counter("g")
step(g.__anext__())
sys.set_asyncgen_hooks(firstiter, finalizer)
show("g del", g.__del__())
step(g.__anext__())
show("g next")

# a failing firstiter propagates, and the hooks are not looked at again
def bad_first(agen):
    raise RuntimeError("firstiter failed")

sys.set_asyncgen_hooks(bad_first, finalizer)
h = counter("h")
try:
    h.__anext__()
except RuntimeError as ex:
    print("h", type(ex).__name__, ex)
show("h second", step(h.__anext__()))
show("h del", h.__del__())

# a failing finalizer hook is reported, not raised
def bad_final(agen):
    raise KeyError("finalizer failed")

sys.set_asyncgen_hooks(None, bad_final)
i = counter("i")
step(i.__anext__())
sys.unraisablehook = lambda u: print("unraisable", type(u.exc_value).__name__, u.exc_value,
                                     u.object.__name__)
show("i del", i.__del__())
sys.unraisablehook = sys.__unraisablehook__
sys.set_asyncgen_hooks(None, None)
show("i aclose", step(i.aclose()))

# no hooks: __del__ closes a suspended async generator
sys.set_asyncgen_hooks(None, None)
j = counter("j")
step(j.__anext__())
show("j del", j.__del__())
show("j next", step(j.__anext__()))

try:
    j.__del__(1)
except TypeError as ex:
    print(type(ex).__name__, ex)

# generators and coroutines
def gen():
    try:
        yield 1
    finally:
        print("gen finally")

x = gen()
next(x)
print(x.__del__(), x.gi_frame)
print(x.__del__())


def bad_gen():
    try:
        yield 1
    finally:
        raise ValueError("in finally")

sys.unraisablehook = lambda u: print("unraisable", type(u.exc_value).__name__, u.exc_value)
y = bad_gen()
next(y)
print(y.__del__())
sys.unraisablehook = sys.__unraisablehook__


async def coro():
    return 1

co = coro()
co.close()
print(co.__del__(), type(co).__del__.__text_signature__)
print(sys.get_asyncgen_hooks())
