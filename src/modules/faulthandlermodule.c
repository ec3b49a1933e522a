// faulthandlermodule.c - the `faulthandler` module: write the Python
// traceback when the process dies of a fatal signal, on demand, after a
// timeout, or when a user signal arrives.
//
// Everything that runs in a signal handler or in the watchdog thread is
// async-signal-safe: it only reads the interpreter's frame chain
// (vm_thread.frame, each frame's code and pc) and write()s to a file
// descriptor chosen beforehand - no allocation, no locks, no Python. The
// text is CPython 3.11's, byte for byte:
//
//     Fatal Python error: Segmentation fault
//
//     Current thread 0x00007f0123456789 (most recent call first):
//       File "x.py", line 3 in f
//       File "x.py", line 5 in <module>
//
// Strings are written as ASCII (other code points as \xNN, \uNNNN or
// \UNNNNNNNN), cut at 500 code points with "..."; at most 100 frames.
//
// The fatal handler runs on an alternate signal stack (a stack overflow
// must still be reported), restores the handler it replaced and raises
// the signal again, so that the process dies of it as it would have.
// "All threads" is only the current thread for now (krait's other threads'
// stacks are not walked from a signal handler).
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/dict.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

#define FH_NSIG 65               // signals 1..64, as CPython's Py_NSIG
#define FH_MAX_STRING 500        // code points of a name or file name
#define FH_MAX_FRAMES 100

// ---- async-signal-safe writing ----------------------------------------------------------

