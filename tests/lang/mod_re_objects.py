# re: Pattern and Match objects (repr, eq/hash, copy, attributes), _sre
# helpers, bytes subjects, type errors, parser errors, deep and heavy patterns
import re, _sre, copy

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(c) for c in (65, 97, 48, 0xe9)], [_sre.unicode_iscased(c) for c in (65, 48, 0xe9, 0xdf, 0x130, 0x1c5)])
print([_sre.ascii_tolower(c) for c in (65, 97, 0xc9)], [_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x1c5, 0x3a3, 0x10400)])
diff = [c for c in range(0x10000) if _sre.unicode_tolower(c) != ord(chr(c).lower()[0])]
print(len(diff), diff[:10])
cased = sum(_sre.unicode_iscased(c) for c in range(0x30000))
print(cased)

for p in [re.compile('a'), re.compile('a', re.I | re.S), re.compile(b'x', re.M),
          re.compile('x' * 300), re.compile('(?a)b'), re.compile('(?u)b'), re.compile(b'b', re.L),
          re.compile('y', re.X | re.A | re.DEBUG if False else re.X | re.A)]:
    print(repr(p), p.flags, p.groups, p.groupindex, p.pattern[:10])
p = re.compile(r'(?P<a>x)(?P<b>y)(z)')
print(p.groupindex, type(p.groupindex).__name__, p.groups)
try:
    p.groupindex['c'] = 3
except TypeError as e:
    print('TypeError', e)
print(re.compile('ab') == re.compile('ab'), re.compile('ab') == re.compile('ab', re.I),
      re.compile('ab') == re.compile(b'ab'), re.compile('ab') != re.compile('ac'),
      hash(re.compile('ab')) == hash(re.compile('ab')))
print(copy.copy(p) is p, copy.deepcopy(p) is p, re.Pattern[str], re.Match[bytes])
m = p.match('xyz')
print(copy.copy(m) is m, copy.deepcopy(m) is m, m.re is p, m.string)
print(repr(re.match('a' * 60, 'a' * 60)), repr(re.match(b'\xff+', b'\xff\xff')))
print(type(p).__name__, type(m).__name__, type(p).__module__, type(m).__module__)

print(re.match(b'[a-z]+', bytearray(b'abc1')), re.match(b'(a)(b)', memoryview(b'abc')).groups())
print(re.search(rb'(?i)\xe9', b'\xc9'), re.search(r'(?i)\xe9', '\xc9'))
print(re.search(rb'\w+', b'caf\xe9'), re.search(rb'(?L)\w+', b'ab'))
for pat, s in [('a', b'a'), (b'a', 'a'), ('a', 1), ('a', None), (1, 'a')]:
    try:
        print(re.match(pat, s))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [r'(', r')', r'[a', r'a{2,1}', r'\p', r'(?P<1>a)', r'(?P<a>a)(?P<a>b)', r'*', r'a**',
            r'(?<=a+)b', r'\1', r'(?P=x)', r'[z-a]', r'(?z)', '\\', r'(?i', r'a{1,2', r'(?(2)a|b)']:
    try:
        re.compile(bad)
        print('ok', bad)
    except re.error as e:
        print(repr(bad), 'error:', e, e.pos)

# deep nesting and heavy backtracking stay on the heap, and finish
deep = '(' * 100 + 'a' + ')' * 100
print(re.match(deep, 'a').span(), re.match(deep, 'a').lastindex)
print(re.match('(?:a|b)*c', 'ab' * 50000 + 'c').end())
print(re.match('(a|b)*?c', 'ab' * 20000 + 'c').end())
print(re.match(r'(?:(\w)\1|\w)*$', 'aabbc' * 4000) is not None)
print(re.search(r'(a+)+b', 'a' * 18) is None)
print(re.fullmatch(r'(x+x+)+y', 'x' * 16) is None)
print(len(re.findall(r'\w+', 'word ' * 20000)))
text = 'αβγ δ' * 2000 + 'z'
print(re.search('z', text).span(), len(re.findall('β', text)), re.search(r'(?i)Δ', text).start())
pos, n, tok = 0, 0, re.compile(r'\s*(\S+)')
while True:
    m = tok.match(text, pos)
    if not m:
        break
    pos, n = m.end(), n + 1
print(n, pos)
try:
    re.compile('(' * 5000 + ')' * 5000)
except RecursionError as e:
    print('RecursionError')
print(re.match('(?=' * 150 + 'a' + ')' * 150, 'a'), re.match('(?:a|' * 150 + 'b' + ')' * 150, 'b'))
print(re.match('(?:a?){12}a{12}', 'a' * 12).span(), re.match('(a?){3,}?b', 'aab').regs)
