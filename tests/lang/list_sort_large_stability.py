# Sorting many records by several keys; stability across repeated sorts.
records = [(i, (i * 7919) % 101, (i * 31) % 7, "n%03d" % ((i * 37) % 500)) for i in range(500)]
by_b = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_b[:10]])
by_c_then_b = sorted(by_b, key=lambda r: r[2])
print([r[0] for r in by_c_then_b[:10]], [r[0] for r in by_c_then_b[-5:]])
multi = sorted(records, key=lambda r: (r[2], r[1], r[0]))
print(multi == by_c_then_b, multi[:2])
desc = sorted(records, key=lambda r: r[1], reverse=True)
print([r[0] for r in desc[:8]])
names = sorted(records, key=lambda r: r[3])
print([r[3] for r in names[:5]], names[0][3] <= names[-1][3])
lst = [((i * 17) % 23, i) for i in range(200)]
lst.sort()
print(lst[:6], all(lst[k] <= lst[k + 1] for k in range(len(lst) - 1)))
lst.sort(key=lambda p: p[0] % 5, reverse=True)
print(lst[:6])
words = ("delta alpha charlie bravo echo alpha Alpha ECHO foxtrot " * 3).split()
print(sorted(set(words)), sorted(words, key=str.lower)[:6])
nums = [(-1) ** i * (i * 7 % 13) for i in range(40)]
print(sorted(nums)[:8], sorted(nums, key=abs)[:8], sorted(nums, key=lambda v: (v % 3, v))[:8])
