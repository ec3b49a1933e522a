a = 1
del a
try:
    a
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)

x, y, z = 1, 2, 3
del x, (y, z)
print([n in globals() for n in "xyz"])

lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
try:
    del lst[0]
except IndexError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[100:200]
del lst[-100:2]
print(lst)
try:
    del lst[::0]
except ValueError as e:
    print(type(e).__name__, e)

d = {"a": 1, "b": 2, (1, 2): 3}
del d["a"], d[1, 2]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)

class C:
    cls_attr = 1
c = C()
c.inst = 2
del c.inst
print(hasattr(c, "inst"))
try:
    del c.inst
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del c.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del C.cls_attr
print(hasattr(C, "cls_attr"))

def f():
    v = 1
    del v
    try:
        del v
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    v = 2
    return v
print(f())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
s = "str"
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
# del of a loop variable after the loop
for i in range(3):
    pass
del i
print("i" in globals())
# del in a nested structure
nested = {"k": [1, {"inner": 2, "keep": 3}]}
del nested["k"][1]["inner"]
print(nested)
ba = bytearray(b"hello")
del ba[1:3]
print(ba)
