# ctypes calls into libc: CDLL/dlopen/dlsym, argtypes/restype/errcheck,
# ArgumentError texts, errno, variadic calls, structures by value, and
# CFUNCTYPE callbacks (qsort with a Python comparator).
import ctypes, ctypes.util, sys
from ctypes import *

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

libc = CDLL(ctypes.util.find_library("c"))
print(libc.strlen(b"hello"), libc.abs(-5), libc.labs(-7))
strlen = libc.strlen
strlen.argtypes = [c_char_p]
strlen.restype = c_size_t
print(strlen(b"abcdef"), strlen.argtypes == (c_char_p,), strlen.restype is c_size_t)
show('strlen(str)', lambda: strlen("abc"))
show('strlen()', lambda: strlen())
show('strlen(5.0) default conv', lambda: libc.strlen(5.0))
show('argtypes=5', lambda: setattr(strlen, "argtypes", 5))
show('restype=5', lambda: setattr(libc.abs, "restype", 5))
show('nonexistent', lambda: libc.this_function_does_not_exist)
show('bad library', lambda: CDLL("libdoesnotexist.so.9"))
print(libc["strlen"](b"xy"), libc.strlen.__name__)

# doubles and restype
libm = CDLL(ctypes.util.find_library("m"))
libm.pow.argtypes = [c_double, c_double]
libm.pow.restype = c_double
print(libm.pow(2, 10), libm.pow(2.5, 2))
libm.floor.restype = c_double
libm.floor.argtypes = (c_double,)
print(libm.floor(-1.5))
show('pow("x")', lambda: libm.pow("x", 1))

# restype as a callable, errcheck
libc.abs.restype = lambda v: v * 10
print(libc.abs(-3))
libc.abs.restype = c_int
def check(result, func, args):
    print("errcheck", result, func is libc.abs, args)
    return result + 1
libc.abs.errcheck = check
print(libc.abs(-4))
del libc.abs.errcheck

# output buffers, snprintf (variadic)
buf = create_string_buffer(64)
n = libc.snprintf(buf, sizeof(buf), b"%d-%s-%.2f", 42, b"str", c_double(3.14159))
print(n, buf.value)
libc.snprintf.argtypes = [c_char_p, c_size_t, c_char_p]
n = libc.snprintf(buf, sizeof(buf), b"%ld|%s", c_long(-7), b"v")
print(n, buf.value)
libc.sprintf(buf, b"%x", 255)
print(buf.value)

# pointers as arguments
libc.strtol.argtypes = [c_char_p, POINTER(c_char_p), c_int]
libc.strtol.restype = c_long
end = c_char_p()
print(libc.strtol(b"123abc", byref(end), 10), end.value)
val = c_int(0)
libc.sscanf(b"77", b"%d", byref(val))
print(val.value)
arr = (c_int * 3)()
libc.memset(arr, 1, sizeof(arr))
print(list(arr))

# errno
libc_e = CDLL(ctypes.util.find_library("c"), use_errno=True)
set_errno(0)
f = libc_e.fopen(b"/nonexistent/dir/file", b"r")
print(f, get_errno())
print(set_errno(5), get_errno())

# qsort with a Python comparator
CMPFUNC = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []
def py_cmp(a, b):
    calls.append(1)
    return a[0] - b[0]
cmp = CMPFUNC(py_cmp)
data = (c_int * 6)(5, 1, 4, 2, 6, 3)
libc.qsort(data, len(data), sizeof(c_int), cmp)
print(list(data), len(calls) > 0)

# callbacks with simple arguments and results
ADD = CFUNCTYPE(c_double, c_double, c_int)
add = ADD(lambda x, y: x + y)
print(add(1.5, 2), type(add).__name__)
VOIDF = CFUNCTYPE(None, c_char_p)
seen = []
VOIDF(lambda s: seen.append(s))(b"bytes")
print(seen)
show('CFUNCTYPE(c_int)(5.5)', lambda: CFUNCTYPE(c_int)(5.5))
show('bad restype callback', lambda: CFUNCTYPE(POINTER(c_int))(lambda: None))

# a callback that raises: printed to stderr, the call returns 0
def boom(a, b):
    raise ZeroDivisionError("in callback")
errs = []
old = sys.unraisablehook
sys.unraisablehook = lambda u: errs.append((u.err_msg, type(u.exc_value).__name__, str(u.exc_value)))
data2 = (c_int * 3)(3, 2, 1)
libc.qsort(data2, 3, sizeof(c_int), CMPFUNC(boom))
sys.unraisablehook = old
print(errs[:1], sorted(data2))
bad_result = CFUNCTYPE(c_int)(lambda: "not an int")
sys.unraisablehook = lambda u: errs.append((u.err_msg, type(u.exc_value).__name__))
print(bad_result(), errs[-1])
sys.unraisablehook = old

# function pointer from an address, and as an argument type
strlen2 = CFUNCTYPE(c_size_t, c_char_p)(cast(libc.strlen, c_void_p).value)
print(strlen2(b"12345"))
print(bool(CFUNCTYPE(c_int)()))

# structures by value
class DIV(Structure):
    _fields_ = [("quot", c_int), ("rem", c_int)]
libc.div.restype = DIV
libc.div.argtypes = [c_int, c_int]
d = libc.div(17, 5)
print(type(d).__name__, d.quot, d.rem)
class LDIV(Structure):
    _fields_ = [("quot", c_long), ("rem", c_long)]
libc.ldiv.restype = LDIV
d = libc.ldiv(c_long(-17), c_long(5))
print(d.quot, d.rem)
class PT(Structure):
    _fields_ = [("x", c_int), ("y", c_double)]
PTCB = CFUNCTYPE(c_double, PT)
print(PTCB(lambda p: p.x + p.y)(PT(2, 0.5)))

# dlopen/dlsym at the _ctypes level
import _ctypes
h = _ctypes.dlopen(ctypes.util.find_library("c"))
print(_ctypes.dlsym(h, "strlen") == cast(libc.strlen, c_void_p).value)
show('dlsym missing', lambda: _ctypes.dlsym(h, "no_such_symbol_xyz").__class__)
print(pythonapi is not None, isinstance(cdll.LoadLibrary(ctypes.util.find_library("c")), CDLL))

# unions, bit fields and packed structures by value
class UU(Union):
    _fields_ = [("i", c_int), ("d", c_double)]
class SU(Structure):
    _fields_ = [("u", UU)]
class BF(Structure):
    _fields_ = [("a", c_int, 3), ("b", c_int, 4)]
print(CFUNCTYPE(c_int, UU)(lambda u: u.i)(UU(7)), CFUNCTYPE(c_int, SU)(lambda s: s.u.i)(SU(UU(8))))
print(CFUNCTYPE(c_int, BF)(lambda b: b.a * 10 + b.b)(BF(3, 5)))
class PK(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_short)]
PKCB = CFUNCTYPE(c_int, PK)
print(PKCB(lambda p: p.b + p.c)(PK(b"x", 5, 6)))
