vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234, 1.5e-7,
        1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 0.0, 100.0, 1.0, 3.14159,
        float(2 ** 53), float(2 ** 53 + 1), 9007199254740993.0, 0.3, 1.1 * 3, 2.675, 1e100, 1.23e-100, 12345.678]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("nan"), float("Infinity"), float("-iNF"))
print(repr(1e300 * 1e300), repr(-1e300 * 1e300), 1e300 * 1e300 - 1e300 * 1e300)
print(float("1_000.5"), float(".5"), float("5."), float("1e-3"), float("  -2.5E+2 "))
print(float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).hex(), float.fromhex("-0x1p-1074"))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print(1.0.real, 2.5.imag, (3.5).conjugate())
