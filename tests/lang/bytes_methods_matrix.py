# Every public method of bytes and bytearray with ordinary, empty, negative,
# huge and wrong-type arguments; results must match for both receiver types.

class Idx:
    def __index__(self):
        return 2

BIG = 2**70
samples = [b"", b"a", b"Hello World", b"  spaced\tout \n", b"a,b,,c,", b"x\x00y\xff\x80",
           b"line1\nline2\r\nline3\rend", b"Title Case words", b"123", b"-42", b"+7",
           b"\tTab\tbed\n\tx", b"aaa", b"abcabcab", b"UPPER lower 9"]

calls = {
    "count": [(b"a",), (b"",), (97,), (b"a", 1), (b"a", -3, -1), (b"a", None, None), (b"ab", 0, BIG),
              (256,), (-1,), ("a",), (), (b"a", "x"), (Idx(),), (memoryview(b"a"),), (bytearray(b"b"),)],
    "find": [(b"b",), (b"",), (b"", 5), (b"", 100), (98,), (b"a", -2), (b"a", 2, 1), (b"zz",),
             (BIG,), ("b",), (b"a", 1.5), (), (1, 2, 3, 4), (b"a", -BIG, BIG)],
    "rfind": [(b"b",), (b"",), (98,), (b"a", -2), (b"a", 0, -1), (b"abc", 1), (1.0,)],
    "index": [(b"a",), (b"zz",), (97, 1), (b"",)],
    "rindex": [(b"a",), (b"zz",), (b"", 3)],
    "startswith": [(b"He",), (b"",), ((b"x", b"a"),), (b"l", 2), (b"l", -3, -1), ("H",), (("H",),),
                   (b"ello", 1), (b"a", BIG), (b"a", -BIG), (), (97,), ((),), (bytearray(b"a"),)],
    "endswith": [(b"d",), (b"",), ((b"ld", b"c"),), (b"o", 0, 5), (b"d", 3, -1), (1,), ((b"x", 1),)],
    "split": [(), (b",",), (b",", 1), (None, 1), (b",", -1), (b",", 0), (b"",), ("a",), (1,),
              (b",", BIG), (b" ",), (b"ab",)],
    "rsplit": [(), (b",",), (b",", 1), (None, 1), (None, 0), (b"",), (b"ab", 1)],
    "splitlines": [(), (True,), (False,), (1.5,), ("x",)],
    "partition": [(b",",), (b"l",), (b"zz",), (b"",), ("a",), ()],
    "rpartition": [(b",",), (b"l",), (b"zz",), (b"",), (bytearray(b"o"),), (memoryview(b"zz"),)],
    "join": [([],), ([b"x"],), ([b"x", b"y", b"z"],), ((b"p", bytearray(b"q"), memoryview(b"r")),),
             ([b"x", "y"],), ([1],), (5,), ("ab",), (iter([b"i", b"j"]),)],
    "replace": [(b"a", b"b"), (b"", b"-"), (b"", b"-", 2), (b"a", b""), (b"l", b"L", 1), (b"l", b"L", -1),
                (b"l", b"L", 0), ("a", b"b"), (b"a", "b"), (b"a",), (b"a", b"b", "x"), (b"aa", b"a")],
    "strip": [(), (None,), (b"a",), (b" \t\n",), (b"",), ("a",), (1,), (b"dlroW",)],
    "lstrip": [(), (b"Hel",), (bytearray(b" "),)],
    "rstrip": [(), (b"d\n",), (memoryview(b"ab,"),)],
    "removeprefix": [(b"He",), (b"",), (b"zz",), ("H",), ()],
    "removesuffix": [(b"ld",), (b"",), (b"zz",), (1,)],
    "center": [(20,), (20, b"*"), (3,), (-5,), (21, b"-"), (5, "x"), (5, b"xy"), ("5",), (), (Idx(), b"."),
               (6, bytearray(b"="))],
    "ljust": [(15,), (15, b"."), (0,), (4, b"ab")],
    "rjust": [(15,), (15, b"."), (-1,)],
    "zfill": [(10,), (0,), (1,), (-3,), ("a",), ()],
    "expandtabs": [(), (4,), (0,), (-1,), (1,), ("a",), (3, 4)],
    "translate": [(None,), (None, b"lo"), (bytes(range(255, -1, -1)),), (b"x",), ("x" * 256,),
                  (bytes.maketrans(b"lo", b"01"), b"H")],
    "decode": [(), ("ascii",), ("latin-1",), ("utf-8", "replace"), ("utf-8", "ignore"), (1,), ("nope",),
               ("ascii", "backslashreplace")],
    "hex": [(), (".",), (".", 3)],
}
for name in ["capitalize", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle",
             "isupper", "lower", "swapcase", "title", "upper"]:
    calls[name] = [(), (1,)]

def show(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "[" + ", ".join(show(x) for x in r) + "]"
    return repr(r)

for name in sorted(calls):
    for s in samples:
        for args in calls[name]:
            out = []
            for t in (bytes, bytearray):
                try:
                    r = getattr(t(s), name)(*args)
                    out.append(show(r))
                except Exception as e:
                    out.append(type(e).__name__ + ": " + str(e))
            print(name, repr(s)[:14], len(args), out[0], "|", out[1])

# keyword forms
print(b"a,b,c".split(sep=b",", maxsplit=1), bytearray(b"a b").rsplit(maxsplit=0))
print(b"x\ny".splitlines(keepends=True), b"\tx".expandtabs(tabsize=2))
print(b"abc".decode(encoding="ascii", errors="strict"), b"abc".translate(None, delete=b"b"))
for bad in ["b'a'.find(b'a', x=1)", "b'a'.center(5, fillchar=b'x')", "b'a'.replace(b'a', b'b', count=1)",
            "b'a'.split(bogus=1)", "bytearray(b'a').strip(chars=b'a')", "b'a'.hex(sep=1)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)

# maketrans, static on both types
for args in [(b"abc", b"xyz"), (bytearray(b"a"), memoryview(b"b")), (b"a", b"bc"), ("a", "b"), (b"a",)]:
    for t in (bytes, bytearray):
        try:
            r = t.maketrans(*args)
            print(type(r).__name__, len(r), r[97:100])
        except Exception as e:
            print(type(e).__name__, e)

# unbound descriptors check their receiver
for expr in ["bytes.lower(bytearray(b'A'))", "bytearray.lower(b'A')", "bytes.isalpha(1)", "bytes.upper(b'q')"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(type(e).__name__, e)

# the methods return new objects of the receiver's base type
class B(bytes):
    pass
class BA(bytearray):
    pass
for v in (B(b" Ab "), BA(b" Ab ")):
    for name in ["strip", "lower", "upper", "title", "zfill", "center", "replace"]:
        args = {"zfill": (6,), "center": (6,), "replace": (b"A", b"a")}.get(name, ())
        print(name, type(getattr(v, name)(*args)).__name__)
    print(type(v.split()[0]).__name__, type(v.partition(b"A")[2]).__name__, type(v.join([b"1", b"2"])).__name__)
