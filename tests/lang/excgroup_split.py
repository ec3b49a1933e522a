# split() and subgroup(): conditions (a type, a tuple of types, a function),
# the shape of the parts, identity when everything matches, and the
# metadata the parts copy (__traceback__, __cause__, __context__, notes).


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {r!r}")


def make():
    return ExceptionGroup("top", [
        ValueError(1),
        TypeError(2),
        ExceptionGroup("mid", [OSError(3), ValueError(4), ExceptionGroup("low", [KeyError(5)])]),
        IndexError(6),
    ])


eg = make()
for cond in (ValueError, TypeError, LookupError, (ValueError, KeyError), OSError, Exception,
             ZeroDivisionError, ()):
    m, r = eg.split(cond)
    print(getattr(cond, "__name__", cond), "->", repr(m), "|", repr(r))
    print("   subgroup:", repr(eg.subgroup(cond)))

print(eg.split(Exception)[0] is eg, eg.subgroup(ExceptionGroup) is eg)
print(eg.split(ZeroDivisionError)[1] is eg, eg.split(ZeroDivisionError)[1] == eg)
m, r = eg.split(ValueError)
print(m.exceptions[0] is eg.exceptions[0], r.exceptions[0] is eg.exceptions[1])

# predicates: functions and lambdas, called on groups as well as leaves
seen = []


def note_and_match(e):
    seen.append(type(e).__name__)
    return isinstance(e, ValueError) or (isinstance(e, ExceptionGroup) and e.message == "low")


m, r = eg.split(note_and_match)
print(seen)
print(repr(m), "|", repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, IndexError)))))
print(repr(eg.subgroup(lambda e: e.args == (3,))))
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(lambda e: False))
print(repr(eg.split(lambda e: "yes" if isinstance(e, OSError) else "")))


def failing(e):
    if isinstance(e, OSError):
        raise RuntimeError("predicate failed")
    return False


attempt("failing predicate", lambda: eg.split(failing))


class Checker:
    def method(self, e):
        return True

    def __call__(self, e):
        return True


attempt("bound method", lambda: eg.split(Checker().method))
attempt("callable object", lambda: eg.split(Checker()))
attempt("builtin", lambda: eg.split(len))
attempt("not a type", lambda: eg.split(42))
attempt("not an exception type", lambda: eg.split(int))
attempt("tuple with a non-type", lambda: eg.split((ValueError, "x")))
attempt("nested tuple", lambda: eg.split((ValueError, (TypeError,))))
attempt("list", lambda: eg.split([ValueError]))
attempt("no argument", lambda: eg.split())
attempt("two arguments", lambda: eg.subgroup(ValueError, TypeError))

# what the parts copy
try:
    try:
        raise KeyError("context")
    except KeyError:
        raise make() from OSError("cause")
except ExceptionGroup as e:
    caught = e
caught.add_note("a note")
m, r = caught.split(ValueError)
for part in (m, r):
    print(repr(part.__cause__), repr(part.__context__), part.__suppress_context__,
          part.__traceback__ is caught.__traceback__, part.__notes__,
          part.__notes__ is caught.__notes__)
inner = m.exceptions[1]
print(repr(inner), inner.__traceback__, hasattr(inner, "__notes__"), inner.__suppress_context__)
caught.__notes__ = "not a list"
print(caught.split(TypeError)[0].__notes__)
caught.__notes__ = 12
print(hasattr(caught.split(TypeError)[0], "__notes__"))

# a BaseExceptionGroup splits into an ExceptionGroup part and a base part
beg = BaseExceptionGroup("beg", [ValueError(1), KeyboardInterrupt(), SystemExit(3)])
m, r = beg.split(Exception)
print(type(m).__name__, repr(m), type(r).__name__, repr(r))
m, r = beg.split((KeyboardInterrupt, ValueError))
print(type(m).__name__, type(r).__name__)


# a derive that returns something else
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")


attempt("derive returning an exception", lambda: BadDerive("bd", [ValueError(), TypeError()]).split(ValueError))


class CountingDerive(ExceptionGroup):
    calls = 0

    def derive(self, excs):
        CountingDerive.calls += 1
        return CountingDerive(self.message + "'", excs)


cd = CountingDerive("cd", [ValueError(1), CountingDerive("in", [TypeError(2), ValueError(3)])])
m, r = cd.split(ValueError)
print(repr(m), repr(r), CountingDerive.calls)

# deep nesting
deep = ValueError("leaf")
for i in range(200):
    deep = ExceptionGroup(f"level{i}", [deep, TypeError(i)])
m, r = deep.split(ValueError)
depth = 0
while isinstance(m, ExceptionGroup):
    m = m.exceptions[0]
    depth += 1
print(depth, repr(m), len(r.exceptions))
