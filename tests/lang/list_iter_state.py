import sys
l = [1, 2, 3, 4]
it = iter(l); next(it)
print(it.__length_hint__(), it.__reduce__()[1:], type(it.__reduce__()[0]).__name__)
it.__setstate__(10); print(list(it), it.__length_hint__(), it.__reduce__()[1:])
it = iter(l); it.__setstate__(-5); print(next(it))
for bad in ['x', 2**70, 1.5]:
    try: iter(l).__setstate__(bad)
    except Exception as e: print(type(e).__name__, e)
r = reversed(l); next(r); print(r.__length_hint__(), r.__reduce__()[1:])
r.__setstate__(100); print(list(r)); print(r.__reduce__()[1:], r.__length_hint__())
r = reversed(l); r.__setstate__(-7); print(list(r))
t = (5, 6, 7); ti = iter(t); next(ti); print(ti.__length_hint__(), ti.__reduce__()[1:]); ti.__setstate__(2); print(list(ti), ti.__reduce__()[1:])
class T(tuple): pass
print(t.__getnewargs__(), T((1,2)).__getnewargs__(), type(T((1,2)).__getnewargs__()[0]).__name__)
rv = reversed(range(0)) ; 
class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
rs = reversed(S()); print(next(rs), rs.__reduce__()[2]); rs.__setstate__(9); print(list(rs))
rs = reversed(S()); print(list(rs), rs.__reduce__()[1:])
print(type(rs.__reduce__()[0]).__name__, rs.__reduce__()[0] is reversed, iter(l).__reduce__()[0] is iter)
