// posixsubprocessmodule.c - the `_posixsubprocess` module: fork_exec, the
// one call subprocess.Popen makes to start a child on POSIX.
//
// The contract with Lib/subprocess.py (3.11, 23 positional arguments):
//  - every argument is converted in the parent, before fork(): argv through
//    the file system encoding, the executable list and the environment as
//    bytes, the descriptors as C ints. The child only makes system calls
//    (and, with preexec_fn, runs that one Python callable).
//  - the child reports a failure before or at exec() on errpipe_write as
//    "OSError:<errno in hex>:" - followed by "noexec" when it failed before
//    reaching preexec_fn (a bad cwd: the parent then names cwd, not the
//    program, in the error) - or "SubprocessError:0:<message>" when
//    preexec_fn raised. The parent's subprocess.py turns that into
//    FileNotFoundError(2, 'No such file or directory', 'prog') and so on.
//  - a successful exec closes errpipe_write (it is close-on-exec), so the
//    parent reads EOF.
// With preexec_fn the fork hooks of os.register_at_fork run, as CPython's
// PyOS_BeforeFork / PyOS_AfterFork_* calls do; without it they do not.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// Everything the child needs, converted before fork().
typedef struct ForkExec {
    char **argv;          // NULL when args was None
    char **exec_list;     // the candidate paths of the program
    char **envp;          // NULL: keep the parent's environment
    const char *cwd;      // NULL: stay
    int *keep;            // fds_to_keep, sorted ascending
    size_t nkeep;
    int close_fds;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite;
    int errpipe_read, errpipe_write;
    int restore_signals, call_setsid;
    pid_t pgid_to_set;
    int have_gid, have_uid, have_groups;
    gid_t gid;
    uid_t uid;
    gid_t *groups;
    size_t ngroups;
    int child_umask;
    Value preexec_fn;     // None or a callable
} ForkExec;

// ---- converting the arguments ------------------------------------------------------------

