# ctypes bit fields against CPython's layout: random structures (native,
# big- and little-endian, packed) of bit fields of mixed widths and plain
# fields; each prints its size, alignment, field offsets/sizes, the bytes
# after setting every field, and the values read back. Structures whose
# storage units CPython places past their end (where it reads and writes
# outside the object) print only their layout.
import random
from ctypes import *

rng = random.Random(20261122)
ints = [c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long, c_ulong,
        c_longlong, c_ulonglong]
others = [c_char, c_double, c_float, c_bool, c_void_p]
for n in range(200):
    base = rng.choice([Structure, BigEndianStructure, LittleEndianStructure])
    fields = []
    for i in range(rng.randint(1, 6)):
        if rng.random() < 0.6:
            t = rng.choice(ints)
            fields.append(("f%d" % i, t, rng.randint(1, sizeof(t) * 8)))
        else:
            t = rng.choice(ints + others)
            if rng.random() < 0.2:
                t = t * rng.randint(1, 3)
            fields.append(("f%d" % i, t))
    ns = {"_fields_": fields}
    if rng.random() < 0.3:
        ns["_pack_"] = rng.choice([1, 2, 4])
    try:
        S = type(base)("S", (base,), ns)
    except TypeError as e:
        print(n, type(e).__name__, e)
        continue
    layout = [(getattr(S, f[0]).offset, getattr(S, f[0]).size) for f in fields]
    inside = all(0 <= getattr(S, f[0]).offset and
                 getattr(S, f[0]).offset + sizeof(f[1]) <= sizeof(S) for f in fields)
    if not inside:
        print(n, sizeof(S), alignment(S), layout)
        continue
    s = S()
    for f in fields:
        t = f[1]
        if len(f) == 3:
            v = rng.randint(-2 ** f[2], 2 ** f[2])
        elif t in ints:
            v = rng.randint(-2 ** 60, 2 ** 60)
        elif t is c_char:
            v = bytes([rng.randint(0, 255)])
        elif t in (c_double, c_float):
            v = rng.choice([0.5, -2.25, 1e10])
        elif t is c_bool:
            v = rng.random() < 0.5
        elif t is c_void_p:
            v = rng.randint(0, 2 ** 40)
        else:
            continue
        setattr(s, f[0], v)
    values = []
    for f in fields:
        v = getattr(s, f[0])
        values.append(list(v) if isinstance(v, Array) else v)
    print(n, sizeof(S), alignment(S), layout, bytes(s).hex(), values)
