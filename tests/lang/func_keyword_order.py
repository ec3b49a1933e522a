def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{"b": 1, "a": 2}, c=3), f(c=3, **{"b": 1, "a": 2}))
def g(*args, **kw):
    return args, kw
print(g(1, *[2, 3], 4, x=1, **{"y": 2}, z=3))
def positional_and_kw(a, b, *, c, **rest):
    return locals()
print(positional_and_kw(1, c=3, b=2, d=4, e=5))
class K:
    def __init__(self, **kw):
        self.__dict__.update(kw)
print(vars(K(second=2, first=1)))
print(dict(b=1, a=2), {"b": 1, "a": 2} == dict(a=2, b=1), list(dict(b=1, a=2)))
def defaults_evaluated_in_order():
    order = []
    def mark(v):
        order.append(v)
        return v
    def h(a=mark("a"), b=mark("b"), *, c=mark("c"), d=mark("d")):
        pass
    return order
print(defaults_evaluated_in_order())
def arg_eval_order():
    order = []
    def m(v):
        order.append(v)
        return v
    def target(*a, **k):
        return a, k
    target(m(1), m(2), *[m(3)], k1=m(4), **{"k2": m(5)}, k3=m(6))
    return order
print(arg_eval_order())
