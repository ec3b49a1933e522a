# ctypes arrays: the array types `T * n` (cached, named T_Array_n), their
# errors, items and slices (bytes for c_char, str for c_wchar), char array
# value/raw, nested arrays, _length_/_type_ class errors.
from ctypes import *

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

for e in ['c_int * 3.0', '3 * c_int', 'c_int * -1', 'c_int * (2**70)', '(c_int*2)*3',
          'POINTER(c_int)*2', 'CFUNCTYPE(c_int)*2', 'c_int * "a"']:
    show(e, lambda: eval(e))
print((c_int * 3) is (c_int * 3), (c_int * 3).__name__, (c_int * 3)._length_, (c_int * 3)._type_)
print(sizeof(c_int * 3), alignment(c_double * 2), sizeof(c_char * 0))
print(len((c_int * 3)()), list((c_char * 3)(b'a', b'b')), (c_char * 3)(b'a', b'b').value,
      (c_wchar * 3)('a').value)
a = (c_int * 4)(1, 2, 3, 4)
a[1:3] = [7, 8]
print(a[:], a[::2], a[::-1], a[-1], a[1:100])
show('short slice', lambda: a.__setitem__(slice(1, 3), [1]))
show('del', lambda: a.__delitem__(0))
show('str index', lambda: a["x"])
show('out of range', lambda: a[4])
show('negative', lambda: a[-5])
show('too many', lambda: (c_int * 2)(1, 2, 3))
show('wrong item', lambda: (c_int * 2)("x"))
b = (c_char * 5)()
b.value = b"hi"
print(b.raw, b[:], b[1:4], b[0])
b.raw = b"12345"
print(b.value)
show('value too long', lambda: setattr(b, "value", b"123456"))
show('value str', lambda: setattr(b, "value", "x"))
show('raw too long', lambda: setattr(b, "raw", b"123456"))
show('del value', lambda: delattr(b, "value"))
show('del raw', lambda: delattr(b, "raw"))
w = (c_wchar * 4)()
w.value = "ab\u00e9"
print(w.value, w[:], w[2], len(w))
show('wvalue too long', lambda: setattr(w, "value", "abcde"))
m = ((c_int * 2) * 2)()
m[1][0] = 5
print(m[1][0], [list(r) for r in m], sizeof(m), m[1]._b_base_ is m)
pa = (POINTER(c_int) * 2)()
print(bool(pa[0]), pa[0].__class__.__name__)
class P(Structure):
    _fields_ = [("x", c_int)]
ps = (P * 2)(P(1), (2,))
print(ps[0].x, ps[1].x)
show('struct item wrong', lambda: ps.__setitem__(0, 5))
print(memoryview((c_int * 3)(1, 2, 3)).format, memoryview((c_int * 3)()).itemsize,
      memoryview((c_int * 3)()).nbytes, bytes((c_short * 2)(1, -1)))

show('no _length_', lambda: type(Array)("A", (Array,), {"_type_": c_int}))
show('no _type_', lambda: type(Array)("A", (Array,), {"_length_": 2}))
show('bad _length_', lambda: type(Array)("A", (Array,), {"_type_": c_int, "_length_": "2"}))
show('neg _length_', lambda: type(Array)("A", (Array,), {"_type_": c_int, "_length_": -2}))
show('bad _type_', lambda: type(Array)("A", (Array,), {"_type_": int, "_length_": 2}))
class MyArr(Array):
    _type_ = c_short
    _length_ = 3
print(list(MyArr(1, 2)), sizeof(MyArr), type(MyArr).__name__)
show('Array()', lambda: Array())
print(Array[int])
