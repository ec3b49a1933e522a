import pickle, copy
d = {"a": 1, "b": 2, "c": 3}
for make in (lambda: iter(d), lambda: iter(d.values()), lambda: iter(d.items()), lambda: reversed(d),
             lambda: reversed(d.values()), lambda: reversed(d.items())):
    it = make()
    next(it)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, r[1])
    for proto in range(4):
        print(list(pickle.loads(pickle.dumps(it, proto))))
    print(list(it), list(copy.copy(it)))
it = iter(d)
d["z"] = 1
try:
    it.__reduce__()
except RuntimeError as e:
    print("RuntimeError", e)
