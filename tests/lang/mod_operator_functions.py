# The _operator functions through the stdlib's operator.py: results and errors.
import operator
import _operator

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(f.__name__ if hasattr(f, '__name__') else f, '->', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(operator.add is _operator.add, operator.__add__ is _operator.add)
print(operator.__doc__.splitlines()[0])
print(_operator.add, type(_operator.add).__name__)

for name in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift',
             'and_', 'or_', 'xor']:
    f = getattr(operator, name)
    show(f, 7, 3)
    show(f, 2**70, 5)
    show(f, 'a', 3)
    show(f, 7)
    show(f, a=1, b=2)
show(operator.truediv, 1, 0)
show(operator.mod, 'x%sy', 5)
show(operator.pow, 2.0, 0.5)
show(operator.matmul, 1, 2)
show(operator.lshift, 1, -1)

for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'index', 'truth', 'not_']:
    f = getattr(operator, name)
    show(f, 5)
    show(f, -2**80)
    show(f, 0)
    show(f, 'x')
    show(f)
    show(f, 1, 2)
show(operator.neg, 2.5)
show(operator.abs, -0.0)
show(operator.truth, [])
show(operator.not_, [0])

for name in ['lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    f = getattr(operator, name)
    show(f, 1, 2)
    show(f, 2, 2.0)
    show(f, 'b', 'a')
    show(f, 1, 'a')
    show(f, [1, 2], [1, 3])

x = object()
show(operator.is_, x, x)
show(operator.is_, x, object())
show(operator.is_not, None, None)
show(operator.is_not, 1, None)
show(operator.is_, 1)

# in-place: mutate lists, rebind immutables
for name in ['iadd', 'isub', 'imul', 'itruediv', 'ifloordiv', 'imod', 'ipow', 'ilshift',
             'irshift', 'iand', 'ior', 'ixor']:
    f = getattr(operator, name)
    show(f, 12, 5)
    show(f, 'a', 'b')
l = [1]
r = operator.iadd(l, (2, 3))
print(r is l, l)
r = operator.imul(l, 2)
print(r is l, l)
s = {1, 2}
print(operator.iand(s, {2}) is s, s, operator.ior(s, {5}), operator.ixor(s, {5}))
show(operator.imatmul, 1, 2)

# sequences
show(operator.concat, [1], [2])
show(operator.concat, 'a', 'b')
show(operator.concat, (1,), [2])
show(operator.concat, 'a', 1)
show(operator.concat, 1, 2)
show(operator.concat, {}, {})
l = [1]
print(operator.iconcat(l, (4,)) is l, l)
show(operator.iconcat, (1,), [2])
show(operator.iconcat, 1, [2])
show(operator.iconcat, 'ab', 'c')

class Seq:
    def __init__(self, v): self.v = v
    def __getitem__(self, i): return self.v[i]
    def __add__(self, o): return Seq(self.v + list(o.v))
    def __repr__(self): return 'Seq(%r)' % self.v
show(operator.concat, Seq([1]), Seq([2]))
show(operator.concat, Seq([1]), 5)

show(operator.contains, [1, 2], 2)
show(operator.contains, 'abc', 'bc')
show(operator.contains, 5, 1)
show(operator.contains, {1: 2}, 2)
show(operator.countOf, [1, 2, 1, 1.0, True], 1)
show(operator.countOf, 'banana', 'a')
show(operator.countOf, 5, 1)
show(operator.indexOf, [3, 4, 5], 5)
show(operator.indexOf, [3, 4, 5], 6)
show(operator.indexOf, iter([0, 1, 2]), 2)
show(operator.indexOf, 1.5, 2)
nan = float('nan')
show(operator.countOf, [nan, nan], nan)
show(operator.indexOf, [1, nan], nan)

d = {'a': 1}
show(operator.getitem, d, 'a')
show(operator.getitem, d, 'b')
show(operator.getitem, [1, 2, 3], slice(1, None))
show(operator.getitem, [1, 2, 3], 5)
show(operator.getitem, 5, 0)
show(operator.setitem, d, 'b', 2)
show(operator.setitem, (1,), 0, 2)
show(operator.setitem, d, 'b')
show(operator.delitem, d, 'a')
show(operator.delitem, d, 'zz')
show(operator.delitem, 'abc', 0)
print(d)

# index
class I:
    def __index__(self): return 42
class Bad:
    def __index__(self): return 'no'
show(operator.index, I())
show(operator.index, Bad())
show(operator.index, 1.5)
show(operator.index, True)

# call
show(operator.call, max, 3, 9, 2)
show(operator.call, sorted, [3, 1, 2], reverse=True)
show(operator.call, dict, a=1)
show(operator.call)
show(operator.call, 5)

# length_hint
class LH:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
class LenTypeError:
    def __len__(self): raise TypeError('no len')
    def __length_hint__(self): return 5
class LenValueError:
    def __len__(self): raise ValueError('bad len')
class HintTypeError:
    def __length_hint__(self): raise TypeError('bad hint')
class HintOther:
    def __length_hint__(self): raise KeyError('k')
for obj in [[1, 2, 3], 'abcd', {}, LH(4), LH(-1), LH('x'), LH(NotImplemented), LH(2**70),
            LH(True), LenTypeError(), LenValueError(), HintTypeError(), HintOther(), 5,
            iter('abc'), object()]:
    show(operator.length_hint, obj, 9)
show(operator.length_hint, LH(0))
show(operator.length_hint, object())
show(operator.length_hint, [], 'x')
show(operator.length_hint, [], -5)
show(operator.length_hint, object(), I())
show(operator.length_hint, [], 1, 2)
show(operator.length_hint)
show(operator.length_hint, obj=[])

# _compare_digest
cd = _operator._compare_digest
for a, b in [('abc', 'abc'), ('abc', 'abd'), ('ab', 'abc'), ('', ''), (b'xy', b'xy'),
             (b'xy', b'xz'), (b'x', b'xy'), ('a', b'a'), (b'a', 'a'), (1, 2), (1, b'a'),
             ('é', 'é'), ('a', 'é')]:
    show(cd, a, b)
show(cd, 'a')
show(cd, a='a', b='a')
