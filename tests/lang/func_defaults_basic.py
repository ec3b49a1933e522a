# Default values are evaluated once, at definition time.
counter = 0
def next_id():
    global counter
    counter += 1
    return counter

def f(a, b=next_id(), c=next_id()):
    return (a, b, c)

print(f(10))
print(f(10, 20))
print(f(10, c=30))
print(f.__defaults__)
print(counter)

x = 5
def g(v=x):
    return v
x = 6
print(g(), x)

def h(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(h(1, c=3))
print(h(1, 9, 8, 7, c=3, z=26, y=25))
print(h.__defaults__, h.__kwdefaults__)

# defaults can be replaced at runtime
def k(a=1):
    return a
k.__defaults__ = (99,)
print(k())
k.__defaults__ = None
try:
    k()
except TypeError as e:
    print(type(e).__name__, e)
