import pickle, math, copy
print(len.__reduce__(), [].append.__reduce__()[1], dict.fromkeys.__reduce__()[1], math.sqrt.__reduce__())
for f in [len, math.sqrt, dict.fromkeys, abs]:
    g = pickle.loads(pickle.dumps(f, protocol=2)); print(g is f or g == f, g.__name__)
l = [1]; a = pickle.loads(pickle.dumps(l.append, protocol=3)); print(a.__self__, type(a).__name__)
print(copy.copy(len) is len, copy.deepcopy(math.floor) is math.floor)
