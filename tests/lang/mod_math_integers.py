# math's exact integer functions on small and huge ints: gcd, lcm, isqrt,
# factorial, comb, perm, and the conversions of ceil/floor/trunc.
import math

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# gcd / lcm
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, -7), math.gcd(7), math.gcd(-7))
print(math.gcd(2**64, 2**70 * 3), math.gcd(3**200, 6**150) == 3**150, math.gcd(-2**63, 2**62))
print(math.gcd(12, 18, 27), math.gcd(1, 2**100, 'x' if False else 6), math.gcd(*range(0, 100, 10)))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(5, 0, 7), math.lcm(7))
print(math.lcm(2**64, 3**40), math.lcm(*range(1, 21)), math.lcm(2**100, 2**99) == 2**100)
print(type(math.gcd(True, True)), math.gcd(True), math.lcm(False, 3))
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(math.gcd(Idx(12), Idx(8)), math.lcm(Idx(3), 4), math.isqrt(Idx(17)))
show(lambda: math.gcd(1, 2.5))
show(lambda: math.gcd(1, 1, 'a'))
show(lambda: math.lcm(0, 0, 'a'))
show(lambda: math.gcd(Idx('no'), 1))

# isqrt
for n in [0, 1, 2, 3, 4, 15, 16, 17, 2**62 - 1, 2**62, 2**62 + 1, 2**63 - 1, 2**64, 10**30, 10**100 + 1,
          (2**200 + 5) ** 2, (2**200 + 5) ** 2 - 1, 9 * 10**4000]:
    r = math.isqrt(n)
    print(r if r < 10**40 else r % 10**20, r * r <= n < (r + 1) * (r + 1))
show(lambda: math.isqrt(-1))
show(lambda: math.isqrt(-2**100))
show(lambda: math.isqrt(1.0))

# factorial
print([math.factorial(n) for n in range(12)])
print(math.factorial(20), math.factorial(21), math.factorial(25))
f = math.factorial(1000)
print(len(str(f)), f % 10**30 == 0, str(f)[:20])
print(math.factorial(Idx(5)), math.factorial(True), math.factorial(False))
show(lambda: math.factorial(-1))
show(lambda: math.factorial(1.0))
show(lambda: math.factorial(2**63))
show(lambda: math.factorial(-2**63))

# comb / perm
print([math.comb(5, k) for k in range(7)], [math.perm(5, k) for k in range(7)], math.perm(5))
print(math.comb(100, 50), math.perm(30, 10), math.comb(0, 0), math.perm(0, 0), math.perm(0))
print(math.comb(2**64, 3), math.perm(2**64, 2), math.comb(2**64, 2**64 - 1), math.comb(2**64, 2**64))
print(math.comb(2**64, 2**64 + 1), math.perm(2**64, 2**64 + 1), math.comb(10**20, 10**20 - 2))
print(math.comb(Idx(6), Idx(3)), math.perm(Idx(6), None), math.comb(True, True))
print(math.comb(1000, 500) % 10**20, math.perm(1000, 500) % 10**20)
show(lambda: math.comb(2**100, 2**80))
show(lambda: math.perm(2**100, 2**80))
show(lambda: math.comb(-1, -1))
show(lambda: math.perm(1, -1))
show(lambda: math.comb(1, 'a'))
show(lambda: math.perm('a', 1))
show(lambda: math.perm(1, 2, 3))
show(lambda: math.perm())
show(lambda: math.perm(-1, None))
show(lambda: math.perm(n=3))

# ceil / floor / trunc
vals = [2.5, -2.5, 2.0, -0.0, 1e300, -1e300, 2**80, -2**80, True, 7, 0.1]
print([math.ceil(v) for v in vals])
print([math.floor(v) for v in vals])
print([math.trunc(v) for v in vals])
print([type(math.floor(v)).__name__ for v in [2.5, 3, True]])
class C:
    def __ceil__(self): return 'ceil!'
    def __floor__(self): return 'floor!'
    def __trunc__(self): return 'trunc!'
print(math.ceil(C()), math.floor(C()), math.trunc(C()))
class F(float):
    def __floor__(self): return 'F.floor'
print(math.floor(F(2.5)), math.ceil(F(2.5)), math.trunc(F(2.5)))
class OnlyFloat:
    def __float__(self): return 4.5
print(math.ceil(OnlyFloat()), math.floor(OnlyFloat()), math.sqrt(OnlyFloat()))
show(lambda: math.trunc(OnlyFloat()))
class OnlyIndex:
    def __index__(self): return 9
print(math.ceil(OnlyIndex()), math.sqrt(OnlyIndex()), math.isfinite(OnlyIndex()))
class BadFloat:
    def __float__(self): return 'x'
show(lambda: math.sqrt(BadFloat()))
show(lambda: math.floor(BadFloat()))
show(lambda: math.ceil(float('nan')))
show(lambda: math.floor(float('-inf')))
show(lambda: math.trunc(float('inf')))
show(lambda: math.floor())
show(lambda: math.ceil(1, 2))
