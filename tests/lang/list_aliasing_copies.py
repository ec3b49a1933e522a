a = [1, [2, 3], {"k": 4}]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(5)
a[1].append(99)
print(a, b, c, d, e, sep="\n")
print(b is a, c is a, c[1] is a[1], d == e)
# a deep copy by hand
def deep(v):
    if isinstance(v, list):
        return [deep(x) for x in v]
    if isinstance(v, dict):
        return {k: deep(x) for k, x in v.items()}
    return v
f = deep(a)
a[2]["k"] = "changed"
print(f, a[2])
# multiplication shares elements
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good)
# a list containing itself
s = [1]
s.append(s)
print(s, s[1] is s, s[1][1][1][0], len(s))
s2 = [1, s]
print(s2)
# identity vs equality
x = [1, 2]
y = [1, 2]
print(x == y, x is y, x in [y], any(x is v for v in [y]))
# slices are copies, slice assignment mutates
z = [0, 1, 2, 3]
view = z[1:3]
view[0] = "x"
print(z, view)
z[1:3] = ["a", "b", "c"]
print(z)
# function arguments are references
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
orig = []
print(mutate(orig), orig)
