# A FileIO (and buffered and text files) whose name leads back to itself:
# RuntimeError from the repr guard, never a C stack overflow; a plain
# object whose repr formats itself gets RecursionError.
class S:
    def __init__(self): self.me = self
import io
b = io.BufferedReader(io.BytesIO(b""))
# A raw whose name is the buffered object itself
class Raw(io.BytesIO):
    pass
r = Raw()
w = io.BufferedReader(r)
r.name = w
try: repr(w)
except Exception as e: print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
t.buffer.name = t
try: repr(t)
except Exception as e: print(type(e).__name__, e)
f = io.FileIO('/dev/null', 'rb')
f.name = f
try: repr(f)
except Exception as e: print(type(e).__name__, e)
try: print("%r" % f)
except Exception as e: print(type(e).__name__, e)


class R:
    def __repr__(self):
        return "R(%r)" % (self.inner,)


r = R()
r.inner = r
try:
    repr(r)
except RecursionError:
    print("RecursionError")
