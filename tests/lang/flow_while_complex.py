# Collatz lengths, GCD, binary search, with while loops.
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz_len(n) for n in range(1, 20)])
print(max(range(1, 2000), key=collatz_len))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50), gcd(17, 0))
def bsearch(xs, t):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid
    return lo
xs = list(range(0, 100, 3))
print([bsearch(xs, t) for t in (-1, 0, 1, 50, 99, 200)])
# a while loop with continue and a counter in else
i = 0
skipped = 0
while i < 20:
    i += 1
    if i % 3:
        skipped += 1
        continue
else:
    print("i", i, "skipped", skipped)
# sieve
N = 100
sieve = [True] * (N + 1)
sieve[0] = sieve[1] = False
p = 2
while p * p <= N:
    if sieve[p]:
        for m in range(p * p, N + 1, p):
            sieve[m] = False
    p += 1
print([i for i, s in enumerate(sieve) if s])
