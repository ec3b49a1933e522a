# object.__getstate__/__reduce_ex__ read the slot names from the class's
# __slotnames__ (list or None) or copyreg._slotnames, as CPython; slots the
# names miss make a protocol-2 reduce refuse the object.
import copyreg, copy, pickle
class S(str):
    pass
class A:
    __slotnames__ = [S('spam')]
    def __getattr__(self, attr):
        if attr == 'spam':
            A.__slotnames__[:] = [S('spam')]
            return 42
        else:
            raise AttributeError
r = A().__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1][0] is A, r[2:])
class B:
    __slots__ = ('x', '__y', '__dict__', '__weakref__')
b = B(); b.x = 1; b._B__y = 2; b.z = 3
print(b.__reduce_ex__(2)[2], B.__slotnames__)
print(b.__getstate__())
class C(B):
    __slots__ = ('w',)
c = C(); c.w = 9; c.x = 1
print(c.__getstate__(), C.__slotnames__)
class Bad:
    __slotnames__ = 5
try:
    Bad().__reduce_ex__(2)
except TypeError as e: print(type(e).__name__, e)
class NoneNames:
    __slots__ = ('a',)
    __slotnames__ = None
n = NoneNames(); n.a = 1
try:
    print(n.__reduce_ex__(2)[2])
except TypeError as e: print(type(e).__name__, e)
print(n.__getstate__())
class Partial:
    __slots__ = ('a', 'b')
    __slotnames__ = ['a']
try:
    Partial().__reduce_ex__(2)
except TypeError as e: print(type(e).__name__, e)
class Custom:
    __slotnames__ = ['v']
    v = 'class attr'
print(Custom().__getstate__())
print(copy.copy(c).w, pickle.loads(pickle.dumps(c)).w)
class Plain: pass
p = Plain(); p.q = 1
print(p.__reduce_ex__(2)[2], Plain.__dict__.get('__slotnames__'))
