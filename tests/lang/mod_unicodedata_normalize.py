# unicodedata.normalize()/is_normalized(): the four forms, both database versions,
# fixed strings and seeded random strings of combining-heavy text; idna and stringprep.
import random
import unicodedata

U32 = unicodedata.ucd_3_2_0
samples = ["", "ascii only", "café", "cafe\u0301", "\u1e9b\u0323", "\u0071\u0307\u0323",
           "\u212b\u2126\u00c5", "\ufb01 \ufb03 \u2460 \u00bd \u2075", "\uac00\u11a8 \u1100\u1161\u11a8",
           "\u1100\u1161", "\u1100\u1100\u1161", "\uac00\u1161", "\ud55c\uad6d\uc5b4",
           "\u0b47\u0b3e\u0b57", "\u0f73\u0f75\u0f81", "\u0344\u0345", "\u1d15e\u1d165",
           "\U0001d15e\U0001d165\U0001d16e", "\u3099\u304b\u3099\u30cf\u309a", "\u05d0\u05b8\u05b9\u0591",
           "a\u0328\u0301\u0323", "\u0300a", "\u0301\u0300\u0323", "\ud800\u0301", "e\u0301\u0301",
           "\u00e9\u0308", "Å\u030a", "\u2000\u2001\u3000", "\u32ff\u3300\u33ff", "\uff21\uff41\uff10",
           "\U0002f800\U0002f868\uf951", "\u1f71\u1fbb\u0386", "\u03d3\u03d4", "\u2adc\u2add\u0338"]
for s in samples:
    row = []
    for db in (unicodedata, U32):
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            r = db.normalize(form, s)
            row.append(ascii(r))
            row.append(str(int(db.is_normalized(form, s))))
    print(ascii(s), " ".join(row))

rnd = random.Random(1234)
pool = ([chr(c) for c in range(0x41, 0x5b)] + [chr(c) for c in range(0xc0, 0x180, 3)] +
        [chr(c) for c in range(0x300, 0x370)] + [chr(c) for c in range(0x1100, 0x1113)] +
        [chr(c) for c in range(0x1161, 0x1176)] + [chr(c) for c in range(0x11a8, 0x11c3)] +
        [chr(c) for c in (0xac00, 0xac01, 0xd7a3, 0x1e9b, 0x0f73, 0x0344, 0x0b47, 0x0b3e, 0x0b57,
                          0x09c7, 0x09be, 0x2126, 0x212b, 0xfb01, 0x3099, 0x304b, 0x05b8, 0x0591,
                          0x1e0a, 0x1e0c, 0x01a0, 0x0fb2, 0x0f80, 0x0f71, 0x1fbf, 0x03b1, 0x0313,
                          0x1d15e, 0x1d165, 0x2460, 0x00bd, 0xff41, 0x0340, 0x0958)])
for i in range(1500):
    s = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 7)))
    out = []
    for db in (unicodedata, U32):
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            r = db.normalize(form, s)
            out.append(ascii(r))
            if db.is_normalized(form, s) != (r == s):
                out.append("is_normalized disagrees")
    print(i, ascii(s), " ".join(out))

class S(str):
    pass

print(unicodedata.normalize("NFC", S("abc")), type(unicodedata.normalize("NFC", "abc")).__name__)
for call in (lambda: unicodedata.normalize("NFX", "a"), lambda: unicodedata.normalize("nfc", "a"),
             lambda: unicodedata.normalize(5, "a"), lambda: unicodedata.normalize("NFC", b"a"),
             lambda: unicodedata.normalize("NFC"), lambda: unicodedata.is_normalized("NFC", 5),
             lambda: unicodedata.is_normalized("NFZ", "a"), lambda: unicodedata.normalize(form="NFC", unistr="a")):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# the 3.2.0 database at work
import encodings.idna
import stringprep
for host in ["bücher.example", "München.DE", "ÉCOLE.fr", "日本語.jp", "xn--bcher-kva.example",
             "straße.de", "ﬁ.com", "faß.de"]:
    try:
        enc = host.encode("idna")
        print(host, enc, enc.decode("idna"))
    except Exception as e:
        print(host, type(e).__name__, e)
print([stringprep.in_table_b1(c) for c in "\u00ad\u034f a"], stringprep.map_table_b2("\u00c5"),
      stringprep.in_table_c12("\u00a0"), stringprep.in_table_d1("\u05d0"), stringprep.in_table_a1("\u0221"))
