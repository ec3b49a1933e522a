import resource as r
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
t(r.getrlimit, 'a'); t(r.setrlimit, r.RLIMIT_NOFILE, 5); t(r.setrlimit, r.RLIMIT_NOFILE, [1, 'a'])
t(r.setrlimit, r.RLIMIT_CORE, (10, 5)); t(r.getrusage, 'x'); t(r.getrusage, 99)
t(r.setrlimit, r.RLIMIT_NOFILE, (1,)); t(r.setrlimit, 999, (1, 1))
t(r.getrlimit, 999); t(r.getrlimit, -1); t(r.getrlimit, 2**40)
t(r.prlimit, 0, 999); t(r.prlimit, -1, r.RLIMIT_NOFILE)
print(r.prlimit(0, r.RLIMIT_NOFILE) == r.getrlimit(r.RLIMIT_NOFILE))
soft, hard = r.getrlimit(r.RLIMIT_CORE)
r.setrlimit(r.RLIMIT_CORE, (0, hard)); print(r.getrlimit(r.RLIMIT_CORE) == (0, hard))
r.setrlimit(r.RLIMIT_CORE, [soft, hard]); print(r.getrlimit(r.RLIMIT_CORE) == (soft, hard))
u = r.getrusage(r.RUSAGE_SELF)
print(type(u).__name__, type(u).__module__, len(u), type(u.ru_utime).__name__, type(u.ru_maxrss).__name__, u.ru_maxrss > 0)
print(r.struct_rusage.n_fields, u[2] == u.ru_maxrss)
print(r.getpagesize(), r.RLIM_INFINITY, r.error, r.RLIMIT_NOFILE, r.RUSAGE_CHILDREN)
print(sorted(n for n in dir(r) if not n.startswith('__')))
