# The interpreter's fast paths for small ints and floats must give exactly
# what the generic arithmetic gives: signs of // and %, overflow into big
# ints, int/float mixing, division by zero, -0.0, inf and nan, shifts.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 2**30, -2**30, 2**53, 2**53 + 1, -2**53 - 1,
        2**61, -2**61, 2**62 - 1, -2**62, 2**63, 0.0, -0.0, 1.5, -2.5, 1e300, -1e-300,
        float('inf'), float('nan'), 3.0, True]


def show(r):
    return repr(r) if isinstance(r, float) else r


def run(f, a, b):
    try:
        return show(f(a, b))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


ops = {
    '+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
    '/': lambda a, b: a / b, '//': lambda a, b: a // b, '%': lambda a, b: a % b,
    '&': lambda a, b: a & b, '|': lambda a, b: a | b, '^': lambda a, b: a ^ b,
    '<<': lambda a, b: a << b if not isinstance(b, int) or b < 200 else 'skip',
    '>>': lambda a, b: a >> b,
    '<': lambda a, b: a < b, '<=': lambda a, b: a <= b, '==': lambda a, b: a == b,
    '!=': lambda a, b: a != b, '>': lambda a, b: a > b, '>=': lambda a, b: a >= b,
}
for name, f in ops.items():
    for a in vals:
        print(name, a, [run(f, a, b) for b in vals])


def inplace(a, b):
    x = a
    out = []
    for step in range(6):
        try:
            if step == 0:
                x += b
            elif step == 1:
                x -= b * 2
            elif step == 2:
                x *= 3
            elif step == 3:
                x //= b
            elif step == 4:
                x %= 7
            else:
                x /= b
        except Exception as e:
            out.append(type(e).__name__)
        out.append(show(x))
    return out


for a in vals[:20]:
    print(a, [inplace(a, b) for b in (1, -3, 2**40, 0, 2.5, -0.0)])

# accumulations that cross the small-int boundary, and back
acc = 1
for i in range(70):
    acc = acc * 3 + i
for i in range(70):
    acc = (acc - 69 + i) // 3
print(acc)
total = 0.0
for i in range(1, 1000):
    total += 1 / i - i % 7 / (i + 0.5)
print(repr(total))
