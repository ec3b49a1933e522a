// bytearray.c - Python's bytearray: the storage, the mutating methods and
// the slots. The methods it shares with bytes are in bytes_methods.c.
//
// Exports without reference counts: in CPython a memoryview nobody holds
// is freed at once and gives its export back, so `memoryview(b)[0] = 1;
// b.append(2)` works. Here the dead view keeps its export until the
// collector finalizes it. So before refusing a size change, the array
// runs a full collection and the finalizers (ba_ensure_resizable) and
// looks again. That may run Python code (__del__), so it happens before a
// method reads the array's state, and ba_replace clamps its range to the
// length it finds afterwards.
//
// The bytes live in a malloc'ed array that grows like CPython's (so that
// __alloc__ reports the same numbers), freed by the type's free slot. While
// buffer windows are open on it (memoryviews: buffer.h) the array may not
// change size; every size change goes through bytearray_resize, which
// checks. Code that runs Python (an __index__, an iterator) re-reads
// `data` afterwards.
#include "bytearray.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "buffer.h"
#include "bytes.h"
#include "bytes_methods.h"
#include "codecs.h"
#include "exceptions.h"
#include "finalize.h"
#include "format.h"
#include "gc.h"
#include "int.h"
#include "iterators.h"
#include "list.h"
#include "slice.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type.h"

int bytearray_check(Value v) {
    if (!val_is_ptr(v)) {
        return 0;
    }
    Type *t = val_ptr(v)->type;
    return t == &type_bytearray || ((t->flags & TYPE_HEAP) && type_is_subtype(t, &type_bytearray));
}

// ---- storage ---------------------------------------------------------------------------

static void bytearray_free(Object *o) {
    free(((ByteArrayObject *)o)->data);
}

// Set the allocation to exactly `alloc` bytes (alloc > len).
static int ba_realloc(ByteArrayObject *b, size_t alloc) {
    char *d = realloc(b->data, alloc);
    if (!d) {
        err_no_memory();
        return -1;
    }
    b->data = d;
    b->cap = alloc;
    return 0;
}

