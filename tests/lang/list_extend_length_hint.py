M = 2**63
for mk in [lambda: list(reversed(range(-M+1, 0))), lambda: [].extend(iter(range(M-1)))]:
    try: mk(); print("ok")
    except MemoryError as e: print("MemoryError", e)
class H:
    def __init__(self, h): self.h = h
    def __iter__(self): return iter([1, 2, 3])
    def __length_hint__(self): return self.h
for h in [0, 2, 100, NotImplemented]:
    print(list(H(h)))
for h in [-1, "x", 2**64, 1.5]:
    try: print(list(H(h)))
    except Exception as e: print(type(e).__name__, e)
class R:
    def __iter__(self): return iter("ab")
    def __length_hint__(self): raise TypeError("no")
print(list(R()))
class R2:
    def __iter__(self): return iter("ab")
    def __length_hint__(self): raise KeyError("no")
try: list(R2())
except KeyError as e: print("KeyError", e)
import operator
print(operator.length_hint([1,2]), operator.length_hint(iter([1,2,3])), operator.length_hint(H(5), -1), operator.length_hint(object(), -3))
l = [0] * 5; l.extend(x for x in range(3)); print(l)
