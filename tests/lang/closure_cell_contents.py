def mk():
    a = "A"
    b = [1]
    def f():
        return a, b
    return f
f = mk()
cells = f.__closure__
print(len(cells), [c.cell_contents for c in cells])
print(f.__code__.co_freevars)

def mk_unbound():
    def f():
        return late
    c = f.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    late = 1
    print(c.cell_contents)
    c.cell_contents = 5
    print(f())
mk_unbound()

def no_closure():
    return 1
print(no_closure.__closure__)

# a closure over the function's own name (recursion through a cell)
def outer():
    def rec(n):
        return 0 if n == 0 else n + rec(n - 1)
    return rec
print(outer()(10))
print(outer().__code__.co_freevars)
