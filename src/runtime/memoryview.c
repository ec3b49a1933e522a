// memoryview.c - Python's memoryview, one-dimensional.
//
// A memoryview is a long-lived buffer window (buffer.h) on its exporter
// (`obj`: a bytes, bytearray or, through another memoryview, the object
// that one views): it holds one export on the exporter from creation until
// release() - or until the collector finds it unreachable, when its
// finalizer releases it (krait has no reference counts, so a dropped view
// keeps a bytearray from resizing until the next collection, as on PyPy).
// Views of views and slices take their own export on the same exporter and
// keep its `obj`, as CPython's views sharing one managed buffer do.
//
// Items are typed by a native struct format of one character ("B", "i",
// "d"...; an optional '@' prefix), read and written with memcpy (native
// byte order and size, unaligned access allowed). Only 1-D views and the
// 0-dimensional views of cast(fmt, shape=[]) exist; casts to more
// dimensions raise NotImplementedError.
#include "memoryview.h"

#include "finalize.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "bytearray.h"
#include "bytes.h"
#include "dict.h"
#include "exceptions.h"
#include "float.h"
#include "gc.h"
#include "hash.h"
#include "int.h"
#include "list.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// ---- formats ------------------------------------------------------------------------------

int64_t memoryview_format_size(const char *fmt) {
    if (fmt[0] == '@') {
        fmt++;
    }
    if (!fmt[0] || fmt[1]) {
        return 0;
    }
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
    }
}

// The format character without '@'.
static char mv_fmtchar(const MemoryViewObject *m) {
    return m->format[0] == '@' ? m->format[1] : m->format[0];
}

static int mv_is_byte_format(const char *fmt) {
    if (fmt[0] == '@') {
        fmt++;
    }
    return (fmt[0] == 'B' || fmt[0] == 'b' || fmt[0] == 'c') && fmt[1] == 0;
}

// The item at p as a Python value.
static Value mv_unpack(char f, const char *p) {
    switch (f) {
    case 'B': return val_from_smallint(*(const unsigned char *)p);
    case 'b': return val_from_smallint(*(const signed char *)p);
    case 'c': return bytes_from(p, 1);
    case '?': return val_bool(*p != 0);
    case 'h': { int16_t x; memcpy(&x, p, 2); return val_from_smallint(x); }
    case 'H': { uint16_t x; memcpy(&x, p, 2); return val_from_smallint(x); }
    case 'i': { int32_t x; memcpy(&x, p, 4); return val_from_smallint(x); }
    case 'I': { uint32_t x; memcpy(&x, p, 4); return val_from_smallint(x); }
    case 'l': case 'q': case 'n': { int64_t x; memcpy(&x, p, 8); return int_from_i64(x); }
    case 'L': case 'Q': case 'N': case 'P': { uint64_t x; memcpy(&x, p, 8); return int_from_u64(x); }
    case 'f': { float x; memcpy(&x, p, 4); return float_from_double(x); }
    case 'd': { double x; memcpy(&x, p, 8); return float_from_double(x); }
    default:
        return err_format(&exc_NotImplementedError, "memoryview: format %c not supported", f);
    }
}

static int mv_invalid(const char *what, const char *fmt) {
    err_format(strcmp(what, "type") == 0 ? &exc_TypeError : &exc_ValueError,
               "memoryview: invalid %s for format '%s'", what, fmt);
    return -1;
}

// An int argument for an integer format: *out holds its two's complement
// low 64 bits; *neg whether it is negative. -1 with CPython's errors.
static int mv_int_value(Value v, const char *fmt, uint64_t *out, bool *neg) {
    if (!int_check(v) && !type_of(v)->index) {
        return mv_invalid("type", fmt);
    }
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    int64_t x;
    if (int_to_i64(i, &x) == 0) {
        *out = (uint64_t)x;
        *neg = x < 0;
        return 0;
    }
    err_clear();
    if (int_sign(i) > 0 && int_compare(i, int_from_u64(UINT64_MAX)) <= 0) {
        Value low = obj_binop(i, int_from_u64(UINT64_C(1) << 63), BINOP_SUB);
        if (!low || int_to_i64(low, &x) < 0) {
            return -1;
        }
        *out = (uint64_t)x + (UINT64_C(1) << 63);
        *neg = false;
        return 0;
    }
    return mv_invalid("value", fmt);
}

