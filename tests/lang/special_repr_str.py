class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "just str"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, repr(b), str(b), [b], f"{b} {b!r} {b!s}")
print(r, str(r), [r], (r,), {"k": r})
print(s, str(s), f"{s}")
print("%s %r" % (b, b))
print(str([s]).startswith("[<__main__.StrOnly object at "))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class StrSub(str):
    pass
class ReturnsStrSub:
    def __str__(self):
        return StrSub("sub")
print(type(str(ReturnsStrSub())).__name__, str(ReturnsStrSub()))
# recursion in containers
lst = [1]
lst.append(lst)
print(lst, repr(lst))
d = {}
d["self"] = d
print(d)
# __format__
class F:
    def __format__(self, spec):
        return f"F({spec!r})"
print(format(F(), "xyz"), f"{F():>10}", f"{F()}", "{:abc}".format(F()))
class NoFormatSpec:
    pass
try:
    format(NoFormatSpec(), "d")
except TypeError as e:
    print(type(e).__name__, e)
print(format(ReprOnly(), ""))
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("\n\t\x00\x7f\u00e9\u2603\U0001f600"))
print(ascii("caf\u00e9 \u2603"), ascii([1, "\u00ff"]))
