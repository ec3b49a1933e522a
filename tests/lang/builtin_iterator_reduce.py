import pickle, copy
class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
    def __len__(self): return self.n
class NoLen:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i
for make in (lambda: enumerate("abc"), lambda: enumerate("abc", 5), lambda: enumerate([1, 2], 2**70),
             lambda: iter(Seq(4)), lambda: iter(NoLen()), lambda: reversed(Seq(3)),
             lambda: iter(iter([1, 2, 3]).__next__, 3)):
    it = make()
    next(it)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__ if hasattr(r[0], "__name__") else r[0], len(r))
    if hasattr(it, "__length_hint__"):
        print("  hint", it.__length_hint__())
    for proto in range(4):
        try:
            print("  ", proto, list(pickle.loads(pickle.dumps(it, proto))))
        except Exception as e:
            print("  ", proto, type(e).__name__, e)
    r = it.__reduce__()[1]
    print("  rest", list(it), [type(x).__name__ if "object at" in repr(x) else x for x in r])
it = iter(Seq(5)); it.__setstate__(3); print(list(it))
it = iter(Seq(5)); it.__setstate__(-3); print(list(it))
try:
    iter(Seq(5)).__setstate__("x")
except TypeError as e:
    print(e)
