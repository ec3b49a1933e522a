"""Print what tests/unit/strmethods_test.c prints, from CPython 3.11: every
line of tests/unit/strmethods/*.cases (sorted by file name; blank lines and
lines starting with '#' skipped) is a Python expression; print repr() of its
value, or `ExcType: message` (newlines shown as \\n)."""
import glob
import warnings
import os

warnings.simplefilter('ignore')  # the SyntaxWarnings of cases like 'abc'['a']
here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, '*.cases'))):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            try:
                out = repr(eval(line))
            except Exception as e:
                out = f"{type(e).__name__}: {e}".replace('\n', '\\n')
            print(out)
