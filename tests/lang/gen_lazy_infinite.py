def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1

def take(n, it):
    it = iter(it)
    return [next(it) for _ in range(n)]

def islice(it, start, stop):
    for i, v in enumerate(it):
        if i >= stop:
            return
        if i >= start:
            yield v

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(take(10, naturals()))
print(list(islice(primes(), 10, 20)))
print(take(5, (x * x for x in naturals() if x % 3 == 0)))
# generators are lazy: side effects happen on demand
def noisy():
    for i in range(3):
        print("producing", i)
        yield i
g = noisy()
print("created")
print(next(g))
print("between")
print(list(g))
# zip of infinite generators stops at the finite one
print(list(zip(naturals(), "abc")))
# a generator pipeline with early exit
def running_sum(it):
    total = 0
    for v in it:
        total += v
        yield total
for s in running_sum(naturals(1)):
    if s > 50:
        print("first running sum over 50:", s)
        break
