# Frame objects of finished frames, reached through tracebacks and
# sys._getframe: f_locals (parameters, locals, unbound names, cells and free
# variables, read after the frame returned, read twice), f_lineno and
# tb_lineno (computed from the last instruction), in functions, generators
# and methods.
import sys


def shows(frame):
    return sorted((k, v) for k, v in frame.f_locals.items() if not callable(v))


def fails(a, b=2, *args, **kw):
    x = a + b
    y = [x, args, kw]
    del a
    if x:
        raise ValueError(x)
    unbound = 1


try:
    fails(1, 5, 7, k=3)
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next.tb_lineno)
    fr = tb.tb_next.tb_frame
    print(fr.f_code.co_name, fr.f_lineno, shows(fr))
    print(fr.f_locals is fr.f_locals)


def outer():
    counter = 10
    def inner(step):
        nonlocal counter
        counter += step
        raise KeyError(counter)
    try:
        inner(5)
    except KeyError as e:
        t = e.__traceback__.tb_next
        counter = 100   # the cell is shared: inner's frame sees it
        return t.tb_frame


fr = outer()
print(fr.f_code.co_name, fr.f_lineno, shows(fr))


def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total
    raise IndexError(total)


g = gen(3)
try:
    for v in g:
        pass
except IndexError as e:
    t = e.__traceback__
    while t.tb_next:
        t = t.tb_next
    print(t.tb_frame.f_code.co_name, t.tb_lineno, shows(t.tb_frame))


def keep_frame():
    here = 'alive'
    return sys._getframe()


f = keep_frame()
print(f.f_lineno, shows(f), f.f_back is None)


def live_then_dead():
    v = 1
    f = sys._getframe()
    d = f.f_locals       # the dict is made while the frame runs
    v = 2
    return f, d


f, d = live_then_dead()
print(d is f.f_locals, sorted(k for k in d), d['v'])


class C:
    def method(self, arg):
        local = arg * 2
        raise RuntimeError(local)


try:
    C().method(21)
except RuntimeError as e:
    fr = e.__traceback__.tb_next.tb_frame
    print(fr.f_code.co_name, sorted(k for k in fr.f_locals), fr.f_locals['local'])

# many exceptions in a loop: every traceback keeps its own frame
frames = []
for i in range(5):
    try:
        fails(i, 1)
    except ValueError as e:
        frames.append(e.__traceback__.tb_next.tb_frame)
print([fr.f_locals['x'] for fr in frames], [fr.f_lineno for fr in frames])
