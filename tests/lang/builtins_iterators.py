# enumerate, zip, map, filter, reversed, iter(callable, sentinel), next.
print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate('ab', start=-1)))
print(list(enumerate('ab', 2**64)), list(enumerate(start=3, iterable='x')))
e = enumerate('xyz')
print(next(e), next(e), list(e), list(e))
print(list(zip('abc', [1, 2, 3], (True, False, None))), list(zip()), list(zip('ab')))
print(list(zip('abc', range(2))), list(zip(range(2), 'abc')))
for lists in (([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1], [2, 3]), ([1], [2], [3, 4])):
    try:
        print(list(zip(*lists, strict=True)))
    except ValueError as err:
        print('ValueError', err)
print(list(map(abs, [-1, -2])), list(map(pow, [2, 3, 4], [3, 2])), list(map(lambda *a: a, 'ab', 'cd')))
print(list(filter(None, [0, 1, '', 'a', None, []])), list(filter(lambda x: x % 2, range(7))))
print(list(filter(bool, [0, 2])), list(reversed([1, 2, 3])), list(reversed('abc')))
print(list(reversed(range(5))), list(reversed((1, 2, 3))))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(reversed(Seq())), list(iter(Seq())), list(Seq()))
r = reversed(Seq())
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())


class OwnReversed:
    def __reversed__(self):
        return iter('own')


print(list(reversed(OwnReversed())))


class NotReversible:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


for obj in (NotReversible(), 5, {}.keys() if False else 7):
    try:
        reversed(obj)
    except TypeError as err:
        print('TypeError', err)

counter = iter(range(10)).__next__
print(list(iter(counter, 5)))
items = [3, 2, 1, 0, 9]
print(list(iter(items.pop, 2)))


def stopper():
    raise StopIteration


print(list(iter(stopper, 1)))

it = iter([1])
print(next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as err:
    print('StopIteration', repr(err))


class RaisesStop:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration('payload')


print(next(RaisesStop(), 'swallowed'))
try:
    next(RaisesStop())
except StopIteration as err:
    print('StopIteration', err.value)

for fn in (lambda: next(5), lambda: iter(5), lambda: iter(5, 6), lambda: enumerate(),
           lambda: enumerate(1), lambda: enumerate([], start='a'), lambda: zip(1),
           lambda: map(), lambda: map(abs), lambda: list(map(1, [1])), lambda: filter(1),
           lambda: list(filter(1, [1])), lambda: reversed(), lambda: zip(foo=1),
           lambda: enumerate([], foo=1), lambda: map(func=abs), lambda: reversed(seq=[])):
    try:
        fn()
    except TypeError as err:
        print('TypeError', err)


class SubEnum(enumerate):
    pass


print(type(SubEnum('ab')).__name__, list(SubEnum('ab', 5)))
print(isinstance(zip(), zip), isinstance(map(abs, []), map), type(iter(counter, 1)).__name__)
