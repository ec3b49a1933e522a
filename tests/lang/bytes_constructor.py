# bytes() and bytearray() from every kind of source, with every error message.

class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n

class BadIdx:
    def __index__(self):
        raise TypeError("no index here")

class BadIdx2:
    def __index__(self):
        raise ValueError("broken index")

class WithBytes:
    def __bytes__(self):
        return b"from __bytes__"

class BytesWrong:
    def __bytes__(self):
        return "not bytes"

class BytesAndIndex:
    def __bytes__(self):
        return b"bytes wins"
    def __index__(self):
        return 3

class Seq:
    def __getitem__(self, i):
        if i < 4:
            return i * 10
        raise IndexError

def gen():
    yield 104
    yield 105

class BadIter:
    def __iter__(self):
        raise ValueError("iter broke")

sources = [
    (), (0,), (5,), (True,), (Idx(3),), (-1,), (Idx(-2),), (2**64,), (-2**64,),
    ([],), ([1, 2, 255],), ((72, 105),), (range(5),), ({7},), (gen(),), (Seq(),),
    (iter([65, 66]),), ([256],), ([-1],), ([2**70],), (["a"],), ([1.0],), ([Idx(66)],),
    (b"abc",), (bytearray(b"xyz"),), (memoryview(b"mv"),), (memoryview(b"abcdef")[::2],),
    ("text",), ("text", "utf-8"), ("h\xe9", "latin-1"), ("h\xe9", "ascii"),
    ("h\xe9", "ascii", "replace"), ("h\xe9", "ascii", "ignore"), ("x", "nope"),
    (1, "utf-8"), (b"x", "utf-8"), ("x", None), ("x", "utf-8", 5), (1, None, None),
    (None,), (1.5,), (object(),), (WithBytes(),), (BytesWrong(),), (BytesAndIndex(),),
    (BadIdx(),), (BadIdx2(),), (BadIter(),), ({"a": 1},), ({1: 2, 3: 4},),
]
kw_sources = [
    {"source": b"kw"}, {"encoding": "utf-8"}, {"errors": "strict"},
    {"source": "s", "encoding": "utf-8"}, {"source": "s", "errors": "strict"},
    {"source": 1, "errors": "strict"}, {"object": b"x"}, {"string": "x"},
]

for t in (bytes, bytearray):
    for args in sources:
        try:
            r = t(*args)
            print(t.__name__, len(args), repr(r), type(r).__name__)
        except Exception as e:
            print(t.__name__, len(args), "->", type(e).__name__, e)
    for kw in kw_sources:
        try:
            print(t.__name__, sorted(kw), repr(t(**kw)))
        except Exception as e:
            print(t.__name__, sorted(kw), "->", type(e).__name__, e)
    try:
        t(b"a", "utf-8", "strict", 4)
    except Exception as e:
        print(type(e).__name__, e)

# bytearray.__init__ can be called again and refills
ba = bytearray(b"hello")
ba.__init__(b"xy")
print(ba)
ba.__init__()
print(ba)
ba.__init__(3)
print(ba)

# fromhex and hex
for s in ["", "00", "0a0B ff", " 1f 2e ", "a", "zz", "0 1", "01\x00", "12 \t\n34", "\u00e9", "1\u00e9"]:
    for t in (bytes, bytearray):
        try:
            print(t.__name__, repr(s), t.fromhex(s))
        except Exception as e:
            print(t.__name__, repr(s), type(e).__name__, e)
for bad in [b"aa", 12, None]:
    try:
        bytes.fromhex(bad)
    except Exception as e:
        print(type(e).__name__, e)

data = bytes(range(250, 256)) + b"abcdefg"
for args in [(), (":",), (b"-",), (":", 1), (":", 2), (":", -2), (":", 3), (":", -4), (":", 0),
             (":", 100), ("",), ("ab",), (1,), ("\xe9",), (b"\xe9",), (":", "x"), (":", 2**40),
             (":", 2**70), (":", True)]:
    for v in (data, bytearray(data), memoryview(data), b""):
        try:
            print(args, v.hex(*args))
        except Exception as e:
            print(args, type(e).__name__, e)
print(data.hex(sep=":", bytes_per_sep=3), data.hex(bytes_per_sep=3))

class MyBytes(bytes):
    pass

class MyBA(bytearray):
    pass

for cls in (MyBytes, MyBA):
    x = cls.fromhex("4142")
    print(type(x).__name__, x)
    y = cls(b"abc")
    print(type(y).__name__, y, y == b"abc", len(y), y[0], y[1:])
    print(type(cls(3)).__name__, cls(3), cls([1, 2]))
