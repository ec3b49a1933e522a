# The C _stat module against stat.py's pure-Python definitions: constants,
# the S_IS* tests, S_IMODE, S_IFMT, filemode, and the mode argument errors.
import _stat
import sys

sys.modules.pop("stat", None)
sys.modules["_stat"] = None  # the next import of stat is the pure-Python one
import stat as py_stat
del sys.modules["_stat"]

names = sorted(n for n in dir(_stat) if not n.startswith("_"))
print(names)
for n in names:
    v = getattr(_stat, n)
    if isinstance(v, int):
        print(n, v, getattr(py_stat, n, "missing") == v)

modes = [0o040755, 0o100644, 0o120777, 0o020666, 0o060660, 0o010600, 0o140755, 0o104755,
         0o102711, 0o041777, 0o041776, 0o106644, 0o170777, 0, 0o7777]
for m in modes:
    tests = [n for n in names if n.startswith("S_IS") and callable(getattr(_stat, n)) and
             getattr(_stat, n)(m)]
    print(oct(m), _stat.filemode(m), py_stat.filemode(m), tests, oct(_stat.S_IMODE(m)),
          oct(_stat.S_IFMT(m)))

for bad in [-1, 1.5, 2 ** 40, "x", True, None]:
    for f in [_stat.S_ISDIR, _stat.S_IMODE, _stat.filemode]:
        try:
            print(f.__name__, repr(bad), f(bad))
        except Exception as e:
            print(f.__name__, repr(bad), type(e).__name__, e)
try:
    _stat.S_ISDIR()
except TypeError as e:
    print(e)
try:
    _stat.S_ISDIR(mode=1)
except TypeError as e:
    print(e)