// A C int argument ("'str' object cannot be interpreted as an integer").
static int c_int(Value v, int *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    if (x > INT32_MAX || x < INT32_MIN) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// PyUnicode_FSConverter: str (encoded), bytes, or os.PathLike; no NULs.
static Value fs_convert(Value v) {
    Value s = v;
    if (!val_is_str(s) && !val_is_bytes(s)) {
        Value fspath = obj_lookup_special(v, str_intern_cstr("__fspath__"));
        if (!fspath) {
            return err_occurred() ? 0
                                  : err_format(&exc_TypeError,
                                               "expected str, bytes or os.PathLike object, not %s",
                                               obj_type_name(v));
        }
        s = obj_call0(fspath);
        if (!s) {
            return 0;
        }
        if (!val_is_str(s) && !val_is_bytes(s)) {
            return err_format(&exc_TypeError,
                              "expected %s.__fspath__() to return str or bytes, not %s",
                              obj_type_name(v), obj_type_name(s));
        }
    }
    if (val_is_str(s)) {
        s = codec_encode(s, "utf-8", "surrogateescape");
        if (!s) {
            return 0;
        }
    }
    if (memchr(bytes_data(s), 0, bytes_len(s))) {
        return err_format(&exc_ValueError, "embedded null byte");
    }
    return s;
}

// A NULL-terminated array of the data of `seq`'s items, each converted by
// `convert` (fs_convert, or bytes only) and kept alive in `keep`.
static char **cstr_array(Value seq, Value keep, int fs) {
    int64_t n = obj_len(seq);
    if (n < 0) {
        return NULL;
    }
    char **out = calloc((size_t)n + 1, sizeof(char *));
    if (!out) {
        err_no_memory();
        return NULL;
    }
    for (int64_t i = 0; i < n; i++) {
        Value item = obj_getitem(seq, val_from_smallint(i));
        Value b = 0;
        if (item && fs) {
            b = fs_convert(item);
        } else if (item && !val_is_bytes(item)) {
            err_format(&exc_TypeError, "expected bytes, %s found", obj_type_name(item));
        } else if (item) {
            b = item;
            if (memchr(bytes_data(b), 0, bytes_len(b))) {
                b = err_format(&exc_ValueError, "embedded null byte");
            }
        }
        if (!b || list_append(keep, b) < 0) {
            free(out);
            return NULL;
        }
        out[i] = (char *)bytes_data(b);
    }
    return out;
}

// fds_to_keep: a tuple of ascending non-negative ints.
static int keep_fds(Value t, ForkExec *fe) {
    size_t n = tuple_obj(t)->len;
    fe->keep = calloc(n + 1, sizeof(int));
    if (!fe->keep) {
        err_no_memory();
        return -1;
    }
    fe->nkeep = n;
    int64_t prev = -1;
    for (size_t i = 0; i < n; i++) {
        Value v = tuple_obj(t)->items[i];
        int64_t fd;
        if (!int_check(v) || int_to_i64(v, &fd) < 0 || fd < 0 || fd <= prev || fd > INT32_MAX) {
            err_clear();
            err_format(&exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        fe->keep[i] = (int)fd;
        prev = fd;
    }
    return 0;
}

// An id argument (gid, uid): an int, or None for "unchanged".
static int id_arg(Value v, const char *what, int *have, unsigned *out) {
    if (v == VAL_NONE) {
        *have = 0;
        return 0;
    }
    if (!int_check(v)) {
        err_format(&exc_TypeError, "%s should be integer, not %s", what, obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (int_to_i64(v, &x) < 0 || x < -1 || x > (int64_t)UINT32_MAX) {
        err_clear();
        err_format(&exc_OverflowError, "%s is greater than maximum", what);
        return -1;
    }
    *have = 1;
    *out = (unsigned)x;
    return 0;
}

static int groups_arg(Value v, ForkExec *fe) {
    if (v == VAL_NONE) {
        return 0;
    }
    if (!list_check(v)) {
        err_format(&exc_TypeError, "setgroups argument must be a list");
        return -1;
    }
    size_t n = list_obj(v)->len;
    fe->groups = calloc(n + 1, sizeof(gid_t));
    if (!fe->groups) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < n && i < list_obj(v)->len; i++) {
        int have;
        unsigned g;
        if (id_arg(list_obj(v)->items[i], "gid", &have, &g) < 0) {
            return -1;
        }
        fe->groups[i] = g;
    }
    fe->have_groups = 1;
    fe->ngroups = n;
    return 0;
}

// ---- the child ----------------------------------------------------------------------------

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static int set_inheritable(int fd, int inheritable) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return -1;
    }
    int want = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    return want == flags ? 0 : fcntl(fd, F_SETFD, want);
}

// Close every descriptor from 3 up, except the ones to keep (sorted).
static void close_open_fds(const ForkExec *fe) {
    unsigned lo = 3;
    for (size_t i = 0; i <= fe->nkeep; i++) {
        unsigned hi = i < fe->nkeep ? (unsigned)fe->keep[i] : ~0u;
        if (hi < lo) {
            continue;
        }
        if (hi > lo && close_range(lo, hi - 1, 0) < 0) {
            // An old kernel: close them one by one up to the limit.
            long max = sysconf(_SC_OPEN_MAX);
            unsigned top = hi == ~0u ? (unsigned)(max > 0 ? max : 1024) : hi;
            for (unsigned fd = lo; fd < top; fd++) {
                close((int)fd);
            }
        }
        lo = hi + 1;
        if (hi == ~0u) {
            break;
        }
    }
}

#define CHILD_CALL(call) \
    do {                 \
        if ((call) < 0) { \
            goto error;  \
        }                \
    } while (0)

static void child_exec(ForkExec *fe) {
    int reached_preexec = 0;
    const char *err_msg = "";
    errno = 0;
    for (size_t i = 0; i < fe->nkeep; i++) {
        if (fe->keep[i] != fe->errpipe_write) {
            CHILD_CALL(set_inheritable(fe->keep[i], 1));
        }
    }
    int p2cread = fe->p2cread, c2pwrite = fe->c2pwrite, errwrite = fe->errwrite;
    if (fe->p2cwrite != -1) {
        close(fe->p2cwrite);
    }
    if (fe->c2pread != -1) {
        close(fe->c2pread);
    }
    if (fe->errread != -1) {
        close(fe->errread);
    }
    close(fe->errpipe_read);
    // Move the child's ends out of the way of the standard descriptors they
    // are about to replace.
    if (c2pwrite == 0) {
        CHILD_CALL(c2pwrite = dup(c2pwrite));
        CHILD_CALL(set_inheritable(c2pwrite, 0));
    }
    while (errwrite == 0 || errwrite == 1) {
        CHILD_CALL(errwrite = dup(errwrite));
        CHILD_CALL(set_inheritable(errwrite, 0));
    }
    const int ends[3] = {p2cread, c2pwrite, errwrite};
    for (int target = 0; target < 3; target++) {
        if (ends[target] == target) {
            CHILD_CALL(set_inheritable(target, 1));
        } else if (ends[target] != -1) {
            CHILD_CALL(dup2(ends[target], target));
        }
    }
    if (fe->cwd) {
        CHILD_CALL(chdir(fe->cwd));
    }
    if (fe->child_umask >= 0) {
        umask((mode_t)fe->child_umask);
    }
    if (fe->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (fe->call_setsid) {
        CHILD_CALL(setsid());
    }
    if (fe->pgid_to_set >= 0) {
        CHILD_CALL(setpgid(0, fe->pgid_to_set));
    }
    if (fe->have_groups) {
        CHILD_CALL(setgroups(fe->ngroups, fe->groups));
    }
    if (fe->have_gid) {
        CHILD_CALL(setregid(fe->gid, fe->gid));
    }
    if (fe->have_uid) {
        CHILD_CALL(setreuid(fe->uid, fe->uid));
    }
    reached_preexec = 1;
    if (fe->preexec_fn != VAL_NONE) {
        posix_run_fork_hooks(1);
        if (!obj_call0(fe->preexec_fn)) {
            err_clear();
            err_msg = "Exception occurred in preexec_fn.";
            errno = 0;
            goto error;
        }
    }
    if (fe->close_fds) {
        close_open_fds(fe);
    }
    // Try each candidate path; the first error that is not "no such file"
    // is the one reported (as execvpe does).
    int saved = 0;
    char *no_args[1] = {NULL};  // args=None: an empty argv (execv's argv must not be NULL)
    char **argv = fe->argv ? fe->argv : no_args;
    for (char **path = fe->exec_list; *path; path++) {
        if (fe->envp) {
            execve(*path, argv, fe->envp);
        } else {
            execv(*path, argv);
        }
        if (errno != ENOENT && errno != ENOTDIR && saved == 0) {
            saved = errno;
        }
    }
    if (saved) {
        errno = saved;
    }
error:;
    int err = errno;
    if (err) {
        char hex[2 * sizeof(int) + 1];
        char *cur = hex + sizeof(hex);
        while (err != 0 && cur != hex) {
            *--cur = "0123456789abcdef"[err % 16];
            err /= 16;
        }
        write_all(fe->errpipe_write, "OSError:", 8);
        write_all(fe->errpipe_write, cur, (size_t)(hex + sizeof(hex) - cur));
        write_all(fe->errpipe_write, ":", 1);
        if (!reached_preexec) {
            write_all(fe->errpipe_write, "noexec", 6);
        }
    } else {
        write_all(fe->errpipe_write, "SubprocessError:0:", 18);
        write_all(fe->errpipe_write, err_msg, strlen(err_msg));
    }
}

// ---- fork_exec ---------------------------------------------------------------------------

static void fork_exec_free(ForkExec *fe) {
    free(fe->argv);
    free(fe->exec_list);
    free(fe->envp);
    free(fe->keep);
    free(fe->groups);
}

static int fork_exec_convert(ForkExec *fe, const Value *a, Value keep) {
    if (!tuple_check(a[3])) {
        err_format(&exc_TypeError, "fork_exec() argument 4 must be tuple, not %s",
                   obj_type_name(a[3]));
        return -1;
    }
    int ints[8];
    fe->close_fds = obj_truthy(a[2]);
    if (fe->close_fds < 0 || keep_fds(a[3], fe) < 0) {
        return -1;
    }
    for (int i = 0; i < 8; i++) {
        if (c_int(a[6 + i], &ints[i]) < 0) {
            return -1;
        }
    }
    fe->p2cread = ints[0];
    fe->p2cwrite = ints[1];
    fe->c2pread = ints[2];
    fe->c2pwrite = ints[3];
    fe->errread = ints[4];
    fe->errwrite = ints[5];
    fe->errpipe_read = ints[6];
    fe->errpipe_write = ints[7];
    fe->restore_signals = obj_truthy(a[14]);
    fe->call_setsid = obj_truthy(a[15]);
    int pgid;
    if (fe->restore_signals < 0 || fe->call_setsid < 0 || c_int(a[16], &pgid) < 0) {
        return -1;
    }
    fe->pgid_to_set = pgid;
    unsigned id;
    if (id_arg(a[17], "gid", &fe->have_gid, &id) < 0) {
        return -1;
    }
    fe->gid = id;
    if (groups_arg(a[18], fe) < 0 || id_arg(a[19], "uid", &fe->have_uid, &id) < 0) {
        return -1;
    }
    fe->uid = id;
    if (c_int(a[20], &fe->child_umask) < 0 || obj_truthy(a[22]) < 0) {
        return -1;
    }
    fe->preexec_fn = a[21];
    if (fe->close_fds && fe->errpipe_write < 3) {
        err_format(&exc_ValueError, "errpipe_write must be >= 3");
        return -1;
    }
    if (a[0] != VAL_NONE) {
        if (!list_check(a[0]) && !tuple_check(a[0])) {
            err_format(&exc_TypeError, "argv must be a tuple");
            return -1;
        }
        Value argv = tuple_from_iterable(a[0]);
        if (!argv || list_append(keep, argv) < 0 || !(fe->argv = cstr_array(argv, keep, 1))) {
            return -1;
        }
    }
    if (!(fe->exec_list = cstr_array(a[1], keep, 0))) {
        return -1;
    }
    if (a[4] != VAL_NONE) {
        Value cwd = fs_convert(a[4]);
        if (!cwd || list_append(keep, cwd) < 0) {
            return -1;
        }
        fe->cwd = bytes_data(cwd);
    }
    if (a[5] != VAL_NONE && !(fe->envp = cstr_array(a[5], keep, 0))) {
        return -1;
    }
    return 0;
}

FN(posixsubprocess_fork_exec) {
    if (args_no_keywords("fork_exec", kwnames) < 0) {
        return 0;
    }
    if (nargs != 23) {
        return err_format(&exc_TypeError, "fork_exec() takes exactly 23 arguments (%zu given)",
                          nargs);
    }
    ForkExec fe = {0};
    Value keep = list_new(0);  // the converted bytes the C arrays point into
    if (!keep || fork_exec_convert(&fe, args, keep) < 0) {
        fork_exec_free(&fe);
        return 0;
    }
    int with_hooks = fe.preexec_fn != VAL_NONE;
    if (with_hooks) {
        posix_run_fork_hooks(0);
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        child_exec(&fe);
        _exit(255);
    }
    int saved = errno;
    if (with_hooks && pid > 0) {
        posix_run_fork_hooks(2);
    }
    gc_keep_alive(keep);
    fork_exec_free(&fe);
    if (pid < 0) {
        return err_from_errno(saved, 0, 0);
    }
    return val_from_smallint(pid);
}

static const MethodDef posixsubprocess_functions[] = {
    {"fork_exec", posixsubprocess_fork_exec, METH_DEFAULT,
     "Spawn a fresh new child process."},
    {NULL, NULL, 0, NULL},
};

Value posixsubprocess_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_posixsubprocess");
    if (!m || module_add_functions(m, posixsubprocess_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("A POSIX helper for the subprocess module.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
