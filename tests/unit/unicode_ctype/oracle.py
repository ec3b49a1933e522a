"""Print what tests/unit/unicode_ctype_test.c prints, from CPython 3.11: for
every assigned code point (private use and surrogates sampled), str's case
mappings and isX predicates of the one-character string, and the context
rules that depend on CPython's hidden flags (cased, case-ignorable: title()
and the final sigma of lower()), grouped 64 code points to a line."""
import unicodedata


def selected(cp):
    cat = unicodedata.category(chr(cp))
    if cat == 'Cn':
        return cp % 4093 == 0
    if cat in ('Co', 'Cs'):
        return cp % 61 == 0
    return True


def mapped(s, r):
    return '=' if r == s else '.'.join('%x' % ord(c) for c in r)


def describe(cp):
    s = chr(cp)
    maps = [s.lower(), s.upper(), s.title(), s.casefold(), s.swapcase(), s.capitalize()]
    flags = [s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.islower(),
             s.isupper(), s.istitle(), s.isprintable(), s.isidentifier(), ('a' + s).isidentifier(),
             s.isalnum(), len(s.splitlines()) == 1 and s.splitlines()[0] == '',
             ('A' + s + '\u03a3').lower()[-1] == '\u03c2', ('A\u03a3' + s).lower()[1] == '\u03c2',
             (s + 'a').title()[-1] == 'a', s.split() == [], s.strip() == '']
    return '%x:%s:%s' % (cp, ','.join(mapped(s, m) for m in maps),
                         ''.join('1' if f else '0' for f in flags))


for block in range(0, 0x110000, 64):
    items = [describe(cp) for cp in range(block, block + 64) if selected(cp)]
    if items:
        print(' '.join(items))
