class H(int):
    hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
n = 10
for thetype in (set, frozenset):
    d = dict.fromkeys(map(H, range(n)))
    c = lambda: sum(e.hash_count for e in d)
    print(c())
    s = thetype(d); print("ctor", c())
    s.difference(d); print("difference", c())
    if hasattr(s, "symmetric_difference_update"):
        s.symmetric_difference_update(d); print("symdiff", c())
    d2 = dict.fromkeys(set(d)); print("fromkeys(set)", c())
    d3 = dict.fromkeys(frozenset(d)); print("fromkeys(frozenset)", c())
    d3 = dict.fromkeys(frozenset(d), 123); print("fromkeys(frozenset, 123)", c())
    s2 = thetype(d.keys()); print("from keys view", c())
    if thetype is set:
        s.update(d); print("update", c())
    s3 = set(s); print("set(set)", c())
    s3 |= s; print("ior", c())
    s3 &= s; print("iand", c())
    s3 - s; s3 ^ s; s3 | s; s3 & s; print("binops", c())
    s3.issubset(s); s3.issuperset(s); s3.isdisjoint(s); print("predicates", c())
for meth in ("difference", "difference_update", "intersection", "intersection_update", "union", "update",
             "symmetric_difference", "symmetric_difference_update", "issubset", "issuperset", "isdisjoint"):
    for recv in (set(), {1}):
        f = getattr(recv, meth, None)
        try:
            print(meth, recv, f(123))
        except TypeError as e:
            print(meth, recv, "TypeError", e)
