# One arithmetic site (one instruction) fed operands that change type after
# it has run many times with one kind: small ints, then big ints (overflow),
# floats, mixes, bools, subclasses, lists and strings; division by zero and
# results that do not fit. The interpreter specializes such sites by the
# operands it saw first; the answers must not depend on that.
import math


class MyFloat(float):
    def __add__(self, other):
        return 'MyFloat.__add__'

    def __rsub__(self, other):
        return 'MyFloat.__rsub__'


class MyInt(int):
    def __sub__(self, other):
        return 'MyInt.__sub__'


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


def iadd(a, b):
    a += b
    return a


def isub(a, b):
    a -= b
    return a


def imul(a, b):
    a *= b
    return a


def show(f, a, b):
    try:
        r = f(a, b)
        print(f.__name__, repr(a)[:30], repr(b)[:30], '->', type(r).__name__, repr(r)[:60])
    except Exception as e:
        print(f.__name__, repr(a)[:30], repr(b)[:30], '->', type(e).__name__, e)


big = 2**62
operands = [(1, 2), (-5, 3), (big, big), (2**61, 2**61), (-(2**62), -(2**62)), (2**100, 1),
            (1.5, 2.25), (1, 0.5), (0.5, 1), (2**70, 1.0), (1.0, 2**70), (-0.0, 0.0), (0.0, -0.0),
            (math.inf, -math.inf), (math.nan, 1.0), (1e308, 1e308), (True, 1), (1, True),
            (True, 2.5), (MyFloat(1.5), 2.0), (2.0, MyFloat(1.5)), (MyInt(7), 2), (7, MyInt(2)),
            ([1], [2]), ('a', 'b'), ('ab', 3), (3, 'ab'), (1.0, 0), (1, 0.0), (0.0, 0.0), (5, 0),
            (1.5, None), (None, 1.5), (10**20, 3)]

for f in (add, sub, mul, div, iadd, isub, imul):
    # warm the sites up with one kind of operand, then feed them everything
    for warm in ((3, 4), (3.5, 4.25), (3, 4.5)):
        for _ in range(200):
            f(*warm)
        for a, b in operands:
            show(f, a, b)

# a loop whose accumulator overflows the small-int range, then becomes a float
acc = 0
for i in range(100):
    acc += 2**57
print(acc)
acc = 1
for i in range(70):
    acc *= 3
    acc -= 1
print(acc)
x = 0
for i in range(300):
    x += 0.1 if i % 2 else 1
print(repr(x))
# the in-place site of a list and of a float in one loop
items = [[1], 1.5, 2, [3], 'x'] * 3
for v in items:
    w = v
    try:
        w += v
    except TypeError as e:
        w = type(e).__name__
    print(repr(w))
