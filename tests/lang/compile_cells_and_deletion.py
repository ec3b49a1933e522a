# Cells: captured variables, captured parameters, deleting them, and what
# the error says when one is read empty.
def captured_param(a, b):
    def get():
        return a + b
    a = a * 10
    return get()
print(captured_param(1, 2))

def shared_cell():
    fs = []
    i = 0
    while i < 3:
        fs.append(lambda: i)
        i += 1
    return [f() for f in fs]
print(shared_cell())

def del_cell():
    x = 1
    def read():
        return x
    del x
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__, e)
    x = 2
    return read()
print(del_cell())

def unbound_cell_in_outer():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    late = "now"
    return inner()
print(unbound_cell_in_outer())

def nonlocal_counter():
    count = 0
    def bump(by=1):
        nonlocal count
        count += by
        return count
    bump(); bump(5)
    return count, bump.__code__.co_freevars, nonlocal_counter.__code__.co_cellvars
print(nonlocal_counter())

def class_sees_enclosing():
    hidden = "enclosing"
    class K:
        seen = hidden
        def m(self):
            return hidden
    class L:
        hidden = "class level"
        also = hidden
        def m(self):
            return hidden
    return K.seen, K().m(), L.also, L().m()
print(class_sees_enclosing())

def class_assigns_before_read():
    class K:
        try:
            seen = hidden_name
        except NameError as e:
            seen = str(e)
        hidden_name = 1
    return K.seen
print(class_assigns_before_read())

def class_nonlocal_free():
    v = 1
    class K:
        nonlocal v
        v = 2
    return v
print(class_nonlocal_free())

g_value = "global"
def lambda_in_class():
    class K:
        g_value = "class"
        f = lambda self: g_value
        items = [g_value for _ in range(1)]
    return K().f(), K.items
print(lambda_in_class())

def super_needs_args_in_nested():
    class Base:
        def who(self):
            return "base"
    class Derived(Base):
        def who(self):
            def helper():
                return super(Derived, self).who()
            return "derived+" + helper()
        def zero_arg(self):
            return (lambda: super().who())()
    d = Derived()
    try:
        d.zero_arg()
    except RuntimeError as e:
        print("RuntimeError", e)
    return d.who()
print(super_needs_args_in_nested())

def generator_closure():
    total = 0
    def gen(n):
        nonlocal total
        for i in range(n):
            total += i
            yield total
    return list(gen(4)), total
print(generator_closure())

def except_name_cleared():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except NameError as err:
        return "cleared: " + str(err)
print(except_name_cleared())

def except_name_in_closure():
    try:
        raise KeyError("k")
    except KeyError as exc:
        f = lambda: exc
        got = f()
    try:
        f()
    except NameError as err:
        return repr(got), str(err)
print(except_name_in_closure())

x = "module"
def global_in_comprehension():
    global x
    x = "rebound"
    return [x for _ in range(2)]
print(global_in_comprehension(), x)

def deep_free(a):
    def l1():
        def l2():
            def l3():
                return a
            return l3
        return l2
    return l1()()()
print(deep_free("deep"))
def loop_cells():
    out = []
    for i in range(3):
        def f(i=i):
            return i
        out.append(f)
    return [f() for f in out]
print(loop_cells())