// Write v as an item of format f at p.
static int mv_pack(char f, const char *fmt, char *p, Value v) {
    if (f == 'c') {
        if (!val_is_bytes(v)) {
            return mv_invalid("type", fmt);
        }
        if (bytes_len(v) != 1) {
            return mv_invalid("value", fmt);
        }
        *p = bytes_data(v)[0];
        return 0;
    }
    if (f == '?') {
        int t = obj_truthy(v);
        if (t < 0) {
            return -1;
        }
        *p = (char)t;
        return 0;
    }
    if (f == 'f' || f == 'd') {
        double d;
        if (float_check(v)) {
            d = float_value(v);
        } else if (!int_check(v) && !type_of(v)->to_float && !type_of(v)->index) {
            return mv_invalid("type", fmt);
        } else {
            Value fv = float_from_object(v);
            if (!fv) {
                if (err_matches(&exc_TypeError)) {
                    err_clear();
                    return mv_invalid("type", fmt);
                }
                return -1;
            }
            d = float_value(fv);
        }
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    uint64_t u;
    bool neg;
    if (mv_int_value(v, fmt, &u, &neg) < 0) {
        return -1;
    }
    int64_t s = (int64_t)u;
    bool ok;
    switch (f) {
    case 'B': ok = !neg && u <= 0xFF; break;
    case 'b': ok = s >= -128 && s <= 127 && (neg || u <= 127); break;
    case 'H': ok = !neg && u <= 0xFFFF; break;
    case 'h': ok = (neg && s >= INT16_MIN) || (!neg && u <= INT16_MAX); break;
    case 'I': ok = !neg && u <= UINT32_MAX; break;
    case 'i': ok = (neg && s >= INT32_MIN) || (!neg && u <= INT32_MAX); break;
    case 'L': case 'Q': case 'N': case 'P': ok = !neg; break;
    default: ok = neg || u <= INT64_MAX; break;  // l q n
    }
    if (!ok) {
        return mv_invalid("value", fmt);
    }
    int64_t size = memoryview_format_size(fmt);
    memcpy(p, &u, (size_t)size);  // little-endian: the low bytes
    return 0;
}

// ---- creation and release ------------------------------------------------------------------

static int mv_released_error(void) {
    err_format(&exc_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

#define MV_CHECK(m, ret)              \
    do {                              \
        if ((m)->released) {          \
            mv_released_error();      \
            return ret;               \
        }                             \
    } while (0)

// A new view on exporter `obj` (a bytes or bytearray) with the given
// window: takes an export on obj.
static Value mv_new(Value obj, const Buffer *win, const char *format, int ndim) {
    MemoryViewObject *m = (MemoryViewObject *)gc_alloc(&type_memoryview, sizeof *m);
    if (!m) {
        return 0;
    }
    Buffer tmp;
    if (buffer_get(obj, &tmp, BUFFER_STRIDED) < 0) {
        return 0;
    }
    m->view = *win;
    m->view.obj = obj;
    m->hash = -1;
    m->ndim = ndim;
    snprintf(m->format, sizeof m->format, "%s", format);
    m->view.format = m->format;
    return val_from_ptr(m);
}

static void mv_do_release(MemoryViewObject *m) {
    if (!m->released) {
        m->released = 1;
        Buffer b = m->view;
        buffer_release(&b);  // gives back the export taken in mv_new
    }
}

static void mv_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MemoryViewObject *)o)->view.obj);
}

static Value mv_finalize(Value self) {
    mv_do_release(memoryview_obj(self));
    return VAL_NONE;
}

