# range and slice pickle and copy through __reduce__, as range iterators do.
import copy
import pickle

for o in [range(5), range(1, 10, 3), range(10, 0, -4), range(2**70), range(-2**65, 2**66, 2**60),
          slice(1, 2, 3), slice(None), slice("a", [1]), slice(2**70)]:
    print(o.__reduce__(), o.__reduce_ex__(2), copy.deepcopy(o), copy.copy(o))
    for proto in range(4):
        back = pickle.loads(pickle.dumps(o, proto))
        print(proto, back, back == o, type(back).__name__)
it = iter(range(1, 10, 2))
next(it)
print(it.__reduce__())
print(pickle.loads(pickle.dumps(it, 2)).__next__())
it = iter(range(2**70, 2**70 + 5))
next(it)
print(it.__reduce__(), type(it).__name__)
try:
    slice(3).__reduce__(1)
except TypeError as e:
    print(type(e).__name__, e)
