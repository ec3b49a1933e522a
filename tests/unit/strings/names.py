"""Print "NAME<TAB>code point" lines for `strings_test names`: what python3.11's
\\N{NAME} escape yields for every character name, every formal alias, and
many near misses (wrong case, extra or missing characters, bad Hangul and
CJK names), with -1 for names it rejects."""
import ctypes
import random
import unicodedata

out = []


def check(name):
    try:
        value = eval('"\\N{' + name + '}"')
        out.append((name, ord(value)))
    except SyntaxError:
        out.append((name, -1))


def aliases():
    """Formal aliases, read back through unicodedata's name capsule."""
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype = ctypes.c_void_p
    get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    ptr = get_pointer(unicodedata._ucnhash_CAPI, b'unicodedata._ucnhash_CAPI')
    fns = (ctypes.c_void_p * 2).from_address(ptr)
    getname = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int,
                               ctypes.c_int)(fns[0])
    buf = ctypes.create_string_buffer(256)
    for pua in range(0xF0000, 0xF0400):  # aliases, then named sequences
        if getname(pua, buf, 256, 1):
            yield buf.value.decode()


def main():
    rng = random.Random(1)
    names = []
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name:
            names.append(name)
            out.append((name, cp))
    for name in rng.sample(names, 3000):
        check(name.lower())
        check(name.title())
        check(name + ' ')
        check(name[:-1])
        check(name + 'A')
        check(name.replace(' ', '-', 1))
        check(name.replace(' ', '  ', 1))
    for name in ['', ' ', '-', 'A', 'NULL', 'null', 'Null', 'BOM', 'bom', 'ZWNBSP', 'LINE FEED',
                 'LF', 'KEYCAP DIGIT ONE', 'HANGUL SYLLABLE', 'HANGUL SYLLABLE ',
                 'HANGUL SYLLABLE GAX', 'HANGUL SYLLABLE NGA', 'HANGUL SYLLABLE A',
                 'CJK UNIFIED IDEOGRAPH-', 'CJK UNIFIED IDEOGRAPH-004E00',
                 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-2A6E0',
                 'CJK UNIFIED IDEOGRAPH-3134A', 'CJK UNIFIED IDEOGRAPH-3134B',
                 'TIBETAN MARK TSA -PHRU', 'TIBETAN MARK TSA-PHRU', 'TIBETAN MARK TSA  -PHRU',
                 'LATIN SMALL LETTER A\\']:
        check(name)
    leads = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K',
             'T', 'P', 'H', 'X', 'NG']
    vowels = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U',
              'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I', '']
    tails = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP',
             'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H']
    for lead in leads:
        for vowel in vowels:
            for tail in rng.sample(tails, 6):
                check('HANGUL SYLLABLE ' + lead + vowel + tail)
    for alias in aliases():
        check(alias)
        check(alias.lower())
    for name, cp in out:
        print('%s\t%d' % (name, cp))


if __name__ == '__main__':
    main()