// memoryview(object)
static Value mv_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"object", NULL};
    static const ArgSpec spec = {"memoryview", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value x = a[0];
    if (memoryview_check(x)) {
        MemoryViewObject *src = memoryview_obj(x);
        MV_CHECK(src, 0);
        return mv_new(src->view.obj, &src->view, src->format, src->ndim);
    }
    Buffer b;
    int k = buffer_get(x, &b, BUFFER_STRIDED);
    if (k <= 0) {
        if (k == 0) {
            err_format(&exc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                       str_type_name(x));
        }
        return 0;
    }
    // b.obj, not x: an exporter may hand out a window on another object
    // (pickle.PickleBuffer: memoryview(PickleBuffer(b)).obj is b)
    Value r = mv_new(b.obj, &b, b.format, 1);  // "B" but for array.array
    buffer_release(&b);
    return r;
}

// ---- item access ----------------------------------------------------------------------------

static int mv_index(MemoryViewObject *m, Value key, int64_t *out) {
    int64_t i;
    if (obj_as_index(key, &i, 0) < 0) {
        return -1;
    }
    if (i < 0) {
        i += m->view.nitems;
    }
    if (i < 0 || i >= m->view.nitems) {
        err_format(&exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *out = i;
    return 0;
}

static int mv_is_int_key(Value key) {
    return int_check(key) || (val_is_ptr(key) && type_of(key)->index);
}

static Value mv_getitem(Value self, Value key) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    char f = mv_fmtchar(m);
    if (m->ndim == 0) {
        if (key == VAL_ELLIPSIS) {
            return self;
        }
        if (tuple_check(key) && tuple_obj(key)->len == 0) {
            return mv_unpack(f, m->view.buf);
        }
        return err_format(&exc_TypeError, "invalid indexing of 0-dim memory");
    }
    if (tuple_check(key)) {
        // A multi-index: one int per dimension.
        TupleObject *k = tuple_obj(key);
        for (size_t j = 0; j < k->len; j++) {
            if (slice_check(k->items[j])) {
                return err_format(&exc_NotImplementedError,
                                  "multi-dimensional slicing is not implemented");
            }
        }
        if (k->len > 1) {
            return err_format(&exc_TypeError, "cannot index %d-dimension view with %zu-element tuple",
                              m->ndim, k->len);
        }
        if (k->len == 0) {
            return err_format(&exc_NotImplementedError, "sub-views are not implemented");
        }
        key = k->items[0];
        if (!mv_is_int_key(key)) {
            return err_format(&exc_TypeError, "memoryview: invalid slice key");
        }
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, m->view.nitems, &start, &stop, &step, &n) < 0) {
            return 0;
        }
        Buffer w = m->view;
        w.buf = m->view.buf + start * m->view.stride;
        w.stride = m->view.stride * step;
        w.nitems = n;
        w.len = n * m->view.itemsize;
        return mv_new(m->view.obj, &w, m->format, 1);
    }
    if (!mv_is_int_key(key)) {
        return err_format(&exc_TypeError, "memoryview: invalid slice key");
    }
    int64_t i;
    if (mv_index(m, key, &i) < 0) {
        return 0;
    }
    return mv_unpack(f, m->view.buf + i * m->view.stride);
}

