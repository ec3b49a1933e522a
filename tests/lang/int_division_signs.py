pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5), (1, 10), (-1, 10), (2 ** 65 + 1, -3), (-(2 ** 65), 7)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}; {a} % {b} = {a % b}; divmod = {divmod(a, b)}; true = {a / b!r}")
# invariant: (a // b) * b + a % b == a
print(all((a // b) * b + a % b == a for a, b in pairs))
# float floor division and modulo signs
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (-0.0, 1), (0.0, -1), (1e300, 1e-300), (-1, 1e100)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(5 % float("inf"), -5 % float("inf"), 5 // float("inf"), -5 // float("inf"))
print(int(-7 / 2), -7 // 2, round(-7 / 2), round(-2.5), round(2.5), round(3.5))
