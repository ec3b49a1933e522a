# The exact messages of the exceptions that builtin operations raise.
L = [1]
S = "abc"
tests = [
    'isinstance(1, 5)',
    'issubclass(1, int)',
    'hash([])',
    'iter(5)',
    'reversed(5)',
    "bytes('x')",
    "b'a' + 'b'",
    '[1, 2, 3][1:2:0]',
    'print(end=5)',
    "round('x')",
    'pow(2, 3, 0)',
    'pow(2, -1, 4)',
    'pow(2.0, 3, 5)',
    "int('9' * 5000)",
    "complex('x')",
    "1 < 'a'",
    '[1] < (1,)',
    'None < None',
    '{} < {}',
    'object() + 1',
    "-'x'",
    '~1.5',
    "'abc'.center(5, 'xy')",
    'zip(5)',
    'list(map(5, [1]))',
    'list(filter(5, [1]))',
    "divmod('a', 1)",
    '1 .__class__.__name__.x',
    'type.mro()',
    'super()',
    "int.from_bytes('x', 'big')",
    "b'\\xff'.decode('utf-8')",
    "'\\udc80'.encode('utf-8')",
    'bytes([256])',
    'bytearray(-1)',
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
