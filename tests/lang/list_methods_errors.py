l = [1, 2, 3]
for call in ("l.pop(10)", "l.pop(-10)", "l.remove(9)", "l.index(9)", "l.index(1, 1)", "l.insert(1)", "l.append()",
             "l.append(1, 2)", "l.extend(5)", "l.extend(None)", "l.sort(key=5)", "l.sort(1)", "l.count()",
             "l.reverse(1)", "l[3]", "l[-4]", "l['a']", "l[1.0]", "l.copy(1)", "l.clear(0)", "l + 1",
             "l * 'x'", "l * 1.5", "[].pop()", "l.index(3, -1)", "l.index(2, 0, 1)", "l.pop(True)"):
    try:
        r = eval(call)
        print(call, "->", r, l)
    except Exception as e:
        print(call, "->", type(e).__name__, e)
# the list is unchanged after failing calls (apart from the successful ones)
print(l)
big = list(range(100))
print(big.pop(50), big.index(99), len(big), big[-1], big[49:52])
print(list.__len__([1, 2]), list.append, type(list.append).__name__)
