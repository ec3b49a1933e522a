# A frame's f_lineno after an exception left it through a handler: a
# cleanup handler's re-raise restores the line that raised into it (an
# except body, a with body), an unmatched except clause is the clause's
# line, a finally re-raise its body's last line (CPython's PEP 626 rules).
def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append(None if frame.f_lineno is None else frame.f_lineno - frame.f_code.co_firstlineno)
        t = t.tb_next
    print(f.__name__, tuple(lines))
def simple():
    1/0
    pass
def in_except():
    try:
        1/0
    except:
        1/0
        pass
def other_except():
    try:
        1/0
    except TypeError as ex:
        pass
def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass
def in_try():
    try:
        1/0
    finally:
        pass
def in_finally_except():
    try:
        1/0
    except:
        1/0
    finally:
        pass
def after_with():
    class Noop:
        def __enter__(self): return self
        def __exit__(self, *args): pass
    with Noop():
        1/0
def after_with2():
    class Noop:
        def __enter__(self): return self
        def __exit__(self, *args): pass
    with Noop():
        1/0
    pass
def callee():
    raise KeyError('k')
def from_callee():
    try:
        callee()
    except KeyError:
        callee()
def nested():
    try:
        1/0
    except ZeroDivisionError:
        try:
            [][1]
        except KeyError:
            pass
def finally_multi():
    try:
        {}['x']
    finally:
        a = 1
        b = 2
def with_in_except():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): return False
    try:
        1/0
    except ZeroDivisionError:
        with CM():
            int('x')
def reraise_bare():
    try:
        1/0
    except ZeroDivisionError:
        raise
for f in (simple, in_except, other_except, in_named_except, in_try, in_finally_except, after_with,
          after_with2, from_callee, nested, finally_multi, with_in_except, reraise_bare):
    lineno_after_raise(f)
