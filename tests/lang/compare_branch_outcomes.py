# Every ordering comparison of small ints, floats (NaN, infinities, -0.0),
# mixed int/float and big ints, both as a value and as the test of an if or
# a while (the interpreter runs a test that branches on a comparison's result
# together with the comparison).
import math

values = [0, 1, -1, 2**40, -(2**40), 2**62, 2**63, -(2**63) - 1, 0.0, -0.0, 1.0, -1.5,
          float(2**53), float(2**53) + 2, 2**53 + 1, math.inf, -math.inf, math.nan, True, False]


def as_values(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def as_ifs(a, b):
    out = []
    if a < b: out.append('lt')
    if a <= b: out.append('le')
    if a == b: out.append('eq')
    if a != b: out.append('ne')
    if a > b: out.append('gt')
    if a >= b: out.append('ge')
    if not a < b: out.append('!lt')
    if not a <= b: out.append('!le')
    if not a == b: out.append('!eq')
    if not a != b: out.append('!ne')
    if not a > b: out.append('!gt')
    if not a >= b: out.append('!ge')
    return out


def as_bool_ops(a, b):
    return [(a < b) or (a > b), (a <= b) and (a >= b), a < b < 2, b > a > -1]


rows = 0
for a in values:
    for b in values:
        print(repr(a), repr(b), as_values(a, b), as_ifs(a, b), as_bool_ops(a, b))
        rows += 1
print(rows)

# loops whose condition is a comparison
n = 0
i = 0
while i < 1000:
    if i % 3 == 0:
        n += i
    i += 1
print(n)
x = 10.0
steps = 0
while x > 0.001:
    x /= 3
    steps += 1
print(steps)
nan = math.nan
k = 0
while nan != nan and k < 5:
    k += 1
print(k)
# a comparison result kept and reused after the branch
for a, b in [(1, 2), (2, 1), (1.0, 1), (nan, 1)]:
    r = a < b
    if r:
        print('then', r)
    else:
        print('else', r)
    print(r, a >= b)
