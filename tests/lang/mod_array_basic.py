# array.array: sequence operations, slices, the buffer protocol, files and pickling.
from array import array
import array as A, io, pickle, copy, struct, sys

a = array('i', range(10))
print(a, len(a), a[3], a[-1], a[2:5], a[::3], a[::-2], a[7:2:-1])
a[1] = 100; a[-2] = -8
a[2:4] = array('i', [20, 30, 40])
print(a)
del a[0]; del a[::4]; del a[5:]
print(a, 100 in a, 7 in a, a.count(30), a.index(30))
a.extend([1, 2, 3]); a.extend(array('i', [9])); a.append(5); a.insert(0, -1); a.insert(-1, 77); a.insert(100, 6)
print(a, a.pop(), a.pop(0), a.pop(2))
a.remove(77); a.reverse()
print(a, a.tolist(), list(a), [x * 2 for x in a], sorted(a))
b = a + array('i', [1]); c = a * 2; d = 3 * array('b', [1, 2])
a += array('i', [0]); a *= 2
print(b, c, d, a, array('i') * 5, array('i', [1]) * 0)
print(a == a[:], a != b, a < b, array('i', [1, 2]) < array('i', [1, 2, 0]), array('d', [1.5]) > array('d', [1.25]))
a[::2] = array('i', range(len(a[::2])))
print(a)
a[:] = a
a[len(a):] = a[:3]
print(a, len(a))

# Every typecode round-trips through bytes, and byteswap twice is identity.
for tc in A.typecodes:
    x = array(tc, 'héllo' if tc == 'u' else [1, 2, 3, 120])
    y = array(tc)
    y.frombytes(x.tobytes())
    z = array(tc, x); z.byteswap(); z.byteswap()
    print(tc, x.itemsize, x, y == x, z == x, len(x.tobytes()), x.typecode, x.buffer_info()[1])
print(array('u', 'abc').tounicode(), array('f', [0.5, 1e10, -2.25]), array('d', [1e300, float('inf')]))
u = array('u'); u.fromunicode('xyz'); u.append('w'); print(u, u[1], u.index('w'))

# The buffer protocol: memoryview, bytes(), struct, bytearray, hashes.
a = array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.tolist(), bytes(a), bytearray(a), m[1])
m[0] = 42
print(a, struct.unpack('3i', a), a.tobytes() == bytes(m))
try:
    a.append(4)
except BufferError as e:
    print('BufferError', e)
m.release()
a.append(4)
print(a)
print(array('B', b'abc').tobytes(), array('h', b'\x01\x00\x02\x00'), array('d', array('f', [1.5])))
import hashlib
print(hashlib.md5(array('B', b'abc')).hexdigest())

# Files.
f = io.BytesIO()
array('h', range(5)).tofile(f)
f.seek(0)
g = array('h'); g.fromfile(f, 3); print(g)
try:
    g.fromfile(f, 5)
except EOFError as e:
    print('EOFError', e, g)
g.fromlist([7, 8]); print(g)
try:
    g.fromlist([1, 'x'])
except TypeError as e:
    print('TypeError', e, g)

# Pickle with every protocol, copy, subclasses with attributes.
class MyArray(array):
    pass
for proto in range(4):  # 4+ need BytesIO.getbuffer, which krait lacks yet
    for x in (array('i', [1, -2]), array('u', 'hi'), array('d', [0.5]), array('Q', [2**64 - 1]), array('b')):
        y = pickle.loads(pickle.dumps(x, proto))
        print(proto, y, type(y).__name__, y == x)
s = MyArray('l', [5, 6]); s.tag = 'T'
t = pickle.loads(pickle.dumps(s, 3))
print(t, type(t).__name__, t.tag, s.__reduce_ex__(2)[1:], copy.copy(s), copy.deepcopy(array('H', [3])))
print(A._array_reconstructor(array, 'l', 13, b'\x00' * 7 + b'\x05'), A._array_reconstructor(array, 'f', 15, b'?\x80\x00\x00'))
print(A._array_reconstructor(array, 'u', 18, b'a\x00b\x00'), A._array_reconstructor(array, 'u', 21, b'\x00\x00\x00a\x00\x00\x00b'))
print(A._array_reconstructor(MyArray, 'i', 8, b'\x07\x00\x00\x00'))
it = iter(array('i', [1, 2])); print(next(it), next(it), next(it, 'end'), type(it).__name__)
print(array('I', [4000000000]).tolist(), array('q', [-2**63]), array('i', (x for x in range(3))))
import collections.abc
print(isinstance(array('B'), collections.abc.MutableSequence), issubclass(A.ArrayType, collections.abc.Sequence))
it = iter(array('i', [1, 2, 3])); next(it)
print(it.__reduce__(), list(pickle.loads(pickle.dumps(it, 3))), list(copy.copy(it)))
it.__setstate__(2); print(list(it), it.__reduce__())
