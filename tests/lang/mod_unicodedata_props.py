# unicodedata: every per-character property, for Unicode 14.0.0 and the 3.2.0 view,
# over a stride through all code points and over whole interesting blocks.
import unicodedata

U32 = unicodedata.ucd_3_2_0
print(unicodedata.unidata_version, U32.unidata_version, type(U32).__name__)


def props(db, ch):
    return (db.category(ch), db.bidirectional(ch), db.combining(ch), db.east_asian_width(ch),
            db.mirrored(ch), db.decimal(ch, None), db.digit(ch, None), db.numeric(ch, None),
            db.decomposition(ch))


def show(cp):
    ch = chr(cp)
    a, b = props(unicodedata, ch), props(U32, ch)
    print("%06X" % cp, *a, "|" if a == b else b)


blocks = [(0x0000, 0x0250), (0x0300, 0x0370), (0x0370, 0x0400), (0x0590, 0x0700), (0x0900, 0x0980),
          (0x0E00, 0x0E80), (0x1100, 0x1200), (0x1E00, 0x1F00), (0x2000, 0x2070), (0x2150, 0x2190),
          (0x2460, 0x24FF), (0x3000, 0x3100), (0xAC00, 0xAC40), (0xD7A0, 0xD800), (0xD800, 0xD804),
          (0xF900, 0xF910), (0xFB00, 0xFB50), (0xFE70, 0xFF00), (0xFF00, 0xFFF0),
          (0x10140, 0x10190), (0x1D15E, 0x1D170), (0x1D7CE, 0x1D800), (0x1F100, 0x1F110),
          (0x1F600, 0x1F650), (0x20000, 0x20004), (0x2F800, 0x2F810), (0xE0000, 0xE0080),
          (0xF0000, 0xF0004), (0x10FFFC, 0x110000)]
for lo, hi in blocks:
    for cp in range(lo, hi):
        show(cp)
for cp in range(0, 0x110000, 331):
    show(cp)

# the default argument and the errors
for f in (unicodedata.decimal, unicodedata.digit, unicodedata.numeric,
          U32.decimal, U32.digit, U32.numeric):
    print(f("7"), f("x", "dflt"), f("\u00bd", None))
    try:
        f("x")
    except ValueError as e:
        print("ValueError", e)
for call in (lambda: unicodedata.category("ab"), lambda: unicodedata.category(""),
             lambda: unicodedata.category(65), lambda: unicodedata.category(),
             lambda: unicodedata.combining("a", "b"), lambda: unicodedata.decimal("1", "2", "3"),
             lambda: unicodedata.decimal(), lambda: unicodedata.digit("12"),
             lambda: unicodedata.numeric(b"1"), lambda: unicodedata.mirrored(chr=5),
             lambda: unicodedata.decimal(x="a"), lambda: U32.bidirectional("ab"),
             lambda: unicodedata.UCD()):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
