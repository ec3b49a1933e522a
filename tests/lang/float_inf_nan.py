inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf, inf * 0, inf / inf, inf + 1 == inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan is nan)
print([nan] == [nan], nan in [nan], (nan,) == (nan,))
x = nan
print(x == x, [x] == [x], {x: 1}[x] if x in {x: 1} else "missing")
other_nan = float("nan")
print(other_nan in [nan], len({nan, other_nan}), len({nan, nan}))
print(max(nan, 1), max(1, nan), min(nan, 1), min(1, nan))
print(sorted([3, nan, 1]) == sorted([3, nan, 1]) or "nan sorting unstable but deterministic")
print(sorted([2.0, 1.0, inf, -inf]))
print(inf // 1, inf % 1, 1 % inf, -1 % inf, 1 // inf, -1 // inf)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    inf % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(inf * -1, -inf * -1, abs(-inf), -nan != -nan)
print(repr(inf), repr(-inf), repr(nan), str(nan), f"{inf}", f"{nan:.2f}", f"{inf:e}", f"{-inf:10}|")
print(float("nan").__eq__(float("nan")), inf.is_integer(), nan.is_integer())
try:
    round(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(nan)
except ValueError as e:
    print(type(e).__name__, e)
print(round(inf, 2), round(nan, 2))
print(hash(inf), hash(-inf))
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
