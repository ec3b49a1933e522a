class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def _key(self):
        p = self.parts
        while p and p[-1] == 0:
            p = p[:-1]
        return p
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self._key() == o._key()
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self._key() < o._key()
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        return not self <= o
    def __ge__(self, o):
        return not self < o
    def __hash__(self):
        return hash(self._key())
vs = [Version(s) for s in ("1.10", "1.2", "1.2.0", "0.9.9", "2", "1.2.1")]
print(sorted(vs), max(vs), min(vs))
print(Version("1.2") == Version("1.2.0.0"), Version("1.2") < Version("1.10"), Version("2") >= Version("1.99"))
print(len(set(vs)), sorted(set(vs)), Version("1.2") in vs, vs.index(Version("1.2.0")))
print(Version("1") == "1", Version("1") != "1")
try:
    Version("1") < "1"
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(vs, reverse=True), sorted(vs, key=lambda v: v.parts))
