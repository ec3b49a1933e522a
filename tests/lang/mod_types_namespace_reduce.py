# types.SimpleNamespace pickles and copies through its own __reduce__
# (type, (), attributes), subclasses too; vars() of a subclass instance.
import types, pickle, copy
ns = types.SimpleNamespace(breakfast="spam", lunch="spam")
print(ns.__reduce__())
for p in range(6):
    r = pickle.loads(pickle.dumps(ns, p))
    print(p, r == ns, r)
class Spam(types.SimpleNamespace):
    pass
s = Spam(ham=8, eggs=9)
print(vars(s), s.__reduce__()[0].__name__)
s2 = copy.deepcopy(s)
print(type(s2).__name__, s2, s2 == s)
s.x = 1
print(vars(s), s)
try:
    ns.__reduce__(1)
except TypeError as e:
    print(type(e).__name__, e)
