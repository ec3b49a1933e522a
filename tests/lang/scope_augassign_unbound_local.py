def f():
    x += 1
def f2(a):
    b += a
    return b
def f3():
    x = 5
    x += 1
    return x
def f4():
    for i in range(3):
        try:
            t += i
        except UnboundLocalError as e:
            t = 10 * i
    return t
for fn, args in ((f, ()), (f2, (1,)), (f3, ()), (f4, ())):
    try:
        print(fn.__name__, fn(*args))
    except UnboundLocalError as e:
        print(fn.__name__, type(e).__name__, e)
print(f.__code__.co_varnames, f2.__code__.co_varnames, f4.__code__.co_varnames)
