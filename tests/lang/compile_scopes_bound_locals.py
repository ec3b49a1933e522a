x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
def use_global():
    global x
    x = "changed"
print(read_global(), shadow())
use_global()
print(x)
def outer():
    a = 1
    def middle():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
            return a
        return inner()
    return middle(), a
print(outer())
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("Unbound", e)
    y = 1
unbound()
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1
free_unbound()
class C:
    attr = "class attr"
    def method(self):
        return attr
try:
    C().method()
except NameError as e:
    print("NameError", e)
def class_in_func():
    val = "closure"
    class Inner:
        got = val
        def m(self):
            return val
    return Inner.got, Inner().m()
print(class_in_func())
def class_shadow():
    v = "func"
    class K:
        v = "class"
        def m(self):
            return v
    return K.v, K().m()
print(class_shadow())
def loop_var_after():
    for i in range(3):
        pass
    return i
print(loop_var_after())
def del_local():
    q = 1
    del q
    try:
        return q
    except UnboundLocalError:
        return "deleted"
print(del_local())
def del_in_loop():
    out = []
    for i in range(3):
        v = i
        if i == 1:
            del v
        try:
            out.append(v)
        except UnboundLocalError:
            out.append("gone")
    return out
print(del_in_loop())
def cond_assign(flag):
    if flag:
        w = 1
    try:
        return w
    except UnboundLocalError:
        return "unbound"
print(cond_assign(True), cond_assign(False))
def while_assign(n):
    while n:
        last = n
        n -= 1
    try:
        return last
    except UnboundLocalError:
        return "never"
print(while_assign(3), while_assign(0))
def try_assign():
    try:
        raise ValueError
        val = 1
    except ValueError:
        pass
    try:
        return val
    except UnboundLocalError:
        return "no val"
print(try_assign())
def walrus_scope():
    if (n := 10) > 5:
        return n
print(walrus_scope())
def walrus_order():
    a = 1
    return a + (a := 10) + a
print(walrus_order())
def walrus_chain():
    b = 2
    r = [b, (b := 3), b]
    return r
print(walrus_chain())
print(__name__, __doc__)
def private():
    class P:
        __secret = 1
        def get(self):
            return self.__secret
    return P().get(), hasattr(P, "_P__secret")
print(private())
def nested_comp_scope():
    n = 3
    return [[n * i for i in range(j)] for j in range(n)]
print(nested_comp_scope())
def super_test():
    class A:
        def f(self):
            return "A"
    class B(A):
        def f(self):
            return "B" + super().f()
    return B().f()
print(super_test())
def classcell():
    class Q:
        def who(self):
            return __class__.__name__
    return Q().who()
print(classcell())
def locals_delete_global():
    global gz
    gz = 1
    del gz
    try:
        return gz
    except NameError as e:
        return str(e)
print(locals_delete_global())
