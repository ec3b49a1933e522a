# frame.clear() of a suspended generator's or coroutine's frame: CPython's
# finalization (an unstarted coroutine warns 'never awaited' and stays,
# others are closed; a refusal to close is unraisable); an unstarted
# generator frame's f_lineno is its def line.
import sys, warnings
sys.unraisablehook = lambda u: print('unraisable', u.exc_type.__name__, u.exc_value)
async def f():
    pass
gen = f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    gen.cr_frame.clear()
    print([str(x.message) for x in w])
print(gen.cr_frame.f_lineno, gen.cr_frame.f_code.co_name, gen.close())
def g():
    try:
        yield 1
    finally:
        yield 2
x = g(); next(x)
fr = x.gi_frame
print(fr.clear(), x.gi_frame.f_lineno)
def h():
    try:
        yield 1
    finally:
        print('h finally')
y = h(); next(y)
print(y.gi_frame.clear(), y.gi_frame, list(y))
z = h()
print(z.gi_frame.clear(), z.gi_frame, list(z))
def g2():
    yield 1
q = g2()
print(q.gi_frame.f_lineno, q.gi_frame.f_lasti, q.gi_frame.f_code.co_firstlineno)
