class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after b")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", type(e).__name__, e)
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with (CM("p1") as p1,
      CM("p2") as p2):
    print(p1, p2)
def f():
    with CM("ret"):
        return "returned"
print(f())
for k in range(2):
    with CM(f"loop{k}"):
        if k == 0:
            continue
        break
# __enter__ raising: __exit__ not called
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
# exception from __exit__ replaces the body's
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise TypeError("exit failed")
try:
    with BadExit():
        raise ValueError("body")
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
# not a context manager
class NotCM:
    pass
try:
    with NotCM():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class OnlyEnter:
    def __enter__(self):
        return 1
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
# truthiness of __exit__ result
class Truthy:
    def __enter__(self): pass
    def __exit__(self, *a): return "yes"
with Truthy():
    1 / 0
print("zero division suppressed")
# with target can be any assignable
class Holder: pass
h = Holder()
d = {}
with CM("t1") as h.attr, CM("t2") as d["k"]:
    pass
with CM("t3") as (x, y):
    pass
print(h.attr, d, x, y)
