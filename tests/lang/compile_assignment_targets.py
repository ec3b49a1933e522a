a, b = 1, 2
a, b = b, a
print(a, b)
x = y = z = [1]
print(x is y is z)
(a, b), c = (1, 2), 3
print(a, b, c)
first, *mid, last = range(6)
print(first, mid, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c, *d = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = 1
except TypeError as e:
    print(e)
d = {}
d["k"], d["j"] = 1, 2
print(d)
class O: pass
o = O()
o.p, o.q = "pq"
print(o.p, o.q)
l = [0, 1, 2, 3]
i = 0
i, l[i] = 2, 99
print(i, l)
def swap3():
    p, q, r = 1, 2, 3
    p, q, r = r, p, q
    return p, q, r
print(swap3())
def chain_local():
    v = 5
    v, w = u = (v + 1, v)
    return v, w, u
print(chain_local())
lst = [1, 2]
lst[0], lst[1] = lst[1], lst[0]
print(lst)
for k, (m, *n) in [(1, (2, 3, 4)), (5, (6,))]:
    print(k, m, n)
a = b = c = 0
a += 1
b -= 1
c |= 6
print(a, b, c)
class Counter:
    def __init__(self):
        self.n = 0
        self.log = []
    @property
    def v(self):
        self.log.append("get")
        return self.n
    @v.setter
    def v(self, x):
        self.log.append("set")
        self.n = x
cnt = Counter()
cnt.v += 5
print(cnt.n, cnt.log)
class Idx:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print("getitem", k)
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.d[k] = v
def key():
    print("key evaluated")
    return "k"
ix = Idx()
ix[key()] += 10
print(ix.d)
t = list(range(10))
print(t[1:8:2], t[::-1][:3], t[-3:])
(e1, e2), = [(7, 8)]
print(e1, e2)
[g1, [g2, g3]] = [1, [2, 3]]
print(g1, g2, g3)
