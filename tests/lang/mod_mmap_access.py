# mmap: anonymous and file-backed maps in each access mode: reading, writing,
# seeking, finding, slicing, item assignment, iteration, resize, flush,
# madvise, the buffer protocol, subclasses and the errors CPython raises.
import mmap
import os
import tempfile


def show(f, *a, **k):
    try:
        return repr(f(*a, **k))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(sorted((n, getattr(mmap, n)) for n in dir(mmap) if n.isupper()))
print(mmap.error is OSError, mmap.mmap.__name__, mmap.mmap.__module__)

m = mmap.mmap(-1, 16)
print(repr(m), len(m), m[:], m.tell(), m.closed)
print(show(m.write, b"hello\nworld\n"), m.tell(), show(m.seek, 0), show(m.readline), show(m.readline))
print(show(m.read, 2), show(m.read_byte), show(m.read), show(m.read), show(m.read_byte))
print(show(m.seek, -4, 2), m.tell(), show(m.seek, 2, 1), show(m.seek, 1, 1), show(m.seek, -1),
      show(m.seek, 0, 3))
m.seek(0)
print(show(m.find, b"o"), show(m.find, b"o", 5), show(m.find, b"o", -12, -6), show(m.rfind, b"o"),
      show(m.rfind, b"l", 0, 4), show(m.find, b""), show(m.rfind, b""), show(m.find, b"zz"),
      show(m.find, bytearray(b"wor")), show(m.find, memoryview(b"ld")), show(m.find, "o"))
print(m[0], m[-1], m[3:8], m[::3], m[10:2:-2], m[100:], show(m.__getitem__, 16),
      show(m.__getitem__, -17), show(m.__getitem__, "x"), show(m.__getitem__, 2**70))
m[0] = 72
m[1:3] = b"EL"
m[5::5] = b"___"
print(m[:], list(m)[:4], b"H" in m, b"Z" in m)
for args in [(0, 256), (0, -1), (0, 1.5), (0, b"a"), ("x", 1), (99, 1), (slice(0, 2), b"abc"),
             (slice(0, 2), "ab"), (slice(0, 2), bytearray(b"ab"))]:
    print("setitem", args, show(m.__setitem__, *args))
print(show(m.__delitem__, 0), show(m.__delitem__, slice(0, 1)))
m.seek(14)
print(show(m.write, b"abc"), show(m.write, b"ab"), show(m.write_byte, 1), m.tell())
print(show(m.write_byte, 256), show(m.write_byte, -1), show(m.write_byte, "a"))
m.seek(0)
print(show(m.write_byte, 0x41), m[:2], show(m.move, 8, 0, 4), m[:], show(m.move, 0, 0, 17),
      show(m.move, -1, 0, 1))
print(show(m.flush), show(m.flush, 0, 17), show(m.flush, -1), show(m.madvise, mmap.MADV_NORMAL),
      show(m.madvise, mmap.MADV_NORMAL, 16), show(m.madvise, mmap.MADV_NORMAL, 0, -1),
      show(m.madvise, mmap.MADV_NORMAL, 4, 100))
print(show(m.size), show(m.resize, 32), len(m), m[12:20], show(m.resize, -1), show(m.resize, 8),
      m[:])
view = memoryview(m)
print(view.readonly, view.tobytes()[:3], show(m.close), show(m.resize, 4))
view[0] = 0x61
view.release()
print(m[:3])
with m as again:
    print(again is m, m.closed)
print(m.closed, repr(m), show(m.read), show(len, m), show(m.__getitem__, 0), show(m.close),
      show(m.__enter__), show(m.tell), show(m.find, b"a"), show(memoryview, m))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data")
    with open(path, "wb") as f:
        f.write(b"0123456789" * 500)
    with open(path, "r+b") as f:
        fm = mmap.mmap(f.fileno(), 0)
        print(len(fm), fm.size(), fm[:12], fm[-3:], fm.find(b"9012", 100))
        fm[0:4] = b"abcd"
        fm.flush()
        fm.resize(6000)
        print(len(fm), fm.size(), os.path.getsize(path), fm[4998:5002])
        fm.close()
        with open(path, "rb") as g:
            print(g.read(6))
        ro = mmap.mmap(f.fileno(), 20, access=mmap.ACCESS_READ)
        print(repr(ro), ro[:5], show(ro.write, b"x"), show(ro.__setitem__, 0, 1),
              show(ro.resize, 4), show(ro.move, 0, 0, 0), show(ro.write_byte, 1), show(ro.flush))
        mv = memoryview(ro)
        print(mv.readonly)
        mv.release()
        ro.close()
        cp = mmap.mmap(f.fileno(), 10, access=mmap.ACCESS_COPY)
        cp[0:3] = b"XYZ"
        print(cp[:5], show(cp.flush), show(cp.resize, 5))
        cp.close()
        with open(path, "rb") as g:
            print(g.read(5))
        off = mmap.mmap(f.fileno(), 10, offset=mmap.ALLOCATIONGRANULARITY)
        print(repr(off), off[:])
        off.close()
        print(show(mmap.mmap, f.fileno(), 10 ** 6), show(mmap.mmap, f.fileno(), 0, offset=10 ** 6),
              show(mmap.mmap, f.fileno(), 10, offset=3))
    with open(os.path.join(d, "empty"), "wb+") as e:
        print(show(mmap.mmap, e.fileno(), 0))

for args, kw in [((-1, -1), {}), ((-1, 10), {"offset": -1}), ((-1, 10), {"access": 5}),
                 ((-1, 10), {"flags": mmap.MAP_PRIVATE, "access": mmap.ACCESS_READ}),
                 ((-1, 0), {}), (("a", 0), {}), ((-1,), {}), ((), {}), ((-1, 10), {"foo": 1}),
                 ((-1, 10), {"fileno": -1}), ((-1, 10, 1, 3, 0, 0, 7), {}), ((-1, 2**70), {}),
                 ((2**40, 10), {}), ((-1, 10), {"prot": mmap.PROT_READ}),
                 ((-1, 10), {"flags": mmap.MAP_PRIVATE})]:
    r = show(mmap.mmap, *args, **kw)
    print(args, kw, r if "mmap.mmap" not in r else r[:60])


class Sub(mmap.mmap):
    pass


s = Sub(-1, 3)
s.tag = "t"
print(type(s).__name__, s.tag, len(s), repr(s)[:12])
import weakref
w = weakref.ref(s)
print(w() is s)