static int mv_setitem(Value self, Value key, Value value) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, -1);
    if (m->view.readonly) {
        err_format(&exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        err_format(&exc_TypeError, "cannot delete memory");
        return -1;
    }
    char f = mv_fmtchar(m);
    if (m->ndim == 0) {
        if (key == VAL_ELLIPSIS || (tuple_check(key) && tuple_obj(key)->len == 0)) {
            return mv_pack(f, m->format, m->view.buf, value);
        }
        err_format(&exc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, m->view.nitems, &start, &stop, &step, &n) < 0) {
            return -1;
        }
        Buffer src;
        int k = buffer_get(value, &src, BUFFER_STRIDED);
        if (k <= 0) {
            if (k == 0) {
                err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                           str_type_name(value));
            }
            return -1;
        }
        const char *sf = src.format[0] == '@' ? src.format + 1 : src.format;
        if (src.nitems != n || strcmp(sf, (char[]){f, 0}) != 0) {
            buffer_release(&src);
            err_format(&exc_ValueError,
                       "memoryview assignment: lvalue and rvalue have different structures");
            return -1;
        }
        // Copy through a scratch buffer: the two may overlap.
        size_t isz = (size_t)m->view.itemsize;
        char *tmp = malloc(n ? (size_t)n * isz : 1);
        if (!tmp) {
            buffer_release(&src);
            err_no_memory();
            return -1;
        }
        for (int64_t i = 0; i < n; i++) {
            memcpy(tmp + i * (int64_t)isz, src.buf + i * src.stride, isz);
        }
        for (int64_t i = 0; i < n; i++) {
            memcpy(m->view.buf + (start + i * step) * m->view.stride, tmp + i * (int64_t)isz,
                   isz);
        }
        free(tmp);
        buffer_release(&src);
        return 0;
    }
    if (!mv_is_int_key(key)) {
        err_format(&exc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    int64_t i;
    if (mv_index(m, key, &i) < 0) {
        return -1;
    }
    return mv_pack(f, m->format, m->view.buf + i * m->view.stride, value);
}

static int64_t mv_len(Value self) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, -1);
    return m->ndim == 0 ? 1 : m->view.nitems;  // CPython's 0-dim views have length 1
}

// The viewed bytes, contiguous, as a new bytes.
static Value mv_tobytes_value(MemoryViewObject *m) {
    BytesObject *o = bytes_alloc((size_t)m->view.len);
    if (!o) {
        return 0;
    }
    for (int64_t i = 0; i < m->view.nitems; i++) {
        memcpy(o->data + i * m->view.itemsize, m->view.buf + i * m->view.stride,
               (size_t)m->view.itemsize);
    }
    return val_from_ptr(o);
}

// ---- comparison and hashing -----------------------------------------------------------------

static Value mv_richcompare(Value a, Value b, CompareOp op) {
    if (op != CMP_EQ && op != CMP_NE) {
        return VAL_NOTIMPLEMENTED;
    }
    Value self = memoryview_check(a) ? a : b;
    Value other = self == a ? b : a;
    MemoryViewObject *m = memoryview_obj(self);
    int equal;
    if (m->released || (memoryview_check(other) && memoryview_obj(other)->released)) {
        equal = a == b;
    } else {
        Buffer o;
        int k = buffer_get(other, &o, BUFFER_STRIDED);
        if (k <= 0) {
            err_clear();
            return VAL_NOTIMPLEMENTED;
        }
        char f = mv_fmtchar(m);
        const char *of = o.format[0] == '@' ? o.format + 1 : o.format;
        equal = o.nitems == m->view.nitems;
        int64_t n = m->ndim == 0 ? 1 : m->view.nitems;
        if (equal && of[0] == f && of[1] == 0 && f != 'f' && f != 'd') {
            for (int64_t i = 0; i < n && equal; i++) {
                equal = memcmp(m->view.buf + i * m->view.stride, o.buf + i * o.stride,
                               (size_t)m->view.itemsize) == 0;
            }
        } else if (equal) {
            if (!memoryview_format_size(of)) {
                buffer_release(&o);
                return err_format(&exc_NotImplementedError,
                                  "memoryview: format %s not supported", of);
            }
            for (int64_t i = 0; i < n && equal; i++) {
                Value x = mv_unpack(f, m->view.buf + i * m->view.stride);
                Value y = x ? mv_unpack(of[0], o.buf + i * o.stride) : 0;
                int e = y ? obj_richcompare_bool(x, y, CMP_EQ) : -1;
                if (e < 0) {
                    buffer_release(&o);
                    return 0;
                }
                equal = e;
            }
        }
        buffer_release(&o);
    }
    return val_bool((op == CMP_EQ) == (equal != 0));
}

