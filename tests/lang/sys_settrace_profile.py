# sys.settrace and sys.setprofile: the events (call, line, return,
# exception; c_call, c_return, c_exception), their lines and arguments, the
# local trace function a 'call' returns, f_trace_lines, generators (a call
# per resume, a return per yield), hooks that raise (removed, the error
# propagates), gettrace/getprofile, and pdb-style f_trace set on a running
# frame.
import sys


def show(ev):
    for e in ev:
        print("  ", e)


def fmt(arg):
    if isinstance(arg, tuple) and len(arg) == 3 and isinstance(arg[0], type):
        return arg[0].__name__
    if callable(arg):
        return getattr(arg, "__name__", "?")
    return arg


def tracer(ev, local=True):
    def tr(frame, event, arg):
        ev.append((event, frame.f_code.co_name, frame.f_lineno, fmt(arg)))
        return tr if local else None
    return tr


def simple(x):
    y = x
    for i in range(2):
        y += i
    if y > 100:
        y = 0
    return y


def gen(n):
    for i in range(n):
        yield i * 2
    return "done"


def raiser(k):
    if k:
        raise KeyError(k)
    return k


def catcher():
    try:
        raiser(1)
    except KeyError as e:
        return repr(e)


def run(label, fn, local=True):
    ev = []
    sys.settrace(tracer(ev, local))
    try:
        r = fn()
    except Exception as e:
        r = "raised %s" % type(e).__name__
    sys.settrace(None)
    print(label, r)
    show(ev)


run("simple", lambda: simple(3))
run("no local", lambda: simple(3), local=False)
run("generator", lambda: list(gen(2)))
run("catcher", catcher)
run("uncaught", lambda: raiser(2))
run("nested", lambda: [simple(i) for i in range(2)])

# f_trace_lines = False: calls and returns only
ev = []
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    ev.append((event, frame.f_code.co_name))
    return no_lines
sys.settrace(no_lines)
simple(1)
sys.settrace(None)
print("no lines", ev)

# gettrace / getprofile
t = tracer([])
sys.settrace(t)
print(sys.gettrace() is t, sys.getprofile())
sys.settrace(None)
print(sys.gettrace())

# profiling: C calls are reported around builtin functions and methods
pv = []
def prof(frame, event, arg):
    pv.append((event, frame.f_code.co_name, fmt(arg)))
sys.setprofile(prof)
simple(2)
xs = []
xs.append(len("abc"))
sorted([3, 1], key=abs)
try:
    divmod(1, 0)
except ZeroDivisionError:
    pass
list(gen(1))
int("5")
sys.setprofile(None)
print("profile")
show(pv)
print(sys.getprofile())

# a hook that raises is removed and its exception propagates
def bad(frame, event, arg):
    if event == "line":
        raise RuntimeError("from the tracer")
    return bad
sys.settrace(bad)
try:
    simple(1)
except RuntimeError as e:
    print("tracer raised:", e, sys.gettrace())
sys.settrace(None)

def bad_profile(frame, event, arg):
    raise ValueError("from the profiler")
sys.setprofile(bad_profile)
try:
    simple(1)
except ValueError as e:
    print("profiler raised:", e, sys.getprofile())
sys.setprofile(None)

# pdb-style: set f_trace on a running frame, then settrace
def stepper():
    ev = []
    frame = sys._getframe()
    frame.f_trace = tracer(ev)
    sys.settrace(tracer(ev))
    a = 1
    b = a + 1
    sys.settrace(None)
    return ev
show(stepper())

# frame attributes
f = sys._getframe()
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
try:
    f.f_trace_lines = 1
except TypeError as e:
    print("TypeError", e)

# f_lineno can be set only from a 'line' event (jumps themselves aside)
def jumper(frame, event, arg):
    if event != "line":
        try:
            frame.f_lineno = frame.f_lineno
        except ValueError as e:
            print(event, "ValueError", e)
        try:
            frame.f_lineno = "3"
        except ValueError as e:
            print(event, "ValueError", e)
    return jumper
sys.settrace(jumper)
catcher()
sys.settrace(None)
