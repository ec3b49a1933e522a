class Hashed(object):
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)
for op in ["setdefault", "setitem", "get", "contains", "pop"]:
    hashed1 = Hashed()
    y = {hashed1: 5}
    hashed2 = Hashed()
    if op == "setdefault":
        y.setdefault(hashed2, [])
    elif op == "setitem":
        y[hashed2] = 1
    elif op == "get":
        y.get(hashed2)
    elif op == "contains":
        hashed2 in y
    else:
        y.pop(hashed2, None)
    print(op, hashed1.hash_count, hashed2.hash_count, hashed1.eq_count + hashed2.eq_count, len(y))
