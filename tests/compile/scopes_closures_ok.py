def outer(a, *args, b=1, **kw):
    c = a
    def inner(d):
        nonlocal c
        c += d
        return c, b, kw, args
    return inner
