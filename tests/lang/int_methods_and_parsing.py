print(int("ff", 16), int("FF", 16), int("z", 36), int("0o17", 0), int("0x1F", 0), int("  -12  "), int("+7"))
print(int("1_0", 0), int("٣"), int(b"42"), int(bytearray(b"-3")))
for s, base in [("08", 0), ("0b2", 0), ("12", 2), ("", 10), ("1 2", 10), ("0x", 16)]:
    try:
        int(s, base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("5", 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
print(int(), int(0.9), int(-0.9), int("0"), int("-0"))
print((17).__divmod__(5), (17).__rfloordiv__(100), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((6).as_integer_ratio(), int.__name__, (3).__round__(), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(abs(-5), abs(0), abs(-(2 ** 70)))
print(isinstance(True, int), True + True, True * 10, -True, ~True)
print(str(-0), repr(10 ** 20), format(1234567, ","), format(1234567, "_"), format(255, "#x"), format(255, "08b"))
print(format(-42, "+d"), format(42, " d"), format(42, "^10d") + "|", format(3, "e"), format(10 ** 20, ".3e"))
class MyInt(int):
    pass
m = MyInt(7)
print(type(m + 1).__name__, type(-m).__name__, type(abs(m)).__name__, type(int(m)).__name__, m == 7, hash(m) == hash(7))
print(int.from_bytes(b"\x00\x10", byteorder="big"), (1024).to_bytes(3, byteorder="little"))
print(max(3, 2 ** 65, -1), min(-(2 ** 65), 0), sorted([2 ** 64, -3, 0, 2 ** 63]))