int bytearray_resize(Value v, size_t size) {
    ByteArrayObject *b = bytearray_obj(v);
    if (size == b->len) {
        return 0;
    }
    if (b->exports > 0) {
        err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (size > (size_t)INT64_MAX - 16) {
        err_no_memory();
        return -1;
    }
    size_t alloc = b->cap;
    if (size + 1 <= alloc) {
        if (size < alloc / 2) {
            alloc = size + 1;
        } else {
            b->len = size;
            b->data[size] = 0;
            return 0;
        }
    } else if (size <= alloc + alloc / 8) {
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    } else {
        alloc = size + 1;
    }
    if (ba_realloc(b, alloc) < 0) {
        return -1;
    }
    b->len = size;
    b->data[size] = 0;
    return 0;
}

// 0 if self may change size now (after collecting dead views if it has
// exports), or -1 with CPython's BufferError.
static int ba_ensure_resizable(Value self) {
    if (bytearray_obj(self)->exports > 0) {
        gc_scrub_stack();
        finalize_collect();
        if (bytearray_obj(self)->exports > 0) {
            err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
            return -1;
        }
    }
    return 0;
}

static Value ba_alloc(Type *t) {
    ByteArrayObject *b = (ByteArrayObject *)gc_alloc(t, t->basic_size);
    return b ? val_from_ptr(b) : 0;
}

Value bytearray_from(const void *p, size_t n) {
    Value v = ba_alloc(&type_bytearray);
    if (!v) {
        return 0;
    }
    if (n > 0) {
        ByteArrayObject *b = bytearray_obj(v);
        if (ba_realloc(b, n + 1) < 0) {
            return 0;
        }
        memcpy(b->data, p, n);
        b->data[n] = 0;
        b->len = n;
    }
    return v;
}

// Replace self[lo:hi] by p[0..n) (p must not point into self).
static int ba_replace(Value self, size_t lo, size_t hi, const char *p, size_t n) {
    if (n != hi - lo && ba_ensure_resizable(self) < 0) {
        return -1;
    }
    ByteArrayObject *b = bytearray_obj(self);
    size_t old = b->len;
    if (hi > old) {
        hi = old;  // a finalizer run by ba_ensure_resizable shrank the array
    }
    if (lo > hi) {
        lo = hi;
    }
    size_t newlen = old - (hi - lo) + n;
    if (n > hi - lo) {
        if (bytearray_resize(self, newlen) < 0) {
            return -1;
        }
        memmove(b->data + lo + n, b->data + hi, old - hi);
    } else if (n < hi - lo) {
        if (b->exports > 0) {
            err_format(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
            return -1;
        }
        memmove(b->data + lo + n, b->data + hi, old - hi);
        if (bytearray_resize(self, newlen) < 0) {
            return -1;
        }
    }
    if (n) {
        memcpy(b->data + lo, p, n);
    }
    return 0;
}

// ---- construction -----------------------------------------------------------------------

static Value bytearray_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return ba_alloc(type_ptr(type));
}

// bytearray(source=b'', encoding, errors): fills (or refills) self.
static Value bytearray_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    static const ArgSpec spec = {"bytearray", 0, names, 0, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 1; i < 3; i++) {
        if (a[i] && !val_is_str(a[i])) {
            return err_format(&exc_TypeError, "bytearray() argument '%s' must be str, not %s",
                              names[i], a[i] == VAL_NONE ? "None" : str_type_name(a[i]));
        }
    }
    Value x = a[0];
    if ((bytearray_obj(self)->len && ba_ensure_resizable(self) < 0) ||
        bytearray_resize(self, 0) < 0) {
        return 0;
    }
    if (!x) {
        if (a[1] || a[2]) {
            return err_format(&exc_TypeError, a[1] ? "encoding without a string argument"
                                                   : "errors without a string argument");
        }
        return VAL_NONE;
    }
    Value src = 0;
    if (val_is_str(x)) {
        if (!a[1]) {
            return err_format(&exc_TypeError, "string argument without an encoding");
        }
        src = codec_encode(x, str_obj(a[1])->data, a[2] ? str_obj(a[2])->data : NULL);
        if (!src) {
            return 0;
        }
    } else if (a[1] || a[2]) {
        return err_format(&exc_TypeError, a[1] ? "encoding without a string argument"
                                               : "errors without a string argument");
    }
    if (!src) {
        int64_t size;
        int overflow;
        int k = buffer_check(x) ? 0 : str_index_arg(x, &size, &overflow);
        if (k < 0 && !err_matches(&exc_TypeError)) {
            return 0;
        }
        if (k < 0) {
            err_clear();
            k = 0;
        }
        if (k > 0) {
            if (overflow) {
                return err_format(&exc_OverflowError,
                                  "cannot fit 'int' into an index-sized integer");
            }
            if (size < 0) {
                return err_format(&exc_ValueError, "negative count");
            }
            if (size > 0) {
                ByteArrayObject *b = bytearray_obj(self);
                if (ba_realloc(b, (size_t)size + 1) < 0) {
                    return 0;
                }
                memset(b->data, 0, (size_t)size + 1);
                b->len = (size_t)size;
            }
            return VAL_NONE;
        }
        Buffer view;
        int g = buffer_get(x, &view, BUFFER_STRIDED);
        if (g < 0) {
            return 0;
        }
        if (g > 0) {
            src = bm_bytes_from_object(x);
            buffer_release(&view);
            if (!src) {
                return 0;
            }
        }
    }
    if (src) {
        return ba_replace(self, 0, 0, bytes_data(src), bytes_len(src)) < 0 ? 0 : VAL_NONE;
    }
    Value it = obj_iter(x);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "cannot convert '%s' object to bytearray",
                       str_type_name(x));
        }
        return 0;
    }
    // Each item is appended as it comes, as CPython: the iterator sees the
    // array grow.
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : VAL_NONE;
        }
        int64_t c;
        int overflow;
        int k = str_index_arg(item, &c, &overflow);
        if (k < 0) {
            return 0;
        }
        if (k == 0) {
            return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              str_type_name(item));
        }
        if (overflow || c < 0 || c > 255) {
            return err_format(&exc_ValueError, "byte must be in range(0, 256)");
        }
        size_t n = bytearray_obj(self)->len;
        if (bytearray_resize(self, n + 1) < 0) {
            return 0;
        }
        bytearray_obj(self)->data[n] = (char)c;
    }
}

// ---- slots -----------------------------------------------------------------------------

