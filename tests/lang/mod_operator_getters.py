# operator.itemgetter, attrgetter and methodcaller: calls, reprs, errors.
import operator
from operator import itemgetter, attrgetter, methodcaller

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

print(itemgetter, attrgetter, methodcaller)
print(itemgetter.__module__, itemgetter.__name__, type(itemgetter(1)).__qualname__)

# itemgetter
g = itemgetter(1)
print(g, g([10, 20, 30]), g('xyz'), g({1: 'one'}))
g2 = itemgetter(0, -1, slice(1, 3))
print(g2, g2('abcdef'), g2([1, 2, 3, 4]))
print(itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
show(g, [1])
show(g, 5)
show(g)
show(g, [1, 2], [3])
show(g, x=[1, 2])
show(itemgetter)
show(itemgetter, 1, k=2)
show(g2, 'a')
l = []
g3 = itemgetter(l)
l.append(g3)
print(repr(g3))
print(g.__reduce__(), g2.__reduce__())
try:
    class Sub(itemgetter):
        pass
except TypeError as e:
    print('TypeError', e)

# attrgetter
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __repr__(self):
        return 'Node(%r)' % self.name
n = Node('root', Node('kid', Node('grandkid')))
a = attrgetter('name')
print(a, a(n))
ad = attrgetter('child.child.name')
print(ad, ad(n))
am = attrgetter('name', 'child.name', 'child')
print(am, am(n))
show(attrgetter('nope'), n)
show(attrgetter('child.nope'), n)
show(attrgetter('child.child.child.name'), n)
show(attrgetter('a.'), n)
show(attrgetter('.a'), n)
show(attrgetter)
show(attrgetter, 1)
show(attrgetter, 'a', 2)
show(attrgetter, name='x')
show(a)
show(a, n, n)
show(a, obj=n)
print(attrgetter('real', 'imag')(3 + 4j))
print(attrgetter('__class__.__name__')(1.5))
print(am.__reduce__(), ad.__reduce__())
print(sorted([Node('b'), Node('a'), Node('c')], key=attrgetter('name')))

# methodcaller
m = methodcaller('upper')
print(m, m('abc'))
m2 = methodcaller('split', ',', 1)
print(m2, m2('a,b,c'))
m3 = methodcaller('replace', 'a', 'b', count=1) if False else methodcaller('to_bytes', 2, 'big')
print(m3, m3(258))
m4 = methodcaller('sort', reverse=True, key=abs)
l = [3, -5, 1]
print(m4(l), l)
print(repr(m4).startswith("operator.methodcaller('sort', reverse=True, key=<built-in function abs>"))
m5 = methodcaller('get', 'k', default=None) if False else methodcaller('get', 'k', 0)
print(m5({}), m5({'k': 7}))
show(methodcaller('nope'), 1)
show(methodcaller)
show(methodcaller, 5)
show(methodcaller, name='x')
show(m)
show(m, 'a', 'b')
show(m, obj='a')
show(methodcaller('upper', 1), 'a')
print(m.__reduce__(), m2.__reduce__())
print(methodcaller('f', 1, 'x', k=[2]))
l = []
mr = methodcaller('f', l)
l.append(mr)
print(mr)

class WithCall:
    def __getitem__(self, k):
        return ('item', k)
    def meth(self, *a, **k):
        return ('meth', a, sorted(k.items()))
w = WithCall()
print(itemgetter('q')(w), itemgetter(1, 2)(w))
print(methodcaller('meth', 1, 2, z=3)(w))
print(attrgetter('meth')(w)())
