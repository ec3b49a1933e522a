class AppError(Exception):
    pass
class DetailedError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class NoSuperInit(Exception):
    def __init__(self, x):
        self.x = x

for exc in (AppError(), AppError("one"), AppError("a", 2), DetailedError(404, "missing"), NoSuperInit(5)):
    print(type(exc).__name__, repr(str(exc)), exc.args, repr(exc))
try:
    raise DetailedError(500, "server")
except AppError as e:
    print("caught as AppError:", e, e.code)
e = AppError("x")
e.args = ("changed", 1)
print(e, repr(e))
e.args = "abc"
print(e.args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr(1)), str(WithRepr(1)))
# exception attributes
err = KeyError("missing key")
print(str(err), repr(err), err.args)
print(str(KeyError()), str(KeyError(1, 2)), str(IndexError("i")))
# raising a class instantiates it
try:
    raise AppError
except AppError as e:
    print(type(e).__name__, e.args)
# raising non-exceptions
for bad in (5, "string", object):
    try:
        raise bad
    except TypeError as e:
        print(type(e).__name__, e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
# exception class with class attributes and methods
class Retry(Exception):
    attempts = 3
    def describe(self):
        return f"retry {self.attempts}x: {self.args[0]}"
try:
    raise Retry("network")
except Retry as r:
    print(r.describe())
print(OSError(2, "No such file").errno, OSError(2, "No such file").strerror, OSError(2, "x").__class__.__name__)
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
