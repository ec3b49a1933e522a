// fileio.c - _io.FileIO: unbuffered binary I/O on a file descriptor, the
// raw layer under open()'s buffered objects.
//
// Each method is one system call (retried on EINTR), with CPython's errors:
// OSError subclasses from errno with the file name, ValueError "I/O
// operation on closed file" (FileIO's message has no period), and
// UnsupportedOperation "File not open for reading/writing".
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/type.h"
#include "io.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct FileIOObject {
    IOObject base;
    int fd;              // -1 when closed (or not initialized)
    int readable, writable, appending, created, closefd;
    int seekable;        // -1 until asked
    int64_t blksize;
    int warned;          // the unclosed-file ResourceWarning was given
} FileIOObject;

#define FIO(v) ((FileIOObject *)val_ptr(v))

int fileio_is_closed(Value self) {
    return FIO(self)->fd < 0;
}

static Value fileio_closed(void) {
    return err_format(&exc_ValueError, "I/O operation on closed file");
}

static Value fileio_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    FileIOObject *f = (FileIOObject *)gc_alloc(t, t->basic_size);
    if (!f) {
        return 0;
    }
    f->fd = -1;
    f->seekable = -1;
    f->closefd = 1;
    return val_from_ptr(f);
}

static const char *const fileio_init_names[] = {"file", "mode", "closefd", "opener", NULL};

static Value fileio_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    FileIOObject *f = FIO(self);
    ArgSpec spec = {"FileIO", 0, fileio_init_names, 1, 4, 0};
    Value a[4];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (f->fd >= 0) {
        // __init__ again: close what was open, as CPython does.
        if (f->closefd) {
            close(f->fd);
        }
        f->fd = -1;
    }
    Value file = a[0];
    Value mode_v = a[1] ? a[1] : str_intern_cstr("r");
    int closefd = a[2] ? obj_truthy(a[2]) : 1;
    if (closefd < 0) {
        return 0;
    }
    int fd = -1;
    Value name_obj = file;
    Value encoded = 0;
    if (int_check(file)) {
        int64_t v;
        if (int_to_i64(file, &v) < 0) {
            return 0;
        }
        if (v < 0) {
            return err_format(&exc_ValueError, "negative file descriptor");
        }
        if (v > INT32_MAX) {
            return err_format(&exc_OverflowError, "signed integer is greater than maximum");
        }
        fd = (int)v;
    } else {
        Value path = file;
        if (!val_is_str(path) && !val_is_bytes(path)) {
            Value fspath = obj_lookup_special(path, str_intern_cstr("__fspath__"));
            if (!fspath) {
                return err_occurred() ? 0
                                      : err_format(&exc_TypeError,
                                                   "expected str, bytes or os.PathLike object, not %s",
                                                   obj_type_name(path));
            }
            path = obj_call0(fspath);
            if (!path) {
                return 0;
            }
            if (!val_is_str(path) && !val_is_bytes(path)) {
                return err_format(&exc_TypeError,
                                  "expected %s.__fspath__() to return str or bytes, not %s",
                                  obj_type_name(file), obj_type_name(path));
            }
        }
        if (val_is_str(path)) {
            if (memchr(str_obj(path)->data, 0, str_obj(path)->nbytes)) {
                return err_format(&exc_ValueError, "embedded null byte");
            }
            encoded = codec_encode(path, "utf-8", "surrogateescape");
            if (!encoded) {
                return 0;
            }
        } else {
            encoded = path;
            if (memchr(bytes_data(path), 0, bytes_len(path))) {
                return err_format(&exc_ValueError, "embedded null byte");
            }
        }
    }
    if (!val_is_str(mode_v)) {
        return err_format(&exc_TypeError, "FileIO() argument 'mode' must be str, not %s",
                          obj_type_name(mode_v));
    }
    const char *mode = str_obj(mode_v)->data;
    int readable = 0, writable = 0, appending = 0, created = 0, plus = 0, rwa = 0, flags = 0;
    for (const char *m = mode; *m; m++) {
        switch (*m) {
        case 'x':
        case 'r':
        case 'w':
        case 'a':
            if (rwa) {
                goto bad_mode;
            }
            rwa = 1;
            if (*m == 'x') {
                created = writable = 1;
                flags |= O_EXCL | O_CREAT;
            } else if (*m == 'r') {
                readable = 1;
            } else if (*m == 'w') {
                writable = 1;
                flags |= O_CREAT | O_TRUNC;
            } else {
                writable = appending = 1;
                flags |= O_APPEND | O_CREAT;
            }
            break;
        case 'b':
            break;
        case '+':
            if (plus) {
                goto bad_mode;
            }
            readable = writable = plus = 1;
            break;
        default:
            return err_format(&exc_ValueError, "invalid mode: %s", mode);
        }
    }
    if (!rwa) {
        goto bad_mode;
    }
    flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY;
    flags |= O_CLOEXEC;
    if (fd < 0) {
        if (!closefd) {
            return err_format(&exc_ValueError, "Cannot use closefd=False with file name");
        }
        Value opener = a[3] && a[3] != VAL_NONE ? a[3] : 0;
        if (opener) {
            Value r = obj_call2(opener, file, val_from_smallint(flags));
            if (!r) {
                return 0;
            }
            if (!int_check(r)) {
                return err_format(&exc_TypeError, "expected integer from opener");
            }
            int64_t v;
            if (int_to_i64(r, &v) < 0) {
                return 0;
            }
            if (v < 0) {
                return err_format(&exc_ValueError, "opener returned %lld", (long long)v);
            }
            fd = (int)v;
        } else {
            RETRY_EINTR(fd, open(bytes_data(encoded), flags, 0666));
            gc_keep_alive(encoded);
            if (fd < 0) {
                return err_occurred() ? 0 : err_from_errno(errno, file, 0);
            }
        }
    }
    f->fd = fd;
    f->closefd = closefd;
    f->readable = readable;
    f->writable = writable;
    f->appending = appending;
    f->created = created;
    f->seekable = -1;
    f->blksize = IO_DEFAULT_BUFFER_SIZE;
    struct stat st;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            int saved_fd = fd;
            f->fd = -1;
            if (encoded && closefd) {
                close(saved_fd);
            }
            return err_from_errno(EISDIR, file, 0);
        }
        if (st.st_blksize > 1) {
            f->blksize = st.st_blksize;
        }
    } else if (errno == EBADF) {
        f->fd = -1;
        return err_from_errno(EBADF, 0, 0);
    }
    if (obj_setattr(self, str_intern_cstr("name"), name_obj) < 0) {
        return 0;
    }
    if (appending) {
        lseek(fd, 0, SEEK_END);
    }
    return VAL_NONE;
