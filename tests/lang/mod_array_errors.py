# array: constructor, method and operator errors, _array_reconstructor.
from array import array
import array as A
a = array('i', [1, 2, 3, 2])
fs = [lambda: array(), lambda: array('x'), lambda: array('ii'), lambda: array(1), lambda: array('i', 'abc'), lambda: array('u', [1]), lambda: array('i', 5),
 lambda: array('i', [1], 2), lambda: array('i', initializer=[1]), lambda: array(typecode='i'), lambda: a.index(9), lambda: a.remove(9), lambda: a.pop(10), lambda: array('i').pop(),
 lambda: a[10], lambda: a['x'], lambda: a.__setitem__(10, 1), lambda: a.__setitem__(slice(0, 1), [1]), lambda: a.__setitem__(slice(0, 1), array('d', [1])),
 lambda: a + [1], lambda: a + array('d'), lambda: a * 'x', lambda: a.tounicode(), lambda: array('u', 'ab').tounicode(), lambda: a.fromunicode('x'), lambda: array('u').fromunicode(1),
 lambda: a.frombytes(b'abc'), lambda: a.frombytes('abc'), lambda: a.fromlist((1,)), lambda: a.fromlist([1, 'x']), lambda: a.extend(array('d')), lambda: a.extend(1),
 lambda: a.byteswap(1), lambda: a.insert('x', 1), lambda: a.count(), lambda: a < [1], lambda: a == [1], lambda: a < array('d', [1.0, 3.0]), lambda: hash(a),
 lambda: a.__reduce_ex__(), lambda: a.__reduce_ex__('x'), lambda: A._array_reconstructor(array, 'i', 99, b''), lambda: A._array_reconstructor(1, 'i', 8, b''),
 lambda: A._array_reconstructor(array, 'x', 8, b''), lambda: A._array_reconstructor(array, 'i', 8, b'abc'), lambda: A._array_reconstructor(array, 'i', 9, b'\x00\x00\x00\x05'),
 lambda: A._array_reconstructor(array, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'), lambda: A._array_reconstructor(array, 'u', 19, b'\x00a\xd8=\xde\x00'), lambda: A._array_reconstructor(array, 'l', 6, b'\xff\xff\xff\xff'),
 lambda: A._array_reconstructor(array, 'b', 13, b'\x00\x00\x00\x00\x00\x00\x01\x00'), lambda: A._array_reconstructor(array, 'B', 2, b'\x01\x00'), lambda: A._array_reconstructor(array, 'i', 12, b'\x01' + b'\x00'*7),
 lambda: a.fromfile(1, 1), lambda: a.tofile(1), lambda: array('i', [1]) * -1, lambda: repr(array('d', [1.5, -0.0])), lambda: repr(array('u', 'a\'"\n')), lambda: repr(array('f', [0.1])), lambda: array('b', b'\xff\x01'),
 lambda: array('u', b'a\x00\x00\x00'), lambda: array('h', b'abc'), lambda: array('i', array('d', [1.5])), lambda: array('d', array('i', [1, 2])), lambda: array('u', array('i', [1])), lambda: array('i', array('u', 'a')),
 lambda: a.__delitem__(slice(None, None, 2)), lambda: a[::-1], lambda: a[1:3], lambda: a.__iadd__([1]), lambda: array('i', range(5))[::2], lambda: a.__imul__(2), lambda: del_(a),
 lambda: A.ArrayType is array, lambda: array.__module__, lambda: array('i').itemsize, lambda: array('i').typecode, lambda: array[int], lambda: list(reversed(array('i', [1, 2]))), lambda: 2 in a, lambda: 'x' in a,
 lambda: array('i', [1, 2]) == array('d', [1.0, 2.0]), lambda: array('b', [1, 2]) < array('B', [1, 3]), lambda: array('i', [1]).__contains__(), lambda: array('i', [5, 6]).index(6, -1), lambda: array('i', [5, 6]).index(6, 0, 1),
 lambda: type('X', (array,), {})('i', [1, 2]), lambda: copy_(), lambda: array('q', [2**63-1]).tolist(), lambda: array('Q', [2**64-1]).tolist(), lambda: array('f', [1e40]), lambda: array('f', [2**1024]), lambda: array('d', [2**1024])]
def del_(a): del a[100]
def copy_():
    import copy
    b = array('i', [1, 2]); c = copy.copy(b); d = copy.deepcopy(b); c.append(3); return b, c, d
for i, f in enumerate(fs):
    try: print(i, f())
    except Exception as e: print(i, type(e).__name__, e)
