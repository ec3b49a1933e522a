# readinto/readinto1 with bytearray and memoryview, writes of bytearray and
# memoryview, RawIOBase.read through readinto, in a scratch file.
import _io, posix

name = 'io_readinto_%d.bin' % posix.getpid()
try:
    with open(name, 'wb') as f:
        print(f.write(bytearray(b'0123456789')), f.write(memoryview(b'abcdef')[1:4]))
        print(f.write(memoryview(bytearray(b'XYZ'))))
    with open(name, 'rb') as f:
        buf = bytearray(4)
        print(f.readinto(buf), buf, f.readinto1(buf), buf)
        mv = memoryview(bytearray(6))
        print(f.readinto(mv), bytes(mv))
        print(f.readinto(bytearray(10)), f.readinto(bytearray(3)))
    with open(name, 'rb', buffering=0) as f:
        buf = bytearray(5)
        print(type(f).__name__, f.readinto(buf), buf, f.readinto(memoryview(buf)[2:]), buf)
        for bad in [b'bytes', 'str', memoryview(b'ro')]:
            try:
                f.readinto(bad)
            except TypeError as e:
                print(type(e).__name__, e)
    b = _io.BytesIO(b'hello world')
    buf = bytearray(5)
    print(b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf), buf)
    print(b.write(bytearray(b'!!')), b.write(memoryview(b'??')), b.getvalue())
    print(_io.BytesIO(bytearray(b'init')).read(), _io.BytesIO(memoryview(b'mv')).read())
    print(posix.write(posix.open(name, posix.O_WRONLY), bytearray(b'ZZ')))
    with open(name, 'rb') as f:
        print(f.read())

    class Raw(_io._RawIOBase):
        def __init__(self, data):
            self.data = data
        def readable(self):
            return True
        def readinto(self, b):
            n = min(len(b), len(self.data))
            b[:n] = self.data[:n]
            self.data = self.data[n:]
            return n
    r = Raw(b'raw data here')
    print(r.read(3), r.read(4), r.read(), r.read(2))
    br = _io.BufferedReader(Raw(b'line one\nline two\n'))
    print(br.readline(), br.read())
    class BufR(_io._BufferedIOBase):
        def read(self, n=-1):
            return b'xy'[:n]
    buf = bytearray(5)
    print(BufR().readinto(buf), buf)
finally:
    posix.unlink(name)
