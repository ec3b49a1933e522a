print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 * -3, -3 * -3, --5, -+-5, ~-1, -~1)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 ** -1, 7 // 2 * 2, 7 % 3 * 2, 1 + 2 << 3, 1 + (2 << 3))
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3, 6 & 3 | 4, 1 << 2 + 1, 16 >> 1 + 1)
print(3 < 4 == True, (3 < 4) == True, 1 == 1 in [True], not 0 + 1)
print("a" + "b" * 2, ("a" + "b") * 2, [1] * 2 + [3], -abs(-2) ** 2)
print(1 if True else 2 if False else 3, (lambda: 1 if False else 2)())
a = b = c = 0
a += b + 1
print(a, b, c)
x = [1, 2, 3]
print(x[1:][0], x[-1:][0] + 1, "abc"[1:][::-1])
print(not not [], not [] == [], (not []) == [])
print(5 > 3 > 1 > 0, 1 < 3 != 2, 0 == 0 == 0.0 == False)
print(2 * 3 % 4, 2 * (3 % 4), 9 % 4 ** 2, -7 // 2 ** 1)
print(+True, -True, ~False, True + True * True)
print(0 or "" or [] or 0.0 or "end", 1 and "x" and [0] and "last")
