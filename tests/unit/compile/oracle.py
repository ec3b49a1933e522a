# The oracle of tests/unit/compile.sh: compile() every file named on stdin
# with CPython 3.11 and print, for each that fails, the line
# "PATH: Class: str(exception) (msg, lineno, offset, text, end_lineno,
# end_offset)" that `krait -X compile-only` prints.
import sys
import warnings

warnings.simplefilter('ignore')
for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    try:
        with open(path, 'rb') as f:
            src = f.read()
        compile(src, path, 'exec')
    except SyntaxError as e:
        fields = (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
        print(f"{path}: {type(e).__name__}: {e} {fields!r}")
    except (ValueError, MemoryError, RecursionError) as e:
        print(f"{path}: {type(e).__name__}: {e}")
