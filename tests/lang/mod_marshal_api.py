# marshal: round trips of the basic types at every version, reading
# CPython-written data (with references), the errors. Only the bytes that
# do not depend on reference counts are printed (CPython flags objects
# with more than one reference).
import marshal


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


vals = [None, True, False, ..., StopIteration, 0, 1, -1, 2 ** 31 - 1, -2 ** 31, 2 ** 31,
        -2 ** 31 - 1, 2 ** 100, -(2 ** 200) + 5, 1.5, -0.0, float("inf"), 1e300, 2 + 3j, "",
        "abc", "\u00e9\u20ac\U0001f600", "a" * 300, "\u00e9" * 300, "\ud800", b"", b"xyz",
        b"\x00" * 70000, (), (1, 2), tuple(range(300)), [], [1, [2, [3]]], {},
        {1: 2, "a": [3]}, set(), {1, 2}, frozenset({3}), ({"k": (1.0, b"b")}, [frozenset()])]
for v in vals:
    for ver in (0, 1, 2, 3, 4):
        r = marshal.loads(marshal.dumps(v, ver))
        if r != v or type(r) is not type(v):
            print("MISMATCH", repr(v)[:50], ver, repr(r)[:50])
nan = marshal.loads(marshal.dumps(float("nan")))
print("roundtrips done", nan != nan, marshal.version)



def unflagged(b):
    # The type code without CPython's reference flag.
    return chr(b[0] & 0x7F), b[1:]


print(marshal.dumps(None), marshal.dumps(True), marshal.dumps(False), marshal.dumps(...))
print(marshal.dumps(StopIteration), unflagged(marshal.dumps(1.5)), unflagged(marshal.dumps(2 + 3j)))
print(unflagged(marshal.dumps(1.5, 1)), unflagged(marshal.dumps(0.1, 1)), marshal.dumps(1e300, 0))
print(marshal.dumps(float("nan"), 1), unflagged(marshal.dumps(2 + 3j, 1)))
print(unflagged(marshal.dumps(b"xyz")), marshal.dumps([None]), marshal.dumps({}))
print(marshal.dumps(set()), marshal.dumps(frozenset()))

cp = [b"\xda\x03abc", b"\xe9\x01\x00\x00\x00", b"\xa9\x02\xda\x01x\xda\x01yr\x01\x00\x00\x00",
      b"[\x02\x00\x00\x00r\x00\x00\x00\x00N", b"\xec\x03\x00\x00\x00\x00\x00\x00\x00\x00\x04",
      b"l\xfd\xff\xff\xff\x00\x00\x00\x00\x00\x04", b"t\x03\x00\x00\x00abc",
      b"u\x02\x00\x00\x00\xc3\xa9", b"f\x031.5", b"x\x012\x013", b"I\x00\x00\x00\x00\x01\x00\x00\x00",
      b"{i\x01\x00\x00\x00N0", b"<\x01\x00\x00\x00N", b">\x00\x00\x00\x00", b"Nextra"]
for d in cp:
    tr(d, lambda: marshal.loads(d))
lst = marshal.loads(b"\xdb\x01\x00\x00\x00r\x00\x00\x00\x00")
print(lst[0] is lst)

tr("empty", lambda: marshal.loads(b""))
tr("short int", lambda: marshal.loads(b"i\x01"))
tr("unknown code", lambda: marshal.loads(b"Q"))
tr("bad ref", lambda: marshal.loads(b"r\x05\x00\x00\x00"))
tr("null", lambda: marshal.loads(b"0"))
tr("negative size", lambda: marshal.loads(b"s\xff\xff\xff\xff"))
tr("short bytes", lambda: marshal.loads(b"s\x05\x00\x00\x00ab"))
tr("short tuple", lambda: marshal.loads(b")\x02N"))
tr("dict no end", lambda: marshal.loads(b"{NN"))
tr("loads str", lambda: marshal.loads("str"))
tr("loads()", lambda: marshal.loads())
tr("dumps object", lambda: marshal.dumps(object()))
tr("dumps function", lambda: marshal.dumps(print))
tr("dumps list of object", lambda: marshal.dumps([1, object()]))
tr("dumps version str", lambda: marshal.dumps(1, "x"))
tr("dumps 3 args", lambda: marshal.dumps(1, 2, 3))
tr("dumps()", lambda: marshal.dumps())
tr("dumps version kw", lambda: marshal.dumps(1, version=2))
tr("dump 1 arg", lambda: marshal.dump(1))
tr("load()", lambda: marshal.load())
tr("load(1)", lambda: marshal.load(1))
deep = []
for i in range(3000):
    deep = [deep]
tr("deep", lambda: marshal.dumps(deep))


class W:
    def __init__(self):
        self.data = []

    def write(self, b):
        self.data.append(b)


w = W()
print(marshal.dump((1, "a"), w), len(w.data), marshal.loads(w.data[0]))


class R:
    def __init__(self, data):
        self.data = data

    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
        chunk, self.data = self.data[:n], self.data[n:]
        return chunk


tr("load empty", lambda: marshal.load(R(b"")))
