import types, traceback, sys
def f(a, b=2):
    x = a + b
    return x
c = f.__code__
c2 = c.replace(co_name="g", co_filename="zz.py", co_firstlineno=100)
print(c2.co_name, c2.co_filename, c2.co_firstlineno, c2.co_argcount, c2.co_varnames)
f.__code__ = c2
print(f(1))
for bad in [dict(co_name=1), dict(co_consts=[1]), dict(co_flags="x"), dict(co_varnames=(1, 2, 3)), dict(nope=1)]:
    try:
        c.replace(**bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    c.replace(1)
except Exception as e:
    print(type(e).__name__, e)
print(c.replace() is c, c.replace() == c)
@types.coroutine
def sl():
    yield 5
print(sl.__code__.co_flags & 0x100, list(sl()))
async def co():
    await sl()
    return 3
g = co()
try:
    print(g.send(None))
    g.send(None)
except StopIteration as e:
    print("stop", e.value)

def gen():
    x = 1
    yield x
    yield 2
g = gen()
next(g)
fr = g.gi_frame
print(sorted(fr.f_locals))
fr.clear()
print(g.gi_frame, list(g))
try:
    sys._getframe().clear()
except RuntimeError as e:
    print(type(e).__name__, e)
def h():
    try:
        1/0
    except ZeroDivisionError as e:
        return e
e = h()
traceback.clear_frames(e.__traceback__)
print(e.__traceback__.tb_frame.f_locals)
def g2():
    yield 1
gg = g2()
gg.gi_frame.clear()
print(list(gg))
