// posixmodule.c - the `posix` module: the operating system calls os.py
// wraps (files and descriptors, directories, processes, the environment).
//
// What the standard library's os, shutil, tempfile, pathlib and subprocess
// need, with CPython 3.11's argument rules and errors:
//  - a path argument is a str (encoded as UTF-8 with surrogateescape, the
//    file system encoding), bytes, or an os.PathLike; some functions also
//    take an open descriptor (an int) or None. Functions that return names
//    (listdir, readlink, scandir, getcwd) return bytes for bytes arguments.
//  - a failing call raises OSError(errno, strerror, filename[, None,
//    filename2]) through err_from_errno, which picks the subclass
//    (FileNotFoundError...), with the argument object as the filename.
//  - dir_fd and follow_symlinks go to the *at() calls; _have_functions
//    lists exactly the HAVE_* features implemented here, since os.py builds
//    supports_dir_fd / supports_fd / supports_follow_symlinks from it.
// Functions of CPython's module that are missing here are absent (an
// AttributeError), never stubs.
#define _GNU_SOURCE  // pipe2, dup3, O_PATH, O_TMPFILE...
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pty.h>
#include <sched.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/xattr.h>
#include <sysexits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
#include "modules.h"

extern char **environ;

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- bytes-like arguments ----------------------------------------------------------

int modules_get_buffer(Value v, const char **data, size_t *len) {
    Buffer view;
    if (buffer_get_bytes_like(v, &view) < 0) {
        return -1;
    }
    // The window closes at once: callers are done with the bytes before any
    // Python code can run (and resize a bytearray).
    *data = view.buf;
    *len = (size_t)view.len;
    buffer_release(&view);
    return 0;
}

// ---- integer arguments -------------------------------------------------------------

static int int_arg(Value v, int64_t *out) {
    if (type_of(v) == &type_float) {
        err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    return obj_as_int64(v, out);
}

static int int_arg_c(Value v, int *out) {
    int64_t i;
    if (int_arg(v, &i) < 0) {
        return -1;
    }
    if (i > INT32_MAX) {
        err_format(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (i < INT32_MIN) {
        err_format(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)i;
    return 0;
}

// A file descriptor argument: an int (or __index__), as CPython's
// _PyLong_FileDescriptor_Converter.
static int fd_arg(Value v, int *fd) {
    if (int_arg_c(v, fd) < 0) {
        return -1;
    }
    return 0;
}

// dir_fd=None (AT_FDCWD) or a descriptor.
static int dir_fd_arg(Value v, int *fd) {
    *fd = AT_FDCWD;
    if (!v || v == VAL_NONE) {
        return 0;
    }
    if (!int_check(v) && !obj_lookup_special(v, str_intern_cstr("__index__"))) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "argument should be integer or None, not %s",
                       obj_type_name(v));
        }
        return -1;
    }
    return fd_arg(v, fd);
}

static int bool_arg(Value v, int dflt) {
    return v ? obj_truthy(v) : dflt;
}

// ---- path arguments ----------------------------------------------------------------

typedef struct PathArg {
    const char *fname;     // the function, for messages ("stat")
    const char *argname;   // "path", "src", "dst"
    int nullable;          // None means the current directory
    int allow_fd;          // an int is an open descriptor
    Value object;          // the argument as given (the OSError's filename)
    Value encoded;         // the bytes passed to the system (0 for an fd or None)
    const char *path;      // its data, or NULL
    int fd;                // -1 unless an fd was given
    int is_bytes;          // results that are names come back as bytes
} PathArg;

#define PATH_ARG(f, a, null, fd) \
    {.fname = (f), .argname = (a), .nullable = (null), .allow_fd = (fd)}

static Value fs_encode(Value s) {
    return codec_encode(s, "utf-8", "surrogateescape");
}

static Value fs_decode(const char *p, size_t n) {
    return codec_decode(0, p, n, "utf-8", "surrogateescape");
}

// A name from the system, as str, or as bytes when `as_bytes`.
static Value fs_name(const char *p, size_t n, int as_bytes) {
    return as_bytes ? bytes_from(p, n) : fs_decode(p, n);
}

static const char *path_kinds(PathArg *p) {
    return p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
           : p->allow_fd              ? "string, bytes, os.PathLike or integer"
           : p->nullable              ? "string, bytes, os.PathLike or None"
                                      : "string, bytes or os.PathLike";
}

static int path_type_error(PathArg *p, Value v) {
    err_format(&exc_TypeError, "%s: %s should be %s, not %s", p->fname, p->argname,
               path_kinds(p), obj_type_name(v));
    return -1;
}

// os.fspath(v) for str, bytes and PathLike, else 0 with no exception (the
// caller words the TypeError), or 0 with one if __fspath__ failed.
static Value fspath_of(Value v) {
    if (val_is_str(v) || val_is_bytes(v)) {
        return v;
    }
    Value fspath = obj_lookup_special(v, str_intern_cstr("__fspath__"));
    if (!fspath) {
        return 0;
    }
    Value r = obj_call0(fspath);
    if (r && !val_is_str(r) && !val_is_bytes(r)) {
        return err_format(&exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                          obj_type_name(v), obj_type_name(r));
    }
    return r;
}

static int path_convert(PathArg *p, Value v) {
    p->object = v ? v : VAL_NONE;
    p->encoded = 0;
    p->path = NULL;
    p->fd = -1;
    p->is_bytes = 0;
    if (!v || (v == VAL_NONE && p->nullable)) {
        p->path = ".";
        return 0;
    }
    if (p->allow_fd && int_check(v)) {
        return fd_arg(v, &p->fd);
    }
    Value s = fspath_of(v);
    if (!s && !err_occurred() && buffer_check(v)) {
        // A bytes-like object other than bytes: still accepted, deprecated.
        if (err_warn(&exc_DeprecationWarning, 1, "%s: %s should be %s, not %s", p->fname,
                     p->argname, path_kinds(p), obj_type_name(v)) < 0) {
            return -1;
        }
        Buffer view;
        if (buffer_get_bytes_like(v, &view) < 0) {
            return -1;
        }
        s = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
    }
    if (!s) {
        return err_occurred() ? -1 : path_type_error(p, v);
    }
    if (val_is_str(s)) {
        if (memchr(str_obj(s)->data, 0, str_obj(s)->nbytes)) {
            err_format(&exc_ValueError, "embedded null byte");
            return -1;
        }
        p->encoded = fs_encode(s);
        if (!p->encoded) {
            return -1;
        }
    } else {
        p->is_bytes = 1;
        p->encoded = s;
        if (memchr(bytes_data(s), 0, bytes_len(s))) {
            err_format(&exc_ValueError, "%s: embedded null character in %s", p->fname, p->argname);
            return -1;
        }
    }
    p->path = bytes_data(p->encoded);
    return 0;
}

static Value path_error(PathArg *p) {
    return err_from_errno(errno, p->object, 0);
}

static Value path_error2(PathArg *a, PathArg *b) {
    return err_from_errno(errno, a->object, b->object);
}

static Value posix_error(void) {
    return err_from_errno(errno, 0, 0);
}

// ---- stat ----------------------------------------------------------------------------

static Type type_stat_result;
static const char *const stat_result_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    NULL, NULL, NULL,  // the int times, by index only
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev",
};
enum { STAT_NFIELDS = 19, STAT_NVISIBLE = 10 };

static Value ns_of(const struct timespec *ts) {
    // seconds * 10**9 + nanoseconds may not fit 63 bits: compute as ints.
    Value s = int_from_i64((int64_t)ts->tv_sec);
    Value billion = int_from_i64(1000000000);
    Value r = s ? obj_binop(s, billion, BINOP_MUL) : 0;
    return r ? obj_binop(r, int_from_i64(ts->tv_nsec), BINOP_ADD) : 0;
}

static Value stat_result_from(const struct stat *st) {
    Value items[STAT_NFIELDS];
    const struct timespec *times[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    items[0] = int_from_i64(st->st_mode);
    items[1] = int_from_u64(st->st_ino);
    items[2] = int_from_u64(st->st_dev);
    items[3] = int_from_u64(st->st_nlink);
    items[4] = int_from_i64(st->st_uid);
    items[5] = int_from_i64(st->st_gid);
    items[6] = int_from_i64(st->st_size);
    for (int i = 0; i < 3; i++) {
        items[7 + i] = int_from_i64((int64_t)times[i]->tv_sec);
        items[10 + i] = float_from_double((double)times[i]->tv_sec + times[i]->tv_nsec * 1e-9);
        items[13 + i] = ns_of(times[i]);
        if (!items[13 + i]) {
            return 0;
        }
    }
    items[16] = int_from_i64(st->st_blksize);
    items[17] = int_from_i64(st->st_blocks);
    items[18] = int_from_u64(st->st_rdev);
    for (int i = 0; i < STAT_NFIELDS; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_stat_result, items);
}

// stat_result(seq): st_atime etc. default to the int times when not given.
static CallFunc structseq_generic_new;
static Value stat_result_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value r = structseq_generic_new(type, args, nargs, kwnames);
    if (!r) {
        return 0;
    }
    TupleObject *t = tuple_obj(r);
    for (int i = 0; i < 3; i++) {
        if (t->items[10 + i] == VAL_NONE) {
            t->items[10 + i] = t->items[7 + i];
        }
    }
    return r;
}

static Value do_stat(PathArg *p, int dir_fd, int follow) {
    struct stat st;
    int r;
    if (p->fd >= 0) {
        r = fstat(p->fd, &st);
    } else {
        r = fstatat(dir_fd, p->path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    if (r < 0) {
        return path_error(p);
    }
    return stat_result_from(&st);
}

static const char *const stat_names[] = {"path", "dir_fd", "follow_symlinks", NULL};

FN(posix_stat) {
    ArgSpec spec = {"stat", 0, stat_names, 1, 1, 0};
    Value a[3];
    PathArg p = PATH_ARG("stat", "path", 0, 1);
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        dir_fd_arg(a[1], &dir_fd) < 0) {
        return 0;
    }
    int follow = bool_arg(a[2], 1);
    return follow < 0 ? 0 : do_stat(&p, dir_fd, follow);
}

FN(posix_lstat) {
    static const char *const names[] = {"path", "dir_fd", NULL};
    ArgSpec spec = {"lstat", 0, names, 1, 1, 0};
    Value a[2];
    PathArg p = PATH_ARG("lstat", "path", 0, 0);
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        dir_fd_arg(a[1], &dir_fd) < 0) {
        return 0;
    }
    return do_stat(&p, dir_fd, 0);
}

FN(posix_fstat) {
    static const char *const names[] = {"fd", NULL};
    ArgSpec spec = {"fstat", 0, names, 1, 1, 0};
    Value a[1];
    int fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0) {
        return 0;
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        return posix_error();
    }
    return stat_result_from(&st);
}

// ---- descriptors -----------------------------------------------------------------------

