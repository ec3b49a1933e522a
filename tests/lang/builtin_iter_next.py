it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(type(iter(())).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(1))).__name__)
print(type(iter({}.items())).__name__, type(iter({}.values())).__name__, type(reversed([])).__name__, type(iter(b"")).__name__)
s = iter("ab")
print(iter(s) is s, list(s))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di))
# iter with sentinel
count = 0
def step():
    global count
    count += 1
    return count
print(list(iter(step, 4)))
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
# length hints
it = iter([1, 2, 3])
next(it)
print(it.__length_hint__(), len(list(it)))
ri = reversed([1, 2, 3])
print(next(ri), list(ri))
# next on non-iterators
try:
    next("abc")
except TypeError as e:
    print(type(e).__name__, e)
# independent iterators over the same list
lst = [1, 2, 3]
a, b = iter(lst), iter(lst)
print(next(a), next(a), next(b))
print(list(zip(*[iter(range(6))] * 2)))
