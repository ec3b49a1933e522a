class Counter(dict):
    def __init__(self, iterable=()):
        super().__init__()
        self.update(iterable)
    def update(self, iterable=(), **kw):
        if isinstance(iterable, dict):
            for k, v in iterable.items():
                self[k] = self.get(k, 0) + v
        else:
            for k in iterable:
                self[k] = self.get(k, 0) + 1
        for k, v in kw.items():
            self[k] = self.get(k, 0) + v
    def __missing__(self, key):
        return 0
    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))
        return items if n is None else items[:n]
    def __add__(self, other):
        out = Counter()
        for c in (self, other):
            for k, v in c.items():
                out[k] = out.get(k, 0) + v
        return Counter({k: v for k, v in out.items() if v > 0})
    def __sub__(self, other):
        out = Counter()
        for k, v in self.items():
            if v - other[k] > 0:
                out[k] = v - other[k]
        return out
    def elements(self):
        for k, v in self.items():
            yield from [k] * v
    def __repr__(self):
        return "Counter({" + ", ".join(f"{k!r}: {v}" for k, v in self.most_common()) + "})"

c = Counter("mississippi")
print(c, c["s"], c["z"], len(c), c.most_common(2))
c.update("sip")
c.update(extra=5)
print(c.most_common(3))
d = Counter({"a": 3, "b": 1})
e = Counter({"a": 1, "b": 2, "c": 1})
print(d + e, d - e, e - d, sorted(d.elements()), list((d + e).elements())[:4])
words = "one two three two three three".split()
print(Counter(words).most_common(), isinstance(c, dict), sum(Counter(words).values()))
