# ctypes Structure/Union: layout (padding, _pack_, bit fields), nested
# structures, arrays, pointers, _anonymous_, byte order, _fields_ errors,
# initializers and kept objects.
import ctypes
from ctypes import *

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]

class RECT(Structure):
    _fields_ = [("a", POINT), ("b", POINT), ("tag", c_char), ("d", c_double)]

print(sizeof(POINT), alignment(POINT), sizeof(RECT), alignment(RECT))
print(POINT.x, POINT.y, RECT.tag, RECT.d)
print(POINT.x.offset, POINT.y.offset, RECT.d.offset, RECT.d.size)
p = POINT(1, 2)
print(p.x, p.y)
p.x = 2**33 + 7
print(p.x)
r = RECT(POINT(1, 2), (3, 4), b"t", 2.5)
print(r.a.x, r.a.y, r.b.x, r.b.y, r.tag, r.d)
inner = r.b
inner.x = 99
print(r.b.x, inner._b_base_ is r)
r.a = POINT(7, 8)
print(r.a.x, r.a.y)
print(POINT(y=5).y, POINT(1).y)
show('too many', lambda: POINT(1, 2, 3))
show('duplicate', lambda: POINT(1, x=2))
show('bad kw', lambda: POINT(z=1).z)
show('wrong type', lambda: setattr(p, "x", "s"))
show('wrong struct', lambda: setattr(r, "a", RECT()))
show('wrong struct 2', lambda: setattr(r, "a", 5))
print(bytes(POINT(1, 2)))

# fields errors
def define(fields, **extra):
    ns = dict(extra)
    ns["_fields_"] = fields
    return type(Structure)("S", (Structure,), ns)
show('fields int', lambda: define(5))
show('fields 1-tuple', lambda: define([("a",)]))
show('fields not type', lambda: define([("a", 5)]))
show('fields name int', lambda: define([(1, c_int)]))
show('bits too big', lambda: define([("a", c_int, 40)]))
show('bits zero', lambda: define([("a", c_int, 0)]))
show('bits double', lambda: define([("a", c_double, 4)]))
S = define([("a", c_int)])
S()
show('final', lambda: setattr(S, "_fields_", [("b", c_int)]))
class Late(Structure):
    pass
Late._fields_ = [("v", c_short), ("w", c_int)]
print(sizeof(Late), Late(1, 2).w)

# _pack_
class Packed(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_short)]
print(sizeof(Packed), Packed.b.offset, Packed.c.offset)
class Pack2(Structure):
    _pack_ = 2
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_longlong)]
print(sizeof(Pack2), Pack2.b.offset, Pack2.c.offset)

# bit fields
class Bits(Structure):
    _fields_ = [("a", c_int, 3), ("b", c_int, 5), ("c", c_uint, 10), ("d", c_short, 4), ("e", c_longlong, 40)]
print(sizeof(Bits), Bits.a, Bits.b, Bits.c, Bits.d, Bits.e)
b = Bits()
b.a = 3; b.b = -1; b.c = 1023; b.d = 9; b.e = 2**39 + 1
print(b.a, b.b, b.c, b.d, b.e)
b.a = 4
print(b.a, b.b, bytes(b).hex())
class UBits(Structure):
    _fields_ = [("x", c_ubyte, 1), ("y", c_ubyte, 7)]
u = UBits(1, 100)
print(u.x, u.y, sizeof(UBits), bytes(u))

# unions
class U(Union):
    _fields_ = [("i", c_int), ("b", c_ubyte * 4), ("d", c_double)]
print(sizeof(U), alignment(U), type(U).__name__)
x = U()
x.i = 0x01020304
print(list(x.b), U.d.offset)

# nested arrays of structures, char arrays in structures
class Rec(Structure):
    _fields_ = [("name", c_char * 8), ("vals", c_int * 3), ("pts", POINT * 2), ("w", c_wchar * 4)]
rec = Rec()
rec.name = b"abc"
rec.vals = (c_int * 3)(1, 2, 3)
rec.pts[1].y = 5
rec.w = "h\u00e9"
print(rec.name, list(rec.vals), rec.pts[1].y, rec.w, sizeof(Rec))
show('name too long', lambda: setattr(rec, "name", b"123456789"))
rec.vals[0] = 10
print(rec.vals[0])

# _anonymous_
class Inner(Structure):
    _fields_ = [("lo", c_short), ("hi", c_short)]
class Outer(Structure):
    _anonymous_ = ("u",)
    _fields_ = [("tag", c_int), ("u", Inner)]
o = Outer()
o.hi = 7
print(o.u.hi, o.hi, Outer.hi.offset)
show('anon missing', lambda: type(Structure)("A", (Structure,), {"_anonymous_": ("q",), "_fields_": [("a", c_int)]}))

# inheritance
class P3(POINT):
    _fields_ = [("z", c_int)]
p3 = P3(1, 2, 3)
print(sizeof(P3), p3.x, p3.y, p3.z)

# byte order
class BE(BigEndianStructure):
    _fields_ = [("a", c_int), ("b", c_ushort), ("c", c_ubyte * 2)]
be = BE(1, 2, (c_ubyte * 2)(3, 4))
print(bytes(be).hex(), be.a, be.b)
class LE(LittleEndianStructure):
    _fields_ = [("a", c_int), ("b", c_double)]
print(bytes(LE(1, 0.5)).hex())
class BEBits(BigEndianStructure):
    _fields_ = [("a", c_uint, 4), ("b", c_uint, 12)]
bb = BEBits(1, 2)
print(bytes(bb).hex(), bb.a, bb.b)

# pointers
class Node(Structure):
    pass
Node._fields_ = [("val", c_int), ("next", POINTER(Node))]
n1 = Node(1)
n2 = Node(2, pointer(n1))
print(n2.next.contents.val, bool(n1.next), bool(n2.next))
show('NULL contents', lambda: n1.next.contents)
show('NULL index', lambda: n1.next[0])
show('POINTER(c_int)()[0]', lambda: POINTER(c_int)()[0])
arr = (c_int * 5)(10, 20, 30, 40, 50)
ip = cast(arr, POINTER(c_int))
print(ip[0], ip[3], ip[1:4])
ip[2] = 33
print(arr[2], list(arr))
show('slice no stop', lambda: ip[1:])
show('ptr wrong contents', lambda: setattr(pointer(c_int(1)), "contents", c_double(1)))
show('ptr del', lambda: ip.__delitem__(0))
pp = pointer(pointer(c_int(5)))
print(pp.contents.contents.value, pp[0][0])
print(POINTER(c_int).__name__, POINTER(Node).__name__)
show('POINTER(5)', lambda: POINTER(5))
print(n2._objects is not None, "1" in n2._objects)

# _fields_ set before the layout exists
class BrokenStructure(Structure):
    def __init_subclass__(cls, **kwargs):
        cls._fields_ = []
try:
    class Subclass(BrokenStructure):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Abstract(Structure):
    _abstract_ = 1
show('abstract _fields_', lambda: setattr(Abstract, "_fields_", []))
show('abstract instance', lambda: Abstract())