static Value bytearray_repr(Value self) {
    ByteArrayObject *b = bytearray_obj(self);
    const char *name = type_of(self)->name;
    const char *dot = strrchr(name, '.');
    StrBuf sb;
    sb_init(&sb);
    sb_put(&sb, dot ? dot + 1 : name, strlen(dot ? dot + 1 : name));
    sb_putc(&sb, '(');
    bytes_repr_ex(&sb, b->data ? b->data : "", b->len, 1);
    sb_putc(&sb, ')');
    Value r = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

// Distinct from repr, so that bytearray gets a __str__ of its own (as CPython).
static Value bytearray_str(Value self) {
    return bytearray_repr(self);
}

static Value bytearray_richcompare(Value a, Value b, CompareOp op) {
    if (val_is_str(a) || val_is_str(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    Buffer x = {0}, y = {0};
    int ka = buffer_get(a, &x, BUFFER_SIMPLE);
    if (ka <= 0) {
        err_clear();
        return VAL_NOTIMPLEMENTED;
    }
    int kb = buffer_get(b, &y, BUFFER_SIMPLE);
    if (kb <= 0) {
        buffer_release(&x);
        err_clear();
        return VAL_NOTIMPLEMENTED;
    }
    int c;
    if ((op == CMP_EQ || op == CMP_NE) && x.len != y.len) {
        c = 1;
    } else {
        int64_t n = x.len < y.len ? x.len : y.len;
        c = memcmp(x.buf, y.buf, (size_t)n);
        if (c == 0) {
            c = (x.len > y.len) - (x.len < y.len);
        }
    }
    buffer_release(&x);
    buffer_release(&y);
    switch (op) {
    case CMP_EQ: return val_bool(c == 0);
    case CMP_NE: return val_bool(c != 0);
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

static int64_t bytearray_len(Value v) {
    return (int64_t)bytearray_obj(v)->len;
}

static Value bytearray_getitem(Value self, Value key) {
    ByteArrayObject *b = bytearray_obj(self);
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, (int64_t)b->len, &start, &stop, &step, &n) < 0) {
            return 0;
        }
        if (step == 1) {
            return bytearray_from(n ? b->data + start : "", (size_t)n);
        }
        Value r = bytearray_from("", 0);
        if (!r || bytearray_resize(r, (size_t)n) < 0) {
            return 0;
        }
        for (int64_t i = 0; i < n; i++) {
            bytearray_obj(r)->data[i] = b->data[start + i * step];
        }
        return r;
    }
    int64_t i;
    if (seq_index(key, &i, "bytearray") < 0) {
        return 0;
    }
    if (i < 0) {
        i += (int64_t)b->len;
    }
    if (i < 0 || i >= (int64_t)b->len) {
        return err_format(&exc_IndexError, "bytearray index out of range");
    }
    return val_from_smallint((unsigned char)b->data[i]);
}

// The bytes of `values` for a slice assignment: a new exact bytes.
static Value ba_assign_source(Value values) {
    if (buffer_check(values)) {
        return bm_bytes_from_object(values);
    }
    Type *t = type_of(values);
    if (val_is_str(values) || t->index || t->to_int || t->to_float) {  // PyNumber_Check
        return err_format(&exc_TypeError,
                          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    Value it = obj_iter(values);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "cannot convert '%s' object to bytearray",
                       str_type_name(values));
        }
        return 0;
    }
    char *data = NULL;
    size_t len = 0;
    if (bm_ints_from_iterable(it, &data, &len, "byte must be in range(0, 256)") < 0) {
        free(data);
        return 0;
    }
    Value r = bytes_from(data ? data : "", len);
    free(data);
    return r;
}

static int bytearray_setitem(Value self, Value key, Value value) {
    if (slice_check(key)) {
        Value src = 0;
        if (value) {
            src = ba_assign_source(value);
            if (!src) {
                return -1;
            }
        }
        ByteArrayObject *b = bytearray_obj(self);
        int64_t start, stop, step, n;
        if (slice_indices(key, (int64_t)b->len, &start, &stop, &step, &n) < 0) {
            return -1;
        }
        size_t sn = src ? bytes_len(src) : 0;
        const char *sp = src ? bytes_data(src) : "";
        if (step == 1) {
            if (stop < start) {
                stop = start;
            }
            return ba_replace(self, (size_t)start, (size_t)stop, sp, sn);
        }
        if (src && sn == 0) {
            src = 0;  // CPython: assigning b'' to an extended slice deletes it
        }
        if (src) {
            if ((int64_t)sn != n) {
                err_format(&exc_ValueError,
                           "attempt to assign bytes of size %zu to extended slice of size %lld",
                           sn, (long long)n);
                return -1;
            }
            for (int64_t i = 0; i < n; i++) {
                b->data[start + i * step] = sp[i];
            }
            return 0;
        }
        if (n == 0) {
            return 0;
        }
        if (b->exports > 0) {
            if (ba_ensure_resizable(self) < 0) {
                return -1;
            }
            // Finalizers ran: measure again.
            if (slice_indices(key, (int64_t)b->len, &start, &stop, &step, &n) < 0) {
                return -1;
            }
        }
        // Delete every step-th byte: normalize to a positive step.
        if (step < 0) {
            start += (n - 1) * step;
            step = -step;
        }
        size_t w = (size_t)start;
        for (size_t r = (size_t)start; r < b->len; r++) {
            if (r >= (size_t)start && (r - (size_t)start) % (size_t)step == 0 &&
                (r - (size_t)start) / (size_t)step < (size_t)n) {
                continue;
            }
            b->data[w++] = b->data[r];
        }
        return bytearray_resize(self, w);
    }
    int64_t i;
    if (seq_index(key, &i, "bytearray") < 0) {
        return -1;
    }
    int byte = 0;
    if (value && bm_byte_arg(value, &byte) < 0) {
        return -1;
    }
    ByteArrayObject *b = bytearray_obj(self);
    if (i < 0) {
        i += (int64_t)b->len;
    }
    if (i < 0 || i >= (int64_t)b->len) {
        err_format(&exc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (value) {
        b->data[i] = (char)byte;
        return 0;
    }
    return ba_replace(self, (size_t)i, (size_t)i + 1, "", 0);
}

static int bytearray_contains(Value self, Value item) {
    int64_t c;
    int overflow;
    int k = str_index_arg(item, &c, &overflow);
    if (k > 0) {
        if (overflow || c < 0 || c > 255) {
            err_format(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        ByteArrayObject *b = bytearray_obj(self);
        return b->len && memchr(b->data, (int)c, b->len) != NULL;
    }
    if (k < 0) {
        err_clear();
    }
    Buffer x;
    if (buffer_get_bytes_like(item, &x) < 0) {
        return -1;
    }
    ByteArrayObject *b = bytearray_obj(self);
    int r = str_find_bytes(b->data ? b->data : "", b->len, x.buf, (size_t)x.len) >= 0;
    buffer_release(&x);
    return r;
}

static Value bytearray_concat(Value a, Value b) {
    Buffer x = {0}, y = {0};
    int ka = buffer_get(a, &x, BUFFER_SIMPLE);
    int kb = ka > 0 ? buffer_get(b, &y, BUFFER_SIMPLE) : 0;
    if (ka <= 0 || kb <= 0) {
        // CPython reports any failure to get a buffer (a released or
        // strided memoryview too) as this TypeError.
        buffer_release(&x);
        err_clear();
        return err_format(&exc_TypeError, "can't concat %s to %s", str_type_name(b),
                          str_type_name(a));
    }
    Value r = bytearray_from(x.buf, (size_t)x.len);
    if (r && ba_replace(r, (size_t)x.len, (size_t)x.len, y.buf, (size_t)y.len) < 0) {
        r = 0;
    }
    buffer_release(&x);
    buffer_release(&y);
    return r;
}

// self * n into a new bytearray (or into self for *=).
static Value ba_repeat_into(Value self, Value target, int64_t n) {
    if (n < 0) {
        n = 0;
    }
    if (n != 1 && ba_ensure_resizable(target) < 0) {
        return 0;
    }
    ByteArrayObject *b = bytearray_obj(self);
    size_t len = b->len;
    if (len && (uint64_t)n > (uint64_t)INT64_MAX / len) {
        return err_no_memory();
    }
    Value src = bytes_from(b->data ? b->data : "", len);
    if (!src || bytearray_resize(target, len * (size_t)n) < 0) {
        return 0;
    }
    char *d = bytearray_obj(target)->data;
    for (int64_t i = 0; i < n; i++) {
        memcpy(d + (size_t)i * len, bytes_data(src), len);
    }
    return target;
}

static Value bytearray_repeat(Value self, Value count) {
    int64_t n;
    if (str_repeat_count(count, &n) < 0) {
        return 0;
    }
    Value r = bytearray_from("", 0);
    return r ? ba_repeat_into(self, r, n) : 0;
}

static Value bytearray_iadd(Value a, Value b) {
    if (!bytearray_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    Buffer y;
    int k = buffer_get(b, &y, BUFFER_SIMPLE);
    if (k <= 0) {
        if (k == 0) {
            err_format(&exc_TypeError, "can't concat %s to %s", str_type_name(b),
                       str_type_name(a));
        }
        return 0;
    }
    Value src = bytes_from(y.buf, (size_t)y.len);  // y may be a itself
    buffer_release(&y);
    if (!src) {
        return 0;
    }
    size_t len = bytearray_obj(a)->len;
    return ba_replace(a, len, len, bytes_data(src), bytes_len(src)) < 0 ? 0 : a;
}

static Value bytearray_imul(Value a, Value b) {
    if (!bytearray_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t n;
    int k = seq_repeat_count(b, &n);
    if (k <= 0) {
        return k == 0 ? VAL_NOTIMPLEMENTED : 0;
    }
    return ba_repeat_into(a, a, n);
}

static Value bytearray_mod(Value a, Value b) {
    if (!bytearray_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    ByteArrayObject *x = bytearray_obj(a);
    Value fmt = bytes_from(x->data ? x->data : "", x->len);
    Value r = fmt ? bytes_mod(fmt, b) : 0;
    if (!r || !val_is_bytes(r)) {
        return r;
    }
    return bytearray_from(bytes_data(r), bytes_len(r));
}

// ---- the iterator -------------------------------------------------------------------------

typedef struct ByteArrayIterObject {
    Object header;
    Value seq;     // 0 once exhausted
    size_t index;
} ByteArrayIterObject;

static void bytearray_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ByteArrayIterObject *)o)->seq);
}

static Value bytearray_iter(Value v) {
    ByteArrayIterObject *it =
        (ByteArrayIterObject *)gc_alloc(&type_bytearray_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->seq = v;
    return val_from_ptr(it);
}

static Value bytearray_iter_next(Value v) {
    ByteArrayIterObject *it = (ByteArrayIterObject *)val_ptr(v);
    if (!it->seq) {
        return 0;
    }
    ByteArrayObject *b = bytearray_obj(it->seq);
    if (it->index >= b->len) {
        it->seq = 0;
        return 0;
    }
    return val_from_smallint((unsigned char)b->data[it->index++]);
}

static Value bytearray_iter_self(Value v) {
    return v;
}

static Value bytearray_iter_length_hint(Value self, const Value *args, size_t nargs,
                                        Value kwnames) {
    ByteArrayIterObject *it = (ByteArrayIterObject *)val_ptr(self);
    size_t len = it->seq ? bytearray_obj(it->seq)->len : 0;
    return val_from_smallint(len > it->index ? (int64_t)(len - it->index) : 0);
}

static Value bytearray_iter_reduce(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ByteArrayIterObject *it = (ByteArrayIterObject *)val_ptr(self);
    Value empty = tuple_new(0);
    return empty ? seqiter_reduce("iter", it->seq, (int64_t)it->index, empty) : 0;
}

static Value bytearray_iter_setstate(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ByteArrayIterObject *it = (ByteArrayIterObject *)val_ptr(self);
    int64_t i;
    int64_t len = it->seq ? (int64_t)bytearray_obj(it->seq)->len : 0;
    if (seqiter_setstate(args[0], 0, len, &i) < 0) {
        return 0;
    }
    if (it->seq) {
        it->index = (size_t)i;
    }
    return VAL_NONE;
}

static const MethodDef bytearray_iter_methods[] = {
    {"__length_hint__", bytearray_iter_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", bytearray_iter_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", bytearray_iter_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_bytearray_iterator = {
    .header = {&type_type},
    .name = "bytearray_iterator",
    .basic_size = sizeof(ByteArrayIterObject),
    .base = &type_object,
    .trace = bytearray_iter_trace,
    .iter = bytearray_iter_self,
    .iternext = bytearray_iter_next,
    .methods = bytearray_iter_methods,
};

// ---- the mutating methods ----------------------------------------------------------------

// An index argument (CPython's "n" converter).
static int ba_ssize_arg(Value v, int64_t *out) {
    int overflow;
    int k = str_index_arg(v, out, &overflow);
    if (k == 0) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   str_type_name(v));
    } else if (k > 0 && overflow) {
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        k = -1;
    }
    return k > 0 ? 0 : -1;
}

static Value ba_m_append(Value self, const Value *args, size_t nargs, Value kwnames) {
    int c;
    if (method_check_args("bytearray.append", nargs, kwnames, 1, 1) < 0 ||
        bm_byte_arg(args[0], &c) < 0) {
        return 0;
    }
    char ch = (char)c;
    size_t len = bytearray_obj(self)->len;
    return ba_replace(self, len, len, &ch, 1) < 0 ? 0 : VAL_NONE;
}

static Value ba_m_extend(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.extend", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value x = args[0];
    Value src;
    if (buffer_check(x)) {
        src = bm_bytes_from_object(x);
    } else {
        Value it = obj_iter(x);
        if (!it) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError, "can't extend bytearray with %s", str_type_name(x));
            }
            return 0;
        }
        char *data = NULL;
        size_t len = 0;
        if (bm_ints_from_iterable(it, &data, &len, "byte must be in range(0, 256)") < 0) {
            free(data);
            return 0;
        }
        src = bytes_from(data ? data : "", len);
        free(data);
    }
    if (!src) {
        return 0;
    }
    size_t len = bytearray_obj(self)->len;
    return ba_replace(self, len, len, bytes_data(src), bytes_len(src)) < 0 ? 0 : VAL_NONE;
}

static Value ba_m_insert(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t where;
    int c;
    if (method_check_args("bytearray.insert", nargs, kwnames, 2, 2) < 0 ||
        ba_ssize_arg(args[0], &where) < 0 || bm_byte_arg(args[1], &c) < 0) {
        return 0;
    }
    int64_t n = (int64_t)bytearray_obj(self)->len;
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    char ch = (char)c;
    return ba_replace(self, (size_t)where, (size_t)where, &ch, 1) < 0 ? 0 : VAL_NONE;
}

static Value ba_m_pop(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t i = -1;
    if (method_check_args("bytearray.pop", nargs, kwnames, 0, 1) < 0 ||
        (nargs > 0 && ba_ssize_arg(args[0], &i) < 0)) {
        return 0;
    }
    ByteArrayObject *b = bytearray_obj(self);
    if (b->len == 0) {
        return err_format(&exc_IndexError, "pop from empty bytearray");
    }
    if (i < 0) {
        i += (int64_t)b->len;
    }
    if (i < 0 || i >= (int64_t)b->len) {
        return err_format(&exc_IndexError, "pop index out of range");
    }
    unsigned char c = (unsigned char)b->data[i];
    if (ba_replace(self, (size_t)i, (size_t)i + 1, "", 0) < 0) {
        return 0;
    }
    return val_from_smallint(c);
}

static Value ba_m_remove(Value self, const Value *args, size_t nargs, Value kwnames) {
    int c;
    if (method_check_args("bytearray.remove", nargs, kwnames, 1, 1) < 0 ||
        bm_byte_arg(args[0], &c) < 0) {
        return 0;
    }
    ByteArrayObject *b = bytearray_obj(self);
    char *p = b->len ? memchr(b->data, c, b->len) : NULL;
    if (!p) {
        return err_format(&exc_ValueError, "value not found in bytearray");
    }
    size_t i = (size_t)(p - b->data);
    return ba_replace(self, i, i + 1, "", 0) < 0 ? 0 : VAL_NONE;
}

static Value ba_m_reverse(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.reverse", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ByteArrayObject *b = bytearray_obj(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        char t = b->data[i];
        b->data[i] = b->data[j - 1];
        b->data[j - 1] = t;
    }
    return VAL_NONE;
}

static Value ba_m_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (bytearray_obj(self)->len && ba_ensure_resizable(self) < 0) {
        return 0;
    }
    return bytearray_resize(self, 0) < 0 ? 0 : VAL_NONE;
}

