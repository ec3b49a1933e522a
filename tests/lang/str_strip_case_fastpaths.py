# str.strip/lstrip/rstrip with an ASCII character set test bytes against a
# cached set; lower/upper/casefold of ASCII text map eight bytes at a time.
# Non-ASCII text, other sets, long sets and subclasses must give the same.

PUNCT = '.,;:!?"()'
texts = ['(abc.', 'abc', '', '...', '((x))', 'é.(x)é', '.é', '(é)', 'xyz!?', '!?',
         '\x7f\x80abc\x80\x7f', '日本.', '.日本', ' spaced ', 'a' * 40 + '.' * 9,
         '(' * 33 + 'mid' + ')' * 33]
sets = [PUNCT, '', 'é', 'a', '\x7f', 'é.', 'x\x80', ' ', '.(', PUNCT,
        'abcdefghijklmnopqrstuvwxyz0123456789.()',  # longer than the cache holds
        PUNCT, '日', '.(' * 20]
for t in texts:
    for s in sets:
        print(repr(t), repr(s), repr(t.strip(s)), repr(t.lstrip(s)), repr(t.rstrip(s)))
    print(repr(t.strip()), repr(t.strip(None)), repr(t.lstrip(None)), repr(t.rstrip(None)))


class S(str):
    pass


for t in [S('(abc.'), S('abc'), S('')]:
    r = t.strip(PUNCT)
    print(type(r).__name__, repr(r), type(t.lstrip('.')).__name__, type(t.rstrip()).__name__)
print(type('abc'.strip(S('.'))).__name__, 'x.y.'.strip(S('.')))
for bad in [1, b'.', ['.']]:
    try:
        'abc'.strip(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    'abc'.strip('.', '(')
except Exception as e:
    print(type(e).__name__, e)

# Case mapping of ASCII at every length and offset around the 8-byte steps.
alphabet = ''.join(chr(c) for c in range(32, 127))
for start in range(0, 20, 3):
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 64, 95]:
        t = alphabet[start:start + length]
        print(start, length, t.lower(), t.upper(), t.casefold() == t.lower(),
              t.swapcase(), t.lower().isascii())
print('@[`{AZaz'.lower(), '@[`{AZaz'.upper(), 'ÀbC'.lower(), 'straße'.upper(), 'ΣΑΣ'.lower())
print(S('MiXeD').lower(), type(S('MiXeD').lower()).__name__, type(S('MiXeD').upper()).__name__)
