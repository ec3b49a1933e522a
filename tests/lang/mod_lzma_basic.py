# lzma: the container formats, presets and filter chains, incremental
# decompression with max_length, LZMAFile, and the _lzma errors.
import lzma, _lzma, io

data = b''.join(b'record %05d %s\n' % (i, b'abc' * (i % 5)) for i in range(4000))
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    for preset in (0, 2 | lzma.PRESET_EXTREME, 4):  # small dictionaries: light on memory
        c = lzma.compress(data, format=fmt, preset=preset)
        print(fmt, preset, lzma.decompress(c) == data, lzma.decompress(c, format=fmt) == data)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(b'hello', check=check)
    d = lzma.LZMADecompressor()
    print(check, d.check, d.decompress(c), d.check, d.eof, lzma.is_check_supported(check))

filters = [{'id': lzma.FILTER_DELTA, 'dist': 4}, {'id': lzma.FILTER_X86}, {'id': lzma.FILTER_LZMA2, 'preset': 1, 'dict_size': 1 << 20, 'lc': 2, 'lp': 1, 'pb': 1, 'mode': lzma.MODE_FAST, 'nice_len': 32, 'mf': lzma.MF_HC4, 'depth': 0}]
for chain in (filters, filters[2:], [{'id': lzma.FILTER_LZMA1}]):
    raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
    print(len(chain), lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=chain) == data)
xz = lzma.compress(data, filters=filters)
print(lzma.decompress(xz) == data)
print(lzma.compress(b'hello', format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2, 'preset': 1}]))
print(_lzma._encode_filter_properties({'id': lzma.FILTER_LZMA1, 'dict_size': 1 << 20}), _lzma._encode_filter_properties({'id': lzma.FILTER_DELTA, 'dist': 4}))
print(_lzma._decode_filter_properties(lzma.FILTER_LZMA1, b']\x00\x00\x10\x00'), _lzma._decode_filter_properties(lzma.FILTER_DELTA, b'\x03'), _lzma._decode_filter_properties(lzma.FILTER_LZMA2, b'\x10'))

stream = lzma.compress(data)
d = lzma.LZMADecompressor()
out = [d.decompress(stream[:200], 100)]
print(len(out[0]), d.needs_input, d.eof)
while not d.eof:
    out.append(d.decompress(stream[200:] if len(out) == 1 else b'', 5000))
print(len(out), b''.join(out) == data, d.unused_data, d.needs_input)
d = lzma.LZMADecompressor()
print(d.decompress(lzma.compress(b'abc') + b'junk'), d.eof, d.unused_data)
print(lzma.decompress(lzma.compress(b'one') + lzma.compress(b'two')))
c = lzma.LZMACompressor()
print(lzma.decompress(b''.join([c.compress(data[:7000]), c.compress(data[7000:]), c.flush()])) == data)

bio = io.BytesIO()
with lzma.LZMAFile(bio, 'w') as f:
    f.write(data[:3000])
bio.seek(0)
with lzma.open(bio, 'rb') as f:
    print(f.readline(), len(f.read()))
with lzma.open(io.BytesIO(lzma.compress(b'x\ny\n')), 'rt') as f:
    print(f.read().split())

for f in [lambda: _lzma.LZMACompressor(format=9), lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_RAW), lambda: _lzma.LZMACompressor(preset=99),
          lambda: _lzma.LZMACompressor(preset=1, filters=[]), lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_ALONE, check=_lzma.CHECK_CRC32),
          lambda: _lzma.LZMACompressor(filters=[{'x': 1}]), lambda: _lzma.LZMACompressor(filters=[{'id': 99}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'bogus': 1}]), lambda: _lzma.LZMACompressor(filters=[1]),
          lambda: _lzma.LZMADecompressor(format=_lzma.FORMAT_RAW), lambda: _lzma.LZMADecompressor(format=_lzma.FORMAT_XZ, filters=[]),
          lambda: _lzma.LZMADecompressor(memlimit=10, format=_lzma.FORMAT_RAW), lambda: _lzma.LZMADecompressor().decompress(b'junk' * 10),
          lambda: _lzma.LZMADecompressor(_lzma.FORMAT_XZ).decompress(b'junk' * 10), lambda: _lzma.is_check_supported(99),
          lambda: _lzma.LZMACompressor(1, 2, 3, 4, 5), lambda: _lzma.LZMADecompressor().check, lambda: lzma.LZMAError.__mro__,
          lambda: _lzma.LZMADecompressor(memlimit=100).decompress(lzma.compress(b'x' * 100000)),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'dict_size': 'x'}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2, 'preset': 2**40}]),
          lambda: _lzma.LZMACompressor(filters=[{'id': _lzma.FILTER_LZMA2}] * 5), lambda: lzma.decompress(lzma.compress(b'abc')[:-3]),
          lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_ALONE, filters=[{'id': _lzma.FILTER_LZMA2}])]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(sorted((n, getattr(_lzma, n)) for n in dir(_lzma) if n.isupper()))
