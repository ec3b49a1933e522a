log = []
def it(tag, n):
    log.append("iter " + tag)
    return range(n)
def cond(v):
    log.append(f"cond {v}")
    return v % 2 == 0
r = [a * 10 + b for a in it("A", 3) if cond(a) for b in it("B", 2)]
print(r)
print(log)
# generator expressions are lazy; list comprehension is eager
log.clear()
g = (cond(v) for v in it("G", 3))
print(log)
next(g)
print(log)
# unpacking in comprehension targets
pairs = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in pairs])
print({k: v for (k, v) in [("x", 1)]})
# star expressions inside elements
print([(*t, 0) for t in [(1, 2), (3,)]])
print([[*range(n)] for n in range(4)])
# comprehension with a side-effecting condition containing a walrus
data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6])
# async-free nested generator expression inside list comprehension
print([sum(x for x in range(n)) for n in range(6)])
# iterating over dict while comprehending keys only
d = {"b": 2, "a": 1}
print([k for k in d], [k for k in sorted(d)], [v for k, v in d.items()])
