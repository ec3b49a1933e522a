import sys
from contextlib import ExitStack
exc1, exc2, exc3, exc4, exc5 = (Exception(i) for i in range(1, 6))
def raise_nested(inner_exc, outer_exc):
    print("cb entry exc_info:", sys.exc_info()[1])
    try:
        raise inner_exc
    finally:
        print("  in finally ctx of inner:", repr(inner_exc.__context__))
        raise outer_exc
try:
    with ExitStack() as stack:
        stack.callback(raise_nested, exc4, exc5)
        stack.callback(raise_nested, exc2, exc3)
        raise exc1
except Exception as exc:
    print("final", [repr(e.__context__) for e in (exc1, exc2, exc3, exc4, exc5)])
e1, e4, e5 = Exception(1), Exception(4), Exception(5)
def inner():
    try:
        fixed = e5.__context__
        raise e5
    except BaseException:
        e5.__context__ = fixed
        raise
try:
    try:
        raise e1
    except Exception:
        e5.__context__ = e4
        inner()
except Exception as e:
    print(repr(e), repr(e.__context__))

class CM:
    def __enter__(self): return self
    def __exit__(self, *d):
        e5.__context__ = e4
        inner()
try:
    with CM():
        raise e1
except Exception as e:
    print(repr(e), repr(e.__context__))
