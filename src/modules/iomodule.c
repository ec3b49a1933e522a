// iomodule.c - the `_io` module: open(), the abstract bases _IOBase,
// _RawIOBase, _BufferedIOBase and _TextIOBase, and the module itself (see
// io.h for how the files of _io divide the work).
//
// The bases implement their methods in terms of the methods a subclass
// provides, looked up on the instance, as CPython's do: _IOBase.readline
// calls self.read(1), __next__ calls self.readline(), close() calls
// self.flush(). So a Python class deriving from io.RawIOBase that defines
// only readinto/readall gets the rest.
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../vm/import.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "io.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- helpers shared by the _io files -------------------------------------------------

Type *io_unsupported_operation;

Value io_unsupported(const char *msg) {
    return err_format(io_unsupported_operation, "%s", msg);
}

static int make_unsupported_operation(void) {
    static Value cls;
    if (cls) {
        return 0;
    }
    gc_add_root(&cls);
    Value bases = tuple_pack2(val_from_ptr(&exc_OSError), val_from_ptr(&exc_ValueError));
    Value dict = bases ? dict_new() : 0;
    if (!dict || dict_set_cstr(dict, "__module__", str_intern_cstr("io")) < 0) {
        return -1;
    }
    cls = type_new_class(&type_type, str_intern_cstr("UnsupportedOperation"), bases, dict);
    if (!cls) {
        return -1;
    }
    io_unsupported_operation = type_ptr(cls);
    return 0;
}

Value io_closed_error(void) {
    return err_format(&exc_ValueError, "I/O operation on closed file.");
}

int io_size_arg(Value v, int64_t *out) {
    *out = -1;
    if (!v || v == VAL_NONE) {
        return 0;
    }
    if (!int_check(v) && !obj_lookup_special(v, str_intern_cstr("__index__"))) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'",
                       obj_type_name(v));
        }
        return -1;
    }
    return obj_as_index(v, out, 0);
}

Value io_call(Value obj, const char *name, const Value *args, size_t nargs) {
    return obj_call_method(obj, name, args, nargs);
}

int io_is_closed(Value obj) {
    Value c = obj_getattr(obj, str_intern_cstr("closed"));
    return c ? obj_truthy(c) : -1;
}

static Value io_repr_named(Value self, const char *tname, const char *extra);

// The io types' reprs use the containers' reentry guard (repr_enter): a
// file whose name is itself (or leads back to it) reports the reentry, as
// CPython's Py_ReprEnter does, instead of recursing.
int io_repr_enter(Value self) {
    int r = repr_enter(self);
    if (r > 0) {
        err_format(&exc_RuntimeError, "reentrant call inside %s.__repr__", type_of(self)->name);
    }
    return r == 0 ? 0 : -1;
}

Value io_repr_with_name(Value self, const char *extra) {
    if (io_repr_enter(self) < 0) {
        return 0;
    }
    Value r = io_repr_named(self, type_of(self)->name, extra);
    repr_leave(self);
    return r;
}

static Value io_repr_named(Value self, const char *tname, const char *extra) {
    Value name = obj_getattr_opt(self, str_intern_cstr("name"));
    if (!name) {
        if (err_occurred()) {
            if (!err_matches(&exc_ValueError)) {
                return 0;
            }
            err_clear();
        }
        return extra ? str_format_c("<%s %s>", tname, extra) : str_format_c("<%s>", tname);
    }
    return extra ? str_format_c("<%s name=%R %s>", tname, name, extra)
                 : str_format_c("<%s name=%R>", tname, name);
}

int io_get_writable_buffer(Value v, Buffer *view) {
    int r = buffer_check(v) ? buffer_get(v, view, BUFFER_WRITABLE) : 0;
    if (r == 0 || (r < 0 && err_matches(&exc_BufferError))) {
        err_clear();
        err_format(&exc_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                   obj_type_name(v));
        return -1;
    }
    return r < 0 ? -1 : 0;
}

// ---- _IOBase ---------------------------------------------------------------------------

#define IO(v) ((IOObject *)val_ptr(v))

static void io_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((IOObject *)o)->dict);
}

static Value iobase_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    return val_from_ptr(gc_alloc(t, t->basic_size));
}

