# zlib: one-shot compress/decompress, checksums, constants, errors.
import zlib

data = b"".join(b"line %d of some repetitive text\n" % i for i in range(2000))
for level in (-1, 0, 1, 5, 9):
    c = zlib.compress(data, level)
    print("level", level, len(c), zlib.decompress(c) == data)
print(zlib.compress(b"") , zlib.decompress(zlib.compress(b"")))
print(zlib.compress(b"abc", level=9, wbits=-9))
for wbits in (-15, -9, 9, 15, 16 + 15, 25):
    try:
        c = zlib.compress(data, 6, wbits)
        print("wbits", wbits, len(c), c[:2].hex(), zlib.decompress(c, wbits) == data)
    except Exception as e:
        print("wbits", wbits, type(e).__name__, e)
gz = zlib.compress(data, wbits=31)
print(zlib.decompress(gz, 47) == data, zlib.decompress(zlib.compress(data), 32 + 15) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(zlib.compress(data), 15, 0) == data)
print(zlib.decompress(bytearray(zlib.compress(b"xyz"))), zlib.decompress(memoryview(zlib.compress(b"xyz"))))

# checksums
for s in (b"", b"a", b"hello world", data):
    print(zlib.crc32(s), zlib.adler32(s), zlib.crc32(s, 12345), zlib.adler32(s, 12345))
print(zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**40 + 7), zlib.adler32(b"abc", 0xFFFFFFFF))
print(zlib.crc32(b"def", zlib.crc32(b"abc")) == zlib.crc32(b"abcdef"))
print(zlib.adler32(b"def", zlib.adler32(b"abc")) == zlib.adler32(b"abcdef"))

# constants
for name in sorted(n for n in dir(zlib) if n.isupper()):
    v = getattr(zlib, name)
    print(name, v if name != "ZLIB_RUNTIME_VERSION" else type(v).__name__)
print(zlib.__version__, issubclass(zlib.error, Exception), zlib.error.__module__, zlib.error.__name__)

# errors
good = zlib.compress(data)
cases = [
    lambda: zlib.decompress(b"garbage data here"),
    lambda: zlib.decompress(good[:-4]),
    lambda: zlib.decompress(good[:10]),
    lambda: zlib.decompress(b""),
    lambda: zlib.decompress(good, -15),
    lambda: zlib.decompress(good, 99),
    lambda: zlib.decompress(good, 15, -1),
    lambda: zlib.compress(data, 10),
    lambda: zlib.compress(data, -2),
    lambda: zlib.compress(data, 6, 99),
    lambda: zlib.compress("text"),
    lambda: zlib.compress(data, 1.5),
    lambda: zlib.compress(data, 2**40),
    lambda: zlib.compress(),
    lambda: zlib.compress(data, levle=3),
    lambda: zlib.crc32("x"),
    lambda: zlib.crc32(b"x", 1.0),
    lambda: zlib.crc32(b"x", 1, 2),
    lambda: zlib.adler32(),
    lambda: zlib.crc32(b"x", value=1),
    lambda: zlib.decompress(zlib.compress(b"x", wbits=-15)),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(zlib.decompress(good + b"trailing") == data)
