# Numerical routines written in pure Python: sqrt by Newton, pi by series, exp by Taylor.
def sqrt(x, eps=1e-15):
    if x == 0:
        return 0.0
    g = x if x > 1 else 1.0
    while True:
        n = (g + x / g) / 2
        if abs(n - g) <= eps * n:
            return n
        g = n
def exp(x):
    term, total, k = 1.0, 1.0, 1
    while abs(term) > 1e-17 * abs(total):
        term *= x / k
        total += term
        k += 1
    return total
def pi_leibniz(n):
    return 4 * sum((-1) ** k / (2 * k + 1) for k in range(n))
def pi_machin():
    def arctan_inv(x):
        total, term, k, sign = 0.0, 1.0 / x, 1, 1
        while term > 1e-20:
            total += sign * term / k
            term /= x * x
            k += 2
            sign = -sign
        return total
    return 4 * (4 * arctan_inv(5) - arctan_inv(239))
print([round(sqrt(v), 12) for v in (2, 3, 10, 0.25, 1e10)])
print(sqrt(2) ** 2, sqrt(16), exp(1), exp(0), round(exp(-2), 15))
print(round(pi_leibniz(1000), 6), pi_machin())
def integrate(f, a, b, n=1000):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)
print(round(integrate(lambda x: x * x, 0, 3), 6), round(integrate(exp, 0, 1), 6))
def mandel(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit
rows = []
for y in range(-6, 7, 2):
    rows.append("".join("#" if mandel(complex(x / 10, y / 5)) == 50 else "." for x in range(-20, 6)))
print("\n".join(rows))
