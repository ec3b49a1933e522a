# bytes % args and bytearray % args: every conversion, flags, and the errors.

class WithBytes:
    def __bytes__(self):
        return b"<wb>"

class BadBytes:
    def __bytes__(self):
        return "nope"

class Idx:
    def __index__(self):
        return 65
    def __repr__(self):
        return "Idx()"

class F:
    def __float__(self):
        return 2.5
    def __repr__(self):
        return "F()"

cases = [
    (b"%s", b"abc"), (b"%s", bytearray(b"ba")), (b"%s", memoryview(b"mv")), (b"%s", WithBytes()),
    (b"%s", BadBytes()), (b"%s", "str"), (b"%s", 5), (b"%b", b"x"), (b"%b", [1]),
    (b"%5s|%-5s|", (b"ab", b"cd")), (b"%.1s", b"xyz"), (b"%r", "h\xe9"), (b"%a", "h\xe9"),
    (b"%r", b"b"), (b"%a", [1, "\u20ac"]), (b"%c", 65), (b"%c", b"Z"), (b"%c", bytearray(b"Y")),
    (b"%c", 256), (b"%c", -1), (b"%c", b"ab"), (b"%c", "a"), (b"%c", Idx()), (b"%d", 42),
    (b"%i", -7), (b"%d", 2**70), (b"%d", 3.9), (b"%d", "1"), (b"%d", Idx()), (b"%05d", -42),
    (b"%+d", 5), (b"% d", 5), (b"%x", 255), (b"%X", 255), (b"%#x", 255), (b"%o", 8), (b"%#o", 8),
    (b"%x", 2.0), (b"%x", Idx()), (b"%e", 1234.5), (b"%E", 0.00012), (b"%f", 1.5), (b"%.2f", 2 / 3),
    (b"%g", 1e20), (b"%G", 1e-20), (b"%f", F()), (b"%f", "x"), (b"%10.3f|", 3.14159),
    (b"%-10d|", 3), (b"%%", ()), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")), (b"%(k)s", {b"k": b"v"}),
    (b"%(k)s", {"k": b"v"}), (b"%(a)d-%(b)x", {b"a": 1, b"b": 255}), (b"%*d", (5, 1)),
    (b"%.*f", (2, 1.0)), (b"%y", 1), (b"%", ()), (b"%(", {}), (b"abc", ()), (b"abc", 5),
    (b"abc", b"x"), (b"abc", {}), (b"%s", ()), (b"%u", 3), (b"%d %s", (1, b"x")),
    (b"\xff%s\x00", b"\x80"),
]
for fmt, args in cases:
    for t in (bytes, bytearray):
        try:
            r = t(fmt) % args
            print(t.__name__, fmt, repr(r))
        except Exception as e:
            print(t.__name__, fmt, type(e).__name__, e)

print(b"x" % (), b"%s" % (b"",), bytearray(b"%d") % 1)
try:
    print("%s" % b"x", "%r" % bytearray(b"y"))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(5 % b"x")
except Exception as e:
    print(type(e).__name__, e)
