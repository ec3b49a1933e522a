# bz2: one-shot and incremental (de)compression, max_length, multi-stream
# data, BZ2File, and the errors of the _bz2 objects.
import bz2, _bz2, io

data = b''.join(b'line %d: %s\n' % (i, b'xyz' * (i % 7)) for i in range(3000))
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print(level, len(c), bz2.decompress(c) == data)
print(bz2.decompress(bz2.compress(b'')), bz2.compress(b'') == bz2.compress(b''))

comp = _bz2.BZ2Compressor(3)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(comp.flush())
stream = b''.join(parts)
print(len(parts), bz2.decompress(stream) == data)

d = _bz2.BZ2Decompressor()
out = []
out.append(d.decompress(stream[:100], 50))
print(len(out[0]), d.needs_input, d.eof)
while not d.eof:
    chunk = d.decompress(stream[100:] if not out[1:] else b'', 4000)
    out.append(chunk)
print(len(out), b''.join(out) == data, d.needs_input, d.unused_data)
for f in [lambda: d.decompress(b'x')]:
    try:
        f()
    except EOFError as e:
        print('EOFError', e)

d = _bz2.BZ2Decompressor()
print(d.decompress(bz2.compress(b'abc') + b'trailing') , d.eof, d.unused_data, d.needs_input)
print(bz2.decompress(bz2.compress(b'one') + bz2.compress(b'two')))

bio = io.BytesIO()
with bz2.BZ2File(bio, 'wb') as f:
    f.write(data[:5000])
    f.write(b'tail')
bio.seek(0)
with bz2.BZ2File(bio, 'rb') as f:
    print(f.readline(), len(f.read()), f.read())
with bz2.open(io.BytesIO(bz2.compress(b'a\nb\n')), 'rt') as f:
    print(f.readlines())

for f in [lambda: _bz2.BZ2Compressor(0), lambda: _bz2.BZ2Compressor(10), lambda: _bz2.BZ2Compressor('a'), lambda: _bz2.BZ2Compressor(compresslevel=5),
          lambda: _bz2.BZ2Compressor(1, 2), lambda: _bz2.BZ2Decompressor(1), lambda: _bz2.BZ2Decompressor().decompress(b'xyz' * 10),
          lambda: _bz2.BZ2Decompressor().decompress('a'), lambda: _bz2.BZ2Compressor().compress('a'), lambda: _bz2.BZ2Compressor().flush(1),
          lambda: bz2.decompress(b'BZh9' + b'\x00' * 20), lambda: bz2.decompress(bz2.compress(b'abc')[:-5])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
c = _bz2.BZ2Compressor(); c.flush()
for f in [lambda: c.flush(), lambda: c.compress(b'')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