static void fh_write(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void fh_puts(int fd, const char *s) {
    fh_write(fd, s, strlen(s));
}

static void fh_decimal(int fd, unsigned long v) {
    char buf[24];
    char *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    fh_write(fd, p, (size_t)(buf + sizeof buf - p));
}

// `width` lowercase hex digits, zero-padded (more if v needs them).
static void fh_hex(int fd, unsigned long v, int width) {
    char buf[32];
    char *p = buf + sizeof buf;
    do {
        *--p = "0123456789abcdef"[v & 15];
        v >>= 4;
        width--;
    } while (v || width > 0);
    fh_write(fd, p, (size_t)(buf + sizeof buf - p));
}

// A str as CPython's _Py_DumpASCII writes it. The data is UTF-8 (krait's
// generalized UTF-8: surrogates decode like any other code point).
static void fh_ascii(int fd, Value s) {
    if (!val_is_str(s)) {
        fh_puts(fd, "???");
        return;
    }
    const unsigned char *p = (const unsigned char *)str_obj(s)->data;
    const unsigned char *end = p + str_obj(s)->nbytes;
    size_t count = 0;
    while (p < end) {
        if (count == FH_MAX_STRING) {
            fh_puts(fd, "...");
            return;
        }
        unsigned long ch = *p++;
        int more = ch >= 0xf0 ? 3 : ch >= 0xe0 ? 2 : ch >= 0xc0 ? 1 : 0;
        if (more) {
            ch &= 0x3fu >> more;
            while (more-- && p < end) {
                ch = (ch << 6) | (*p++ & 0x3fu);
            }
        }
        count++;
        if (ch >= ' ' && ch <= 126) {
            char c = (char)ch;
            fh_write(fd, &c, 1);
        } else if (ch <= 0xff) {
            fh_puts(fd, "\\x");
            fh_hex(fd, ch, 2);
        } else if (ch <= 0xffff) {
            fh_puts(fd, "\\u");
            fh_hex(fd, ch, 4);
        } else {
            fh_puts(fd, "\\U");
            fh_hex(fd, ch, 8);
        }
    }
}

// ---- tracebacks ----------------------------------------------------------------------------

static void fh_dump_frames(int fd) {
    Frame *f = vm_thread.frame;
    if (!f) {
        fh_puts(fd, "  <no Python frame>\n");
        return;
    }
    for (int depth = 0; f; f = f->back, depth++) {
        if (depth >= FH_MAX_FRAMES) {
            fh_puts(fd, "  ...\n");
            break;
        }
        Code *code = f->code;
        fh_puts(fd, "  File ");
        if (val_is_str(code->filename)) {
            fh_puts(fd, "\"");
            fh_ascii(fd, code->filename);
            fh_puts(fd, "\"");
        } else {
            fh_puts(fd, "???");
        }
        fh_puts(fd, ", line ");
        int32_t line = -1;
        if (f->pc >= code->instrs && f->pc < code->instrs + code->ninstrs) {
            line = code_position(code, (uint32_t)(f->pc - code->instrs)).lineno;
        }
        if (line >= 0) {
            fh_decimal(fd, (unsigned long)line);
        } else {
            fh_puts(fd, "???");
        }
        fh_puts(fd, " in ");
        fh_ascii(fd, code->name);
        fh_puts(fd, "\n");
    }
}

static pthread_t fh_main_thread;   // the interpreter's thread

// The traceback of krait's one thread. `current`: it is the thread doing
// the dump (not the watchdog).
static void fh_dump(int fd, int all_threads, int current) {
    if (!all_threads) {
        fh_puts(fd, "Stack (most recent call first):\n");
    } else {
        fh_puts(fd, current ? "Current thread 0x" : "Thread 0x");
        fh_hex(fd, (unsigned long)fh_main_thread, (int)sizeof(unsigned long) * 2);
        fh_puts(fd, " (most recent call first):\n");
    }
    fh_dump_frames(fd);
}

// ---- the extension modules ------------------------------------------------------------------

static Value fh_sys_dict;   // sys.__dict__, found at start (a root)

static int fh_str_is(Value s, const char *text) {
    return val_is_str(s) && str_obj(s)->nbytes == strlen(text) &&
           memcmp(str_obj(s)->data, text, str_obj(s)->nbytes) == 0;
}

static int fh_str_eq(Value a, Value b) {
    return val_is_str(a) && val_is_str(b) && str_obj(a)->nbytes == str_obj(b)->nbytes &&
           memcmp(str_obj(a)->data, str_obj(b)->data, str_obj(a)->nbytes) == 0;
}

// "\nExtension modules: a, b (total: 2)\n": the modules of sys.modules made
// by C code that sys.stdlib_module_names does not list, as CPython's fatal
// error report. Only walks existing dicts and sets: nothing is allocated.
static void fh_dump_extension_modules(int fd) {
    if (!fh_sys_dict || !dict_check(fh_sys_dict)) {
        return;
    }
    Value modules = 0, stdlib = 0, key, value;
    size_t pos = 0;
    while (dict_next(fh_sys_dict, &pos, &key, &value)) {
        if (fh_str_is(key, "modules")) {
            modules = value;
        } else if (fh_str_is(key, "stdlib_module_names")) {
            stdlib = value;
        }
    }
    if (!modules || !dict_check(modules)) {
        return;
    }
    if (stdlib && !frozenset_check_exact(stdlib)) {
        stdlib = 0;
    }
    unsigned long count = 0;
    pos = 0;
    while (dict_next(modules, &pos, &key, &value)) {
        if (!val_is_str(key) || !module_check(value) || !module_obj(value)->builtin) {
            continue;
        }
        int in_stdlib = 0;
        size_t spos = 0;
        Value name;
        while (stdlib && !in_stdlib && set_next(stdlib, &spos, &name, NULL)) {
            in_stdlib = fh_str_eq(key, name);
        }
        if (in_stdlib) {
            continue;
        }
        fh_puts(fd, count ? ", " : "\nExtension modules: ");
        fh_ascii(fd, key);
        count++;
    }
    if (count) {
        fh_puts(fd, " (total: ");
        fh_decimal(fd, count);
        fh_puts(fd, ")\n");
    }
}

// ---- the file argument -----------------------------------------------------------------------

// The descriptor for a `file` argument (None: sys.stderr; an int: itself;
// else file.fileno(), after file.flush()). *keep receives the object to
// keep alive while the descriptor is in use (0 for an int). -1 on error.
static int fh_fileno(Value file, Value *keep) {
    *keep = 0;
    if (!file || file == VAL_NONE) {
        file = sys_get_object("stderr");
        if (!file) {
            err_format(&exc_RuntimeError, "unable to get sys.stderr");
            return -1;
        }
        if (file == VAL_NONE) {
            err_format(&exc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    } else if (int_check(file)) {
        int64_t fd;
        if (int_to_i64(file, &fd) < 0 || fd > INT32_MAX || fd < INT32_MIN) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        if (fd < 0) {
            err_format(&exc_ValueError, "file is not a valid file descripter");
            return -1;
        }
        return (int)fd;
    }
    Value r = obj_call_method(file, "fileno", NULL, 0);
    if (!r) {
        return -1;
    }
    int64_t fd = -1;
    if (int_check(r) && (int_to_i64(r, &fd) < 0 || fd > INT32_MAX || fd < INT32_MIN)) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (fd < 0) {
        err_format(&exc_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    if (!obj_call_method(file, "flush", NULL, 0)) {
        err_clear();    // as CPython: a failing flush() does not stop the dump
    }
    *keep = file;
    return (int)fd;
}

static int fh_bool_arg(Value v, int dflt) {
    return v ? obj_truthy(v) : dflt;
}

// ---- the fatal signals ------------------------------------------------------------------------

typedef struct FatalSignal {
    int signum;
    const char *name;
    int installed;
    struct sigaction previous;
} FatalSignal;

static FatalSignal fatal_signals[] = {
    {.signum = SIGBUS, .name = "Bus error"},
    {.signum = SIGILL, .name = "Illegal instruction"},
    {.signum = SIGFPE, .name = "Floating point exception"},
    {.signum = SIGABRT, .name = "Aborted"},
    {.signum = SIGSEGV, .name = "Segmentation fault"},
};
#define FH_NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static struct {
    volatile sig_atomic_t enabled;
    int fd;
    int all_threads;
    Value file;          // kept alive while enabled (a GC root), or 0
} fatal;

static void *alt_stack;

static void fh_restore_fatal(void) {
    for (size_t i = 0; i < FH_NFATAL; i++) {
        if (fatal_signals[i].installed) {
            sigaction(fatal_signals[i].signum, &fatal_signals[i].previous, NULL);
            fatal_signals[i].installed = 0;
        }
    }
}

static void fh_fatal_handler(int signum) {
    int saved_errno = errno;
    const char *name = "???";
    for (size_t i = 0; i < FH_NFATAL; i++) {
        if (fatal_signals[i].signum == signum) {
            name = fatal_signals[i].name;
        }
    }
    if (fatal.enabled) {
        fatal.enabled = 0;
        // Put the previous handlers back first: a fault while dumping then
        // ends the process instead of looping here.
        fh_restore_fatal();
        int fd = fatal.fd;
        fh_puts(fd, "Fatal Python error: ");
        fh_puts(fd, name);
        fh_puts(fd, "\n\n");
        fh_dump(fd, fatal.all_threads, 1);
        fh_dump_extension_modules(fd);
    }
    errno = saved_errno;
    // With SA_NODEFER the previous handler (or the default action) runs now.
    raise(signum);
}

static int fh_install_fatal(void) {
    if (!alt_stack) {
        size_t size = SIGSTKSZ * 2 + 64 * 1024;
        alt_stack = malloc(size);
        if (alt_stack) {
            stack_t ss = {.ss_sp = alt_stack, .ss_size = size, .ss_flags = 0};
            if (sigaltstack(&ss, NULL) != 0) {
                free(alt_stack);
                alt_stack = NULL;
            }
        }
    }
    for (size_t i = 0; i < FH_NFATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fh_fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | (alt_stack ? SA_ONSTACK : 0);
        if (sigaction(fatal_signals[i].signum, &sa, &fatal_signals[i].previous) != 0) {
            int e = errno;
            fh_restore_fatal();
            errno = e;
            err_from_errno(e, 0, 0);
            return -1;
        }
        fatal_signals[i].installed = 1;
    }
    return 0;
}

static const char *const enable_kwnames[] = {"file", "all_threads", NULL};
static const ArgSpec enable_spec = {"enable", 0, enable_kwnames, 0, 2, 0};

FN(fh_enable) {
    Value a[2];
    if (args_unpack(&enable_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int all_threads = fh_bool_arg(a[1], 1);
    if (all_threads < 0) {
        return 0;
    }
    Value keep;
    int fd = fh_fileno(a[0], &keep);
    if (fd < 0) {
        return 0;
    }
    fatal.file = keep;
    fatal.fd = fd;
    fatal.all_threads = all_threads;
    if (!fatal.enabled) {
        if (fh_install_fatal() < 0) {
            fatal.file = 0;
            return 0;
        }
        fatal.enabled = 1;
    }
    return VAL_NONE;
}

FN(fh_disable) {
    if (method_check_args("disable", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (!fatal.enabled) {
        return VAL_FALSE;
    }
    fatal.enabled = 0;
    fh_restore_fatal();
    fatal.file = 0;
    return VAL_TRUE;
}

FN(fh_is_enabled) {
    if (method_check_args("is_enabled", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return fatal.enabled ? VAL_TRUE : VAL_FALSE;
}

// ---- dump_traceback ------------------------------------------------------------------------

FN(fh_dump_traceback) {
    Value a[2];
    static const ArgSpec spec = {"dump_traceback", 0, enable_kwnames, 0, 2, 0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int all_threads = fh_bool_arg(a[1], 1);
    if (all_threads < 0) {
        return 0;
    }
    Value keep;
    int fd = fh_fileno(a[0], &keep);
    if (fd < 0) {
        return 0;
    }
    fh_dump(fd, all_threads, 1);
    gc_keep_alive(keep);
    return VAL_NONE;
}

// ---- dump_traceback_later: a watchdog thread --------------------------------------------------

static struct {
    pthread_t thread;
    int running;                 // a thread exists (join it to stop it)
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int cancel;                  // under lock
    int fd, repeat, exit;
    struct timespec interval;
    char header[80];
    size_t header_len;
    Value file;                  // kept alive while the thread runs, or 0
} watchdog = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void *watchdog_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&watchdog.lock);
    for (;;) {
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += watchdog.interval.tv_sec;
        deadline.tv_nsec += watchdog.interval.tv_nsec;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        int r = 0;
        while (!watchdog.cancel && r != ETIMEDOUT) {
            r = pthread_cond_timedwait(&watchdog.cond, &watchdog.lock, &deadline);
        }
        if (watchdog.cancel) {
            break;
        }
        fh_write(watchdog.fd, watchdog.header, watchdog.header_len);
        fh_dump(watchdog.fd, 1, 0);
        if (watchdog.exit) {
            _exit(1);
        }
        if (!watchdog.repeat) {
            break;
        }
    }
    pthread_mutex_unlock(&watchdog.lock);
    return NULL;
}

static void watchdog_cancel(void) {
    if (!watchdog.running) {
        return;
    }
    pthread_mutex_lock(&watchdog.lock);
    watchdog.cancel = 1;
    pthread_cond_signal(&watchdog.cond);
    pthread_mutex_unlock(&watchdog.lock);
    pthread_join(watchdog.thread, NULL);
    watchdog.running = 0;
    watchdog.file = 0;
}

// "Timeout (H:MM:SS[.ffffff])!\n", as CPython's header.
static void watchdog_format_header(int64_t us) {
    int64_t sec = us / 1000000, frac = us % 1000000;
    int64_t min = sec / 60, hour = min / 60;
    sec %= 60;
    min %= 60;
    if (frac) {
        snprintf(watchdog.header, sizeof watchdog.header, "Timeout (%lld:%02lld:%02lld.%06lld)!\n",
                 (long long)hour, (long long)min, (long long)sec, (long long)frac);
    } else {
        snprintf(watchdog.header, sizeof watchdog.header, "Timeout (%lld:%02lld:%02lld)!\n",
                 (long long)hour, (long long)min, (long long)sec);
    }
    watchdog.header_len = strlen(watchdog.header);
}

static const char *const later_kwnames[] = {"timeout", "repeat", "file", "exit", NULL};
static const ArgSpec later_spec = {"dump_traceback_later", 0, later_kwnames, 1, 4, 0};

// A C int argument ("i" format): __index__, OverflowError past 32 bits.
static int fh_c_int(Value v, int *out) {
    if (float_check(v)) {
        err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    Value i = obj_index(v);
    int64_t x;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &x) < 0 || x > INT32_MAX || x < INT32_MIN) {
        err_clear();
        err_format(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

FN(fh_dump_traceback_later) {
    Value a[4];
    if (args_unpack(&later_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int repeat = 0, exit_ = 0;
    if ((a[1] && fh_c_int(a[1], &repeat) < 0) || (a[3] && fh_c_int(a[3], &exit_) < 0)) {
        return 0;
    }
    // The timeout in microseconds, rounded up (CPython's _PyTime_ROUND_TIMEOUT).
    double secs;
    if (int_check(a[0])) {
        int overflow = 0;
        secs = int_to_double(a[0], &overflow);
        if (overflow) {
            return err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
    } else if (float_check(a[0])) {
        secs = float_value(a[0]);
        if (isnan(secs)) {
            return err_format(&exc_ValueError, "Invalid value NaN (not a number)");
        }
    } else {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(a[0]));
    }
    if (fabs(secs) * 1e9 >= 9223372036854775807.0) {
        return err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    double us = ceil(secs * 1e6);
    if (us > 9223372036854775807.0 / 1000) {
        return err_format(&exc_OverflowError, "timeout value is too large");
    }
    if (us <= 0) {
        return err_format(&exc_ValueError, "timeout must be greater than 0");
    }
    Value keep;
    int fd = fh_fileno(a[2], &keep);
    if (fd < 0) {
        return 0;
    }
    watchdog_cancel();
    int64_t total = (int64_t)us;
    watchdog.fd = fd;
    watchdog.repeat = repeat != 0;
    watchdog.exit = exit_ != 0;
    watchdog.interval.tv_sec = (time_t)(total / 1000000);
    watchdog.interval.tv_nsec = (long)(total % 1000000) * 1000;
    watchdog.cancel = 0;
    watchdog_format_header(total);
    watchdog.file = keep;
    // The watchdog blocks every signal: they are the interpreter's to handle.
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int r = pthread_create(&watchdog.thread, NULL, watchdog_main, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (r != 0) {
        watchdog.file = 0;
        return err_format(&exc_RuntimeError, "unable to start watchdog thread");
    }
    watchdog.running = 1;
    return VAL_NONE;
}

FN(fh_cancel_dump_traceback_later) {
    if (method_check_args("cancel_dump_traceback_later", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    watchdog_cancel();
    return VAL_NONE;
}

// ---- register: tracebacks on user signals -----------------------------------------------------

typedef struct UserSignal {
    volatile sig_atomic_t enabled;
    int fd;
    int all_threads;
    int chain;
    struct sigaction previous;
} UserSignal;

static UserSignal user_signals[FH_NSIG];
static Value user_files;     // a list: the file each registered signal writes to, or None (a root)

static void fh_user_handler(int signum) {
    if (signum <= 0 || signum >= FH_NSIG) {
        return;
    }
    UserSignal *u = &user_signals[signum];
    if (!u->enabled) {
        return;
    }
    int saved_errno = errno;
    fh_dump(u->fd, u->all_threads, 1);
    if (u->chain) {
        // Run the previous handler too, then come back to this one.
        struct sigaction mine;
        sigaction(signum, &u->previous, &mine);
        raise(signum);
        sigaction(signum, &mine, NULL);
    }
    errno = saved_errno;
}

// CPython's check_signum: the fatal signals belong to enable().
static int fh_check_signum(int signum) {
    for (size_t i = 0; i < FH_NFATAL; i++) {
        if (fatal_signals[i].signum == signum) {
            err_format(&exc_RuntimeError, "signal %d cannot be registered, use enable() instead",
                       signum);
            return -1;
        }
    }
    if (signum < 1 || signum >= FH_NSIG) {
        err_format(&exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static const char *const register_kwnames[] = {"signum", "file", "all_threads", "chain", NULL};
static const ArgSpec register_spec = {"register", 0, register_kwnames, 1, 4, 0};

FN(fh_register) {
    Value a[4];
    if (args_unpack(&register_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int signum;
    if (fh_c_int(a[0], &signum) < 0 || fh_check_signum(signum) < 0) {
        return 0;
    }
    int all_threads = fh_bool_arg(a[2], 1);
    int chain = all_threads < 0 ? -1 : fh_bool_arg(a[3], 0);
    if (chain < 0) {
        return 0;
    }
    Value keep;
    int fd = fh_fileno(a[1], &keep);
    if (fd < 0) {
        return 0;
    }
    UserSignal *u = &user_signals[signum];
    if (!u->enabled) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fh_user_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0) | (alt_stack ? SA_ONSTACK : 0);
        if (sigaction(signum, &sa, &u->previous) != 0) {
            return err_from_errno(errno, 0, 0);
        }
    }
    u->fd = fd;
    u->all_threads = all_threads;
    u->chain = chain;
    list_obj(user_files)->items[signum] = keep ? keep : VAL_NONE;
    u->enabled = 1;
    return VAL_NONE;
}

FN(fh_unregister) {
    if (method_check_args("unregister", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int signum;
    if (fh_c_int(args[0], &signum) < 0 || fh_check_signum(signum) < 0) {
        return 0;
    }
    UserSignal *u = &user_signals[signum];
    if (!u->enabled) {
        return VAL_FALSE;
    }
    u->enabled = 0;
    sigaction(signum, &u->previous, NULL);
    list_obj(user_files)->items[signum] = VAL_NONE;
    return VAL_TRUE;
}

// ---- crash helpers for the tests (CPython's private _sigsegv & co) -----------------------------

FN(fh_sigsegv) {
    if (method_check_args("_sigsegv", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    raise(SIGSEGV);
    return VAL_NONE;
}

// A real invalid read, which the sanitizers must let through to the signal.
__attribute__((no_sanitize("address", "undefined")))
FN(fh_read_null) {
    if (method_check_args("_read_null", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    volatile int *volatile null = NULL;
    int x = *null;
    return int_from_i64(x);
}

FN(fh_sigabrt) {
    if (method_check_args("_sigabrt", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    abort();
}

FN(fh_sigfpe) {
    if (method_check_args("_sigfpe", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    raise(SIGFPE);
    return VAL_NONE;
}

// Py_FatalError's report, then abort() with the fatal handlers off (the
// report is written already).
static void fh_fatal_report(const char *func, const char *message, int current) {
    fh_puts(2, "Fatal Python error: ");
    fh_puts(2, func);
    fh_puts(2, ": ");
    fh_puts(2, message);
    fh_puts(2, "\nPython runtime state: initialized\n\n");
    fh_dump(2, 1, current);
    fh_dump_extension_modules(2);
    fatal.enabled = 0;
    fh_restore_fatal();
    abort();
}

static void fh_flush_std_streams(void) {
    const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        Value f = sys_get_object(names[i]);
        if (f && f != VAL_NONE && !obj_call_method(f, "flush", NULL, 0)) {
            err_clear();
        }
    }
}

static void *fh_fatal_thread_main(void *message) {
    fh_fatal_report("faulthandler_fatal_error_thread", (const char *)message, 0);
    return NULL;
}

// Py_FatalError from a C thread that is not the interpreter's.
FN(fh_fatal_error_c_thread) {
    if (method_check_args("_fatal_error_c_thread", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    fh_flush_std_streams();
    pthread_t thread;
    if (pthread_create(&thread, NULL, fh_fatal_thread_main, (void *)"in new thread") != 0) {
        return err_format(&exc_RuntimeError, "unable to start the thread");
    }
    pthread_join(thread, NULL);
    return VAL_NONE;
}

// ---- the module ----------------------------------------------------------------------------------

static const MethodDef faulthandler_functions[] = {
    {"enable", fh_enable, METH_DEFAULT, "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {"disable", fh_disable, METH_DEFAULT, "disable(): disable the fault handler"},
    {"is_enabled", fh_is_enabled, METH_DEFAULT, "is_enabled()->bool: check if the handler is enabled"},
    {"dump_traceback", fh_dump_traceback, METH_DEFAULT,
     "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, "
     "or of all threads if all_threads is True, into file"},
    {"dump_traceback_later", fh_dump_traceback_later, METH_DEFAULT,
     "dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False):\n"
     "dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later, METH_DEFAULT,
     "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {"register", fh_register, METH_DEFAULT,
     "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for "
     "the signal 'signum': dump the traceback of the current thread, or of all threads if "
     "all_threads is True, into file"},
    {"unregister", fh_unregister, METH_DEFAULT,
     "unregister(signum): unregister the handler of the signal 'signum' registered by register()"},
    {"_sigsegv", fh_sigsegv, METH_DEFAULT, "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {"_read_null", fh_read_null, METH_DEFAULT, "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform"},
    {"_sigabrt", fh_sigabrt, METH_DEFAULT, "_sigabrt(): raise a SIGABRT signal"},
    {"_sigfpe", fh_sigfpe, METH_DEFAULT, "_sigfpe(): raise a SIGFPE signal"},
    {"_fatal_error_c_thread", fh_fatal_error_c_thread, METH_DEFAULT,
     "fatal_error_c_thread(): call Py_FatalError() in a new C thread."},
    {NULL, NULL, 0, NULL},
};

Value faulthandler_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    fh_main_thread = pthread_self();
    // The watchdog's deadlines are on the monotonic clock.
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0 ||
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) != 0 ||
        pthread_cond_init(&watchdog.cond, &attr) != 0) {
        return err_format(&exc_RuntimeError, "faulthandler: cannot make the watchdog's condition");
    }
    pthread_condattr_destroy(&attr);
    user_files = list_new(FH_NSIG);
    if (!user_files) {
        return 0;
    }
    for (int i = 0; i < FH_NSIG; i++) {
        list_obj(user_files)->items[i] = VAL_NONE;
    }
    list_obj(user_files)->len = FH_NSIG;
    gc_add_root(&user_files);
    Value modules = sys_modules_dict();
    Value sys_module = modules ? dict_get_cstr(modules, "sys") : 0;
    if (sys_module && module_check(sys_module)) {
        fh_sys_dict = module_dict(sys_module);
        gc_add_root(&fh_sys_dict);
    }
    err_clear();
    gc_add_root(&fatal.file);
    gc_add_root(&watchdog.file);
    Value m = module_new_cstr("faulthandler");
    if (!m || module_add_functions(m, faulthandler_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("faulthandler module.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
