# Closures see the variable, not the value at creation time.
fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])

fs = [lambda: j for j in range(4)]
print([f() for f in fs])

fs = [lambda j=j: j for j in range(4)]
print([f() for f in fs])

def make():
    funcs = []
    for k in range(3):
        def f():
            return k * 10
        funcs.append(f)
    k = 99
    return funcs
print([f() for f in make()])

def make_factory():
    def factory(n):
        return lambda: n
    return [factory(n) for n in range(3)]
print([f() for f in make_factory()])

def shared_cell():
    v = 0
    def get():
        return v
    def bump():
        nonlocal v
        v += 1
    return get, bump
get, bump = shared_cell()
bump(); bump()
print(get())
print(get.__closure__[0].cell_contents)
print(len(get.__closure__), get.__code__.co_freevars)
