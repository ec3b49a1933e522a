# str.encode and str(bytes, encoding, errors): codecs, aliases, every error
# handler, and the UnicodeError objects they raise.

TEXTS = ["plain", "héllo", "日本", "a\U0001F600b", "a\udc80b", "a\ud800\udfffb", "€ and ÿ", ""]
ENCODINGS = ["utf-8", "UTF8", "u8", "utf_8_sig", "ascii", "US-ASCII", "latin-1", "L1", "cp1252",
             "iso8859-15", "koi8-r", "cp037", "utf-16", "utf-16-be", "UTF-32-LE", "unicode_escape",
             "raw-unicode-escape", "hex", "nope"]
HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
            "surrogateescape", "surrogatepass", "bogus"]


def describe(e):
    extra = ""
    if isinstance(e, UnicodeError):
        extra = " [%s %r %r-%r %r]" % (e.encoding, e.object, e.start, e.end, e.reason)
    return type(e).__name__ + ": " + str(e) + extra


for text in TEXTS:
    for enc in ENCODINGS:
        row = []
        for h in HANDLERS:
            try:
                row.append(h + "=" + repr(text.encode(enc, h)))
            except Exception as e:
                row.append(h + "=" + describe(e))
        print(repr(text), enc, " ".join(row))

DATA = [b"plain", b"h\xc3\xa9llo", b"\xff\xfe", b"a\x80b", b"\xe2\x82", b"\xe2\x82\xac\xe2",
        b"\xed\xa0\x80x", b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xf4\x90\x80\x80",
        b"\xef\xbb\xbfBOM", b"\x81\x8d\x8f"]
for data in DATA:
    for enc in ["utf-8", "utf-8-sig", "ascii", "latin-1", "cp1252", "koi8_r", "mac-roman"]:
        row = []
        for h in HANDLERS:
            try:
                row.append(h + "=" + repr(str(data, enc, h)))
            except Exception as e:
                row.append(h + "=" + describe(e))
        print(repr(data), enc, " ".join(row))

# Round trips of every byte and of a spread of code points.
every_byte = "".join(map(chr, range(256))).encode("latin-1")
for enc in ["latin-1", "cp1252", "cp437", "koi8-r", "iso8859-7", "mac-roman", "cp037"]:
    text = str(every_byte, enc, "replace")
    back = text.encode(enc, "replace")
    print(enc, len(text), text.count("\ufffd"), back == every_byte, back[:16])
spread = "".join(chr(c) for c in range(0, 0x3000, 37) if not 0xD800 <= c < 0xE000)
for enc in ["utf-8", "utf-16", "utf-32", "utf-16-le", "utf-32-be"]:
    b = spread.encode(enc)
    print(enc, len(b), b[:12], hash(b) == hash(spread.encode(enc)))
print(str(spread.encode("utf-8"), "utf-8") == spread)
print(str(spread.encode("utf-8", "surrogateescape"), "utf-8", "surrogateescape") == spread)
escaped = "a\udcff\udc80z".encode("utf-8", "surrogateescape")
print(escaped, str(escaped, "utf-8", "surrogateescape") == "a\udcff\udc80z")

# Exceptions raised from encode can be caught and inspected.
try:
    "naïve café".encode("ascii")
except UnicodeEncodeError as e:
    print(e.start, e.end, e.object[e.start:e.end], e.reason, isinstance(e, ValueError))
try:
    str(b"caf\xe9", "utf-8")
except UnicodeDecodeError as e:
    print(e.start, e.end, e.object, e.reason, e.encoding, isinstance(e, UnicodeError))
for call in [lambda: "x".encode(1), lambda: "x".encode("utf-8", 1), lambda: "x".encode(None),
             lambda: str(b"x", None), lambda: str("x", "utf-8"), lambda: str(1, "utf-8"),
             lambda: "x".encode(encoding="ascii", errors="strict", extra=1)]:
    try:
        print(repr(call()))
    except Exception as e:
        print(describe(e))
