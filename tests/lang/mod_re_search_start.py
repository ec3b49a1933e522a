# Searches whose pattern begins with an assertion (\b, ^ under MULTILINE,
# \B, $) or with a one-character item (alone or repeated): the positions
# where a match may start, empty matches next to a previous match
# (finditer/sub/split must advance), and character sets tested on many
# characters (answers cached per set).
import re

TEXTS = [
    '',
    'a',
    ' ',
    'ab cd',
    '  lead and trail  ',
    'x.y-z@mail.example.org, bob@krait.dev; 10.0.0.255 300.1.2.3',
    'line one\nline two\n\nFailed: FAILURE failed\nlast',
    'ÄÖÜ äöü straße ǅ ﬁ 123 ٣٤ x_y',
    'aaa\nbbb\n',
    '...---...',
]

PATTERNS = [
    r'\b', r'\B', r'\b\w+', r'\B\w', r'\b\w', r'^', r'^\w*', r'$', r'\b[\w.-]+@[\w-]+(?:\.[\w-]+)+\b',
    r'\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b',
    r'fail(?:ed|ure)', r'[\s,;]+', r'[\s,;]*', r'x*', r'\w+?', r'\d+', r'[^\W\d]+',
    r'[a-c]+', r'.', r'.+', r'[.-]+', r'\s', r'\S+', r'\w(?=\W)', r'a|\b', r'(?:a|b)+',
    r'[ä-ü]+', r'STRASSE', r'ǆ',
]
FLAGS = [0, re.M, re.I, re.I | re.M, re.A]

for flags in FLAGS:
    for pat in PATTERNS:
        try:
            p = re.compile(pat, flags)
        except re.error as e:
            print('compile', pat, type(e).__name__, e)
            continue
        for text in TEXTS:
            spans = [(m.span(), m.group()) for m in p.finditer(text)]
            s = p.search(text)
            s2 = p.search(text, 3)
            print(flags, repr(pat), repr(text[:12]), spans, s and s.span(), s2 and s2.span())
            print('  sub', repr(p.sub('<>', text)), p.subn(lambda m: '[%s]' % m.group(), text)[1])
            print('  split', p.split(text), p.findall(text)[:5])

# bytes subjects: the cached answers are per character value
for pat in [rb'\b\w+', rb'[\s,;]+', rb'fail(?:ed|ure)', rb'^\w', rb'[\x80-\xff]+']:
    for flags in [0, re.I, re.M]:
        p = re.compile(pat, flags)
        text = b'Failed x\xe9y, fail; \xff\xfe end\nFAILURE'
        print(pat, flags, [m.span() for m in p.finditer(text)], p.sub(b'-', text))

# a set used by several items of one pattern, and many sets (cache slots collide)
many = re.compile(r'[ab][cd][ef][gh][ij][kl][mn][op][qr][st]')
print(many.findall('acegikmoqs bdfhjlnprt acegikmoqt'))
print(re.findall(r'[a-f]+x|[a-f]+y|[a-f]+', 'abcx defy fff abcz'))
print(re.sub(r'\b', '|', 'ab cd'), re.sub(r'^', '>', 'a\nb\n', flags=re.M))
print(re.split(r'\b', 'ab, cd'), re.split(r'x*', 'axbc'))
