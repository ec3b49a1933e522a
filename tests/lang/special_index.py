class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(2)
lst = ["a", "b", "c", "d", "e"]
print(lst[i], lst[Idx(-1)], lst[i:Idx(4)], "xyz"[Idx(0)])
print(range(10)[i], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(operator_like := [10, 20, 30][Idx(1)])
print(lst * Idx(0), "ab" * Idx(3), (1,) * Idx(2))
print(int.__index__(7), (True).__index__())
class Bad:
    def __index__(self):
        return "no"
try:
    lst[Bad()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(Idx(3), 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(range(Idx(3))))
try:
    "abc" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
class WithInt:
    def __int__(self):
        return 3
try:
    lst[WithInt()]
except TypeError as e:
    print(type(e).__name__, e)
print(int(WithInt()))
print(int(Idx(9)))
huge = Idx(10 ** 30)
try:
    lst[huge]
except IndexError as e:
    print(type(e).__name__, e)
print(lst[True], lst[False])
