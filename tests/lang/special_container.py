class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * i
    def __contains__(self, v):
        print("contains", v)
        return v == "magic"

s = Seq(5)
print(len(s), s[2], s[-1], s[1:3], s[::2], s[1:2:3])
print(list(s))        # iteration through __getitem__
print(3 in s, "magic" in s, "x" not in s)
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
print(list(reversed(s)))
print(sorted(s, reverse=True), sum(s), max(s))
a, b, *c = s
print(a, b, c)

class Mapping:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        print("delitem", k)
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __iter__(self):
        return iter(self.d)
m = Mapping()
m["a"] = 1
m[1, 2] = "tuple key"
print(m["a"], m[1, 2], len(m), list(m))
del m["a"]
print(list(m))
try:
    m["zz"]
except KeyError as e:
    print(type(e).__name__, e)
print("a" in m, (1, 2) in m)   # falls back to __iter__
try:
    m[1:2] = "slice"   # slices are unhashable in 3.11
except TypeError as e:
    print(type(e).__name__, e)
print(list(m))

class NoLen:
    pass
for expr in ("len(NoLen())", "NoLen()[0]", "iter(NoLen())", "5 in NoLen()"):
    try:
        eval(expr)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    NoLen()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del NoLen()[0]
except TypeError as e:
    print(type(e).__name__, e)
