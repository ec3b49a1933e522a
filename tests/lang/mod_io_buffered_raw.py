# Buffered streams over misbehaving or Python raw streams: readinto() is
# what they call, its bad results become OSError, bad seek/write results
# too; readinto1's single raw read; non-blocking writes report
# characters_written; close() calls self.flush(); the roles decide
# readable()/writable(); flush() of BufferedRandom drops the read-ahead.
import io


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e, "| cause:", type(e.__cause__).__name__,
              "| context:", type(e.__context__).__name__)


class Raw(io.RawIOBase):
    def __init__(self, chunks, result=None):
        self.chunks = list(chunks)
        self.result = result
        self.reads = 0
        self.written = []

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, buf):
        self.reads += 1
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        if data is None:
            return None
        buf[:len(data)] = data
        return self.result(len(data), len(buf)) if self.result else len(data)

    def write(self, b):
        self.written.append(bytes(b))
        return len(b)

    def seek(self, pos, whence=0):
        return -123

    def tell(self):
        return -456


show("readinto -> bytes", lambda: io.BufferedReader(Raw([b"ab"], lambda n, m: b"")).read(1))
show("readinto -> -1", lambda: io.BufferedReader(Raw([b"ab"], lambda n, m: -1)).read(1))
show("readinto -> too many", lambda: io.BufferedReader(Raw([b"ab"], lambda n, m: m * 5)).read(1))
show("seek", lambda: io.BufferedReader(Raw([b"ab"])).seek(0))
show("tell", lambda: io.BufferedReader(Raw([b"ab"])).tell())


class Doubling(Raw):
    def write(self, b):
        return len(b) * 2


show("write too much", lambda: io.BufferedWriter(Doubling([]), 5).write(b"abcdef"))

raw = Raw([b"abc", b"de", b"fgh", b"jkl"])
f = io.BufferedReader(raw, buffer_size=10)
b = bytearray(2)
print(f.peek(3)[:3], raw.reads)
print(f.readinto1(b), b, raw.reads)
print(f.readinto1(b), b[:1], raw.reads)
print(f.readinto1(b), b, raw.reads)
b = bytearray(20)
print(f.peek(3)[:3], raw.reads)
print(f.readinto1(b), b[:6], raw.reads)
print(f.readinto(bytearray(5)), raw.reads)


class NonBlocking(io.RawIOBase):
    def __init__(self):
        self.out = []
        self.block_at = None

    def writable(self):
        return True

    def write(self, b):
        b = bytes(b)
        if self.block_at is not None and self.block_at in b:
            i = b.index(self.block_at)
            self.block_at = None
            if i == 0:
                return None
            self.out.append(b[:i])
            return i
        self.out.append(b)
        return len(b)


raw = NonBlocking()
f = io.BufferedWriter(raw, 8)
print(f.write(b"abcd"), f.write(b"efghi"))
raw.block_at = b"k"
print(f.write(b"jklmn"))
raw.block_at = b"0"
try:
    f.write(b"opqrwxyz0123456789")
except BlockingIOError as e:
    print("BlockingIOError", e.errno == __import__("errno").EAGAIN, e.args[1], e.characters_written)
print(b"".join(raw.out))
raw.out.clear()
print(f.write(b"ABCDEFGHI"), b"".join(raw.out)[:9])


class Stuck(io.RawIOBase):
    def __init__(self):
        self.out = []
        self.stuck = False

    def writable(self):
        return True

    def write(self, b):
        if self.stuck:
            return None
        self.out.append(bytes(b))
        return len(b)


for size in [4, 8, 30]:
    raw = Stuck()
    f = io.BufferedWriter(raw, 8)
    f.write(b"abc")
    raw.stuck = True
    try:
        print("stuck", size, f.write(b"x" * size))
    except BlockingIOError as e:
        print("stuck", size, "BlockingIOError", e.characters_written)
    try:
        f.flush()
    except BlockingIOError as e:
        print("stuck flush", e.characters_written)
    raw.stuck = False
    f.flush()
    print(b"".join(raw.out))


class FlushFails(io.BufferedWriter):
    pass


r = Raw([])
def bad_close():
    raise OSError("close")
r.close = bad_close
w = FlushFails(r)
def bad_flush():
    raise OSError("flush")
w.flush = bad_flush
show("close", w.close)
print("closed", w.closed)
r.close = lambda: None
w.flush = lambda: None

a, c = Raw([]), Raw([])
def ra():
    reader_missing
def wa():
    writer_missing
a.close = ra
c.close = wa
try:
    io.BufferedRWPair(a, c).close()
except NameError as e:
    print("pair close:", e, "| context:", e.__context__)
a.close = c.close = lambda: None

print(io.BufferedReader(io.BytesIO()).writable(), io.BufferedWriter(io.BytesIO()).readable(),
      io.BufferedRandom(io.BytesIO()).readable(), io.BufferedRandom(io.BytesIO()).writable())
u = io.BufferedReader.__new__(io.BufferedReader)
show("uninit writable", u.writable)
show("uninit readable", u.readable)

raw = io.BytesIO(b"abcdefghi")
f = io.BufferedRandom(raw)
print(f.read(2), f.write(b"12"), f.read(2), f.tell())
f.flush()
print(f.read())
raw.seek(0)
raw.write(b"XYZ")
f.flush()
f.seek(0)
print(f.read(3))
