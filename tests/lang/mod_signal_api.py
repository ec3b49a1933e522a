# _signal: constants, signal/getsignal with Python handlers run by
# raise_signal and during time.sleep, SIG_IGN/SIG_DFL, errors, masks,
# itimers, strsignal, valid_signals, set_wakeup_fd.
import _signal as s
import time


def tr(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


names = ["SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP",
         "SIGILL", "SIGINT", "SIGIO", "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF",
         "SIGPWR", "SIGQUIT", "SIGRTMAX", "SIGRTMIN", "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS",
         "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2",
         "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ", "SIG_BLOCK", "SIG_DFL", "SIG_IGN",
         "SIG_SETMASK", "SIG_UNBLOCK", "NSIG", "ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF"]
print([(n, getattr(s, n)) for n in names])
v = s.valid_signals()
print(type(v).__name__, len(v), min(v), max(v), 32 in v, 34 in v)
print([s.getsignal(i) for i in (s.SIGUSR1, s.SIGUSR2, s.SIGTERM, s.SIGPIPE, s.SIGXFSZ, s.SIGHUP)])
print(s.default_int_handler, type(s.default_int_handler).__name__)
for i in [1, 2, 9, 15, 31, 32, 34, 64]:
    tr("strsignal(%d)" % i, lambda: s.strsignal(i))
for i in [0, 65, -1]:
    tr("strsignal(%d)" % i, lambda: s.strsignal(i))
tr("strsignal('a')", lambda: s.strsignal("a"))

seen = []


def handler(signum, frame):
    seen.append(signum)
    print("handler", signum, type(frame).__name__, frame.f_code.co_name)


print(s.signal(s.SIGUSR1, handler) == s.SIG_DFL)
print(s.getsignal(s.SIGUSR1) is handler)
s.raise_signal(s.SIGUSR1)
print(seen)
print(s.signal(s.SIGUSR1, s.SIG_IGN) is handler)
s.raise_signal(s.SIGUSR1)
print(seen, s.getsignal(s.SIGUSR1))


def bad(signum, frame):
    raise ValueError("from handler %d" % signum)


s.signal(s.SIGUSR2, bad)
tr("raising handler", lambda: s.raise_signal(s.SIGUSR2))
s.signal(s.SIGUSR2, s.SIG_DFL)

tr("signal(0)", lambda: s.signal(0, s.SIG_DFL))
tr("signal(65)", lambda: s.signal(65, s.SIG_DFL))
tr("handler 5", lambda: s.signal(s.SIGUSR1, 5))
tr("handler None", lambda: s.signal(s.SIGUSR1, None))
tr("handler True", lambda: s.signal(s.SIGUSR1, True))
tr("handler 1.0", lambda: s.signal(s.SIGUSR1, 1.0))
tr("SIGKILL", lambda: s.signal(s.SIGKILL, s.SIG_IGN))
tr("SIGSTOP", lambda: s.signal(s.SIGSTOP, s.SIG_IGN))
tr("signal 32", lambda: s.signal(32, s.SIG_IGN))
tr("signal str", lambda: s.signal("a", s.SIG_DFL))
tr("signal 1 arg", lambda: s.signal(2))
tr("signal to 0", lambda: s.signal(s.SIGUSR1, 0))
tr("getsignal(0)", lambda: s.getsignal(0))
tr("getsignal(32)", lambda: s.getsignal(32))
tr("getsignal()", lambda: s.getsignal())
tr("raise_signal(0)", lambda: s.raise_signal(0))
tr("raise_signal(-1)", lambda: s.raise_signal(-1))
tr("raise_signal(65)", lambda: s.raise_signal(65))
tr("default_int_handler", lambda: s.default_int_handler(2, None))
tr("default_int_handler()", lambda: s.default_int_handler())
tr("default_int_handler 3", lambda: s.default_int_handler(1, 2, 3))

# SIGALRM through an itimer, during sleep
s.signal(s.SIGALRM, handler)
print(s.setitimer(s.ITIMER_REAL, 0.05))
time.sleep(0.5)
print("after sleep", seen)
print(s.getitimer(s.ITIMER_REAL))
tr("setitimer(5)", lambda: s.setitimer(5, 1))
tr("getitimer(5)", lambda: s.getitimer(5))
tr("setitimer str", lambda: s.setitimer(s.ITIMER_REAL, "a"))
print(s.ItimerError.__name__, s.ItimerError.__module__, s.ItimerError.__mro__[1:])
tr("alarm(0)", lambda: s.alarm(0))
tr("alarm('x')", lambda: s.alarm("x"))
s.signal(s.SIGALRM, s.SIG_DFL)

# masks
tr("sigmask bad how", lambda: s.pthread_sigmask(5, []))
tr("sigmask 0", lambda: s.pthread_sigmask(s.SIG_BLOCK, [0]))
tr("sigmask not iterable", lambda: s.pthread_sigmask(s.SIG_BLOCK, 1))
print(s.pthread_sigmask(s.SIG_BLOCK, [s.SIGUSR2]))
s.signal(s.SIGUSR2, handler)
s.raise_signal(s.SIGUSR2)
print("blocked", s.sigpending(), seen[-1])
print(s.pthread_sigmask(s.SIG_UNBLOCK, [s.SIGUSR2]), seen[-1])
print(s.sigpending())
tr("siginterrupt(0, 1)", lambda: s.siginterrupt(0, 1))
tr("siginterrupt", lambda: s.siginterrupt(s.SIGUSR1, 1))

# wakeup fd
tr("wakeup 1000", lambda: s.set_wakeup_fd(1000))
tr("wakeup -1", lambda: s.set_wakeup_fd(-1))
tr("wakeup blocking", lambda: s.set_wakeup_fd(1))
tr("wakeup kw", lambda: s.set_wakeup_fd(-1, warn_on_full_buffer=False))
tr("wakeup str", lambda: s.set_wakeup_fd("x"))
tr("valid_signals(1)", lambda: s.valid_signals(1))
for n in ["raise_signal", "strsignal", "alarm", "pause", "getitimer", "sigwait", "sigpending",
          "siginterrupt", "setitimer", "pthread_sigmask", "signal", "getsignal"]:
    tr(n, lambda: getattr(s, n)(1, 2, 3, 4))
