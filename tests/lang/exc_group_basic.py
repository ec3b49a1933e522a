eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(type(eg).__name__, str(eg), repr(eg.message), len(eg.exceptions))
print([type(e).__name__ for e in eg.exceptions])
print(repr(eg))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.subgroup(lambda e: "2" in str(e))))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(str(nested))
# BaseExceptionGroup vs ExceptionGroup
beg = BaseExceptionGroup("base", [ValueError(1)])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg2).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("notlist", ValueError())
except TypeError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("notexc", [1])
except ValueError as e:
    print(type(e).__name__, e)
# derive
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)
mg = MyGroup("mine", [ValueError(1), KeyError(2)])
a, b = mg.split(KeyError)
print(type(a).__name__, a.message, type(b).__name__, b.message)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
