def f():
    x = 1
    class C:
        nonlocal x
        x = 2
    return C