FN(posix_open) {
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    ArgSpec spec = {"open", 0, names, 2, 3, 0};
    Value a[4];
    PathArg p = PATH_ARG("open", "path", 0, 0);
    int flags, mode = 0777, dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        int_arg_c(a[1], &flags) < 0 || (a[2] && int_arg_c(a[2], &mode) < 0) ||
        dir_fd_arg(a[3], &dir_fd) < 0) {
        return 0;
    }
    int fd;
    RETRY_EINTR(fd, openat(dir_fd, p.path, flags | O_CLOEXEC, mode));
    if (fd < 0) {
        return err_occurred() ? 0 : path_error(&p);
    }
    return val_from_smallint(fd);
}

// f(fd) -> None for the calls that only take a descriptor.
static Value fd_call(const char *fname, const Value *args, size_t nargs, Value kwnames,
                     int (*call)(int)) {
    static const char *const names[] = {"fd", NULL};
    ArgSpec spec = {fname, 0, names, 1, 1, 0};
    Value a[1];
    int fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0) {
        return 0;
    }
    if (call(fd) < 0) {
        return posix_error();
    }
    return VAL_NONE;
}

FN(posix_close) { return fd_call("close", args, nargs, kwnames, close); }
FN(posix_fsync) {
    if (nargs == 1 && !int_check(args[0]) && !args_nkw(kwnames)) {
        // fsync(f) also takes an object with fileno().
        Value fileno = obj_getattr_opt(args[0], str_intern_cstr("fileno"));
        if (fileno) {
            Value fd = obj_call0(fileno);
            return fd ? fd_call("fsync", &fd, 1, 0, fsync) : 0;
        }
    }
    return fd_call("fsync", args, nargs, kwnames, fsync);
}
FN(posix_fdatasync) { return fd_call("fdatasync", args, nargs, kwnames, fdatasync); }
FN(posix_fchdir) { return fd_call("fchdir", args, nargs, kwnames, fchdir); }

FN(posix_closerange) {
    if (args_check_positional("closerange", nargs, 2, 2) < 0 ||
        args_no_keywords("closerange", kwnames) < 0) {
        return 0;
    }
    int lo, hi;
    if (int_arg_c(args[0], &lo) < 0 || int_arg_c(args[1], &hi) < 0) {
        return 0;
    }
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) {
        close(fd);
    }
    return VAL_NONE;
}

FN(posix_read) {
    if (args_check_positional("read", nargs, 2, 2) < 0 || args_no_keywords("read", kwnames) < 0) {
        return 0;
    }
    int fd;
    int64_t n;
    if (fd_arg(args[0], &fd) < 0 || int_arg(args[1], &n) < 0) {
        return 0;
    }
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) {
        return 0;
    }
    ssize_t r;
    RETRY_EINTR_BLOCKING(r, read(fd, b->data, (size_t)n));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return bytes_from(b->data, (size_t)r);
}

FN(posix_write) {
    if (args_check_positional("write", nargs, 2, 2) < 0 ||
        args_no_keywords("write", kwnames) < 0) {
        return 0;
    }
    int fd;
    Buffer view;
    if (fd_arg(args[0], &fd) < 0 || buffer_get_bytes_like(args[1], &view) < 0) {
        return 0;
    }
    // The export stays open while a signal handler may run between retries.
    ssize_t r;
    RETRY_EINTR_BLOCKING(r, write(fd, view.buf, (size_t)view.len));
    int saved = errno;
    buffer_release(&view);
    if (r < 0) {
        errno = saved;
        return err_occurred() ? 0 : posix_error();
    }
    return int_from_i64(r);
}

FN(posix_lseek) {
    if (args_check_positional("lseek", nargs, 3, 3) < 0 ||
        args_no_keywords("lseek", kwnames) < 0) {
        return 0;
    }
    int fd, how;
    int64_t pos;
    if (fd_arg(args[0], &fd) < 0 || int_arg(args[1], &pos) < 0 || int_arg_c(args[2], &how) < 0) {
        return 0;
    }
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) {
        return posix_error();
    }
    return int_from_i64(r);
}

FN(posix_ftruncate) {
    if (args_check_positional("ftruncate", nargs, 2, 2) < 0 ||
        args_no_keywords("ftruncate", kwnames) < 0) {
        return 0;
    }
    int fd;
    int64_t len;
    if (fd_arg(args[0], &fd) < 0 || int_arg(args[1], &len) < 0) {
        return 0;
    }
    if (ftruncate(fd, (off_t)len) < 0) {
        return posix_error();
    }
    return VAL_NONE;
}

FN(posix_truncate) {
    static const char *const names[] = {"path", "length", NULL};
    ArgSpec spec = {"truncate", 0, names, 2, 2, 0};
    Value a[2];
    PathArg p = PATH_ARG("truncate", "path", 0, 1);
    int64_t len;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        int_arg(a[1], &len) < 0) {
        return 0;
    }
    int r = p.fd >= 0 ? ftruncate(p.fd, (off_t)len) : truncate(p.path, (off_t)len);
    return r < 0 ? path_error(&p) : VAL_NONE;
}

FN(posix_dup) {
    if (args_check_positional("dup", nargs, 1, 1) < 0 || args_no_keywords("dup", kwnames) < 0) {
        return 0;
    }
    int fd;
    if (fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? posix_error() : val_from_smallint(r);
}

FN(posix_dup2) {
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    ArgSpec spec = {"dup2", 0, names, 2, 3, 0};
    Value a[3];
    int fd, fd2;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0 ||
        fd_arg(a[1], &fd2) < 0) {
        return 0;
    }
    int inheritable = bool_arg(a[2], 1);
    if (inheritable < 0) {
        return 0;
    }
    int r = inheritable || fd == fd2 ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    return r < 0 ? posix_error() : val_from_smallint(r);
}

FN(posix_pipe) {
    if (method_check_args("pipe", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        return posix_error();
    }
    return tuple_pack2(val_from_smallint(fds[0]), val_from_smallint(fds[1]));
}

// openpty() -> (master_fd, slave_fd), both non-inheritable.
FN(posix_openpty) {
    if (method_check_args("openpty", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    int fds[2];
    if (openpty(&fds[0], &fds[1], NULL, NULL, NULL) < 0) {
        return posix_error();
    }
    for (int i = 0; i < 2; i++) {
        int flags = fcntl(fds[i], F_GETFD);
        if (flags < 0 || fcntl(fds[i], F_SETFD, flags | FD_CLOEXEC) < 0) {
            int saved = errno;
            close(fds[0]);
            close(fds[1]);
            return err_from_errno(saved, 0, 0);
        }
    }
    return tuple_pack2(val_from_smallint(fds[0]), val_from_smallint(fds[1]));
}

FN(posix_isatty) {
    if (args_check_positional("isatty", nargs, 1, 1) < 0 ||
        args_no_keywords("isatty", kwnames) < 0) {
        return 0;
    }
    int fd;
    if (fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    return val_bool(isatty(fd));
}

FN(posix_get_inheritable) {
    int fd;
    if (args_check_positional("get_inheritable", nargs, 1, 1) < 0 || fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    int flags = fcntl(fd, F_GETFD);
    return flags < 0 ? posix_error() : val_bool(!(flags & FD_CLOEXEC));
}

FN(posix_set_inheritable) {
    int fd;
    if (args_check_positional("set_inheritable", nargs, 2, 2) < 0 || fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    int on = obj_truthy(args[1]);
    int flags = on < 0 ? 0 : fcntl(fd, F_GETFD);
    if (on < 0) {
        return 0;
    }
    if (flags < 0 || fcntl(fd, F_SETFD, on ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC) < 0) {
        return posix_error();
    }
    return VAL_NONE;
}

FN(posix_get_blocking) {
    int fd;
    if (args_check_positional("get_blocking", nargs, 1, 1) < 0 || fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    int flags = fcntl(fd, F_GETFL);
    return flags < 0 ? posix_error() : val_bool(!(flags & O_NONBLOCK));
}

FN(posix_set_blocking) {
    int fd;
    if (args_check_positional("set_blocking", nargs, 2, 2) < 0 || fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    int on = obj_truthy(args[1]);
    int flags = on < 0 ? 0 : fcntl(fd, F_GETFL);
    if (on < 0) {
        return 0;
    }
    if (flags < 0 || fcntl(fd, F_SETFL, on ? flags & ~O_NONBLOCK : flags | O_NONBLOCK) < 0) {
        return posix_error();
    }
    return VAL_NONE;
}

FN(posix_device_encoding) {
    static const char *const names[] = {"fd", NULL};
    ArgSpec spec = {"device_encoding", 0, names, 1, 1, 0};
    Value a[1];
    int fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0) {
        return 0;
    }
    // krait's locale is always UTF-8.
    return isatty(fd) ? str_from_cstr("UTF-8") : VAL_NONE;
}

// ---- the current directory and directories ------------------------------------------------

static Value getcwd_as(int as_bytes) {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) {
        return posix_error();
    }
    return fs_name(buf, strlen(buf), as_bytes);
}

FN(posix_getcwd) {
    return method_check_args("getcwd", nargs, kwnames, 0, 0) < 0 ? 0 : getcwd_as(0);
}
FN(posix_getcwdb) {
    return method_check_args("getcwdb", nargs, kwnames, 0, 0) < 0 ? 0 : getcwd_as(1);
}

FN(posix_chdir) {
    static const char *const names[] = {"path", NULL};
    ArgSpec spec = {"chdir", 0, names, 1, 1, 0};
    Value a[1];
    PathArg p = PATH_ARG("chdir", "path", 0, 1);
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0) {
        return 0;
    }
    int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.path);
    return r < 0 ? path_error(&p) : VAL_NONE;
}

static int is_dot_or_dotdot(const char *n) {
    return n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0));
}

FN(posix_listdir) {
    static const char *const names[] = {"path", NULL};
    ArgSpec spec = {"listdir", 0, names, 0, 1, 0};
    Value a[1];
    PathArg p = PATH_ARG("listdir", "path", 1, 1);
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0) {
        return 0;
    }
    DIR *d;
    if (p.fd >= 0) {
        // A descriptor of a directory: read it through a copy, from the start.
        int fd = fcntl(p.fd, F_DUPFD_CLOEXEC, 0);
        d = fd < 0 ? NULL : fdopendir(fd);
        if (fd >= 0 && !d) {
            close(fd);
        }
        if (d) {
            rewinddir(d);
        }
    } else {
        d = opendir(p.path);
    }
    if (!d) {
        return path_error(&p);
    }
    Value list = list_new(0);
    struct dirent *e;
    errno = 0;
    while (list && (e = readdir(d))) {
        if (is_dot_or_dotdot(e->d_name)) {
            continue;
        }
        Value name = fs_name(e->d_name, strlen(e->d_name), p.is_bytes);
        if (!name || list_append(list, name) < 0) {
            list = 0;
        }
        errno = 0;
    }
    int saved = errno;
    closedir(d);
    if (list && saved) {
        errno = saved;
        return path_error(&p);
    }
    return list;
}

FN(posix_mkdir) {
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    ArgSpec spec = {"mkdir", 0, names, 1, 2, 0};
    Value a[3];
    PathArg p = PATH_ARG("mkdir", "path", 0, 0);
    int mode = 0777, dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        (a[1] && int_arg_c(a[1], &mode) < 0) || dir_fd_arg(a[2], &dir_fd) < 0) {
        return 0;
    }
    return mkdirat(dir_fd, p.path, (mode_t)mode) < 0 ? path_error(&p) : VAL_NONE;
}

