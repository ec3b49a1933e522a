// fcntlmodule.c - the `fcntl` module: fcntl(), ioctl(), flock() and
// lockf() on descriptors, for pty, tty helpers, subprocess users and file
// locking code.
//
// As CPython's: a descriptor argument is an int or an object with
// fileno(); an int `arg` goes to the call as a C int and the result is
// the call's int result; a bytes-like (or str) `arg` is copied into a
// 1024-byte buffer, the call gets its address, and the buffer comes back
// as bytes. ioctl() with a writable buffer and mutate_flag (the default)
// lets the call write into the caller's buffer and returns the int result.
// Calls interrupted by a signal run the handlers and are retried.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/float.h"
#include "../runtime/int.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { ARG_BUF_SIZE = 1024 };

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
    if (x > INT_MAX) {
        err_format(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (x < INT_MIN) {
        err_format(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// An unsigned long request code (ioctl): the low bits of any int, as
// CPython's "I" bitwise conversion of the request argument.
static int request_arg(Value v, unsigned long *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    *out = (unsigned long)(unsigned int)x;
    return 0;
}

// The bytes of a str or bytes-like `arg`, copied into buf.
static int buffer_arg(Value v, const char *fname, char *buf, size_t *len) {
    const char *data;
    size_t n;
    if (val_is_str(v)) {
        data = str_obj(v)->data;
        n = str_obj(v)->nbytes;
    } else if (modules_get_buffer(v, &data, &n) < 0) {
        return -1;
    }
    if (n > ARG_BUF_SIZE) {
        err_format(&exc_ValueError, "%s string arg too long", fname);
        return -1;
    }
    if (n > 0) {
        memcpy(buf, data, n);
    }
    *len = n;
    return 0;
}

// Is `v` data fcntl() passes by address? CPython's "s#" takes a str or
// an object whose buffer needs no release - in practice bytes; a
// bytearray or memoryview is then read as an int, and refused.
static int read_only_data(Value v) {
    return val_is_str(v) || val_is_bytes(v);
}

FN(fcntl_fcntl) {
    if (args_check_positional("fcntl", nargs, 2, 3) < 0 || args_no_keywords("fcntl", kwnames) < 0) {
        return 0;
    }
    int fd, cmd;
    if (modules_fileno(args[0], &fd) < 0 || c_int(args[1], &cmd) < 0) {
        return 0;
    }
    int r;
    if (nargs == 3 && read_only_data(args[2])) {
        char buf[ARG_BUF_SIZE];
        size_t len;
        if (buffer_arg(args[2], "fcntl", buf, &len) < 0) {
            return 0;
        }
        RETRY_EINTR(r, fcntl(fd, cmd, buf));
        if (r < 0) {
            return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
        }
        return bytes_from(buf, len);
    }
    int arg = 0;
    if (nargs == 3 && c_int(args[2], &arg) < 0) {
        return 0;
    }
    RETRY_EINTR(r, fcntl(fd, cmd, arg));
    if (r < 0) {
        return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
    }
    return int_from_i64(r);
}

FN(fcntl_ioctl) {
    if (args_check_positional("ioctl", nargs, 2, 4) < 0 || args_no_keywords("ioctl", kwnames) < 0) {
        return 0;
    }
    int fd;
    unsigned long request;
    if (modules_fileno(args[0], &fd) < 0 || request_arg(args[1], &request) < 0) {
        return 0;
    }
    int mutate = 1;
    if (nargs == 4 && (mutate = obj_truthy(args[3])) < 0) {
        return 0;
    }
    int r;
    if (nargs >= 3 && !int_check(args[2]) && !float_check(args[2]) &&
        (val_is_str(args[2]) || !type_of(args[2])->index)) {
        Buffer view;
        if (!val_is_str(args[2]) && buffer_get(args[2], &view, BUFFER_WRITABLE) > 0) {
            // A writable buffer: the call works on it (mutate_flag) or on a copy.
            if (mutate) {
                char buf[ARG_BUF_SIZE + 1];
                char *target = view.buf;
                size_t n = (size_t)view.len;
                if (n < ARG_BUF_SIZE) {
                    // Room after the data for what the call may write.
                    if (n > 0) {
                        memcpy(buf, view.buf, n);
                    }
                    target = buf;
                }
                RETRY_EINTR(r, ioctl(fd, request, target));
                if (target == buf) {
                    if (n > 0) {
                        memcpy(view.buf, buf, n);
                    }
                }
                buffer_release(&view);
                if (r < 0) {
                    return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
                }
                return int_from_i64(r);
            }
            buffer_release(&view);
        } else {
            err_clear();
        }
        char buf[ARG_BUF_SIZE];
        size_t len;
        if (buffer_arg(args[2], "ioctl", buf, &len) < 0) {
            return 0;
        }
        RETRY_EINTR(r, ioctl(fd, request, buf));
        if (r < 0) {
            return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
        }
        return bytes_from(buf, len);
    }
    int arg = 0;
    if (nargs >= 3 && c_int(args[2], &arg) < 0) {
        return 0;
    }
    RETRY_EINTR(r, ioctl(fd, request, arg));
    if (r < 0) {
        return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
    }
    return int_from_i64(r);
}

FN(fcntl_flock) {
    if (args_check_positional("flock", nargs, 2, 2) < 0 || args_no_keywords("flock", kwnames) < 0) {
        return 0;
    }
    int fd, op, r;
    if (modules_fileno(args[0], &fd) < 0 || c_int(args[1], &op) < 0) {
        return 0;
    }
    RETRY_EINTR(r, flock(fd, op));
    if (r < 0) {
        return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

static int off_arg(Value v, off_t *out) {
    int64_t x;
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    *out = (off_t)x;
    return 0;
}

FN(fcntl_lockf) {
    if (args_check_positional("lockf", nargs, 2, 5) < 0 || args_no_keywords("lockf", kwnames) < 0) {
        return 0;
    }
    int fd, code, whence = 0;
    off_t len = 0, start = 0;
    if (modules_fileno(args[0], &fd) < 0 || c_int(args[1], &code) < 0 ||
        (nargs > 2 && off_arg(args[2], &len) < 0) || (nargs > 3 && off_arg(args[3], &start) < 0) ||
        (nargs > 4 && c_int(args[4], &whence) < 0)) {
        return 0;
    }
    struct flock l;
    memset(&l, 0, sizeof(l));
    if (code == LOCK_UN) {
        l.l_type = F_UNLCK;
    } else if (code & LOCK_SH) {
        l.l_type = F_RDLCK;
    } else if (code & LOCK_EX) {
        l.l_type = F_WRLCK;
    } else {
        return err_format(&exc_ValueError, "unrecognized lockf argument");
    }
    l.l_start = start;
    l.l_len = len;
    l.l_whence = (short)whence;
    int r;
    RETRY_EINTR(r, fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l));
    if (r < 0) {
        return err_occurred() ? 0 : err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

static const MethodDef fcntl_functions[] = {
    {"fcntl", fcntl_fcntl, METH_DEFAULT, "Perform the operation `cmd` on file descriptor fd."},
    {"ioctl", fcntl_ioctl, METH_DEFAULT, "Perform the operation `request` on file descriptor `fd`."},
    {"flock", fcntl_flock, METH_DEFAULT, "Perform the lock operation `operation` on file descriptor `fd`."},
    {"lockf", fcntl_lockf, METH_DEFAULT, "A wrapper around the fcntl() locking calls."},
    {NULL, NULL, 0, NULL},
};

Value fcntl_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    static const struct {
        const char *name;
        long value;
    } constants[] = {
#define C_(n) {#n, n},
        C_(DN_ACCESS) C_(DN_ATTRIB) C_(DN_CREATE) C_(DN_DELETE) C_(DN_MODIFY) C_(DN_MULTISHOT)
        C_(DN_RENAME) C_(FASYNC) C_(FD_CLOEXEC) C_(F_ADD_SEALS) C_(F_DUPFD) C_(F_DUPFD_CLOEXEC)
        C_(F_EXLCK) C_(F_GETFD) C_(F_GETFL) C_(F_GETLEASE) C_(F_GETLK) C_(F_GETLK64) C_(F_GETOWN)
        C_(F_GETPIPE_SZ) C_(F_GETSIG) C_(F_GET_SEALS) C_(F_NOTIFY) C_(F_OFD_GETLK) C_(F_OFD_SETLK)
        C_(F_OFD_SETLKW) C_(F_RDLCK) C_(F_SEAL_GROW) C_(F_SEAL_SEAL) C_(F_SEAL_SHRINK)
        C_(F_SEAL_WRITE) C_(F_SETFD) C_(F_SETFL) C_(F_SETLEASE) C_(F_SETLK) C_(F_SETLK64)
        C_(F_SETLKW) C_(F_SETLKW64) C_(F_SETOWN) C_(F_SETPIPE_SZ) C_(F_SETSIG) C_(F_SHLCK)
        C_(F_UNLCK) C_(F_WRLCK) C_(LOCK_EX) C_(LOCK_MAND) C_(LOCK_NB) C_(LOCK_READ) C_(LOCK_RW)
        C_(LOCK_SH) C_(LOCK_UN) C_(LOCK_WRITE)
#undef C_
    };
    Value m = module_new_cstr("fcntl");
    if (!m || module_add_functions(m, fcntl_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module performs file control and I/O control on file\n"
                                               "descriptors.  It is an interface to the fcntl() and ioctl() Unix\n"
                                               "routines.  File descriptors can be obtained with the fileno() method of\n"
                                               "a file or socket object.")) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (module_add(m, constants[i].name, int_from_i64(constants[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
