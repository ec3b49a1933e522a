words = ["banana", "Apple", "cherry", "date", "Elder", "fig", "apple"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w.lower())))
# stability
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted(sorted(pairs, key=lambda p: p[0]), key=lambda p: p[1]))
# reverse keeps stability (equal elements keep original order)
print(sorted([(1, "x"), (0, "y"), (1, "z"), (0, "w")], key=lambda t: t[0], reverse=True))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda n: -n))
lst = nums[:]
r = lst.sort()
print(r, lst)
# sort with key raising
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
# sort of mixed types fails
try:
    [3, "a", 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
# sort uses __lt__ only
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(1)], key=lambda k: k.v), min([K(3), K(1)]) if hasattr(K, "__gt__") else "min needs __lt__ too")
print(min([K(3), K(1), K(2)]))
# mutating during sort
lst = [3, 2, 1]
def evil(v):
    lst.append(v)
    return v
try:
    lst.sort(key=evil)
except ValueError as e:
    print(type(e).__name__, e)
# sorted on other iterables
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted((2, 1)), sorted({5, 3, 4}), sorted(range(5, 0, -1)))
print(sorted([], key=len), sorted([[3, 1], [2], [1, 2, 3]], key=len), sorted([[3, 1], [2], [1, 2]]))
print(sorted([1.5, 1, True, 0.5, False]))
big = list(range(200, 0, -3))
print(sorted(big)[:5], sorted(big, key=lambda v: v % 7)[:6])
try:
    sorted([1], reverse="yes")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
