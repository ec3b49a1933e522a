# ctypes function prototypes: paramflags (in, out and defaulted
# parameters, keyword arguments, errcheck with the built arguments),
# POINTER(T) parameters taking T instances by reference, arrays and
# byref(), and from_param errors of structures and pointers.
import ctypes.util
from ctypes import *

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

libc = CDLL(ctypes.util.find_library("c"))
print(libc.abs(-3, x=5))
proto = CFUNCTYPE(c_int, c_int)
f = proto(("abs", libc), ((1, "n"),))
print(f(-4), f(n=-6))
show('missing', lambda: f())
show('too many', lambda: f(1, 2))
show('length', lambda: proto(("abs", libc), ((1, "n"), (1,))))
show('list', lambda: proto(("abs", libc), [(1, "n")]))
show('out not pointer', lambda: proto(("abs", libc), ((2, "n"),)))
show('flag 8', lambda: proto(("abs", libc), ((8, "n"),))(-2))
show('bad item', lambda: proto(("abs", libc), (("x",),)))
show('missing symbol', lambda: proto(("no_such_fn_xyz", libc)))
g = proto(("abs", libc), ((1, "n", -9),))
print(g(), g(-1))

strtol_t = CFUNCTYPE(c_long, c_char_p, POINTER(c_char_p), c_int)
strtol = strtol_t(("strtol", libc), ((1, "s"), (2, "end"), (1, "base", 10)))
print(strtol(b"123xyz"), strtol(b"ff!", base=16))
def ec(result, func, args):
    print("errcheck", result, args[0], type(args[1]).__name__, args[2])
    return args
strtol.errcheck = ec
print(strtol(b"77ab", base=16))

div_t = CFUNCTYPE(c_int, c_int, POINTER(c_int))
class DIVT(Structure):
    _fields_ = [("q", c_int), ("r", c_int)]
sscanf = libc.sscanf
a, b = c_int(), c_int()
print(sscanf(b"12 34", b"%d %d", byref(a), pointer(b)), a.value, b.value)

# POINTER(T).from_param
ip = POINTER(c_int)
print(type(ip.from_param(c_int(3))).__name__, ip.from_param(None))
arr = (c_int * 3)(1, 2, 3)
print(ip.from_param(arr) is arr)
show('ptr from_param int', lambda: ip.from_param(5))
show('ptr from_param double', lambda: ip.from_param(c_double(1)))
show('ptr from_param byref double', lambda: ip.from_param(byref(c_double(1))))
print(type(ip.from_param(byref(c_int(1)))).__name__)
show('struct from_param', lambda: DIVT.from_param(5))
print(DIVT.from_param(DIVT(1, 2)).q)
class AP:
    def __init__(self, v):
        self._as_parameter_ = v
print(DIVT.from_param(AP(DIVT(4, 5))).r)
memset = libc.memset
memset.argtypes = [POINTER(c_int), c_int, c_size_t]
v = c_int(0)
memset(v, 1, 4)
print(hex(v.value))
show('array type from_param', lambda: (c_int * 2).from_param((c_int * 3)()))
