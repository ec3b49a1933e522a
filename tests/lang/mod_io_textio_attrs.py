# TextIOWrapper: members readable before __init__ and after detach(), the
# settable _CHUNK_SIZE, bytes-like read1() results, BOMs after reconfigure()
# and while iterating (tell() off).
import io


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t = io.TextIOWrapper.__new__(io.TextIOWrapper)
for name in ["encoding", "errors", "buffer", "line_buffering", "write_through",
             "_CHUNK_SIZE", "closed", "name"]:
    show("uninit " + name, lambda: getattr(t, name))
show("uninit repr", lambda: repr(t))

t = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
t.detach()
for name in ["encoding", "errors", "buffer", "line_buffering", "write_through", "_CHUNK_SIZE"]:
    show("detached " + name, lambda: getattr(t, name))
show("detached repr", lambda: repr(t))

t = io.TextIOWrapper(io.BytesIO(b"abcdefghij" * 3), encoding="ascii")
show("chunk default", lambda: t._CHUNK_SIZE)
t._CHUNK_SIZE = 4
show("chunk set", lambda: t._CHUNK_SIZE)
show("read 5", lambda: t.read(5))
show("tell", lambda: t.tell())
show("rest", lambda: t.read())
for bad in [0, -3, "x", 2.5]:
    def setbad():
        t._CHUNK_SIZE = bad
    show("chunk = %r" % (bad,), setbad)
def delete():
    del t._CHUNK_SIZE
show("del chunk", delete)


class MemRead(io.BytesIO):
    def read1(self, n=-1):
        return memoryview(super().read1(n))


t = io.TextIOWrapper(MemRead(b"line one\nline two\n"), encoding="utf-8")
show("memoryview read1", lambda: t.read())

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="ascii", newline="\n")
t.write("abc\n")
t.reconfigure(encoding="utf-8-sig")
t.write("d\xe9f\n")
t.flush()
show("reconfigure mid-stream", lambda: raw.getvalue())

for enc in ["utf-16", "utf-32", "utf-8-sig"]:
    data = "unix\nwin\r\nlast".encode(enc)
    for size in [1, 2, 3, 5]:
        t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data), size), encoding=enc)
        show("iterate %s %d" % (enc, size), lambda: list(t))
    t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data), 2), encoding=enc)
    lines = list(t)
    t.seek(0)
    show("again %s" % enc, lambda: list(t))
