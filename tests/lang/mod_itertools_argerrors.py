# itertools constructors: argument checking and its messages, in CPython's order.
import itertools as it
def t(f):
    try:
        r = f()
        print(repr(r) if not repr(r).startswith("<") else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: it.count(1,2,3), lambda: it.count('a'), lambda: it.count(1,'a'), lambda: it.count(x=1), lambda: it.count(step=2), lambda: it.count(1j, 2), lambda: it.count(2**70), lambda: it.count(0, 1.0), lambda: it.count(5, True),
 lambda: it.cycle(), lambda: it.cycle(1), lambda: it.cycle([1], [2]), lambda: it.cycle(x=1),
 lambda: it.repeat(), lambda: it.repeat(1, 2, 3), lambda: it.repeat(1, 'a'), lambda: it.repeat(1, -3), lambda: it.repeat(1, times=2), lambda: it.repeat(object=1, times=2), lambda: it.repeat(1, x=2), lambda: it.repeat(1, 2**70), lambda: it.repeat(1, 2.0),
 lambda: it.accumulate(), lambda: it.accumulate(1), lambda: it.accumulate([1], None, 3), lambda: it.accumulate([1], x=1), lambda: list(it.accumulate([1,2], 5)), lambda: list(it.accumulate([], initial=5)),
 lambda: it.chain(1), lambda: list(it.chain(1)), lambda: it.chain(x=1), lambda: it.chain.from_iterable(), lambda: list(it.chain.from_iterable([1])),
 lambda: it.compress(), lambda: it.compress([1]), lambda: it.compress(1, [1]), lambda: it.compress(data=[1], selectors=[1]), lambda: it.compress([1], [1], [1]),
 lambda: it.dropwhile(), lambda: it.dropwhile(len), lambda: it.dropwhile(len, 1), lambda: it.takewhile(len, 1), lambda: it.filterfalse(None, 1), lambda: it.dropwhile(len, [], x=1), lambda: it.takewhile(), lambda: it.filterfalse(),
 lambda: it.groupby(), lambda: it.groupby(1), lambda: it.groupby([], 1, 2), lambda: it.groupby(iterable=[1], key=None), lambda: it.groupby([1], x=2),
 lambda: it.islice(), lambda: it.islice([1]), lambda: it.islice([1], 'a'), lambda: it.islice([1], -1), lambda: it.islice([1], 1, 'a'), lambda: it.islice([1], 1, 2, 0), lambda: it.islice([1], 1, 2, -1), lambda: it.islice([1], 1, 2, 3, 4), lambda: it.islice(1, 2), lambda: it.islice([1], stop=1), lambda: it.islice([1], 2**70), lambda: it.islice([1], 1.5), lambda: it.islice([1], None, 1.5), lambda: it.islice([1], None, None, 1.5), lambda: it.islice([1], -1, None),
 lambda: it.starmap(), lambda: it.starmap(len, 1), lambda: list(it.starmap(len, [1])), lambda: it.starmap(f=len, iterable=[]),
 lambda: it.tee(), lambda: it.tee(1), lambda: it.tee([], -1), lambda: it.tee([], 'a'), lambda: it.tee([], 0), lambda: it.tee([], n=2), lambda: it.tee([], 2, 3),
 lambda: it.zip_longest(1), lambda: it.zip_longest([], x=1), lambda: it.zip_longest([], fillvalue=1, x=2),
 lambda: it.product(1), lambda: it.product([], repeat=-1), lambda: it.product([], repeat='a'), lambda: it.product([], x=1), lambda: list(it.product([1,2], repeat=0)), lambda: it.product([], repeat=2, x=1),
 lambda: it.permutations(), lambda: it.permutations(1), lambda: it.permutations([], -1), lambda: it.permutations([], 'a'), lambda: it.permutations([1], 1, 2), lambda: list(it.permutations([1,2], None)), lambda: it.permutations(iterable=[1], r=1),
 lambda: it.combinations(), lambda: it.combinations([1]), lambda: it.combinations([1], -1), lambda: it.combinations([1], 'a'), lambda: it.combinations([1], None), lambda: it.combinations_with_replacement([1], -1), lambda: it.combinations_with_replacement([1]),
 lambda: it.pairwise(), lambda: it.pairwise(1), lambda: it.pairwise([], []), lambda: it.pairwise(iterable=[]),
 ]:
    t(f)
print(it.__doc__)
print(sorted(dir(it)))