// rmdir / unlink / remove (path, *, dir_fd=None).
static Value unlink_call(const char *fname, const Value *args, size_t nargs, Value kwnames,
                         int flags) {
    static const char *const names[] = {"path", "dir_fd", NULL};
    ArgSpec spec = {fname, 0, names, 1, 1, 0};
    Value a[2];
    PathArg p = PATH_ARG(fname, "path", 0, 0);
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        dir_fd_arg(a[1], &dir_fd) < 0) {
        return 0;
    }
    return unlinkat(dir_fd, p.path, flags) < 0 ? path_error(&p) : VAL_NONE;
}

FN(posix_rmdir) { return unlink_call("rmdir", args, nargs, kwnames, AT_REMOVEDIR); }
FN(posix_unlink) { return unlink_call("unlink", args, nargs, kwnames, 0); }
FN(posix_remove) { return unlink_call("remove", args, nargs, kwnames, 0); }

static Value rename_call(const char *fname, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    ArgSpec spec = {fname, 0, names, 2, 2, 0};
    Value a[4];
    PathArg src = PATH_ARG(fname, "src", 0, 0), dst = PATH_ARG(fname, "dst", 0, 0);
    int sfd, dfd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&src, a[0]) < 0 ||
        path_convert(&dst, a[1]) < 0 || dir_fd_arg(a[2], &sfd) < 0 || dir_fd_arg(a[3], &dfd) < 0) {
        return 0;
    }
    return renameat(sfd, src.path, dfd, dst.path) < 0 ? path_error2(&src, &dst) : VAL_NONE;
}

FN(posix_rename) { return rename_call("rename", args, nargs, kwnames); }
FN(posix_replace) { return rename_call("replace", args, nargs, kwnames); }

FN(posix_chmod) {
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    ArgSpec spec = {"chmod", 0, names, 2, 2, 0};
    Value a[4];
    PathArg p = PATH_ARG("chmod", "path", 0, 1);
    int mode, dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        int_arg_c(a[1], &mode) < 0 || dir_fd_arg(a[2], &dir_fd) < 0) {
        return 0;
    }
    int follow = bool_arg(a[3], 1);
    if (follow < 0) {
        return 0;
    }
    if (!follow) {
        return err_format(&exc_NotImplementedError,
                          "chmod: follow_symlinks unavailable on this platform");
    }
    int r = p.fd >= 0 ? fchmod(p.fd, (mode_t)mode) : fchmodat(dir_fd, p.path, (mode_t)mode, 0);
    return r < 0 ? path_error(&p) : VAL_NONE;
}

FN(posix_fchmod) {
    static const char *const names[] = {"fd", "mode", NULL};
    ArgSpec spec = {"fchmod", 0, names, 2, 2, 0};
    Value a[2];
    int fd, mode;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0 ||
        int_arg_c(a[1], &mode) < 0) {
        return 0;
    }
    return fchmod(fd, (mode_t)mode) < 0 ? posix_error() : VAL_NONE;
}

// A uid or gid argument: -1 means "unchanged" (CPython's _Py_Uid_Converter).
// A uid or gid argument (`what` names which), as CPython's converter:
// -1 and 0 .. 2**32-1 pass (2**32-1 is (uid_t)-1 too); other values of a
// C long are "less than minimum" (truncation counts as that), larger
// ones "greater than maximum".
static int named_id_arg(Value v, const char *what, int64_t *out) {
    if (!int_check(v) && !obj_lookup_special(v, str_intern_cstr("__index__"))) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "%s should be integer, not %s", what, obj_type_name(v));
        }
        return -1;
    }
    if (obj_as_int64(v, out) < 0) {
        if (err_matches(&exc_OverflowError)) {
            int negative = int_check(v) && int_sign(v) < 0;
            err_clear();
            err_format(&exc_OverflowError, "%s is %s", what,
                       negative ? "less than minimum" : "greater than maximum");
        }
        return -1;
    }
    if (*out < -1 || *out > (int64_t)UINT32_MAX) {
        err_format(&exc_OverflowError, "%s is less than minimum", what);
        return -1;
    }
    return 0;
}

static int id_arg(Value v, int64_t *out) {
    return named_id_arg(v, "uid", out);
}

static Value chown_call(const char *fname, int follow_dflt, const Value *args, size_t nargs,
                        Value kwnames) {
    static const char *const names[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    static const char *const lnames[] = {"path", "uid", "gid", NULL};
    ArgSpec spec = {fname, 0, follow_dflt ? names : lnames, 3, 3, 0};
    Value a[5] = {0};
    PathArg p = PATH_ARG(fname, "path", 0, follow_dflt);
    int64_t uid, gid;
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        id_arg(a[1], &uid) < 0 || named_id_arg(a[2], "gid", &gid) < 0 ||
        dir_fd_arg(a[3], &dir_fd) < 0) {
        return 0;
    }
    int follow = follow_dflt ? bool_arg(a[4], 1) : 0;
    if (follow < 0) {
        return 0;
    }
    int r = p.fd >= 0 ? fchown(p.fd, (uid_t)uid, (gid_t)gid)
                      : fchownat(dir_fd, p.path, (uid_t)uid, (gid_t)gid,
                                 follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return r < 0 ? path_error(&p) : VAL_NONE;
}

FN(posix_chown) { return chown_call("chown", 1, args, nargs, kwnames); }
FN(posix_lchown) { return chown_call("lchown", 0, args, nargs, kwnames); }

FN(posix_fchown) {
    static const char *const names[] = {"fd", "uid", "gid", NULL};
    ArgSpec spec = {"fchown", 0, names, 3, 3, 0};
    Value a[3];
    int fd;
    int64_t uid, gid;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0 ||
        id_arg(a[1], &uid) < 0 || named_id_arg(a[2], "gid", &gid) < 0) {
        return 0;
    }
    return fchown(fd, (uid_t)uid, (gid_t)gid) < 0 ? posix_error() : VAL_NONE;
}

// A time in seconds (int or float) as a timespec.
static int timespec_from_seconds(Value v, struct timespec *ts) {
    if (int_check(v)) {
        int64_t s;
        if (int_to_i64(v, &s) < 0) {
            return -1;
        }
        ts->tv_sec = (time_t)s;
        ts->tv_nsec = 0;
        return 0;
    }
    Value f = float_from_object(v);
    if (!f) {
        return -1;
    }
    // As CPython's _PyTime_ObjectToTimespec with ROUND_FLOOR: the fraction
    // (split off with modf) scaled to nanoseconds and floored.
    double d = float_value(f);
    if (isnan(d)) {
        err_format(&exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    double intpart;
    double frac = floor(modf(d, &intpart) * 1e9);
    if (frac >= 1e9) {
        frac -= 1e9;
        intpart += 1.0;
    } else if (frac < 0) {
        frac += 1e9;
        intpart -= 1.0;
    }
    if (!(intpart >= -9.2233720368547758e18 && intpart < 9.2233720368547758e18)) {
        err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    ts->tv_sec = (time_t)intpart;
    ts->tv_nsec = (long)frac;
    return 0;
}

static int timespec_from_ns(Value v, struct timespec *ts) {
    Value q, r;
    if (!int_check(v)) {
        err_format(&exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        return -1;
    }
    if (int_divmod(v, int_from_i64(1000000000), &q, &r) < 0) {
        return -1;
    }
    int64_t s, ns;
    if (int_to_i64(q, &s) < 0 || int_to_i64(r, &ns) < 0) {
        return -1;
    }
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = (long)ns;
    return 0;
}

FN(posix_utime) {
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    ArgSpec spec = {"utime", 0, names, 1, 2, 0};
    Value a[5];
    PathArg p = PATH_ARG("utime", "path", 0, 1);
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        dir_fd_arg(a[3], &dir_fd) < 0) {
        return 0;
    }
    int follow = bool_arg(a[4], 1);
    if (follow < 0) {
        return 0;
    }
    Value times = a[1] && a[1] != VAL_NONE ? a[1] : 0;
    struct timespec ts[2], *tsp = NULL;
    if (times && a[2]) {
        return err_format(&exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    }
    if (times) {
        if (!tuple_check(times) || tuple_obj(times)->len != 2) {
            return err_format(&exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        }
        if (timespec_from_seconds(tuple_obj(times)->items[0], &ts[0]) < 0 ||
            timespec_from_seconds(tuple_obj(times)->items[1], &ts[1]) < 0) {
            return 0;
        }
        tsp = ts;
    } else if (a[2]) {
        if (!tuple_check(a[2]) || tuple_obj(a[2])->len != 2) {
            return err_format(&exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        }
        if (timespec_from_ns(tuple_obj(a[2])->items[0], &ts[0]) < 0 ||
            timespec_from_ns(tuple_obj(a[2])->items[1], &ts[1]) < 0) {
            return 0;
        }
        tsp = ts;
    }
    int r = p.fd >= 0 ? futimens(p.fd, tsp)
                      : utimensat(dir_fd, p.path, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return r < 0 ? path_error(&p) : VAL_NONE;
}

FN(posix_access) {
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids",
                                        "follow_symlinks", NULL};
    ArgSpec spec = {"access", 0, names, 2, 2, 0};
    Value a[5];
    PathArg p = PATH_ARG("access", "path", 0, 0);
    int mode, dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        int_arg_c(a[1], &mode) < 0 || dir_fd_arg(a[2], &dir_fd) < 0) {
        return 0;
    }
    int eff = bool_arg(a[3], 0), follow = bool_arg(a[4], 1);
    if (eff < 0 || follow < 0) {
        return 0;
    }
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return val_bool(faccessat(dir_fd, p.path, mode, flags) == 0);
}

FN(posix_readlink) {
    static const char *const names[] = {"path", "dir_fd", NULL};
    ArgSpec spec = {"readlink", 0, names, 1, 1, 0};
    Value a[2];
    PathArg p = PATH_ARG("readlink", "path", 0, 0);
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        dir_fd_arg(a[1], &dir_fd) < 0) {
        return 0;
    }
    char buf[4096];
    ssize_t n = readlinkat(dir_fd, p.path, buf, sizeof buf);
    if (n < 0) {
        return path_error(&p);
    }
    return fs_name(buf, (size_t)n, p.is_bytes);
}

FN(posix_symlink) {
    static const char *const names[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    ArgSpec spec = {"symlink", 0, names, 2, 3, 0};
    Value a[4];
    PathArg src = PATH_ARG("symlink", "src", 0, 0), dst = PATH_ARG("symlink", "dst", 0, 0);
    int dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&src, a[0]) < 0 ||
        path_convert(&dst, a[1]) < 0 || dir_fd_arg(a[3], &dir_fd) < 0) {
        return 0;
    }
    return symlinkat(src.path, dir_fd, dst.path) < 0 ? path_error2(&src, &dst) : VAL_NONE;
}

FN(posix_link) {
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd",
                                        "follow_symlinks", NULL};
    ArgSpec spec = {"link", 0, names, 2, 2, 0};
    Value a[5];
    PathArg src = PATH_ARG("link", "src", 0, 0), dst = PATH_ARG("link", "dst", 0, 0);
    int sfd, dfd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&src, a[0]) < 0 ||
        path_convert(&dst, a[1]) < 0 || dir_fd_arg(a[2], &sfd) < 0 || dir_fd_arg(a[3], &dfd) < 0) {
        return 0;
    }
    int follow = bool_arg(a[4], 1);
    if (follow < 0) {
        return 0;
    }
    int r = linkat(sfd, src.path, dfd, dst.path, follow ? AT_SYMLINK_FOLLOW : 0);
    return r < 0 ? path_error2(&src, &dst) : VAL_NONE;
}

