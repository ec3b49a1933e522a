def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
while True:
    break
else:
    print("never")
for i in range(3):
    continue
else:
    print("else after continue-only loop, i =", i)
# nested loops with break only leaving the inner one
pairs = []
for a in range(4):
    for b in range(4):
        if b > a:
            break
        if (a + b) % 2:
            continue
        pairs.append((a, b))
print(pairs)
# primes with for/else
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
# loop variable persists after the loop; an empty loop does not bind it
for leftover in range(5):
    pass
print(leftover)
for never_bound in []:
    pass
print("never_bound" in globals())
# modifying the loop variable does not affect iteration
for i in range(3):
    print(i, end=" ")
    i = 100
print()
# while with complex condition and else skipped by break
i = 0
while i < 10 and i * i < 50:
    i += 1
    if i == 20:
        break
else:
    print("stopped at", i)
