# The exact messages of the exceptions that builtin operations raise.
L = [1]
S = "abc"
tests = [
    'len(5)',
    "abs('x')",
    "sum(['a'])",
    "sorted([1, 'a'])",
    'max([])',
    'min()',
    'next(iter([]))',
    "'a' + 1",
    "1 + 'a'",
    '[] + ()',
    "'a' * 'b'",
    'L[None]',
    "S['x']",
    '{}.fromkeys(5)',
    'list(5)',
    'tuple(None)',
    'dict(5)',
    'dict([1])',
    'dict([(1, 2, 3)])',
    'set([[]])',
    'frozenset([{}])',
    'range(1.5)',
    'range(0, 10, 0)',
    "'x'.join([1])",
    "str.join(',', 5)",
    "'abc'.split('')",
    "'%d' % 'x'",
    "'%s %s' % (1,)",
    "'%s' % (1, 2)",
    "'{}'.format()",
    "'{0} {}'.format(1, 2)",
    "'{x}'.format()",
    'int(10 ** 5000)',
    "getattr(1, 'x')",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