bad_mode:
    return err_format(&exc_ValueError,
                      "Must have exactly one of create/read/write/append mode and at most one plus");
}

static int check_fd(FileIOObject *f) {
    if (f->fd < 0) {
        fileio_closed();
        return -1;
    }
    return 0;
}

static int check_readable(FileIOObject *f) {
    if (check_fd(f) < 0) {
        return -1;
    }
    if (!f->readable) {
        io_unsupported("File not open for reading");
        return -1;
    }
    return 0;
}

static int check_writable(FileIOObject *f) {
    if (check_fd(f) < 0) {
        return -1;
    }
    if (!f->writable) {
        io_unsupported("File not open for writing");
        return -1;
    }
    return 0;
}

// read() that returns None for EAGAIN (a non-blocking descriptor).
static Value read_some(FileIOObject *f, size_t n) {
    BytesObject *b = bytes_alloc(n);
    if (!b) {
        return 0;
    }
    ssize_t r;
    int fd = f->fd;
    RETRY_EINTR_BLOCKING(r, read(fd, b->data, n));
    if (r < 0) {
        if (err_occurred()) {
            return 0;
        }
        if (errno == EAGAIN) {
            return VAL_NONE;
        }
        return err_from_errno(errno, 0, 0);
    }
    if ((size_t)r == n) {
        return val_from_ptr(b);
    }
    return bytes_from(b->data, (size_t)r);
}

static Value fileio_readall_impl(FileIOObject *f) {
    StrBuf sb;
    sb_init(&sb);
    struct stat st;
    size_t chunk = 8192;
    if (fstat(f->fd, &st) == 0 && st.st_size > 0) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size >= pos) {
            chunk = (size_t)(st.st_size - pos) + 1;
        }
    }
    Value result = 0;
    for (;;) {
        sb_reserve(&sb, chunk);
        ssize_t r;
        int fd = f->fd;
        RETRY_EINTR_BLOCKING(r, read(fd, sb.data + sb.len, chunk));
        if (r < 0) {
            if (err_occurred()) {
                goto done;
            }
            if (errno == EAGAIN) {
                result = sb.len ? bytes_from(sb.data, sb.len) : VAL_NONE;
            } else {
                err_from_errno(errno, 0, 0);
            }
            goto done;
        }
        if (r == 0) {
            break;
        }
        sb.len += (size_t)r;
        if (chunk < 65536) {
            chunk *= 2;
        }
    }
    result = bytes_from(sb.data ? sb.data : "", sb.len);
done:
    sb_free(&sb);
    return result;
}

