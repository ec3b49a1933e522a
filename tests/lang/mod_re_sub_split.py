# re: sub/subn with templates and functions, split, findall, finditer, scanner
import re

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

t(re.sub, r'(\w+) (\w+)', r'\2 \1', 'hello world, big day')
t(re.sub, r'(?P<a>\d)', r'<\g<a>\g<0>\g<1>>', 'a1b22')
t(re.sub, r'x*', '-', 'abxd')
t(re.sub, r'a', r'\n\t\\', 'bab')
t(re.sub, r'a', '\\', 'a')
t(re.sub, r'a', r'\q', 'a')
t(re.sub, r'a', r'\2', 'a')
t(re.sub, r'(a)', r'\g<2>', 'a')
t(re.sub, r'(a)', r'\g<x>', 'a')
t(re.sub, r'(a)', r'\g<1', 'a')
t(re.sub, r'(a)|b', r'[\1]', 'ab')
t(re.sub, r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333')
t(re.sub, r'\d', lambda m: None, 'a1b2')
t(re.sub, r'\d', lambda m: 5, 'a1b2')
t(re.sub, r'a', 'b', 'aaaa', 2)
t(re.sub, r'a', 'b', 'aaaa', count=3)
t(re.subn, r'a', 'b', 'aaaa')
t(re.subn, r'', '-', '')
t(re.subn, r'(?=b)', '^', 'abab')
t(re.sub, r'(\d)(?P<x>\w)', r'\g<x>\1\0', '1a2b')
t(re.sub, r'a', r'\101', 'xax')
t(re.sub, r'a', r'\400', 'a')
t(re.sub, b'a', b'\\x41-', b'cab')
t(re.sub, b'a', b'-', bytearray(b'cab'))
t(re.sub, b'(a)', br'[\1]', memoryview(b'cab'))
t(re.sub, 'a', b'x', 'a')
t(re.sub, b'a', 'x', b'a')
t(re.sub, 'a', 'x', b'a')
t(re.sub, 'a', 1, 'a')
t(re.compile('a').sub, 'b', 'cac', 0)
t(lambda: re.compile(r'(\w)').sub(r'\1\1', 'ab', count=1))
t(re.sub, r'(?i)STRASSE', 'x', 'straße strasse')
print(re.compile(r'(\w+)').search('ab cd').expand(r'<\1> \g<0>'))

t(re.split, r'\W+', 'Words, words, words.')
t(re.split, r'(\W+)', 'Words, words, words.')
t(re.split, r'\W+', 'Words, words, words.', 1)
t(re.split, r'[a-f]+', '0a3B9', flags=re.I)
t(re.split, r'(\W+)', '...words, words...')
t(re.split, r'x*', 'axbc')
t(re.split, r'\b', 'a b')
t(re.split, r'(a)|(b)', 'xaybz')
t(re.split, r'', 'abc')
t(re.split, r'(?=c)', 'abcabc')
t(re.split, r',', '', maxsplit=2)
t(re.split, rb'\s', b'a b\tc')

t(re.findall, r'\d+', 'a1b22c333')
t(re.findall, r'(\w)(\d)?', 'a1b c2')
t(re.findall, r'(\w)=(\w*)', 'a=1 b= c=3')
t(re.findall, r'a*', 'baaac')
t(re.findall, r'', 'ab')
t(re.findall, r'\b', 'ab cd')
t(re.compile(r'\w').findall, 'abcdef', 2, 4)
t(re.findall, r'(?i)[äöü]', 'ÄÖÜäöü')
print([m.group() for m in re.finditer(r'\w+', 'one two  three')])
print([(m.start(), m.end()) for m in re.finditer(r'\b|x', 'ax b')])
it = re.compile(r'\d').finditer('1a2b3', 1, 4)
print(type(it).__name__, [m.span() for m in it], list(it))

s = re.compile(r'\d+|[a-z]+').scanner('12ab 34')
print(s.match(), s.match(), s.match(), s.match(), s.pattern)
s = re.compile(r'\d+').scanner('12ab34cd')
print(s.search(), s.search(), s.search(), s.search())
s = re.compile(r'a*').scanner('baa')
print([s.search() for _ in range(5)])

scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, tok: ('ID', tok)),
    (r'\d+\.\d*', lambda s, tok: ('FLOAT', float(tok))),
    (r'\d+', lambda s, tok: ('INT', int(tok))),
    (r'[=+*/-]', lambda s, tok: ('OP', tok)),
    (r'\s+', None),
])
print(scanner.scan('x = 3 + 4.5 * y2 ?'))
