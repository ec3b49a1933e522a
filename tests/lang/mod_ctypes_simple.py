# ctypes simple types: values, masking, conversions and their errors, repr,
# from_param, buffers, byref/addressof/pointer/cast, memmove/memset/string_at.
import ctypes
from ctypes import *

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

for t in (c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long, c_ulong,
          c_longlong, c_ulonglong, c_int8, c_uint8, c_int16, c_uint16, c_int32,
          c_uint32, c_int64, c_uint64, c_size_t, c_ssize_t):
    print(t.__name__, sizeof(t), alignment(t), t(-1).value, t(2**70 + 5).value, t(300).value)

for t in (c_float, c_double, c_longdouble):
    print(t.__name__, sizeof(t) >= 4, t(1.5).value, t(3).value)
print(c_float(1.1))
print(c_bool(3), c_bool(0), c_bool(None), c_bool([1]))
print(c_char(b"x"), c_char(65), c_char(b"x").value)
print(c_wchar("\u00e9"), c_wchar("z").value)
print(c_char_p(b"hello").value, c_char_p().value, c_wchar_p("h\u00e9").value)
print(c_void_p(None), c_void_p(0), c_void_p(1234).value)
print(py_object(), py_object([1, 2]), py_object("x").value)
print(c_int(), c_int(7), repr(c_double(2.25)))

show('c_int("a")', lambda: c_int("a"))
show('c_int(1.5)', lambda: c_int(1.5))
show('c_int(1, 2)', lambda: c_int(1, 2))
show('c_char(300)', lambda: c_char(300))
show('c_char(b"ab")', lambda: c_char(b"ab"))
show('c_char("a")', lambda: c_char("a"))
show('c_double("x")', lambda: c_double("x"))
show('c_char_p("x")', lambda: c_char_p("x"))
show('c_wchar_p(b"x")', lambda: c_wchar_p(b"x"))
show('c_void_p("x")', lambda: c_void_p("x"))
show('c_wchar(b"a")', lambda: c_wchar(b"a"))
show('c_wchar("ab")', lambda: c_wchar("ab"))
show('py_object().value', lambda: py_object().value)

# subclasses keep instances, repr differs
class MyInt(c_int):
    pass
m = MyInt(5)
print(m.value, type(m).__name__, isinstance(m, c_int), repr(m).startswith("<__main__.MyInt object"))

# types and metatypes
print(type(c_int).__name__, [k.__name__ for k in c_int.__mro__])
print(c_int._type_, c_double._type_, c_char_p._type_)
print(c_int.__ctype_le__ is c_int, c_int.__ctype_be__ is not c_int, c_int.__ctype_be__.__ctype_le__ is c_int)
be = c_int.__ctype_be__(0x01020304)
print(be.value, bytes(be), bytes(c_int(0x01020304)))
print(c_ubyte.__ctype_be__ is c_ubyte)

# from_param
print(c_int.from_param(5), c_double.from_param(1.5), c_char.from_param(b"a"))
x = c_int(3)
print(c_int.from_param(x) is x)
show('c_int.from_param("x")', lambda: c_int.from_param("x"))
show('c_char_p.from_param(5)', lambda: c_char_p.from_param(5))
print(type(c_char_p.from_param(b"x")).__name__)
print(c_void_p.from_param(None))

# buffers
print(bytes(c_int(258)), bytes(c_short(-2)), len(bytes(c_double(1.0))))
mv = memoryview(c_int(5))
print(mv.format, mv.itemsize, mv.nbytes, mv.readonly)
ba = bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00")
v = c_int.from_buffer(ba, 4)
print(v.value)
v.value = 9
print(ba)
print(c_int.from_buffer_copy(b"\x07\x00\x00\x00").value)
show('from_buffer(bytes)', lambda: c_int.from_buffer(bytes(4)))
show('from_buffer small', lambda: c_int.from_buffer(bytearray(2)))
show('from_buffer_copy small', lambda: c_int.from_buffer_copy(bytes(2)))
show('from_buffer neg', lambda: c_int.from_buffer(bytearray(8), -1))

# addresses
a = c_int(42)
p = c_int.from_address(addressof(a))
print(p.value)
p.value = 43
print(a.value, p._b_needsfree_, a._b_needsfree_)
show('addressof(5)', lambda: addressof(5))
show('byref(5)', lambda: byref(5))
show('sizeof(5)', lambda: sizeof(5))
show('alignment(5)', lambda: alignment(5))
show('sizeof(_SimpleCData)', lambda: sizeof(ctypes._SimpleCData))
print(type(byref(a)).__name__)

# resize
r = c_int(1)
show('resize small', lambda: resize(r, 2))
resize(r, 32)
print(sizeof(r), r.value)

# pointers to simple values
pi = pointer(a)
print(pi.contents.value, pi[0], type(pi).__name__, POINTER(c_int) is type(pi))
pi[0] = 100
print(a.value)
show('pointer(5)', lambda: pointer(5))
show('cast(5, c_int)', lambda: cast(5, c_int))
vp = cast(pi, c_void_p)
print(vp.value == addressof(a))
back = cast(vp, POINTER(c_int))
print(back.contents.value)

# memmove / memset / string_at / wstring_at
buf = create_string_buffer(b"hello world")
print(sizeof(buf), buf.value, buf.raw)
memmove(buf, b"HELLO", 5)
print(buf.value)
memset(addressof(buf) + 6, ord("W"), 1)
print(buf.value, string_at(buf), string_at(addressof(buf), 3))
ubuf = create_unicode_buffer("h\u00e9llo")
print(sizeof(ubuf) // sizeof(c_wchar), ubuf.value, wstring_at(ubuf), wstring_at(ubuf, 2))
print(create_string_buffer(4).raw, create_string_buffer(b"ab", 5).raw)
show('create_string_buffer(1.5)', lambda: create_string_buffer(1.5))
cp = c_char_p(b"abc")
print(string_at(cp), cast(cp, c_void_p).value != 0)

# value assignment keeps objects
s = c_char_p()
s.value = b"kept"
print(s.value, s._objects)
print(c_int(5)._objects, c_int(5)._b_base_)

# _type_ errors of new simple types
for t in ['X', 'y', 5, 'ab', '\x00']:
    try:
        type(ctypes._SimpleCData)("A", (ctypes._SimpleCData,), {"_type_": t})
    except Exception as e:
        print(type(e).__name__, e)
show('no _type_', lambda: type(ctypes._SimpleCData)("B", (ctypes._SimpleCData,), {}))
class Vb(ctypes._SimpleCData):
    _type_ = "v"
print(Vb(5), sizeof(Vb), bytes(Vb(1)))