FN(fileio_read) {
    if (args_check_positional("read", nargs, 0, 1) < 0 || args_no_keywords("read", kwnames) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    int64_t n;
    if (check_readable(f) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return fileio_readall_impl(f);
    }
    return read_some(f, (size_t)n);
}

FN(fileio_readall) {
    if (method_check_args("FileIO.readall", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    if (check_fd(f) < 0) {
        return 0;
    }
    return fileio_readall_impl(f);
}

FN(fileio_readinto) {
    if (method_check_args("FileIO.readinto", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    Buffer view;
    if (check_readable(f) < 0 || io_get_writable_buffer(args[0], &view) < 0) {
        return 0;
    }
    ssize_t r;
    int fd = f->fd;
    RETRY_EINTR_BLOCKING(r, read(fd, view.buf, (size_t)view.len));
    int saved = errno;
    buffer_release(&view);
    if (r < 0) {
        if (err_occurred()) {
            return 0;
        }
        return saved == EAGAIN ? VAL_NONE : err_from_errno(saved, 0, 0);
    }
    return int_from_i64(r);
}

FN(fileio_write) {
    if (method_check_args("FileIO.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    Buffer view;
    if (check_writable(f) < 0 || buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    // The export stays open while a signal handler may run between retries.
    ssize_t r;
    int fd = f->fd;
    RETRY_EINTR_BLOCKING(r, write(fd, view.buf, (size_t)view.len));
    int saved = errno;
    buffer_release(&view);
    if (r < 0) {
        if (err_occurred()) {
            return 0;
        }
        return saved == EAGAIN ? VAL_NONE : err_from_errno(saved, 0, 0);
    }
    return int_from_i64(r);
}

FN(fileio_seek) {
    if (args_check_positional("seek", nargs, 1, 2) < 0 || args_no_keywords("seek", kwnames) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    if (check_fd(f) < 0) {
        return 0;
    }
    if (type_of(args[0]) == &type_float) {
        return err_format(&exc_TypeError, "an integer is required");
    }
    int64_t pos, whence = 0;
    if (obj_as_int64(args[0], &pos) < 0 || (nargs > 1 && obj_as_int64(args[1], &whence) < 0)) {
        return 0;
    }
    off_t r = lseek(f->fd, (off_t)pos, (int)whence);
    if (r < 0) {
        return err_from_errno(errno, 0, 0);
    }
    f->seekable = 1;
    return int_from_i64(r);
}

FN(fileio_tell) {
    if (method_check_args("FileIO.tell", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    if (check_fd(f) < 0) {
        return 0;
    }
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    return r < 0 ? err_from_errno(errno, 0, 0) : int_from_i64(r);
}

FN(fileio_truncate) {
    if (args_check_positional("truncate", nargs, 0, 1) < 0 ||
        args_no_keywords("truncate", kwnames) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    if (check_writable(f) < 0) {
        return 0;
    }
    int64_t size;
    if (nargs && args[0] != VAL_NONE) {
        if (obj_as_int64(args[0], &size) < 0) {
            return 0;
        }
    } else {
        off_t r = lseek(f->fd, 0, SEEK_CUR);
        if (r < 0) {
            return err_from_errno(errno, 0, 0);
        }
        size = r;
    }
    if (ftruncate(f->fd, (off_t)size) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return int_from_i64(size);
}

FN(fileio_close) {
    if (method_check_args("FileIO.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FileIOObject *f = FIO(self);
    if (f->fd < 0) {
        f->base.iobase_closed = 1;
        return VAL_NONE;
    }
    // IOBase.close first: self.flush(), looked up (an instance's counts);
    // its error is raised after the descriptor is closed anyway.
    Value flushed = io_call(self, "flush", NULL, 0);
    Value exc = flushed ? 0 : err_fetch();
    f->base.iobase_closed = 1;
    int fd = f->fd;
    f->fd = -1;
    if (fd >= 0 && f->closefd && close(fd) < 0) {
        err_from_errno(errno, 0, 0);
        if (exc) {
            Value later = err_fetch();
            obj_setattr(later, str_intern_cstr("__context__"), exc);
            err_set_value(later);
        }
        return 0;
    }
    if (exc) {
        err_set_value(exc);
        return 0;
    }
    return VAL_NONE;
}

FN(fileio_fileno) {
    FileIOObject *f = FIO(self);
    return check_fd(f) < 0 ? 0 : val_from_smallint(f->fd);
}

FN(fileio_isatty) {
    FileIOObject *f = FIO(self);
    return check_fd(f) < 0 ? 0 : val_bool(isatty(f->fd));
}

FN(fileio_readable) {
    FileIOObject *f = FIO(self);
    return check_fd(f) < 0 ? 0 : val_bool(f->readable);
}

FN(fileio_writable) {
    FileIOObject *f = FIO(self);
    return check_fd(f) < 0 ? 0 : val_bool(f->writable);
}

FN(fileio_seekable) {
    FileIOObject *f = FIO(self);
    if (check_fd(f) < 0) {
        return 0;
    }
    if (f->seekable < 0) {
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    }
    return val_bool(f->seekable);
}

static const char *fileio_mode_string(FileIOObject *f) {
    if (f->created) {
        return f->readable ? "xb+" : "xb";
    }
    if (f->appending) {
        return f->readable ? "ab+" : "ab";
    }
    if (f->readable) {
        return f->writable ? "rb+" : "rb";
    }
    return "wb";
}

static Value fileio_get_mode(Value self) { return str_from_cstr(fileio_mode_string(FIO(self))); }
static Value fileio_get_closed(Value self) { return val_bool(FIO(self)->fd < 0); }
static Value fileio_get_closefd(Value self) { return val_bool(FIO(self)->closefd); }
static Value fileio_get_blksize(Value self) { return int_from_i64(FIO(self)->blksize); }

static Value fileio_repr(Value self) {
    FileIOObject *f = FIO(self);
    if (f->fd < 0) {
        return str_format_c("<_io.FileIO [closed]>");
    }
    Value name = obj_getattr_opt(self, str_intern_cstr("name"));
    if (!name) {
        if (!err_occurred() || err_matches(&exc_ValueError)) {
            err_clear();
        } else {
            return 0;
        }
    }
    const char *closefd = f->closefd ? "True" : "False";
    if (!name) {
        return str_format_c("<_io.FileIO fd=%d mode='%s' closefd=%s>", f->fd,
                            fileio_mode_string(f), closefd);
    }
    // A name that leads back to this file: RuntimeError, not a recursion.
    if (io_repr_enter(self) < 0) {
        return 0;
    }
    Value r = str_format_c("<_io.FileIO name=%R mode='%s' closefd=%s>", name,
                           fileio_mode_string(f), closefd);
    repr_leave(self);
    return r;
}

// No close() from the finalizer: at exit, finalizers run in creation order
// (gc_collect_hiding), so a FileIO would be closed before the buffered
// object over it flushed. The descriptor is closed when the object is
// freed (fileio_free), or by the buffered object's close().
static void fileio_warn_unclosed(Value self, Value source) {
    FileIOObject *f = FIO(self);
    if (f->fd >= 0 && f->closefd && !f->warned) {
        f->warned = 1;
        io_resource_warning(source, self);
    }
}

// _dealloc_warn(source): the ResourceWarning of a wrapper over this file
// that is finalized while the file is open (once per file).
static Value fileio_dealloc_warn(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("_dealloc_warn", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    fileio_warn_unclosed(self, args[0]);
    return VAL_NONE;
}

static Value fileio_finalize(Value self) {
    fileio_warn_unclosed(self, self);
    return VAL_NONE;
}

static void fileio_free(Object *o) {
    // A FileIO nobody closed: its descriptor goes with it (the finalizer
    // normally closed it already).
    FileIOObject *f = (FileIOObject *)o;
    if (f->fd >= 0 && f->closefd) {
        close(f->fd);
        f->fd = -1;
    }
}

static const MethodDef fileio_methods[] = {
    {"read", fileio_read, METH_DEFAULT, NULL},
    {"readall", fileio_readall, METH_DEFAULT, NULL},
    {"readinto", fileio_readinto, METH_DEFAULT, NULL},
    {"write", fileio_write, METH_DEFAULT, NULL},
    {"seek", fileio_seek, METH_DEFAULT, NULL},
    {"tell", fileio_tell, METH_DEFAULT, NULL},
    {"truncate", fileio_truncate, METH_DEFAULT, NULL},
    {"close", fileio_close, METH_DEFAULT, NULL},
    {"fileno", fileio_fileno, METH_DEFAULT, NULL},
    {"isatty", fileio_isatty, METH_DEFAULT, NULL},
    {"readable", fileio_readable, METH_DEFAULT, NULL},
    {"writable", fileio_writable, METH_DEFAULT, NULL},
    {"seekable", fileio_seekable, METH_DEFAULT, NULL},
    {"_dealloc_warn", fileio_dealloc_warn, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef fileio_getset[] = {
    {"mode", fileio_get_mode, NULL, NULL},
    {"closed", fileio_get_closed, NULL, "True if the file is closed"},
    {"closefd", fileio_get_closefd, NULL, NULL},
    {"_blksize", fileio_get_blksize, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_fileio = {
    .header = {&type_type},
    .name = "_io.FileIO",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(FileIOObject),
    .base = &type_rawiobase,
    .new_ = fileio_new,
    .init = fileio_init,
    .free = fileio_free,
    .finalize = fileio_finalize,
    .repr = fileio_repr,
    .methods = fileio_methods,
    .getset = fileio_getset,
};
