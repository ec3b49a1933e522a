# object.__reduce_ex__ / __reduce__ / __getstate__: what copy and pickle build on
# (copyreg.__newobj__, slots, list and dict items, __getnewargs__(_ex__)).
import copyreg
class P:
    def __init__(self): self.a = 1; self.b = [2]
p = P()
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1], r[2], r[3], r[4])
print(p.__reduce_ex__(4)[1:], len(p.__reduce_ex__(4)))
r0 = p.__reduce_ex__(0)
print(r0[0] is copyreg._reconstructor, r0[1], r0[2])
print(p.__reduce__()[0] is copyreg._reconstructor)
class S:
    __slots__ = ("x", "y")
s = S(); s.x = 5
print(s.__reduce_ex__(2)[2])
class L(list): pass
l = L([1, 2]); l.t = 1
r = l.__reduce_ex__(2)
print(r[1], r[2], list(r[3]), r[4])
class D(dict): pass
d = D(a=1)
r = d.__reduce_ex__(2)
print(r[1], r[2], r[3], list(r[4]))
class NA:
    def __getnewargs__(self): return (1, 2)
print(NA().__reduce_ex__(2)[1][1:], NA().__reduce_ex__(2)[2])
class NK:
    def __getnewargs_ex__(self): return ((1,), {"k": 2})
r = NK().__reduce_ex__(2)
print(r[0] is copyreg.__newobj_ex__, r[1][1:])
class Own:
    def __reduce__(self): return (Own, ())
print(Own().__reduce_ex__(2))
class GS:
    def __getstate__(self): return "custom"
print(GS().__reduce_ex__(2)[2])
print(object().__reduce_ex__(2)[1:])
class Bad:
    def __getnewargs__(self): return 5
try: Bad().__reduce_ex__(2)
except TypeError as e: print(e)
class Emp: pass
print(Emp().__reduce_ex__(3)[2])
