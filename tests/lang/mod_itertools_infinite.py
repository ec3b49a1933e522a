# itertools.count, cycle, repeat: values, reprs, subclasses, length hints.
from itertools import count, cycle, repeat, islice
import operator

def take(n, it):
    return list(islice(it, n))

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# count
print(take(4, count()), take(3, count(10)), take(3, count(5, -2)), take(3, count(step=3)))
print(take(5, count(0.1, 0.1)))
print(take(3, count(1j, 1 + 1j)))
print(take(3, count(2**63 - 2)), take(3, count(-2**70, 2**69)))
print(take(3, count(True)), take(3, count(True, 2)), take(3, count(0, True)))
print(take(3, count(1, 0.5)), take(2, count(1.5)))
class F:
    def __init__(self, n): self.n = n
    def __float__(self): return float(self.n)
    def __add__(self, o): return F(self.n + (o.n if isinstance(o, F) else o))
    __radd__ = __add__
    def __repr__(self): return 'F(%r)' % self.n
print(take(3, count(F(1), F(2))), take(3, count(F(1))), take(2, count(0, F(3))))
for c in [count(), count(5), count(-3), count(1.0), count(2**70), count(0, 1.0), count(5, True),
          count(True), count(True, 2), count(1, 0), count(1, -1), count(1j), count(0.5, 2),
          count(F(1)), count(start=3, step=2), count(2**63)]:
    print(repr(c))
c = count(3)
next(c); next(c)
print(c, next(c), c)
c = count(2**63 - 2)
print(next(c), next(c), c, next(c), c)
c = count(0.5, 0.25)
next(c)
print(c)
class MyCount(count):
    pass
print(MyCount(7), MyCount(7, 3), take(2, MyCount(1)), type(MyCount()).__name__)
print(isinstance(count(), count), iter(c) is c)
show(lambda: count('a'))
show(lambda: count(1, 'a'))
show(lambda: count(1, 2, 3))
show(lambda: count(x=1))
show(lambda: count([]))
show(lambda: next(count(1, None)) if False else count(1, None))
big = count(2**62 - 1, 2**62)
print(take(3, big))

# cycle
print(take(7, cycle('abc')), take(3, cycle([1])), take(3, cycle([])), take(3, cycle(range(2))))
def gen():
    print('gen start')
    yield 1
    yield 2
    print('gen end')
c = cycle(gen())
print(take(5, c))
c = cycle(iter([1, 2]))
print(next(c), next(c), next(c))
class MyCycle(cycle):
    pass
print(take(3, MyCycle('xy')))
show(lambda: cycle())
show(lambda: cycle(1))
show(lambda: cycle([1], [2]))
show(lambda: cycle(x=1))
def bad():
    yield 1
    raise ValueError('boom')
c = cycle(bad())
print(next(c))
show(lambda: next(c))
show(lambda: next(c))

# repeat
print(list(repeat('a', 3)), list(repeat(None, 0)), list(repeat(1, -5)), take(3, repeat([])))
for r in [repeat(1), repeat('x', 3), repeat(1, -3), repeat(object=2, times=2), repeat([1, 2], 0),
          repeat(None, times=5)]:
    print(repr(r))
r = repeat('z', 3)
next(r)
print(r, operator.length_hint(r), r.__length_hint__())
show(lambda: repeat(1).__length_hint__())
print(operator.length_hint(repeat(1), 99) if False else 'skip')
show(lambda: operator.length_hint(repeat(1)))
print(list(map(pow, range(5), repeat(2))))
print(list(zip(range(3), repeat('k'))))
class MyRepeat(repeat):
    pass
print(MyRepeat(1), MyRepeat('a', 2), list(MyRepeat('q', 2)))
show(lambda: repeat())
show(lambda: repeat(1, 2, 3))
show(lambda: repeat(1, 'a'))
show(lambda: repeat(1, 2.0))
show(lambda: repeat(1, x=2))
show(lambda: repeat(1, 2**70))
show(lambda: repeat(1, times=None))
r = repeat(1, 2)
print(list(r), list(r), next(r, 'done'))
