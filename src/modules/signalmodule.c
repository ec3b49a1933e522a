// signalmodule.c - the `_signal` module (Lib/signal.py re-exports it):
// Python-level signal handlers, the SIG* constants, alarm/itimers, masks.
//
// A Python handler cannot run inside the C signal handler: the C handler
// only records the signal (signal_tripped, per-signal flags) and writes
// its number to the wakeup fd; signal_check_pending() later calls the
// Python handlers, at a point where running Python code is safe: the
// interpreter's loop headers (interp.c's LOOPHEADER), raise_signal()
// (right after raise(), as CPython's), pause(), and time.sleep() when a
// signal interrupts it.
//
// SIGINT: run.c imports _signal at start-up, as CPython does, which
// installs default_int_handler for it through the recording C handler.
// Code that never reaches a safe point (a long C call, a blocking read
// that restarts) would let a Ctrl-C go unnoticed: a second SIGINT arriving
// while the first is still pending and the handler is default_int_handler
// restores the OS default and kills the process, as an unhandled
// KeyboardInterrupt would end it.
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

#define SIGNAL_NSIG 65   // CPython's Py_NSIG on Linux: signals 1..64

volatile sig_atomic_t signal_tripped;
volatile sig_atomic_t signals_pending;
static volatile sig_atomic_t tripped[SIGNAL_NSIG];
static volatile sig_atomic_t wakeup_fd = -1;
static int wakeup_warn = 1;
static volatile sig_atomic_t sigint_is_default;   // SIGINT's handler is default_int_handler

// The Python-level handler of each signal: SIG_DFL (int 0), SIG_IGN (int
// 1), a callable, or None when it was set outside Python. A GC root.
static Value handlers;       // a list of SIGNAL_NSIG values
static Value default_int_handler;
static Value itimer_error;

static void signal_c_handler(int signum) {
    int saved = errno;
    if (signum == SIGINT && tripped[SIGINT] && sigint_is_default) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);   // delivered when this handler returns
    }
    if (signum > 0 && signum < SIGNAL_NSIG) {
        tripped[signum] = 1;
        signals_pending = 1;
        signal_tripped = 1;
    }
    if (wakeup_fd != -1) {
        unsigned char byte = (unsigned char)signum;
        ssize_t r = write(wakeup_fd, &byte, 1);
        (void)r;
    }
    errno = saved;
}

static Value raise_errno(Value type, int err) {
    Value args[2] = {int_from_i64(err), str_from_cstr(strerror(err))};
    if (!args[1]) {
        return 0;
    }
    Value exc = obj_call(type, args, 2, 0);
    return exc ? err_set_value(exc) : 0;
}

static Value os_error(int err) {
    return raise_errno(val_from_ptr(&exc_OSError), err);
}

// The current Python frame for a handler's second argument, or None.
static Value current_frame(void) {
    Value getframe = sys_get_object("_getframe");
    Value f = getframe ? obj_call0(getframe) : 0;
    if (!f) {
        err_clear();
        return VAL_NONE;
    }
    return f;
}

int signal_check_pending(void) {
    // Handlers run in the main thread only (thread.c sets signal_tripped
    // again when the main thread takes the GIL with signals pending).
    if (!signals_pending || !handlers || !vm_in_main_thread()) {
        return 0;
    }
    signals_pending = 0;
    for (int i = 1; i < SIGNAL_NSIG; i++) {
        if (!tripped[i]) {
            continue;
        }
        tripped[i] = 0;
        Value h = list_obj(handlers)->items[i];
        if (h == VAL_NONE || int_check(h)) {
            continue;
        }
        Value r = obj_call2(h, int_from_i64(i), current_frame());
        if (!r) {
            // The others run at the next check, as CPython leaves them.
            for (int k = i + 1; k < SIGNAL_NSIG; k++) {
                if (tripped[k]) {
                    signals_pending = 1;
                    signal_tripped = 1;
                }
            }
            return -1;
        }
    }
    return 0;
}

