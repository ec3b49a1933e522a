# __reduce__ of ImportError keeps name and path (as state), of OSError puts
# the file names back into args; object.__getattribute__'s AttributeError
# carries name and obj like a normal attribute lookup's.

for e in [ImportError("test"), ImportError("test", name="n"), ImportError("t", path="p"),
          ImportError("t", name="n", path="p"), ModuleNotFoundError("m", name="m")]:
    r = e.__reduce__()
    print(r)
    copy = r[0](*r[1])
    if len(r) > 2:
        copy.__setstate__(r[2])
    print(copy.name, copy.path, copy.msg, copy.args)

ie = ImportError("x", name="n")
ie.extra = 1
print(ie.__reduce__())

for e in [OSError("foo", "bar"), OSError("foo", "bar", "baz"), OSError(2, "nope", "f", None, "g"),
          OSError(1), OSError(), FileNotFoundError(2, "missing", "path")]:
    r = e.__reduce__()
    print(r)
    copy = r[0](*r[1])
    print(type(copy).__name__, copy.errno, copy.strerror, copy.filename, copy.filename2, copy.args)

oe = OSError(5, "io")
oe.note = "n"
print(oe.__reduce__())


class A:
    blech = None


obj = A()
for get in [lambda: obj.bluch, lambda: object.__getattribute__(obj, "bluch"),
            lambda: getattr(obj, "bluch")]:
    try:
        get()
    except AttributeError as exc:
        print(exc, exc.name, exc.obj is obj)

# SyntaxError(msg, info): info has 4 or 6 items (end_lineno needs end_offset)
for info in [("f", 1, 2), ("f", 1, 2, 4, 5, 6, 7), ("f", 1, 2, "abc", 1), ("f", 1, 2, "abc"),
             ("f", 1, 2, "abc", 1, 3), [1, 2, 3, 4]]:
    try:
        e = SyntaxError("m", info)
        print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    except TypeError as x:
        print(type(x).__name__, x)
