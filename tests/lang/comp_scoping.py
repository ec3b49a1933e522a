x = "global x"
print([x for x in range(3)], x)
i = "untouched"
[i for i in range(5)]
print(i)

def f():
    y = 10
    return [y + z for z in range(3)]
print(f())

# the iterable of the outermost for is evaluated in the enclosing scope
def g():
    data = [1, 2]
    return [data for data in data]
print(g())

# walrus binds in the enclosing scope
def h():
    [last := n for n in range(4)]
    return last
print(h())
total = 0
vals = [total := total + n for n in range(5)]
print(vals, total)

# comprehension in class body cannot see class variables (except the first iterable)
class C:
    factor = 3
    items = [1, 2]
    ok = [v for v in items]
    try:
        bad = [v * factor for v in items]
    except NameError as e:
        bad = str(e)
    via_default = (lambda factor=factor: [v * factor for v in [1, 2]])()
print(C.ok, C.bad, C.via_default)

# nested comprehensions see the outer comprehension variables
print([[a * b for b in range(a)] for a in range(4)])
# comprehension variables are not visible afterwards, even in nested functions
def k():
    fs = [lambda: n for n in range(3)]
    return [fn() for fn in fs]
print(k())
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
