# bytearray's mutating methods and item/slice assignment, with their errors,
# and the BufferError while a memoryview holds the array.

class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
    def __repr__(self):
        return f"Idx({self.n})"

def attempt(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

b = bytearray(b"hello")
b.append(33)
b.append(Idx(63))
print(b)
for bad in [256, -1, "a", b"a", 1.0, None]:
    attempt(f"append {bad!r}", lambda: b.append(bad))
attempt("append()", lambda: b.append())
attempt("append(1, 2)", lambda: b.append(1, 2))

b.extend(b" world")
b.extend([1, 2])
b.extend(bytearray(b"BA"))
b.extend(memoryview(b"MV"))
b.extend(range(3))
b.extend(x for x in (65, 66))
b.extend(())
b.extend(b)
print(b)
for bad in [1, "ab", [300], ["x"], [1.0], None]:
    attempt(f"extend {bad!r}", lambda: b.extend(bad))
print(b[-6:])

c = bytearray(b"abc")
for args in [(0, 120), (-1, 121), (100, 122), (-100, 119), (Idx(1), 88), (1, 300), ("x", 1), (1, "x"), (2**70, 65), (1,)]:
    attempt(f"insert {args!r}", lambda: c.insert(*args))
print(c)
for args in [(), (0,), (-1,), (100,), (-100,), ("x",), (2**70,), (Idx(0),)]:
    attempt(f"pop {args!r}", lambda: c.pop(*args))
print(c)
attempt("pop empty", lambda: bytearray().pop())
for v in [120, 99, 300, "a", b"a"]:
    attempt(f"remove {v!r}", lambda: c.remove(v))
print(c)
d = bytearray(b"abcdef")
d.reverse()
print(d, d.copy(), d.copy() is d, type(d.copy()).__name__)
d.clear()
print(d, len(d))
attempt("reverse(1)", lambda: d.reverse(1))

# item assignment
e = bytearray(b"0123456789")
for key, val in [(0, 65), (-1, 66), (Idx(2), 67), (True, 68), (10, 1), (-11, 1), ("x", 1), (1.0, 1),
                 (0, 256), (0, -1), (0, b"x"), (0, "x"), (0, None), (2**70, 1)]:
    def setit():
        e[key] = val
        return e
    attempt(f"e[{key!r}] = {val!r}", setit)

# slice assignment
for sl, val in [(slice(0, 2), b"xy"), (slice(0, 2), b""), (slice(0, 0), b"new"), (slice(2, 4), b"LONGER"),
                (slice(None), b"all"), (slice(5, 100), b"!"), (slice(None, None, 2), b"abcde"),
                (slice(None, None, 2), b"ab"), (slice(None, None, 2), b""), (slice(None, None, -3), bytearray()), (slice(None, None, -1), b"0123456789"), (slice(0, 3), [97, 98]),
                (slice(0, 3), range(3)), (slice(0, 3), 5), (slice(0, 3), "abc"), (slice(0, 3), [300]),
                (slice(0, 3), ["a"]), (slice(0, 4), memoryview(b"MV")[:]), (slice(0, 3), bytearray(b"BA")),
                (slice(0, 3), None), (slice(0, 3), 1.5), (slice(4, 2), b"in"), (slice(-2, None), b"end")]:
    e2 = bytearray(b"0123456789")
    def setsl():
        e2[sl] = val
        return e2
    vr = "memoryview" if isinstance(val, memoryview) else repr(val)
    attempt(f"[{sl.start}:{sl.stop}:{sl.step}] = {vr}"[:60], setsl)
e3 = bytearray(b"abc")
e3[1:2] = e3
print(e3)
e3[:] = e3[::-1]
print(e3)

# deletion
for key in [0, -1, 100, slice(0, 2), slice(None, None, 2), slice(None, None, -2), slice(1, None, 3),
            slice(5, 1), slice(None), "x", slice(None, None, -1)]:
    e4 = bytearray(b"0123456789")
    def delit():
        del e4[key]
        return e4
    attempt(f"del [{key!r}]", delit)

# resizing while a memoryview is alive
f = bytearray(b"abcdef")
m = memoryview(f)
for label, op in [("append", lambda: f.append(1)), ("extend", lambda: f.extend(b"x")),
                  ("pop", lambda: f.pop()), ("remove", lambda: f.remove(97)),
                  ("insert", lambda: f.insert(0, 1)), ("clear", lambda: f.clear()),
                  ("iadd", lambda: f.__iadd__(b"x")), ("imul", lambda: f.__imul__(2)),
                  ("del", lambda: f.__delitem__(0)), ("slice grow", lambda: f.__setitem__(slice(0, 1), b"xy")),
                  ("slice same", lambda: f.__setitem__(slice(0, 2), b"XY")),
                  ("item", lambda: f.__setitem__(2, 90)), ("reverse", lambda: f.reverse()),
                  ("init", lambda: f.__init__(b"zz")), ("imul1", lambda: f.__imul__(1))]:
    attempt(label, op)
print(f, m.tobytes())
m2 = m[1:3]
m.release()
attempt("append after one release", lambda: f.append(1))
m2.release()
f.append(33)
print(f)
with memoryview(f) as m3:
    attempt("in with", lambda: f.extend(b"!!"))
f.extend(b"!!")
print(f)

# __alloc__ grows like CPython's
g = bytearray()
sizes = []
for i in range(40):
    g.append(i)
    sizes.append(g.__alloc__())
print(sizes, bytearray(b"abc").__alloc__(), bytearray(5).__alloc__(), bytearray().__alloc__())
print(g.__reduce__()[1:], bytearray(b"\xff").__reduce_ex__(3), bytearray(b"\xff").__reduce_ex__(2))
