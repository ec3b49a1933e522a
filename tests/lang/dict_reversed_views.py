d = {'a': 1, 'b': 2, 'c': 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
del d['b']; d['z'] = 9
print(list(reversed(d)))
it = reversed(d); next(it); d['q'] = 1
try: next(it)
except RuntimeError as e: print(type(e).__name__, e)
print(type(reversed({})).__name__, type(reversed({}.values())).__name__, type(reversed({}.items())).__name__)
print(d.keys().mapping, d.items().mapping['a'], type(d.values().mapping).__name__)
it = iter(d); print(it.__length_hint__()); next(it); print(it.__length_hint__())
d[5]=5; print(it.__length_hint__())
print(iter({}.items()).__length_hint__(), reversed(d).__length_hint__())
class L(list):
    def __len__(self): return 0
print(bool(L([1])), bool([]), bool([0]), bool(()), bool((1,)), bool(set()), bool({1}), bool(frozenset()), bool({}), bool({1:2}))
print(list(reversed({})))