static Value ba_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ByteArrayObject *b = bytearray_obj(self);
    return bytearray_from(b->data, b->len);
}

static Value ba_m_alloc(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.__alloc__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_from_smallint((int64_t)bytearray_obj(self)->cap);
}

static Value ba_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_from_smallint(56 + (int64_t)bytearray_obj(self)->cap);
}

// __reduce_ex__(proto): (type, (latin-1 str, 'latin-1') or (bytes,), state).
static Value ba_reduce(Value self, int64_t proto) {
    ByteArrayObject *b = bytearray_obj(self);
    Value state = object_getstate(self);
    if (!state) {
        return 0;
    }
    Value data, argt;
    if (proto < 3) {
        data = codec_decode(0, b->data ? b->data : "", b->len, "latin-1", NULL);
        Value enc = str_from_cstr("latin-1");
        argt = data && enc ? tuple_pack2(data, enc) : 0;
    } else {
        data = bytes_from(b->data ? b->data : "", b->len);
        argt = data ? tuple_from(&data, 1) : 0;
    }
    if (!argt) {
        return 0;
    }
    Value items[3] = {val_from_ptr(type_of(self)), argt, state};
    return tuple_from(items, 3);
}

static Value ba_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytearray.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return ba_reduce(self, 2);
}

static Value ba_m_reduce_ex(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t proto = 0;
    if (method_check_args("bytearray.__reduce_ex__", nargs, kwnames, 0, 1) < 0 ||
        (nargs > 0 && obj_as_int64(args[0], &proto) < 0)) {
        return 0;
    }
    return ba_reduce(self, proto);
}

