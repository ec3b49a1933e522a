"""Generate case lines for tests/unit/str_test.c and oracle.py.

Usage: gen_cases.py KIND SEED [SCALE]
KIND: core (everything but bulk hashing) or hash (thousands of random str and
bytes for the seeded-hash comparison). One case per line; values are
s:HEX (str as generalized UTF-8, surrogates included), b:HEX, i:N, f:X, T, F, N.
"""
import random
import sys

# Code point pools: each string draws from one or a mix, so that every
# CPython "kind" (1, 2, 4 bytes per code point) and every UTF-8 length shows up.
POOLS = {
    'ascii': [(0x20, 0x7e), (0, 0x1f), (0x7f, 0x7f)],
    'latin1': [(0x80, 0xff), (0x20, 0x7e)],
    'bmp': [(0x100, 0x7ff), (0x800, 0xd7ff), (0xe000, 0xfffd), (0x20, 0x7e)],
    'surrogate': [(0xd800, 0xdfff), (0x20, 0x7e), (0xe9, 0xe9)],
    'astral': [(0x10000, 0x10ffff), (0x1f600, 0x1f64f), (0x20, 0x7e)],
    'edges': [(0x7f, 0x80), (0x7ff, 0x800), (0xd7ff, 0xd800), (0xdfff, 0xe000), (0xffff, 0x10000),
              (0x10fffe, 0x10ffff), (0, 0), (0xff, 0x100)],
}
MIXES = [['ascii'], ['latin1'], ['bmp'], ['surrogate'], ['astral'], ['edges'],
         ['ascii', 'latin1'], ['ascii', 'bmp'], ['ascii', 'astral'], ['bmp', 'surrogate'],
         ['latin1', 'astral', 'surrogate'], ['ascii', 'latin1', 'bmp', 'astral', 'surrogate']]
LENGTHS = [0, 1, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 63, 64, 65, 100, 127, 128, 129, 200,
           255, 256, 257, 500, 1000]


def rand_str(rng, length=None, mix=None):
    if length is None:
        length = rng.choice(LENGTHS)
    if mix is None:
        mix = rng.choice(MIXES)
    ranges = [r for name in mix for r in POOLS[name]]
    out = []
    for _ in range(length):
        lo, hi = rng.choice(ranges)
        out.append(chr(rng.randint(lo, hi)))
    return ''.join(out)


def s(text):
    return 's:' + text.encode('utf-8', 'surrogatepass').hex()


def b(data):
    return 'b:' + bytes(data).hex()


def i(n):
    return 'i:%d' % n


OTHERS = ['i:0', 'i:3', 'i:-1', 'f:1.5', 'T', 'F', 'N', 'b:61', 'i:%d' % 10**30]
CLASSES = ['h:X', 'h:N', 'h:R', 'h:NR', 'h:NI']


