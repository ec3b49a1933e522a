# Assigning frame.f_lineno: every (from, to) pair of lines of a function with
# nested for loops, try/except/else/finally, while and a comprehension; for
# each, whether the jump was allowed (or CPython's ValueError) and what the
# function then did. A step limit stops the jumps that loop forever.
import sys

SRC = '''
def target(out):
    a = 1
    for i in range(2):
        try:
            out.append(i)
            if i:
                raise ValueError(i)
        except ValueError as e:
            out.append(str(e))
        else:
            out.append('else')
        finally:
            out.append('f')
    b = [x * a for x in range(3)]
    while a < 3:
        a += 1
        out.append(a)
    for j in 'xy':
        for k in 'z':
            out.append(j + k)
    try:
        out.append(b)
    finally:
        out.append('end')
    return out
'''
ns = {}
exec(compile(SRC, "matrix", "exec"), ns)
func = ns["target"]
code = func.__code__
first = code.co_firstlineno


def attempt(frm, to):
    state = {"jumped": False, "steps": 0, "result": None}

    def trace(frame, ev, arg):
        if frame.f_code is not code:
            return None
        state["steps"] += 1
        if state["steps"] > 300:
            raise RuntimeError("too many steps")
        if ev == "line" and frame.f_lineno == first + frm and not state["jumped"]:
            state["jumped"] = True
            try:
                frame.f_lineno = first + to
                state["result"] = "ok"
            except ValueError as e:
                state["result"] = str(e)
        return trace

    out = []
    sys.settrace(trace)
    try:
        func(out)
        end = "done"
    except Exception as e:
        end = type(e).__name__
    finally:
        sys.settrace(None)
    return state["result"], end, out


last = SRC.count("\n") - 1
for frm in range(1, last):
    for to in range(0, last + 1):
        print(frm, to, *attempt(frm, to))
