class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, int)), isinstance(True, int), isinstance(None, type(None)))
print(isinstance(1, int | str), isinstance("x", int | None), isinstance(None, int | None), issubclass(bool, int | str))
print(issubclass(B, A), issubclass(A, A), issubclass(bool, (str, int)), issubclass(int, object), issubclass(type, object))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), isinstance(A, object))
print(isinstance(1, ((str, bytes), (float, int))))
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Virtual(metaclass=Meta):
    pass
print(isinstance("magic", Virtual), isinstance("other", Virtual), issubclass(int, Virtual), issubclass(str, Virtual))
# getattr/setattr/hasattr/delattr
o = A()
setattr(o, "dyn", 1)
print(getattr(o, "dyn"), hasattr(o, "dyn"), hasattr(o, "nope"), getattr(o, "nope", "dflt"))
setattr(o, "with space", 2)
print(getattr(o, "with space"), sorted(vars(o)))
delattr(o, "dyn")
print(hasattr(o, "dyn"))
try:
    getattr(o, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hasattr(o, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(1, "real"), getattr("s", "upper")(), hasattr([], "append"), callable(getattr(o, "__init__")))
print(type(1), type("a"), type(None), type(A()), type(A), type(len), type(lambda: 0).__name__)
print(id(o) == id(o), id(A()) is not None)
print(vars(A) is not None, "__module__" in vars(A))
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(n for n in dir(o) if not n.startswith("__")), "__class__" in dir(o))
print([n for n in dir([]) if not n.startswith("_")])
