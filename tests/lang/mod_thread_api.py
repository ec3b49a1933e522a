# _thread: locks, RLock, identity, _local, _ExceptHookArgs; krait runs one
# thread, so start_new_thread is only checked for its argument errors.
import _thread as t


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


def norepr(o):
    return repr(o).split(" at 0x")[0]


print(sorted(n for n in dir(t) if not n.startswith("__")))
print(t.error is RuntimeError, t.TIMEOUT_MAX, type(t.TIMEOUT_MAX).__name__)
print(type(t.get_ident()).__name__, t.get_ident() == t.get_ident())
print(type(t.get_native_id()).__name__, t.get_native_id() > 0)
print(t._count())

# lock
l = t.allocate_lock()
print(type(l).__name__, type(l).__module__, type(l) is t.LockType, norepr(l))
print(l.locked(), l.acquire(), l.locked(), norepr(l))
print(l.acquire(False), l.acquire(blocking=False), l.acquire(0), l.acquire(timeout=0))
print(l.acquire(True, 0.01), l.acquire(timeout=0.001))
print(l.release(), l.locked(), l.acquire_lock(), l.locked_lock(), l.release_lock())
with l:
    print("in with", l.locked())
print("after with", l.locked())
print(l.__enter__(), l.__exit__(1, 2, 3), l.locked())
tr("exit unlocked", lambda: l.__exit__())
tr("release unlocked", l.release)
tr("nonblocking timeout", lambda: l.acquire(False, 1))
tr("negative timeout", lambda: l.acquire(True, -2))
tr("negative float timeout", lambda: l.acquire(timeout=-0.5))
tr("minus one", lambda: (l.acquire(timeout=-1), l.release()))
tr("minus one float", lambda: (l.acquire(timeout=-1.0), l.release()))
tr("huge timeout", lambda: l.acquire(True, 1e300))
tr("nan timeout", lambda: l.acquire(True, float("nan")))
tr("str timeout", lambda: l.acquire(timeout="x"))
tr("three args", lambda: l.acquire(1, 2, 3))
tr("bad keyword", lambda: l.acquire(foo=1))
tr("release arg", lambda: l.release(1))
tr("locked arg", lambda: l.locked(1))
tr("LockType()", lambda: t.LockType())
tr("allocate_lock(1)", lambda: t.allocate_lock(1))
print(norepr(t.allocate()), norepr(t._set_sentinel()))
l._at_fork_reinit()
print(l.locked())
l.acquire()
l._at_fork_reinit()
print(l.locked())

# RLock
r = t.RLock()
print(norepr(r))
print(r.acquire(), r.acquire(True), r.acquire(timeout=1), r._is_owned())
print(norepr(r).replace(str(t.get_ident()), "ME"))
state = r._release_save()
print(state == (3, t.get_ident()), r._is_owned())
r._acquire_restore(state)
print(r._is_owned(), r.release(), r.release(), r.release(), r._is_owned())
tr("rlock release", r.release)
tr("rlock release_save", r._release_save)
tr("rlock restore int", lambda: r._acquire_restore(1))
tr("rlock restore short", lambda: r._acquire_restore((1,)))
tr("rlock nonblocking timeout", lambda: r.acquire(False, 1))
with r:
    with r:
        print("nested", r._is_owned())
print(r._is_owned())
tr("RLock(1)", lambda: norepr(t.RLock(1)))
r.acquire()
r._at_fork_reinit()
print(r._is_owned())


class MyRLock(t.RLock):
    pass


print(norepr(MyRLock()).replace(__name__, "MOD"))

# stack_size
tr("stack_size()", lambda: t.stack_size())
tr("stack_size(1)", lambda: t.stack_size(1))
tr("stack_size(-1)", lambda: t.stack_size(-1))
tr("stack_size(40000)", lambda: t.stack_size(40000))
tr("stack_size() again", lambda: t.stack_size())
tr("stack_size(0)", lambda: t.stack_size(0))
tr("stack_size('x')", lambda: t.stack_size("x"))
tr("stack_size(1, 2)", lambda: t.stack_size(1, 2))

# start_new_thread: argument errors
tr("snt(1, 2)", lambda: t.start_new_thread(1, 2))
tr("snt(print, 2)", lambda: t.start_new_thread(print, 2))
tr("snt(print, (), 2)", lambda: t.start_new_thread(print, (), 2))
tr("snt(print)", lambda: t.start_new_thread(print))
tr("get_ident(1)", lambda: t.get_ident(1))
tr("get_native_id(1)", lambda: t.get_native_id(1))
tr("_count(1)", lambda: t._count(1))
tr("exit(1)", lambda: t.exit(1))
try:
    t.exit()
except SystemExit as e:
    print("SystemExit", e.args)
try:
    t.exit_thread()
except SystemExit as e:
    print("SystemExit", e.args)
tr("interrupt_main(1000)", lambda: t.interrupt_main(1000))
tr("interrupt_main(0)", lambda: t.interrupt_main(0))
try:
    t.interrupt_main()
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e.args)

# _local
x = t._local()
x.a = 1
print(x.a, x.__dict__, type(x).__name__, type(x).__module__)
del x.a
tr("missing attr", lambda: x.a)
tr("_local(1)", lambda: t._local(1))
tr("_local(k=1)", lambda: t._local(k=1))


class L(t._local):
    def __init__(self, v):
        self.v = v


y = L(3)
print(y.v, y.__dict__)

# _ExceptHookArgs / _excepthook
A = t._ExceptHookArgs
print(A, A((1, 2, 3, 4)), A((1, 2, 3, 4)).thread)
tr("A(3-seq)", lambda: A((1, 2, 3)))
tr("_excepthook(1)", lambda: t._excepthook(1))
tr("_excepthook()", lambda: t._excepthook())
print(t._excepthook(A((SystemExit, SystemExit(), None, None))))
tr("rlock _is_owned(1)", lambda: r._is_owned(1))
tr("rlock _at_fork_reinit(1)", lambda: r._at_fork_reinit(1))
tr("rlock _acquire_restore()", lambda: r._acquire_restore())
tr("rlock release(1)", lambda: r.release(1))
print(t.stack_size(40000), t.stack_size(), t.stack_size(0), t.stack_size(50000), t.stack_size(0))
