class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
    def __reversed__(self):
        return iter(range(1, self.start + 1))
    def __len__(self):
        return self.start
    def __contains__(self, x):
        return isinstance(x, int) and 0 < x <= self.start
c = Countdown(4)
print(list(c), list(reversed(c)), len(c), 3 in c, 9 in c, sorted(c), sum(c), list(enumerate(c, 1)))
print([x for x in c if x % 2], dict(zip(c, "abcd")), tuple(c), set(c) == {1, 2, 3, 4}, max(c), min(c))
a, b, *rest = c
print(a, b, rest, [*c, *c][:6], list(map(str, c)), " ".join(str(x) for x in c))
# an iterator class that is its own iterator, reused
class Once:
    def __init__(self, items):
        self.items = list(items)
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]
o = Once("xyz")
print(list(o), list(o), "x" in Once("xyz"))
o2 = Once(range(5))
for v in o2:
    if v == 2:
        break
print(list(o2))
# __getitem__-based iteration with IndexError and a __len__ that lies
class Liar:
    def __len__(self):
        return 100
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Liar()), len(Liar()), 20 in Liar(), list(reversed(Liar()))[-3:])
# iter() on a class with __iter__ returning a generator each time
class Fresh:
    def __iter__(self):
        return (i for i in range(2))
f = Fresh()
print(list(f), list(f), iter(f) is iter(f))
