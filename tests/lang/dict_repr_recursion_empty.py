from collections import defaultdict
d = defaultdict(); d.default_factory = d
print(repr(d))
e = {}; print(repr(e), repr({1: {}}))
class D(dict):
    def __repr__(self): return "D" + dict.__repr__(self)
print(D(), D(a=D()))
