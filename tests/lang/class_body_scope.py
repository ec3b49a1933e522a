x = "global"
class C:
    x = "class"
    y = x            # class-level lookup
    def m(self):
        return x     # skips the class scope
    lst = [x for _ in range(1)]    # comprehension body skips class scope...
    first = [x + "!" for x in ["iter"]]
    gen_iter = [v for v in [x]]    # ...but the first iterable is evaluated in it
print(C.y, C().m(), C.lst, C.first, C.gen_iter)

class D:
    a = 1
    b = a + 1
    try:
        c = [a for _ in range(2)]
    except NameError as e:
        c = type(e).__name__ + ": " + str(e)
print(D.b, D.c)

class E:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(i for i in items)
print(E.doubled, E.total)

def f():
    v = "func"
    class K:
        v = "class"
        comp = [v for _ in range(1)]
        def m(self):
            return v
    return K.comp, K().m(), K.v
print(f())

class Counter:
    n = 0
    for i in range(3):
        n += i
    del i
print(Counter.n, hasattr(Counter, "i"))

class Locals:
    a = 1
    b = 2
    names = sorted(k for k in locals() if not k.startswith("__"))
print(Locals.names)
print(sorted(k for k in vars(Locals) if not k.startswith("__")))
class Q:
    __qualname__ = "Custom.Qual"
print(Q.__qualname__)
class Nested:
    class Inner:
        class Deepest:
            pass
print(Nested.Inner.Deepest.__qualname__)
