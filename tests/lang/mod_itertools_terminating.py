# itertools' iterators that end with their input: accumulate, chain, compress,
# dropwhile, takewhile, filterfalse, starmap, islice, zip_longest, pairwise.
import itertools
from itertools import (accumulate, chain, compress, dropwhile, takewhile, filterfalse,
                       starmap, islice, zip_longest, pairwise, count)
import operator

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def failing(n, exc=ValueError):
    yield from range(n)
    raise exc('source failed')

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([])), list(accumulate('abc')))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=7)))
print(list(accumulate([1, 2], None)), list(accumulate([1, 2], func=None, initial=None)))
print(list(accumulate(iterable=[5, 5], func=operator.sub)))
print(list(accumulate([[1], [2], [3]])))
a = accumulate(failing(2))
print(next(a), next(a))
show(lambda: next(a))
show(lambda: list(accumulate([1, 'a'])))
show(lambda: list(accumulate([1, 2], 5)))
show(lambda: accumulate())
show(lambda: accumulate(1))
show(lambda: accumulate([1], None, 3))
show(lambda: accumulate([1], x=1))
class MyAcc(accumulate):
    pass
print(list(MyAcc([1, 1, 1])))

# chain
print(list(chain()), list(chain('ab', [1, 2], (), range(2))), list(chain([[1]], [[2]])))
print(list(chain.from_iterable(['ab', 'cd'])), list(chain.from_iterable([])))
print(list(chain.from_iterable(([i] * i for i in range(4)))))
c = chain([1], 5, [2])
print(next(c))
show(lambda: next(c))
show(lambda: next(c))
c = chain(failing(1), [9])
print(next(c))
show(lambda: next(c))
print(list(c))
show(lambda: chain(x=1))
show(lambda: chain.from_iterable())
show(lambda: chain.from_iterable(1))
show(lambda: list(chain.from_iterable([1])))
print(chain[int], chain.from_iterable.__name__)
class MyChain(chain):
    pass
mc = MyChain.from_iterable(['xy', 'z'])
print(type(mc).__name__, list(mc), list(MyChain([1], [2])))
def lazy():
    print('lazy start')
    yield [1]
    print('lazy more')
    yield [2]
c = chain.from_iterable(lazy())
print('made')
print(list(c))

# compress
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 3)))
print(list(compress('abc', [True])), list(compress('a', [1, 1, 1])), list(compress([], [])))
print(list(compress(data=range(3), selectors=[1, 1, 0])))
print(list(compress(count(), [0, 0, 1, 1])))
class BadBool:
    def __bool__(self):
        raise RuntimeError('no truth')
show(lambda: list(compress('ab', [1, BadBool()])))
show(lambda: compress())
show(lambda: compress([1]))
show(lambda: compress(1, [1]))
show(lambda: compress([1], 1))
show(lambda: compress([1], [1], [1]))

# dropwhile / takewhile / filterfalse
lt5 = lambda x: x < 5
print(list(dropwhile(lt5, [1, 4, 6, 4, 1])), list(takewhile(lt5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lt5, [])), list(takewhile(lt5, [])), list(dropwhile(lt5, [9])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', [], [0]])))
t = takewhile(lt5, iter([1, 7, 2]))
print(list(t), list(t))
it = iter([1, 2, 8, 3])
print(list(takewhile(lt5, it)), list(it))
show(lambda: list(dropwhile(lambda x: 1 / x, [1, 0, 2])))
show(lambda: list(takewhile(lambda x: BadBool(), [1])))
show(lambda: list(filterfalse(len, [[], 1])))
for name in ['dropwhile', 'takewhile', 'filterfalse']:
    f = getattr(itertools, name)
    show(lambda: f())
    show(lambda: f(len))
    show(lambda: f(len, 1))
    show(lambda: f(len, [], x=1))
    show(lambda: f(len, [], []))
class MyDrop(dropwhile):
    pass
print(list(MyDrop(lt5, [3, 6, 1])))

# starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, ['ab', [3, 1]])))
print(list(starmap(lambda *a: a, [(), (1,), [2, 3]])))
show(lambda: list(starmap(len, [1])))
show(lambda: list(starmap(pow, [(1, 2, 3, 4)])))
show(lambda: starmap())
show(lambda: starmap(len, 1))
show(lambda: starmap(f=len, iterable=[]))

# islice
s = 'ABCDEFG'
for args in [(2,), (2, 4), (2, None), (None,), (0, None, 2), (1, 6, 2), (None, None, 3), (10,),
             (3, 3), (5, 2), (0,), (None, 3, None), (True,), (1, 2**40)]:
    print(args, list(islice(s, *args)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 2)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 1, 6, 3)), next(it))
print(list(islice(count(), 5, 20, 5)))
class Idx:
    def __index__(self):
        return 2
print(list(islice('abcdef', Idx(), None, Idx())))
i = islice(failing(3), 5)
print(next(i), next(i), next(i))
show(lambda: next(i))
show(lambda: next(i))
show(lambda: islice())
show(lambda: islice([1]))
for bad in ['a', -1, -2, 1.5, 2**70, -2**70]:
    show(lambda: islice([1], bad))
    show(lambda: islice([1], bad, None))
    show(lambda: islice([1], None, bad))
    show(lambda: islice([1], None, None, bad))
show(lambda: islice([1], 1, 2, 0))
show(lambda: islice([1], 1, 2, 3, 4))
show(lambda: islice(1, 2))
show(lambda: islice([1], stop=1))
class MyIslice(islice):
    pass
print(list(MyIslice('abcd', 1, 3)))

# zip_longest
print(list(zip_longest('ABCD', 'xy')), list(zip_longest('AB', 'xyz', fillvalue='-')))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([1, 2])), list(zip_longest([], [], fillvalue=0)))
print(list(zip_longest(range(3), 'a', [None, None], fillvalue=[])))
z = zip_longest([1, 2, 3], failing(1))
print(next(z))
show(lambda: next(z))
show(lambda: next(z))
show(lambda: zip_longest(1))
show(lambda: zip_longest([], x=1))
show(lambda: zip_longest([], fillvalue=1, x=2))
class MyZL(zip_longest):
    pass
print(list(MyZL('ab', 'c', fillvalue=0)))

# pairwise
print(list(pairwise('ABCDE')), list(pairwise([])), list(pairwise([1])), list(pairwise(range(3))))
p = pairwise(failing(3))
print(next(p), next(p))
show(lambda: next(p))
show(lambda: next(p))
show(lambda: pairwise())
show(lambda: pairwise(1))
show(lambda: pairwise([], []))
show(lambda: pairwise(iterable=[]))
class MyPW(pairwise):
    pass
print(list(MyPW('abc')))
