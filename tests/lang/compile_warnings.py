# Compile-time warnings: SyntaxWarning for suspicious code, DeprecationWarning
# for invalid escapes; with the "error" filter they become SyntaxErrors.
import warnings

SNIPPETS = [
    "x is 1", "x is not 'a'", "1 is x", "x is None", "x is True", "x is ...", "x is -1",
    "x is ()", "x is (1, 2)", "x is (y, 2)", "x is []", "x is 2 * 3", "x == 1 is y",
    "x is not 1.5", "x is b''", "x is not None is 1",
    "assert (x, 'msg')", "assert ()", "assert (1, 2)", "assert x, 'm'",
    "[1, 2] (3, 4)", "(1, 2)(3)", "'abc'(1)", "f'{x}'(1)", "{1: 2}()", "{1}()",
    "(x for x in y)()", "[x for x in y]()", "1()", "None()", "x()", "(lambda: 1)()",
    "1[2]", "None[0]", "True[1]", "{1}[0]", "(lambda: 1)[0]", "1.5[0]", "...[0]",
    "'abc'[1.5]", "[1, 2]['a']", "(1, 2)[(1, 2)]", "'abc'[1]", "'abc'[True]", "'abc'[1:2]",
    "[x for x in y][1.0]", "f'{x}'['k']", "x[1.5]", "{1: 2}['a']", "b'ab'[None]",
    "x = '\\d'", "x = b'\\q'", "x = f'\\w{y}'", "x = '\\d' '\\e'", "x = r'\\d'",
    "x = '''\n\\d'''", "def f():\n    return 'a\\z'",
    "x = 1 if y is 1 else 2\nassert (y, 2)\nz = [1][1.0]",
]

for src in SNIPPETS:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "<snippet>", "exec")
        except SyntaxError as e:
            print(repr(src), "SyntaxError", e.msg)
    print(repr(src), [(w.category.__name__, str(w.message), w.lineno, w.filename) for w in caught])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<snippet>", "exec")
            print("   error filter: compiled")
        except SyntaxError as e:
            print("   error filter:", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno,
                  e.end_offset)

# -O drops asserts, and their warning with them.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile("assert (x, 1)", "<o>", "exec", optimize=1)
print("optimized:", [str(w.message) for w in caught])
