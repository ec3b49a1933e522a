# gen.throw(exc): the thrown exception is chained (__context__) only with an
# exception the generator itself is handling, never with the caller's, so a
# context set before the throw survives (contextlib.ExitStack relies on it).
import sys

def chain(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__context__
    return out

def raiser(exc):
    try:
        yield
    finally:
        raise exc

exc1, exc2, exc3, exc4 = (Exception(i) for i in range(1, 5))
exc3.__context__ = exc2
g = raiser(exc4)
next(g)
try:
    raise exc1
except Exception:
    try:
        g.throw(exc3)
    except Exception as e:
        print('thrown in caller handler', chain(e))

# a generator handling its own exception chains the thrown one with it
def handling():
    try:
        raise KeyError('own')
    except KeyError:
        yield 1
        yield 2

h = handling()
next(h)
try:
    raise ValueError('caller')
except ValueError:
    try:
        h.throw(TypeError('thrown'))
    except TypeError as e:
        print('own handled', chain(e))

# sys.exc_info() inside a generator with nothing of its own is the caller's
def peek():
    yield sys.exc_info()[1]
    try:
        yield
    except RuntimeError as e:
        yield repr(e.__context__), repr(sys.exc_info()[1])

p = peek()
try:
    raise OSError('outer')
except OSError:
    print(repr(next(p)))
    next(p)
    print(p.throw(RuntimeError('in')))

# the context a thrown exception already has stays
pre = ValueError('pre')
t = TypeError('t')
t.__context__ = pre
def plain():
    yield
q = plain()
next(q)
try:
    raise IndexError('handled')
except IndexError:
    try:
        q.throw(t)
    except TypeError as e:
        print('kept', chain(e))
