vals = [0, 1, 5, -1, -6, 255, 2 ** 70 + 3, -(2 ** 70)]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a & 0xFF, a | 0x100, a ^ -1, a.bit_length())
print(1 << 100, (1 << 100) >> 99, -1 >> 1000, 1 >> 1000, -(2 ** 70) >> 69)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(-5 & 3, -5 | 3, -5 ^ 3, -5 & -3)
print((2 ** 80 - 1) & (2 ** 40), (2 ** 80) | 1, (2 ** 80) ^ (2 ** 80))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 << 1
except TypeError as e:
    print(type(e).__name__, e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "big"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xff", "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print((10).bit_count(), (-10).bit_count(), (2 ** 100 - 1).bit_count())
print(0o17, 0x_ff, 0b_1_0, 1_000_000, 0xDEADbeef)
