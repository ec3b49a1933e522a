# Lookups of exact-str keys compare bytes inline and never call anything;
# when an entry of the same hash is not an exact str (a str subclass, an
# object with its own __eq__ and the str's hash), the generic lookup takes
# over and __eq__ runs as in CPython, mutations included.

log = []


class Loud(str):
    def __eq__(self, other):
        log.append(('Loud.__eq__', str(self), other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class SameHash:
    def __init__(self, text, answer):
        self.text, self.answer = text, answer

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        log.append(('SameHash.__eq__', self.text, other))
        return self.answer

    def __repr__(self):
        return 'SameHash(%r)' % self.text


d = {}
for w in ['alpha', 'beta', 'gamma', 'a', 'ab', 'abc', 'abcd', 'abcdefgh', 'abcdefghi',
          'abcdefghijklmnop', 'abcdefghijklmnopq', 'é', 'ééé', '日本語', '']:
    d[w] = len(w)
probe = ['alpha', 'alph', 'alphb', 'beta', 'abcdefgh', 'abcdefgX', 'Xbcdefgh', 'abcdefghi',
         'abcdefghijklmnop', 'abcdefghijklmnoX', 'abcdefghijklmnopq', 'abcdefghijklmnopX',
         'é', 'è', 'ééé', '日本語', '日本', '', 'a', 'b', 'abcd', 'abce']
print([d.get(''.join(list(p)), '-') for p in probe])   # fresh strs, not the same objects
print([''.join(list(p)) in d for p in probe])

# a str subclass key already in the dict
d2 = {Loud('key'): 1, 'other': 2}
print(d2.get('key'), 'key' in d2, d2.get('nokey'))
d2['key'] = 10
print(sorted((str(k), v) for k, v in d2.items()), [type(k).__name__ for k in d2])
# (how many calls depends on the hash seed: which entries share probe slots)
print(sorted(set(log)), len(log) > 0)
log.clear()

# an object with a str's hash that says it is equal (or not)
for answer in [True, False]:
    d3 = {SameHash('word', answer): 'object', 'x': 0}
    print(answer, d3.get('word', 'missing'), 'word' in d3)
    d3['word'] = 'str'
    print(sorted(map(repr, d3.keys())), len(d3))
# (how many calls depends on the hash seed: which entries share probe slots)
print(sorted(set(log)), len(log) > 0)
log.clear()


# __eq__ that mutates the dict during a str lookup
class Mutator:
    def __init__(self, target, text):
        self.target, self.text = target, text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        self.target.clear()
        self.target['after'] = 1
        return False


d4 = {}
d4[Mutator(d4, 'probe')] = 1
try:
    print(d4.get('probe', 'gone'), sorted(map(str, d4)))
except Exception as e:
    print(type(e).__name__, e)


class Raiser:
    def __hash__(self):
        return hash('boom')

    def __eq__(self, other):
        raise ValueError('eq raised')


d5 = {Raiser(): 1}
for op in ['get', 'in', 'setitem', 'getitem']:
    try:
        if op == 'get':
            d5.get('boom')
        elif op == 'in':
            'boom' in d5
        elif op == 'setitem':
            d5['boom'] = 2
        else:
            d5['boom']
        print(op, 'no error')
    except Exception as e:
        print(op, type(e).__name__, e)

# int keys: small ints, big ints, floats equal to ints, bools
d6 = {1: 'one', 2 ** 70: 'big', 3.0: 'three', True: 'true?', -1: 'minus one', -2: 'minus two'}
print(d6, d6.get(1.0), d6.get(3), d6.get(2 ** 70), d6.get(-1), d6.get(-2), d6.get(2 ** 61 - 1))
print({i: i for i in range(-5, 40, 3)}.get(34), hash(-1) == hash(-2))
