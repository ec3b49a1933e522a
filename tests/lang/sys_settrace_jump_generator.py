# Assigning frame.f_lineno in generators, at 'line' events inside the
# generator's frame: forwards, backwards over a yield, out of a for loop and
# an except block, into a for body (refused); the UnboundLocalError of a
# local the jump skipped. (Jumps at a yield's 'return' event leave CPython
# 3.11's stack inconsistent when the generator resumes: not compared.)
import sys


def run(gen_func, frm, to, event="line", times=1, sends=6):
    code = gen_func.__code__
    first = code.co_firstlineno
    log = []
    left = [times]

    def trace(frame, ev, arg):
        if frame.f_code is not code:
            return None
        if ev == event and frame.f_lineno == first + frm and left[0] > 0:
            left[0] -= 1
            try:
                frame.f_lineno = first + to
                log.append(("jumped", ev, frame.f_lineno - first))
            except Exception as e:
                log.append((type(e).__name__, str(e)))
        return trace

    out = []
    g = gen_func(out)
    sys.settrace(trace)
    try:
        for _ in range(sends):
            out.append(("got", next(g)))
    except StopIteration:
        out.append("stop")
    except Exception as e:
        out.append((type(e).__name__, str(e)))
    finally:
        sys.settrace(None)
    print(gen_func.__name__, frm, "->", to, event, out, log)


def simple(out):
    out.append(1)
    yield 2
    out.append(3)
    yield 4
    out.append(5)
    yield 6


def looping(out):
    for i in range(3):
        out.append(i)
        yield i
    out.append(9)
    yield 10


def handler(out):
    try:
        raise KeyError("k")
    except KeyError:
        out.append(4)
        yield sys.exc_info()[0].__name__
        out.append(6)
    yield repr(sys.exc_info()[0])


def skipping(out):
    x = 1
    yield 2
    yield x


run(simple, 3, 5)
run(simple, 5, 1)
run(looping, 3, 1)
run(looping, 1, 2)
run(handler, 6, 7)
run(skipping, 1, 2)
