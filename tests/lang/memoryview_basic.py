# memoryview: creation, attributes, items, slices (views), cast, tolist,
# tobytes, hex, comparisons, hash, release and the context manager.

def attempt(label, f):
    try:
        r = f()
        if isinstance(r, memoryview):
            r = ("memoryview", r.tolist())
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

def attrs(m):
    return (m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.readonly, m.suboffsets,
            m.c_contiguous, m.f_contiguous, m.contiguous, len(m) if m.ndim else None)

for src in [b"abcdef", bytearray(b"abcdef"), b"", bytearray()]:
    m = memoryview(src)
    print(type(src).__name__, attrs(m), m.obj is src, m.tobytes(), m.tolist(), m.hex(), list(m))

for bad in [1, "str", None, [1], 1.5]:
    attempt(f"memoryview({bad!r})", lambda: memoryview(bad))
attempt("memoryview()", lambda: memoryview())
attempt("memoryview(object=b'kw')", lambda: memoryview(object=b"kw"))

ro = memoryview(b"abcdefgh")
rw = memoryview(bytearray(b"abcdefgh"))
for key in [0, -1, 7, 8, -9, "x", 1.5, slice(1, 3), slice(None, None, -1), slice(None, None, 3),
            slice(5, 2), ..., (), (0,), (-1,), (9,), (0, 0), (slice(1),), ("x",), True]:
    attempt(f"ro[{key!r}]", lambda: ro[key])

attempt("ro[0] = 1", lambda: ro.__setitem__(0, 1))
for key, val in [(0, 65), (-1, 66), (8, 1), (0, 256), (0, -1), (0, b"x"), (0, "x"), (0, 1.0),
                 (slice(0, 2), b"XY"), (slice(0, 2), b"X"), (slice(0, 2), bytearray(b"QR")),
                 (slice(None, None, 2), b"1234"), (slice(0, 2), 5), (slice(0, 2), memoryview(b"mv")),
                 ("k", 1)]:
    def setit():
        rw[key] = val
        return rw.tobytes()
    vr = "memoryview" if isinstance(val, memoryview) else repr(val)
    attempt(f"rw[{key!r}] = {vr}"[:50], setit)
attempt("del rw[0]", lambda: rw.__delitem__(0))

# slices are views on the same memory
base = bytearray(b"0123456789")
v = memoryview(base)
s = v[2:8:2]
print(attrs(s), s.tobytes(), s.tolist(), s.obj is base, bytes(s), bytearray(s), s.hex(":"))
s[0] = ord("X")
base[4] = ord("Y")
print(base, s.tobytes(), v[::-1].tobytes(), v[::-1].strides, v[-3:].tolist())
attempt("cast strided", lambda: s.cast("B"))
attempt("join strided", lambda: b"".join([v[:2], s]))
attempt("concat strided", lambda: b"-" + s)
attempt("bytearray concat strided", lambda: bytearray(b"-") + s)
attempt("in strided", lambda: s in b"abc")
attempt("split strided", lambda: b"abc".split(s))
print(b"".join([v[:2], v[3:4]]), b"-" + v[:3], bytes(v[::3]), list(v[::-2]))