static int64_t mv_hash(Value self) {
    MemoryViewObject *m = memoryview_obj(self);
    if (m->hash != -1) {
        return m->hash;
    }
    MV_CHECK(m, -1);
    if (!m->view.readonly) {
        err_format(&exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!mv_is_byte_format(m->format)) {
        err_format(&exc_ValueError,
                   "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (obj_hash(m->view.obj) == -1) {
        return -1;
    }
    Value b = mv_tobytes_value(m);
    if (!b) {
        return -1;
    }
    m->hash = bytes_hash(b);
    return m->hash;
}

static Value mv_repr(Value self) {
    MemoryViewObject *m = memoryview_obj(self);
    char buf[64];
    snprintf(buf, sizeof buf, "<%smemory at %p>", m->released ? "released " : "", (void *)m);
    return str_from_cstr(buf);
}

// ---- the iterator ------------------------------------------------------------------------

typedef struct MemoryIterObject {
    Object header;
    Value view;     // 0 once exhausted
    int64_t index;
} MemoryIterObject;

static void mv_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MemoryIterObject *)o)->view);
}

static Value mv_iter(Value self) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    if (m->ndim == 0) {
        return err_format(&exc_TypeError, "invalid indexing of 0-dim memory");
    }
    MemoryIterObject *it = (MemoryIterObject *)gc_alloc(&type_memoryview_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->view = self;
    return val_from_ptr(it);
}

static Value mv_iter_next(Value v) {
    MemoryIterObject *it = (MemoryIterObject *)val_ptr(v);
    if (!it->view) {
        return 0;
    }
    MemoryViewObject *m = memoryview_obj(it->view);
    if (m->released) {
        mv_released_error();
        return 0;
    }
    if (it->index >= m->view.nitems) {
        it->view = 0;
        return 0;
    }
    return mv_unpack(mv_fmtchar(m), m->view.buf + (it->index++) * m->view.stride);
}

static Value mv_iter_self(Value v) {
    return v;
}

Type type_memoryview_iterator = {
    .header = {&type_type},
    .name = "memory_iterator",
    .basic_size = sizeof(MemoryIterObject),
    .base = &type_object,
    .trace = mv_iter_trace,
    .iter = mv_iter_self,
    .iternext = mv_iter_next,
};

// ---- methods --------------------------------------------------------------------------------

static Value mv_m_tobytes(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"order", NULL};
    static const ArgSpec spec = {"tobytes", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    if (a[0] && a[0] != VAL_NONE) {
        if (!val_is_str(a[0])) {
            return err_format(&exc_TypeError, "tobytes() argument 'order' must be str or None, not %s",
                              str_type_name(a[0]));
        }
        const char *o = str_obj(a[0])->data;
        if (strcmp(o, "C") != 0 && strcmp(o, "F") != 0 && strcmp(o, "A") != 0) {
            return err_format(&exc_ValueError, "order must be 'C', 'F' or 'A'");
        }
    }
    return mv_tobytes_value(m);
}

static Value mv_m_tolist(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("memoryview.tolist", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    char f = mv_fmtchar(m);
    if (m->ndim == 0) {
        return mv_unpack(f, m->view.buf);
    }
    Value list = list_new((size_t)m->view.nitems);
    if (!list) {
        return 0;
    }
    for (int64_t i = 0; i < m->view.nitems; i++) {
        Value x = mv_unpack(f, m->view.buf + i * m->view.stride);
        if (!x || list_append(list, x) < 0) {
            return 0;
        }
    }
    return list;
}

static Value mv_m_hex(Value self, const Value *args, size_t nargs, Value kwnames) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    Value b = mv_tobytes_value(m);
    return b ? bytes_hex_impl(bytes_data(b), bytes_len(b), args, nargs, kwnames) : 0;
}

