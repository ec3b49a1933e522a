s = {1, 2, 3}
it = iter(s); print(it.__length_hint__()); next(it); print(it.__length_hint__())
r = it.__reduce__(); print(r[0] is iter, sorted(r[1][0]), it.__length_hint__())
print(sorted(it))
print(it.__length_hint__(), it.__reduce__()[1])
it = iter(s); s.add(9); print(it.__length_hint__())
try: it.__reduce__()
except RuntimeError as e: print(e)
fs = frozenset("ab"); print(sorted(iter(fs).__reduce__()[1][0]))