FN(posix_umask) {
    int mask;
    if (args_check_positional("umask", nargs, 1, 1) < 0 || args_no_keywords("umask", kwnames) < 0 ||
        int_arg_c(args[0], &mask) < 0) {
        return 0;
    }
    return val_from_smallint(umask((mode_t)mask));
}

// ---- scandir and DirEntry -------------------------------------------------------------

typedef struct DirEntryObject {
    Object header;
    Value name, path;        // str or bytes, as the scandir argument
    Value stat, lstat;       // cached stat_results, or 0
    unsigned char d_type;    // DT_UNKNOWN when the system did not say
    uint64_t ino;
    int dir_fd;              // scandir(fd): stat the name relative to it; else -1
} DirEntryObject;

typedef struct ScandirObject {
    Object header;
    DIR *dir;                // NULL once closed
    Value path_object;       // the argument (None when omitted)
    Value prefix;            // the directory, as str or bytes, with a trailing '/' if needed
                             // (0 for scandir(fd): an entry's path is its name)
    int is_bytes;
    int fd;                  // scandir(fd): the descriptor given (not owned); else -1
} ScandirObject;

static Type type_direntry, type_scandir;

static void direntry_trace(Object *o, GcTracer *t) {
    DirEntryObject *e = (DirEntryObject *)o;
    gc_trace_value(t, e->name);
    gc_trace_value(t, e->path);
    gc_trace_value(t, e->stat);
    gc_trace_value(t, e->lstat);
}

static void scandir_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ScandirObject *)o)->path_object);
    gc_trace_value(t, ((ScandirObject *)o)->prefix);
}

static void scandir_free(Object *o) {
    ScandirObject *s = (ScandirObject *)o;
    if (s->dir) {
        closedir(s->dir);
        s->dir = NULL;
    }
}

#define DIRENTRY(v) ((DirEntryObject *)val_ptr(v))