static Value mv_m_release(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("memoryview.release", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MemoryViewObject *m = memoryview_obj(self);
    if (m->exports > 0) {
        return err_format(&exc_BufferError, "memoryview has %lld exported buffer%s",
                          (long long)m->exports, m->exports == 1 ? "" : "s");
    }
    mv_do_release(m);
    return VAL_NONE;
}

static Value mv_m_enter(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("memoryview.__enter__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MV_CHECK(memoryview_obj(self), 0);
    return self;
}

static Value mv_m_exit(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("memoryview.__exit__", kwnames) < 0) {
        return 0;
    }
    return mv_m_release(self, NULL, 0, 0);
}

static Value mv_m_toreadonly(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("memoryview.toreadonly", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    Value r = mv_new(m->view.obj, &m->view, m->format, m->ndim);
    if (r) {
        memoryview_obj(r)->view.readonly = 1;
    }
    return r;
}

static Value mv_m_cast(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"format", "shape", NULL};
    static const ArgSpec spec = {"cast", 0, names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "cast() argument 'format' must be str, not %s",
                          str_type_name(a[0]));
    }
    const char *fmt = str_obj(a[0])->data;
    int64_t size = str_obj(a[0])->nbytes == strlen(fmt) ? memoryview_format_size(fmt) : 0;
    if (!size) {
        return err_format(&exc_ValueError,
                          "memoryview: destination format must be a native single character "
                          "format prefixed with an optional '@'");
    }
    if (m->view.stride != m->view.itemsize) {
        return err_format(&exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    }
    if (!mv_is_byte_format(fmt) && !mv_is_byte_format(m->format)) {
        return err_format(&exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    }
    int ndim = 1;
    int64_t nitems = m->view.len / size;
    if (a[1]) {
        if (!list_check(a[1]) && !tuple_check(a[1])) {
            return err_format(&exc_TypeError, "shape must be a list or a tuple");
        }
        size_t k = list_check(a[1]) ? list_obj(a[1])->len : tuple_obj(a[1])->len;
        const Value *items = list_check(a[1]) ? list_obj(a[1])->items : tuple_obj(a[1])->items;
        if (k > 1 || m->ndim != 1) {
            return err_format(&exc_NotImplementedError,
                              "memoryview.cast to or from more than one dimension");
        }
        ndim = (int)k;
        int64_t prod = 1;
        for (size_t i = 0; i < k; i++) {
            int64_t x;
            if (!int_check(items[i]) || int_to_i64(items[i], &x) < 0 || x <= 0) {
                err_clear();
                return err_format(&exc_ValueError,
                                  "memoryview.cast(): elements of shape must be integers > 0");
            }
            prod = x;
        }
        if (prod * size != m->view.len) {
            return err_format(&exc_TypeError,
                              "memoryview: product(shape) * itemsize != buffer size");
        }
        nitems = prod;
    } else if (m->view.len % size != 0) {
        return err_format(&exc_TypeError, "memoryview: length is not a multiple of itemsize");
    }
    Buffer w = m->view;
    w.itemsize = size;
    w.stride = size;
    w.nitems = nitems;
    return mv_new(m->view.obj, &w, fmt, ndim);
}

// ---- attributes ---------------------------------------------------------------------------

#define MV_GETTER(name, expr)                          \
    static Value mv_get_##name(Value self) {          \
        MemoryViewObject *m = memoryview_obj(self);   \
        MV_CHECK(m, 0);                               \
        return (expr);                                \
    }

MV_GETTER(obj, m->view.obj)
MV_GETTER(nbytes, int_from_i64(m->view.len))
MV_GETTER(readonly, val_bool(m->view.readonly))
MV_GETTER(itemsize, int_from_i64(m->view.itemsize))
MV_GETTER(format, str_from_cstr(m->format))
MV_GETTER(ndim, val_from_smallint(m->ndim))
MV_GETTER(suboffsets, tuple_new(0))
MV_GETTER(c_contiguous, val_bool(m->ndim == 0 || m->view.stride == m->view.itemsize ||
                                 m->view.nitems <= 1))
MV_GETTER(f_contiguous, val_bool(m->ndim == 0 || m->view.stride == m->view.itemsize ||
                                 m->view.nitems <= 1))
MV_GETTER(contiguous, val_bool(m->ndim == 0 || m->view.stride == m->view.itemsize ||
                               m->view.nitems <= 1))

static Value mv_get_shape(Value self) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    if (m->ndim == 0) {
        return tuple_new(0);
    }
    Value n = int_from_i64(m->view.nitems);
    return n ? tuple_from(&n, 1) : 0;
}

