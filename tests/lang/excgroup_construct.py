# Building exception groups: the checks of BaseExceptionGroup.__new__, the
# class it picks, the attributes, str/repr, and subclasses with their own
# __new__, __init__ and derive.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")


eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), eg.args, eg.message, eg.exceptions)
print(type(eg).__name__, isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))

b = BaseExceptionGroup("b", [ValueError()])
print(type(b).__name__, repr(b))
b = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(b).__name__, repr(b), str(b))
print(str(ExceptionGroup("one", (KeyError("k"),))))
print(str(ExceptionGroup("", [ValueError()] * 4)))

attempt("no exceptions", lambda: ExceptionGroup("m"))
attempt("three args", lambda: ExceptionGroup("m", [ValueError()], 1))
attempt("message not str", lambda: ExceptionGroup(42, [ValueError()]))
attempt("keyword", lambda: ExceptionGroup("m", [ValueError()], flag=True))
attempt("not a sequence", lambda: ExceptionGroup("m", 7))
attempt("a set", lambda: ExceptionGroup("m", {ValueError()}))
attempt("a dict", lambda: ExceptionGroup("m", {"k": ValueError()}))
attempt("a generator", lambda: ExceptionGroup("m", (e for e in [ValueError()])))
attempt("empty", lambda: ExceptionGroup("m", []))
attempt("item not an exception", lambda: ExceptionGroup("m", [ValueError(), "oops"]))
attempt("item a class", lambda: ExceptionGroup("m", [ValueError]))
attempt("BaseException in ExceptionGroup", lambda: ExceptionGroup("m", [SystemExit(1)]))
attempt("a string", lambda: ExceptionGroup("m", "abc"))
attempt("a range", lambda: ExceptionGroup("m", range(2)))
attempt("message attribute", lambda: setattr(eg, "message", "other"))
attempt("exceptions attribute", lambda: setattr(eg, "exceptions", ()))
eg.args = ("changed",)
print(repr(eg), str(eg))


class Seq:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


print(ExceptionGroup("custom sequence", Seq([OSError(1), KeyError(2)])).exceptions)


# a subclass with a __new__ of its own that keeps extra state
class CodedGroup(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return CodedGroup(self.message, excs, self.code)


cg = CodedGroup("coded", [ValueError(1), TypeError(2)], 7)
print(type(cg).__name__, repr(cg), str(cg), cg.code)
m, r = cg.split(ValueError)
print(type(m).__name__, m.code, repr(m), type(r).__name__, r.code)


# a plain subclass: split's parts come from BaseExceptionGroup.derive
class PlainGroup(ExceptionGroup):
    pass


pg = PlainGroup("plain", [ValueError(1), TypeError(2)])
m, r = pg.split(ValueError)
print(type(pg).__name__, type(m).__name__, type(r).__name__, repr(m))
print(type(pg.split(PlainGroup)[0]).__name__)


# subclass of BaseExceptionGroup holding BaseExceptions, and the check for
# subclasses that are Exceptions
class MyBase(BaseExceptionGroup):
    pass


print(type(MyBase("mb", [KeyboardInterrupt()])).__name__)
print(type(MyBase("mb", [ValueError()])).__name__)
attempt("BaseException in an Exception subclass", lambda: PlainGroup("p", [KeyboardInterrupt()]))


class Both(BaseExceptionGroup, Exception):
    pass


attempt("BaseException in a mixed subclass", lambda: Both("x", [KeyboardInterrupt()]))
print(repr(Both("x", [ValueError()])))


# __init__ that changes args
class Renamed(ExceptionGroup):
    def __init__(self, message, excs):
        super().__init__(message.upper(), excs)


rn = Renamed("quiet", [ValueError()])
print(repr(rn), rn.message, str(rn), rn.args)

# derive of the base class builds a BaseExceptionGroup (or ExceptionGroup)
print(repr(eg.derive([KeyError(5)])), type(eg.derive([KeyboardInterrupt()])).__name__)
attempt("derive of nothing", lambda: eg.derive([]))
