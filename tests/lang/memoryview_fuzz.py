# Random item and slice traffic through memoryviews of every native format on
# one bytearray (a fixed LCG): values, range and type errors, views of views.
state = 7
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
fmts = ["B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "?", "d", "f"]
vals = [0, 1, -1, 127, 128, 255, 256, -129, 32767, 32768, -32769, 2**31, 2**32, 2**63, 2**64, -2**63, 1.5, b"x", b"xy", "s", True, None, 2**64 - 1]
buf = bytearray(16)
for i in range(1500):
    f = fmts[rnd(len(fmts))]
    m = memoryview(buf).cast(f)
    v = vals[rnd(len(vals))]
    k = rnd(len(m) + 2) - 1
    try:
        m[k] = v
        r = "ok"
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    try:
        sl = m[rnd(4):rnd(8):rnd(3) + 1]
        t = sl.tolist()
        if f in "df":
            t = [repr(x) for x in t]
        t = (t, sl.nbytes, sl.shape, sl.strides, sl == m[:], bytes(sl))
    except Exception as e:
        t = type(e).__name__ + ":" + str(e)
    m.release()
    print(i, f, k, repr(v)[:8], r, bytes(buf).hex(), t)
