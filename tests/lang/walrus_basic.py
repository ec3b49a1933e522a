if (n := len("hello")) > 3:
    print("long", n)
print(n)
data = [1, 5, 2, 8, 3]
while (item := data.pop()) != 2:
    print("popped", item)
print(data)
print([y for x in range(6) if (y := x * x) % 2])
print(y)
def f():
    if any((hit := v) > 4 for v in [1, 3, 5, 7]):
        return hit
print(f())
print((a := 1, b := 2), a + b)
x = (z := 10) + z
print(x, z)
def g(v):
    return (w := v + 1) * w
print(g(3))
# walrus in a lambda binds in the lambda
lam = lambda: (q := 5) + q
print(lam())
try:
    q
except NameError as e:
    print(type(e).__name__, e)
# walrus in comprehensions assigns to the containing function
def h():
    [last := i for i in range(3)]
    return last
print(h())
# nested comprehension walrus
def k():
    [[inner := i * j for j in range(2)] for i in range(3)]
    return inner
print(k())
# walrus with attribute target is a syntax error
try:
    compile("(a.b := 1)", "<s>", "eval")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("[i := 0 for i in range(3)]", "<s>", "eval")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print(f"{(p := 7)}", p)
