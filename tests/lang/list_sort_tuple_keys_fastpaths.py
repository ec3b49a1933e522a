# Sorting with tuple keys compares small-int and exact-str items inline;
# other items (floats, big ints, str/int subclasses, objects with their own
# __eq__/__lt__) go through rich comparison, whose exceptions propagate.
rows = [(d, -s, n) for d, s, n in [('sales', 300, 'bo'), ('eng', 200, 'al'), ('sales', 300, 'al'),
                                  ('eng', 200, 'al'), ('hr', 100, 'zed'), ('eng', 250, 'cy'),
                                  ('sales', 2 ** 70, 'big'), ('eng', -5, 'neg')]]
print(sorted(rows))
print(sorted(rows, reverse=True))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z'), (1, 'a', 0), (1,), (1.5, 'x'), (True, 'q')]))
print(sorted([('é', 1), ('e', 2), ('日', 0), ('z', -1), ('', 3)]))
# stability: equal keys keep their order
pairs = [(k % 3, 'same', i) for i, k in enumerate([5, 1, 4, 1, 5, 9, 2, 6])]
print(sorted(pairs, key=lambda t: t[:2]))


class Loud(str):
    def __eq__(self, other):
        print('Loud.__eq__', str.__str__(self), other)
        return str.__eq__(self, other)

    def __lt__(self, other):
        print('Loud.__lt__', str.__str__(self), other)
        return str.__lt__(self, other)

    __hash__ = str.__hash__


print(sorted([(Loud('b'), 1), (Loud('a'), 2), (Loud('b'), 0)]))


class Int(int):
    def __eq__(self, other):
        return False   # never equal: the next item never decides

    __hash__ = int.__hash__


print(sorted([(Int(1), 'b'), (Int(1), 'a'), (Int(0), 'c')]))


class Boom:
    def __eq__(self, other):
        raise ValueError('eq boom')

    def __lt__(self, other):
        raise ValueError('lt boom')


for keys in [[(1, Boom()), (1, Boom())], [(Boom(), 1), (Boom(), 2)], [('a', 1), ('a', 'x')]]:
    try:
        print(sorted(keys))
    except Exception as e:
        print(type(e).__name__, e)

# the list being sorted cannot be changed by a key
data = [3, 1, 2]
try:
    data.sort(key=lambda x: (data.append(x), x)[1])
except Exception as e:
    print(type(e).__name__, e)
print(data)
