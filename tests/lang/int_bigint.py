a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a, a * b)
print(a // 7, a % 7, -a // 7, -a % 7, divmod(b, a), divmod(-b, a))
print(a ** 3)
print(a // b, b // a, a % b)
print(-a, abs(-a), +a)
print(a == 2 ** 100, a > b, a < b, a != b)
n = 1
for i in range(1, 60):
    n *= i
print(n)
print(n // (10 ** 40), n % 1000000007)
print(len(str(2 ** 10000)), str(2 ** 10000)[:20], str(2 ** 10000)[-20:])
print(int("123456789" * 5) * 2)
print(10 ** 30 // 3, 10 ** 30 % 3, (10 ** 30) // (-3), (10 ** 30) % (-3))
print(2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1 + 1, (2 ** 62) * 2, (2 ** 62) + (2 ** 62))
print(4611686018427387903 + 1, -4611686018427387904 - 1, 4611686018427387904 * -1)
print((2 ** 200) // (2 ** 100) == 2 ** 100, (2 ** 200 + 1) % (2 ** 100))
x = 12345678901234567890123456789
print(x * x - x, (x * x) // x == x, x.bit_length(), (-x).bit_length())
print(hex(x), oct(x), bin(2 ** 70))
print(int(hex(x), 16) == x, int("-" + str(x)) == -x)
print(float(2 ** 80), int(1e30), 2 ** 1000 > 1e300, 2 ** 1100 > 1e300)
try:
    float(2 ** 1100)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 1100 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print((2 ** 1100) / (2 ** 1098))
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 20)
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(2 ** 100, 2 ** 50, 997))
print(hash(2 ** 100) == hash(2 ** 100), (2 ** 100).__hash__() == hash(2 ** 100 % (2 ** 61 - 1)))
