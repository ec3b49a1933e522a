def f(a, b=2, *args, **kw):
    c = a + b
    return sorted(locals().items())
print(f(1, 3, 4, k=5))
def g():
    x = 1
    l1 = locals()
    y = 2
    l2 = locals()
    return sorted(l1), sorted(l2), l1 is l2
print(g())
def h():
    v = 1
    def inner():
        return v
    return sorted(locals())
print(h())
def closure_locals():
    outer_var = "o"
    def inner():
        print(sorted(locals()))
        return outer_var
    return inner()
print(closure_locals())
# writing to locals() does not change the real local in a function
def write_locals():
    z = 1
    locals()["z"] = 100
    return z
print(write_locals())
# vars() without arguments is locals()
def with_vars():
    q = "q"
    return vars() == locals()
print(with_vars())
class C:
    a = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
