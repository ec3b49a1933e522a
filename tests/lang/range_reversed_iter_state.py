for r in [range(2,20,3), range(10), range(0), range(5,-7,-2), range(2**64, 2**64+10, 3), range(-2**63, -2**63+5), range(2**63-3, 2**63), range(0, 2**70, 2**68), range(9, 2, 1)]:
    rv = reversed(r)
    print(type(rv).__name__, list(rv), list(reversed(r)) == list(r)[::-1])
    it = iter(r); next(it, None)
    red = it.__reduce__()
    print(red[0].__name__, red[1:], it.__length_hint__())
    it.__setstate__(3); print(list(it))
    it.__setstate__(-3); print(it.__length_hint__())
    rv = reversed(r); next(rv, None); print(rv.__length_hint__(), rv.__reduce__()[1:])
print(iter(range(10**20)).__length_hint__())
for bad in ['x', 1.0]:
    try: iter(range(3)).__setstate__(bad)
    except TypeError as e: print(e)
    try: iter(range(2**70)).__setstate__(bad)
    except TypeError as e: print(e)
M=2**63
for r in [range(-M,-M+5), range(-M+1,0), range(M-1,0,-1), range(M-2,0,-1), range(-M+3, -M, -1), range(0, 10, -M), range(-M, 0, M-1), range(5,-M,-M), range(5,-M+1,-M)]:
    print(r, type(reversed(r)).__name__, type(iter(r)).__name__, [x for _, x in zip(range(3), reversed(r))])
for mk in [lambda: iter([1,2]), lambda: reversed([1,2]), lambda: iter((1,2)), lambda: reversed('ab'), lambda: iter(range(3)), lambda: iter(range(2**70))]:
  for bad in ['x', 1.5, 2**70, -2**70, True]:
    it=mk()
    try: it.__setstate__(bad); print('ok', next(it))
    except Exception as e: print(type(e).__name__, e)
