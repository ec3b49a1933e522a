print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2)
print(2 ** -1, 2 ** -2, (-2) ** -1, 10 ** -3)
print(4 ** 0.5, 8 ** (1 / 3), (-8) ** (1 / 3))
print(pow(2, 10), pow(2, 10, 1000), pow(-2, 3, 5), pow(2, -1, 7), pow(3, -2, 11), pow(7, 0, 1))
print(pow(5, 3, -7), pow(-5, 3, -7))
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 ** 10 ** 20, (-1) ** (10 ** 20 + 1))
print(type(2 ** -1).__name__, type(2 ** 2).__name__, type(pow(2, 2, 3)).__name__)
print(0.0 ** 0, 0 ** 0.0, 1.0 ** float("nan"), float("nan") ** 0)
print((-1) ** 0.5)
print(pow(2, 3.0), 2.0 ** 3, (1j) ** 2)
try:
    pow(2, 3, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
print(len(str(7 ** 777)))
print(True ** 5, False ** 0, 2 ** True)
