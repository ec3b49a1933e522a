# open() with a path-like whose __fspath__ misbehaves, BufferedIOBase.readinto
# given too much data, FileIO.close() calling an overridden flush().
import io
import os
import sys

path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "krait_mod_io_open_close_%d" % os.getpid())


class FakePath:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        if isinstance(self.p, type) and issubclass(self.p, BaseException):
            raise self.p("from __fspath__")
        return self.p


with open(path, "w") as f:
    for p in [f.fileno(), None, 2.5, FloatingPointError]:
        try:
            open(FakePath(p), "w", encoding="utf-8")
            print("opened", p)
        except BaseException as e:
            print(type(e).__name__, e)
    with open(FakePath(path), encoding="utf-8") as g:
        print("fspath str ok", g.read())


class BadReader(io.BufferedIOBase):
    def read(self, n=-1):
        return b"x" * 100

    def read1(self, n=-1):
        return b"y" * (n + 1)


for name in ["readinto", "readinto1"]:
    try:
        print(name, getattr(BadReader(), name)(bytearray(2)))
    except Exception as e:
        print(name, type(e).__name__, e)


class GoodReader(io.BufferedIOBase):
    def read(self, n=-1):
        return b"ab"


b = bytearray(5)
print("readinto short", GoodReader().readinto(b), b)

for mode in ["wb", "rb"]:
    f = open(path, mode, buffering=0)
    calls = []

    def bad_flush():
        calls.append("flush")
        raise OSError("flush failed")

    f.flush = bad_flush
    try:
        f.close()
        print("closed without error")
    except OSError as e:
        print(mode, "close:", e, calls)
    print("closed", f.closed)
    try:
        os.fstat(f.fileno())
    except ValueError as e:
        print("fileno:", e)
    print("close again", f.close())

os.unlink(path)

# Line buffering asked for in binary mode: a RuntimeWarning, default buffering.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    f = open(sys.executable, "rb", buffering=1)
    print(type(f).__name__, f.raw.closefd)
    f.close()
    f = open(sys.executable, "rb", buffering=0)
    f.close()
for w in caught:
    print(w.category.__name__, w.message)
warnings.simplefilter("error")
try:
    open(sys.executable, "rb", buffering=1)
except RuntimeWarning as e:
    print("as error:", e)
