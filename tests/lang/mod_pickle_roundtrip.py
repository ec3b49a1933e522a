# _pickle: round trips of the builtin types under every protocol, and the
# exact bytes CPython's C pickler writes for them.
import pickle
import _pickle
import collections

print(pickle.Pickler is _pickle.Pickler, pickle.dumps is _pickle.dumps)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)

values = [
    None, True, False, 0, 1, -1, 127, 128, 255, 256, 65535, 65536, 2**31 - 1, -2**31,
    2**31, -2**31 - 1, 2**62, 2**63, -2**63, -2**63 - 1, 2**64, 2**100, -2**100, -128, -129,
    -255, -256, -32768, -32769, 2**2040 - 1, -(2**2047),
    0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, float('inf'), float('-inf'), 3.141592653589793,
    '', 'abc', 'a' * 300, 'é', '\u20ac', '\U0001f600', 'a\\b\nc\r\x00\x1a', 'x\ud800y',
    b'', b'abc', b'\x00\xff' * 200, bytearray(b'xy'), bytearray(),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), [], [1], [1, 2], [[], [[]]],
    {}, {1: 2}, {'a': 1, 'b': [2, 3]}, set(), {1, 2, 3}, frozenset(), frozenset({4, 5}),
    complex(1, 2), range(3, 10, 2), slice(1, 2, 3), collections.OrderedDict(a=1, b=2),
    collections.deque([1, 2]), collections.Counter('aab'), type(None), type(...),
    type(NotImplemented), int, dict, len, pickle.dumps, collections.OrderedDict,
    ..., NotImplemented,
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        same = back == v or (v != v)
        if isinstance(v, float):
            same = same and str(back) == str(v)
        print(proto, repr(v)[:40], type(back).__name__, same, data[:80])
    print('nan', str(pickle.loads(pickle.dumps(float('nan'), proto))))

# protocol -1 and None
print(pickle.dumps([1, 'a'], -1) == pickle.dumps([1, 'a'], 5))
print(pickle.dumps([1, 'a'], None) == pickle.dumps([1, 'a'], 4))
print(pickle.dumps([1, 'a']) == pickle.dumps([1, 'a'], 4))

# long lists and dicts go out in batches of 1000
for proto in (0, 1, 2, 4):
    big = list(range(2500))
    d = {i: -i for i in range(2100)}
    s = set(range(1500))
    for v in (big, d, s, frozenset(s)):
        data = pickle.dumps(v, proto)
        print(proto, type(v).__name__, len(data), data.count(b'e'), data.count(b'u'),
              pickle.loads(data) == v)

# framing: large objects stay outside frames
for proto in (4, 5):
    data = pickle.dumps([b'x' * 70000, 'y' * 70000, list(range(20000))], proto)
    print(proto, len(data), data[:16], data.count(b'\x95'))
    print(pickle.loads(data)[2][-1])

# str subclasses, int subclasses, list subclasses go through __reduce_ex__
class S(str):
    pass

class I(int):
    pass

class L(list):
    pass

class D(dict):
    pass

for proto in range(6):
    for v in (S('s'), I(5), L([1, 2]), D(a=1)):
        back = pickle.loads(pickle.dumps(v, proto))
        print(proto, type(back).__name__, back)

# dump to and load from a file-like object, several pickles in a row
import io
f = io.BytesIO()
for proto in range(6):
    pickle.dump({'proto': proto, 'v': [1.5, 'x']}, f, proto)
f.seek(0)
for proto in range(6):
    print(pickle.load(f))
try:
    pickle.load(f)
except EOFError as e:
    print('EOFError', e)

# Pickler and Unpickler objects
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump([1, 2])
p.dump('abc')
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load())
print(pickle.Pickler(io.BytesIO()).bin, pickle.Pickler(io.BytesIO(), 0).bin)
