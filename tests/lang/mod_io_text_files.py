# open() in text mode: round trips, newlines, encodings, seek/tell,
# iteration, errors. Files live in a scratch directory removed at the end.
import _io, posix

base = 'io_text_%d' % posix.getpid()
posix.mkdir(base)

def path(name):
    return base + '/' + name

def raw(name):
    with open(path(name), 'rb') as f:
        return f.read()

try:
    # write and read back
    with open(path('a.txt'), 'w', encoding='utf-8') as f:
        print(type(f).__name__, f.name == path('a.txt'), f.mode, f.encoding, f.errors,
              f.line_buffering, f.writable(), f.readable(), f.seekable())
        print(f.write('first line\n'), f.write('héllo wörld ✓\n'), f.write('last'))
        print(f.tell())
    print(f.closed, raw('a.txt'))
    with open(path('a.txt'), encoding='utf-8') as f:
        print(repr(f.readline()), f.tell())
        print(repr(f.readline()), f.tell())
        print(repr(f.readline()), f.tell(), repr(f.readline()))
        f.seek(0)
        print(repr(f.read(5)), f.tell(), repr(f.read(12)), f.tell())
        f.seek(0)
        print(f.readlines())
        f.seek(0)
        print([line for line in f])
        f.seek(11)
        print(repr(f.read()))
        print(repr(f.read()), f.tell())
    with open(path('a.txt'), encoding='utf-8') as f:
        for i, line in enumerate(f):
            print(i, repr(line))
        try:
            f.tell()
        except OSError as e:
            print('tell after iteration', type(e).__name__, e)
    # append and r+
    with open(path('a.txt'), 'a', encoding='utf-8') as f:
        print(f.tell(), f.write('\nappended'))
    with open(path('a.txt'), 'r+', encoding='utf-8') as f:
        print(repr(f.read(5)))
        f.seek(0)
        f.write('FIRST')
        f.seek(0)
        print(repr(f.readline()))
    print(raw('a.txt'))
    # newline translation on reading
    with open(path('nl.txt'), 'wb') as f:
        f.write(b'unix\nwindows\r\nmac\rend')
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open(path('nl.txt'), newline=nl) as f:
            lines = f.readlines()
            print(repr(nl), lines, f.newlines)
        with open(path('nl.txt'), newline=nl) as f:
            print(repr(nl), repr(f.read()), f.newlines)
    # newline translation on writing
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open(path('w.txt'), 'w', newline=nl) as f:
            f.write('a\nb\r\nc\rd\n')
        print(repr(nl), raw('w.txt'))
    # encodings
    text = 'ascii é ĉ ✓ 😀 end\n' * 3
    for enc in ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'latin-1',
                'ascii', 'cp1252']:
        try:
            with open(path('e.txt'), 'w', encoding=enc) as f:
                f.write(text)
            data = raw('e.txt')
            with open(path('e.txt'), encoding=enc) as f:
                back = f.read()
            print(enc, len(data), data[:12], back == text)
        except (UnicodeError, ValueError) as e:
            print(enc, type(e).__name__, e)
    with open(path('e.txt'), 'w', encoding='ascii', errors='replace') as f:
        f.write('a é b\n')
    print(raw('e.txt'))
    with open(path('e.txt'), 'w', encoding='latin-1') as f:
        f.write('caf\xe9\n')
    for errors in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
        try:
            with open(path('e.txt'), encoding='utf-8', errors=errors) as f:
                print(errors, repr(f.read()))
        except UnicodeDecodeError as e:
            print(errors, type(e).__name__, e)
    # seek/tell cookies with multi-byte text, across readline
    with open(path('m.txt'), 'w', encoding='utf-8') as f:
        for i in range(200):
            f.write('línea %d ✓\n' % i)
    with open(path('m.txt'), encoding='utf-8') as f:
        marks = []
        for i in range(150):
            marks.append((f.tell(), f.readline()))
        print(marks[0], marks[1], marks[149])
        for pos, line in [marks[3], marks[100], marks[149]]:
            f.seek(pos)
            print(pos, f.readline() == line)
        f.seek(marks[10][0])
        print(repr(f.read(7)))
        t = f.tell()
        rest = f.read(20)
        f.seek(t)
        print(f.read(20) == rest)
    # a big file in chunks
    big = ''.join('%05d ✓ ünïcödé\n' % i for i in range(5000))
    with open(path('big.txt'), 'w', encoding='utf-8') as f:
        f.write(big)
    with open(path('big.txt'), encoding='utf-8') as f:
        print(len(f.read()) == len(big))
    with open(path('big.txt'), encoding='utf-8') as f:
        n = 0
        for line in f:
            n += len(line)
        print(n == len(big))
    with open(path('big.txt'), encoding='utf-8') as f:
        parts = []
        while True:
            chunk = f.read(777)
            if not chunk:
                break
            parts.append(chunk)
        print(''.join(parts) == big, len(parts))
    # line_buffering / write_through / reconfigure
    with open(path('lb.txt'), 'w', buffering=1) as f:
        print(f.line_buffering)
        f.write('no newline')
        print(raw('lb.txt'))
        f.write(' now\n')
        print(raw('lb.txt'))
        f.reconfigure(line_buffering=False)
        print(f.line_buffering)
        f.write('more\n')
        print(raw('lb.txt'))
    with open(path('lb.txt'), 'w', encoding='utf-8') as f:
        f.reconfigure(encoding='latin-1')
        f.write('é')
        print(f.encoding)
    print(raw('lb.txt'))
    # detach
    f = open(path('lb.txt'), 'r', encoding='latin-1')
    b = f.detach()
    print(type(b).__name__, b.read())
    try:
        f.read()
    except ValueError as e:
        print(type(e).__name__, e)
    b.close()
    # errors
    f = open(path('a.txt'), encoding='utf-8')
    f.close()
    for op in [lambda: f.read(), lambda: f.readline(), lambda: f.write('x'), lambda: f.tell(),
               lambda: f.seek(0), lambda: next(iter(f))]:
        try:
            op()
        except ValueError as e:
            print(type(e).__name__, e)
    with open(path('a.txt'), encoding='utf-8') as f:
        for op in [lambda: f.write('x'), lambda: f.seek(1, 1), lambda: f.seek(1, 2),
                   lambda: f.seek(-1), lambda: f.seek(0, 3), lambda: f.read('x')]:
            try:
                op()
            except Exception as e:
                print(type(e).__name__, e)
        print(f.seek(0, 2) == len(raw('a.txt')), f.read())
    with open(path('a.txt'), 'w', encoding='utf-8') as f:
        for op in [lambda: f.read(), lambda: f.write(b'x'), lambda: f.write(5)]:
            try:
                op()
            except Exception as e:
                print(type(e).__name__, e)
    for args, kw in [((path('x'), 'rw'), {}), ((path('x'), 'rb'), {'encoding': 'utf-8'}),
                     ((path('x'), 'wt+b'), {}), ((path('x'), 'w'), {'newline': 'x'}),
                     ((path('x'), 'w'), {'encoding': 'no-such-codec'}),
                     ((path('x'), 'w'), {'buffering': 0}), ((path('x'), ''), {}),
                     ((path('missing/x'), 'w'), {}), ((path('nope'),), {}), ((base,), {}),
                     ((path('x'), 'rr'), {}), ((path('x'), 'rb'), {'newline': ''}),
                     ((path('x'), 5), {}), ((3.5,), {}), ((path('x'), 'r'), {'bogus': 1})]:
        try:
            open(*args, **kw).close()
        except Exception as e:
            print(type(e).__name__, str(e).replace(base, 'BASE'))
finally:
    for name in posix.listdir(base):
        posix.unlink(path(name))
    posix.rmdir(base)
