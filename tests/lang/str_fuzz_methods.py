# Random calls of str's methods (a fixed-seed generator, so both interpreters
# make the same calls) on random strings over an alphabet chosen for edge
# cases: whitespace and line breaks, final sigma, ligatures, a lone surrogate.
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 12) % n
ALPHA = ['a', 'b', 'A', ' ', '\t', '\n', '\r', '\x0b', 'é', 'ß', 'Σ', 'σ', 'ς', '日', '𝔘', '\u3000',
         '\x85', '\u2028', '1', '-', '+', '0', '\ud800', 'ǅ', 'İ', 'ﬃ', '\u0345', "'", '.', 'x', 'ab']
def rs(k=None):
    if k is None: k = rnd(9)
    return ''.join(ALPHA[rnd(len(ALPHA))] for _ in range(k))
ARGS = [None, -3, -1, 0, 1, 2, 5, 100, 2**70, 'a', '', 'ab', ' ', 'é', 1.5, True]
METHODS = ['capitalize', 'casefold', 'center', 'count', 'endswith', 'expandtabs', 'find', 'index',
           'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower',
           'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower',
           'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex',
           'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip',
           'swapcase', 'title', 'upper', 'zfill', 'encode', '__getitem__', '__contains__', '__mul__']
for i in range(1200):
    s = rs()
    m = METHODS[rnd(len(METHODS))]
    args = []
    for _ in range(rnd(4)):
        a = ARGS[rnd(len(ARGS))]
        if a == 'a' and rnd(2): a = rs(rnd(3))
        args.append(a)
    if m == 'join' and args:
        args = [[rs(rnd(3)) for _ in range(rnd(4))]]
    if m == '__getitem__' and args and rnd(2):
        args = [slice(*args[:3])]
    try:
        r = repr(getattr(s, m)(*args))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(i, repr(s), m, repr(args), r)
