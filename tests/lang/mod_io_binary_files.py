# open() in binary mode and _io.FileIO / Buffered*: reads, writes, seeks,
# peek/read1, truncate, reprs and errors, in a scratch directory.
import _io, posix

base = 'io_bin_%d' % posix.getpid()
posix.mkdir(base)

def path(name):
    return base + '/' + name

def show(x):
    return repr(x).replace(base, 'BASE')

try:
    data = ''.join('%05d|' % i for i in range(4000)).encode()
    with open(path('b.bin'), 'wb') as f:
        print(show(f), show(f.raw), f.mode, f.raw.mode, f.raw.closefd, f.writable(), f.readable())
        print(f.write(data[:100]), f.tell(), f.write(data[100:]), f.tell())
        print(f.write(b''), f.seekable(), f.isatty(), type(f.fileno()).__name__)
    print(f.closed, f.raw.closed, show(f), show(f.raw))
    with open(path('b.bin'), 'rb') as f:
        print(f.read(10), f.tell(), f.peek(3)[:3], f.read1(4), f.tell())
        print(f.readline()[:12], f.tell())
        f.seek(-6, 2)
        print(f.read(), f.read(), f.tell())
        f.seek(12000)
        print(f.read(12), f.seek(-6, 1), f.read(6))
        f.seek(0)
        print(f.read() == data)
        f.seek(5)
        lines = f.readlines()
        print(len(lines), len(lines[0]), lines[0][:13])
    with open(path('lines.bin'), 'wb') as f:
        f.writelines([b'one\n', b'two\r\n', b'three'])
    with open(path('lines.bin'), 'rb') as f:
        print(list(f))
    with open(path('lines.bin'), 'rb') as f:
        print(f.readline(2), f.readline(), f.readline(100), f.readline(), f.readline())
    # r+b: interleaved reads and writes
    with open(path('rw.bin'), 'w+b') as f:
        print(type(f).__name__, f.mode)
        f.write(b'0123456789')
        f.seek(2)
        print(f.read(3))
        f.write(b'AB')
        print(f.tell(), f.read())
        f.seek(0)
        print(f.read())
        print(f.truncate(4), f.tell())
        f.seek(0)
        print(f.read())
        f.seek(8)
        f.write(b'Z')
        f.seek(0)
        print(f.read())
    # append
    with open(path('rw.bin'), 'ab') as f:
        print(f.tell(), f.write(b'++'), f.tell(), f.mode)
    with open(path('rw.bin'), 'rb', buffering=0) as f:
        print(type(f).__name__, show(f), f.read(2), f.readall(), f.read(5))
    # exclusive create
    try:
        open(path('rw.bin'), 'xb')
    except FileExistsError as e:
        print(type(e).__name__, show(e.filename), e.errno)
    with open(path('new.bin'), 'xb') as f:
        print(f.mode, f.raw.mode)
    # FileIO directly
    f = _io.FileIO(path('fio.bin'), 'w')
    print(show(f), f.write(b'abc'), f.tell(), f.seek(1), f.write(b'X'), f.tell())
    f.close()
    f.close()
    print(show(f))
    f = _io.FileIO(path('fio.bin'))
    print(f.read(), f.read(), f.seek(0), f.read(1), f.readall())
    fd = f.fileno()
    f2 = _io.FileIO(fd, 'r', closefd=False)
    print(show(f2).startswith('<_io.FileIO fd='), f2.seek(0), f2.read())
    f2.close()
    print(f.closed, f.seek(0), f.read())
    f.close()
    # opener
    calls = []
    def opener(name, flags):
        calls.append(name == path('fio.bin'))
        return posix.open(name, flags)
    with open(path('fio.bin'), 'rb', opener=opener) as f:
        print(f.read(), calls)
    # errors
    f = open(path('fio.bin'), 'rb')
    for op in [lambda: f.write(b'x'), lambda: f.truncate(0), lambda: f.read('x'),
               lambda: f.seek(0, 7), lambda: f.seek(1.5), lambda: f.read(-2)]:
        try:
            op()
        except Exception as e:
            print(type(e).__name__, e)
    f.close()
    for op in [lambda: f.read(), lambda: f.readline(), lambda: f.seek(0), lambda: f.tell(),
               lambda: f.fileno(), lambda: f.peek(), lambda: f.read1(1), lambda: iter(f)]:
        try:
            op()
        except Exception as e:
            print(type(e).__name__, e)
    f = open(path('fio.bin'), 'wb')
    f.close()
    for op in [lambda: f.write(b'x'), lambda: f.flush(), lambda: f.read()]:
        try:
            op()
        except Exception as e:
            print(type(e).__name__, e)
    f = _io.FileIO(path('fio.bin'), 'r')
    for op in [lambda: f.write(b'x'), lambda: f.truncate()]:
        try:
            op()
        except Exception as e:
            print(type(e).__name__, e)
    f.close()
    for op in [lambda: f.read(), lambda: f.fileno(), lambda: f.readable()]:
        try:
            op()
        except Exception as e:
            print(type(e).__name__, e)
    for args, kw in [((-1,), {}), ((1.5,), {}), ((path('fio.bin'), 'rw'), {}),
                     ((path('fio.bin'), 'q'), {}), ((path('fio.bin'),), {'closefd': False}),
                     ((base,), {}), ((path('none'),), {}), (('a\0b',), {})]:
        try:
            _io.FileIO(*args, **kw)
        except Exception as e:
            print(type(e).__name__, str(e).replace(base, 'BASE'))
    try:
        _io.BufferedReader(_io.FileIO(path('fio.bin')), 0)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        _io.BufferedWriter(_io.FileIO(path('fio.bin')))
    except Exception as e:
        print(type(e).__name__, e)
    # BufferedRWPair over a pipe
    r, w = posix.pipe()
    pair = _io.BufferedRWPair(_io.FileIO(r, 'r'), _io.FileIO(w, 'w'))
    print(pair.write(b'through the pair\n'), pair.readable(), pair.writable())
    pair.flush()
    print(pair.read(7), pair.peek(1)[:1], pair.read1(100))
    pair.close()
    print(pair.closed)
finally:
    for name in posix.listdir(base):
        posix.unlink(path(name))
    posix.rmdir(base)
