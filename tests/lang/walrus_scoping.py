# := in comprehensions binds in the enclosing function (or module), never in the comprehension
def f():
    results = [y := v * 2 for v in range(3)]
    return results, y
print(f())
total = 0
sums = [total := total + v for v in range(1, 5)]
print(sums, total)
def g():
    if any((bad := x) < 0 for x in [3, 1, -2, 5]):
        return f"first negative {bad}"
print(g())
def nested():
    def inner():
        [(w := i) for i in "ab"]
        return w
    return inner(), "w" in dir()
print(nested())
class C:
    # walrus in a comprehension at class scope is a syntax error
    pass
try:
    compile("class D:\n    [(z := 1) for _ in range(1)]\n", "<c>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("[(i := 1) for i in range(2)]", "<c>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("[x for x in (y := [1])]", "<c>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print((n := 10) > 5, n)
print([n := n + 1, n])
def h(x):
    return (y := x + 1, y * 2)
print(h(3))
while (line := ["a", "b", ""][h(0)[0] - 1]) and False:
    pass
print(repr(line))
