# Slices with bounds known only at run time (GETSLICE/SETSLICE: no slice
# object for list, tuple, str, bytes; a real one for other types, which may
# keep it), constant slices, errors, augmented and deleting slice targets.
a = list(range(10))
k = 3
print(a[1:k], a[k::-1], a[:k], a[k:], a[::k], a[k:1:-1])
s = "héllo wörld"
print(s[1:k], s[k::-1], s[k:], (1,2,3,4)[1:k], b"abcdef"[k::-1], bytearray(b"xyz")[0:k])
a[1:k] = "xy"
print(a)
a[k::2] = [0] * len(a[k::2])
print(a)
try:
    a[::k] = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(a[1:"x"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(a[1:2:0])
except ValueError as e:
    print(type(e).__name__, e)
class C:
    def __getitem__(self, i):
        global kept
        kept = i
        return i
    def __setitem__(self, i, v):
        global kept2
        kept2 = (i, v)
c = C()
print(c[1:k], c[k:1:-1], kept)
c[k:] = 5
print(kept2)
import collections
d = collections.deque(range(5))
try:
    d[1:k]
except TypeError as e:
    print(type(e).__name__, e)
class L(list): pass
l = L(range(6))
print(l[1:k], type(l[1:k]))
l[1:k] = [9]
print(l)
def f(x, i, j):
    x[i:j] = x[j:i:-1]
    return x
print(f(list(range(8)), 2, 6))
m = memoryview(b"abcdef")
print(m[1:k].tobytes())
print("abc"[k-5:None])
x = [1, 2, 3]
x[1:k] += [7]
print(x)
del x[0:k-1]
print(x)
