# Slot wrappers (list.__len__) and method-wrappers ([].__len__): their
# __text_signature__ by kind of slot, __objclass__, and __reduce__ as
# (getattr, (owner or self, name)).
cases = [object.__init__, object.__repr__, object.__hash__, list.__len__, type(iter([])).__next__,
         type.__call__, object.__lt__, object.__getattribute__, object.__setattr__,
         object.__delattr__, property.__get__, property.__set__, property.__delete__,
         dict.__setitem__, dict.__delitem__, list.__contains__, int.__add__, int.__radd__,
         int.__pow__, int.__rpow__, list.__iadd__, list.__mul__, list.__imul__, int.__bool__,
         int.__neg__, int.__index__, str.__mod__, tuple.__getitem__]
for d in cases:
    print(repr(d), d.__text_signature__, d.__objclass__.__name__, d.__name__, d.__qualname__)
    r = d.__reduce__()
    print('  reduce', r[0].__name__, r[1][0].__name__, r[1][1], getattr(*r[1]) == d)

for w in (object().__init__, [].__len__, (1).__add__, object.__init__.__get__, iter([]).__next__):
    print(w.__name__, w.__text_signature__, w.__objclass__.__name__, type(w.__self__).__name__)
    r = w.__reduce__()
    print('  reduce', r[0].__name__, type(r[1][0]).__name__, r[1][1])

try:
    list.__len__.__reduce__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [].__len__.__reduce__(1)
except TypeError as e:
    print(type(e).__name__, e)
