# Files nobody closed are flushed and closed when collected (after
# `del f; gc.collect()`, where krait and CPython agree), and `with` closes.
import gc, posix

name = 'io_unclosed_%d.txt' % posix.getpid()
try:
    f = open(name, 'w', encoding='utf-8')
    f.write('text that sits in the buffer\n')
    raw = f.buffer.raw
    del f
    gc.collect()
    print(raw.closed)
    with open(name, encoding='utf-8') as g:
        print(repr(g.read()))
    print(g.closed, g.buffer.closed, g.buffer.raw.closed)
    b = open(name, 'ab')
    b.write(b'appended bytes\n')
    del b
    gc.collect()
    with open(name, 'rb') as g:
        print(g.read())
    def helper():
        h = open(name, 'w')
        h.write('from a function')
    helper()
    gc.collect()
    with open(name) as g:
        print(g.read())
finally:
    posix.unlink(name)
