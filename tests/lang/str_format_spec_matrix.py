# The format mini-language over a matrix of values and specs: format(),
# f-strings, str.format and __format__ agree, for str, int, bool, float,
# complex and objects without __format__.

VALUES = ["", "abc", "é𝔘", 0, 7, -42, 255, 1234567, -2 ** 70, True, 0.0, -0.0, 0.5, 2.5, -1.25,
          3.14159265, 1e-7, 1e16, 123456.789, 1e300, 5e-324, 1e999, -1e999, 1e999 * 0, 1j,
          -1.5 + 2j, 1e16 - 0.5j, None, [1, 2]]

FILLS = ["", "*<", "é^", "0="]
SIGNS = ["", "+", " "]
ZEROS_ALT = ["", "#", "0", "z"]
WIDTHS = ["", "9"]
GROUPS = ["", ",", "_"]
PRECS = ["", ".0", ".3"]
TYPES = ["", "s", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%"]


def fmt(v, spec):
    try:
        return repr(format(v, spec))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


count = 0
for v in VALUES:
    for t in TYPES:
        lines = []
        for sign in SIGNS:
            for za in ZEROS_ALT:
                for fill in FILLS[:2] if za else FILLS:
                    for width in WIDTHS:
                        for group in GROUPS if t in "dfeg%" else [""]:
                            for prec in PRECS if t in "sefgEFG%" else [""]:
                                spec = fill + sign + za + width + group + prec + t
                                lines.append(spec + "=" + fmt(v, spec))
                                count += 1
        print(repr(v), repr(t), " ".join(lines))

# The same specs through every entry point must agree.
mismatch = 0
for v in VALUES:
    for spec in ["", ">8", "^+10.2", ",", "x", "e", ".3s", "#o", "z.1f"]:
        a = fmt(v, spec)
        try:
            b = repr(f"{v:{spec}}")
        except Exception as e:
            b = type(e).__name__ + ": " + str(e)
        try:
            c = repr("{0:" + spec + "}").format(v) if False else repr(("{0:" + spec + "}").format(v))
        except Exception as e:
            c = type(e).__name__ + ": " + str(e)
        try:
            d = repr(type(v).__format__(v, spec))
        except Exception as e:
            d = type(e).__name__ + ": " + str(e)
        if not (a == b == c == d):
            mismatch += 1
            print("MISMATCH", repr(v), repr(spec), a, b, c, d)
print(count, "specs,", mismatch, "mismatches")

# Widths and precisions beyond the ordinary.
for v, spec in [(1.5, ".60f"), (2 ** 200, ","), (2 ** 200, "_x"), (10 ** 50, "e"), (1 / 3, ".40g"),
                (0.1, ".55f"), (1e-320, ".400f"), ("x", "20000"), (12, "0200,"), (1.0, "99.99")]:
    r = fmt(v, spec)
    print(spec, len(r), r[:60], r[-30:])
