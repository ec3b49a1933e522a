def outer():
    a = 1
    def mid():
        a = 2
        def inner():
            nonlocal a
            a += 10
            return a
        r = inner()
        return r, a
    r = mid()
    return r, a
print(outer())

def skip_level():
    x = "outer"
    def mid():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
    mid()
    return x
print(skip_level())

def nonlocal_del():
    v = 1
    def kill():
        nonlocal v
        del v
    kill()
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(nonlocal_del())

def nonlocal_in_loop():
    total = 0
    def add(n):
        nonlocal total
        for i in range(n):
            total += i
    add(5); add(3)
    return total
print(nonlocal_in_loop())

def cell_from_param(p):
    def read():
        return p
    p = p * 2
    return read()
print(cell_from_param(21))

def class_in_func():
    val = "func"
    class C:
        val = "class"
        def m(self):
            return val
        got = val
    return C().m(), C.got
print(class_in_func())

def class_nonlocal():
    x = 1
    class C:
        nonlocal x
        x = 2
    return x
print(class_nonlocal())