// ---- the type --------------------------------------------------------------------------------

static const MethodDef bytearray_methods[] = {
    BYTES_SHARED_METHODS(BM_ENTRY_)
    {"append", ba_m_append, METH_DEFAULT,
     "append($self, item, /)\n--\n\n"
     "Append a single item to the end of the bytearray."},
    {"extend", ba_m_extend, METH_DEFAULT,
     "extend($self, iterable_of_ints, /)\n--\n\n"
     "Append all the items from the iterator or sequence."},
    {"insert", ba_m_insert, METH_DEFAULT,
     "insert($self, index, item, /)\n--\n\n"
     "Insert a single item into the bytearray before index."},
    {"pop", ba_m_pop, METH_DEFAULT,
     "pop($self, index=-1, /)\n--\n\n"
     "Remove and return a single item from B."},
    {"remove", ba_m_remove, METH_DEFAULT,
     "remove($self, value, /)\n--\n\n"
     "Remove the first occurrence of a value in the bytearray."},
    {"reverse", ba_m_reverse, METH_DEFAULT,
     "reverse($self, /)\n--\n\n"
     "Reverse the order of the values in B in place."},
    {"clear", ba_m_clear, METH_DEFAULT,
     "clear($self, /)\n--\n\n"
     "Remove all items from the bytearray."},
    {"copy", ba_m_copy, METH_DEFAULT,
     "copy($self, /)\n--\n\n"
     "Return a copy of B."},
    {"__alloc__", ba_m_alloc, METH_DEFAULT, "B.__alloc__() -> int"},
    {"__sizeof__", ba_m_sizeof, METH_DEFAULT,
     "__sizeof__($self, /)\n--\n\n"
     "Returns the size of the bytearray object in memory."},
    {"__reduce__", ba_m_reduce, METH_DEFAULT,
     "__reduce__($self, /)\n--\n\n"
     "Return state information for pickling."},
    {"__reduce_ex__", ba_m_reduce_ex, METH_DEFAULT,
     "__reduce_ex__($self, proto=0, /)\n--\n\n"
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

Type type_bytearray = {
    .header = {&type_type},
    .name = "bytearray",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(ByteArrayObject),
    .base = &type_object,
    .free = bytearray_free,
    .repr = bytearray_repr,
    .str = bytearray_str,
    .hash = hash_unhashable,
    .richcompare = bytearray_richcompare,
    .new_ = bytearray_tp_new,
    .init = bytearray_init,
    .iter = bytearray_iter,
    .len = bytearray_len,
    .getitem = bytearray_getitem,
    .setitem = bytearray_setitem,
    .contains = bytearray_contains,
    .seq_concat = bytearray_concat,
    .seq_repeat = bytearray_repeat,
    .binop = {[BINOP_MOD] = bytearray_mod},
    .inplace = {[BINOP_ADD] = bytearray_iadd, [BINOP_MUL] = bytearray_imul},
    .methods = bytearray_methods,
};
