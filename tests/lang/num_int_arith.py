# int arithmetic against CPython: floor division and modulo signs, the
# ZeroDivisionError messages, powers (negative exponents, three-argument pow
# and its errors), correctly rounded true division of big ints and its
# overflow, shifts and bitwise operators on big negatives.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "=", repr(r), type(r).__name__)

# A deterministic stream of big ints of varied sizes and signs.
state = 12345
def rand_int():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    bits = state % 300
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    v = (state * 0x9E3779B97F4A7C15 ** (bits // 64 + 1)) % (2 ** bits + 1)
    return -v if state & 1 else v

operands = [0, 1, -1, 2, -2, 3, 7, -7, 10, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63, 2**64 - 1,
            10**20, -10**20, 3**100, -(3**100), True, False]
operands += [rand_int() for _ in range(8)]

for a in operands:
    for b in operands:
        try:
            q, r = divmod(a, b)
            assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
            assert a // b == q and a % b == r
            res = (q, r)
        except ZeroDivisionError as e:
            res = str(e)
        print("divmod", a, b, res)

# ---- the messages of division by zero
for f, label in [(lambda: 5 // 0, "5 // 0"), (lambda: 5 % 0, "5 % 0"), (lambda: divmod(5, 0), "divmod(5, 0)"),
                 (lambda: 5 / 0, "5 / 0"), (lambda: 2**70 // 0, "big // 0"), (lambda: 2**70 % 0, "big % 0"),
                 (lambda: 2**70 / 0, "big / 0"), (lambda: 5 // False, "5 // False"),
                 (lambda: 0 ** -1, "0 ** -1"), (lambda: 0 ** -(2**70), "0 ** -big"),
                 (lambda: pow(0, -1, 5), "pow(0, -1, 5)"), (lambda: 7 .__floordiv__(0), "__floordiv__"),
                 (lambda: 7 .__mod__(0), "__mod__"), (lambda: 7 .__truediv__(0), "__truediv__"),
                 (lambda: 7 .__rfloordiv__(0), "__rfloordiv__ ok")]:
    show(label, f)

# ---- powers
for a in [0, 1, -1, 2, -2, 3, 10, -10, 2**64, -(3**40)]:
    for e in [0, 1, 2, 3, 10, 63, 64, 100, -1, -2, -3, -10, -64]:
        show(f"{a} ** {e}", lambda: a ** e)
show("2 ** -1075", lambda: 2 ** -1075)
show("2 ** -1074", lambda: 2 ** -1074)
show("(-2) ** -1074", lambda: (-2) ** -1074)
show("10 ** -400", lambda: 10 ** -400)
show("(2**1024) ** -1", lambda: (2**1024) ** -1)
show("(2**2000) ** -1", lambda: (2**2000) ** -1)
show("(-1) ** (2**100)", lambda: (-1) ** (2**100))
show("(-1) ** (2**100 + 1)", lambda: (-1) ** (2**100 + 1))
show("1 ** -(2**100)", lambda: 1 ** -(2**100))
show("(-1) ** -(2**100 + 1)", lambda: (-1) ** -(2**100 + 1))
show("2 ** -(2**100)", lambda: 2 ** -(2**100))
print(len(str(7 ** 5000)), (3 ** 1000) % 1000003, (-3) ** 333 == -(3 ** 333))
for a, b, m in [(2, 3, 5), (2, 3, -5), (-2, 3, 5), (2, 0, 1), (2, 0, -1), (0, 0, 7), (3, 200, 2**64 + 13),
                (3, 2**70, 1000), (-7, 2**65 + 1, 2**80), (2, -1, 5), (2, -1, -5), (3, -2, 7),
                (2, -1, 4), (4, -1, 8), (0, -1, 5), (5, -1, 1), (5, -3, -1), (2**100, -1, 2**61 - 1),
                (2, 3, 0), (2, -3, 0), (True, 2, 3)]:
    show(f"pow({a}, {b}, {m})", lambda: pow(a, b, m))
for a, b, m in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (2, 3, None), ("2", 3, 5), (2, 3, "5"),
                (2j, 3, 5)]:
    show(f"pow({a!r}, {b!r}, {m!r})", lambda: pow(a, b, m))
show("pow(2, 3, mod=5)", lambda: pow(2, 3, mod=5))
show("pow(base=2, exp=3)", lambda: pow(base=2, exp=3))
show("(2).__pow__(3, 5)", lambda: (2).__pow__(3, 5))
show("(3).__rpow__(2)", lambda: (3).__rpow__(2))

# ---- true division: correctly rounded, however big
pairs = [(1, 3), (2, 3), (-2, 3), (10**30, 7), (2**53 + 1, 1), (2**54 + 3, 2), (2**1023, 1),
         (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1), (2**1024 - 2**971, 1), (2**1024, 1),
         (2**1024, 2), (2**2000, 2**1000), (3**700, 3**699), (1, 2**1074), (1, 2**1075),
         (3, 2**1076), (1, 2**1075 - 1), (-1, 2**1075 + 1), (2**1100 + 1, 2**1100), (0, 5), (0, -5),
         (10**400, 10**399), (-(10**400), 3 * 10**398), (1, 10**400), (-1, 10**400),
         (10**400, 1), (123456789123456789123456789, 1000000007), (True, 2)]
pairs += [(rand_int(), rand_int() or 1) for _ in range(40)]
for a, b in pairs:
    show(f"{a} / {b}", lambda: a / b)
show("(2**1024) / 1", lambda: (2**1024) / 1)
show("(2**1024) / 0.5", lambda: (2**1024) / 0.5)

# ---- shifts and bitwise operators
for a in [0, 1, -1, 5, -5, 2**64, -(2**64), 2**100 - 1, -(2**100) + 1, 3**90, -(3**90)]:
    for n in [0, 1, 7, 63, 64, 65, 200]:
        print("shift", a, n, a << n, a >> n)
    for b in [0, -1, 1, 2**64 - 1, -(2**64), 2**70 + 5, -(2**70) - 5]:
        print("bits", a, b, a & b, a | b, a ^ b, ~a)
show("1 << -1", lambda: 1 << -1)
show("1 >> -1", lambda: 1 >> -1)
show("1 >> 2**100", lambda: 1 >> 2**100)
show("-1 >> 2**100", lambda: -1 >> 2**100)
show("0 << 2**100", lambda: 0 << 2**100)
show("1 << 2**100", lambda: 1 << 2**100)
show("1 << 1.0", lambda: 1 << 1.0)

# ---- mixed with floats and errors of types
show("2**1024 + 0.5", lambda: 2**1024 + 0.5)
show("2**1023 * 1.0", lambda: 2**1023 * 1.0)
show("10**400 < float('inf')", lambda: 10**400 < float("inf"))
show("10**400 == 1e308", lambda: 10**400 == 1e308)
show("1 + '1'", lambda: 1 + "1")
show("1 - None", lambda: 1 - None)
show("[] // 1", lambda: [] // 1)
show("divmod(1, 'a')", lambda: divmod(1, "a"))
show("-(2**63)", lambda: -(2**63))
show("abs(-(2**62))", lambda: abs(-(2**62)))
print(sum(range(10**6, 10**6 + 100)), 2**62 + 2**62, -(2**62) - 2**62 - 1, (2**62) * -2)
