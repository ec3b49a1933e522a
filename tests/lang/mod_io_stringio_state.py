# StringIO.__getstate__/__setstate__ and pickling: the value (already
# translated), the newline argument, the position and the instance dict.
import io
import pickle


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for newline in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\rb\r\nc\nd", newline=newline)
    s.seek(3)
    st = s.__getstate__()
    print(repr(newline), st)
    show("  protocol 0", lambda: pickle.dumps(s, 0))
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        t = pickle.loads(pickle.dumps(s, proto))
        assert type(t) is io.StringIO
        print(" ", proto, repr(t.getvalue()), t.tell(), repr(t.read()), t.newlines)


class Sub(io.StringIO):
    pass


s = Sub("xyz")
s.foo = 42
s.seek(1)
t = pickle.loads(pickle.dumps(s, 2))
print(type(t).__name__, t.getvalue(), t.tell(), t.foo, t.__getstate__()[3])

s = io.StringIO()
show("bad state", lambda: s.__setstate__(("a", "\n", 0)))
show("not a tuple", lambda: s.__setstate__(["a", "\n", 0, None]))
show("bad value", lambda: s.__setstate__((b"a", "\n", 0, None)))
show("bad newline", lambda: s.__setstate__(("a", "x", 0, None)))
show("bad position", lambda: s.__setstate__(("a", "\n", "0", None)))
show("negative position", lambda: s.__setstate__(("a", "\n", -1, None)))
show("bad dict", lambda: s.__setstate__(("a", "\n", 0, [])))
show("ok", lambda: s.__setstate__(("a\r\nb", None, 9, {"x": 1})))
print(repr(s.getvalue()), s.tell(), s.x)
s.close()
show("closed getstate", s.__getstate__)
show("closed setstate", lambda: s.__setstate__(("a", "\n", 0, None)))
u = io.StringIO.__new__(io.StringIO)
show("uninit getstate", u.__getstate__)
show("uninit setstate", lambda: u.__setstate__(("q", "\n", 0, None)))
print(repr(u.getvalue()))
