# re: character classes and case-insensitive matching over the first
# 0x3100 code points (str), and over all 256 bytes (bytes, ASCII and
# LOCALE rules), against CPython's tables
import re

for p in [r'\s', r'\w', r'\d', r'(?a)\s', r'(?a)\w', r'(?a)\d', r'\S', r'\W', r'\D', r'.', r'(?s).',
          r'(?m)$', r'\b', r'\B', r'[^\W\d]', r'[\s\d]']:
    r = re.compile(p)
    hits = [c for c in range(0x3100) if r.match(chr(c))]
    print(repr(p), len(hits), hits[:12], hits[-3:])

# each character against its upper, lower and case-folded forms: every
# code point below 0x250, every 5th one above (two compiles each: the whole
# range took half a minute under -X gc-stress)
fails = []
for c in list(range(0x250)) + list(range(0x250, 0x3100, 5)):
    ch = chr(c)
    r = re.compile(re.escape(ch), re.I)
    cls = re.compile('[' + re.escape(ch) + ']', re.I)
    for other in {ch.upper(), ch.lower(), ch.casefold(), ch.title()}:
        if len(other) == 1:
            fails.append((c, ord(other), bool(r.fullmatch(other)), bool(cls.fullmatch(other))))
print(len(fails), sum(a for _, _, a, _ in fails), sum(b for _, _, _, b in fails))
print([f for f in fails if not f[2]][:20])
r = re.compile(r'(?i)[a-zà-ÿ]+')
print(r.findall('ÀÉÎõü Straße ǅemal ΣΑΣ σας ſK\u212a'))
print(re.findall(r'(?i)[α-ω]+', 'ΑΒΓ αβγ ς Σ'), re.findall(r'(?i)[\u0400-\u04ff]+', 'ПРИВЕТ мир'))
print(re.findall(r'(?i)(\w)\1', 'aA bB ǄǆǅǄ ΣςσΣ'))

for flags in (0, re.I):
    r = re.compile(rb'[a-z]+|\w+|\s+|\d', flags)
    print(flags, [m.span() for m in r.finditer(bytes(range(256)))])
for flags in (re.L, re.L | re.I):
    r = re.compile(rb'\w+|[^\W\d]', flags)
    print(flags, [m.span() for m in r.finditer(bytes(range(256)))])
print(re.findall(rb'(?i)\xe9|\xc9', b'\xe9\xc9'), re.findall(rb'(?Li)[a-f]', b'ABCxyzabc'))
print(re.findall(rb'(?Li)a', b'aA'), re.findall(rb'(?L)\b\w+\b', b'ab cd'))
