import sys
vals = [0, 1, -1, 7, -7, 2 ** 31, -(2 ** 31), 2 ** 62 - 1, 2 ** 62, -(2 ** 62), 2 ** 63, 2 ** 64 + 7, -(10 ** 30) - 3, 3 ** 80]
ok = True
for a in vals:
    for b in vals:
        s, d, p = a + b, a - b, a * b
        if s - b != a or d + b != a:
            ok = False
            print("add/sub broken", a, b)
        if b and (a // b) * b + a % b != a:
            ok = False
            print("divmod broken", a, b)
        if b and divmod(a, b) != (a // b, a % b):
            ok = False
            print("divmod mismatch", a, b)
        if b and not (0 <= a % b < b or b < a % b <= 0):
            ok = False
            print("mod sign broken", a, b)
        if (a < b) != (b > a) or (a == b) != (not a != b):
            ok = False
        if -(-a) != a or a ^ b ^ b != a or (a & b) | (a & ~b) != a:
            ok = False
            print("bit identity broken", a, b)
print("identities hold:", ok)
print(sum(vals), max(vals), min(vals), sorted(vals)[:3])
acc = 1
for v in vals:
    acc = acc * (v or 1) % (2 ** 127 - 1)
print(acc)
print([v >> 3 for v in vals])
print([v % 1000 for v in vals])
print(sys.maxsize + 1, -sys.maxsize - 2, (sys.maxsize + 1) // 2 == 2 ** 62)
x = 1
for i in range(200):
    x = x * 3 + i
print(x % (10 ** 12), x.bit_length())
