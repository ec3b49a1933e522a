# Instance attributes stored in shapes: many attributes, deletion and
# re-adding, attributes in different orders, computed names, __dict__
# materialized on demand and used afterwards, __dict__ assignment.

class P:
    pass

def attrs(o):
    return sorted(vars(o).items())

a = P()
b = P()
a.x = 1; a.y = 2
b.y = 20; b.x = 10          # other order: another shape, same behaviour
print(a.x, a.y, b.x, b.y, attrs(a), attrs(b))

# many attributes: inline slots then overflow
c = P()
for i in range(40):
    setattr(c, "f%d" % i, i * i)
print(c.f0, c.f4, c.f5, c.f39, len(vars(c)))
for i in range(0, 40, 3):
    delattr(c, "f%d" % i)
print(sorted(vars(c))[:5], len(vars(c)))
print(hasattr(c, "f3"), hasattr(c, "f4"), getattr(c, "f3", "gone"))
c.f3 = "again"
print(c.f3, list(vars(c))[-1])

# deletion in the middle keeps the others
d = P()
d.a = 1; d.b = 2; d.c = 3; d.d = 4; d.e = 5; d.f = 6; d.g = 7
del d.c
print(d.a, d.b, d.d, d.e, d.f, d.g, list(vars(d)))
try:
    del d.c
except AttributeError as e:
    print("AttributeError:", e)
try:
    d.c
except AttributeError as e:
    print("AttributeError:", e)

# __dict__ is the live namespace
e = P()
e.one = 1
dd = e.__dict__
dd["two"] = 2
e.three = 3
print(e.two, dd, e.__dict__ is dd)
del dd["one"]
print(hasattr(e, "one"), vars(e))

# __dict__ assignment and deletion
f = P()
f.old = 1
f.__dict__ = {"new": 2}
print(hasattr(f, "old"), f.new)
try:
    f.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)
del f.__dict__
print(vars(f))
f.again = 1
print(vars(f))

# computed, non-identifier and str-subclass names
g = P()
name = "".join(["dyn", "amic"])
setattr(g, name, "v")
print(g.dynamic, getattr(g, "dyn" + "amic"))
setattr(g, "not an identifier", 5)
print(getattr(g, "not an identifier"), vars(g))
class S(str):
    pass
setattr(g, S("sub"), 7)
print(g.sub, [type(k).__name__ for k in vars(g)])
try:
    setattr(g, 5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(g, 5)
except TypeError as e:
    print("TypeError:", e)

# a bag of arbitrary keys
bag = P()
for i in range(200):
    setattr(bag, "k%d" % (i * 7919 % 1000), i)
print(len(vars(bag)), bag.k0, getattr(bag, "k%d" % (7919 % 1000)))

# class attributes seen through instances, shadowed, restored
class Q:
    shared = "class"
q = Q()
print(q.shared)
q.shared = "mine"
print(q.shared, Q.shared)
del q.shared
print(q.shared)
Q.shared = "changed"
print(q.shared)