def gen_core(rng, scale):
    cases = []
    add = cases.append
    # Construction: lengths, reprs, str().
    for _ in range(int(400 * scale)):
        add('info ' + s(rand_str(rng)))
    for text in ['', 'a', '\x00', '\ud800', '\udfff', '\ud800\udc00', '\U0010ffff', '\xe9',
                 "it's", '"', '\'"', '\\', '\t\n\r', '\x7f\x80\x9f\xa0\xad', '\u2028\u3000']:
        add('info ' + s(text))
    for data in [b'', b'a', b"'", b'"\'', b'\x00\xff\x7f\x80', bytes(range(256))]:
        add('info ' + b(data))
    # Indexing at every position, in a scrambled order, from both ends.
    for length in [1, 2, 63, 64, 65, 127, 128, 129, 130, 191, 192, 193, 1000, 4000, 7000]:
        for mix in [['ascii'], ['latin1'], ['bmp', 'ascii'], ['astral', 'surrogate', 'ascii'],
                    ['ascii', 'latin1', 'bmp', 'astral', 'surrogate']]:
            add('items ' + s(rand_str(rng, length, mix)))
    for _ in range(int(20 * scale)):
        add('items ' + b(rng.randbytes(rng.choice(LENGTHS))))
    # getitem: bounds, negative, and key types.
    for text in ['abc', '\xe9t\xe9', '\U0001f600x\ud800', '']:
        for key in ['i:0', 'i:2', 'i:3', 'i:-1', 'i:-3', 'i:-4', 'T', 'F', 'f:1.0', 's:61',
                    'N', 'b:', 'i:%d' % 10**30, 'i:%d' % -10**30, 'i:%d' % 2**62,
                    'i:%d' % (2**63 - 1), 'i:%d' % -2**63] + CLASSES:
            add('getitem %s %s' % (s(text), key))
            add('getitem %s %s' % (b(text.encode('utf-8', 'surrogatepass')), key))
    # + and *.
    for _ in range(int(150 * scale)):
        add('add %s %s' % (s(rand_str(rng)), s(rand_str(rng))))
        add('add %s %s' % (b(rng.randbytes(rng.choice(LENGTHS))),
                           b(rng.randbytes(rng.choice(LENGTHS)))))
    for text in ['', 'ab', '\xe9']:
        for other in OTHERS + CLASSES + ['s:', 's:c3a9']:
            add('add %s %s' % (s(text), other))
            add('add %s %s' % (other, s(text)))
            add('add %s %s' % (b(text.encode()), other))
            add('add %s %s' % (other, b(text.encode())))
    for _ in range(int(100 * scale)):
        add('mul %s i:%d' % (s(rand_str(rng, rng.choice([0, 1, 2, 3, 5, 17]))),
                             rng.choice([-5, -1, 0, 1, 2, 3, 7, 20, 100])))
        add('mul i:%d %s' % (rng.choice([-1, 0, 1, 2, 3, 7]),
                             s(rand_str(rng, rng.choice([0, 1, 4])))))
        add('mul %s i:%d' % (b(rng.randbytes(rng.choice([0, 1, 2, 5]))),
                             rng.choice([-1, 0, 1, 3, 9])))
    for text in ['', 'a', 'ab', '\xe9', '\U0001f600']:
        for count in ['T', 'F', 'f:2.0', 's:61', 'b:61', 'N', 'i:%d' % 10**30, 'i:%d' % -10**30,
                      'i:%d' % 2**62, 'i:%d' % 2**61, 'i:%d' % (2**63 - 1), 'i:%d' % -2**63,
                      ] + CLASSES:
            add('mul %s %s' % (s(text), count))
            add('mul %s %s' % (count, s(text)))
            add('mul %s %s' % (b(text.encode('utf-8')), count))
    # Comparisons: random pairs, pairs with a common prefix, mixed types.
    for _ in range(int(600 * scale)):
        x = rand_str(rng, rng.choice([0, 1, 2, 3, 5, 10]))
        if rng.random() < 0.5:
            prefix = rand_str(rng, rng.choice([0, 1, 5, 70, 200]))
            y = prefix + rand_str(rng, rng.choice([0, 1, 2]))
            x = prefix + x
        else:
            y = rand_str(rng, rng.choice([0, 1, 2, 3, 5, 10]))
        if rng.random() < 0.1:
            y = x
        add('cmp %s %s' % (s(x), s(y)))
    for _ in range(int(100 * scale)):
        x, y = rng.randbytes(rng.choice([0, 1, 2, 3])), rng.randbytes(rng.choice([0, 1, 2, 3]))
        add('cmp %s %s' % (b(x), b(y)))
    for other in OTHERS + CLASSES + ['b:']:
        add('cmp s:61 %s' % other)
        add('cmp %s s:61' % other)
        add('cmp b:61 %s' % other)
    # Containment: substrings of the haystack, near misses, random needles.
    for _ in range(int(300 * scale)):
        hay = rand_str(rng, rng.choice([0, 1, 5, 50, 300, 2000]),
                       rng.choice(MIXES[:6] + [['ascii', 'bmp']]))
        r = rng.random()
        if r < 0.4 and hay:
            a = rng.randrange(len(hay))
            needle = hay[a:a + rng.choice([1, 2, 3, 8, 40, 100])]
        elif r < 0.7 and hay:
            a = rng.randrange(len(hay))
            needle = hay[a:a + rng.choice([2, 3, 8, 40])]
            needle = needle[:-1] + rand_str(rng, 1)
        else:
            needle = rand_str(rng, rng.choice([0, 1, 2, 3, 4, 10]))
        add('contains %s %s' % (s(hay), s(needle)))
        hb = hay.encode('utf-8', 'surrogatepass')
        add('contains %s %s' % (b(hb), b(needle.encode('utf-8', 'surrogatepass'))))
    for item in ['i:97', 'i:0', 'i:255', 'i:256', 'i:-1', 'T', 'F', 'f:1.5', 's:61', 'N',
                 'i:%d' % 10**30, 'i:%d' % -10**30] + CLASSES:
        add('contains s:61 %s' % item)
        add('contains b:6101 %s' % item)
    # The search algorithm itself: small alphabets make periodic needles,
    # long partial matches and every shift case.
    for _ in range(int(1500 * scale)):
        alphabet = rng.choice([b'ab', b'abc', b'aab', b'\x00\xff', bytes(range(256))])
        n = rng.choice([0, 1, 5, 30, 100, 500, 3000])
        hay = bytes(rng.choice(alphabet) for _ in range(n))
        m = rng.choice([1, 2, 3, 4, 7, 8, 20, 31, 32, 33, 64, 100, 257])
        if hay and rng.random() < 0.5:
            a = rng.randrange(len(hay))
            needle = hay[a:a + m]
            if rng.random() < 0.3:
                needle = needle[:-1] + bytes([rng.choice(alphabet)])
        else:
            period = bytes(rng.choice(alphabet) for _ in range(rng.choice([1, 2, 3, 5])))
            needle = (period * (m // len(period) + 1))[:m]
            if rng.random() < 0.5:
                needle = needle[:-1] + bytes([rng.choice(alphabet)])
            if rng.random() < 0.3:
                hay = (period * (n // len(period) + 1))[:n]
        add('find x:%s x:%s' % (hay.hex(), needle.hex()))
    # Slices, steps of every sign, indices out of range.
    bounds = ['N', '0', '1', '3', '-1', '-2', '-5', '64', '65', '100', '1000', '-1000']
    for _ in range(int(400 * scale)):
        text = rand_str(rng, rng.choice([0, 1, 5, 70, 150, 300]))
        step = rng.choice(['N', '1', '2', '3', '-1', '-2', '-7', '63', '64', '65', '-100'])
        start, stop = rng.choice(bounds), rng.choice(bounds)
        add('slice %s %s %s %s' % (s(text), start, stop, step))
        if rng.random() < 0.3:
            add('slice %s %s %s %s' % (b(text.encode('utf-8', 'surrogatepass')), start, stop, step))
    # Iteration.
    for _ in range(int(40 * scale)):
        add('iter ' + s(rand_str(rng, rng.choice([0, 1, 5, 20]))))
        add('iter ' + b(rng.randbytes(rng.choice([0, 1, 5]))))
    # Interning.
    for _ in range(int(50 * scale)):
        add('intern ' + s(rand_str(rng, rng.choice([0, 1, 2, 5, 20]))))
    return cases


def gen_hash(rng, scale):
    cases = []
    for _ in range(int(3000 * scale)):
        cases.append('hash ' + s(rand_str(rng, rng.choice(LENGTHS[:20] + [rng.randrange(2000)]))))
    for _ in range(int(1000 * scale)):
        cases.append('hash ' + b(rng.randbytes(rng.choice(LENGTHS[:20] + [rng.randrange(2000)]))))
    return cases


def main():
    kind, seed = sys.argv[1], int(sys.argv[2])
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    rng = random.Random(seed)
    cases = gen_core(rng, scale) if kind == 'core' else gen_hash(rng, scale)
    sys.stdout.write('\n'.join(cases) + '\n')


if __name__ == '__main__':
    main()
