a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4})
print([*"abc", *range(2)])
print({**{"x": 1}, "y": 2, **{"x": 3}})
print(*a, *b, sep="-")
t = *a, 9
print(t)
first, *rest = *a, *b
print(first, rest)
print([*[], *()], {**{}})
print(dict(**{"k": 1}, z=2))
d1 = {"a": 1}
d2 = {"b": 2}
print({**d1, **d2} == d1 | d2, d1 | d2, d1)
d1 |= {"c": 3}
print(d1)
def gen():
    yield from "xy"
print([*gen(), *gen()])
print((*gen(),))
try:
    [*5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[1]}
except TypeError as e:
    print(type(e).__name__, e)
print(*[1], *[2], 3)
print([*range(3)][::-1])
s = {*()} 
print(s, type(s).__name__)
