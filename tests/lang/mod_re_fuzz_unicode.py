# re: generated patterns as in mod_re_fuzz, over non-ASCII classes and subjects
# with IGNORECASE (ß, ſ, K, the Kelvin sign, é/É)
import re

state = 31337
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return (state >> 8) % n

ATOMS = ['a', 'B', 'é', 'É', '.', '[a-cé]', '[^aÉ]', r'\w', r'\W', r'\s', r'[\d\s]', '[ß-ÿ]', r'\b', r'\B', '$', r'\Z', 'ſ', 'k', '[K-M]', r'[^\W]']
QUANTS = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{0,2}', '{1,3}?', '*+', '++', '?+', '{2}']

def gen(depth, ngroups):
    n = 1 + rnd(3)
    parts = []
    for _ in range(n):
        k = rnd(12)
        if depth > 0 and k < 3:
            inner, ngroups = gen(depth - 1, ngroups)
            kind = rnd(6)
            if kind == 0:
                ngroups += 1
                item = '(' + inner + ')'
            elif kind == 1:
                item = '(?:' + inner + ')'
            elif kind == 2:
                item = '(?>' + inner + ')'
            elif kind == 3:
                item = '(?=' + inner + ')'
            elif kind == 4:
                item = '(?!' + inner + ')'
            else:
                ngroups += 1
                item = '(' + inner + '|' + ATOMS[rnd(len(ATOMS))] + ')'
            if kind in (0, 1, 2, 5):
                item += QUANTS[rnd(len(QUANTS))]
        elif k == 3 and ngroups:
            item = '\\%d' % (1 + rnd(ngroups))
        elif k == 4 and ngroups:
            item = '(?(%d)a|b)' % (1 + rnd(ngroups))
        elif k == 5:
            item = '(?<=%s)' % ['a', 'b', 'ab', '[ab]'][rnd(4)]
        else:
            item = ATOMS[rnd(len(ATOMS))]
            if item not in ('^', '$', r'\b', ''):
                item += QUANTS[rnd(len(QUANTS))]
        parts.append(item)
    pat = ''.join(parts)
    if rnd(4) == 0:
        pat += '|' + ATOMS[rnd(len(ATOMS))]
    return pat, ngroups

def subject():
    return ''.join('aAbBéÉßſkK\u212a 1\n'[rnd(14)] for _ in range(rnd(9)))

ok = errors = 0
for i in range(2000):
    pat, _ = gen(2, 0)
    flags = [0, re.I, re.I|re.A, re.M|re.I, re.S][rnd(5)]
    try:
        p = re.compile(pat, flags)
    except re.error as e:
        errors += 1
        print(i, repr(pat), 'error', e)
        continue
    for _ in range(3):
        s = subject()
        m = p.search(s)
        out = [m and (m.span(), m.groups(), m.lastindex), p.findall(s), p.split(s)]
        m = p.match(s)
        out.append(m and m.regs)
        m = p.fullmatch(s)
        out.append(m and m.regs)
        out.append(p.subn(lambda m: '<%s>' % m.group(), s))
        out.append([m.span() for m in p.finditer(s, 1)])
        print(i, repr(pat), flags, repr(s), out)
        ok += 1
print(ok, errors)
