# Classes derived from bytes and bytearray: construction, __new__/__init__
# overrides, attributes, __slots__, what methods and operators return.

class Twice(bytes):
    def __new__(cls, data=b""):
        return super().__new__(cls, bytes(data) * 2)
    def first(self):
        return self[:len(self) // 2]

t = Twice(b"ab")
print(repr(t), type(t).__name__, t.first(), type(t.first()).__name__, len(t), t.upper(), t == b"abab")

class Tagged(bytes):
    pass

x = Tagged(b"data")
x.tag = "T"
print(x, x.tag, vars(x), isinstance(x, bytes), type(x) is Tagged, hash(x) == hash(b"data"))
print(type(bytes(x)).__name__, type(x + b"!").__name__, type(x * 2).__name__, type(x[1:]).__name__,
      type(x.replace(b"a", b"o")).__name__, type(b"".join([x])).__name__, x.__getnewargs__())
print(Tagged(3), Tagged([65, 66]), Tagged("s", "ascii"), Tagged(memoryview(b"mv")))
print(Tagged.fromhex("4142"), type(Tagged.fromhex("4142")).__name__)

class WithInit(bytearray):
    def __init__(self, *args, label="?"):
        super().__init__(*args)
        self.label = label

w = WithInit(b"xyz", label="L")
w.append(33)
print(w, w.label, len(w), type(w).__name__, repr(w), str(w), w == b"xyz!")
w2 = WithInit(5)
print(w2, w2.label)
print(type(w + b"a").__name__, type(w * 2).__name__, type(w[:1]).__name__, type(w.copy()).__name__,
      type(WithInit.fromhex("00")).__name__)
w += b"++"
print(w, type(w).__name__, w.label)

class Slotted(bytes):
    __slots__ = ()

s = Slotted(b"q")
try:
    s.attr = 1
except AttributeError as e:
    print("AttributeError", e)
for bases in [(bytes,), (bytearray,)]:
    try:
        type("Bad", bases, {"__slots__": ("a",)})
        print(bases[0].__name__, "slots ok")
    except TypeError as e:
        print("TypeError", e)
try:
    class Both(bytes, bytearray):
        pass
except TypeError as e:
    print("TypeError", e)

class Rich(bytes):
    def __eq__(self, other):
        return "custom eq"
    __hash__ = bytes.__hash__
    def __len__(self):
        return 99
    def __iter__(self):
        return iter([1, 2])

r = Rich(b"abc")
print(r == b"abc", len(r), list(r), bytes(r), r.decode(), r[0], b"abc" in {r: 1})

class BytesLike:
    def __bytes__(self):
        return Tagged(b"sub")

print(bytes(BytesLike()), type(bytes(BytesLike())).__name__, Tagged(BytesLike()), type(Tagged(BytesLike())).__name__)

class IntLike(int):
    pass

print(bytes(IntLike(3)), bytearray(IntLike(2)), bytes([IntLike(65)]))
print(issubclass(Tagged, bytes), issubclass(WithInit, bytearray), issubclass(WithInit, bytes),
      Tagged.__mro__[1:], WithInit.__mro__[1:])

# an exact bytes returned unchanged is the object itself, as in CPython
b = b"hello world"
print(b.replace(b"z", b"y") is b, b.replace(b"l", b"l") is b, b.replace(b"l", b"L", 0) is b, b.strip() is b, b.center(3) is b,
      b.translate(None) is b, b.zfill(2) is b, b.ljust(5) is b, b.removeprefix(b"x") is b, b[:] is b, (b + b"") is b, (b * 1) is b)
