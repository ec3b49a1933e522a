# The format mini-language over a matrix of values and specs: format(),
# f-strings, str.format and __format__ agree, for str, int, bool, float,
# complex and objects without __format__. The unit test strmethods_test
# covers more combinations.

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


# A fixed pseudo-random walk through the product of the parts (so that it
# also runs under -X gc-stress): every value meets every type, with the
# other parts varying.
seed = 12345


def pick(options):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return options[(seed >> 16) % len(options)]


count = 0
for v in VALUES:
    for t in TYPES:
        lines = []
        for _ in range(2):
            za = pick(ZEROS_ALT)
            fill = pick(FILLS[:2] if za else FILLS)
            group = pick(GROUPS) if t in "dfeg%" else ""
            prec = pick(PRECS) if t in "sefgEFG%" else ""
            spec = fill + pick(SIGNS) + za + pick(WIDTHS) + group + prec + t
            lines.append(spec + "=" + fmt(v, spec))
            count += 1
        print(repr(v), repr(t), " ".join(lines))

# The same specs through every entry point must agree.
mismatch = 0
for v in VALUES:
    for spec in ["", "^+10.2", "x", ".3s", "z.1f"]:
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
