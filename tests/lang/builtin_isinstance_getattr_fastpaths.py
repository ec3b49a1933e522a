# isinstance's negative answer and getattr/hasattr with a default take fast
# paths when the object's __class__ and attribute lookup are object's own;
# every way of overriding them must still be seen.


class Plain:
    pass


class ClassAttr:
    __class__ = int


class ClassProperty:
    @property
    def __class__(self):
        return str


class ClassRaises:
    @property
    def __class__(self):
        raise AttributeError('no class here')


class ClassRaisesOther:
    @property
    def __class__(self):
        raise ValueError('class lookup failed')


class GetAttribute:
    def __getattribute__(self, name):
        if name == '__class__':
            return list
        return object.__getattribute__(self, name)


class GetAttr:
    def __getattr__(self, name):
        return 'from __getattr__ ' + name


class Sub(Plain):
    pass


shadowed = Plain()
shadowed.__dict__['__class__'] = int   # an instance dict cannot shadow the data descriptor

objects = [('Plain', Plain()), ('shadowed', shadowed), ('ClassAttr', ClassAttr()),
           ('ClassProperty', ClassProperty()), ('ClassRaises', ClassRaises()),
           ('GetAttribute', GetAttribute()), ('GetAttr', GetAttr()), ('Sub', Sub()),
           ('int', 5), ('str', 'x'), ('dict', {}), ('list', []), ('None', None),
           ('type', int), ('func', len)]
classes = [int, str, list, dict, Plain, Sub, object, (int, str), (list, (dict, Plain)), type]
for name, o in objects:
    print(name, [isinstance(o, c) for c in classes])

try:
    isinstance(ClassRaisesOther(), int)
except Exception as e:
    print(type(e).__name__, e)
print(isinstance(ClassRaisesOther(), ClassRaisesOther))


# A class that gains a __class__ override after isinstance has answered.
class Late:
    pass


late = Late()
for _ in range(3):
    print('late', isinstance(late, int), isinstance(late, Late))
Late.__class__ = property(lambda self: int)
print('late after', isinstance(late, int), isinstance(late, Late))
del Late.__class__
print('late restored', isinstance(late, int), isinstance(late, Late))


# __instancecheck__ of a metaclass still runs.
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'


class WithMeta(metaclass=Meta):
    pass


print(isinstance('magic', WithMeta), isinstance('plain', WithMeta), isinstance(3, WithMeta))


# getattr with a default, hasattr.
class Props:
    x = 1

    @property
    def missing_inside(self):
        raise AttributeError('raised inside the property')

    @property
    def broken(self):
        raise ValueError('broken property')

    @property
    def fine(self):
        return 'fine'


p = Props()
p.inst = 'instance value'
for attr in ['x', 'inst', 'fine', 'nope', 'missing_inside', '__class__', '__dict__']:
    value = getattr(p, attr, '<default>')
    print(attr, value if attr != '__dict__' else sorted(value), hasattr(p, attr))
try:
    getattr(p, 'broken', 'd')
except Exception as e:
    print(type(e).__name__, e)
try:
    hasattr(p, 'broken')
except Exception as e:
    print(type(e).__name__, e)
try:
    getattr(p, 'nope')
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is p)
try:
    p.nope2
except AttributeError as e:
    print(type(e).__name__, e, e.name)
print(getattr(GetAttr(), 'anything', 'd'), hasattr(GetAttr(), 'z'))
try:
    getattr(p, 3, None)
except Exception as e:
    print(type(e).__name__, e)


# Classes: the class's own attributes, the metaclass's, and missing ones.
class M2(type):
    meta_attr = 'from the metaclass'

    @property
    def meta_prop(cls):
        return 'meta property of ' + cls.__name__


class K(metaclass=M2):
    own = 'own'


for attr in ['own', 'meta_attr', 'meta_prop', 'nope', '__name__', 'mro']:
    v = getattr(K, attr, '<default>')
    print('K', attr, v if isinstance(v, str) else type(v).__name__, hasattr(K, attr))
print(getattr(int, 'real', None) is not None, getattr(int, 'nope', 'd'), hasattr(int, 'nope'))
try:
    getattr(K, 'nope')
except AttributeError as e:
    print(type(e).__name__, e)

# An attribute added and removed between lookups.
for step in range(4):
    if step == 1:
        Props.added = 'added on the class'
    if step == 2:
        p.added = 'added on the instance'
    if step == 3:
        del Props.added
        del p.added
    print(step, getattr(p, 'added', '<default>'), hasattr(p, 'added'))

# id() of the same object is stable and an int.
o = object()
print(id(o) == id(o), type(id(o)).__name__, id(o) > 0, id(o) != id(object()) or True)
