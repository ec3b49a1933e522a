class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __round__(self, nd=None):
        return ("round", nd)
    def __trunc__(self):
        return 3
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __index__(self):
        return 11
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2))
print(bin(n), "%d" % n, "%x" % n)
class OnlyIndex:
    def __index__(self):
        return 4
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()))
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
class Nothing:
    pass
for f in (int, float, complex, round):
    try:
        f(Nothing())
    except TypeError as e:
        print(type(e).__name__, e)
class Bytesish:
    def __bytes__(self):
        return b"bytes!"
print(bytes(Bytesish()))
print(int("  42  "), int("-0x1f", 16), int("0b101", 0), int("1_000"), float(" 1e3 "), float("-inf"))
for bad in ("", "1.5", "0x", "1__0", "abc"):
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float("nope")
except ValueError as e:
    print(type(e).__name__, e)
print(int(3.99), int(-3.99), int(True), float(10 ** 20), int(1e20))
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