void signal_simulate(int signum) {
    if (!handlers || signum < 1 || signum >= SIGNAL_NSIG) {
        return;
    }
    Value h = list_obj(handlers)->items[signum];
    if (h == VAL_NONE || int_check(h)) {
        return;  // SIG_DFL, SIG_IGN or set outside Python: ignored, as CPython
    }
    tripped[signum] = 1;
    signals_pending = 1;
    signal_tripped = 1;
}

// A signal number argument: an int in 1..64 ("signal number out of range").
static int signum_arg(Value v, int *out) {
    int64_t n;
    if (obj_as_index(v, &n, 1) < 0) {
        return -1;
    }
    if (n < 1 || n >= SIGNAL_NSIG) {
        err_format(&exc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)n;
    return 0;
}

// Whether h is SIG_DFL / SIG_IGN: an exact int equal to 0 / 1.
static int is_int_handler(Value h, int which) {
    return int_check_exact(h) && val_is_smallint(h) && val_smallint(h) == which;
}

FN(signal_signal) {
    if (args_no_keywords("signal", kwnames) < 0 ||
        args_check_positional("signal", nargs, 2, 2) < 0) {
        return 0;
    }
    int sig;
    if (signum_arg(args[0], &sig) < 0) {
        return 0;
    }
    if (!vm_in_main_thread()) {
        return err_format(&exc_ValueError,
                          "signal only works in main thread of the main interpreter");
    }
    Value h = args[1];
    void (*action)(int);
    if (is_int_handler(h, 1)) {
        action = SIG_IGN;
    } else if (is_int_handler(h, 0)) {
        action = SIG_DFL;
    } else if (!type_of(h)->call) {
        return err_format(&exc_TypeError, "signal handler must be signal.SIG_IGN, "
                                          "signal.SIG_DFL, or a callable object");
    } else {
        action = signal_c_handler;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = action;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &sa, NULL) < 0) {
        return os_error(errno);
    }
    if (sig == SIGINT) {
        sigint_is_default = h == default_int_handler;
    }
    Value old = list_obj(handlers)->items[sig];
    list_obj(handlers)->items[sig] = h;
    tripped[sig] = 0;
    return old;
}

