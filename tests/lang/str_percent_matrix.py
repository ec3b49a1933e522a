# printf-style formatting over a matrix of conversions, flags, widths,
# precisions and values, plus its argument-handling rules.

VALUES = [0, 1, -1, 42, -42, 255, 2 ** 70, -2 ** 70, True, 0.0, -0.0, 0.5, -1.5, 2.5, 3.14159,
          1e20, 1e-5, 1e999, -1e999, 1e999 * 0, "abc", "é", "", 65, 1j, None, [1], (1,)]
FLAGS = ["", "-", "+", " ", "#", "0", "-0", "+0", "# ", "#0"]
WIDTHS = ["", "1", "8", "*"]
PRECS = ["", ".0", ".2", ".*"]
CONVS = "sradiuoxXeEfFgGc"


def pct(fmt, args):
    try:
        return repr(fmt % args)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


for v in VALUES:
    for conv in CONVS:
        out = []
        for flags in FLAGS:
            for width in WIDTHS:
                for prec in PRECS:
                    fmt = "%" + flags + width + prec + conv
                    args = []
                    if width == "*":
                        args.append(-7 if flags == "-" else 7)
                    if prec == ".*":
                        args.append(3)
                    args.append(v)
                    out.append(fmt + "=" + pct(fmt, tuple(args)))
        print(repr(v), conv, " ".join(out))

# Mappings, argument counts, odd templates.
for fmt, args in [("%(a)s %(b)r", {"a": 1, "b": "x"}), ("%(a)s", {"a": [1]}), ("%(a)d", {"a": "x"}),
                  ("%(a)s %s", {"a": 1}), ("%s %(a)s", {"a": 1}), ("%(a)s", ()), ("%(a", {}),
                  ("%(a)", {"a": 1}), ("%(a)s", {}), ("%((a))s", {"(a)": 2}), ("%s", {}),
                  ("%s %s", (1,)), ("%s", (1, 2)), ("", (1,)), ("", ()), ("", {}), ("", []),
                  ("x", 5), ("%s", [1, 2]), ("%d", []), ("%", ()), ("%%%", ()), ("%-", (1,)),
                  ("%5", (1,)), ("%.", (1,)), ("%.*", (1,)), ("%*", (1,)), ("%z", (1,)),
                  ("%\u00e9", (1,)), ("ab%yc", (1,)), ("%s%%%s", (1, 2)), ("%ld %hi %Lf", (1, 2, 3.0)),
                  ("%*s|", (-3, "a")), ("%-*s|", (3, "a")), ("%*.*f", (8, 2, 3.14159)),
                  ("%*d", ("x", 1)), ("%.*d", (1.5, 1)), ("%*d", (2 ** 63, 1)), ("%.*d", (2 ** 31, 1)),
                  ("%c", ("",)), ("%c", ("ab",)), ("%c", (0x110000,)), ("%c", (-1,)), ("%c", (2.0,)),
                  ("%x", (2.0,)), ("%d", (2.9,)), ("%d", ("2",)), ("%f", ("2",)), ("%f", (None,)),
                  ("%d", (1e999,)), ("%d", (1e999 * 0,)), ("%i", (True,)), ("%s", ((1, 2),)),
                  ("%a %r", ("é𝔘", "é𝔘")), ("%.2r", ("abc",)), ("%5.1a|", ("é",)),
                  ("%s", b"bytes"), ("%s", range(2)), ("%(0)s", ["z"]), ("%(x)s", ["z"])]:
    print(repr(fmt), repr(args), pct(fmt, args))


class Num:
    def __int__(self):
        return 7

    def __float__(self):
        return 2.5

    def __index__(self):
        return 9


class Fl:
    def __float__(self):
        return 1.25


class Mapping:
    def __getitem__(self, key):
        return key.upper()


for fmt in ["%d", "%x", "%o", "%f", "%e", "%c", "%s", "%i"]:
    print(fmt, pct(fmt, (Num(),)).split(" at ")[0], pct(fmt, (Fl(),)).split(" at ")[0])
print(pct("%(abc)s-%(x)s", Mapping()), pct("abc", Mapping()), pct("%s", Mapping()).split(" at ")[0])
