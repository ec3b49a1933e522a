# functools.cmp_to_key compares a small-int result of the cmp function with
# 0 inline; other results go through rich comparison with 0.
import functools

values = [5, 3, 9, 1, 3, 7]
for cmp in [lambda a, b: a - b, lambda a, b: b - a, lambda a, b: (a > b) - (a < b),
            lambda a, b: (a - b) * 2 ** 80, lambda a, b: float(a - b), lambda a, b: a > b,
            lambda a, b: 0]:
    print(sorted(values, key=functools.cmp_to_key(cmp)))
K = functools.cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(1) <= K(1), K(1) == K(1), K(1) != K(1), K(2) > K(1), K(1) >= K(2))
for bad in [lambda a, b: 'x', lambda a, b: None, lambda a, b: 1 / 0]:
    try:
        print(sorted(values, key=functools.cmp_to_key(bad)))
    except Exception as e:
        print(type(e).__name__, e)
try:
    K(1) < 2
except Exception as e:
    print(type(e).__name__, e)
