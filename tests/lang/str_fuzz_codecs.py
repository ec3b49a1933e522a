# Random bytes decoded and random strings encoded (fixed-seed generator) with
# every error handler through UTF-8/16/32, ASCII, Latin-1 and table codecs.
seed = 11
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 12) % n
BYTES = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc2, 0xc3, 0xa9, 0xe0, 0xa0, 0xed, 0xef, 0xbb, 0xf0, 0x90, 0x9f, 0xf4, 0xff, 0xfe, 0xd8, 0xdc, 0x20]
CHARS = ['a', 'é', '€', '日', '\U0001f600', '\udc80', '\udcff', '\ud800', '\x00', 'ÿ', 'Ā', 'ж', ' ']
ENCS = ['utf-8', 'utf-8-sig', 'ascii', 'latin-1', 'cp1252', 'koi8-r', 'cp037', 'utf-16', 'utf-16-be', 'utf-32-le', 'mac-roman', 'iso8859-7', 'u8', 'L1']
HANDLERS = ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace']
def d(e):
    if isinstance(e, UnicodeError):
        return '%s: %s [%r %r %r]' % (type(e).__name__, e, e.start, e.end, e.reason)
    return type(e).__name__ + ': ' + str(e)
for i in range(600):
    enc = ENCS[rnd(len(ENCS))]
    h = HANDLERS[rnd(len(HANDLERS))]
    b = ''.join(chr(BYTES[rnd(len(BYTES))]) for _ in range(rnd(7))).encode('latin-1')
    s = ''.join(CHARS[rnd(len(CHARS))] for _ in range(rnd(6)))
    try: r1 = repr(b.decode(enc, h))
    except Exception as e: r1 = d(e)
    try: r2 = repr(s.encode(enc, h))
    except Exception as e: r2 = d(e)
    print(i, enc, h, repr(b), r1, repr(s), r2)