FN(signal_getsignal) {
    if (method_check_args("_signal.getsignal", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int sig;
    if (signum_arg(args[0], &sig) < 0) {
        return 0;
    }
    return list_obj(handlers)->items[sig];
}

FN(signal_default_int_handler) {
    if (args_no_keywords("default_int_handler", kwnames) < 0 ||
        args_check_positional("default_int_handler", nargs, 2, 2) < 0) {
        return 0;
    }
    return err_set_value(val_from_ptr(&exc_KeyboardInterrupt));
}

FN(signal_raise_signal) {
    if (method_check_args("_signal.raise_signal", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t n;
    if (obj_as_index(args[0], &n, 1) < 0) {
        return 0;
    }
    if (n < 0 || n >= SIGNAL_NSIG) {
        return os_error(EINVAL);
    }
    if (raise((int)n) != 0) {
        return os_error(errno);
    }
    return signal_check_pending() < 0 ? 0 : VAL_NONE;
}

FN(signal_strsignal) {
    if (method_check_args("_signal.strsignal", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int sig;
    if (signum_arg(args[0], &sig) < 0) {
        return 0;
    }
    errno = 0;
    const char *s = strsignal(sig);
    if (errno || !s || strstr(s, "Unknown signal")) {
        return VAL_NONE;
    }
    return str_from_cstr(s);
}

FN(signal_alarm) {
    if (method_check_args("_signal.alarm", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t secs;
    if (obj_as_index(args[0], &secs, 1) < 0) {
        return 0;
    }
    if (secs < 0 || secs > 0xFFFFFFFFLL) {
        return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned int");
    }
    return int_from_i64(alarm((unsigned)secs));
}

FN(signal_pause) {
    if (method_check_args("_signal.pause", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    pause();
    return signal_check_pending() < 0 ? 0 : VAL_NONE;
}

FN(signal_siginterrupt) {
    if (args_no_keywords("siginterrupt", kwnames) < 0 ||
        args_check_positional("siginterrupt", nargs, 2, 2) < 0) {
        return 0;
    }
    int sig;
    int64_t flag;
    if (signum_arg(args[0], &sig) < 0 || obj_as_index(args[1], &flag, 1) < 0) {
        return 0;
    }
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) {
        return os_error(errno);
    }
    if (flag) {
        sa.sa_flags &= ~SA_RESTART;
    } else {
        sa.sa_flags |= SA_RESTART;
    }
    if (sigaction(sig, &sa, NULL) < 0) {
        return os_error(errno);
    }
    return VAL_NONE;
}

// set_wakeup_fd(fd, /, *, warn_on_full_buffer=True) -> the old fd
FN(signal_set_wakeup_fd) {
    static const char *const names[] = {"", "warn_on_full_buffer", NULL};
    static const ArgSpec spec = {"set_wakeup_fd", 1, names + 1, 1, 1, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t fd;
    if (obj_as_index(a[0], &fd, 1) < 0) {
        return 0;
    }
    if (!vm_in_main_thread()) {
        return err_format(&exc_ValueError,
                          "set_wakeup_fd only works in main thread of the main interpreter");
    }
    int warn = 1;
    if (a[1] && (warn = obj_truthy(a[1])) < 0) {
        return 0;
    }
    if (fd != -1) {
        struct stat st;
        if (fd < 0 || fd > 0x7FFFFFFF || fstat((int)fd, &st) != 0) {
            return os_error(EBADF);
        }
        int flags = fcntl((int)fd, F_GETFL);
        if (flags < 0) {
            return os_error(errno);
        }
        if (!(flags & O_NONBLOCK)) {
            return err_format(&exc_ValueError, "the fd %d must be in non-blocking mode", (int)fd);
        }
    }
    int old = wakeup_fd;
    wakeup_fd = (int)fd;
    wakeup_warn = warn;
    return int_from_i64(old);
}

// A Python set of the signals in `set`.
static Value set_from_sigset(const sigset_t *set) {
    Value s = set_new(0);
    if (!s) {
        return 0;
    }
    for (int i = 1; i < SIGNAL_NSIG; i++) {
        if (sigismember(set, i) == 1 && set_add(s, int_from_i64(i)) < 0) {
            return 0;
        }
    }
    return s;
}

// An iterable of signal numbers as a sigset_t.
static int sigset_from_iterable(Value iterable, sigset_t *out) {
    sigemptyset(out);
    Value it = obj_iter(iterable);
    if (!it) {
        return -1;
    }
    Value item;
    while ((item = obj_next(it))) {
        int64_t n;
        if (obj_as_index(item, &n, 1) < 0) {
            return -1;
        }
        if (n < 1 || n >= SIGNAL_NSIG) {
            err_format(&exc_ValueError, "signal number %lld out of range [1; %d]", (long long)n,
                       SIGNAL_NSIG - 1);
            return -1;
        }
        sigaddset(out, (int)n);
    }
    return err_occurred() ? -1 : 0;
}

FN(signal_valid_signals) {
    if (method_check_args("_signal.valid_signals", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    sigset_t all;
    sigfillset(&all);
    return set_from_sigset(&all);
}

FN(signal_pthread_sigmask) {
    if (args_no_keywords("pthread_sigmask", kwnames) < 0 ||
        args_check_positional("pthread_sigmask", nargs, 2, 2) < 0) {
        return 0;
    }
    int64_t how;
    sigset_t mask, old;
    if (obj_as_index(args[0], &how, 1) < 0 || sigset_from_iterable(args[1], &mask) < 0) {
        return 0;
    }
    int r = pthread_sigmask((int)how, &mask, &old);
    if (r != 0) {
        return os_error(r);
    }
    // A signal unblocked here may be delivered now: run its handler.
    if (signal_check_pending() < 0) {
        return 0;
    }
    return set_from_sigset(&old);
}

FN(signal_sigpending) {
    if (method_check_args("_signal.sigpending", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    sigset_t set;
    if (sigpending(&set) < 0) {
        return os_error(errno);
    }
    return set_from_sigset(&set);
}

FN(signal_sigwait) {
    if (method_check_args("_signal.sigwait", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    sigset_t set;
    int sig;
    if (sigset_from_iterable(args[0], &set) < 0) {
        return 0;
    }
    int r;
    VM_BEGIN_ALLOW_THREADS
    r = sigwait(&set, &sig);
    VM_END_ALLOW_THREADS
    if (r != 0) {
        return os_error(r);
    }
    return int_from_i64(sig);
}

FN(signal_pthread_kill) {
    if (args_no_keywords("pthread_kill", kwnames) < 0 ||
        args_check_positional("pthread_kill", nargs, 2, 2) < 0) {
        return 0;
    }
    Value id = obj_index(args[0]);
    int64_t sig;
    if (!id || obj_as_index(args[1], &sig, 1) < 0) {
        return 0;
    }
    int64_t ident;
    if (int_to_i64(id, &ident) < 0) {
        return 0;
    }
    // Only this thread exists: other identifiers are not valid threads
    // (passing them to pthread_kill is undefined behaviour).
    if ((uint64_t)ident != (uint64_t)pthread_self()) {
        return os_error(ESRCH);
    }
    int r = pthread_kill(pthread_self(), (int)sig);
    if (r != 0) {
        return os_error(r);
    }
    return signal_check_pending() < 0 ? 0 : VAL_NONE;
}

// ---- itimers ----------------------------------------------------------------------------------

static Value itimer_tuple(const struct itimerval *v) {
    Value d = float_from_double((double)v->it_value.tv_sec + v->it_value.tv_usec * 1e-6);
    Value i = float_from_double((double)v->it_interval.tv_sec + v->it_interval.tv_usec * 1e-6);
    return d && i ? tuple_pack2(d, i) : 0;
}

static int seconds_to_timeval(Value v, struct timeval *tv) {
    double d;
    if (float_check(v)) {
        d = float_value(v);
    } else {
        Value i = obj_index(v);
        int overflow = 0;
        if (!i) {
            return -1;
        }
        d = int_to_double(i, &overflow);
    }
    if (d < 0) {
        d = 0;   // CPython's timeval conversion clamps negative delays to 0
    }
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - floor(d)) * 1e6);
    if (tv->tv_sec == 0 && tv->tv_usec == 0 && d > 0) {
        tv->tv_usec = 1;
    }
    return 0;
}

FN(signal_setitimer) {
    if (args_no_keywords("setitimer", kwnames) < 0 ||
        args_check_positional("setitimer", nargs, 2, 3) < 0) {
        return 0;
    }
    int64_t which;
    struct itimerval nv, ov;
    memset(&nv, 0, sizeof nv);
    if (obj_as_index(args[0], &which, 1) < 0 || seconds_to_timeval(args[1], &nv.it_value) < 0 ||
        (nargs == 3 && seconds_to_timeval(args[2], &nv.it_interval) < 0)) {
        return 0;
    }
    if (setitimer((int)which, &nv, &ov) != 0) {
        return raise_errno(itimer_error, errno);
    }
    return itimer_tuple(&ov);
}

FN(signal_getitimer) {
    if (method_check_args("_signal.getitimer", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t which;
    struct itimerval v;
    if (obj_as_index(args[0], &which, 1) < 0) {
        return 0;
    }
    if (getitimer((int)which, &v) != 0) {
        return raise_errno(itimer_error, errno);
    }
    return itimer_tuple(&v);
}

// ---- the module ---------------------------------------------------------------------------------

static const MethodDef default_int_handler_def = {
    "default_int_handler", signal_default_int_handler, METH_DEFAULT,
    "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."};

static const MethodDef signal_functions[] = {
    {"signal", signal_signal, METH_DEFAULT, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, METH_DEFAULT, "Return the current action for the given signal."},
    {"raise_signal", signal_raise_signal, METH_DEFAULT, "Send a signal to the executing process."},
    {"strsignal", signal_strsignal, METH_DEFAULT, "Return the system description of the given signal."},
    {"alarm", signal_alarm, METH_DEFAULT, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", signal_pause, METH_DEFAULT, "Wait until a signal arrives."},
    {"siginterrupt", signal_siginterrupt, METH_DEFAULT, "Change system call restart behaviour."},
    {"set_wakeup_fd", signal_set_wakeup_fd, METH_DEFAULT, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"valid_signals", signal_valid_signals, METH_DEFAULT, "Return a set of valid signal numbers on this platform."},
    {"pthread_sigmask", signal_pthread_sigmask, METH_DEFAULT, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", signal_sigpending, METH_DEFAULT, "Examine pending signals."},
    {"sigwait", signal_sigwait, METH_DEFAULT, "Wait for a signal."},
    {"pthread_kill", signal_pthread_kill, METH_DEFAULT, "Send a signal to a thread."},
    {"setitimer", signal_setitimer, METH_DEFAULT, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", signal_getitimer, METH_DEFAULT, "Returns current value of given itimer."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} signal_constants[] = {
    {"NSIG", SIGNAL_NSIG}, {"SIG_DFL", 0}, {"SIG_IGN", 1},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCHLD}, {"SIGCONT", SIGCONT},
    {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL},
    {"SIGPWR", SIGPWR}, {"SIGSYS", SIGSYS},
};

// The handler table as the OS has it now: SIG_DFL, SIG_IGN, or None.
static int init_handlers(void) {
    gc_add_root(&handlers);
    gc_add_root(&default_int_handler);
    gc_add_root(&itimer_error);
    handlers = list_new(SIGNAL_NSIG);
    default_int_handler = builtin_function_new(&default_int_handler_def, 0,
                                               str_from_cstr("_signal"));
    if (!handlers || !default_int_handler) {
        return -1;
    }
    for (int i = 0; i < SIGNAL_NSIG; i++) {
        Value h = VAL_NONE;
        struct sigaction sa;
        if (i > 0 && sigaction(i, NULL, &sa) == 0) {
            if (sa.sa_handler == SIG_DFL) {
                h = val_from_smallint(0);
            } else if (sa.sa_handler == SIG_IGN) {
                h = val_from_smallint(1);
            }
        }
        if (list_append(handlers, h) < 0) {
            return -1;
        }
    }
    if (list_obj(handlers)->items[SIGINT] == val_from_smallint(0)) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = signal_c_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        if (sigaction(SIGINT, &sa, NULL) == 0) {
            list_obj(handlers)->items[SIGINT] = default_int_handler;
            sigint_is_default = 1;
        }
    }
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_OSError)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("signal")) < 0) {
        return -1;
    }
    itimer_error = type_new_class(&type_type, str_from_cstr("itimer_error"), bases, ns);
    return itimer_error ? 0 : -1;
}

Value signal_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (!handlers && init_handlers() < 0) {
        return 0;
    }
    Value m = module_new_cstr("_signal");
    if (!m || module_add_functions(m, signal_functions) < 0 ||
        module_add(m, "default_int_handler", default_int_handler) < 0 ||
        module_add(m, "ItimerError", itimer_error) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module provides mechanisms to use signal "
                                               "handlers in Python.")) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof signal_constants / sizeof signal_constants[0]; i++) {
        if (module_add(m, signal_constants[i].name, int_from_i64(signal_constants[i].value)) < 0) {
            return 0;
        }
    }
    if (module_add(m, "SIGRTMIN", int_from_i64(SIGRTMIN)) < 0 ||
        module_add(m, "SIGRTMAX", int_from_i64(SIGRTMAX)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
