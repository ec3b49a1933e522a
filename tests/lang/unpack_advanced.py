# Starred assignment in loops, nested structures and function returns
records = [("alice", 30, "admin", "dev"), ("bob", 25), ("carol", 35, "ops")]
for name, age, *roles in records:
    print(name, age, roles)
(a, b), (c, *d) = "xy", [1, 2, 3]
print(a, b, c, d)
[first, [second, *rest]], tail = [1, [2, 3, 4]], "end"
print(first, second, rest, tail)
head, *_ = range(10)
*_, last = range(10)
print(head, last)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([3, 1, 4, 1, 5])
print(lo, hi)
d = {"k1": 1, "k2": 2}
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
x, *y = "a"
print(x, y)
*init, end = [1]
print(init, end)
for i, (k, v) in enumerate(sorted({"b": 2, "a": 1}.items())):
    print(i, k, v)
m = [[1, 2], [3, 4]]
for (p, q) in m:
    print(p * q, end=" ")
print()
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = list(zip(*matrix))
print(transposed, [list(r) for r in zip(*transposed)])
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
a = b = c = "same"
print(a is b is c)
nums = [1, 2]
nums[0], nums[1] = nums[1], nums[0]
print(nums)
print(compile("a, *b = 1, 2", "<s>", "exec") is not None)
try:
    compile("*a = [1]", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("a, *b, *c = range(5)", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
