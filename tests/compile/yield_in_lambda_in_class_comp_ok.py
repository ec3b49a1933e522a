class C:
    x = [lambda: (yield) for a in b]
