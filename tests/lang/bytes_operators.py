# bytes and bytearray operators: indexing, slicing, in, comparisons, +, *, %,
# iteration, hash, repr and str, isinstance relations.

class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
    def __repr__(self):
        return f"Idx({self.n})"

def lbl(x):
    return "memoryview" if isinstance(x, memoryview) else repr(x)

def attempt(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for t in (bytes, bytearray):
    v = t(b"abcdefgh")
    name = t.__name__
    for key in [0, 7, -1, -8, 8, -9, Idx(2), True, 2**70, -2**70, "x", 1.0, None,
                slice(None), slice(2, 5), slice(None, None, -1), slice(1, None, 3), slice(-3, 100),
                slice(5, 2), slice(2**70, None), slice(None, None, 2**70), slice(None, None, 0),
                slice(Idx(1), Idx(4))]:
        attempt(f"{name}[{key!r}]", lambda: v[key])
    for item in [97, 0, 255, 256, -1, b"cd", b"", b"ce", bytearray(b"gh"), memoryview(b"ab"),
                 "a", 1.5, None, Idx(98), True, 2**70]:
        attempt(f"{lbl(item)} in {name}", lambda: item in v)
    for other in [b"abc", b"abcdefgh", b"abcdefgz", b"b", bytearray(b"abcdefgh"), bytearray(b"a"),
                  memoryview(b"abcdefgh"), "abcdefgh", 5, [97], None]:
        attempt(f"{name} == {lbl(other)}", lambda: (v == other, v != other))
        attempt(f"{name} < {lbl(other)}", lambda: (v < other, v <= other, v > other, v >= other))
    for other in [b"!", bytearray(b"?"), memoryview(b"mv"), b"", "s", 1, [1], None]:
        attempt(f"{name} + {lbl(other)}", lambda: v + other)
        attempt(f"{lbl(other)} + {name}", lambda: other + v)
    for n in [0, 1, 3, -1, True, Idx(2), 2**70, -2**70, 1.5, "2", None]:
        attempt(f"{name} * {n!r}", lambda: v * n)
        attempt(f"{n!r} * {name}", lambda: n * v)
    print(name, list(v), list(iter(t())), len(v), bool(v), bool(t()))
    it = iter(v)
    print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
    attempt(f"hash({name})", lambda: hash(v) == hash(b"abcdefgh"))
    print(str(v), repr(v), f"{v}", "%s" % v, "%r" % (v,))

print(hash(b"") , hash(b"abc") == hash(b"abc"), hash(b"abc") == hash("abc"))

for s in [b"", b"'", b'"', b"'\"", b"\\", b"\t\n\r\x00\x7f\x80\xff", bytes(range(32)),
          b"it's", b'say "hi"', b"both ' and \"", bytes(range(120, 135))]:
    print(repr(s), repr(bytearray(s)), ascii(s), str(bytearray(s)))

print(isinstance(b"", bytes), isinstance(bytearray(), bytes), isinstance(b"", bytearray),
      issubclass(bytearray, bytes), issubclass(bool, bytes), type(bytearray()).__mro__,
      bytes.__mro__, memoryview.__mro__)

class B(bytes):
    def __repr__(self):
        return "B!" + bytes.__repr__(self)
class BA(bytearray):
    pass

b = B(b"xyz")
ba = BA(b"xyz")
print(repr(b), str(b), repr(ba), str(ba), isinstance(b, bytes), isinstance(ba, bytearray))
print(b + b"!", type(b + b"!").__name__, ba + b"!", type(ba + b"!").__name__, type(b[1:]).__name__,
      type(ba[1:]).__name__, b == b"xyz", ba == b"xyz", hash(b) == hash(b"xyz"))
b.attr = 5
ba.attr = 6
print(b.attr, ba.attr, sorted(vars(ba)), bytes(b), bytes(ba), bytearray(b), type(bytes(b)).__name__)

# __bytes__ and __getnewargs__
print(b"abc".__bytes__(), B(b"q").__bytes__(), type(B(b"q").__bytes__()).__name__, b"ab".__getnewargs__())

# in-place operators
x = bytearray(b"ab")
y = x
x += b"cd"
x += bytearray(b"ef")
x += memoryview(b"gh")
print(x, y is x)
x *= 2
print(x, y is x)
x *= 0
print(x, y is x)
z = b"ab"
z += b"cd"
z *= 2
print(z)
for bad in ["x += 'str'", "x += 5", "x *= 'a'", "x *= 2.0", "x *= 2**70"]:
    try:
        exec(bad)
        print(bad, x)
    except Exception as e:
        print(bad, type(e).__name__, e)

# sorting and min/max use the comparisons
print(sorted([b"b", b"a", b"ab", b""]), sorted([bytearray(b"z"), b"y", bytearray(b"")]))
print(max(b"hello"), min(bytearray(b"hello")), sum(b"\x01\x02"), sorted(b"cab"))
print(dict.fromkeys([b"a", b"a", b"b"]), {b"k": 1}[b"k"], b"a" in {b"a"})

# iterator pickling state
for t in (bytes, bytearray):
    it = iter(t(b'abc'))
    print(it.__reduce__()[1:])
    next(it)
    print(it.__reduce__()[1:], it.__length_hint__())
    it.__setstate__(2); print(list(it), it.__reduce__()[1:])
    it = iter(t(b'abcd')); it.__setstate__(-5); print(next(it)); it.__setstate__(100); print(list(it))
    it = iter(t(b'ab'))
    for bad in ["x", 2**70, 1.0]:
        try: it.__setstate__(bad)
        except Exception as e: print(type(e).__name__, e)
    print(it.__reduce__()[0] is iter)

# the attribute sets of the types
for t in (bytes, bytearray, memoryview, type(iter(b"")), type(iter(bytearray())), type(iter(memoryview(b"")))):
    print(t.__name__, len(dir(t)), dir(t))
