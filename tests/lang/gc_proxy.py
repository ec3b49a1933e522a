# weakref.proxy: forwarding attribute access, operators, len, iteration,
# calls; ReferenceError once the referent is gone; the proxy types.
import gc
import _weakref as weakref  # the stdlib weakref.py needs types.GenericAlias


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __len__(self):
        return len(self.xs)

    def __iter__(self):
        return iter(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __contains__(self, x):
        return x in self.xs

    def __add__(self, other):
        return Vec(*(a + b for a, b in zip(self.xs, other.xs)))

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)

    def total(self):
        return sum(self.xs)


class Fn:
    def __call__(self, x):
        return x * 2


v = Vec(1, 2, 3)
p = weakref.proxy(v)
print(type(p) is weakref.ProxyType, weakref.proxy(v) is p)
print(p.xs, p.total(), len(p), list(p), p[1], 2 in p, 9 in p)
p[0] = 10
p.extra = "set through the proxy"
print(v.xs, v.extra, str(p), repr(v))
print(p + p, p == Vec(10, 2, 3), p != v, "true" if p else "false")
print(p.__class__.__name__)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)

fn = Fn()
cp = weakref.proxy(fn)
print(type(cp) is weakref.CallableProxyType, cp(21))

q = weakref.proxy(v, lambda ref: print("proxy callback", type(ref).__name__))
print(q is p, weakref.getweakrefcount(v))
del v
gc.collect()
for action in [lambda: p.xs, lambda: len(p), lambda: str(p), lambda: p + p, lambda: "true" if p else "false"]:
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError:", e)
try:
    weakref.ProxyType()
except TypeError as e:
    print("TypeError:", e)
