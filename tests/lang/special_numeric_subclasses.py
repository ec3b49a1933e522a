class Money(int):
    def __new__(cls, cents, currency="EUR"):
        obj = super().__new__(cls, cents)
        obj.currency = currency
        return obj
    def __repr__(self):
        return f"Money({int(self)}, {self.currency!r})"
    def __add__(self, other):
        if isinstance(other, Money) and other.currency != self.currency:
            raise ValueError("currency mismatch")
        return Money(int(self) + int(other), self.currency)
    __radd__ = __add__

m = Money(150)
print(m, m + 50, 50 + m, m * 2, type(m * 2).__name__, m // 7, type(-m).__name__)
print(sum([Money(1), Money(2), Money(3)]), sum([Money(1), Money(2)], Money(0)))
try:
    Money(1, "USD") + Money(1)
except ValueError as e:
    print(type(e).__name__, e)
print(m == 150, m < 200, hash(m) == hash(150), isinstance(m, int), f"{m:05d}", str(m), int(m))

class Temp(float):
    def __str__(self):
        return f"{float(self):.1f}°"
t = Temp(21.456)
print(t, repr(t), t + 1, type(t + 1).__name__, round(t, 1), type(round(t)).__name__)

class Flag(int):
    pass
f = Flag(1)
print(f & 1, type(f & 1).__name__, f | 2, bool(f), ~f, f << 3, abs(Flag(-3)), type(abs(Flag(-3))).__name__)

class Text(str):
    def __add__(self, o):
        return Text(str(self) + "+" + str(o))
s = Text("a")
print(s + "b", "b" + s, type("b" + s).__name__, s * 2, type(s * 2).__name__, s.upper(), type(s.upper()).__name__)
print(s == "a", "a" == s, s in {"a": 1}, len(s), s[0], type(s[0]).__name__)
class Tup(tuple):
    pass
tt = Tup((1, 2))
print(tt + (3,), type(tt + (3,)).__name__, tt[:1], type(tt[:1]).__name__, tt == (1, 2))
class L(list):
    pass
ll = L([3, 1, 2])
print(ll[:2], type(ll[:2]).__name__, ll + [4], type(ll + [4]).__name__, sorted(ll), type(ll * 2).__name__)
