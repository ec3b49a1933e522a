# Every public method of str, called on several receivers with ordinary,
# edge and wrong-type arguments; results or exception type and message.
# The last lines count the methods covered against dir(str).

RECEIVERS = ["", "a", "Hello, World", "  padded\t", "ÉCOLE été ß", "ΣΑΣ σας", "日本語テキスト",
             "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a\nb\r\nc\rd\x0be\x1cf\u2028g", "42", "-17", "x\ty\tz", "ǅemal ǈ"]

CASES = [
    ("capitalize", ()), ("capitalize", (1,)),
    ("casefold", ()),
    ("center", (15,)), ("center", (15, "*")), ("center", (0,)), ("center", ()),
    ("center", (15, "ab")), ("center", (15, 3)), ("center", ("15",)),
    ("count", ("a",)), ("count", ("",)), ("count", ("l", 2, -2)), ("count", (None,)),
    ("count", ("a", "1")),
    ("encode", ()), ("encode", ("ascii", "replace")), ("encode", ("latin-1", "xmlcharrefreplace")),
    ("encode", ("utf-16-le",)), ("encode", ("nope",)), ("encode", (1,)),
    ("endswith", ("d",)), ("endswith", (("x", "d", "ß"),)), ("endswith", ("", 3, 1)),
    ("endswith", (1,)), ("endswith", (("a", None),)),
    ("expandtabs", ()), ("expandtabs", (3,)), ("expandtabs", (0,)), ("expandtabs", ("8",)),
    ("find", ("l",)), ("find", ("l", 4)), ("find", ("", 100)), ("find", ("o", -5, -1)),
    ("find", ([],)),
    ("format", ()), ("format", (1, 2)),
    ("format_map", ({},)), ("format_map", ()),
    ("index", ("o",)), ("index", ("zz",)), ("index", ("", 2, 1)),
    ("isalnum", ()), ("isalpha", ()), ("isascii", ()), ("isdecimal", ()), ("isdigit", ()),
    ("isidentifier", ()), ("islower", ()), ("isnumeric", ()), ("isprintable", ()),
    ("isspace", ()), ("istitle", ()), ("isupper", ()), ("isupper", (None,)),
    ("join", (["x", "y", "z"],)), ("join", ("xyz",)), ("join", ([],)), ("join", ([1, 2],)),
    ("join", (5,)),
    ("ljust", (12,)), ("ljust", (12, "é")), ("ljust", (-3,)), ("ljust", (2 ** 100,)),
    ("lower", ()),
    ("lstrip", ()), ("lstrip", ("Hea ",)), ("lstrip", (None,)), ("lstrip", (5,)),
    ("partition", (",",)), ("partition", ("é",)), ("partition", ("",)), ("partition", (None,)),
    ("removeprefix", ("He",)), ("removeprefix", ("",)), ("removeprefix", (b"H",)),
    ("removesuffix", ("ld",)), ("removesuffix", ("z",)),
    ("replace", ("l", "L")), ("replace", ("l", "L", 1)), ("replace", ("", "."),),
    ("replace", ("a", "b", -1)), ("replace", ("a",)), ("replace", (1, "b")),
    ("rfind", ("o",)), ("rfind", ("o", 0, 5)), ("rfind", ("",)),
    ("rindex", ("l",)), ("rindex", ("q",)),
    ("rjust", (12,)), ("rjust", (12, "0")),
    ("rpartition", ("o",)), ("rpartition", ("q",)),
    ("rsplit", ()), ("rsplit", (",",)), ("rsplit", (None, 1)), ("rsplit", ("", )),
    ("rstrip", ()), ("rstrip", ("ld\t",)),
    ("split", ()), ("split", (",",)), ("split", (None, 1)), ("split", (" ", 0)),
    ("split", (1,)),
    ("splitlines", ()), ("splitlines", (True,)),
    ("startswith", ("H",)), ("startswith", (("É", "H"),)), ("startswith", ("l", 2, 4)),
    ("startswith", ((),)),
    ("strip", ()), ("strip", ("Hd",)),
    ("swapcase", ()),
    ("title", ()),
    ("translate", ({72: "h", 101: None, 0x3a3: "s"},)), ("translate", (str.maketrans("lo", "01"),)),
    ("translate", ({108: 0x1F600},)), ("translate", (None,)),
    ("upper", ()),
    ("zfill", (8,)), ("zfill", (0,)), ("zfill", ("8",)),
    ("__format__", ("",)), ("__format__", (">20",)), ("__format__", ("d",)),
    ("__getnewargs__", ()), ("__sizeof__", ()),
    ("__contains__", ("l",)), ("__contains__", (1,)),
    ("__getitem__", (0,)), ("__getitem__", (-1,)), ("__getitem__", (slice(1, None, 2),)),
    ("__getitem__", ("x",)),
    ("__len__", ()), ("__mul__", (2,)), ("__rmul__", (2,)), ("__mul__", ("2",)),
    ("__add__", ("!",)), ("__add__", (1,)),
    ("__mod__", (()),), ("__rmod__", ("%s",)),
    ("__eq__", ("a",)), ("__ne__", ("a",)), ("__lt__", ("b",)), ("__le__", (1,)),
    ("__gt__", ("",)), ("__ge__", ("a",)),
]

covered = set()
for recv in RECEIVERS:
    print("==", repr(recv))
    for name, args in CASES:
        covered.add(name)
        try:
            result = getattr(recv, name)(*args)
        except Exception as e:
            print(" ", name, args, "->", type(e).__name__ + ":", e)
        else:
            print(" ", name, args, "->", repr(result))

# Keyword arguments, where str takes them, and where it refuses them.
for name, kw in [("split", {"sep": ",", "maxsplit": 1}), ("rsplit", {"maxsplit": 1}),
                 ("splitlines", {"keepends": True}), ("expandtabs", {"tabsize": 2}),
                 ("encode", {"encoding": "ascii", "errors": "ignore"}), ("encode", {"errors": 1}),
                 ("split", {"sep": ",", "bad": 1}), ("center", {"width": 5}),
                 ("replace", {"old": "a", "new": "b"}), ("join", {"iterable": []})]:
    covered.add(name)
    try:
        print(name, kw, "->", repr(getattr("a,b\tc", name)(**kw)))
    except TypeError as e:
        print(name, kw, "-> TypeError:", e)

# The find family refuses keywords (a direct call names the class).
for f in [lambda: "abc".find(sub="a"), lambda: "abc".count(x=1), lambda: "abc".startswith(prefix="a")]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

# maketrans is a static method.
covered.add("maketrans")
for args in [("ab", "cd"), ("ab", "cd", "e"), ({"a": 1, 98: "x"},), ({"ab": 1},), ({1.5: 2},),
             ("ab", "c"), (1,), ()]:
    try:
        print("maketrans", args, "->", str.maketrans(*args))
    except Exception as e:
        print("maketrans", args, "->", type(e).__name__ + ":", e)

# Unbound calls through the class.
print(str.upper("abc"), str.join("-", "abc"), str.count("aaa", "a"), str.__len__("abcd"))
try:
    str.upper(5)
except TypeError as e:
    print("TypeError:", e)

public = [n for n in dir(str) if not n.startswith("_")]
dunders = [n for n in dir(str) if n.startswith("__")]
print("public methods covered:", len([n for n in public if n in covered]), "/", len(public))
print("dunder methods called:", len([n for n in dunders if n in covered]), "/", len(dunders))
print("not called:", sorted(n for n in dir(str) if n not in covered))
