// bytesio.c - _io.BytesIO: a binary stream over a growable byte buffer.
//
// getbuffer() returns a memoryview on the stream's own bytes, through a
// small exporter object (_io._BytesIOBuffer, registered with buffer.h) that
// counts the stream's exports. While any view is open the buffer must not
// move or shrink, so everything that could resize it (write, writelines,
// truncate, close, __init__) raises CPython's BufferError "Existing exports
// of data: object cannot be re-sized". CPython releases a view as soon as
// the last reference to it goes; krait finalizes an unreachable view only
// after a collection, so before refusing, the check collects once and runs
// the pending finalizers (release() and `with` need no collection).
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/memoryview.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "io.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct BytesIOObject {
    IOObject base;
    char *buf;       // malloc'ed, cap bytes
    size_t len, cap, pos;  // pos may be beyond len (writes pad with zeros)
    int closed;
    int64_t exports;       // open getbuffer() views
} BytesIOObject;

#define BIO(v) ((BytesIOObject *)val_ptr(v))

static void bytesio_free(Object *o) {
    free(((BytesIOObject *)o)->buf);
    ((BytesIOObject *)o)->buf = NULL;
}

static Value bytesio_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    return val_from_ptr(gc_alloc(t, t->basic_size));
}

static int check_closed(BytesIOObject *b) {
    if (b->closed) {
        io_closed_error();
        return -1;
    }
    return 0;
}

// Refuse to resize while views are exported (see the top of the file).
static int check_exports(BytesIOObject *b) {
    if (b->exports > 0) {
        gc_collect();
        finalize_run_pending();
        if (b->exports > 0) {
            err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
            return -1;
        }
    }
    return 0;
}

