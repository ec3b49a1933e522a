# Subclasses of builtin types keep the builtin's behaviour where they do not
# override it, get instance attributes, and can override dunders.

class MyList(list):
    def total(self):
        return sum(self)
l = MyList([3, 1, 2])
l.append(4)
l.tag = "mine"
print(l, len(l), l[0], l[-1], l[1:3], l.total(), l.tag, type(l).__name__)
l.sort()
print(l, 3 in l, list(reversed(l)), l == [1, 2, 3, 4], type(l + [5]).__name__)
print(isinstance(l, list), issubclass(MyList, list), MyList.__mro__)
try:
    l + 1
except TypeError as e:
    print("TypeError:", e)

class Upper(list):
    def __getitem__(self, i):
        return str(list.__getitem__(self, i)).upper()
    def __len__(self):
        return 100
u = Upper(["a", "b"])
print(u[0], u[1], len(u), list.__len__(u))

class Counter(dict):
    def __missing__(self, key):
        return 0
    def bump(self, key):
        self[key] = self[key] + 1
cnt = Counter()
for w in "a b a c a".split():
    cnt.bump(w)
cnt.note = "n"
print(sorted(cnt.items()), cnt["zzz"], cnt.note, type(cnt).__name__, len(cnt))

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "Point(%r, %r)" % tuple(self)
pt = Point(1, 2)
print(pt, pt.x, pt[1], len(pt), pt == (1, 2), hash(pt) == hash((1, 2)), type(pt).__name__)

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return "[%d] %s" % (self.code, self.args[0])
try:
    raise AppError(42, "bad thing")
except AppError as e:
    print(e, e.code, e.args, repr(e), isinstance(e, Exception), vars(e))
class Quiet(ValueError):
    pass
try:
    raise Quiet("q", 1)
except ValueError as e:
    print(type(e).__name__, e, e.args)
e = KeyError("k")
e.extra = 1
print(e.extra, vars(e))

class MySet(set):
    pass
s = MySet([1, 2, 2, 3])
s.label = "set"
print(sorted(s), s.label, type(s).__name__, 2 in s)

class Slotted(list):
    __slots__ = ("meta",)
sl = Slotted([1])
sl.meta = "m"
print(sl, sl.meta, hasattr(sl, "__dict__"))
try:
    sl.other = 1
except AttributeError as e:
    print("AttributeError:", e)

class Meta(type):
    def __repr__(cls):
        return "<meta-made %s>" % cls.__name__
    def __call__(cls, *args, **kwargs):
        inst = super().__call__(*args, **kwargs)
        inst.made_by_meta = True
        return inst
    def __getattr__(cls, name):
        return "class-level " + name
    @property
    def shout(cls):
        return cls.__name__.upper()
class Thing(metaclass=Meta):
    def __init__(self, x=0):
        self.x = x
th = Thing(5)
print(Thing, th.x, th.made_by_meta, Thing.anything, Thing.shout, type(Thing).__name__)
try:
    th.shout
except AttributeError as e:
    print("AttributeError:", e)
