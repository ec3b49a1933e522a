# abs, divmod, pow, round, sum, bin/oct/hex with builtin numbers and with
# classes that define the special methods.
print(abs(-3), abs(-2.5), abs(True), abs(-2**100), abs(3 - 4j))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(2**100, 7))
print(divmod(7.5, 2), divmod(-7, 2.0), divmod(7.5, -2), divmod(-0.0, 1.0))
print(pow(2, 10), pow(2, -1), pow(2, 3, 5), pow(2, -1, 7), pow(3, 4, -5), pow(-8, 1 / 3))
print(pow(base=2, exp=3), pow(2, exp=3, mod=5), pow(2, 3, None))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(-0.5), round(1.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(123.456, -1))
print(round(1234.5678, -2), round(150.0, -2), round(250.0, -2), round(250.1, -2))
print(round(-1.0, -2), round(-0.0, 1), round(1e300) == 10**300, round(5e-324, 323))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12450, -2))
print(round(5, -1), round(15, -1), round(25, -1), round(True, 2), round(7, 2**100))
print(round(12345678901234567890123, -5), round(2**100, -30))
print(round(1.5, None), round(number=2.5), type(round(2.5)), type(round(2.5, 0)))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([], 5.5), sum([0.1, 0.2, 0.3]))
print(sum([2**62, 2**62, 2**62]), sum([True, True, 3]), sum([1.5, True, 2]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1j, 2]), sum(range(101)))
print(sum([1e308, 1e308]), sum([2**70, 1.5]), sum((x * 0.1 for x in range(10))))
print(bin(5), bin(-5), bin(0), oct(8), oct(-8), hex(255), hex(-255), hex(2**64))
print(bin(2**70 + 1), oct(-2**65 - 7), hex(-2**200))


class Idx:
    def __index__(self):
        return 10


print(bin(Idx()), hex(Idx()), oct(Idx()), chr(Idx() .__index__() + 55))


class Num:
    def __init__(self, v):
        self.v = v

    def __abs__(self):
        return 'abs called'

    def __round__(self, ndigits=None):
        return ('round', ndigits)

    def __divmod__(self, other):
        return ('divmod', other)

    def __rdivmod__(self, other):
        return ('rdivmod', other)

    def __pow__(self, other, mod=None):
        return ('pow', other, mod)

    def __rpow__(self, other):
        return ('rpow', other)

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    __radd__ = __add__

    def __repr__(self):
        return f'Num({self.v})'


n = Num(3)
print(abs(n), round(n), round(n, 2), round(n, None))
print(divmod(n, 1), divmod(1, n), pow(n, 2), pow(2, n), pow(n, 2, 5))
print(sum([Num(1), Num(2)]), sum([1, 2], Num(10)))


class Sub(Num):
    def __rdivmod__(self, other):
        return 'subclass rdivmod first'


print(divmod(Num(5), Sub(2)))

errors = [
    lambda: abs('a'), lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod('a', 1),
    lambda: divmod(1j, 1), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(),
    lambda: pow(1, 2, base=3), lambda: round('a'), lambda: round(1.5, 'a'),
    lambda: round(1e400), lambda: round(1e400 - 1e400), lambda: round(),
    lambda: round(1.5, foo=1), lambda: sum(['a', 'b'], ''), lambda: sum([b'a'], b''),
    lambda: sum([1, 'a']), lambda: sum(), lambda: sum([], 1, 2), lambda: bin(1.0),
    lambda: hex('a'), lambda: divmod(2**2000, 1.5), lambda: round(1.7976931348623157e308, -308),
]
for fn in errors:
    try:
        print(fn())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
