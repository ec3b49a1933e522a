# Lists across the sizes where krait changes how it stores the item array
# (small arrays are heap cells, big ones malloc'ed): growing, shrinking,
# slice assignment between sizes, sorting, and collections in between.
import gc


def summary(a):
    return len(a), sum(a), a[:3], a[-3:]


# append far past the boundary, pop all the way back
a = []
for i in range(5000):
    a.append(i)
    if i % 997 == 0:
        gc.collect()
print(summary(a))
while len(a) > 3:
    a.pop()
    if len(a) % 1111 == 0:
        gc.collect()
print(a)

# slice assignment that grows and shrinks across sizes
b = list(range(10))
b[5:5] = list(range(3000))
print(summary(b))
b[2:2990] = (7, 8, 9)
print(summary(b))
b[1:] = b
print(summary(b))
b[:] = range(2500)
b[::2] = tuple(range(1250))
print(summary(b))
del b[::3]
print(summary(b))
del b[10:]
print(b)

# a list subclass with its own __iter__ as the source of a slice assignment
class Rev(list):
    def __iter__(self):
        return iter([x * 10 for x in list.__iter__(self)])


c = [0] * 6
c[1:4] = Rev([1, 2, 3])
print(c)
try:
    c[::2] = Rev([9, 8])
except ValueError as e:
    print(type(e).__name__, e)
c[::2] = Rev([9, 8, 7])
print(c)
c.extend(Rev([4, 5]))
c += Rev([6])
print(c, list(Rev([1, 2])), [*Rev([3])])

# sort big lists, with a key that collects and one that mutates the list
d = [(i * 7919) % 3001 for i in range(3001)]


def key(x):
    if x % 500 == 0:
        gc.collect()
    return -x


d.sort(key=key)
print(summary(d))
e = list(range(2000, 0, -1))


def bad_key(x):
    if x == 1000:
        e.extend(range(5000))
    return x


try:
    e.sort(key=bad_key)
except ValueError as ex:
    print(type(ex).__name__, ex)
print(summary(e))

# many short lists dropped in bursts, with collections
total = 0
keep = []
for i in range(20000):
    t = list(range(i % 13))
    t[: (i % 5)] = t[(i % 5) - 1 :: -1] if i % 5 else []
    total += sum(t)
    if i % 1000 == 0:
        keep.append(t)
        gc.collect()
print(total, len(keep), keep[3])

# repetition and extension of big lists
f = [1, 2] * 700
f *= 3
f += f
print(len(f), f[-4:])
f.clear()
f.extend(range(1500))
f[100:1400] = []
print(summary(f))
