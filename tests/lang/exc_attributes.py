try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e.name, e.args)
class Obj:
    pass
o = Obj()
try:
    o.missing_attr
except AttributeError as e:
    print(type(e).__name__, e.name, e.obj is o, e.args)
try:
    {}["key"]
except KeyError as e:
    print(e.args, repr(e), str(e))
try:
    import definitely_not_a_module
except ImportError as e:
    print(e.name, e.path, e.msg)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    "\u20ac".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
print(OSError("just a message").errno, OSError(1, 2, 3, 4, 5).args)
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__, type(OSError(999, "?")).__name__)
s = StopIteration(1, 2)
print(s.value, s.args)
se = SystemExit("bye")
print(se.code, se.args)
ke = KeyError()
print(repr(ke), str(ke), ke.args)
try:
    compile("x = (", "fake.py", "exec")
except SyntaxError as e:
    print(e.filename, e.lineno, e.offset, e.msg, repr(e.text), e.end_lineno, e.end_offset)
print(SyntaxError("msg", ("f.py", 3, 4, "text\n", 3, 6)).args)
ex = Exception("a", "b")
ex.custom = "extra attribute"
print(ex.custom, ex.args, str(ex), repr(ex))
print(BaseException().args, str(BaseException()), repr(Exception(None)), str(Exception(None)))
