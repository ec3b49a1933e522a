import io
class MockRawIO(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
for tp in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    raw = MockRawIO()
    b = tp(raw)
    raw.name = b
    try:
        print(repr(b))
    except RuntimeError as e:
        print(type(e).__name__, e)
raw = io.BytesIO()
t = io.TextIOWrapper(io.BufferedReader(MockRawIO()), encoding="utf-8")
t.buffer.raw.name = t
try:
    print(repr(t))
except RuntimeError as e:
    print(type(e).__name__, e)
