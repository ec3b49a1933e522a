# io.BytesIO.__getstate__/__setstate__: pickling and copying keep the value, the
# position and the instance attributes; __setstate__ validates its argument.
import copy
import io
import pickle


class Sub(io.BytesIO):
    pass


b = io.BytesIO(b"1234567890")
b.seek(3)
b.foo = 42
print(b.__getstate__(), io.BytesIO(b"z").__getstate__())
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    for obj in (b, Sub(b"sub")):
        c = pickle.loads(pickle.dumps(obj, proto))
        print(proto, type(c).__name__, c.getvalue(), c.tell(), getattr(c, "foo", None))
try:
    pickle.dumps(b, 1)
except TypeError as e:
    print(type(e).__name__, e)
d = copy.deepcopy(b)
print(d.getvalue(), d.tell(), d.foo, copy.copy(b).read())

m = io.BytesIO()
m.__setstate__((b"no error", 0, None))
m.__setstate__((bytearray(b"from bytearray"), 4, {"spam": 3}))
print(m.getvalue(), m.tell(), m.spam, m.read())
for state in [(b"", -1, None), ("unicode", 0, None), (b"", 0.0, None), (b"", 0, 0), (b"len-test", 0),
              0, None, (b"x", 2**70, None), (b"longer", 1, None, "extra")]:
    try:
        print(m.__setstate__(state), m.getvalue(), m.tell())
    except Exception as e:
        print(type(e).__name__, e)
try:
    m.__setstate__()
except TypeError as e:
    print(type(e).__name__)
with m.getbuffer() as view:
    try:
        m.__setstate__((b"exported", 0, None))
    except BufferError as e:
        print(type(e).__name__, e)
print(m.getvalue())
m.close()
for f in (lambda: m.__setstate__((b"closed", 0, None)), lambda: m.__getstate__()):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
