# marshal round-trips code objects (what the code cache on disk stores):
# the loaded code runs as the original, with its names, constants, line
# numbers, exception handling, closures, generators and classes.
import marshal

src = '''
import sys
BIG = 2 ** 100 + 7
CONSTS = (1.5, -0.0, 3j, b"by\\x00tes", "t\\u00e9xt", None, ..., (1, (2, "x")), frozenset({1, 2}))

def outer(a, b=2, *args, c, d=4, **kw):
    "doc of outer"
    total = a + b + c + d + sum(args) + len(kw)
    def inner(x):
        return x * total
    return inner

class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.name}:{self.sides}:{type(self).__qualname__}"

class Square(Shape):
    sides = 4

def gen(n):
    for i in range(n):
        if i % 2:
            yield i
    return

def handler(v):
    try:
        return 10 // v
    except ZeroDivisionError as e:
        return "zde:" + str(e)
    finally:
        pass

def slicer(s):
    return s[1:3], s[::2], s[:-1]

def fails():
    x = 1
    raise KeyError("from loaded code")

result = [outer(1, c=3)(2), outer(1, 2, 3, 4, c=5, d=6, e=7)(1), Square("sq").describe(),
          list(gen(7)), handler(0), handler(5), slicer("abcdef"), BIG % 1000, CONSTS,
          outer.__doc__, outer.__code__.co_varnames, outer.__code__.co_argcount,
          outer.__code__.co_kwonlyargcount, outer.__code__.co_name, Square.describe.__qualname__,
          sorted(outer.__code__.co_cellvars), gen.__code__.co_flags & 0x20 != 0]
'''
code = compile(src, 'loaded.py', 'exec')
data = marshal.dumps(code)
print(type(data).__name__, marshal.loads(data).co_filename, marshal.loads(data).co_name)
for c in (code, marshal.loads(data), marshal.loads(marshal.dumps(marshal.loads(data)))):
    ns = {'__name__': 'loaded'}
    exec(c, ns)
    print(ns['result'])
    try:
        ns['fails']()
    except KeyError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(type(e).__name__, e, tb.tb_frame.f_code.co_filename, tb.tb_lineno,
              tb.tb_frame.f_code.co_name)

# Code that has run (and been specialized by the interpreter) marshals the same.
def hot(n):
    t = 0
    for i in range(n):
        t += i
    return t

hot(5000)
again = marshal.loads(marshal.dumps(hot.__code__))
print(again.co_name, again.co_varnames, eval(again, {'n': 10}) if False else 'skip')
def hot2(n):
    return -1

hot2.__code__ = again
print(hot2(100), hot(100))
for bad in (b'c', b'c\x01\x00\x00\x00', marshal.dumps(code)[:40]):
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__)
