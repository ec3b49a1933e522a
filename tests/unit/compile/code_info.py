# The oracle of tests/unit/compile.sh's code object check: for every file
# named on stdin, "@@ PATH" and one line per code object (depth first,
# nested code objects in co_consts order), as `krait -X code-info` prints:
# (qualname, firstlineno, flags, argcount, posonlyargcount,
#  kwonlyargcount, varnames, cellvars, freevars, docstring or None).
# (co_consts itself differs by design: krait folds and orders constants
# its own way; only the docstring slot K[0] of a function is fixed.)
import sys
import warnings

warnings.simplefilter('ignore')
CO_OPTIMIZED = 1
# The hidden functions of comprehensions have no docstring slot.
COMPREHENSIONS = ('<listcomp>', '<setcomp>', '<dictcomp>', '<genexpr>')


def put(co):
    doc = None
    if (co.co_flags & CO_OPTIMIZED and co.co_name not in COMPREHENSIONS and co.co_consts and
            isinstance(co.co_consts[0], str)):
        doc = co.co_consts[0]
    print(repr((co.co_qualname, co.co_firstlineno, co.co_flags, co.co_argcount,
                co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames,
                co.co_cellvars, co.co_freevars, doc)))
    for k in co.co_consts:
        if hasattr(k, 'co_code'):
            put(k)


for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    print('@@', path)
    try:
        with open(path, 'rb') as f:
            put(compile(f.read(), path, 'exec'))
    except Exception:
        print('!error')
