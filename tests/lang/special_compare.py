class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print("eq", self.n, getattr(o, "n", o))
        return isinstance(o, V) and self.n == o.n
    def __lt__(self, o):
        print("lt", self.n, getattr(o, "n", o))
        if not isinstance(o, V):
            return NotImplemented
        return self.n < o.n
    def __le__(self, o):
        return NotImplemented
    __hash__ = None

a, b = V(1), V(2)
print(a == b, a != b)
print(a < b, b > a)      # > falls back to reflected __lt__
try:
    print(a <= b)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    5 > a
except TypeError as e:
    print(type(e).__name__, e)
print(a == 5, 5 == a)

class Only:
    pass
x, y = Only(), Only()
print(x == x, x == y, x != y, x != x)
try:
    x < y
except TypeError as e:
    print(type(e).__name__, e)
# chained comparisons evaluate the middle once
def val(n):
    print("eval", n)
    return n
print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
print(1 < 2 > 0 != 5 == 5)
# comparison results need not be bool
class Weird:
    def __eq__(self, o):
        return "yes"
    def __lt__(self, o):
        return [1]
print(Weird() == 1, Weird() < 1, 1 == Weird())
print(not Weird() < 2)
