def f():
    n = 3
    squares = [i * n for i in range(4)]
    gen = (i + n for i in range(2))
    n = 10
    return squares, list(gen)
print(f())

def g():
    fns = [(lambda: i) for i in range(3)]
    return [fn() for fn in fns]
print(g())

def h():
    x = 5
    return {k: (lambda: x + k)() for k in range(3)}
print(h())

def nested():
    return [[(i, j) for j in range(i)] for i in range(4)]
print(nested())

def reads_outer_loop_var():
    out = []
    for a in range(3):
        out.append([a * b for b in range(3)])
    return out
print(reads_outer_loop_var())

# closures capturing a variable that is rebound in a loop, in a generator
def gen_closures():
    for i in range(3):
        yield lambda: i
print([f() for f in gen_closures()])
print([f() for f in list(gen_closures())])
