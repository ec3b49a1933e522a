# itertools.groupby (groups share the source: advancing the groupby abandons
# the current group) and tee (independent iterators over one buffer).
from itertools import groupby, tee, islice, count
import itertools
import operator

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2, 2], key=None)])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
print([(k, list(g)) for k, g in groupby(words, key=operator.itemgetter(0))])
print([(k, len(list(g))) for k, g in groupby(sorted(words, key=len), len)])
print(list(groupby([])))

# a group stops yielding once the groupby moves on
gb = groupby('aaabbbcc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2))
k3, g3 = next(gb)
print(k3, list(g2), list(g3))
print(next(gb, 'done'))

# partially consumed group: the rest is skipped
gb = groupby([1, 1, 1, 2, 2, 3])
k, g = next(gb)
print(k, next(g))
print([(k, list(g)) for k, g in gb])

# groups kept for later are empty
groups = [g for k, g in groupby('xxyyz')]
print([list(g) for g in groups])

# the key function is called once per item
calls = []
def key(x):
    calls.append(x)
    return x // 10
print([(k, list(g)) for k, g in groupby([1, 5, 12, 18, 25], key)], calls)

# errors from the key, the comparison and the source
def failing(n):
    yield from range(n)
    raise ValueError('source failed')
show(lambda: [(k, list(g)) for k, g in groupby(failing(3))])
show(lambda: list(groupby([1, 2], key=lambda x: 1 / (x - 2))))
class NoEq:
    def __eq__(self, other):
        raise TypeError('no eq')
show(lambda: [(k, list(g)) for k, g in groupby([NoEq(), NoEq()])])
gb = groupby([1, 2], key=lambda x: x)
print(type(next(gb)[1]).__name__)
show(lambda: groupby())
show(lambda: groupby(1))
show(lambda: groupby([], 1, 2))
show(lambda: groupby([1], x=2))
print([(k, list(g)) for k, g in groupby(iterable=[3, 3, 4], key=lambda v: v % 2)])
class MyGroupby(groupby):
    pass
print([(k, list(g)) for k, g in MyGroupby('aab')])

# groupby over an unbounded source
gb = groupby(count(), lambda n: n // 3)
print([(k, list(g)) for k, g in islice(gb, 3)])

# tee
a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b, c = tee(iter('abcd'), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([], 0), len(tee('x', 5)))
a, b = tee(range(200))
print(sum(a), list(islice(b, 55, 60)), sum(b))
a, b = tee(count())
print(list(islice(a, 3)), list(islice(b, 5)), next(a))
t = tee('ab')[0]
print(type(t).__name__, type(t).__module__, iter(t) is t)
c = t.__copy__()
print(list(t), list(c))
a, b = tee('xyz')
next(a)
x, y = tee(a)
print(list(x), list(y), list(b))
print(x.__copy__ is not None, type(x) is type(b))

# a source error reaches every tee on its way
a, b = tee(failing(2))
print(next(a), next(a))
show(lambda: next(a))
print(next(b), next(b))
show(lambda: next(b))

# an iterator with its own __copy__ is copied with it
class Copyable:
    def __init__(self, i=0):
        self.i = i
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
    def __copy__(self):
        print('copy called')
        return Copyable(self.i)
src = Copyable()
a, b = tee(src)
print(a is src, type(b).__name__, list(a), list(b))

# the tee's class makes new tees too
T = type(tee([])[0])
t1 = T([1, 2])
print(list(t1))
show(lambda: T())
show(lambda: tee())
show(lambda: tee(1))
show(lambda: tee([], -1))
show(lambda: tee([], 'a'))
show(lambda: tee([], n=2))
show(lambda: tee([], 2, 3))

# re-entering the tee from its own source
def reenter():
    yield 1
    yield next(t2[0])
t2 = tee(reenter())
print(next(t2[0]))
show(lambda: next(t2[0]))
