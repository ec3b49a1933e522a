a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, *i = range(5)
print(h, i)
*j, k = [1]
print(j, k)
l, *m, n = "abcdef"
print(l, m, n)
o, *p, q = (1, 2)
print(o, p, q)
((r, *s), t) = ([1, 2, 3], 4)
print(r, s, t)
u = v = w = [0]
u.append(1)
print(v, w is u)
x, y = y, x = 1, 2
print(x, y)
for idx, (key, *vals) in enumerate([("a", 1, 2), ("b",)]):
    print(idx, key, vals)
d = {}
d["x"], d["y"] = 10, 20
print(d)
class O: pass
obj = O()
obj.a, obj.b = "AB"
print(obj.a, obj.b)
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(lst)
lst[1:2] = [5, 6]
print(lst)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99   # assignment happens left to right
print(i, arr)
