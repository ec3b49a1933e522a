# A namedtuple-style class written by hand: a tuple subclass with properties.
def make_record(name, fields):
    def __new__(cls, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{name} takes {len(fields)} arguments, got {len(args)}")
        values = list(args)
        for f in fields[len(args):]:
            if f not in kwargs:
                raise TypeError(f"missing field {f!r}")
            values.append(kwargs.pop(f))
        if kwargs:
            raise TypeError(f"unexpected fields {sorted(kwargs)}")
        return tuple.__new__(cls, values)
    def __repr__(self):
        return name + "(" + ", ".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    def _replace(self, **changes):
        return type(self)(*[changes.get(f, v) for f, v in zip(fields, self)])
    def _asdict(self):
        return dict(zip(fields, self))
    ns = {"__new__": __new__, "__repr__": __repr__, "_replace": _replace, "_asdict": _asdict,
          "_fields": tuple(fields), "__slots__": ()}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i], doc=f"field {f}")
    return type(name, (tuple,), ns)

Point = make_record("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._replace(y=9), p._asdict(), Point._fields, Point.x.__doc__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
for bad in ((1, 2, 3), (1,)):
    try:
        Point(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(p + (3,), type(p + (3,)).__name__, p * 2, p[::-1])
d = {p: "point as key"}
print(d[(1, 2)])
