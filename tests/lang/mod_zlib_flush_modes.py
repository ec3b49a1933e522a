# zlib: every flush mode, flushing a finished stream, wbits auto-detection, strided buffers.
import zlib
data = bytes(range(256)) * 300
for mode in (zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_TREES, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH, 99):
    co = zlib.compressobj(6)
    a = co.compress(data)
    try:
        b = co.flush(mode)
        print(mode, len(a), len(b))
    except Exception as e:
        print(mode, type(e).__name__, e)
co = zlib.compressobj()
co.compress(b"x")
print(co.flush(), co.flush(zlib.Z_NO_FLUSH))
try:
    co.flush()
except zlib.error as e:
    print(e)
c = zlib.compress(data)
for w in (0, 8, 9, 15, 32, 47, -8, -15):
    try:
        print(w, zlib.decompress(c, w) == data)
    except Exception as e:
        print(w, type(e).__name__, e)
d = zlib.decompressobj(wbits=0)
print(d.decompress(c[:3]), d.eof, len(d.decompress(c[3:])), d.eof)
d = zlib.decompressobj()
print(len(d.decompress(c, 1)), len(d.unconsumed_tail), len(d.decompress(d.unconsumed_tail, 100000)), d.eof, d.unconsumed_tail)
d = zlib.decompressobj()
x = d.decompress(c + c, 0)
print(len(x), len(d.unused_data), d.eof, d.unused_data == c)
print(len(d.flush()), d.eof)
print(zlib.crc32(memoryview(b"abcdef")[::2].tobytes()))
try:
    zlib.crc32(memoryview(b"abcdef")[::2])
except Exception as e:
    print(type(e).__name__, e)
print(zlib.compress(b"a" * 1000, -1)[:6], zlib.compress(bytearray(b"abc")))
