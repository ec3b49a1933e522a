# Assigning frame.f_lineno from a trace function: the jumps CPython refuses
# and its ValueErrors (into a for body, an except block, a with block, the
# middle of an expression; before or after the code; from the 'call',
# 'return' and 'exception' events; a bad value; outside a trace function),
# and that the program goes on as if no jump had been asked.
import sys


class Ctx:
    def __init__(self, out, v):
        self.out, self.v = out, v

    def __enter__(self):
        self.out.append(("enter", self.v))
        return self

    def __exit__(self, *exc):
        self.out.append(("exit", self.v))


def jump(func, frm, to, event="line", times=1):
    """Run func(out), jumping from its relative line frm to to at the first
    `times` matching events; print the output and what the jumps did."""
    first = func.__code__.co_firstlineno
    log = []
    left = [times]

    def trace(frame, ev, arg):
        if frame.f_code is not func.__code__:
            return None
        if ev == event and frame.f_lineno == first + frm and left[0] > 0:
            left[0] -= 1
            try:
                frame.f_lineno = first + to
                log.append(("jumped", frame.f_lineno - first))
            except Exception as e:
                log.append((type(e).__name__, str(e).replace(str(first + to), "N")))
        return trace

    out = []
    sys.settrace(trace)
    try:
        func(out)
    except Exception as e:
        out.append((type(e).__name__, str(e)))
    finally:
        sys.settrace(None)
    print(func.__name__, frm, "->", to, out, log)



def into_for(out):
    out.append(1)
    for i in 1, 2:
        out.append(3)
    out.append(4)


def back_into_for(out):
    for i in 1, 2:
        out.append(2)
    out.append(3)


def into_except(out):
    out.append(1)
    try:
        out.append(3)
    except:
        out.append(5)


def into_qualified_except(out):
    out.append(1)
    try:
        out.append(3)
    except ValueError:
        out.append(5)
    out.append(6)


def from_try_into_except(out):
    try:
        out.append(2)
        out.append(3)
    except ZeroDivisionError:
        out.append(5)
        out.append(6)
        raise
    out.append(8)


def into_with(out):
    out.append(1)
    with Ctx(out, 2):
        out.append(3)
    out.append(4)


def back_into_with(out):
    with Ctx(out, 1):
        out.append(2)
    out.append(3)


def into_expression(out):
    out.append(1)
    out.append(2)
    print(
        out.append(4)
    )
    out.append(6)


def plain(out):
    out.append(1)
    out.append(2)
    return 3


def raising(out):
    out.append(1)
    1 / 0


def jump_value(func, frm, value):
    first = func.__code__.co_firstlineno
    log = []

    def trace(frame, ev, arg):
        if frame.f_code is not func.__code__:
            return None
        if ev == "line" and frame.f_lineno == first + frm:
            try:
                frame.f_lineno = value
            except Exception as e:
                log.append((type(e).__name__, str(e).replace(str(first), "F")))
            try:
                del frame.f_lineno
            except Exception as e:
                log.append((type(e).__name__, str(e)))
        return trace

    out = []
    sys.settrace(trace)
    try:
        func(out)
    finally:
        sys.settrace(None)
    print(func.__name__, repr(value), out, log)


jump(into_for, 1, 3)
jump(back_into_for, 3, 2)
jump(into_except, 1, 5)
jump(into_qualified_except, 1, 5)
jump(from_try_into_except, 3, 6)
jump(into_with, 1, 3)
jump(back_into_with, 3, 2)
jump(into_expression, 1, 4)
jump(plain, 1, -5)
jump(plain, 1, 100)
jump(plain, 0, 2, event="call")
jump(plain, 3, 1, event="return")
jump(raising, 2, 1, event="exception")
jump_value(plain, 1, "2")
jump_value(plain, 1, 2.0)
jump_value(plain, 1, True)
jump_value(plain, 1, 2 ** 70)
jump_value(plain, 1, -(2 ** 70))


def outside():
    frame = sys._getframe()
    try:
        frame.f_lineno = frame.f_lineno + 1
    except Exception as e:
        print(type(e).__name__, e)


outside()
print(sys._getframe().f_lineno)
