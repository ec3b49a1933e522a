class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name * 2
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with CM("a") as x, CM("b") as y:
    print("body", x, y)

with CM("s", True):
    raise ValueError("suppressed")
print("after suppressed")

try:
    with CM("n"):
        raise KeyError("not suppressed")
except KeyError as e:
    print("propagated", e)

def ret():
    with CM("r"):
        return "returned"
print(ret())

def loop():
    for i in range(3):
        with CM(f"l{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    return i
print(loop())

with CM("t") as (p):
    print(p)
class Seq:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Seq() as (a, b):
    print(a + b)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError", e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