# cast
raw = bytearray(range(16))
m = memoryview(raw)
for fmt in ["B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "?", "@i", "P"]:
    try:
        c = m.cast(fmt)
        vals = c.tolist()
        if fmt in ("f", "d"):
            vals = [repr(x) for x in vals]
        print(fmt, attrs(c), vals[:4], c[0] == vals[0] or fmt in ("f", "d"), c.cast("B").tobytes() == bytes(raw))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for args in [("x",), ("<i",), ("ii",), ("h", [8]), ("h", [4]), ("h", (8,)), ("B", []), ("h", [0]),
             ("h", "8"), (1,), ()]:
    attempt(f"cast{args!r}", lambda: m.cast(*args))
attempt("h->i", lambda: m.cast("h").cast("i"))
attempt("odd", lambda: memoryview(b"abc").cast("h"))
z = memoryview(b"\x07").cast("B", [])
print(z.ndim, z.shape, z.strides, z.tolist(), z[()], z[...] is z)
attempt("len 0-dim", lambda: len(z))
attempt("z[0]", lambda: z[0])

# writing through typed views
w = memoryview(bytearray(8))
ih = w.cast("h")
ih[0] = -2
ih[1] = 32767
attempt("h overflow", lambda: ih.__setitem__(2, 32768))
attempt("h type", lambda: ih.__setitem__(2, "1"))
iq = w.cast("Q")
print(w.tobytes(), ih.tolist())
iq[0] = 2**64 - 1
print(iq.tolist(), ih.tolist())
attempt("Q neg", lambda: iq.__setitem__(0, -1))
attempt("Q big", lambda: iq.__setitem__(0, 2**64))
fd = w.cast("d")
fd[0] = 1.5
print(fd.tolist(), fd[0])
fd[0] = 3
print(fd[0])
attempt("d str", lambda: fd.__setitem__(0, "x"))
ff = w.cast("f")
ff[1] = 0.1
print(repr(ff[1]))
bo = w.cast("?")
bo[0] = 3
bo[1] = []
print(bo.tolist()[:2])
cc = w.cast("c")
cc[0] = b"z"
print(cc[0], cc.tolist()[:2])
attempt("c int", lambda: cc.__setitem__(0, 3))

# comparisons
a = memoryview(b"abc")
print(a == b"abc", a == bytearray(b"abc"), a == memoryview(b"abc"), b"abc" == a, a != b"abd",
      a == "abc", a == [97, 98, 99], a == a, a[::2] == b"ac")
attempt("a < a", lambda: a < a)
h1 = memoryview(b"\x01\x00\x02\x00").cast("h")
print(h1 == memoryview(b"\x01\x00\x02\x00"), h1 == h1.cast("B").cast("h"), h1.tolist())
print(memoryview(b"\x01\x02").cast("b") == memoryview(b"\x01\x02"))

# hash
print(hash(memoryview(b"abc")) == hash(b"abc"), hash(memoryview(b"xabcx")[1:4]) == hash(b"abc"))
attempt("hash rw", lambda: hash(memoryview(bytearray(b"x"))))
attempt("hash h", lambda: hash(memoryview(b"ab").cast("h")))
attempt("hash ro of rw", lambda: hash(memoryview(bytearray(b"x")).toreadonly()))
t = memoryview(bytearray(b"xyz")).toreadonly()
print(t.readonly, t.tobytes())
attempt("setitem ro", lambda: t.__setitem__(0, 1))

# release and the context manager
r = memoryview(b"data")
r.release()
r.release()
for label, op in [("len", lambda: len(r)), ("[0]", lambda: r[0]), ("tobytes", lambda: r.tobytes()),
                  ("tolist", lambda: r.tolist()), ("format", lambda: r.format), ("obj", lambda: r.obj),
                  ("nbytes", lambda: r.nbytes), ("cast", lambda: r.cast("B")), ("bytes", lambda: bytes(r)),
("enter", lambda: r.__enter__()), ("hex", lambda: r.hex()),
                  ("eq self", lambda: r == r), ("eq other", lambda: r == b"data"),
                  ("memoryview()", lambda: memoryview(r)), ("concat", lambda: b"x" + r)]:
    attempt(f"released {label}", op)
with memoryview(bytearray(b"ctx")) as cm:
    print(cm.tobytes(), cm.readonly)
attempt("after with", lambda: cm.tobytes())
print(cm.__exit__(None, None, None))
it = iter(memoryview(b"it"))
print(next(it), next(it), list(it))
print(memoryview(b"ab").tobytes(order="C"), memoryview(b"ab").tobytes(None))
attempt("tobytes bad order", lambda: memoryview(b"ab").tobytes("X"))
print(memoryview(bytes(range(10))).hex(":", 3), memoryview(b"").hex())
mm = memoryview(memoryview(b"nested"))
print(mm.obj, mm.tobytes())
print(type(memoryview(b"x")).__name__, isinstance(memoryview(b"x"), memoryview))
try:
    class Sub(memoryview):
        pass
except TypeError as e:
    print("TypeError", e)
