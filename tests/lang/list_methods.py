l = [3, 1, 4]
l.append(1); print(l)
l.extend([5, 9]); print(l)
l.extend("ab"); print(l)
l.insert(0, "first"); l.insert(100, "last"); l.insert(-1, "before-last"); l.insert(-100, "very first"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a"); print(l)
print(l.index(1), l.index(1, 2), l.count(1), l.count("zz"))
l2 = l.copy(); l2.append("copy only"); print(len(l), len(l2))
nums = [5, 2, 8, 1, 9, 3]
nums.reverse(); print(nums)
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
nums.clear(); print(nums)
try:
    [1].index(1, 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].insert()
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] + [3], [0] * 3, [[]] * 2, 2 * [1, 2], [1, 2] * 0)
nested = [[]] * 3
nested[0].append("shared")
print(nested)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print(list(), list("abc"), list(range(3)), list({"a": 1, "b": 2}), list((1, 2)), list(x for x in "hi"))
a = [1, 2, 3, 4, 5]
a[1:3] = ["x", "y", "z"]; print(a)
a[::2] = [0, 0, 0]; print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
a[:0] = ["start"]; print(a)
a[len(a):] = ["end"]; print(a)
a[1:1] = []; print(a)
a[-1] = "END"; print(a)
a[2:4] = "ST"; print(a)
print(a.__len__(), a.__contains__("S"), len(a[::-1]), a[::-1][0])
b = [1, 2, 3]
b += b
print(b)
b *= 2
print(b, len(b))
c = [1, 2, 3]
c[1:2] = c
print(c)
