# _stat: the S_IS* tests, S_IMODE, S_IFMT, filemode, the constants, and the
# mode conversion errors; stat.py takes _stat's versions.
import _stat
import stat

print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR)
print([(n, getattr(_stat, n)) for n in dir(_stat) if n.isupper() and not callable(getattr(_stat, n))])
print(sorted(n for n in dir(_stat) if callable(getattr(_stat, n))))
tests = ["S_ISDIR", "S_ISCHR", "S_ISBLK", "S_ISREG", "S_ISFIFO", "S_ISLNK", "S_ISSOCK",
         "S_ISDOOR", "S_ISPORT", "S_ISWHT"]
for fmt in range(0, 0o200000, 0o10000):
    for perm in (0, 0o644, 0o755, 0o4755, 0o2710, 0o1777, 0o7000, 0o7777, 0o6644):
        mode = fmt | perm
        print(oct(mode), _stat.filemode(mode), _stat.S_IMODE(mode), _stat.S_IFMT(mode),
              [t for t in tests if getattr(_stat, t)(mode)])
for f in ("S_ISDIR", "S_IMODE", "S_IFMT", "filemode"):
    print(f, getattr(_stat, f).__doc__)
    for arg in [-1, 2**32, 2**32 - 1, 2**64, 2**64 - 1, 1.5, "a", True, None]:
        try:
            print(repr(arg), getattr(_stat, f)(arg))
        except Exception as e:
            print(repr(arg), type(e).__name__, e)
for call in ["_stat.S_ISDIR()", "_stat.S_ISDIR(1, 2)", "_stat.S_ISDIR(mode=1)",
             "_stat.filemode()"]:
    try:
        print(call, eval(call))
    except Exception as e:
        print(call, type(e).__name__, e)
