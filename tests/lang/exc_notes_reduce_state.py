e = ValueError("a", 2)
print(sorted(k for k in dir(BaseException) if k not in dir(object)))
print('__notes__' in dir(e), e.__dict__)
e.add_note("n1"); e.add_note("n2")
print(e.__notes__, e.__dict__, '__notes__' in dir(e))
print(e.__reduce__())
e.x = 5
r = e.__reduce__(); print(r[0].__name__, r[1], r[2])
f = r[0](*r[1]); f.__setstate__(r[2]); print(f.x, f.__notes__, f.args)
for bad in [None, {}, [], 5]:
    try: print(ValueError().__setstate__(bad))
    except Exception as ex: print(type(ex).__name__, ex)
g = KeyError("k"); g.__notes__ = "str"
try: g.add_note("x")
except TypeError as ex: print(ex)
del g.__notes__
g.add_note("y"); print(g.__notes__)
try: del g.__notes__; del g.__notes__
except AttributeError as ex: print(type(ex).__name__, ex)
class E(Exception):
    pass
x = E(1); x.add_note("hi"); print(vars(x), x.__reduce__())
try:
    raise ValueError("boom")
except ValueError as ex:
    ex.add_note("note one")
    import sys
    print(ex.__notes__)
