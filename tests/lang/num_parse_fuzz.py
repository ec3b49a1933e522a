# Random (but deterministic) texts for int(), float(), complex() and
# float.fromhex(), built from the pieces their grammars use, and random
# doubles through round(), hex() and as_integer_ratio(): krait must give the
# same value or the same error as CPython for every one.

state = 2024
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n

def pick(seq):
    return seq[rnd(len(seq))]

def outcome(f, s):
    try:
        r = f(s)
    except (ValueError, OverflowError, TypeError) as e:
        msg = str(e)
        return type(e).__name__ + ":" + (msg if len(msg) < 80 else msg[:80])
    return repr(r) if not isinstance(r, float) else r.hex()

INT_PIECES = ["0", "1", "7", "9", "a", "F", "z", "_", "x", "o", "b", "0x", "0o", "0b", "-", "+", " ",
              "\t", "٣", "1_0", "00", ".", "e"]
counts = {}
lines = []
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
PREFIX = {16: "0x", 8: "0o", 2: "0b"}
def literal(base):
    # Mostly well-formed for `base`: white space, a sign, the prefix, digits
    # with single underscores; sometimes a random piece is spliced in.
    real = base or pick([10, 16, 8, 2])
    parts = [pick(["", " ", "\t"]), pick(["", "", "-", "+"])]
    if real in PREFIX and (base == 0 or rnd(2)):
        parts.append(pick([PREFIX[real], PREFIX[real].upper()]) + pick(["", "", "_"]))
    for _ in range(rnd(30) + 1):
        d = DIGITS[rnd(real)]
        parts.append(d.upper() if rnd(2) else d)
        if rnd(6) == 0:
            parts.append("_")
    parts.append(pick(["", "", " "]))
    if rnd(4) == 0:
        parts.insert(rnd(len(parts) + 1), pick(INT_PIECES))
    return "".join(parts)
for i in range(700):
    base = pick([10, 10, 0, 0, 16, 8, 2, 36, 3])
    s = literal(base) if i % 3 else "".join(pick(INT_PIECES) for _ in range(rnd(7)))
    r = outcome(lambda t: int(t, base), s)
    kind = "error" if r.startswith("ValueError") else "ok"
    counts[kind] = counts.get(kind, 0) + 1
    lines.append(f"int {s!r} {base} {r}")

def decimal_text():
    parts = [pick(["", " "]), pick(["", "-", "+"])]
    if rnd(8) == 0:
        parts.append(pick(["inf", "nan", "Infinity", "INF", "NaN"]))
    else:
        for _ in range(rnd(25) + 1):
            parts.append(DIGITS[rnd(10)])
            if rnd(9) == 0:
                parts.append("_")
        if rnd(2):
            parts.insert(2 + rnd(len(parts) - 1), ".")
        if rnd(2):
            parts.append(pick(["e", "E"]) + pick(["", "-", "+"]) + str(rnd(330)))
    if rnd(4) == 0:
        parts.insert(rnd(len(parts) + 1), pick(FLOAT_PIECES))
    return "".join(parts)

def complex_text():
    re_part, im_part = decimal_text().strip(), decimal_text().strip()
    form = rnd(5)
    if form == 0:
        s = im_part + "j"
    elif form == 1:
        s = re_part + pick(["+", "-"]) + im_part.lstrip("+-") + pick(["j", "J"])
    elif form == 2:
        s = re_part + pick(["+j", "-j"])
    elif form == 3:
        s = re_part
    else:
        s = pick(["j", "-j", "+J"])
    if rnd(3) == 0:
        s = pick(["(", " (", "( "]) + s + pick([")", " )", ") ", ""])
    return s

FLOAT_PIECES = ["0", "1", "5", "9", "12345678901234567890", ".", "e", "E", "-", "+", "_", " ", "inf",
                "nan", "Infinity", "j", "e308", "e-320", "e400", "9" * 20, "x", "\n", "١"]
for i in range(700):
    s = decimal_text() if i % 3 else "".join(pick(FLOAT_PIECES) for _ in range(rnd(7)))
    r = outcome(float, s)
    kind = "ferror" if r.startswith("ValueError") else "fok"
    counts[kind] = counts.get(kind, 0) + 1
    lines.append(f"float {s!r} {r}")
    s = complex_text() if i % 3 else s
    r = outcome(complex, s)
    kind = "cerror" if r.startswith("ValueError") else "cok"
    counts[kind] = counts.get(kind, 0) + 1
    lines.append(f"complex {s!r} {r}")

HEX_PIECES = ["0x", "0X", "1", "f", "A", "8", "0", ".", "p", "P", "-", "+", "1023", "1074", "1075",
              "fffffffffffff", "00000000000001", " ", "inf", "nan", "g", "_"]
def hex_text():
    parts = [pick(["", " "]), pick(["", "-", "+"]), pick(["", "0x", "0X"])]
    for _ in range(rnd(20) + 1):
        parts.append(pick("0123456789abcdefABCDEF"))
    if rnd(2):
        parts.insert(3 + rnd(len(parts) - 2), ".")
    if rnd(3):
        parts.append(pick(["p", "P"]) + pick(["", "-", "+"]) + str(rnd(1200)))
    if rnd(5) == 0:
        parts.insert(rnd(len(parts) + 1), pick(HEX_PIECES))
    return "".join(parts)
for i in range(700):
    s = hex_text() if i % 3 else "".join(pick(HEX_PIECES) for _ in range(rnd(8)))
    r = outcome(float.fromhex, s)
    kind = "herror" if "Error" in r else "hok"
    counts[kind] = counts.get(kind, 0) + 1
    lines.append(f"fromhex {s!r} {r}")

# Correctly rounded decimal parsing near halfway points: digits of a double
# with an extra trailing 5, 4999..., 5000...1.
for i in range(300):
    bits = rnd(2**31) << 32 | rnd(2**32)
    exp = rnd(2000) + 24
    x = float.fromhex(f"0x1.{bits % 2**52:013x}p{exp - 1024}")
    digits = f"{x:.17e}"
    mant, e = digits.split("e")
    for tail in ["5", "4999999999999999999", "5000000000000000001", "0"]:
        s = mant + tail + "e" + e
        lines.append(f"halfway {s} {float(s).hex()} {outcome(float, s)}")
    lines.append(f"double {x.hex()} {round(x)} {round(x, 2).hex()} {round(x, -3).hex()} "
                 f"{x.as_integer_ratio()[1].bit_length()} {x.is_integer()} {int(x) % 1000003}")

for line in lines:
    print(line)
print(sorted(counts.items()))
