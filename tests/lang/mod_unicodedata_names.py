# unicodedata.name()/lookup(): a stride through all code points (names round-trip),
# Hangul syllables, CJK ideographs, aliases, named sequences, 3.2.0, errors.
import unicodedata

U32 = unicodedata.ucd_3_2_0
count = 0
for cp in range(0, 0x110000, 89):
    ch = chr(cp)
    n = unicodedata.name(ch, None)
    n32 = U32.name(ch, None)
    if n is not None:
        count += 1
        assert unicodedata.lookup(n) == ch, n
    print("%06X" % cp, n, "=" if n32 == n else n32)
print("named in the stride:", count)

for cp in list(range(0xAC00, 0xAC00 + 60)) + [0xD7A3, 0xD7A4, 0x4E00, 0x9FFF, 0x9FFC, 0x3400,
                                              0x4DBF, 0x20000, 0x2A6DF, 0x2A6E0, 0x30000, 0x3134A,
                                              0x3134B, 0xF900, 0x2F800, 0x1F600, 0xFEFF, 0x0000,
                                              0x001F, 0x007F, 0x0080, 0x00A0, 0xE000, 0xF0000]:
    ch = chr(cp)
    print("%06X" % cp, unicodedata.name(ch, "-"), U32.name(ch, "-"))

names = ["LATIN SMALL LETTER A", "latin small letter a", "Latin Small Letter A",
         "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE HIH", "HANGUL SYLLABLE YEOLB",
         "hangul syllable ga", "HANGUL SYLLABLE", "HANGUL SYLLABLE GAX",
         "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
         "CJK UNIFIED IDEOGRAPH-20000", "CJK UNIFIED IDEOGRAPH-30000", "CJK UNIFIED IDEOGRAPH-A000",
         "CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-F900",
         "NULL", "null", "BYTE ORDER MARK", "LINE FEED", "LF", "ZERO WIDTH NO-BREAK SPACE",
         "LATIN CAPITAL LETTER GHA", "LATIN CAPITAL LETTER OI", "TIBETAN LETTER -A",
         "HANGUL JUNGSEONG O-E", "HANGUL JUNGSEONG OE",
         "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "latin capital letter a with macron and grave",
         "KEYCAP NUMBER SIGN", "TAMIL SYLLABLE KSSA", "GRINNING FACE", "grinning face",
         "LATIN SMALL LETTER A ", " LATIN SMALL LETTER A", "LATIN  SMALL LETTER A", "",
         "NOT A CHARACTER NAME", "LATIN SMALL LETTER A\x00", "X" * 256, "X" * 257]
for nm in names:
    for db in (unicodedata, U32):
        try:
            r = db.lookup(nm)
            print(repr(nm)[:60], [hex(ord(c)) for c in r])
        except KeyError as e:
            print(repr(nm)[:60], "KeyError", str(e)[:80])
print(unicodedata.lookup(b"LATIN SMALL LETTER B"))
for call in (lambda: unicodedata.lookup(5), lambda: unicodedata.lookup(bytearray(b"NULL")),
             lambda: unicodedata.lookup(memoryview(b"DIGIT ONE")),
             lambda: unicodedata.lookup(), lambda: unicodedata.name(), lambda: unicodedata.name("ab"),
             lambda: unicodedata.name(65), lambda: unicodedata.name("\x00"),
             lambda: U32.name("\U0001F600"), lambda: unicodedata.name("a", "b", "c")):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
