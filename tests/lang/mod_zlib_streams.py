# zlib: compressobj/decompressobj streaming, max_length, unused data, zdict, copy.
import copy
import zlib

data = b"".join(b"record %05d: %s\n" % (i, b"xyz" * (i % 7)) for i in range(3000))

# compressobj with every parameter, fed in pieces, with the flush modes
for kw in ({}, {"level": 1}, {"level": 9, "memLevel": 9}, {"wbits": -12},
           {"wbits": 31}, {"strategy": zlib.Z_FILTERED}, {"strategy": zlib.Z_HUFFMAN_ONLY},
           {"strategy": zlib.Z_RLE}, {"strategy": zlib.Z_FIXED}):
    co = zlib.compressobj(**kw)
    parts = []
    for i in range(0, len(data), 7000):
        parts.append(co.compress(data[i:i + 7000]))
        if i == 14000:
            parts.append(co.flush(zlib.Z_SYNC_FLUSH))
        if i == 21000:
            parts.append(co.flush(zlib.Z_FULL_FLUSH))
    parts.append(co.flush())
    out = b"".join(parts)
    wbits = kw.get("wbits", 15)
    print(kw, len(out), zlib.decompress(out, wbits) == data)

co = zlib.compressobj()
print(co.flush(zlib.Z_NO_FLUSH), len(co.compress(b"abc")), co.flush()[-4:].hex())
for f in (lambda: co.compress(b"more"), lambda: co.flush(), lambda: co.copy()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# positional arguments and errors of compressobj
print(len(zlib.compressobj(9, zlib.DEFLATED, 15, 9, 0).compress(data)))
for kw in ({"level": 10}, {"method": 7}, {"wbits": 30}, {"memLevel": 10}, {"strategy": 9},
           {"zdict": "str"}, {"zdict": 5}, {"levell": 1}):
    try:
        zlib.compressobj(**kw)
        print(kw, "ok")
    except Exception as e:
        print(kw, type(e).__name__, e)

# decompressobj, byte by byte and with max_length
comp = zlib.compress(data)
do = zlib.decompressobj()
out = b"".join(do.decompress(comp[i:i + 1]) for i in range(len(comp)))
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)

do = zlib.decompressobj()
chunks = []
buf = comp
while buf:
    chunk = do.decompress(buf, 1000)
    chunks.append(len(chunk))
    buf = do.unconsumed_tail
print(len(chunks), max(chunks), sum(chunks) == len(data), do.eof)
rest = do.flush()
print(len(rest), do.eof)

do = zlib.decompressobj()
part = do.decompress(comp, 10)
print(part, len(do.unconsumed_tail), do.eof)
print(len(do.flush()), do.unconsumed_tail, do.eof)
try:
    print(do.copy())
except Exception as e:
    print(type(e).__name__, e)

# data after the end of the stream
do = zlib.decompressobj()
print(do.decompress(comp + b"TRAILER") == data, do.unused_data, do.eof)
print(do.decompress(b"more"), do.unused_data)

do = zlib.decompressobj()
half = len(comp) // 2
a = do.decompress(comp[:half])
cp = do.copy()
b1 = do.decompress(comp[half:])
b2 = cp.decompress(comp[half:])
print(a + b1 == data, b1 == b2, cp.eof, copy.copy(zlib.compressobj()).flush()[:2].hex())
print(type(copy.deepcopy(zlib.decompressobj())).__name__)

# errors
for f in (lambda: zlib.decompressobj().decompress(b"not zlib data!"),
          lambda: zlib.decompressobj().decompress(comp, -1),
          lambda: zlib.decompressobj().flush(0),
          lambda: zlib.decompressobj().flush(-5),
          lambda: zlib.decompressobj(99),
          lambda: zlib.decompressobj(zdict=3),
          lambda: zlib.decompressobj().decompress("s"),
          lambda: zlib.decompressobj().flush(),
          lambda: zlib.decompressobj().decompress(comp[:50]).__len__(),
          lambda: zlib.Compress(),
          lambda: zlib.Decompress()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# an incomplete stream: decompress keeps it, flush gives what there is
do = zlib.decompressobj()
x = do.decompress(comp[:len(comp) - 10])
y = do.flush()
print(len(x) + len(y) <= len(data), do.eof)

# zdict
zd = b"record : xyzxyzxyz\n"
co = zlib.compressobj(zdict=zd)
cz = co.compress(data) + co.flush()
print(len(cz) < len(comp) + 100)
try:
    zlib.decompress(cz)
except zlib.error as e:
    print("no dict:", e)
try:
    zlib.decompressobj().decompress(cz)
except zlib.error as e:
    print("no dict obj:", e)
print(zlib.decompressobj(zdict=zd).decompress(cz) == data)
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(cz) == data)
try:
    zlib.decompressobj(zdict=b"wrong dictionary").decompress(cz)
except zlib.error as e:
    print("wrong dict:", e)
co = zlib.compressobj(wbits=-15, zdict=zd)
raw = co.compress(data) + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(raw) == data)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
