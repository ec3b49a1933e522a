fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def outer():
    x = 10
    return [x + y for y in range(3)], {y: x for y in "ab"}, {x * y for y in (1, 2)}
print(outer())
def nested():
    return [[i * j for j in range(3)] for i in range(3)]
print(nested())
print([(x, y) for x in range(3) if x for y in range(x) if y % 2 == 0])
gen = (x * 2 for x in range(4))
print(next(gen), list(gen))
def gen_lazy():
    it = (1 / x for x in [1, 0])
    print(next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("lazy", e)
gen_lazy()
try:
    (x for x in 5)
except TypeError as e:
    print("eager outermost", e)
class K:
    v = 5
    r = [v for _ in range(2)] if False else None
    try:
        w = [v for _ in range(2)]
    except NameError as e:
        w = str(e)
print(K.w)
print([y := 5, y ** 2])
def walrus_comp():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total
print(walrus_comp())
print([x for x in [1]] + [x for x in (2,)])
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print(sum(x for x in range(10) if x % 3 == 0))
print([i for i in range(3) for i in range(i)])
def cell_in_comp():
    funcs = []
    for i in range(3):
        funcs.append([lambda: i * j for j in range(2)])
    return [[f() for f in fl] for fl in funcs]
print(cell_in_comp())
