"""Print what tests/unit/strmethods_test.c prints, from CPython 3.11: every
line of tests/unit/strmethods/*.cases (sorted by file name; blank lines and
lines starting with '#' skipped) is a Python expression; print repr() of its
value, or `ExcType: message` (newlines shown as \\n). Two helpers exist on
both sides: byte_range(a, b) is bytes(range(a, b)), char_range(a, b) the
str of the code points a..b-1."""
import glob
import warnings
import os

HELPERS = {
    'byte_range': lambda a, b: bytes(range(a, b)),
    'char_range': lambda a, b: ''.join(map(chr, range(a, b))),
}
warnings.simplefilter('ignore')  # the SyntaxWarnings of cases like 'abc'['a']
here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, '*.cases'))):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            try:
                out = repr(eval(line, dict(HELPERS)))
            except Exception as e:
                out = f"{type(e).__name__}: {e}".replace('\n', '\\n')
            print(out)