static int check_closed(Value self) {
    int c = io_is_closed(self);
    if (c > 0) {
        io_closed_error();
    }
    return c == 0 ? 0 : -1;
}

FN(iobase_seek) { return io_unsupported("seek"); }
FN(iobase_truncate) { return io_unsupported("truncate"); }
FN(iobase_fileno) { return io_unsupported("fileno"); }

FN(iobase_tell) {
    if (method_check_args("tell", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value a[2] = {val_from_smallint(0), val_from_smallint(1)};
    return io_call(self, "seek", a, 2);
}

FN(iobase_flush) {
    if (method_check_args("flush", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (IO(self)->iobase_closed) {
        return io_closed_error();
    }
    return VAL_NONE;
}

FN(iobase_close) {
    if (method_check_args("close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (IO(self)->iobase_closed) {
        return VAL_NONE;
    }
    Value r = io_call(self, "flush", NULL, 0);
    IO(self)->iobase_closed = 1;
    return r ? VAL_NONE : 0;
}

static Value iobase_get_closed(Value self) { return val_bool(IO(self)->iobase_closed); }

FN(iobase_false) { return VAL_FALSE; }

FN(iobase_isatty) {
    if (check_closed(self) < 0) {
        return 0;
    }
    return VAL_FALSE;
}

FN(iobase_enter) {
    if (check_closed(self) < 0) {
        return 0;
    }
    return self;
}

FN(iobase_exit) { return io_call(self, "close", NULL, 0); }

// _checkClosed / _checkReadable / _checkWritable / _checkSeekable.
FN(iobase_check_closed) { return check_closed(self) < 0 ? 0 : VAL_NONE; }

static Value check_ability(Value self, const char *method, const char *msg) {
    Value r = io_call(self, method, NULL, 0);
    if (!r) {
        return 0;
    }
    if (r != VAL_TRUE) {
        return io_unsupported(msg);
    }
    return r;
}

FN(iobase_check_readable) {
    return check_ability(self, "readable", "File or stream is not readable.");
}
FN(iobase_check_writable) {
    return check_ability(self, "writable", "File or stream is not writable.");
}
FN(iobase_check_seekable) {
    return check_ability(self, "seekable", "File or stream is not seekable.");
}

// readline through peek() (when the object has it) or read(1).
Value iobase_readline(Value self, int64_t limit) {
    Value peek = obj_getattr_opt(self, str_intern_cstr("peek"));
    if (!peek && err_occurred()) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    while (limit < 0 || (int64_t)sb.len < limit) {
        int64_t nread = 1;
        if (peek) {
            Value ahead = obj_call1(peek, val_from_smallint(1));
            if (!ahead) {
                goto done;
            }
            if (!val_is_bytes(ahead)) {
                err_format(&exc_OSError, "peek() should have returned a bytes object, not '%s'",
                           obj_type_name(ahead));
                goto done;
            }
            size_t n = bytes_len(ahead);
            if (n > 0) {
                const char *nl = memchr(bytes_data(ahead), '\n', n);
                nread = nl ? nl - bytes_data(ahead) + 1 : (int64_t)n;
                if (limit >= 0 && nread > limit - (int64_t)sb.len) {
                    nread = limit - (int64_t)sb.len;
                }
            }
        }
        Value arg = val_from_smallint(nread);
        Value b = io_call(self, "read", &arg, 1);
        if (!b) {
            goto done;
        }
        if (b == VAL_NONE) {
            break;
        }
        if (!val_is_bytes(b)) {
            err_format(&exc_OSError, "read() should have returned a bytes object, not '%s'",
                       obj_type_name(b));
            goto done;
        }
        if (bytes_len(b) == 0) {
            break;
        }
        sb_put(&sb, bytes_data(b), bytes_len(b));
        if (sb.data[sb.len - 1] == '\n') {
            break;
        }
    }
    result = bytes_from(sb.data ? sb.data : "", sb.len);
done:
    sb_free(&sb);
    return result;
}

FN(iobase_m_readline) {
    if (args_check_positional("readline", nargs, 0, 1) < 0 ||
        args_no_keywords("readline", kwnames) < 0) {
        return 0;
    }
    int64_t limit;
    if (io_size_arg(nargs ? args[0] : 0, &limit) < 0) {
        return 0;
    }
    return iobase_readline(self, limit);
}

FN(iobase_readlines) {
    if (args_check_positional("readlines", nargs, 0, 1) < 0 ||
        args_no_keywords("readlines", kwnames) < 0) {
        return 0;
    }
    int64_t hint;
    if (io_size_arg(nargs ? args[0] : 0, &hint) < 0) {
        return 0;
    }
    Value it = obj_iter(self);
    Value list = it ? list_new(0) : 0;
    if (!list) {
        return 0;
    }
    int64_t total = 0;
    Value line;
    while ((line = obj_next(it))) {
        if (list_append(list, line) < 0) {
            return 0;
        }
        if (hint > 0) {
            int64_t n = obj_len(line);
            if (n < 0) {
                return 0;
            }
            total += n;
            if (total >= hint) {
                break;
            }
        }
    }
    return err_occurred() ? 0 : list;
}

FN(iobase_writelines) {
    if (method_check_args("writelines", nargs, kwnames, 1, 1) < 0 || check_closed(self) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    Value line;
    while ((line = obj_next(it))) {
        if (!io_call(self, "write", &line, 1)) {
            return 0;
        }
    }
    return err_occurred() ? 0 : VAL_NONE;
}

static Value iobase_iter(Value self) {
    return check_closed(self) < 0 ? 0 : self;
}

static Value iobase_iternext(Value self) {
    Value line = io_call(self, "readline", NULL, 0);
    if (!line) {
        return 0;
    }
    int64_t n = obj_len(line);
    return n <= 0 ? 0 : line;
}

// __del__: close the stream if it is still open (errors are ignored, as
// CPython does outside its development mode).
static Value iobase_finalize(Value self) {
    int c = io_is_closed(self);
    if (c == 0) {
        io_call(self, "close", NULL, 0);
    }
    err_clear();
    return VAL_NONE;
}

static const MethodDef iobase_methods[] = {
    {"seek", iobase_seek, METH_DEFAULT, NULL},
    {"tell", iobase_tell, METH_DEFAULT, NULL},
    {"truncate", iobase_truncate, METH_DEFAULT, NULL},
    {"flush", iobase_flush, METH_DEFAULT, NULL},
    {"close", iobase_close, METH_DEFAULT, NULL},
    {"seekable", iobase_false, METH_DEFAULT, NULL},
    {"readable", iobase_false, METH_DEFAULT, NULL},
    {"writable", iobase_false, METH_DEFAULT, NULL},
    {"_checkClosed", iobase_check_closed, METH_DEFAULT, NULL},
    {"_checkSeekable", iobase_check_seekable, METH_DEFAULT, NULL},
    {"_checkReadable", iobase_check_readable, METH_DEFAULT, NULL},
    {"_checkWritable", iobase_check_writable, METH_DEFAULT, NULL},
    {"fileno", iobase_fileno, METH_DEFAULT, NULL},
    {"isatty", iobase_isatty, METH_DEFAULT, NULL},
    {"__enter__", iobase_enter, METH_DEFAULT, NULL},
    {"__exit__", iobase_exit, METH_DEFAULT, NULL},
    {"readline", iobase_m_readline, METH_DEFAULT, NULL},
    {"readlines", iobase_readlines, METH_DEFAULT, NULL},
    {"writelines", iobase_writelines, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef iobase_getset[] = {
    {"closed", iobase_get_closed, NULL, NULL},
    {"__dict__", object_get_dict, object_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_iobase = {
    .header = {&type_type},
    .name = "_io._IOBase",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(IOObject),
    .base = &type_object,
    .dict_offset = offsetof(IOObject, dict),
    .trace = io_trace,
    .new_ = iobase_new,
    .finalize = iobase_finalize,
    .iter = iobase_iter,
    .iternext = iobase_iternext,
    .methods = iobase_methods,
    .getset = iobase_getset,
};

// ---- _RawIOBase ----------------------------------------------------------------------------

FN(rawiobase_read) {
    if (args_check_positional("read", nargs, 0, 1) < 0 || args_no_keywords("read", kwnames) < 0) {
        return 0;
    }
    int64_t n;
    if (io_size_arg(nargs ? args[0] : 0, &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return io_call(self, "readall", NULL, 0);
    }
    // b = bytearray(n); n = self.readinto(b); return bytes(b[:n])
    Value b = bytearray_from("", 0);
    if (!b || bytearray_resize(b, (size_t)n) < 0) {
        return 0;
    }
    Value got = io_call(self, "readinto", &b, 1);
    if (!got || got == VAL_NONE) {
        return got;
    }
    int64_t k;
    if (obj_as_int64(got, &k) < 0) {
        return 0;
    }
    if (k < 0 || k > n) {
        return err_format(&exc_ValueError, "readinto returned %lld outside buffer size %lld",
                          (long long)k, (long long)n);
    }
    Buffer view;
    if (buffer_get(b, &view, BUFFER_SIMPLE) <= 0) {
        return 0;
    }
    Value r = bytes_from(view.buf, (size_t)k);
    buffer_release(&view);
    return r;
}

FN(rawiobase_readall) {
    if (method_check_args("readall", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    for (;;) {
        Value arg = val_from_smallint(IO_DEFAULT_BUFFER_SIZE);
        Value b = io_call(self, "read", &arg, 1);
        if (!b) {
            goto done;
        }
        if (b == VAL_NONE) {
            if (sb.len == 0) {
                result = VAL_NONE;
                goto done;
            }
            break;
        }
        if (!val_is_bytes(b)) {
            err_format(&exc_TypeError, "read() should return bytes");
            goto done;
        }
        if (bytes_len(b) == 0) {
            break;
        }
        sb_put(&sb, bytes_data(b), bytes_len(b));
    }
    result = bytes_from(sb.data ? sb.data : "", sb.len);
done:
    sb_free(&sb);
    return result;
}

FN(rawiobase_not_implemented) {
    return err_format(&exc_NotImplementedError, "%s", "");
}

static const MethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, METH_DEFAULT, NULL},
    {"readall", rawiobase_readall, METH_DEFAULT, NULL},
    {"readinto", rawiobase_not_implemented, METH_DEFAULT, NULL},
    {"write", rawiobase_not_implemented, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_rawiobase = {
    .header = {&type_type},
    .name = "_io._RawIOBase",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(IOObject),
    .base = &type_iobase,
    .methods = rawiobase_methods,
};

// ---- _BufferedIOBase -------------------------------------------------------------------------

FN(bufferediobase_read) { return io_unsupported("read"); }
FN(bufferediobase_read1) { return io_unsupported("read1"); }
FN(bufferediobase_write) { return io_unsupported("write"); }
FN(bufferediobase_detach) { return io_unsupported("detach"); }
// readinto(b) through self.read(len(b)) (readinto1: self.read1).
static Value bufferediobase_readinto_via(Value self, const Value *args, size_t nargs,
                                         Value kwnames, const char *name, const char *reader) {
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer view;
    if (io_get_writable_buffer(args[0], &view) < 0) {
        return 0;
    }
    Value n = int_from_i64(view.len);
    Value data = n ? io_call(self, reader, &n, 1) : 0;
    if (data && !val_is_bytes(data)) {
        err_format(&exc_TypeError, "%s() should return bytes", reader);
        data = 0;
    }
    Value r = 0;
    if (data && bytes_len(data) > (size_t)view.len) {
        // CPython says read() for readinto1 too.
        err_format(&exc_ValueError, "read() returned too much data: %zd bytes requested, %zu returned",
                   view.len, bytes_len(data));
    } else if (data) {
        memcpy(view.buf, bytes_data(data), bytes_len(data));
        r = int_from_i64((int64_t)bytes_len(data));
    }
    buffer_release(&view);
    return r;
}

FN(bufferediobase_readinto) {
    return bufferediobase_readinto_via(self, args, nargs, kwnames, "readinto", "read");
}

FN(bufferediobase_readinto1) {
    return bufferediobase_readinto_via(self, args, nargs, kwnames, "readinto1", "read1");
}

static const MethodDef bufferediobase_methods[] = {
    {"read", bufferediobase_read, METH_DEFAULT, NULL},
    {"read1", bufferediobase_read1, METH_DEFAULT, NULL},
    {"write", bufferediobase_write, METH_DEFAULT, NULL},
    {"detach", bufferediobase_detach, METH_DEFAULT, NULL},
    {"readinto", bufferediobase_readinto, METH_DEFAULT, NULL},
    {"readinto1", bufferediobase_readinto1, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_bufferediobase = {
    .header = {&type_type},
    .name = "_io._BufferedIOBase",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(IOObject),
    .base = &type_iobase,
    .methods = bufferediobase_methods,
};

// ---- _TextIOBase ---------------------------------------------------------------------------

FN(textiobase_detach) { return io_unsupported("detach"); }
FN(textiobase_read) { return io_unsupported("read"); }
FN(textiobase_readline) { return io_unsupported("readline"); }
FN(textiobase_write) { return io_unsupported("write"); }
static Value textiobase_none(Value self) { return VAL_NONE; }

static const MethodDef textiobase_methods[] = {
    {"detach", textiobase_detach, METH_DEFAULT, NULL},
    {"read", textiobase_read, METH_DEFAULT, NULL},
    {"readline", textiobase_readline, METH_DEFAULT, NULL},
    {"write", textiobase_write, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, NULL, NULL},
    {"newlines", textiobase_none, NULL, NULL},
    {"errors", textiobase_none, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_textiobase = {
    .header = {&type_type},
    .name = "_io._TextIOBase",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(IOObject),
    .base = &type_iobase,
    .methods = textiobase_methods,
    .getset = textiobase_getset,
};

// ---- open() ------------------------------------------------------------------------------------

static const char *const open_names[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener",    NULL};

static Value call_kw(Value callable, const Value *args, size_t nargs, const char *const *kwn,
                     const Value *kwv, size_t nkw) {
    Value all[16];
    Value names = tuple_new(nkw);
    if (!names) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        all[i] = args[i];
    }
    for (size_t i = 0; i < nkw; i++) {
        Value n = str_intern_cstr(kwn[i]);
        if (!n) {
            return 0;
        }
        tuple_obj(names)->items[i] = n;
        all[nargs + i] = kwv[i];
    }
    return obj_call(callable, all, nargs, nkw ? names : 0);
}

static int optional_str(Value v, const char *what, const char **out) {
    *out = NULL;
    if (!v || v == VAL_NONE) {
        return 0;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "open() argument '%s' must be str or None, not %s", what,
                   obj_type_name(v));
        return -1;
    }
    *out = str_obj(v)->data;
    return 0;
}

FN(io_open) {
    ArgSpec spec = {"open", 0, open_names, 1, 8, 0};
    Value a[8];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value file = a[0];
    Value mode_v = a[1] ? a[1] : str_intern_cstr("r");
    const char *encoding, *errors, *newline;
    if (!val_is_str(mode_v)) {
        return err_format(&exc_TypeError, "open() argument 'mode' must be str, not %s",
                          obj_type_name(mode_v));
    }
    int64_t buffering = -1;
    if (a[2]) {
        if (type_of(a[2]) == &type_float) {
            return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        }
        if (obj_as_int64(a[2], &buffering) < 0) {
            return 0;
        }
    }
    if (optional_str(a[3], "encoding", &encoding) < 0 || optional_str(a[4], "errors", &errors) < 0 ||
        optional_str(a[5], "newline", &newline) < 0) {
        return 0;
    }
    int closefd = a[6] ? obj_truthy(a[6]) : 1;
    if (closefd < 0) {
        return 0;
    }
    if (!int_check(file) && !val_is_str(file) && !val_is_bytes(file)) {
        Value fspath = obj_lookup_special(file, str_intern_cstr("__fspath__"));
        if (!fspath) {
            if (err_occurred()) {
                return 0;
            }
            return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                              obj_type_name(file));
        }
        Value path = obj_call0(fspath);
        if (!path) {
            return 0;
        }
        if (!val_is_str(path) && !val_is_bytes(path)) {
            return err_format(&exc_TypeError,
                              "expected %s.__fspath__() to return str or bytes, not %s",
                              obj_type_name(file), obj_type_name(path));
        }
        file = path;
    }
    // Parse the mode as CPython's _io_open_impl.
    const char *mode = str_obj(mode_v)->data;
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0,
        binary = 0;
    for (const char *m = mode; *m; m++) {
        const char *dup = strchr(mode, *m);
        if (!strchr("xrwa+tb", *m) || dup != m) {
            return err_format(&exc_ValueError, "invalid mode: '%s'", mode);
        }
        switch (*m) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        }
    }
    if (strlen(mode) != str_obj(mode_v)->nbytes) {
        return err_format(&exc_ValueError, "invalid mode: '%s'", mode);
    }
    char rawmode[6], *r = rawmode;
    if (creating) *r++ = 'x';
    if (reading) *r++ = 'r';
    if (writing) *r++ = 'w';
    if (appending) *r++ = 'a';
    if (updating) *r++ = '+';
    *r = 0;
    if (text && binary) {
        return err_format(&exc_ValueError, "can't have text and binary mode at once");
    }
    if (creating + reading + writing + appending > 1) {
        return err_format(&exc_ValueError,
                          "must have exactly one of create/read/write/append mode");
    }
    if (creating + reading + writing + appending == 0) {
        return err_format(&exc_ValueError,
                          "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    if (binary && encoding) {
        return err_format(&exc_ValueError, "binary mode doesn't take an encoding argument");
    }
    if (binary && errors) {
        return err_format(&exc_ValueError, "binary mode doesn't take an errors argument");
    }
    if (binary && newline) {
        return err_format(&exc_ValueError, "binary mode doesn't take a newline argument");
    }
    if (binary && buffering == 1) {
        if (err_warn(&exc_RuntimeWarning, 1,
                     "line buffering (buffering=1) isn't supported in binary mode, the default "
                     "buffer size will be used") < 0) {
            return 0;
        }
        buffering = -1;
    }
    // The raw file.
    Value raw_args[2] = {file, str_from_cstr(rawmode)};
    static const char *const raw_kwn[] = {"closefd", "opener"};
    Value raw_kwv[2] = {val_bool(closefd), a[7] ? a[7] : VAL_NONE};
    if (!raw_args[1]) {
        return 0;
    }
    Value raw = call_kw(val_from_ptr(&type_fileio), raw_args, 2, raw_kwn, raw_kwv, 2);
    if (!raw) {
        return 0;
    }
    Value result = raw;
    int line_buffering = 0;
    if (buffering == 1 || buffering < 0) {
        Value tty = io_call(raw, "isatty", NULL, 0);
        if (!tty) {
            goto fail;
        }
        if (buffering == 1 || tty == VAL_TRUE) {
            line_buffering = 1;
            buffering = -1;
        }
    }
    if (buffering < 0) {
        buffering = IO_DEFAULT_BUFFER_SIZE;
        Value st = io_call(raw, "fileno", NULL, 0);
        if (st) {
            int64_t fd;
            struct stat sb;
            if (obj_as_int64(st, &fd) == 0 && fstat((int)fd, &sb) == 0 && sb.st_blksize > 1) {
                buffering = sb.st_blksize;
            }
        }
        err_clear();
    }
    if (buffering == 0) {
        if (binary) {
            return raw;
        }
        err_format(&exc_ValueError, "can't have unbuffered text I/O");
        goto fail;
    }
    Type *btype = updating ? &type_bufferedrandom
                  : (creating || writing || appending) ? &type_bufferedwriter
                                                       : &type_bufferedreader;
    Value bargs[2] = {raw, int_from_i64(buffering)};
    Value buffer = obj_call(val_from_ptr(btype), bargs, 2, 0);
    if (!buffer) {
        goto fail;
    }
    result = buffer;
    if (binary) {
        return buffer;
    }
    Value targs[1] = {buffer};
    static const char *const text_kwn[] = {"encoding", "errors", "newline", "line_buffering"};
    Value text_kwv[4] = {a[3] ? a[3] : VAL_NONE, a[4] ? a[4] : VAL_NONE, a[5] ? a[5] : VAL_NONE,
                         val_bool(line_buffering)};
    Value wrapper = call_kw(val_from_ptr(&type_textiowrapper), targs, 1, text_kwn, text_kwv, 4);
    if (!wrapper) {
        goto fail;
    }
    result = wrapper;
    if (obj_setattr(wrapper, str_intern_cstr("mode"), mode_v) < 0) {
        goto fail;
    }
    return wrapper;
fail:;
    Value exc = err_fetch();
    io_call(result, "close", NULL, 0);
    err_clear();
    err_set_value(exc);
    return 0;
}

FN(io_open_code) {
    static const char *const names[] = {"path", NULL};
    ArgSpec spec = {"open_code", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "open_code() argument 'path' must be str, not %s",
                          obj_type_name(a[0]));
    }
    Value oargs[2] = {a[0], str_from_cstr("rb")};
    return oargs[1] ? io_open(self, oargs, 2, 0) : 0;
}

FN(io_text_encoding) {
    if (args_check_positional("text_encoding", nargs, 1, 2) < 0 ||
        args_no_keywords("text_encoding", kwnames) < 0) {
        return 0;
    }
    if (args[0] != VAL_NONE) {
        return args[0];
    }
    int64_t stacklevel = 2;
    if (nargs > 1 && obj_as_int64(args[1], &stacklevel) < 0) {
        return 0;
    }
    if (io_sys_flag("warn_default_encoding") > 0 &&
        err_warn(&exc_EncodingWarning, (int)stacklevel, "'encoding' argument not specified") < 0) {
        return 0;
    }
    return str_intern_cstr(io_sys_flag("utf8_mode") > 0 ? "utf-8" : "locale");
}

int io_sys_flag(const char *name) {
    Value flags = sys_get_object("flags");
    Value v = flags ? obj_getattr_cstr(flags, name) : 0;
    if (!v) {
        err_clear();
        return 0;
    }
    int r = obj_truthy(v);
    if (r < 0) {
        err_clear();
        return 0;
    }
    return r;
}

void io_resource_warning(Value source, Value owner) {
    // (No source= for warnings.warn: Lib/warnings.py's warn_explicit, which
    // krait's _warnings hands over to, passes it on as WarningMessage's file
    // and would print the warning into the very file being finalized.)
    Value saved = err_fetch();
    Value r = obj_repr(source);
    if (!r || err_warn(&exc_ResourceWarning, 1, "unclosed file %s", str_obj(r)->data) < 0) {
        if (err_matches(&exc_Warning)) {
            err_write_unraisable(owner);
        }
        err_clear();
    }
    if (saved) {
        err_set_value(saved);
    }
}

void io_dealloc_warn(Value obj, Value source) {
    Value saved = err_fetch();
    Value f = obj_getattr_opt(obj, str_intern_cstr("_dealloc_warn"));
    if (f) {
        obj_call1(f, source);
    }
    err_clear();
    if (saved) {
        err_set_value(saved);
    }
}

static const MethodDef io_functions[] = {
    {"open", io_open, METH_DEFAULT,
     "open($module, /, file, mode='r', buffering=-1, encoding=None,\n"
     "     errors=None, newline=None, closefd=True, opener=None)\n--\n\n"},
    {"open_code", io_open_code, METH_DEFAULT, NULL},
    {"text_encoding", io_text_encoding, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

// The objects of the standard streams (kept alive here: they are never
// finalized before the process ends, so their finalizers are idle at exit).
static Value std_parts[9];
static int std_nparts;

// finalize.c's exit check: a standard stream's part, or a closed file of
// an io type itself (a subclass may have a __del__ of its own).
static int io_exit_idle(const Object *o) {
    for (int i = 0; i < std_nparts; i++) {
        if (val_ptr(std_parts[i]) == o) {
            return 1;
        }
    }
    Type *t = o->type;
    return (t == &type_fileio || t == &type_bufferedreader || t == &type_bufferedwriter ||
            t == &type_bufferedrandom || t == &type_textiowrapper) &&
           ((const IOObject *)o)->iobase_closed;
}

Value io_std_stream(int fd, const char *name, int writable, const char *errors,
                    int line_buffering, int unbuffered) {
    if (!io_module_init()) {
        return 0;
    }
    static const char *const raw_kwn[] = {"closefd"};
    Value raw_args[2] = {val_from_smallint(fd), str_from_cstr(writable ? "wb" : "rb")};
    Value raw_kwv[1] = {VAL_FALSE};
    Value raw = raw_args[1] ? call_kw(val_from_ptr(&type_fileio), raw_args, 2, raw_kwn, raw_kwv, 1)
                            : 0;
    if (!raw) {
        return 0;
    }
    Value name_v = str_from_cstr(name);
    if (!name_v || obj_setattr(raw, str_intern_cstr("name"), name_v) < 0) {
        return 0;
    }
    Value buffer = raw;
    if (!(unbuffered && writable)) {
        Value bargs[1] = {raw};
        buffer = obj_call(val_from_ptr(writable ? &type_bufferedwriter : &type_bufferedreader),
                          bargs, 1, 0);
        if (!buffer) {
            return 0;
        }
    }
    static const char *const text_kwn[] = {"encoding", "errors", "newline", "line_buffering",
                                           "write_through"};
    Value text_kwv[5] = {str_intern_cstr("utf-8"), str_from_cstr(errors), str_intern_cstr("\n"),
                         val_bool(line_buffering), val_bool(unbuffered)};
    if (!text_kwv[1]) {
        return 0;
    }
    Value targs[1] = {buffer};
    Value text = call_kw(val_from_ptr(&type_textiowrapper), targs, 1, text_kwn, text_kwv, 5);
    Value mode = text ? str_from_cstr(writable ? "w" : "r") : 0;
    if (!mode || obj_setattr(text, str_intern_cstr("mode"), mode) < 0) {
        return 0;
    }
    Value parts[3] = {raw, buffer, text};
    for (int i = 0; i < 3 && std_nparts < 9; i++) {
        std_parts[std_nparts++] = parts[i];
    }
    return text;
}

// builtins.open is _io.open (builtins.c asks for it).
Value io_open_function(void) {
    static Value fn;
    if (!fn) {
        Value m = io_module_init();
        if (!m) {
            return 0;
        }
        fn = dict_get_cstr(module_dict(m), "open");
    }
    return fn;
}

Value io_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    gc_add_root(&module);
    for (int i = 0; i < 9; i++) {
        gc_add_root(&std_parts[i]);
    }
    finalize_add_exit_idle_check(io_exit_idle);
    if (io_ready_types() < 0 || make_unsupported_operation() < 0) {
        return 0;
    }
    Value m = module_new_cstr("_io");
    if (!m || module_add_functions(m, io_functions) < 0) {
        return 0;
    }
    struct {
        const char *name;
        Type *type;
    } types[] = {
        {"_IOBase", &type_iobase},
        {"_RawIOBase", &type_rawiobase},
        {"_BufferedIOBase", &type_bufferediobase},
        {"_TextIOBase", &type_textiobase},
        {"FileIO", &type_fileio},
        {"BytesIO", &type_bytesio},
        {"StringIO", &type_stringio},
        {"BufferedReader", &type_bufferedreader},
        {"BufferedWriter", &type_bufferedwriter},
        {"BufferedRandom", &type_bufferedrandom},
        {"BufferedRWPair", &type_bufferedrwpair},
        {"TextIOWrapper", &type_textiowrapper},
        {"IncrementalNewlineDecoder", &type_incrementalnewlinedecoder},
        {"UnsupportedOperation", io_unsupported_operation},
        {"BlockingIOError", &exc_BlockingIOError},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (module_add(m, types[i].name, val_from_ptr(types[i].type)) < 0) {
            return 0;
        }
    }
    if (module_add(m, "DEFAULT_BUFFER_SIZE", val_from_smallint(IO_DEFAULT_BUFFER_SIZE)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    module = m;
    return m;
}

int io_ready_types(void) {
    static int done;
    if (done) {
        return 0;
    }
    Type *types[] = {&type_iobase,         &type_rawiobase,      &type_bufferediobase,
                     &type_textiobase,     &type_fileio,         &type_bytesio,
                     &type_stringio,       &type_bufferedreader, &type_bufferedwriter,
                     &type_bufferedrandom, &type_bufferedrwpair, &type_textiowrapper,
                     &type_incrementalnewlinedecoder};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (type_ready(types[i]) < 0) {
            return -1;
        }
    }
    done = 1;
    return 0;
}
