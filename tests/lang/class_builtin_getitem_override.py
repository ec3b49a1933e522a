class L(list):
    def __getitem__(self, i):
        return ("L", super().__getitem__(i))
l = L([1, 2, 3])
print(l[0], l[1:], list.__getitem__(l, 2), [9, 8][1], [1,2,3][-1:])
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
print(d["a"], d["zz"], dict.__getitem__(d, "a"))
try:
    dict.__getitem__(d, "q")
except KeyError as e:
    print("KeyError", e)
class L2(list): pass
print(L2([5, 6])[1], L2.__getitem__)
print(list.__getitem__, dict.__getitem__)
