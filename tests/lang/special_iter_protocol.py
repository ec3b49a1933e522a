class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e.value))

class Iterable:
    def __iter__(self):
        yield from ("x", "y")
print(list(Iterable()), [a + b for a in Iterable() for b in Iterable()])

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoNext:
    def __iter__(self):
        return self
try:
    next(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)

# iter(callable, sentinel)
vals = [1, 2, 3, 0, 4]
it = iter(lambda: vals.pop(0), 0)
print(list(it), vals)
# exhausted iterators stay exhausted
it = iter([1])
print(list(it), list(it))
# iterator over a list sees appends
lst = [1, 2]
out = []
for x in lst:
    out.append(x)
    if x < 4:
        lst.append(x + 2)
print(out)
# __iter__ = None makes it non-iterable even with __getitem__
class Blocked:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(Blocked())
except TypeError as e:
    print(type(e).__name__, e)
# StopIteration from __getitem__ also stops iteration
class SI:
    def __getitem__(self, i):
        if i == 3:
            raise StopIteration
        return i
print(list(SI()))
# __reversed__
class Rev:
    def __reversed__(self):
        return iter("cba")
print(list(reversed(Rev())))
try:
    reversed(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed({1: 2}.keys()).__class__
    print("dict keys reversible")
except TypeError as e:
    print(type(e).__name__, e)
