class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()), c["zzz"], "zzz" in c, c.get("zzz"))

class AutoList(dict):
    def __missing__(self, key):
        self[key] = []
        return self[key]
al = AutoList()
al["x"].append(1)
al["x"].append(2)
al["y"].append(3)
print(al)

class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
lw = Lower()
lw["KEY"] = 1
print(lw["key"], lw["Key"], dict(lw), lw.get("KEY"), "KEY" in lw)
# dict() constructor and update bypass overridden __setitem__
lw2 = Lower({"UP": 1})
lw2.update(MIXED=2)
print(dict(lw2))
# ** unpacking of a dict subclass ignores an overridden keys()/__getitem__
class Sneaky(dict):
    def keys(self):
        return ["fake"]
    def __getitem__(self, k):
        return "fake value"
def f(**kw):
    return kw
print(f(**Sneaky(real=1)), dict(Sneaky(real=1)), {**Sneaky(real=1)})
# a non-dict mapping is accessed through keys() and __getitem__
class Mapping:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print(f(**Mapping()), dict(Mapping()), {**Mapping()})
# __missing__ is only used by __getitem__
print(Counter().get("x", "get ignores __missing__"), Counter().setdefault("y", 5))
class BadMissing(dict):
    def __missing__(self, key):
        raise LookupError(f"custom missing {key}")
try:
    BadMissing()["q"]
except LookupError as e:
    print(type(e).__name__, e)
