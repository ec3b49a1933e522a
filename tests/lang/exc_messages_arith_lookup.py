# The exact messages of the exceptions that builtin operations raise.
L = [1]
S = "abc"
tests = [
    '1 / 0',
    '1 // 0',
    '1 % 0',
    '1.0 / 0',
    '1.0 // 0.0',
    '1.5 % 0',
    'divmod(1, 0)',
    '0 ** -1',
    '0.0 ** -1',
    '[][0]',
    '()[5]',
    "'abc'[10]",
    '[1, 2][-3]',
    "{}['k']",
    '{}[(1, 2)]',
    '{1: 2}[[]]',
    '[].pop()',
    '[1].pop(5)',
    "{}.pop('x')",
    'set().pop()',
    '{}.popitem()',
    '[].remove(3)',
    '[1].index(2)',
    "'abc'.index('z')",
    '(1, 2).index(3)',
    "int('x')",
    "float('')",
    'chr(-1)',
    'chr(0x110000)',
    "ord('ab')",
    'undefined_variable',
    'None.attr',
    '(1).attr',
    "'s'.nope",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
