# str.format and format_map: field names with attributes and indexes on
# user objects, user __format__/__str__/__repr__, conversions, nested
# specs, numbering rules, errors, and mappings with __missing__.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.items = {"k": [10, 20, 30], "0": "zero-key"}

    def __getitem__(self, key):
        return "item[%r]" % (key,)

    def __format__(self, spec):
        if spec == "polar":
            return "r=%.2f" % ((self.x ** 2 + self.y ** 2) ** 0.5)
        return "Point(%s)" % spec

    def __str__(self):
        return "str-point"

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class BadFormat:
    def __format__(self, spec):
        return 42


class Raising:
    def __format__(self, spec):
        raise ValueError("no format for " + spec)

    def __repr__(self):
        raise RuntimeError("no repr")


class Defaults(dict):
    def __missing__(self, key):
        return "<" + key + ">"


p = Point(3, 4)
cases = [
    ("{0.x} {0.y}", (p,), {}), ("{p.items[k][1]}", (), {"p": p}), ("{0[5]}", (p,), {}),
    ("{0[name]}", (p,), {}), ("{0[-1]}", (p,), {}), ("{0.items[0]}", (p,), {}),
    ("{0:polar}", (p,), {}), ("{0:xyz}", (p,), {}), ("{0}", (p,), {}), ("{0!s}", (p,), {}),
    ("{0!r}", (p,), {}), ("{0!a}", (p,), {}), ("{0!r:>20}", (p,), {}), ("{0!s:^15}", (p,), {}),
    ("{0.z}", (p,), {}), ("{0.x.__class__.__name__}", (p,), {}), ("{:{}}", (p, "polar"), {}),
    ("{0:{1}}", (3.14159, ".2f"), {}), ("{0:{w}.{p}f}", (3.14159,), {"w": 10, "p": 3}),
    ("{:>{}}", ("x", 5), {}), ("{0:{1}{2}}", ("x", ">", 4), {}), ("{0:{1:{2}}}", ("x", 1, 2), {}),
    ("{}", (BadFormat(),), {}), ("{}", (Raising(),), {}), ("{!r}", (Raising(),), {}),
    ("{0} {1} {0}", ("a", "b"), {}), ("{} {}", ("a",), {}), ("{2}", ("a", "b"), {}),
    ("{name}", (), {}), ("{name!r:*^12}", (), {"name": "é"}), ("{0[0]}", ([[1, 2]],), {}),
    ("{0[0][1]}", ([[1, 2]],), {}), ("{0[1]}", ({1: "int-key", "1": "str-key"},), {}),
    ("{0[a b]}", ({"a b": "spaced"},), {}), ("{0.__class__.__name__}", (p,), {}),
    ("{0:%}", (0.25,), {}), ("{:,}", (1234567,), {}), ("{:_}", (1234567.5,), {}),
    ("{{}} {{{0}}}", ("x",), {}), ("{0:{{}}}", ("x",), {}),
]
for fmt, args, kwargs in cases:
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)

for fmt, mapping in [("{a} {b}", Defaults(a=1)), ("{x.x}", {"x": p}), ("{}", {}), ("{0}", {}),
                     ("{a[0]}", {"a": "xyz"}), ("{a!r:>6}", {"a": "q"}), ("{a}", Defaults()),
                     ("{a:{b}}", Defaults(a="v", b=">4")), ("{a}", p)]:
    try:
        print(repr(fmt), "map ->", repr(fmt.format_map(mapping)))
    except Exception as e:
        print(repr(fmt), "map ->", type(e).__name__ + ":", e)

# f-strings use the same machinery.
x, w = 3.14159, 8
print(f"{x:{w}.2f}|{x!r:>12}|{p}|{p:polar}|{p!r}|{'é'!a}|{x:.3}|{12345:,}|{-0.0:z.1f}|")
print(f"{'{'}{'}'}", f"{{literal}}", f"{1 + 1 = }", f"{x = :.1f}", f"{p = !s}")
nested = "{0:{1}}".format
print([nested(v, s) for v, s in [(5, "03"), ("ab", "<4"), (2.5, ".0%"), (255, "#x")]])