static Value mv_get_strides(Value self) {
    MemoryViewObject *m = memoryview_obj(self);
    MV_CHECK(m, 0);
    if (m->ndim == 0) {
        return tuple_new(0);
    }
    Value n = int_from_i64(m->view.stride);
    return n ? tuple_from(&n, 1) : 0;
}

static const GetSetDef mv_getset[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview."},
    {"nbytes", mv_get_nbytes, NULL, "The amount of space in bytes the array would use."},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only."},
    {"itemsize", mv_get_itemsize, NULL, "The size in bytes of each element."},
    {"format", mv_get_format, NULL, "A string containing the format of each element."},
    {"ndim", mv_get_ndim, NULL, "The number of dimensions."},
    {"shape", mv_get_shape, NULL, "A tuple of ndim integers: the shape of the memory."},
    {"strides", mv_get_strides, NULL, "A tuple of ndim integers: the strides."},
    {"suboffsets", mv_get_suboffsets, NULL, "A tuple of integers used internally."},
    {"c_contiguous", mv_get_c_contiguous, NULL, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", mv_get_f_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", mv_get_contiguous, NULL, "A bool indicating whether the memory is contiguous."},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef mv_methods[] = {
    {"tobytes", mv_m_tobytes, METH_DEFAULT,
     "tobytes($self, /, order='C')\n--\n\n"
     "Return the data in the buffer as a byte string."},
    {"tolist", mv_m_tolist, METH_DEFAULT,
     "tolist($self, /)\n--\n\n"
     "Return the data in the buffer as a list of elements."},
    {"hex", mv_m_hex, METH_DEFAULT,
     "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n"
     "Return the data in the buffer as a str of hex digits."},
    {"cast", mv_m_cast, METH_DEFAULT,
     "cast($self, /, format, shape=<unrepresentable>)\n--\n\n"
     "Cast a memoryview to a new format or shape."},
    {"release", mv_m_release, METH_DEFAULT,
     "release($self, /)\n--\n\n"
     "Release the underlying buffer."},
    {"toreadonly", mv_m_toreadonly, METH_DEFAULT,
     "toreadonly($self, /)\n--\n\n"
     "Return a readonly version of the memoryview."},
    {"__enter__", mv_m_enter, METH_DEFAULT, NULL},
    {"__exit__", mv_m_exit, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_memoryview = {
    .header = {&type_type},
    .name = "memoryview",
    .flags = TYPE_HAS_WEAKREF | TYPE_SEQUENCE,
    .basic_size = sizeof(MemoryViewObject),
    .base = &type_object,
    .trace = mv_trace,
    .finalize = mv_finalize,
    .repr = mv_repr,
    .hash = mv_hash,
    .richcompare = mv_richcompare,
    .new_ = mv_tp_new,
    .iter = mv_iter,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .methods = mv_methods,
    .getset = mv_getset,
};

// At exit a view's finalizer would only give its export back.
static int mv_exit_idle(const Object *o) {
    return o->type == &type_memoryview;
}

int memoryview_ready(void) {
    if (type_ready(&type_memoryview) < 0) {
        return -1;
    }
    finalize_add_exit_idle_check(mv_exit_idle);
    // The finalizer is krait's way of giving an export back without
    // reference counts, not a __del__ CPython's memoryview has: hide the
    // slot wrapper type_ready made for it (the C slot stays).
    Value name = str_intern_cstr("__del__");
    if (!name) {
        return -1;
    }
    if (dict_get(type_memoryview.dict, name) && dict_del(type_memoryview.dict, name) < 0) {
        return -1;
    }
    type_modified(&type_memoryview);
    return 0;
}
