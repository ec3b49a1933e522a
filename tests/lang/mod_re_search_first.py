# Searches that skip starting positions before entering the matcher: where
# the pattern's first item (through groups, alternatives and optional
# repeats) cannot begin with the character there, where a \b fails, or
# where the literal prefix is not complete; and a repeat followed by a
# literal the repeated item never matches ([\w.]+@). Each pattern runs on
# the same text as a 1-byte subject, a 4-byte one (a non-Latin-1 character
# added), as bytes, and with pos/endpos cutting through a match.
import re

TEXTS = [
    '',
    '1',
    'x',
    'ab 12 c3 4d',
    '10.0.0.255 300.1.2.3 1.2.3 255.255.255.256 01.2.3.4',
    'carol.smith@mail.example.org eve-x@krait.dev a@b @c d@ .e@f.g',
    'took 12ms took took 7ms tookms took 3m took 44',
    'p?a=1&b=&c=x y ?=1 &&d=2 ?e',
    'ab@cd@ef g@h@ x@@y ab@Q a@q, b, c , 1.2.3 t',
    'aab aaab ab b abab aaaaab',
    '--a-b--c---',
    'xxx yyy\nzzz x',
    '\n\nx\n z\n\n',
    '_a1 a_1 1a_ __ 9',
]
WIDE = '\u20ac'

PATTERNS = [
    r'\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b',
    r'\b[\w.-]+@[\w-]+(?:\.[\w-]+)+\b',
    r'[\w.]+@\w+', r'[\w.]{1,3}@\w*', r'[\w@]+@\w+', r'\w+?@\w', r'\w*@', r'[^@]+@',
    r'a+b', r'a{2,3}b', r'a*b', r'a?a?b', r'(?:a|b)?c', r'(a)?(b)?\d', r'(?:ab|b)+',
    r'(x)|y', r'(?:(?:x|y)|z)+', r'(?:x|)z', r'(?:a|b|)', r'1?\d?\d', r'(?:1|2)?\d',
    r'took (\d+)ms', r'took', r'ok', r'tt', r'[?&](\w+)=([^&\s]*)', r'\b\d', r'\b-',
    r'\ba', r'\b(?:a|-)', r'\B\d', r'(?=\d)\d', r'-+', r'\w+', r'(?:\w|-)+',
    r'a*', r'b*?', r'(?:c)*a', r'\d{0}a', r'^\w', r'(?m)^\w+', r'$|x',
    r'(took) (\d+)', r'to(ok)', r'took\b', r'(?:took)+', r'ok(?<=took)', r'took(?=ms)',
    r'(?m)^', r'(?m)^$', r'(?m)^(?:x|z)', r'(?m)^\n', r'[\s,;]+', r'(?:[,;]|\s)+',
    r'\S+', r'\D+', r'\W+', r'\s+', r'(?a)\w+\b', r'x\d{2,}', r'\w{2,3}?',
    r'[\w.]++@\w', r'\w+@(?<=\w\w@)\w', r'\w+@\w+@', r'\w+@q', r'\w*,', r'[^ ]+ t',
]

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = (type(e).__name__, str(e))
    print(label, r)

for i, pat in enumerate(PATTERNS):
    for flags in (0, re.I):
        r = re.compile(pat, flags)
        for j, t in enumerate(TEXTS):
            for k, s in enumerate((t, t + WIDE, WIDE + t)):
                tag = (i, flags, j, k)
                show(tag, lambda: [m.span() + m.groups() for m in r.finditer(s)])
                show(tag, lambda: r.sub('<>', s))
                n = len(s)
                show(tag, lambda: [(p, e, m.span() if m else None)
                                   for p in range(0, n + 1, 3)
                                   for e in (n, n - 2, p + 4)
                                   for m in [r.search(s, p, e)]])
            try:
                rb = re.compile(pat.encode(), flags)
            except re.error as e:
                print('bytes', type(e).__name__, e)
                continue
            b = t.encode()
            show(('b',) + tag[:3], lambda: [m.span() for m in rb.finditer(b)])
            show(('b',) + tag[:3], lambda: rb.findall(b + b'\xe9' + b))
