# str subclasses: which methods keep the subclass (almost none: CPython
# returns exact str), where a subclass's own __str__/__repr__/__format__ is
# used by the formatting machinery, and subclass construction.


class S(str):
    pass


class Loud(str):
    def __str__(self):
        return "LOUD " + str.__str__(self)

    def __repr__(self):
        return "Loud(" + str.__repr__(self) + ")"

    def __format__(self, spec):
        return "fmt[" + spec + "]"


s = S("Ab c")
for name, args in [("lower", ()), ("upper", ()), ("strip", ()), ("strip", ("x",)), ("lstrip", ()),
                   ("replace", ("x", "y")), ("replace", ("b", "B")), ("center", (2,)),
                   ("center", (10,)), ("ljust", (1,)), ("zfill", (1,)), ("expandtabs", ()),
                   ("removeprefix", ("q",)), ("removeprefix", ("A",)), ("format", ()),
                   ("format_map", ({},)), ("translate", ({},)), ("casefold", ()), ("title", ()),
                   ("swapcase", ()), ("capitalize", ()), ("__getitem__", (slice(None),)),
                   ("__getitem__", (0,)), ("__mul__", (1,)), ("__add__", ("",)), ("__mod__", ((),)),
                   ("__format__", ("",)), ("__str__", ()), ("join", ([],)), ("join", (["x"],))]:
    r = getattr(s, name)(*args)
    print(name, args, repr(r), type(r).__name__)
for name, args in [("split", ()), ("split", ("x",)), ("rsplit", ()), ("partition", ("x",)),
                   ("partition", ("b",)), ("rpartition", ("x",)), ("splitlines", ()),
                   ("__getnewargs__", ())]:
    r = getattr(s, name)(*args)
    print(name, args, repr(r), [type(x).__name__ for x in r])
print(type("-".join([S("a")])).__name__, type("".join([S("a"), "b"])).__name__)
print(type(S("a") + S("b")).__name__, type(S("a") * 3).__name__, type(S("") + "x").__name__)

x = Loud("hey")
print(str(x), repr(x), format(x), format(x, ">5"), f"{x}", f"{x!s}", f"{x!r}", f"{x:^9}")
print("%s|%r|%a" % (x, x, x), "{}|{!s}|{!r}|{:<4}".format(x, x, x, x))
print(x.upper(), x + "!", len(x), x == "hey", hash(x) == hash("hey"), "e" in x)

print(S(), repr(S(42)), repr(S(b"abc")), repr(S(b"h\xc3\xa9", "utf-8")), repr(S(object="o")))
print(isinstance(S("a"), str), S("a") == "a", {S("k"): 1}["k"], sorted([S("b"), "a", S("c")]))
try:
    S(b"x", 1)
except TypeError as e:
    print("TypeError:", e)


class Tagged(str):
    def __new__(cls, text, tag):
        obj = super().__new__(cls, text)
        obj.tag = tag
        return obj


t = Tagged("body", "b")
print(t, t.tag, t.upper(), type(t).__name__, t[1:], t.__dict__)
