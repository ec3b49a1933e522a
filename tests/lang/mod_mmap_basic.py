# mmap.mmap over a temporary file and anonymous memory: reading, writing,
# seeking, slicing, find/rfind, the buffer protocol, resize, errors.
import mmap
import os
import sys
import tempfile


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


fd, path = tempfile.mkstemp()
try:
    os.write(fd, b"hello world\nsecond line\nthird\n")
    m = mmap.mmap(fd, 0)
    print(len(m), m.size(), m.tell(), m.closed)
    print(m[:5], m[0], m[-1], m[::7], m[3:1])
    print(m.readline(), m.tell(), m.read(6), m.read_byte())
    print(m.find(b"line"), m.find(b"line", 20), m.rfind(b"l"), m.find(b"zz"), m.rfind(b"o", 0, 5))
    m.seek(0)
    print(m.write(b"HELLO"), m.tell())
    m[6] = ord("W")
    m[7:9] = b"OR"
    m.seek(-6, 2)
    print(m.read(), m.read(), m.read(None))
    m.flush()
    with open(path, "rb") as f:
        print(f.read())
    mv = memoryview(m)
    print(mv[:3].tobytes(), mv.readonly, len(mv))
    attempt("close with a view", m.close)
    mv.release()
    m.move(0, 6, 5)
    print(m[:11])
    m.resize(40)
    print(len(m), m.size(), m[-10:])
    attempt("index", lambda: m[100])
    attempt("value", lambda: m.__setitem__(0, 256))
    attempt("type", lambda: m.__setitem__(0, b"x"))
    attempt("slice size", lambda: m.__setitem__(slice(0, 2), b"abc"))
    attempt("delete", lambda: m.__delitem__(0))
    attempt("seek", lambda: m.seek(1000))
    attempt("seek how", lambda: m.seek(0, 3))
    m.seek(40)
    attempt("write past", lambda: m.write(b"x"))
    attempt("read_byte past", m.read_byte)
    attempt("write_byte past", lambda: m.write_byte(1))
    print(m.read(), m.readline())
    m.close()
    print(m.closed)
    attempt("closed read", m.read)
    attempt("closed len", lambda: len(m))
    m.close()

    with mmap.mmap(fd, 5, access=mmap.ACCESS_READ) as r:
        print(r[:], r.read(2))
        attempt("readonly write", lambda: r.write(b"x"))
        attempt("readonly setitem", lambda: r.__setitem__(0, 1))
        attempt("readonly resize", lambda: r.resize(3))
        print(memoryview(r).readonly)
    print(r.closed)
    with mmap.mmap(fd, 0, access=mmap.ACCESS_COPY) as c:
        c[0] = ord("j")
        print(c[:5])
    with open(path, "rb") as f:
        print(f.read(5))
    attempt("too long", lambda: mmap.mmap(fd, 1000))
    attempt("negative", lambda: mmap.mmap(fd, -1))
    attempt("neg offset", lambda: mmap.mmap(fd, 0, offset=-1))
    attempt("both", lambda: mmap.mmap(fd, 0, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
    attempt("bad access", lambda: mmap.mmap(fd, 0, access=7))
    attempt("offset", lambda: mmap.mmap(fd, 0, offset=mmap.ALLOCATIONGRANULARITY))
finally:
    os.close(fd)
    os.unlink(path)

fd, path = tempfile.mkstemp()
try:
    attempt("empty", lambda: mmap.mmap(fd, 0))
finally:
    os.close(fd)
    os.unlink(path)

a = mmap.mmap(-1, 16)
print(a[:], len(a))
attempt("anonymous size", a.size)
a.write(b"anonymous")
a.seek(0)
print(a.readline(), bytes(a)[:9])
a.resize(4)
print(a[:])
for args in [(mmap.MADV_NORMAL, 4), (mmap.MADV_NORMAL, -1), (mmap.MADV_NORMAL, 0, -1),
             (mmap.MADV_NORMAL, 1, sys.maxsize), (mmap.MADV_NORMAL,), (mmap.MADV_NORMAL, 0, 100)]:
    attempt("madvise %s" % (args,), lambda: a.madvise(*args))
a.close()
print(mmap.error is OSError, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
