# _io.BytesIO and _io.StringIO: reads, writes past the end, seek/tell,
# truncate, newline modes, iteration, errors.
import _io

b = _io.BytesIO(b'hello\nworld\nend')
print(b.read(3), b.tell(), b.readline(), b.readline(2), b.readlines(), b.read(), b.tell())
print(b.seek(0), list(b), b.seek(-3, 2), b.read(), b.seek(2, 1), b.tell(), b.read())
print(b.seek(20), b.write(b'!'), b.getvalue(), b.tell())
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b.seek(0)
print(b.write(b'HE'), b.getvalue(), b.read1(2), b.read1(), b.readable(), b.writable(),
      b.seekable(), b.isatty(), b.flush(), b.closed)
b.writelines([b'x', b'y'])
print(b.getvalue(), b.readlines(1))
for op in [lambda: b.write('str'), lambda: b.seek(-1), lambda: b.seek(0, 5), lambda: b.seek(1.0),
           lambda: b.truncate(-1), lambda: b.read('x'), lambda: _io.BytesIO('x')]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
with _io.BytesIO(b'ctx') as c:
    print(c.read())
print(c.closed)
for op in [lambda: c.read(), lambda: c.getvalue(), lambda: c.write(b'x'), lambda: c.tell(),
           lambda: c.seek(0), lambda: c.readable(), lambda: c.fileno(), lambda: c.readline()]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
print(_io.BytesIO().getvalue(), _io.BytesIO(None).read(), _io.BytesIO(initial_bytes=b'k').read())

s = _io.StringIO('héllo\nwörld\n')
print(s.read(3), s.tell(), s.readline(), s.readline(), repr(s.readline()), s.tell())
print(s.seek(0), s.readlines(), s.seek(0, 2), s.write('✓ more'), s.getvalue(), s.tell())
print(s.seek(20), s.write('X'), repr(s.getvalue()), s.truncate(4), repr(s.getvalue()))
s.seek(1)
print(s.write('ab'), s.getvalue(), s.read(), s.tell(), s.seek(0, 1), s.line_buffering)
for nl in [None, '', '\n', '\r', '\r\n']:
    s = _io.StringIO('a\nb\r\nc\rd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = _io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), list(s), s.newlines)
s = _io.StringIO()
print(repr(s.getvalue()), s.read(), s.readable(), s.writable(), s.seekable(), s.closed)
for op in [lambda: s.write(b'x'), lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2),
           lambda: s.seek(0, 3), lambda: s.truncate(-2), lambda: _io.StringIO(b'x'),
           lambda: _io.StringIO('x', newline='z'), lambda: _io.StringIO('x', newline=3),
           lambda: s.fileno()]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
s.close()
for op in [lambda: s.read(), lambda: s.getvalue(), lambda: s.write('x'), lambda: s.tell()]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
print(s.closed)

# the abstract bases
class Raw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readall(self):
        d, self.data = self.data, b''
        return d
r = Raw(b'one\ntwo\n')
print(r.readable(), r.writable(), r.seekable(), r.closed, r.read(), r.read())
r.close()
print(r.closed)
try:
    r.read()
except ValueError as e:
    print(type(e).__name__, e)

class Lines(_io._IOBase):
    def __init__(self, items):
        self.items = list(items)
    def readline(self, size=-1):
        return self.items.pop(0) if self.items else b''
print(list(Lines([b'a\n', b'b\n'])), Lines([b'x\n', b'y']).readlines())
with Lines([]) as l:
    print(l.closed)
print(l.closed)
try:
    iter(l)
except ValueError as e:
    print(type(e).__name__, e)
for name in ['seek', 'truncate', 'fileno']:
    try:
        getattr(Lines([]), name)()
    except Exception as e:
        print(type(e).__name__, e)
class Reader(_io._BufferedIOBase):
    def __init__(self):
        self.n = 0
    def read(self, size=-1):
        self.n += 1
        return b'abc\n' if self.n < 3 else b''
print(Reader().readline(), Reader().readlines())
for name in ['read', 'read1', 'write', 'detach']:
    try:
        getattr(_io._BufferedIOBase(), name)()
    except Exception as e:
        print(type(e).__name__, e)
t = _io._TextIOBase()
print(t.encoding, t.newlines, t.errors)
for name in ['read', 'readline', 'write', 'detach']:
    try:
        getattr(t, name)()
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
print(_io.FileIO.__mro__[1:], _io.BytesIO.__mro__[1:], _io.StringIO.__mro__[1:])
print(_io.BufferedRandom.__mro__[1:], _io.TextIOWrapper.__base__)
print(_io.text_encoding('x'), _io.text_encoding(None))

# TextIOWrapper over BytesIO
w = _io.TextIOWrapper(_io.BytesIO(), encoding='utf-8', newline='\r\n')
w.write('line1\nline2\n')
w.flush()
print(w.buffer.getvalue(), w.encoding, repr(w))
w.seek(0)
print(repr(w.read()))
t = _io.TextIOWrapper(_io.BytesIO('α\nβ\r\nγ'.encode()), encoding='utf-8')
print(t.readlines(), t.newlines)

d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r')), repr(d.decode('', final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.newlines, repr(d.decode('x\ry\n', final=True)), d.newlines)
d = _io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode('p\r\nq\r')), d.getstate(), repr(d.decode('r')))
