# sqlite3: Blob indexing and slicing (positive steps: CPython 3.11 fails
# negative ones with a SystemError), item and slice assignment, seek/read/
# write edges and overflows, the context manager, a closed blob, blobopen's
# argument errors.
import sqlite3
def t(label, f):
    try: r = f(); print(label, "ok", repr(r))
    except BaseException as e: print(label, type(e).__name__, e)
c = sqlite3.connect(":memory:")
c.execute("create table b(x)"); c.execute("insert into b values (x'00010203040506070809')")
b = c.blobopen("b", "x", 1)
for sl in (slice(0, 10, -1), slice(None, None, 3), slice(1, 9, 4), slice(5, 5), slice(-3, None), slice(3, 100), slice(-100, 2)):
    t(repr(sl), lambda: b[sl])
for sl, data in ((slice(0, 10, 3), b"wxyz"), (slice(0, 2), b""), (slice(1, 3), b"mn")):
    t("set " + repr(sl), lambda: b.__setitem__(sl, data))
    print(b[:])
t("neg index", lambda: (b[-1], b[-10]))
t("neg index range", lambda: b[-11])
t("huge index", lambda: b[2**70])
t("set huge index", lambda: b.__setitem__(2**70, 1))
t("set type", lambda: b.__setitem__(0, b"a"))
t("set neg byte", lambda: b.__setitem__(0, -1))
t("set bool", lambda: b.__setitem__(0, True))
t("slice set str", lambda: b.__setitem__(slice(0, 1), "a"))
t("huge seek", lambda: b.seek(2**31))
t("seek cur overflow", lambda: (b.seek(5), b.seek(2**31 - 3, 1)))
t("seek end overflow", lambda: b.seek(2**31 - 5, 2))
t("read neg", lambda: (b.seek(0), b.read(-5)))
t("read big", lambda: (b.seek(8), b.read(100), b.tell()))
t("write noncontig", lambda: (b.seek(0), b.write(memoryview(b"abcd")[::2])))
t("write str", lambda: b.write("ab"))
t("read float", lambda: b.read(1.5))
t("exit args", lambda: b.__exit__(None, None))
with c.blobopen("b", "x", 1) as b2:
    print(b2.read(3))
t("closed after with", lambda: b2.read())
t("closed len", lambda: len(b2))
t("closed getitem", lambda: b2[0])
t("closed tell", lambda: b2.tell())
t("closed close", lambda: b2.close())
t("readonly", lambda: c.blobopen("b", "x", 1, readonly=True).write(b"z"))
t("bad row type", lambda: c.blobopen("b", "x", "1"))
t("bad name type", lambda: c.blobopen("b", "x", 1, name=5))
t("positional readonly", lambda: c.blobopen("b", "x", 1, True))
t("no column", lambda: c.blobopen("b", "nope", 1))
