# Per-thread interpreter state: sys._current_frames and
# sys._current_exceptions see every thread; sys.exc_info, sys._getframe,
# the recursion depth and contextvars are each thread's own.
import contextvars
import sys
import threading

ev = threading.Event()
done = threading.Event()
inner = {}


def in_thread():
    try:
        raise KeyError("thread's")
    except KeyError:
        inner["exc_info"] = sys.exc_info()[0].__name__
        inner["frame"] = sys._getframe().f_code.co_name
        ev.set()
        done.wait(10)


t = threading.Thread(target=in_thread)
try:
    raise ValueError("main's")
except ValueError:
    t.start()
    ev.wait(10)
    frames = sys._current_frames()
    excs = sys._current_exceptions()
    print(len(frames), frames[t.ident].f_code.co_name, frames[threading.get_ident()].f_code.co_name)
    print(excs[t.ident][0].__name__, excs[threading.get_ident()][0].__name__, sys.exc_info()[0].__name__)
done.set()
t.join()
print(inner, sys.exc_info())

# deep recursion in a thread: RecursionError there, the main thread unaffected
out = []


def deep(n):
    return deep(n + 1)


def recurse():
    try:
        deep(0)
    except RecursionError as e:
        out.append(type(e).__name__)


t = threading.Thread(target=recurse)
t.start()
t.join()
print(out)

# contextvars: a new thread starts with an empty context
var = contextvars.ContextVar("var", default="default")
var.set("main")
seen = []


def ctx():
    seen.append(var.get())
    var.set("thread")
    seen.append(var.get())


t = threading.Thread(target=ctx)
t.start()
t.join()
print(seen, var.get())
