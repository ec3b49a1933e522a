# _random.Random: the Mersenne Twister seeded from ints of every size, bools and
# hashes; random(), getrandbits(), getstate()/setstate() and their errors.
import _random
r = _random.Random(42)
print([r.random() for _ in range(3)], r.getrandbits(0), r.getrandbits(7), r.getrandbits(32), r.getrandbits(33), r.getrandbits(100), r.getrandbits(1000) % 10**9)
for seed in [0, 1, -1, 2**32, 2**32 - 1, 2**64, -2**100 + 7, 12345678901234567890123, True, 3.5, "abc", (1, 2)]:
    r.seed(seed) if not isinstance(seed, (str, tuple)) else None
    if isinstance(seed, (str, tuple)):
        continue
    print(seed, r.random(), r.getrandbits(40))
st = r.getstate(); print(len(st), st[-1], st[:3])
a = [r.random() for _ in range(700)]
r.setstate(st); b = [r.random() for _ in range(700)]; print(a == b)
for bad in [None, [], (1,) * 3, (1,) * 624 + (625,), (1,) * 624 + (-1,), ("x",) * 625, (-1,) * 625, (2**64,) + (1,) * 624, (1,) * 624 + ("x",)]:
    try: r.setstate(bad); print("ok")
    except Exception as e: print(type(e).__name__, e)
for bad in [-1, 2.5, "x", 2**40, 2**70]:
    try: r.getrandbits(bad)
    except Exception as e: print(type(e).__name__, e)
try: _random.Random(1, 2)
except TypeError as e: print(e)
try: _random.Random(x=1)
except TypeError as e: print(e)
