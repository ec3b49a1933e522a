# ctypes objects keep alive what their C memory points into (_objects),
# across collections: c_char_p fields set from temporary bytes, pointers to
# temporary objects, from_buffer's exporter, cast results; and pickling.
import gc, pickle
from ctypes import *

class S(Structure):
    _fields_ = [("name", c_char_p), ("p", POINTER(c_int)), ("o", py_object), ("w", c_wchar_p)]

s = S()
s.name = b"temp-" + str(12345).encode()
s.p = pointer(c_int(77))
s.o = [1, 2, 3] * 2
s.w = "wide-" + str(9)
for _ in range(3):
    gc.collect()
    junk = [bytes(100) for _ in range(1000)]
print(s.name, s.p.contents.value, s.p[0], s.o, s.w)
print(sorted(s._objects.keys()))

def make_ptr():
    return pointer(c_double(2.5))
ps = [make_ptr() for _ in range(50)]
gc.collect()
print(sum(p.contents.value for p in ps))

def make_view():
    ba = bytearray(b"\x05\x00\x00\x00")
    return c_int.from_buffer(ba)
v = make_view()
gc.collect()
print(v.value, type(v._objects).__name__)

def make_cast():
    arr = (c_int * 4)(1, 2, 3, 4)
    return cast(arr, POINTER(c_int))
cp = make_cast()
gc.collect()
junk = [bytearray(64) for _ in range(2000)]
print([cp[i] for i in range(4)])

arrp = (POINTER(c_int) * 3)()
for i in range(3):
    arrp[i] = pointer(c_int(i * 10))
gc.collect()
print([arrp[i].contents.value for i in range(3)])

cbuf = (c_char_p * 2)()
cbuf[0] = b"x" * 3
cbuf[1] = b"y" * 4
gc.collect()
print(cbuf[0], cbuf[1])

# a struct field view borrows the memory of its owner
class Outer(Structure):
    _fields_ = [("inner", S), ("n", c_int)]
def inner_view():
    o = Outer()
    o.inner.name = b"inside"
    return o.inner
iv = inner_view()
gc.collect()
print(iv.name, iv._b_base_ is not None)

# pickling
print(pickle.loads(pickle.dumps(c_int(42))).value)
class PT(Structure):
    _fields_ = [("x", c_int), ("y", c_double)]
pt = pickle.loads(pickle.dumps(PT(3, 1.5)))
print(pt.x, pt.y)
try:
    pickle.dumps(S())
except ValueError as e:
    print(type(e).__name__, e)

# a callback stored in a structure outlives the prototype instance
CB = CFUNCTYPE(c_int, c_int)
class WithCb(Structure):
    _fields_ = [("cb", CB), ("n", c_int)]
def make_cb_struct():
    w = WithCb()
    w.cb = CB(lambda x: x * 3)
    return w
w = make_cb_struct()
for _ in range(3):
    gc.collect()
    junk = [bytearray(100) for _ in range(3000)]
print(w.cb(7), CB(cast(w.cb, c_void_p).value)(5))

# in_dll
import ctypes.util
libc = CDLL(ctypes.util.find_library("c"))
print(c_void_p.in_dll(libc, "environ").value is not None)
try:
    c_int.in_dll(libc, "no_such_symbol_abc")
except ValueError as e:
    print(type(e).__name__, e)
