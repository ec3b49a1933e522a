# re: match/search/fullmatch, groups and spans, flags, lookaround, backrefs
import re

def show(pat, s, flags=0, fn='search'):
    try:
        m = getattr(re, fn)(pat, s, flags)
    except Exception as e:
        print(fn, repr(pat), type(e).__name__, e)
        return
    if m is None:
        print(fn, repr(pat), repr(s), None)
    else:
        print(fn, repr(pat), repr(s), m.span(), repr(m.group()), m.groups(), m.lastindex, m.lastgroup)

cases = [
    (r'abc', 'xxabcxx'), (r'a.c', 'a\nc'), (r'a.c', 'abc'), (r'^abc$', 'abc\n'),
    (r'a*', 'aaa'), (r'a*?', 'aaa'), (r'a+?b', 'aaab'), (r'a{2,3}', 'aaaa'),
    (r'a{2,3}?', 'aaaa'), (r'(ab)*', 'ababab'), (r'(ab)*?c', 'ababc'),
    (r'(a|b)*c', 'abbac'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'((a)|b)+', 'ab'),
    (r'(a)|(b)', 'b'), (r'(?:a|(b))+', 'ab'), (r'(a*)*', 'aa'), (r'(a*)+', 'b'),
    (r'(a|)*b', 'aab'), (r'(?P<x>\d+)\.(?P<y>\d+)', 'v1.25'),
    (r'(\w+)\s+\1', 'hello hello world'), (r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now'),
    (r'(a)?(?(1)b|c)', 'ab'), (r'(a)?(?(1)b|c)', 'c'),
    (r'foo(?=bar)', 'foobaz foobar'), (r'foo(?!bar)', 'foobar foobaz'),
    (r'(?<=\$)\d+', 'cost $42'), (r'(?<!\$)\b\d+', '$42 17'),
    (r'\bword\b', 'a word here'), (r'\Bor\B', 'word'), (r'\Aab\Z', 'ab'),
    (r'\d+', 'abc ١٢٣ 45'), (r'\w+', 'naïve café'), (r'\s+', 'a \t\n\x0b b'),
    (r'[a-z]+', 'ABC def'), (r'[^a-z]+', 'abcDEF1'), (r'[\d\s]+', 'x 1 2 3y'),
    (r'[.^$]+', 'a.^$b'), (r'[\]\-]+', 'a]-]b'), (r'x(?#comment)y', 'xy'),
    (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaaa'), (r'a++b', 'aab'), (r'a*+a', 'aaa'),
    (r'(?:ab)++c', 'ababc'), (r'(?:ab)*+ab', 'abab'), (r'a{,2}', 'aaa'), (r'a{3}', 'aa'),
    (r'(?s)a.b', 'a\nb'), (r'(?m)^b$', 'a\nb\nc'), (r'(?i)ABC', 'xaBc'),
    (r'(?x) a  b  # spaced', 'ab'), (r'(?a)\w+', 'naïve'), (r'(?i)[a-f]+', 'xDEADbeefz'),
    (r'(?i)\u0130', 'i\u0307'), (r'(?i)k', '\u212a'), (r'(?i)[k]', '\u212a'),
    (r'(?i)ſ', 'S'), (r'(?i)[^k]', '\u212a'), (r'(?i)(a)\1', 'aA'),
    (r'\u00e9', 'caf\u00e9'), (r'[\U0001F600-\U0001F64F]+', 'hi \U0001F600\U0001F601!'),
    (r'.', '\U0001F600'), (r'$', 'ab\n'), (r'\Z', 'ab\n'), (r'^', ''), (r'', ''),
    (r'a|b|c|d', 'xxd'), (r'(?:x|y)z|w', 'yz'), (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 'abcdefghijkk'),
    (r'(a(b(c)))', 'abc'), (r'(?P<a>a)(?P<b>b)?', 'a'), (r'[\w-]+@[\w.]+', 'mail joe-x@ex.com.'),
]
for pat, s in cases:
    show(pat, s)
for pat, s in [(r'a+', 'aaab'), (r'a|ab', 'ab'), (r'(a)(b)?', 'a'), (r'.*', 'abc\n'), (r'a*?', 'aaa')]:
    show(pat, s, fn='match')
    show(pat, s, fn='fullmatch')

m = re.compile(r'(?P<w>\w)(\d)?').search('  x9 y', 1)
print(m, m.pos, m.endpos, m.re.pattern, m.string, m.regs)
print(m.start(), m.end(), m.start('w'), m.end(2), m.span('w'), m[0], m['w'], m[2])
print(m.group(0, 1, 'w', 2), m.groupdict(), m.groupdict('-'), m.groups('-'))
m = re.search(r'(a)(b)?', 'xa')
print(m.groups(), m.groups(0), m.span(2), m.start(2), m.group(2), m.regs)
for bad in (3, -1, 'zz', 1.5, None):
    try:
        print(m.group(bad))
    except Exception as e:
        print(type(e).__name__, e)
p = re.compile(r'\d+')
print(p.match('a12', 1), p.match('a12', 1, 2), p.search('12a34', 2), p.search('1234', 1, 3))
print(p.match('12', 5), p.search('12', -5), p.fullmatch('a12b', 1, 3), p.match('12', 2, 1))
print(re.compile('^a').search('ba', 1), re.compile('(?m)^a').search('ba\na', 1))
print(re.compile('a$').search('ab', 0, 1), re.compile(r'(?<=b)a').match('ba', 1))
print(re.compile(r'a\b').search('ab', 0, 1))
