# Robustness: every method and settable attribute of _SSLContext,
# _SSLSocket (client and server, before any handshake), MemoryBIO and the
# module's functions called with 0, 1 and 2 arguments of assorted types;
# what each call raises (or "ok") must be what CPython raises.
import _ssl
import itertools
import ssl
import warnings

warnings.simplefilter("ignore")
vals = [None, 0, -1, 2**64, 1.5, "x", "", b"", b"x"*3, bytearray(5), memoryview(b"ab"), [], object(), ssl.MemoryBIO(), True]
def objs():
    c = _ssl._SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    s = _ssl._SSLContext(ssl.PROTOCOL_TLS_SERVER)
    o = c._wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), False, "host")
    so = s._wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), True)
    return [c, s, o, so, ssl.MemoryBIO(), _ssl]
n = 0
for obj in objs():
    for name in sorted(dir(obj)):
        if name.startswith("__"): continue
        try:
            attr = getattr(obj, name, None)
        except Exception as e:
            print("get", name, type(e).__name__, e); continue
        if callable(attr) and not isinstance(attr, type):
            for k in range(3):
                for args in itertools.product(vals, repeat=k):
                    if k == 2 and args[0] is not None and args[0] != 0: continue
                    if name in ("RAND_bytes", "RAND_pseudo_bytes") and args and isinstance(args[0], int) and args[0] > 100: continue
                    try:
                        attr(*args)
                        r = "ok"
                    except Exception as e:
                        r = type(e).__name__
                    n += 1
                    print(type(obj).__name__, name, k, [type(a).__name__ for a in args], r)
        elif name != "keylog_filename":   # would create files
            for v in vals:
                try:
                    setattr(obj, name, v); r = "ok"
                except Exception as e:
                    r = type(e).__name__
                print(type(obj).__name__, "set", name, type(v).__name__, r)
print("calls", n)
