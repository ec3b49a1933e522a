# __slots__ with a secondary base that has a __dict__ (or weakrefs): the
# class gets them too, as CPython's type_new_slots_bases gives them
# (xml.dom.minidom's ProcessingInstruction(Childless, Node) relies on it).
import weakref

class Plain:
    shared = None
class NoSlots:
    __slots__ = ()
class P(NoSlots, Plain):
    __slots__ = ('target',)

p = P()
p.target = 't'
p.shared = 'mine'
p.other = 1
print(p.target, p.shared, P.shared, sorted(p.__dict__), hasattr(P, '__dict__'))
r = weakref.ref(p)
print(r() is p)

class OnlySlots(NoSlots):
    __slots__ = ('a',)
o = OnlySlots()
for f in (lambda: setattr(o, 'b', 1), lambda: weakref.ref(o), lambda: o.__dict__):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

class Both(NoSlots, Plain):
    __slots__ = ('__dict__',)
try:
    class Twice(NoSlots, Plain):
        __slots__ = ('__dict__', '__dict__')
except TypeError as e:
    print('TypeError', e)
print(sorted(vars(Both())))
