print("%s and %s" % ("a", "b"), "%d%%" % 50, "%5s|%-5s|" % ("x", "y"), "%.2s" % "abcdef")
print("%d %i %u" % (1, 2, 3), "%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42), "%*d|%-*d|" % (6, 1, 4, 2), "%.*f" % (2, 3.14159))
print("%c%c%c" % (72, "i", 33), "%r %a" % ("é", "é"), "%s" % [1, "two"], "%s" % (("tuple",),))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)r" % {"x": None})
print("%e %E %f %g %G" % (12345.678, 0.0001234, 1.5, 1e-10, 1e20))
print("%d" % 3.99, "%d" % -3.99, "%x" % -255, "%o" % -8, "%s" % 2 ** 70, "%d" % True)
print("%s" % "single", "%s" % ("single-tuple",), "%%", "no format" % ())
print(b"%s %d %b" % (b"bytes", 5, b"raw"), b"%x" % 255, b"%5.1f" % 2.25)
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(k)s", 5), ("%c", 1114112), ("%c", "ab"), ("%(a)s %s", {"a": 1}), ("%", ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
print("%s" % {"a": 1}, "%s %s" % ([1], {2}))
