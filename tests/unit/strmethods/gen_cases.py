"""Write tests/unit/strmethods/95_generated.cases: random calls of str's
methods and of the formatting engines on random short strings over a small
alphabet (ASCII, Latin-1, BMP, astral, whitespace, line breaks, a lone
surrogate), so that matches, overlaps, edges and empty pieces are frequent.
Deterministic (fixed seed); rerun and commit the output after changing it:
    /usr/bin/python3.11 tests/unit/strmethods/gen_cases.py
"""
import os
import random

ALPHABET = ['a', 'b', 'A', 'B', ' ', '\t', '\n', '\r', 'é', 'É', 'ß', 'Σ', 'σ', '日', '𝔘',
            '\u3000', '\x85', '1', '-', '+', '0', '\ud800', 'ǅ', 'İ', 'x']
SMALL = ['a', 'b', 'ab', 'ba', 'é', 'Σ', '𝔘', ' ', '', 'aa', 'bab', '日']


def rstr(n=None):
    if n is None:
        n = random.choice([0, 1, 2, 3, 5, 8, 13])
    return ''.join(random.choice(ALPHABET) for _ in range(n))


def rnum():
    return random.choice([None, -100, -5, -2, -1, 0, 1, 2, 3, 4, 7, 100])


def call(recv, meth, *args):
    return '%r.%s(%s)' % (recv, meth, ', '.join(repr(a) for a in args))


def cases():
    out = []
    for _ in range(120):
        s = rstr()
        out.append(call(s, random.choice(['lower', 'upper', 'casefold', 'swapcase', 'title',
                                          'capitalize', 'isalpha', 'isspace', 'islower',
                                          'isupper', 'istitle', 'isalnum', 'isprintable',
                                          'isidentifier', 'splitlines', 'split', 'rsplit',
                                          'strip', 'lstrip', 'rstrip', 'expandtabs'])))
    for _ in range(300):
        s = rstr()
        sub = random.choice(SMALL + [rstr(2)])
        meth = random.choice(['find', 'rfind', 'index', 'rindex', 'count', 'startswith',
                              'endswith'])
        args = [sub]
        if random.random() < 0.6:
            args.append(rnum())
            if random.random() < 0.5:
                args.append(rnum())
        out.append(call(s, meth, *args))
    for _ in range(200):
        s = rstr()
        sep = random.choice(SMALL[:-4] + [None, None])
        meth = random.choice(['split', 'rsplit'])
        if random.random() < 0.5:
            out.append(call(s, meth, sep, random.choice([-1, 0, 1, 2, 3])))
        else:
            out.append(call(s, meth, sep))
    for _ in range(100):
        s = rstr()
        out.append(call(s, random.choice(['partition', 'rpartition']),
                        random.choice(SMALL[:-4] + ['ab'])))
        out.append(call(s, 'splitlines', random.choice([True, False])))
    for _ in range(150):
        s = rstr()
        args = [random.choice(SMALL), random.choice(SMALL + ['--'])]
        if random.random() < 0.5:
            args.append(random.choice([-1, 0, 1, 2, 5]))
        out.append(call(s, 'replace', *args))
    for _ in range(150):
        s = rstr()
        meth = random.choice(['strip', 'lstrip', 'rstrip'])
        out.append(call(s, meth, random.choice([None, 'a', 'ab', ' \t', 'é𝔘', 'Σσ', ''])))
    for _ in range(150):
        s = rstr(random.choice([0, 1, 2, 4]))
        meth = random.choice(['center', 'ljust', 'rjust', 'zfill'])
        width = random.choice([-1, 0, 1, 2, 3, 4, 5, 6, 9, 10])
        if meth == 'zfill' or random.random() < 0.4:
            out.append(call(s, meth, width))
        else:
            out.append(call(s, meth, width, random.choice(['*', 'é', '𝔘', ' '])))
    for _ in range(60):
        s = rstr()
        out.append(call(s, 'expandtabs', random.choice([-1, 0, 1, 2, 3, 8])))
        out.append(call(random.choice(SMALL[:-1]), 'join', [rstr(2) for _ in range(3)]))
    for _ in range(300):
        v = random.choice([0, 1, -1, 7, 42, -42, 255, 1000, 123456789, -98765, 2**64, -2**70,
                           0.0, -0.0, 0.5, 1.5, 2.5, -1.25, 3.14159, 1e-7, 1e16, 1e22, 1/3,
                           -2/3, 123456.789, 1e300, 5e-324, 'abc', 'é', '', 1j, -1.5+2j])
        fill = random.choice(['', '', '*', 'é', '0'])
        align = random.choice(['', '', '<', '>', '^', '='])
        sign = random.choice(['', '', '+', '-', ' '])
        alt = random.choice(['', '', '#'])
        zero = random.choice(['', '', '0'])
        width = random.choice(['', '', '1', '5', '12', '20'])
        group = random.choice(['', '', ',', '_'])
        prec = random.choice(['', '', '.0', '.1', '.3', '.10'])
        typ = random.choice(['', 'd', 'b', 'o', 'x', 'X', 'c', 'e', 'E', 'f', 'F', 'g', 'G',
                             '%', 'n', 's'])
        spec = (fill + align if align else '') + sign + alt + zero + width + group + prec + typ
        out.append('format(%r, %r)' % (v, spec))
    for _ in range(300):
        flags = ''.join(random.sample(['-', '+', ' ', '#', '0'], random.choice([0, 0, 1, 2])))
        width = random.choice(['', '', '1', '5', '12'])
        prec = random.choice(['', '', '.0', '.2', '.5'])
        conv = random.choice('sradiuoxXeEfFgGc')
        v = random.choice([0, 1, -1, 42, -42, 255, 123456789, 2**70, 0.5, -1.5, 3.14159, 1e20,
                           1e-5, 'abc', 'é', 65, True])
        out.append('%r %% (%r,)' % ('%' + flags + width + prec + conv, v))
    return out


def main():
    random.seed(20251121)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '95_generated.cases')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# Generated by gen_cases.py (random calls, fixed seed). Do not edit.\n')
        for line in cases():
            f.write(line + '\n')


main()
