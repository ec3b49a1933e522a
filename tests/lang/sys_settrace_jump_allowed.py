# Assigning frame.f_lineno from a trace function: the jumps CPython allows
# (forwards, backwards, out of for loops, with blocks, except and finally
# blocks, to a line without code), what each program then prints, and the
# line the frame reports after the jump.
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


def forwards(out):
    out.append(1)
    out.append(2)
    out.append(3)


def backwards(out):
    out.append(1)
    out.append(2)
    out.append(3)


def codeless(out):
    out.append(1)
    # nothing here
    out.append(3)


def out_of_for(out):
    for i in 1, 2:
        out.append(2)
        for j in [3]:
            out.append(4)
    out.append(5)


def back_out_of_for(out):
    out.append(1)
    for i in [1]:
        out.append(3)
        for j in [2]:
            out.append(5)
        out.append(6)
    out.append(7)


def for_line_from_body(out):
    for i in range(3):
        out.append(i)
    out.append(9)


def within_for(out):
    for i in range(2):
        out.append(2)
        out.append(3)
        out.append(4)
    out.append(5)


def while_back(out):
    i = 1
    while i <= 2:
        out.append(3)
        i += 1
    out.append(5)


def out_of_with(out):
    with Ctx(out, 1):
        out.append(2)
    out.append(3)


def back_out_of_with(out):
    out.append(1)
    with Ctx(out, 2):
        out.append(3)
    out.append(4)


def out_of_except(out):
    try:
        1 / 0
    except ZeroDivisionError:
        out.append(4)
        out.append(sys.exc_info()[0].__name__)
    out.append(repr(sys.exc_info()))


def back_out_of_except(out):
    out.append(1)
    try:
        [][0]
    except IndexError:
        out.append(5)
        out.append(6)
    out.append(7)


def nested_except_out(out):
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise ValueError("b")
        except ValueError:
            out.append(type(sys.exc_info()[1]).__name__)
            out.append(8)
    out.append(repr(sys.exc_info()[1]))


def out_of_finally(out):
    try:
        out.append(2)
    finally:
        out.append(4)
        out.append(5)
    out.append(6)


def into_finally_normal(out):
    out.append(1)
    try:
        out.append(3)
    finally:
        out.append(5)
    out.append(6)


def over_try(out):
    out.append(1)
    try:
        out.append(3)
    except Exception:
        out.append(5)
    out.append(6)


def into_try(out):
    out.append(1)
    try:
        out.append(3)
        out.append(4)
    except Exception:
        out.append(6)
    out.append(7)


def skip_assignment(out):
    x = 1
    out.append(x)
    out.append(3)


def skip_assignment_checked(out):
    if out:
        y = 2
    out.append(y)


def expression_lines(out):
    out.append(1)
    out.append(
        2
    )
    out.append(5)


def in_generator(out):
    def gen():
        yield 1
        yield 2
        yield 3
    out.extend(gen())


def same_line(out):
    out.append(1)
    out.append(2)
    out.append(3)


jump(forwards, 1, 3)
jump(backwards, 3, 1)
jump(codeless, 1, 2)
jump(same_line, 2, 2)
jump(out_of_for, 3, 5)
jump(back_out_of_for, 6, 1)
jump(for_line_from_body, 2, 1, times=2)
jump(within_for, 4, 2)
jump(within_for, 2, 4, times=2)
jump(while_back, 5, 3)
jump(out_of_with, 2, 3)
jump(back_out_of_with, 3, 1)
jump(out_of_except, 4, 6)
jump(back_out_of_except, 5, 1)
jump(nested_except_out, 7, 9)
jump(out_of_finally, 4, 6)
jump(into_finally_normal, 1, 5)
jump(over_try, 1, 6)
jump(into_try, 1, 3)
jump(into_try, 1, 4)
jump(skip_assignment, 1, 2)
jump(skip_assignment, 1, 3)
jump(skip_assignment_checked, 1, 3)
jump(expression_lines, 1, 5)
jump(in_generator, 1, 1)
