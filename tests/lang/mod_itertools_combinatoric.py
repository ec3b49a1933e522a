# itertools.product, permutations, combinations, combinations_with_replacement:
# order, counts against the formulas, edge cases and errors.
from itertools import product, permutations, combinations, combinations_with_replacement as cwr
import itertools

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

def ncr(n, r):
    return 0 if r > n else fact(n) // (fact(r) * fact(n - r))

def npr(n, r):
    return 0 if r > n else fact(n) // fact(n - r)

# product
print(list(product('ab', range(2))), list(product()), list(product([])), list(product('ab', [])))
print(list(product('ab', repeat=2)), list(product([1, 2], repeat=0)), list(product(1, repeat=0)))
print(list(product('01', '01', repeat=2))[:6], len(list(product(range(3), repeat=4))))
print(list(product([1], [2], [3])), list(product(iter('xy'), (0,))))
p = product('ab', 'cd')
print(next(p), next(p), list(p), list(p))
show(lambda: product(1))
show(lambda: product([], repeat=-1))
show(lambda: product([], repeat='a'))
show(lambda: product([], repeat=1.0))
show(lambda: product([], x=1))
show(lambda: product([], repeat=2, x=1))
show(lambda: product([], repeat=2**70))
class MyProduct(product):
    pass
print(list(MyProduct('ab', repeat=2)))

# permutations
print(list(permutations('abc')), list(permutations('abc', 2)), list(permutations(range(3), 0)))
print(list(permutations([])), list(permutations([], 0)), list(permutations([], 1)), list(permutations('ab', 3)))
print(list(permutations([1, 2], None)), list(permutations(iterable='ab', r=1)), list(permutations('ab', True)))
for n in range(5):
    for r in range(6):
        got = list(permutations(range(n), r))
        assert len(got) == npr(n, r), (n, r)
        assert len(set(got)) == len(got)
        assert got == sorted(got)
print(list(permutations(range(4)))[::5])
show(lambda: permutations())
show(lambda: permutations(1))
show(lambda: permutations([], -1))
show(lambda: permutations([], 'a'))
show(lambda: permutations([], 1.0))
show(lambda: permutations([1], 1, 2))
show(lambda: permutations([1], x=1))

# combinations
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)))
print(list(combinations('ab', 3)), list(combinations([], 0)), list(combinations([], 2)))
for n in range(6):
    for r in range(7):
        got = list(combinations(range(n), r))
        assert len(got) == ncr(n, r), (n, r)
        assert got == sorted(got)
        assert all(list(c) == sorted(set(c)) for c in got)
print(list(combinations(iterable='xyz', r=2)))
show(lambda: combinations())
show(lambda: combinations([1]))
show(lambda: combinations([1], -1))
show(lambda: combinations([1], 'a'))
show(lambda: combinations([1], None))
show(lambda: combinations(1, 2))
show(lambda: combinations([1], 2, 3))
show(lambda: combinations([1], r=2**70))

# combinations_with_replacement
print(list(cwr('ABC', 2)), list(cwr('ab', 0)), list(cwr([], 0)), list(cwr([], 1)))
print(list(cwr('ab', 3)), list(cwr(range(1), 4)))
for n in range(5):
    for r in range(5):
        got = list(cwr(range(n), r))
        expect = ncr(n + r - 1, r) if n else (1 if r == 0 else 0)
        assert len(got) == expect, (n, r, len(got))
        assert got == sorted(got)
print(cwr.__name__, cwr.__module__)
show(lambda: cwr([1], -1))
show(lambda: cwr([1]))
show(lambda: cwr())
class MyCombos(combinations):
    pass
print(list(MyCombos('abc', 2)))

# results are fresh tuples
p = permutations('ab')
a = next(p)
b = next(p)
print(a, b, a is b)
c = combinations(range(5), 2)
first = next(c)
rest = list(c)
print(first, len(rest))

# sources that fail
def failing():
    yield 1
    raise KeyError('src')
for f in [lambda: product(failing()), lambda: permutations(failing()),
          lambda: combinations(failing(), 1), lambda: cwr(failing(), 1)]:
    show(f)
print(sorted(x for x in dir(itertools) if not x.startswith('__')))
