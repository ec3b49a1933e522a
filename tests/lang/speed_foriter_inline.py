# for over range and list iterators, which the interpreter steps inline: big
# ints past the small-int range, mutation of the list while it is iterated,
# iterators resumed after partial use.
print(list(range(2**62 - 3, 2**62 + 3)), list(range(-2**62 + 2, -2**62 - 3, -1)))
print([x for x in range(10, -10, -3)], [x for x in range(0)], [x for x in range(5, 2)])
print([x for x in range(2**63 - 3, 2**63 + 2)])
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x < 6:
        l.append(x + 3)
print(out)
l = [1, 2, 3, 4]
out = []
for x in l:
    out.append(x)
    l.clear()
print(out, l)
it = iter([1, 2])
for x in it:
    pass
print(list(it), next(iter(range(3))))
r = iter(range(3))
next(r)
for x in r:
    print(x)
print(list(r))
