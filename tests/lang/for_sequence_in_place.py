# A `for` loop (statement or list/set/dict comprehension) over an exact
# list, tuple or range steps it in place, with no iterator object: the
# results must be those of the sequence's own iterator in every case.

def collect(seq):
    out = []
    for x in seq:
        out.append(x)
    return out

print(collect([1, 2, 3]), collect((4, 5)), collect([]), collect(()))
print(collect(range(3)), collect(range(10, 0, -3)), collect(range(5, 5)), collect(range(0, -7, -2)))
print(collect(range(2**70, 2**70 + 2)), collect(range(-2**62, -2**62 + 2)), collect(range(2**62 - 2, 2**62)))
print(collect(range(2**62 - 3, 2**62 + 1)), collect(range(4611686018427387903, 4611686018427387900, -1)))
print(collect("ab"), collect({1: 2, 3: 4}), collect({7}), collect(b"xy"))

# The list grows and shrinks under the loop: the length is read at each step.
grow = [1, 2, 3]
for x in grow:
    if x < 5:
        grow.append(x + 3)
print(grow)
shrink = [1, 2, 3, 4, 5, 6]
seen = []
for x in shrink:
    seen.append(x)
    del shrink[0]
print(seen, shrink)
emptied = [1, 2, 3]
for x in emptied:
    emptied.clear()
    print("once", x)
# Rebinding the name does not change what is iterated.
items = [1, 2, 3]
for x in items:
    items = ["other"]
    print(x, end=" ")
print(items)

# Comprehensions, nested, with conditions, over each kind of sequence.
print([x * 2 for x in [1, 2, 3]], {x for x in (1, 2, 2)}, {x: -x for x in range(3)})
print([(x, y) for x in range(2) for y in [5, 6] if y != x + 5], [c for c in "hi"])
src = [1, 2]
print([src.append(9) or x for x in src if len(src) < 6], src)
print(list(x for x in [7, 8]), sum(x for x in range(4)), tuple(x for x in (1,)))

# Generators suspended inside such a loop keep their place.
def gen(seq):
    for x in seq:
        yield x
    for y in range(2):
        yield -y

g = gen([10, 20, 30])
print(next(g), next(g))
print(list(g))
shared = [1, 2, 3]
g = gen(shared)
print(next(g))
shared.insert(0, 0)
print(list(g))

# break, continue, else.
for x in (1, 2, 3):
    if x == 2:
        break
else:
    print("not reached")
print("broke at", x)
for x in range(3):
    if x == 1:
        continue
    print("kept", x)
else:
    print("else ran")
for x in []:
    print("no")
else:
    print("empty else")

# Subclasses keep their own __iter__; non-iterables raise as before.
class L(list):
    def __iter__(self):
        return iter(["sub"])

class T(tuple):
    def __iter__(self):
        return iter(["tsub"])

print(collect(L([1, 2])), [x for x in L([1])], collect(T((1,))), [x for x in T((1, 2))])
for bad in (5, None, 1.5):
    try:
        for x in bad:
            pass
    except TypeError as e:
        print("for:", e)
    try:
        [x for x in bad]
    except TypeError as e:
        print("comp:", e)

# Unpacking targets and nested loops over the same sequence.
pairs = [(1, "a"), (2, "b")]
for n, s in pairs:
    for m, t in pairs:
        print(n, s, m, t, end="; ")
print()
print([str(a) + b for a, b in pairs for _ in range(2)])

# `for ... in range(...)` with small ints makes no range object at all; any
# other callee or argument goes through the call as written.
def ranges():
    out = []
    for i in range(4):
        out.append(i)
    for i in range(3, -3, -2):
        out.append(i)
    for i in range(5, 1):
        out.append("never")
    for i in range(2**59, 2**59 + 2):
        out.append(i)
    for i in range(2**60 - 1, 2**60 + 1):
        out.append(i)
    for i in range(-2**61, -2**61 + 3, 2):
        out.append(i)
    for i in range(True, 3):
        out.append(i)
    for i in range(2, -1, -1):
        for j in range(i):
            out.append((i, j))
    n = 3
    for i in range(n):
        n = 0  # the bound was read once
        out.append(i)
    return out

print(ranges())
print([i * j for i in range(3) for j in range(i, 4, 2)], {i for i in range(0)})

def shadowed():
    range = lambda n: ["shadow", n]
    return [x for x in range(2)] + [y for _ in [0] for y in range(1)]

print(shadowed())
import builtins
real_range = builtins.range
builtins.range = lambda *a: ("patched",) + a
try:
    for x in range(2, 3):
        print("patched loop", x)
finally:
    builtins.range = real_range
for bad in [(0,), ("a",), (1.5,), (1, 2, 0), ()]:
    try:
        for x in range(*bad) if len(bad) != 3 else range(bad[0], bad[1], bad[2]):
            pass
        if len(bad) == 3:
            for x in range(1, 2, 0):
                pass
        print("ok", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    for x in range(1, "b"):
        pass
except TypeError as e:
    print("TypeError", e)
def suspended():
    for i in range(3):
        yield i
    for i in range(10, 0, -4):
        yield i
g = suspended()
print(next(g), list(g))
