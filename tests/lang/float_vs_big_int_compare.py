big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big), float(big) < big + 1)
print(10 ** 20 == 1e20, 10 ** 22 == 1e22, 10 ** 23 == 1e23, 10 ** 23 < 1e23, 10 ** 23 > 1e23)
huge = 10 ** 400
print(huge > 1e308, huge < float("inf"), -huge > float("-inf"), huge == float("inf"))
print(sorted([1e20, 10 ** 20 + 1, 10 ** 20 - 1, 1e20 + 1]))
print(max(2 ** 1024, 1.7976931348623157e308) == 2 ** 1024, min(-(2 ** 1024), -1e308))
print(0.5 < 1 < 1.5, -0.0 == 0, 0.0 == 0, 1 == 1.0000000000000002, 1 < 1.0000000000000002)
print([v for v in (3, 2.5, 2 ** 60, 1e18, -1, -1.5) if v > 2], sorted([3, 2.5, 2 ** 60, 1e18, -1, -1.5]))
print(hash(2 ** 60) == hash(float(2 ** 60)), {2 ** 60: "int"}.get(float(2 ** 60)), {1e18: "f"}.get(10 ** 18))
print((2 ** 63).__eq__(9.223372036854776e18), (2 ** 63 + 1).__eq__(9.223372036854776e18), (9.223372036854776e18).__eq__(2 ** 63))
print(float("nan") == 10 ** 400, float("nan") < 10 ** 400, 10 ** 400 != float("nan"))
