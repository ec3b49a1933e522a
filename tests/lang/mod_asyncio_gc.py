# What _asyncio's Future and Task report when they are collected: an
# exception nobody retrieved, a task destroyed while pending (each through
# loop.call_exception_handler), and nothing otherwise. Every report is
# made by `del x; gc.collect()`, so the timing is deterministic.
import gc
from _asyncio import Future, Task


class Loop:
    def __init__(self):
        self.reports = []
        self.debug = False

    def get_debug(self):
        return self.debug

    def call_soon(self, cb, *args, context=None):
        pass  # nothing ever runs: tasks stay pending

    def call_exception_handler(self, context):
        summary = {}
        for k, v in context.items():
            if k == "source_traceback":
                v = type(v).__name__
            elif k in ("future", "task"):
                v = type(v).__name__ + ":" + v._state
            elif k == "exception":
                v = repr(v)
            summary[k] = v
        self.reports.append(summary)


loop = Loop()


def collect(label):
    gc.collect()
    print(label, loop.reports)
    loop.reports.clear()


f = Future(loop=loop)
f.set_exception(ValueError("lost"))
del f
collect("unretrieved:")

f = Future(loop=loop)
f.set_exception(ValueError("seen"))
f.exception()
del f
collect("retrieved by exception():")

f = Future(loop=loop)
f.set_exception(ValueError("seen"))
try:
    f.result()
except ValueError:
    pass
del f
collect("retrieved by result():")

f = Future(loop=loop)
f.set_exception(ValueError("cleared"))
f._log_traceback = False
del f
collect("flag cleared:")

f = Future(loop=loop)
f.set_result(1)
g = Future(loop=loop)
g.cancel()
del f, g
collect("result and cancel:")


class MyFuture(Future):
    pass


class WithDel(Future):
    def __del__(self):
        print("WithDel.__del__ runs, then the base's")
        super().__del__()


m = MyFuture(loop=loop)
m.set_exception(KeyError("sub"))
w = WithDel(loop=loop)
w.set_exception(OSError("w"))
del m
collect("subclass:")
del w
collect("subclass with __del__:")

def debug_future():
    loop.debug = True
    f = Future(loop=loop)
    f.set_exception(IndexError("debug"))
    loop.debug = False


debug_future()
collect("debug:")


async def never_finishes():
    pass


coros = []


def pending_task(**kw):
    c = never_finishes()
    coros.append(c)
    return Task(c, loop=loop, **kw)


t = pending_task()
del t
# (a call whose result takes the place of the Task() call's in the
# interpreter's C locals: the conservative stack scan would otherwise find
# the task there under some builds, ASan's among them)
str(0)
collect("pending task:")

t = pending_task()
t._log_destroy_pending = False
del t
collect("pending task, not logged:")

t = pending_task()
t.cancel()
del t
collect("cancel requested, still pending:")


class BrokenHandlerLoop(Loop):
    def call_exception_handler(self, context):
        raise RuntimeError("handler failed")


import sys
hooked = []
sys.unraisablehook = lambda u: hooked.append((type(u.exc_value).__name__, str(u.exc_value)))
f = Future(loop=BrokenHandlerLoop())
f.set_exception(ValueError("x"))
del f
gc.collect()
print("broken handler:", hooked)
sys.unraisablehook = sys.__unraisablehook__

try:
    Task(5, loop=loop)
except TypeError as e:
    print(e)
collect("bad coroutine:")

for c in coros:
    c.close()
