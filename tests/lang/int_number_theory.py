def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def crt(residues, moduli):
    x, m = 0, 1
    for r, n in zip(residues, moduli):
        g, p, q = egcd(m, n)
        assert g == 1
        x = (r * m * p + x * n * q) % (m * n)
        m *= n
    return x
def is_prime(n):
    if n < 2:
        return False
    small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    for p in small:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
def factor(n):
    out, p = [], 2
    while p * p <= n:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    if n > 1:
        out.append(n)
    return out
print(gcd(462, 1071), gcd(-12, 18), gcd(0, 5), lcm(4, 6), lcm(21, 6), egcd(240, 46))
print(crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))
print([n for n in range(100) if is_prime(n)])
print(is_prime(2 ** 61 - 1), is_prime(2 ** 67 - 1), is_prime(1000000007), is_prime(561))
print(factor(2 ** 32 + 1), factor(600851475143), factor(97), factor(1))
print(pow(3, -1, 7), pow(10, -1, 17), (10 * pow(10, -1, 17)) % 17, pow(2, 10 ** 18, 10 ** 9 + 7))
phi = lambda n: sum(1 for k in range(1, n + 1) if gcd(n, k) == 1)
print([phi(n) for n in range(1, 21)])
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
print(isqrt(10 ** 40), isqrt(2 * 10 ** 30), isqrt(99), isqrt(0), isqrt(1))
