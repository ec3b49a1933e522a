def _gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Fraction:
    __slots__ = ("num", "den")
    def __new__(cls, num=0, den=1):
        if isinstance(num, str):
            if "/" in num:
                a, b = num.split("/")
                num, den = int(a), int(b)
            else:
                num = int(num)
        if den == 0:
            raise ZeroDivisionError(f"Fraction({num}, 0)")
        g = _gcd(num, den)
        if den < 0:
            g = -g
        self = super().__new__(cls)
        self.num, self.den = num // g, den // g
        return self
    @staticmethod
    def _coerce(o):
        if isinstance(o, Fraction):
            return o
        if isinstance(o, int):
            return Fraction(o)
        return None
    def __add__(self, o):
        o = self._coerce(o)
        if o is None:
            return NotImplemented
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__
    def __neg__(self):
        return Fraction(-self.num, self.den)
    def __sub__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else self + -o
    def __rsub__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else o + -self
    def __mul__(self, o):
        o = self._coerce(o)
        if o is None:
            return NotImplemented
        return Fraction(self.num * o.num, self.den * o.den)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._coerce(o)
        if o is None:
            return NotImplemented
        return Fraction(self.num * o.den, self.den * o.num)
    def __rtruediv__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else o / self
    def __pow__(self, e):
        if not isinstance(e, int):
            return NotImplemented
        if e >= 0:
            return Fraction(self.num ** e, self.den ** e)
        return Fraction(self.den ** -e, self.num ** -e)
    def __eq__(self, o):
        if isinstance(o, float):
            return float(self) == o
        o = self._coerce(o)
        return NotImplemented if o is None else (self.num, self.den) == (o.num, o.den)
    def __lt__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else self.num * o.den < o.num * self.den
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        if self.den == 1:
            return hash(self.num)
        return hash((self.num, self.den))
    def __float__(self):
        return self.num / self.den
    def __int__(self):
        return int(self.num / self.den) if abs(self.num) < 2 ** 52 else self.num // self.den
    def __bool__(self):
        return self.num != 0
    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"
    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"
    def __format__(self, spec):
        return format(float(self), spec) if spec else str(self)

h = Fraction(1, 2)
t = Fraction("1/3")
print(h + t, h - t, h * t, h / t, h ** 3, t ** -2, -h, 1 + h, 1 - h, 2 * t, 1 / t)
print(repr(Fraction(6, -8)), Fraction("7"), Fraction(0, 5), bool(Fraction()), float(t), int(Fraction(-7, 2)))
print(h == Fraction(2, 4), h == 0.5, Fraction(4, 2) == 2, t < h, h <= h, sorted([h, t, Fraction(-1, 5), Fraction(3)]))
print(hash(Fraction(4, 2)) == hash(2), {Fraction(1, 2): "half"}[Fraction(2, 4)], f"{t:.4f}", f"{t}")
harmonic = sum(Fraction(1, k) for k in range(1, 21))
print(harmonic, f"{harmonic:.6f}")
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    h + 0.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    h.extra = 1
except AttributeError as e:
    print(type(e).__name__, e)
