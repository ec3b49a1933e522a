def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000))
f = level1("a")("b")
print(f("c")("d"), f("x")("y"))
print([c.cell_contents for c in level1(1)(2)(3).__closure__])
print(level1(1)(2)(3).__code__.co_freevars)
# rebinding an outer variable after inner functions were created
def outer():
    x = "first"
    def get():
        return x
    x = "second"
    first = get()
    x = "third"
    return first, get()
print(outer())
# nonlocal through several levels
def counter_tree():
    count = 0
    def a():
        def b():
            def c():
                nonlocal count
                count += 1
                return count
            return c()
        return b()
    return [a() for _ in range(3)], count
print(counter_tree())
# a lambda closing over a comprehension variable of an enclosing function
def lambdas():
    return [(lambda: k * 2) for k in range(3)], [(lambda k=k: k * 2) for k in range(3)]
late, early = lambdas()
print([f() for f in late], [f() for f in early])
