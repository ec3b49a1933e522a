# io.BytesIO.getbuffer(): a writable view sharing the stream's bytes; resizing
# while it is exported raises BufferError; pickle's protocol 4+ framing uses it.
import io
import pickle

b = io.BytesIO(b"hello world")
m = b.getbuffer()
print(type(m).__name__, type(m.obj).__name__, m.readonly, m.format, m.itemsize, m.nbytes)
print(bytes(m), len(m), m[0], m[-1], bytes(m[6:]), m.tobytes()[:5])
m[0] = ord("H")
m[6:11] = b"WORLD"
print(b.getvalue(), b.read())
m2 = b.getbuffer()
print(bytes(m2) == bytes(m))

for name, f in [("write", lambda: b.write(b"x")),
                ("writelines", lambda: b.writelines([b"x"])),
                ("truncate", lambda: b.truncate(2)),
                ("truncate()", lambda: b.truncate()),
                ("close", lambda: b.close()),
                ("seek", lambda: b.seek(0)),
                ("read", lambda: b.read(5)),
                ("getvalue", lambda: b.getvalue()),
                ("tell", lambda: b.tell()),
                ("readinto", lambda: b.readinto(bytearray(3))),
                ("closed", lambda: b.closed)]:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)

m.release()
try:
    b.write(b"!")
except BufferError as e:
    print("still exported:", e)
m2.release()
print(b.write(b"!"), b.getvalue())

# __init__ empties the stream before it checks the exports, as CPython
c = io.BytesIO(b"abcdef")
with c.getbuffer() as view:
    print(bytes(view))
    try:
        c.__init__(b"new")
    except BufferError as e:
        print(type(e).__name__, e)
print(c.getvalue(), c.tell())
c.__init__(b"new")
print(c.getvalue())

# empty streams, views of views, closing
e = io.BytesIO()
with e.getbuffer() as ev:
    print(len(ev), bytes(ev), ev.nbytes)
e.write(b"data")
with e.getbuffer() as ev:
    sub = ev[1:3]
    print(bytes(sub), sub.obj is ev.obj)
    sub.release()
e.close()
try:
    e.getbuffer()
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    io.BytesIO().getbuffer(1)
except TypeError as ex:
    print(type(ex).__name__, ex)

# the view writes into the stream
f = io.BytesIO(bytes(8))
with f.getbuffer() as fv:
    fv[2:4] = b"\x01\x02"
    fv.cast("H")[3] = 0x0605
print(f.getvalue())

# pickle protocols 4 and 5 frame through getbuffer
data = {"ints": list(range(3000)), "text": ["s%d" % i for i in range(500)],
        "nested": [(i, {"k": float(i)}) for i in range(200)], "bytes": b"x" * 70000}
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    s = pickle.dumps(data, protocol=proto)
    print(proto, len(s), pickle.loads(s) == data)
    buf = io.BytesIO()
    p = pickle.Pickler(buf, protocol=proto)
    p.dump(data)
    p.dump([1, 2, 3])
    buf.seek(0)
    u = pickle.Unpickler(buf)
    print(" ", u.load() == data, u.load())