static int reserve(BytesIOObject *b, size_t need) {
    if (need <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        cap *= 2;
    }
    char *nb = realloc(b->buf, cap);
    if (!nb) {
        err_no_memory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static int write_bytes(BytesIOObject *b, const char *data, size_t n) {
    if (n == 0) {
        return 0;
    }
    if (reserve(b, b->pos + n) < 0) {
        return -1;
    }
    if (b->pos > b->len) {
        memset(b->buf + b->len, 0, b->pos - b->len);
    }
    memcpy(b->buf + b->pos, data, n);
    b->pos += n;
    if (b->pos > b->len) {
        b->len = b->pos;
    }
    return 0;
}

static Value bytesio_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"initial_bytes", NULL};
    ArgSpec spec = {"BytesIO", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    b->len = b->pos = 0;
    if (check_exports(b) < 0) {
        return 0;
    }
    b->closed = 0;
    if (a[0] && a[0] != VAL_NONE) {
        const char *data;
        size_t n;
        if (modules_get_buffer(a[0], &data, &n) < 0 || write_bytes(b, data, n) < 0) {
            return 0;
        }
        b->pos = 0;
    }
    return VAL_NONE;
}

static Value read_upto(BytesIOObject *b, int64_t n) {
    size_t avail = b->pos < b->len ? b->len - b->pos : 0;
    size_t take = n < 0 || (size_t)n > avail ? avail : (size_t)n;
    Value r = bytes_from(b->buf ? b->buf + b->pos : "", take);
    if (r) {
        b->pos += take;
    }
    return r;
}

static Value sized_read(Value self, const char *fname, const Value *args, size_t nargs,
                        Value kwnames) {
    if (args_check_positional(fname, nargs, 0, 1) < 0 || args_no_keywords(fname, kwnames) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    int64_t n;
    if (check_closed(b) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0) {
        return 0;
    }
    return read_upto(b, n);
}

FN(bytesio_read) { return sized_read(self, "read", args, nargs, kwnames); }
FN(bytesio_read1) { return sized_read(self, "read1", args, nargs, kwnames); }

static Value readline_impl(BytesIOObject *b, int64_t limit) {
    size_t avail = b->pos < b->len ? b->len - b->pos : 0;
    if (limit >= 0 && (size_t)limit < avail) {
        avail = (size_t)limit;
    }
    const char *start = b->buf ? b->buf + b->pos : "";
    const char *nl = avail ? memchr(start, '\n', avail) : NULL;
    return read_upto(b, nl ? nl - start + 1 : (int64_t)avail);
}

FN(bytesio_readline) {
    if (args_check_positional("readline", nargs, 0, 1) < 0 ||
        args_no_keywords("readline", kwnames) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    int64_t n;
    if (check_closed(b) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0) {
        return 0;
    }
    return readline_impl(b, n);
}

FN(bytesio_readlines) {
    if (args_check_positional("readlines", nargs, 0, 1) < 0 ||
        args_no_keywords("readlines", kwnames) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    int64_t hint;
    if (check_closed(b) < 0 || io_size_arg(nargs ? args[0] : 0, &hint) < 0) {
        return 0;
    }
    Value list = list_new(0);
    size_t total = 0;
    while (list && b->pos < b->len) {
        Value line = readline_impl(b, -1);
        if (!line || list_append(list, line) < 0) {
            return 0;
        }
        total += bytes_len(line);
        if (hint > 0 && total >= (size_t)hint) {
            break;
        }
    }
    return list;
}

static Value bytesio_iternext(Value self) {
    BytesIOObject *b = BIO(self);
    if (check_closed(b) < 0) {
        return 0;
    }
    Value line = readline_impl(b, -1);
    return line && bytes_len(line) ? line : 0;
}

FN(bytesio_readinto) {
    if (method_check_args("BytesIO.readinto", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    Buffer view;
    if (check_closed(b) < 0 || io_get_writable_buffer(args[0], &view) < 0) {
        return 0;
    }
    size_t avail = b->pos < b->len ? b->len - b->pos : 0;
    size_t n = (size_t)view.len < avail ? (size_t)view.len : avail;
    if (n) {
        memcpy(view.buf, b->buf + b->pos, n);
    }
    b->pos += n;
    buffer_release(&view);
    return int_from_i64((int64_t)n);
}

FN(bytesio_write) {
    if (method_check_args("BytesIO.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    const char *data;
    size_t n;
    if (check_closed(b) < 0 || check_exports(b) < 0 ||
        modules_get_buffer(args[0], &data, &n) < 0 || write_bytes(b, data, n) < 0) {
        return 0;
    }
    gc_keep_alive(args[0]);
    return int_from_i64((int64_t)n);
}

FN(bytesio_writelines) {
    if (method_check_args("BytesIO.writelines", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    if (check_closed(b) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    Value line;
    while ((line = obj_next(it))) {
        const char *data;
        size_t n;
        if (check_exports(b) < 0 || modules_get_buffer(line, &data, &n) < 0 ||
            write_bytes(b, data, n) < 0) {
            return 0;
        }
    }
    return err_occurred() ? 0 : VAL_NONE;
}

FN(bytesio_seek) {
    if (args_check_positional("seek", nargs, 1, 2) < 0 || args_no_keywords("seek", kwnames) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    int64_t pos, whence = 0;
    if (type_of(args[0]) == &type_float) {
        return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
    }
    if (obj_as_index(args[0], &pos, 1) < 0 || (nargs > 1 && obj_as_int64(args[1], &whence) < 0)) {
        return 0;
    }
    if (check_closed(b) < 0) {
        return 0;
    }
    if (pos < 0 && whence == 0) {
        return err_format(&exc_ValueError, "negative seek value %lld", (long long)pos);
    }
    if (whence == 1) {
        pos = (int64_t)b->pos + pos;
    } else if (whence == 2) {
        pos = (int64_t)b->len + pos;
    } else if (whence != 0) {
        return err_format(&exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                          (long long)whence);
    }
    if (pos < 0) {
        pos = 0;
    }
    b->pos = (size_t)pos;
    return int_from_i64(pos);
}

FN(bytesio_tell) {
    BytesIOObject *b = BIO(self);
    if (method_check_args("BytesIO.tell", nargs, kwnames, 0, 0) < 0 || check_closed(b) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)b->pos);
}

FN(bytesio_truncate) {
    if (args_check_positional("truncate", nargs, 0, 1) < 0 ||
        args_no_keywords("truncate", kwnames) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    if (check_closed(b) < 0) {
        return 0;
    }
    int64_t size = (int64_t)b->pos;
    if (nargs && args[0] != VAL_NONE) {
        if (io_size_arg(args[0], &size) < 0) {
            return 0;
        }
        if (size < 0) {
            return err_format(&exc_ValueError, "negative size value %lld", (long long)size);
        }
    }
    if (check_exports(b) < 0) {
        return 0;
    }
    if ((size_t)size < b->len) {
        b->len = (size_t)size;
    }
    return int_from_i64(size);
}

FN(bytesio_getvalue) {
    BytesIOObject *b = BIO(self);
    if (method_check_args("BytesIO.getvalue", nargs, kwnames, 0, 0) < 0 || check_closed(b) < 0) {
        return 0;
    }
    return bytes_from(b->buf ? b->buf : "", b->len);
}

// ---- getbuffer ----------------------------------------------------------------------------------

typedef struct BytesIOBufferObject {
    Object header;
    Value source;   // the BytesIO
} BytesIOBufferObject;

static void bytesio_buffer_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((BytesIOBufferObject *)o)->source);
}

static Value bytesio_buffer_new(Value callable, const Value *args, size_t nargs,
                                Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances",
                      ((Type *)val_ptr(callable))->name);
}

static Type type_bytesio_buffer = {
    .header = {&type_type},
    .new_ = bytesio_buffer_new,
    .name = "_io._BytesIOBuffer",
    .basic_size = sizeof(BytesIOBufferObject),
    .base = &type_object,
    .trace = bytesio_buffer_trace,
};

static int bytesio_buffer_get(Value v, Buffer *view, int flags) {
    BytesIOObject *b = BIO(((BytesIOBufferObject *)val_ptr(v))->source);
    *view = (Buffer){v, b->buf ? b->buf : (char *)"", (int64_t)b->len, 1, (int64_t)b->len, 1,
                     "B", 0};
    b->exports++;
    return 0;
}

static void bytesio_buffer_release(Value v) {
    BIO(((BytesIOBufferObject *)val_ptr(v))->source)->exports--;
}

static const BufferExporter bytesio_exporter = {
    &type_bytesio_buffer, bytesio_buffer_get, bytesio_buffer_release,
};

FN(bytesio_getbuffer) {
    BytesIOObject *b = BIO(self);
    if (method_check_args("BytesIO.getbuffer", nargs, kwnames, 0, 0) < 0 || check_closed(b) < 0) {
        return 0;
    }
    if (!type_bytesio_buffer.dict) {
        if (type_ready(&type_bytesio_buffer) < 0) {
            return 0;
        }
        buffer_register_exporter(&bytesio_exporter);
    }
    BytesIOBufferObject *x =
        (BytesIOBufferObject *)gc_alloc(&type_bytesio_buffer, sizeof(BytesIOBufferObject));
    if (!x) {
        return 0;
    }
    x->source = self;
    return obj_call1(val_from_ptr(&type_memoryview), val_from_ptr(x));
}

FN(bytesio_close) {
    if (check_exports(BIO(self)) < 0) {
        return 0;
    }
    BIO(self)->closed = 1;
    BIO(self)->base.iobase_closed = 1;
    return VAL_NONE;
}

FN(bytesio_true) {
    return check_closed(BIO(self)) < 0 ? 0 : VAL_TRUE;
}

FN(bytesio_false) {
    return check_closed(BIO(self)) < 0 ? 0 : VAL_FALSE;
}

FN(bytesio_flush) {
    return check_closed(BIO(self)) < 0 ? 0 : VAL_NONE;
}

// ---- pickling -------------------------------------------------------------------------------------

// (value, position, instance dict or None), as CPython's BytesIO.__getstate__.
FN(bytesio_getstate) {
    BytesIOObject *b = BIO(self);
    if (method_check_args("__getstate__", nargs, kwnames, 0, 0) < 0 || check_closed(b) < 0) {
        return 0;
    }
    Value value = bytes_from(b->buf ? b->buf : "", b->len);
    Value dict = value ? obj_getattr_opt(self, str_intern_cstr("__dict__")) : 0;
    if (!value || (!dict && err_occurred())) {
        return 0;
    }
    if (dict && dict_check(dict) && dict_len(dict) > 0) {
        dict = dict_copy(dict);
        if (!dict) {
            return 0;
        }
    } else {
        dict = VAL_NONE;
    }
    Value pos = int_from_i64((int64_t)b->pos);
    return pos ? tuple_from((Value[]){value, pos, dict}, 3) : 0;
}

FN(bytesio_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BytesIOObject *b = BIO(self);
    Value state = args[0];
    if (!tuple_check(state) || tuple_obj(state)->len < 3) {
        return err_format(&exc_TypeError, "%.200s.__setstate__ argument should be 3-tuple, got %.200s",
                          type_of(self)->name, obj_type_name(state));
    }
    if (check_exports(b) < 0) {
        return 0;
    }
    b->len = b->pos = 0;  // then the value is written, which a closed stream refuses
    const char *data;
    size_t n;
    if (check_closed(b) < 0 || modules_get_buffer(tuple_obj(state)->items[0], &data, &n) < 0 ||
        write_bytes(b, data, n) < 0) {
        return 0;
    }
    Value posv = tuple_obj(state)->items[1];
    if (!int_check(posv)) {
        return err_format(&exc_TypeError, "second item of state must be an integer, not %.200s",
                          obj_type_name(posv));
    }
    int64_t pos;
    if (int_to_i64(posv, &pos) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    if (pos < 0) {
        return err_format(&exc_ValueError, "position value cannot be negative");
    }
    b->pos = (size_t)pos;
    Value dict = tuple_obj(state)->items[2];
    if (dict != VAL_NONE) {
        if (!dict_check(dict)) {
            return err_format(&exc_TypeError, "third item of state should be a dict, got a %.200s",
                              obj_type_name(dict));
        }
        size_t it = 0;
        Value k, v;
        while (dict_next(dict, &it, &k, &v)) {
            if (obj_setattr(self, k, v) < 0) {
                return 0;
            }
        }
    }
    return VAL_NONE;
}

static Value bytesio_get_closed(Value self) { return val_bool(BIO(self)->closed); }

static const MethodDef bytesio_methods[] = {
    {"read", bytesio_read, METH_DEFAULT, NULL},
    {"read1", bytesio_read1, METH_DEFAULT, NULL},
    {"readline", bytesio_readline, METH_DEFAULT, NULL},
    {"readlines", bytesio_readlines, METH_DEFAULT, NULL},
    {"readinto", bytesio_readinto, METH_DEFAULT, NULL},
    {"write", bytesio_write, METH_DEFAULT, NULL},
    {"writelines", bytesio_writelines, METH_DEFAULT, NULL},
    {"seek", bytesio_seek, METH_DEFAULT, NULL},
    {"tell", bytesio_tell, METH_DEFAULT, NULL},
    {"truncate", bytesio_truncate, METH_DEFAULT, NULL},
    {"getvalue", bytesio_getvalue, METH_DEFAULT, NULL},
    {"getbuffer", bytesio_getbuffer, METH_DEFAULT, NULL},
    {"__getstate__", bytesio_getstate, METH_DEFAULT, NULL},
    {"__setstate__", bytesio_setstate, METH_DEFAULT, NULL},
    {"close", bytesio_close, METH_DEFAULT, NULL},
    {"readable", bytesio_true, METH_DEFAULT, NULL},
    {"writable", bytesio_true, METH_DEFAULT, NULL},
    {"seekable", bytesio_true, METH_DEFAULT, NULL},
    {"isatty", bytesio_false, METH_DEFAULT, NULL},
    {"flush", bytesio_flush, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef bytesio_getset[] = {
    {"closed", bytesio_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_bytesio = {
    .header = {&type_type},
    .name = "_io.BytesIO",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(BytesIOObject),
    .base = &type_bufferediobase,
    .free = bytesio_free,
    .new_ = bytesio_new,
    .init = bytesio_init,
    .iternext = bytesio_iternext,
    .methods = bytesio_methods,
    .getset = bytesio_getset,
};
