class All:
    def __contains__(self, x):
        print("__contains__", x)
        return x == "yes"
    def __iter__(self):
        print("__iter__ (not used when __contains__ exists)")
        return iter(["no"])
    def __getitem__(self, i):
        raise AssertionError("not used")
print("yes" in All(), "no" in All())
class IterOnly:
    def __iter__(self):
        print("__iter__")
        yield 1
        yield 2
        print("iteration exhausted")
print(2 in IterOnly(), 3 in IterOnly())
class GetItemOnly:
    def __getitem__(self, i):
        print("__getitem__", i)
        if i > 2:
            raise IndexError
        return i * 10
print(10 in GetItemOnly(), 99 in GetItemOnly())
class ContainsNone:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in ContainsNone()
except TypeError as e:
    print(type(e).__name__, e)
class TruthyContains:
    def __contains__(self, x):
        return "non-empty"
print(1 in TruthyContains(), 1 not in TruthyContains())
print("ab" in "cabd", ["a"] in [["a"]], (1,) in {(1,): 2}, 3 in range(0, 10, 3), 3.0 in range(5), "3" in range(5))
d = {"k": 1}
print("k" in d, 1 in d, "k" in d.keys(), 1 in d.values(), ("k", 1) in d.items())
