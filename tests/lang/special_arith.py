class Vec:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "Vec" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return Vec(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __sub__(self, o):
        return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        return Vec(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k):
        return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return Vec(*(a // k for a in self.c))
    def __mod__(self, k):
        return Vec(*(a % k for a in self.c))
    def __divmod__(self, k):
        return (self // k, self % k)
    def __pow__(self, k, mod=None):
        return Vec(*(pow(a, k, mod) for a in self.c))
    def __neg__(self):
        return Vec(*(-a for a in self.c))
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __invert__(self):
        return Vec(*reversed(self.c))
    def __lshift__(self, n):
        return Vec(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n):
        return self << -n
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
    def __rsub__(self, o): return "rsub"
    def __rtruediv__(self, o): return "rtruediv"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __rmod__(self, o): return "rmod"
    def __rpow__(self, o): return "rpow"
    def __rmatmul__(self, o): return "rmatmul"
    def __rlshift__(self, o): return "rlshift"
    def __rrshift__(self, o): return "rrshift"
    def __rdivmod__(self, o): return "rdivmod"

v, w = Vec(1, 2, 3), Vec(4, 5, 6)
print(v + w, v + 1, 1 + v, v - w, v * 2, 3 * v, v @ w)
print(v / 2, v // 2, v % 2, divmod(v, 2), v ** 2, pow(v, 2, 3))
print(-v, +v, abs(Vec(3, 4)), ~v, v << 1, v >> 1)
print(v & 1, v | 1, v ^ 1, 1 & v, 1 | v, 1 ^ v)
print(1 - v, 1 / v, 1 // v, 1 % v, 2 ** v, [1] @ v, 1 << v, 1 >> v, divmod(1, v))
print(sum([v, w, Vec(1, 1, 1)]))
try:
    v + "s"
except TypeError as e:
    print(type(e).__name__, e)
print("s" - v - v)
class Plain:
    pass
for op in ("+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"):
    try:
        eval("Plain() " + op + " 1")
    except TypeError as e:
        print(type(e).__name__, e)
for expr in ("-Plain()", "+Plain()", "~Plain()", "abs(Plain())"):
    try:
        eval(expr)
    except TypeError as e:
        print(type(e).__name__, e)
