# atexit: register/unregister/_run_exitfuncs/_clear/_ncallbacks, and the
# callbacks run at exit, last registered first; a failing one is reported
# on stderr (the last stderr line is compared) and the others still run.
import atexit


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


def f():
    print("f")


def g():
    print("g")
    atexit.register(lambda: print("registered while running"))
    atexit.unregister(f)


tr("register()", lambda: atexit.register())
tr("register(1)", lambda: atexit.register(1))
tr("unregister()", lambda: atexit.unregister())
tr("unregister(1, 2)", lambda: atexit.unregister(1, 2))
tr("_ncallbacks(1)", lambda: atexit._ncallbacks(1))
tr("_clear(1)", lambda: atexit._clear(1))
tr("_run_exitfuncs(1)", lambda: atexit._run_exitfuncs(1))
print(sorted(n for n in dir(atexit) if not n.startswith("__")))

print(atexit.register(f) is f, atexit.register(g) is g, atexit.register(f) is f)
print(atexit._ncallbacks())
atexit.unregister(f)
print(atexit._ncallbacks())
atexit.unregister(42)
atexit.register(f)
atexit.register(g)
print(atexit._ncallbacks())
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(f)
atexit._clear()
print(atexit._ncallbacks())


class Eq:
    def __eq__(self, other):
        raise ValueError("no compare")


atexit.register(f)
tr("unregister raising eq", lambda: atexit.unregister(Eq()))
atexit._clear()

atexit.register(print, "first registered, last run")
atexit.register(lambda: 1 / 0)
atexit.register(print, 1, 2, sep="-")
atexit.register(lambda **kw: print(sorted(kw.items())), a=1, b=2)
print("end of program")