static Value direntry_fetch_stat(Value self, int follow) {
    DirEntryObject *e = DIRENTRY(self);
    Value *slot = follow ? &e->stat : &e->lstat;
    if (!*slot) {
        Value path = e->path;
        const char *p;
        Value enc = 0;
        if (val_is_bytes(path)) {
            p = bytes_data(path);
        } else {
            enc = fs_encode(path);
            if (!enc) {
                return 0;
            }
            p = bytes_data(enc);
        }
        struct stat st;
        int failed = e->dir_fd >= 0 ? fstatat(e->dir_fd, p, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                     : follow      ? stat(p, &st)
                                   : lstat(p, &st);
        if (failed < 0) {
            return err_from_errno(errno, path, 0);
        }
        gc_keep_alive(enc);
        Value r = stat_result_from(&st);
        if (!r) {
            return 0;
        }
        *slot = r;
    }
    return *slot;
}

static int direntry_is_symlink_bool(Value self) {
    DirEntryObject *e = DIRENTRY(self);
    if (e->d_type != DT_UNKNOWN) {
        return e->d_type == DT_LNK;
    }
    Value st = direntry_fetch_stat(self, 0);
    if (!st) {
        return -1;
    }
    int64_t mode;
    if (int_to_i64(tuple_obj(st)->items[0], &mode) < 0) {
        return -1;
    }
    return S_ISLNK(mode);
}

// is_dir / is_file: from d_type when known and not a link (or not
// following), else by stat; a missing file is False.
static Value direntry_test_mode(Value self, const Value *args, size_t nargs, Value kwnames,
                                const char *fname, unsigned dtype, unsigned smode) {
    static const char *const names[] = {"follow_symlinks", NULL};
    ArgSpec spec = {fname, 0, names, 0, 0, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int follow = bool_arg(a[0], 1);
    if (follow < 0) {
        return 0;
    }
    DirEntryObject *e = DIRENTRY(self);
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) {
        return val_bool(e->d_type == dtype);
    }
    Value st = direntry_fetch_stat(self, follow);
    if (!st) {
        if (err_matches(&exc_FileNotFoundError)) {
            err_clear();
            return VAL_FALSE;
        }
        return 0;
    }
    int64_t mode;
    if (int_to_i64(tuple_obj(st)->items[0], &mode) < 0) {
        return 0;
    }
    return val_bool(((unsigned)mode & S_IFMT) == smode);
}

FN(direntry_is_dir) {
    return direntry_test_mode(self, args, nargs, kwnames, "is_dir", DT_DIR, S_IFDIR);
}
FN(direntry_is_file) {
    return direntry_test_mode(self, args, nargs, kwnames, "is_file", DT_REG, S_IFREG);
}
FN(direntry_is_symlink) {
    if (method_check_args("is_symlink", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    int r = direntry_is_symlink_bool(self);
    return r < 0 ? 0 : val_bool(r);
}

FN(direntry_stat) {
    static const char *const names[] = {"follow_symlinks", NULL};
    ArgSpec spec = {"stat", 0, names, 0, 0, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int follow = bool_arg(a[0], 1);
    if (follow < 0) {
        return 0;
    }
    if (follow) {
        int link = direntry_is_symlink_bool(self);
        if (link < 0) {
            return 0;
        }
        follow = link;
    }
    return direntry_fetch_stat(self, follow);
}

FN(direntry_inode) {
    if (method_check_args("inode", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_u64(DIRENTRY(self)->ino);
}

FN(direntry_fspath) {
    if (method_check_args("__fspath__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return DIRENTRY(self)->path;
}

static Value direntry_repr(Value self) {
    return str_format_c("<DirEntry %R>", DIRENTRY(self)->name);
}

static Value direntry_get_name(Value self) { return DIRENTRY(self)->name; }
static Value direntry_get_path(Value self) { return DIRENTRY(self)->path; }

static Value direntry_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create 'posix.DirEntry' instances");
}

static const MethodDef direntry_methods[] = {
    {"is_dir", direntry_is_dir, METH_DEFAULT, NULL},
    {"is_file", direntry_is_file, METH_DEFAULT, NULL},
    {"is_symlink", direntry_is_symlink, METH_DEFAULT, NULL},
    {"stat", direntry_stat, METH_DEFAULT, NULL},
    {"inode", direntry_inode, METH_DEFAULT, NULL},
    {"__fspath__", direntry_fspath, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef direntry_getset[] = {
    {"name", direntry_get_name, NULL, NULL},
    {"path", direntry_get_path, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_direntry = {
    .header = {&type_type},
    .name = "posix.DirEntry",
    .basic_size = sizeof(DirEntryObject),
    .base = &type_object,
    .trace = direntry_trace,
    .new_ = direntry_new,
    .repr = direntry_repr,
    .methods = direntry_methods,
    .getset = direntry_getset,
};

FN(posix_scandir) {
    static const char *const names[] = {"path", NULL};
    ArgSpec spec = {"scandir", 0, names, 0, 1, 0};
    Value a[1];
    PathArg p = PATH_ARG("scandir", "path", 1, 1);
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0) {
        return 0;
    }
    ScandirObject *s = (ScandirObject *)gc_alloc(&type_scandir, sizeof(ScandirObject));
    if (!s) {
        return 0;
    }
    s->path_object = p.object;
    s->is_bytes = p.is_bytes;
    s->fd = -1;
    if (p.fd >= 0) {
        // As listdir(fd): a copy of the descriptor, read from the start;
        // entries are names, stat()ed relative to the descriptor given.
        int fd = fcntl(p.fd, F_DUPFD_CLOEXEC, 0);
        s->dir = fd < 0 ? NULL : fdopendir(fd);
        if (fd >= 0 && !s->dir) {
            int saved = errno;
            close(fd);
            errno = saved;
        }
        if (!s->dir) {
            return path_error(&p);
        }
        rewinddir(s->dir);
        s->fd = p.fd;
        s->prefix = 0;
        return val_from_ptr(s);
    }
    // An entry's path joins the argument as given (after os.fspath) and the
    // name: scandir('a') gives 'a/x', scandir() './x'.
    Value dir = p.encoded ? (p.is_bytes ? p.encoded : fspath_of(p.object)) : 0;
    if (!dir) {
        if (err_occurred()) {
            return 0;
        }
        dir = p.is_bytes ? bytes_from_cstr(".") : str_from_cstr(".");
    }
    const char *text = val_is_bytes(dir) ? bytes_data(dir) : str_obj(dir)->data;
    size_t n = val_is_bytes(dir) ? bytes_len(dir) : str_obj(dir)->nbytes;
    if (n > 0 && text[n - 1] != '/') {
        Value slash = val_is_bytes(dir) ? bytes_from_cstr("/") : str_from_cstr("/");
        dir = slash ? obj_binop(dir, slash, BINOP_ADD) : 0;
        if (!dir) {
            return 0;
        }
    }
    s->prefix = dir;
    s->dir = opendir(p.path);
    if (!s->dir) {
        return path_error(&p);
    }
    return val_from_ptr(s);
}

static Value scandir_next(Value self) {
    ScandirObject *s = (ScandirObject *)val_ptr(self);
    while (s->dir) {
        errno = 0;
        struct dirent *d = readdir(s->dir);
        if (!d) {
            int saved = errno;
            closedir(s->dir);
            s->dir = NULL;
            if (saved) {
                return err_from_errno(saved, s->path_object, 0);
            }
            return 0;
        }
        if (is_dot_or_dotdot(d->d_name)) {
            continue;
        }
        DirEntryObject *e = (DirEntryObject *)gc_alloc(&type_direntry, sizeof(DirEntryObject));
        if (!e) {
            return 0;
        }
        e->d_type = d->d_type;
        e->ino = d->d_ino;
        e->dir_fd = s->fd;
        e->name = fs_name(d->d_name, strlen(d->d_name), s->is_bytes);
        e->path = !e->name ? 0 : s->prefix ? obj_binop(s->prefix, e->name, BINOP_ADD) : e->name;
        if (!e->path) {
            return 0;
        }
        return val_from_ptr(e);
    }
    return 0;
}

// An iterator dropped unexhausted and unclosed: closed, with CPython's
// ResourceWarning "unclosed scandir iterator <repr>".
static Value scandir_finalize(Value self) {
    ScandirObject *s = (ScandirObject *)val_ptr(self);
    if (!s->dir) {
        return VAL_NONE;
    }
    scandir_free(val_ptr(self));
    Value saved = err_fetch();
    Value r = obj_repr(self);
    if (!r || err_warn(&exc_ResourceWarning, 1, "unclosed scandir iterator %s",
                       str_obj(r)->data) < 0) {
        if (err_matches(&exc_Warning)) {
            err_write_unraisable(self);
        }
        err_clear();
    }
    if (saved) {
        err_set_value(saved);
    }
    return VAL_NONE;
}

static Value scandir_iter(Value self) { return self; }

FN(scandir_close) {
    scandir_free(val_ptr(self));
    return VAL_NONE;
}

FN(scandir_enter) { return self; }

FN(scandir_exit) {
    scandir_free(val_ptr(self));
    return VAL_FALSE;
}

static const MethodDef scandir_methods[] = {
    {"close", scandir_close, METH_DEFAULT, NULL},
    {"__enter__", scandir_enter, METH_DEFAULT, NULL},
    {"__exit__", scandir_exit, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_scandir = {
    .header = {&type_type},
    .name = "posix.ScandirIterator",
    .flags = TYPE_HAS_FINALIZER,
    .basic_size = sizeof(ScandirObject),
    .base = &type_object,
    .trace = scandir_trace,
    .free = scandir_free,
    .finalize = scandir_finalize,
    .iter = scandir_iter,
    .iternext = scandir_next,
    .methods = scandir_methods,
};

// ---- processes ---------------------------------------------------------------------------

#define NOARG_INT(fname, expr)                                   \
    FN(posix_##fname) {                                          \
        if (method_check_args(#fname, nargs, kwnames, 0, 0) < 0) { \
            return 0;                                            \
        }                                                        \
        return int_from_i64((int64_t)(expr));                    \
    }
NOARG_INT(getpid, getpid())
NOARG_INT(getppid, getppid())
NOARG_INT(getuid, getuid())
NOARG_INT(geteuid, geteuid())
NOARG_INT(getgid, getgid())
NOARG_INT(getegid, getegid())
NOARG_INT(getpgrp, getpgrp())
#undef NOARG_INT

FN(posix_kill) {
    int pid, sig;
    if (args_check_positional("kill", nargs, 2, 2) < 0 || args_no_keywords("kill", kwnames) < 0 ||
        int_arg_c(args[0], &pid) < 0 || int_arg_c(args[1], &sig) < 0) {
        return 0;
    }
    if (kill(pid, sig) < 0) {
        return posix_error();
    }
    // A signal sent to this process is handled before kill() returns, as
    // CPython's os.kill does (PyErr_CheckSignals).
    return signal_check_pending() < 0 ? 0 : VAL_NONE;
}

FN(posix_exit) {
    static const char *const names[] = {"status", NULL};
    ArgSpec spec = {"_exit", 0, names, 1, 1, 0};
    Value a[1];
    int status;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || int_arg_c(a[0], &status) < 0) {
        return 0;
    }
    _exit(status);
}

// register_at_fork's callables: [before, after_in_child, after_in_parent],
// each a list (a GC root once created).
static Value fork_hooks[3];

static void run_fork_hooks(int which, bool reverse) {
    Value l = fork_hooks[which];
    if (!l) {
        return;
    }
    size_t n = list_obj(l)->len;
    for (size_t k = 0; k < n && k < list_obj(l)->len; k++) {
        Value f = list_obj(l)->items[reverse ? n - 1 - k : k];
        if (!obj_call0(f)) {
            err_write_unraisable(f);  // "Exception ignored in: <function ...>"
        }
    }
}

void posix_run_fork_hooks(int which) {
    run_fork_hooks(which, which == 0);
}

FN(posix_register_at_fork) {
    static const char *const names[] = {"before", "after_in_child", "after_in_parent", NULL};
    static const ArgSpec spec = {"register_at_fork", 0, names, 0, 0, 0};
    Value f[3];
    if (args_unpack(&spec, args, nargs, kwnames, f) < 0) {
        return 0;
    }
    if (!f[0] && !f[1] && !f[2]) {
        return err_format(&exc_TypeError, "At least one argument is required.");
    }
    for (int i = 0; i < 3; i++) {
        if (f[i] && f[i] != VAL_NONE && !type_of(f[i])->call) {
            return err_format(&exc_TypeError, "'%s' must be callable, not %s", names[i],
                              obj_type_name(f[i]));
        }
    }
    for (int i = 0; i < 3; i++) {
        if (!f[i] || f[i] == VAL_NONE) {
            continue;
        }
        if (!fork_hooks[i]) {
            if (!(fork_hooks[i] = list_new(0))) {
                return 0;
            }
            gc_add_root(&fork_hooks[i]);
        }
        if (list_append(fork_hooks[i], f[i]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

FN(posix_fork) {
    if (method_check_args("fork", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    run_fork_hooks(0, true);  // before: the last registered first
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        return posix_error();
    }
    if (pid == 0) {
        vm_threads_after_fork_child();  // only this thread exists in the child
        imp_after_fork_child();
    }
    run_fork_hooks(pid == 0 ? 1 : 2, false);
    return val_from_smallint(pid);
}

// A list or tuple of paths as a NULL-terminated array of C strings; the
// encoded bytes go into `keep` (a list) so they stay alive.
static char **cstr_array(const char *fname, Value seq, Value keep, const char *what) {
    if (!list_check(seq) && !tuple_check(seq)) {
        err_format(&exc_TypeError, "%s: %s must be a tuple or list", fname, what);
        return NULL;
    }
    Value items = tuple_from_iterable(seq);
    if (!items) {
        return NULL;
    }
    size_t n = tuple_obj(items)->len;
    char **out = calloc(n + 1, sizeof(char *));
    if (!out) {
        err_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        PathArg p = PATH_ARG(fname, what, 0, 0);
        if (path_convert(&p, tuple_obj(items)->items[i]) < 0 || list_append(keep, p.encoded) < 0) {
            free(out);
            return NULL;
        }
        out[i] = (char *)p.path;
    }
    return out;
}

static Value exec_call(const char *fname, const Value *args, size_t nargs, Value kwnames,
                       int with_env) {
    if (args_check_positional(fname, nargs, 2 + with_env, 2 + with_env) < 0) {
        return 0;
    }
    PathArg p = PATH_ARG(fname, "path", 0, 0);
    Value keep = list_new(0);
    if (!keep || path_convert(&p, args[0]) < 0) {
        return 0;
    }
    char **argv = cstr_array(fname, args[1], keep, "argv");
    if (!argv) {
        return 0;
    }
    // CPython's wording differs between the two functions
    if (!argv[0] || !argv[0][0]) {
        const char *why = argv[0] ? "first element cannot be empty" : "must not be empty";
        free(argv);
        if (with_env) {
            return err_format(&exc_ValueError, "%s: argv %s", fname, why);
        }
        return err_format(&exc_ValueError, "%s() arg 2 %s", fname, why);
    }
    char **envp = environ;
    if (with_env) {
        Value env = args[2];
        Value items = obj_call_method(env, "items", NULL, 0);
        Value list = items ? list_from_iterable(items) : 0;
        if (!list) {
            free(argv);
            return 0;
        }
        size_t n = list_obj(list)->len;
        envp = calloc(n + 1, sizeof(char *));
        for (size_t i = 0; envp && i < n; i++) {
            Value kv = list_obj(list)->items[i];
            PathArg k = PATH_ARG(fname, "key", 0, 0), v = PATH_ARG(fname, "value", 0, 0);
            if (!tuple_check(kv) || tuple_obj(kv)->len != 2 ||
                path_convert(&k, tuple_obj(kv)->items[0]) < 0 ||
                path_convert(&v, tuple_obj(kv)->items[1]) < 0) {
                free(argv);
                free(envp);
                return err_occurred() ? 0 : err_format(&exc_TypeError, "env.items() must be pairs");
            }
            size_t kl = strlen(k.path), vl = strlen(v.path);
            // (path_convert refused embedded NULs; '=' cannot be in a name)
            if (kl == 0 || strchr(k.path, '=')) {
                free(argv);
                free(envp);
                return err_format(&exc_ValueError, "illegal environment variable name");
            }
            BytesObject *b = bytes_alloc(kl + 1 + vl);
            if (!b || list_append(keep, val_from_ptr(b)) < 0) {
                free(argv);
                free(envp);
                return 0;
            }
            memcpy(b->data, k.path, kl);
            b->data[kl] = '=';
            memcpy(b->data + kl + 1, v.path, vl);
            envp[i] = b->data;
        }
        if (!envp) {
            free(argv);
            return err_no_memory();
        }
    }
    fflush(NULL);
    execve(p.path, argv, envp);
    int saved = errno;
    free(argv);
    if (envp != environ) {
        free(envp);
    }
    gc_keep_alive(keep);
    return err_from_errno(saved, 0, 0);
}

FN(posix_execv) { return exec_call("execv", args, nargs, kwnames, 0); }
FN(posix_execve) { return exec_call("execve", args, nargs, kwnames, 1); }

FN(posix_waitpid) {
    int pid, options, status = 0;
    if (args_check_positional("waitpid", nargs, 2, 2) < 0 ||
        args_no_keywords("waitpid", kwnames) < 0 || int_arg_c(args[0], &pid) < 0 ||
        int_arg_c(args[1], &options) < 0) {
        return 0;
    }
    pid_t r;
    RETRY_EINTR_BLOCKING(r, waitpid(pid, &status, options));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return tuple_pack2(val_from_smallint(r), val_from_smallint(status));
}

FN(posix_wait) {
    if (method_check_args("wait", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    int status = 0;
    pid_t r;
    RETRY_EINTR_BLOCKING(r, wait(&status));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return tuple_pack2(val_from_smallint(r), val_from_smallint(status));
}

FN(posix_waitstatus_to_exitcode) {
    static const char *const names[] = {"status", NULL};
    ArgSpec spec = {"waitstatus_to_exitcode", 0, names, 1, 1, 0};
    Value a[1];
    int status;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || int_arg_c(a[0], &status) < 0) {
        return 0;
    }
    if (WIFEXITED(status)) {
        return val_from_smallint(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return val_from_smallint(-WTERMSIG(status));
    }
    return err_format(&exc_ValueError, "invalid wait status: %d", status);
}

// WIFEXITED(status) and friends.
#define WAIT_MACRO(name, expr, wrap)                                          \
    FN(posix_##name) {                                                        \
        static const char *const names[] = {"status", NULL};                  \
        ArgSpec spec = {#name, 0, names, 1, 1, 0};                            \
        Value a[1];                                                           \
        int status;                                                           \
        if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||                \
            int_arg_c(a[0], &status) < 0) {                                   \
            return 0;                                                         \
        }                                                                     \
        return wrap(expr(status));                                            \
    }
WAIT_MACRO(WIFEXITED, WIFEXITED, val_bool)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED, val_bool)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED, val_bool)
WAIT_MACRO(WIFCONTINUED, WIFCONTINUED, val_bool)
WAIT_MACRO(WCOREDUMP, WCOREDUMP, val_bool)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS, val_from_smallint)
WAIT_MACRO(WTERMSIG, WTERMSIG, val_from_smallint)
WAIT_MACRO(WSTOPSIG, WSTOPSIG, val_from_smallint)
#undef WAIT_MACRO

FN(posix_system) {
    static const char *const names[] = {"command", NULL};
    ArgSpec spec = {"system", 0, names, 1, 1, 0};
    Value a[1];
    PathArg p = PATH_ARG("system", "command", 0, 0);
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0) {
        return 0;
    }
    fflush(NULL);
    return int_from_i64(system(p.path));
}

// ---- the system --------------------------------------------------------------------------

FN(posix_urandom) {
    int64_t n;
    if (args_check_positional("urandom", nargs, 1, 1) < 0 ||
        args_no_keywords("urandom", kwnames) < 0 || int_arg(args[0], &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "negative argument not allowed");
    }
    BytesObject *b = bytes_alloc((size_t)n);
    if (!b) {
        return 0;
    }
    for (size_t done = 0; done < (size_t)n;) {
        ssize_t r = getrandom(b->data + done, (size_t)n - done, 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return posix_error();
        }
        done += (size_t)r;
    }
    return val_from_ptr(b);
}

FN(posix_strerror) {
    int code;
    if (args_check_positional("strerror", nargs, 1, 1) < 0 ||
        args_no_keywords("strerror", kwnames) < 0 || int_arg_c(args[0], &code) < 0) {
        return 0;
    }
    return str_from_cstr(strerror(code));
}

static Type type_terminal_size, type_uname_result, type_times_result;

FN(posix_get_terminal_size) {
    int fd = 1;
    if (args_check_positional("get_terminal_size", nargs, 0, 1) < 0 ||
        args_no_keywords("get_terminal_size", kwnames) < 0 || (nargs && int_arg_c(args[0], &fd) < 0)) {
        return 0;
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        return posix_error();
    }
    Value items[2] = {val_from_smallint(w.ws_col), val_from_smallint(w.ws_row)};
    return structseq_new(&type_terminal_size, items);
}

FN(posix_cpu_count) {
    if (method_check_args("cpu_count", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? VAL_NONE : int_from_i64(n);
}

FN(posix_fspath) {
    static const char *const names[] = {"path", NULL};
    ArgSpec spec = {"fspath", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value r = fspath_of(a[0]);
    if (!r && !err_occurred()) {
        return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          obj_type_name(a[0]));
    }
    return r;
}

FN(posix_uname) {
    if (method_check_args("uname", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    struct utsname u;
    if (uname(&u) < 0) {
        return posix_error();
    }
    const char *parts[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    Value items[5];
    for (int i = 0; i < 5; i++) {
        items[i] = fs_decode(parts[i], strlen(parts[i]));
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_uname_result, items);
}

FN(posix_times) {
    if (method_check_args("times", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) {
        return posix_error();
    }
    double tick = (double)sysconf(_SC_CLK_TCK);
    Value items[5] = {float_from_double(t.tms_utime / tick), float_from_double(t.tms_stime / tick),
                      float_from_double(t.tms_cutime / tick),
                      float_from_double(t.tms_cstime / tick), float_from_double(c / tick)};
    for (int i = 0; i < 5; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_times_result, items);
}

// ---- the environment -----------------------------------------------------------------------

static Value environ_dict(void) {
    Value d = dict_new();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) {
            continue;
        }
        Value k = bytes_from(*e, (size_t)(eq - *e));
        Value v = k ? bytes_from_cstr(eq + 1) : 0;
        if (!v) {
            return 0;
        }
        // The first definition wins, as CPython's (putenv semantics).
        int has = dict_contains(d, k);
        if (has < 0 || (!has && dict_set(d, k, v) < 0)) {
            return 0;
        }
    }
    return d;
}

FN(posix_putenv) {
    if (args_check_positional("putenv", nargs, 2, 2) < 0 || args_no_keywords("putenv", kwnames) < 0) {
        return 0;
    }
    PathArg k = PATH_ARG("putenv", "name", 0, 0), v = PATH_ARG("putenv", "value", 0, 0);
    if (path_convert(&k, args[0]) < 0 || path_convert(&v, args[1]) < 0) {
        return 0;
    }
    if (strchr(k.path, '=')) {
        return err_format(&exc_ValueError, "illegal environment variable name");
    }
    if (setenv(k.path, v.path, 1) < 0) {
        return posix_error();
    }
    return VAL_NONE;
}

FN(posix_unsetenv) {
    if (args_check_positional("unsetenv", nargs, 1, 1) < 0 ||
        args_no_keywords("unsetenv", kwnames) < 0) {
        return 0;
    }
    PathArg k = PATH_ARG("unsetenv", "name", 0, 0);
    if (path_convert(&k, args[0]) < 0) {
        return 0;
    }
    if (strchr(k.path, '=')) {
        return err_format(&exc_ValueError, "illegal environment variable name");
    }
    if (unsetenv(k.path) < 0) {
        return posix_error();
    }
    return VAL_NONE;
}

// ---- the module ------------------------------------------------------------------------------

// ---- ids, priorities, random bytes, file systems, special descriptors ---------------------


#define SET_IDS(fname, what, n, call)                                             \
    FN(posix_##fname) {                                                           \
        int64_t id[2];                                                            \
        if (args_check_positional(#fname, nargs, n, n) < 0 ||                     \
            args_no_keywords(#fname, kwnames) < 0) {                              \
            return 0;                                                             \
        }                                                                         \
        for (int i = 0; i < n; i++) {                                             \
            if (named_id_arg(args[i], what, &id[i]) < 0) {                        \
                return 0;                                                         \
            }                                                                     \
        }                                                                         \
        return (call) < 0 ? posix_error() : VAL_NONE;                             \
    }
SET_IDS(setuid, "uid", 1, setuid((uid_t)id[0]))
SET_IDS(seteuid, "uid", 1, seteuid((uid_t)id[0]))
SET_IDS(setgid, "gid", 1, setgid((gid_t)id[0]))
SET_IDS(setegid, "gid", 1, setegid((gid_t)id[0]))
SET_IDS(setreuid, "uid", 2, setreuid((uid_t)id[0], (uid_t)id[1]))
SET_IDS(setregid, "gid", 2, setregid((gid_t)id[0], (gid_t)id[1]))
#undef SET_IDS

FN(posix_getpriority) {
    int which, who;
    if (args_check_positional("getpriority", nargs, 2, 2) < 0 ||
        args_no_keywords("getpriority", kwnames) < 0 || int_arg_c(args[0], &which) < 0 ||
        int_arg_c(args[1], &who) < 0) {
        return 0;
    }
    // -1 is a valid priority: only errno tells an error.
    errno = 0;
    int r = getpriority(which, (id_t)who);
    if (r == -1 && errno) {
        return posix_error();
    }
    return int_from_i64(r);
}

FN(posix_setpriority) {
    int which, who, prio;
    if (args_check_positional("setpriority", nargs, 3, 3) < 0 ||
        args_no_keywords("setpriority", kwnames) < 0 || int_arg_c(args[0], &which) < 0 ||
        int_arg_c(args[1], &who) < 0 || int_arg_c(args[2], &prio) < 0) {
        return 0;
    }
    return setpriority(which, (id_t)who, prio) < 0 ? posix_error() : VAL_NONE;
}

FN(posix_getrandom) {
    static const char *const names[] = {"size", "flags", NULL};
    ArgSpec spec = {"getrandom", 0, names, 1, 2, 0};
    Value a[2];
    int64_t size;
    int flags = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || int_arg(a[0], &size) < 0 ||
        (a[1] && int_arg_c(a[1], &flags) < 0)) {
        return 0;
    }
    if (size < 0) {
        errno = EINVAL;
        return posix_error();
    }
    BytesObject *b = bytes_alloc((size_t)size);
    if (!b) {
        return 0;
    }
    ssize_t r;
    RETRY_EINTR(r, getrandom(b->data, (size_t)size, (unsigned)flags));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return (size_t)r == (size_t)size ? val_from_ptr(b) : bytes_from(b->data, (size_t)r);
}

static Type type_statvfs_result;

static Value statvfs_result_from(const struct statvfs *st) {
    Value items[11] = {
        int_from_u64(st->f_bsize),  int_from_u64(st->f_frsize), int_from_u64(st->f_blocks),
        int_from_u64(st->f_bfree),  int_from_u64(st->f_bavail), int_from_u64(st->f_files),
        int_from_u64(st->f_ffree),  int_from_u64(st->f_favail), int_from_u64(st->f_flag),
        int_from_u64(st->f_namemax), int_from_u64(st->f_fsid),
    };
    for (int i = 0; i < 11; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return structseq_new(&type_statvfs_result, items);
}

FN(posix_statvfs) {
    static const char *const names[] = {"path", NULL};
    ArgSpec spec = {"statvfs", 0, names, 1, 1, 0};
    Value a[1];
    PathArg p = PATH_ARG("statvfs", "path", 0, 1);
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0) {
        return 0;
    }
    struct statvfs st;
    int r;
    if (p.fd >= 0) {
        RETRY_EINTR(r, fstatvfs(p.fd, &st));
    } else {
        RETRY_EINTR(r, statvfs(p.path, &st));
    }
    if (r < 0) {
        return err_occurred() ? 0 : path_error(&p);
    }
    return statvfs_result_from(&st);
}

FN(posix_fstatvfs) {
    int fd;
    if (args_check_positional("fstatvfs", nargs, 1, 1) < 0 ||
        args_no_keywords("fstatvfs", kwnames) < 0 || fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    struct statvfs st;
    int r;
    RETRY_EINTR(r, fstatvfs(fd, &st));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return statvfs_result_from(&st);
}

FN(posix_eventfd) {
    static const char *const names[] = {"initval", "flags", NULL};
    ArgSpec spec = {"eventfd", 0, names, 1, 2, 0};
    Value a[2];
    int64_t initval;
    int flags = EFD_CLOEXEC;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || int_arg(a[0], &initval) < 0 ||
        (a[1] && int_arg_c(a[1], &flags) < 0)) {
        return 0;
    }
    if (initval < 0 || initval > (int64_t)UINT32_MAX) {
        return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned int");
    }
    int fd = eventfd((unsigned)initval, flags);
    return fd < 0 ? posix_error() : val_from_smallint(fd);
}

FN(posix_eventfd_read) {
    static const char *const names[] = {"fd", NULL};
    ArgSpec spec = {"eventfd_read", 0, names, 1, 1, 0};
    Value a[1];
    int fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0) {
        return 0;
    }
    eventfd_t value;
    int r;
    RETRY_EINTR(r, eventfd_read(fd, &value));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return int_from_u64(value);
}

FN(posix_eventfd_write) {
    static const char *const names[] = {"fd", "value", NULL};
    ArgSpec spec = {"eventfd_write", 0, names, 2, 2, 0};
    Value a[2];
    int fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &fd) < 0) {
        return 0;
    }
    // An unsigned 64-bit value (CPython's unsigned long long converter).
    if (!int_check(a[1])) {
        return err_format(&exc_TypeError, "an integer is required");
    }
    Value v = int_exact(a[1]);
    if (!v) {
        return 0;
    }
    if (int_sign(v) < 0) {
        return err_format(&exc_ValueError, "value must be positive");
    }
    uint64_t value;
    int64_t small;
    if (!val_is_ptr(v) || type_of(v) != &type_int) {
        if (int_to_i64(v, &small) < 0) {
            return 0;
        }
        value = (uint64_t)small;
    } else {
        IntObject *big = (IntObject *)val_ptr(v);
        if (big->size > 1) {
            return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long long");
        }
        value = big->size ? big->limbs[0] : 0;
    }
    int r;
    RETRY_EINTR(r, eventfd_write(fd, (eventfd_t)value));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return VAL_NONE;
}

FN(posix_memfd_create) {
    static const char *const names[] = {"name", "flags", NULL};
    ArgSpec spec = {"memfd_create", 0, names, 1, 2, 0};
    Value a[2];
    PathArg p = PATH_ARG("memfd_create", "name", 0, 0);
    int flags = MFD_CLOEXEC;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        (a[1] && int_arg_c(a[1], &flags) < 0)) {
        return 0;
    }
    int fd = memfd_create(p.path, (unsigned)flags);
    return fd < 0 ? posix_error() : val_from_smallint(fd);
}

// The buffers of readv/writev: each one's window stays open across the
// call. *n set; -1 with "readv() arg 2 must be a sequence" otherwise.
static int iovec_collect(Value seq, const char *fname, int writable, Buffer **views,
                         struct iovec **iov, size_t *n) {
    Value items = obj_call(val_from_ptr(&type_list), &seq, 1, 0);
    if (!items || !obj_lookup_special(seq, str_intern_cstr("__len__"))) {
        err_clear();
        err_format(&exc_TypeError, "%s() arg 2 must be a sequence", fname);
        return -1;
    }
    size_t count = list_obj(items)->len;
    *views = calloc(count ? count : 1, sizeof(Buffer));
    *iov = calloc(count ? count : 1, sizeof(struct iovec));
    if (!*views || !*iov) {
        free(*views);
        free(*iov);
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        Value item = list_obj(items)->items[i];
        int r = writable ? buffer_get(item, &(*views)[i], BUFFER_WRITABLE)
                         : buffer_get_bytes_like(item, &(*views)[i]);
        if (r < 0) {
            for (size_t k = 0; k < i; k++) {
                buffer_release(&(*views)[k]);
            }
            free(*views);
            free(*iov);
            return -1;
        }
        (*iov)[i].iov_base = (*views)[i].buf;
        (*iov)[i].iov_len = (size_t)(*views)[i].len;
    }
    *n = count;
    return 0;
}

static void iovec_release(Buffer *views, struct iovec *iov, size_t n) {
    for (size_t i = 0; i < n; i++) {
        buffer_release(&views[i]);
    }
    free(views);
    free(iov);
}

static Value readv_writev(const char *fname, int reading, const Value *args, size_t nargs,
                          Value kwnames) {
    int fd;
    if (args_check_positional(fname, nargs, 2, 2) < 0 || args_no_keywords(fname, kwnames) < 0 ||
        fd_arg(args[0], &fd) < 0) {
        return 0;
    }
    Buffer *views;
    struct iovec *iov;
    size_t n;
    if (iovec_collect(args[1], fname, reading, &views, &iov, &n) < 0) {
        return 0;
    }
    ssize_t r;
    RETRY_EINTR(r, reading ? readv(fd, iov, (int)n) : writev(fd, iov, (int)n));
    int saved = errno;
    iovec_release(views, iov, n);
    if (r < 0) {
        errno = saved;
        return err_occurred() ? 0 : posix_error();
    }
    return int_from_i64(r);
}

FN(posix_readv) { return readv_writev("readv", 1, args, nargs, kwnames); }
FN(posix_writev) { return readv_writev("writev", 0, args, nargs, kwnames); }

// An optional file offset (None: the descriptor's own position).
static int offset_arg(Value v, off_t *off, off_t **p) {
    *p = NULL;
    if (!v || v == VAL_NONE) {
        return 0;
    }
    int64_t o;
    if (int_arg(v, &o) < 0) {
        return -1;
    }
    *off = (off_t)o;
    *p = off;
    return 0;
}

FN(posix_sendfile) {
    static const char *const names[] = {"out_fd", "in_fd", "offset", "count", NULL};
    ArgSpec spec = {"sendfile", 0, names, 4, 4, 0};
    Value a[4];
    int out_fd, in_fd;
    int64_t count;
    off_t off, *offp;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &out_fd) < 0 ||
        fd_arg(a[1], &in_fd) < 0 || offset_arg(a[2], &off, &offp) < 0 ||
        int_arg(a[3], &count) < 0) {
        return 0;
    }
    // A negative count reaches the system call (EINVAL), as in CPython.
    ssize_t r;
    RETRY_EINTR(r, sendfile(out_fd, in_fd, offp, (size_t)count));
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return int_from_i64(r);
}

// copy_file_range and splice: (src, dst, count, offset_src=None,
// offset_dst=None[, flags=0]).
static Value copy_between(const char *fname, int is_splice, const Value *args, size_t nargs,
                          Value kwnames) {
    static const char *const cnames[] = {"src", "dst", "count", "offset_src", "offset_dst", NULL};
    static const char *const snames[] = {"src",        "dst",        "count",
                                         "offset_src", "offset_dst", "flags", NULL};
    ArgSpec spec = {fname, 0, is_splice ? snames : cnames, 3, is_splice ? 6 : 5, 0};
    Value a[6] = {0};
    int src, dst;
    int64_t count;
    int flags = 0;
    off_t osrc, odst, *psrc, *pdst;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || fd_arg(a[0], &src) < 0 ||
        fd_arg(a[1], &dst) < 0 || int_arg(a[2], &count) < 0 ||
        offset_arg(a[3], &osrc, &psrc) < 0 || offset_arg(a[4], &odst, &pdst) < 0 ||
        (is_splice && a[5] && int_arg_c(a[5], &flags) < 0)) {
        return 0;
    }
    if (count < 0) {
        return err_format(&exc_ValueError, "negative value for 'count' not allowed");
    }
    ssize_t r;
    if (is_splice) {
        RETRY_EINTR(r, splice(src, psrc, dst, pdst, (size_t)count, (unsigned)flags));
    } else {
        RETRY_EINTR(r, copy_file_range(src, psrc, dst, pdst, (size_t)count, 0));
    }
    if (r < 0) {
        return err_occurred() ? 0 : posix_error();
    }
    return int_from_i64(r);
}

FN(posix_copy_file_range) { return copy_between("copy_file_range", 0, args, nargs, kwnames); }
FN(posix_splice) { return copy_between("splice", 1, args, nargs, kwnames); }

FN(posix_mkfifo) {
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    ArgSpec spec = {"mkfifo", 0, names, 1, 2, 0};
    Value a[3];
    PathArg p = PATH_ARG("mkfifo", "path", 0, 0);
    int mode = 0666, dir_fd;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        (a[1] && int_arg_c(a[1], &mode) < 0) || dir_fd_arg(a[2], &dir_fd) < 0) {
        return 0;
    }
    int r;
    RETRY_EINTR(r, mkfifoat(dir_fd, p.path, (mode_t)mode));
    // CPython's error names no file here (nor for mknod).
    return r < 0 ? (err_occurred() ? 0 : posix_error()) : VAL_NONE;
}

// A device number (dev_t): non-negative and within 64 bits.
static int dev_arg(Value v, dev_t *out) {
    if (!int_check(v)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_format(&exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    int64_t d;
    if (int_to_i64(v, &d) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "int too big to convert");
        return -1;
    }
    *out = (dev_t)d;
    return 0;
}

FN(posix_mknod) {
    static const char *const names[] = {"path", "mode", "device", "dir_fd", NULL};
    ArgSpec spec = {"mknod", 0, names, 1, 3, 0};
    Value a[4];
    PathArg p = PATH_ARG("mknod", "path", 0, 0);
    int mode = 0600, dir_fd;
    dev_t device = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || path_convert(&p, a[0]) < 0 ||
        (a[1] && int_arg_c(a[1], &mode) < 0) || (a[2] && dev_arg(a[2], &device) < 0) ||
        dir_fd_arg(a[3], &dir_fd) < 0) {
        return 0;
    }
    return mknodat(dir_fd, p.path, (mode_t)mode, device) < 0 ? posix_error() : VAL_NONE;
}

FN(posix_major) {
    dev_t d;
    if (args_check_positional("major", nargs, 1, 1) < 0 || args_no_keywords("major", kwnames) < 0 ||
        dev_arg(args[0], &d) < 0) {
        return 0;
    }
    return int_from_u64(major(d));
}

FN(posix_minor) {
    dev_t d;
    if (args_check_positional("minor", nargs, 1, 1) < 0 || args_no_keywords("minor", kwnames) < 0 ||
        dev_arg(args[0], &d) < 0) {
        return 0;
    }
    return int_from_u64(minor(d));
}

FN(posix_makedev) {
    int64_t ma, mi;
    if (args_check_positional("makedev", nargs, 2, 2) < 0 ||
        args_no_keywords("makedev", kwnames) < 0 || int_arg(args[0], &ma) < 0 ||
        int_arg(args[1], &mi) < 0) {
        return 0;
    }
    if (ma < INT32_MIN || ma > INT32_MAX || mi < INT32_MIN || mi > INT32_MAX) {
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    return int_from_u64(makedev((unsigned)ma, (unsigned)mi));
}

static const MethodDef posix_functions[] = {
    {"stat", posix_stat, METH_DEFAULT, NULL},
    {"lstat", posix_lstat, METH_DEFAULT, NULL},
    {"fstat", posix_fstat, METH_DEFAULT, NULL},
    {"open", posix_open, METH_DEFAULT, NULL},
    {"close", posix_close, METH_DEFAULT, NULL},
    {"closerange", posix_closerange, METH_DEFAULT, NULL},
    {"read", posix_read, METH_DEFAULT, NULL},
    {"write", posix_write, METH_DEFAULT, NULL},
    {"lseek", posix_lseek, METH_DEFAULT, NULL},
    {"fsync", posix_fsync, METH_DEFAULT, NULL},
    {"fdatasync", posix_fdatasync, METH_DEFAULT, NULL},
    {"ftruncate", posix_ftruncate, METH_DEFAULT, NULL},
    {"truncate", posix_truncate, METH_DEFAULT, NULL},
    {"dup", posix_dup, METH_DEFAULT, NULL},
    {"dup2", posix_dup2, METH_DEFAULT, NULL},
    {"pipe", posix_pipe, METH_DEFAULT, NULL},
    {"isatty", posix_isatty, METH_DEFAULT, NULL},
    {"openpty", posix_openpty, METH_DEFAULT, NULL},
    {"get_inheritable", posix_get_inheritable, METH_DEFAULT, NULL},
    {"set_inheritable", posix_set_inheritable, METH_DEFAULT, NULL},
    {"get_blocking", posix_get_blocking, METH_DEFAULT, NULL},
    {"set_blocking", posix_set_blocking, METH_DEFAULT, NULL},
    {"device_encoding", posix_device_encoding, METH_DEFAULT, NULL},
    {"getcwd", posix_getcwd, METH_DEFAULT, NULL},
    {"getcwdb", posix_getcwdb, METH_DEFAULT, NULL},
    {"chdir", posix_chdir, METH_DEFAULT, NULL},
    {"fchdir", posix_fchdir, METH_DEFAULT, NULL},
    {"listdir", posix_listdir, METH_DEFAULT, NULL},
    {"scandir", posix_scandir, METH_DEFAULT, NULL},
    {"setuid", posix_setuid, METH_DEFAULT, NULL},
    {"seteuid", posix_seteuid, METH_DEFAULT, NULL},
    {"setgid", posix_setgid, METH_DEFAULT, NULL},
    {"setegid", posix_setegid, METH_DEFAULT, NULL},
    {"setreuid", posix_setreuid, METH_DEFAULT, NULL},
    {"setregid", posix_setregid, METH_DEFAULT, NULL},
    {"getpriority", posix_getpriority, METH_DEFAULT, NULL},
    {"setpriority", posix_setpriority, METH_DEFAULT, NULL},
    {"getrandom", posix_getrandom, METH_DEFAULT, NULL},
    {"statvfs", posix_statvfs, METH_DEFAULT, NULL},
    {"fstatvfs", posix_fstatvfs, METH_DEFAULT, NULL},
    {"eventfd", posix_eventfd, METH_DEFAULT, NULL},
    {"eventfd_read", posix_eventfd_read, METH_DEFAULT, NULL},
    {"eventfd_write", posix_eventfd_write, METH_DEFAULT, NULL},
    {"memfd_create", posix_memfd_create, METH_DEFAULT, NULL},
    {"readv", posix_readv, METH_DEFAULT, NULL},
    {"writev", posix_writev, METH_DEFAULT, NULL},
    {"sendfile", posix_sendfile, METH_DEFAULT, NULL},
    {"copy_file_range", posix_copy_file_range, METH_DEFAULT, NULL},
    {"splice", posix_splice, METH_DEFAULT, NULL},
    {"mkfifo", posix_mkfifo, METH_DEFAULT, NULL},
    {"mknod", posix_mknod, METH_DEFAULT, NULL},
    {"major", posix_major, METH_DEFAULT, NULL},
    {"minor", posix_minor, METH_DEFAULT, NULL},
    {"makedev", posix_makedev, METH_DEFAULT, NULL},
    {"mkdir", posix_mkdir, METH_DEFAULT, NULL},
    {"rmdir", posix_rmdir, METH_DEFAULT, NULL},
    {"unlink", posix_unlink, METH_DEFAULT, NULL},
    {"remove", posix_remove, METH_DEFAULT, NULL},
    {"rename", posix_rename, METH_DEFAULT, NULL},
    {"replace", posix_replace, METH_DEFAULT, NULL},
    {"chmod", posix_chmod, METH_DEFAULT, NULL},
    {"fchmod", posix_fchmod, METH_DEFAULT, NULL},
    {"chown", posix_chown, METH_DEFAULT, NULL},
    {"lchown", posix_lchown, METH_DEFAULT, NULL},
    {"fchown", posix_fchown, METH_DEFAULT, NULL},
    {"utime", posix_utime, METH_DEFAULT, NULL},
    {"access", posix_access, METH_DEFAULT, NULL},
    {"readlink", posix_readlink, METH_DEFAULT, NULL},
    {"symlink", posix_symlink, METH_DEFAULT, NULL},
    {"link", posix_link, METH_DEFAULT, NULL},
    {"umask", posix_umask, METH_DEFAULT, NULL},
    {"getpid", posix_getpid, METH_DEFAULT, NULL},
    {"getppid", posix_getppid, METH_DEFAULT, NULL},
    {"getuid", posix_getuid, METH_DEFAULT, NULL},
    {"geteuid", posix_geteuid, METH_DEFAULT, NULL},
    {"getgid", posix_getgid, METH_DEFAULT, NULL},
    {"getegid", posix_getegid, METH_DEFAULT, NULL},
    {"getpgrp", posix_getpgrp, METH_DEFAULT, NULL},
    {"kill", posix_kill, METH_DEFAULT, NULL},
    {"_exit", posix_exit, METH_DEFAULT, NULL},
    {"fork", posix_fork, METH_DEFAULT, NULL},
    {"register_at_fork", posix_register_at_fork, METH_DEFAULT, NULL},
    {"execv", posix_execv, METH_DEFAULT, NULL},
    {"execve", posix_execve, METH_DEFAULT, NULL},
    {"waitpid", posix_waitpid, METH_DEFAULT, NULL},
    {"wait", posix_wait, METH_DEFAULT, NULL},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, METH_DEFAULT, NULL},
    {"WIFEXITED", posix_WIFEXITED, METH_DEFAULT, NULL},
    {"WIFSIGNALED", posix_WIFSIGNALED, METH_DEFAULT, NULL},
    {"WIFSTOPPED", posix_WIFSTOPPED, METH_DEFAULT, NULL},
    {"WIFCONTINUED", posix_WIFCONTINUED, METH_DEFAULT, NULL},
    {"WCOREDUMP", posix_WCOREDUMP, METH_DEFAULT, NULL},
    {"WEXITSTATUS", posix_WEXITSTATUS, METH_DEFAULT, NULL},
    {"WTERMSIG", posix_WTERMSIG, METH_DEFAULT, NULL},
    {"WSTOPSIG", posix_WSTOPSIG, METH_DEFAULT, NULL},
    {"system", posix_system, METH_DEFAULT, NULL},
    {"urandom", posix_urandom, METH_DEFAULT, NULL},
    {"strerror", posix_strerror, METH_DEFAULT, NULL},
    {"get_terminal_size", posix_get_terminal_size, METH_DEFAULT, NULL},
    {"cpu_count", posix_cpu_count, METH_DEFAULT, NULL},
    {"fspath", posix_fspath, METH_DEFAULT, NULL},
    {"uname", posix_uname, METH_DEFAULT, NULL},
    {"times", posix_times, METH_DEFAULT, NULL},
    {"putenv", posix_putenv, METH_DEFAULT, NULL},
    {"unsetenv", posix_unsetenv, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

typedef struct PosixConst {
    const char *name;
    long value;
} PosixConst;

// Every integer constant of CPython's posix module that this system defines.
static const PosixConst posix_constants[] = {
#include "posixmodule_constants.inc"
    {NULL, 0},
};

// The HAVE_* features os.py reads (see the opening comment).
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR",   "HAVE_FCHMOD",     "HAVE_FCHMODAT", "HAVE_FSTATAT",
    "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT",     "HAVE_LSTAT",    "HAVE_MKDIRAT",
    "HAVE_OPENAT",    "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT", "HAVE_FDOPENDIR", "HAVE_FCHOWN",   "HAVE_FCHOWNAT", "HAVE_LCHOWN",
    "HAVE_EVENTFD",   "HAVE_FSTATVFS",  "HAVE_MEMFD_CREATE", "HAVE_MKFIFOAT", "HAVE_MKNODAT", NULL,
};

static int posix_init_types(void) {
    static int done;
    if (done) {
        return 0;
    }
    static const char *const ts_fields[] = {"columns", "lines"};
    static const char *const un_fields[] = {"sysname", "nodename", "release", "version", "machine"};
    static const char *const statvfs_fields[] = {
        "f_bsize", "f_frsize", "f_blocks", "f_bfree",   "f_bavail", "f_files",
        "f_ffree", "f_favail", "f_flag",   "f_namemax", "f_fsid"};
    static const char *const tm_fields[] = {"user", "system", "children_user", "children_system",
                                            "elapsed"};
    if (structseq_init_type_ex(&type_stat_result, "os.stat_result", stat_result_fields,
                               STAT_NFIELDS, STAT_NVISIBLE, 1) < 0 ||
        structseq_init_type(&type_terminal_size, "os.terminal_size", ts_fields, 2, 1) < 0 ||
        structseq_init_type(&type_uname_result, "posix.uname_result", un_fields, 5, 1) < 0 ||
        structseq_init_type(&type_times_result, "posix.times_result", tm_fields, 5, 1) < 0 ||
        structseq_init_type_ex(&type_statvfs_result, "os.statvfs_result", statvfs_fields, 11,
                               10, 1) < 0 ||
        type_ready(&type_direntry) < 0 || type_ready(&type_scandir) < 0) {
        return -1;
    }
    structseq_generic_new = type_stat_result.new_;
    type_stat_result.new_ = stat_result_new;
    type_modified(&type_stat_result);
    done = 1;
    return 0;
}

Value posix_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    gc_add_root(&module);
    if (posix_init_types() < 0) {
        return 0;
    }
    Value m = module_new_cstr("posix");
    if (!m || module_add_functions(m, posix_functions) < 0) {
        return 0;
    }
    for (const PosixConst *c = posix_constants; c->name; c++) {
        if (module_add(m, c->name, int_from_i64(c->value)) < 0) {
            return 0;
        }
    }
    Value have = list_new(0);
    for (const char *const *h = have_functions; have && *h; h++) {
        Value s = str_from_cstr(*h);
        if (!s || list_append(have, s) < 0) {
            return 0;
        }
    }
    Value env = environ_dict();
    if (!have || !env || module_add(m, "_have_functions", have) < 0 ||
        module_add(m, "environ", env) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_OSError)) < 0 ||
        module_add(m, "stat_result", val_from_ptr(&type_stat_result)) < 0 ||
        module_add(m, "terminal_size", val_from_ptr(&type_terminal_size)) < 0 ||
        module_add(m, "uname_result", val_from_ptr(&type_uname_result)) < 0 ||
        module_add(m, "times_result", val_from_ptr(&type_times_result)) < 0 ||
        module_add(m, "statvfs_result", val_from_ptr(&type_statvfs_result)) < 0 ||
        module_add(m, "DirEntry", val_from_ptr(&type_direntry)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    module = m;
    return m;
}
