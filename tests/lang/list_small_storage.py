# Small lists made with a known size keep their items in the list's own
# cell; growing moves them out, shrinking and clearing keep them. Every
# operation must see the same list either way.
import gc

def check(tag, l):
    print(tag, l, len(l), l == list(tuple(l)))

for n in (0, 1, 2, 15, 16, 17, 40):
    a = list(range(n))
    b = a[:]                 # a slice: made with its size
    c = [*a]
    d = b + c
    check(n, d[: min(len(d), 6)])
    b.append("x")            # may move out of the cell
    b.extend(range(20))
    del b[1:]
    b.insert(0, "y")
    check("grown", b)
    c.clear()
    c.append(1)
    c += [2, 3]
    check("cleared", c)
    while d:
        d.pop()
    d.extend("abc")
    check("emptied", d)

# Sorting one, with a key that looks at and changes the list.
x = [5, 3, 9, 1]
x.sort()
print(x)
y = [3, 1, 2]
try:
    y.sort(key=lambda v: (y.append(0), v)[1])
except ValueError as e:
    print("ValueError", e, y)
z = ["b", "a", "c"]
z.sort(key=lambda s: (z.__len__(), s))
print(z)
w = [(2, "b"), (1, "a")]
w.sort(reverse=True)
print(w)

# Many of them alive across collections, then changed.
keep = [[i, i + 1, i + 2] for i in range(3000)]
first, *middle, last = keep
gc.collect()
for row in keep[::500]:
    row[1:2] = ["p", "q", "r", "s"]
    row.reverse()
print(keep[0], keep[500], len(middle), last)
gc.collect()
print(sum(len(r) for r in keep), keep[-1])
m = [[0] * 3 for _ in range(4)]
m[1][2] = 7
print(m, [[1, 2]] * 2, [1, 2] * 3, list((1, 2, 3)), sorted([3, 1, 2]))
