# property, staticmethod and classmethod as objects: their attributes,
# copying with getter/setter/deleter, subclasses, messages, chaining, and
# __set_name__ / __init_subclass__ / __class_getitem__ as the class machinery
# calls them.

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = None
    readonly = property(lambda self: "ro")
t = Temp()
t.celsius = 25
print(t.celsius, Temp.celsius.__doc__, type(Temp.celsius).__name__)
del t.celsius
print(t.celsius)
for action in ("set", "del"):
    try:
        if action == "set":
            t.readonly = 1
        else:
            del t.readonly
    except AttributeError as e:
        print("AttributeError:", e)
p = property()
for f in (lambda: p.__get__(t), lambda: p.__set__(t, 1), lambda: p.__delete__(t)):
    try:
        f()
    except AttributeError as e:
        print("AttributeError:", e)
print(p.__get__(None, Temp) is p, p.fget, p.fset, p.fdel, p.__doc__)
print(Temp.celsius.fget.__name__, Temp.celsius.fset.__name__, Temp.celsius.fdel.__name__)
q = property(doc="explicit")
print(q.__doc__, property(Temp.celsius.fget).__doc__, property(len).__doc__[:10])
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    property(nope=1)
except TypeError as e:
    print("TypeError:", e)

class MyProp(property):
    pass
class UsesMyProp:
    @MyProp
    def v(self):
        "doc of v"
        return 1
print(UsesMyProp().v, type(UsesMyProp.v).__name__, UsesMyProp.v.__doc__)

class Abstractish:
    def f(self): pass
    f.__isabstractmethod__ = True
print(property(Abstractish.f).__isabstractmethod__, property().__isabstractmethod__)
print(staticmethod(Abstractish.f).__isabstractmethod__, classmethod(len).__isabstractmethod__)

# staticmethod and classmethod
def plain(*args):
    "plain doc"
    return args
sm = staticmethod(plain)
cm = classmethod(plain)
print(sm.__func__ is plain, sm.__wrapped__ is plain, sm(1, 2), sm.__name__, sm.__doc__)
print(cm.__func__ is plain, cm.__name__, cm.__doc__)
print(repr(sm).startswith("<staticmethod(<function plain"), repr(cm).startswith("<classmethod(<function plain"))
class K:
    s = sm
    c = cm
class KK(K):
    pass
print(K.s(1), K().s(2), K.c(3), KK.c(4), KK().c(5))
print(cm.__get__(None, K)(6), cm.__get__(KK())(7))
try:
    cm()
except TypeError as e:
    print("TypeError:", e)
for f in (lambda: staticmethod(), lambda: classmethod(1, 2), lambda: staticmethod(f=1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
sm.extra = "attr"
print(sm.extra, sorted(vars(sm)))

# classmethod chains to the wrapped object's __get__ (3.9 - 3.12)
class Cls:
    @classmethod
    @property
    def name_upper(cls):
        return cls.__name__.upper()
print(Cls.name_upper, Cls().name_upper)

# the class machinery's hooks
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __get__(self, obj, owner):
        return self if obj is None else obj.__dict__.get(self.name, "unset " + self.name)
class Model:
    first = Field()
    second = Field()
print(Model.first.name, Model.second.owner, Model().first)
late = Field()
Model.third = late
print(hasattr(late, "name"))

registry = []
class Plugin:
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        registry.append((cls.__name__, key))
class First(Plugin, key="one"):
    pass
class Second(First):
    pass
print(registry)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

class Box:
    def __class_getitem__(cls, item):
        return "Box[%s]" % (item.__name__,)
print(Box[int], type(Box.__dict__["__class_getitem__"]).__name__)
class SubBox(Box):
    pass
print(SubBox[str])
class Maker:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.args = args
        return obj
print(Maker(1, 2).args, type(Maker.__dict__["__new__"]).__name__)
