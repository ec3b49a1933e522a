def f(*args):
    return type(args).__name__, args

print(f())
print(f(1))
print(f(1, 2, 3))
print(f(*[4, 5], 6, *(7,)))
print(f(*"ab", *range(2)))

def g(first, *rest):
    return first, rest
print(g(1, 2, 3))
try:
    g()
except TypeError as e:
    print(type(e).__name__, e)

def total(*nums, start=0):
    s = start
    for n in nums:
        s += n
    return s
print(total(1, 2, 3), total(1, 2, start=10), total())

# star-args from generators and dicts
def gen():
    yield "x"
    yield "y"
print(f(*gen()))
print(f(*{"k1": 1, "k2": 2}))

# args is a fresh tuple each call
def ident(*a):
    return a
t = (1, 2)
print(ident(*t) == t)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*None)
except TypeError as e:
    print(type(e).__name__, e)
