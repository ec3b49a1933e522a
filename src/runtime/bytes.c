// bytes.c - Python's bytes: an immutable byte string with a cached hash.
//
// b'' and the 256 one-byte strings are singletons made on first use (as in
// CPython), reported to the collector by a root provider. Searching and
// hashing share str.c's and hash.c's code: a bytes hashes like the ASCII
// str with the same bytes, as in CPython.
//
// The methods bytes shares with bytearray are in bytes_methods.c; `+`,
// `in` and the methods take any bytes-like operand through the buffer
// protocol (buffer.h).
#include "bytes.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "buffer.h"
#include "bytearray.h"
#include "bytes_methods.h"
#include "codecs.h"
#include "exceptions.h"
#include "format.h"
#include "gc.h"
#include "hash.h"
#include "iterators.h"
#include "list.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define BYTES_HEADER_SIZE offsetof(BytesObject, data)
#define BYTES_MAX_LEN ((size_t)PTRDIFF_MAX - BYTES_HEADER_SIZE - 64)

static const char bytes_hexdigits[] = "0123456789abcdef";

void bytes_repr(StrBuf *out, const char *s, size_t len) {
    bytes_repr_ex(out, s, len, 0);
}

void bytes_repr_ex(StrBuf *out, const char *s, size_t len, int escape_squote) {
    char quote = '\'';
    if (memchr(s, '\'', len) && !memchr(s, '"', len)) {
        quote = '"';
    }
    sb_reserve(out, len + 3);
    sb_putc(out, 'b');
    sb_putc(out, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\' || (escape_squote && c == '\'')) {
            char esc[2] = {'\\', (char)c};
            sb_put(out, esc, 2);
        } else if (c == '\t') {
            sb_put(out, "\\t", 2);
        } else if (c == '\n') {
            sb_put(out, "\\n", 2);
        } else if (c == '\r') {
            sb_put(out, "\\r", 2);
        } else if (c < ' ' || c >= 0x7f) {
            char esc[4] = {'\\', 'x', bytes_hexdigits[c >> 4], bytes_hexdigits[c & 15]};
            sb_put(out, esc, 4);
        } else {
            sb_putc(out, (char)c);
        }
    }
    sb_putc(out, quote);
}

// ---- construction and the shared bytes --------------------------------------------------

static struct {
    int roots_registered;
    Value empty;
    Value single[256];
} bytes_shared;

static void bytes_trace_roots(GcTracer *t) {
    gc_trace_value(t, bytes_shared.empty);
    gc_trace_values(t, bytes_shared.single, 256);
}

BytesObject *bytes_alloc(size_t n) {
    if (n > BYTES_MAX_LEN) {
        return (BytesObject *)err_no_memory();
    }
    BytesObject *b = (BytesObject *)gc_alloc(&type_bytes, BYTES_HEADER_SIZE + n + 1);
    if (b == NULL) {
        return NULL;
    }
    b->hash = -1;
    b->len = n;
    b->data[n] = 0;
    return b;
}

static Value bytes_new(const void *p, size_t n) {
    BytesObject *b = bytes_alloc(n);
    if (b == NULL) {
        return 0;
    }
    memcpy(b->data, p, n);
    return val_from_ptr(b);
}

// The shared b'' (n == 0) or one-byte bytes c.
static Value bytes_shared_get(size_t n, unsigned char c) {
    Value *slot = n == 0 ? &bytes_shared.empty : &bytes_shared.single[c];
    if (*slot == 0) {
        if (!bytes_shared.roots_registered) {
            bytes_shared.roots_registered = 1;
            gc_add_root_provider(bytes_trace_roots);
        }
        *slot = bytes_new(&c, n);
    }
    return *slot;
}

Value bytes_from(const void *p, size_t n) {
    if (n <= 1) {
        return bytes_shared_get(n, n ? *(const unsigned char *)p : 0);
    }
    return bytes_new(p, n);
}

Value bytes_from_cstr(const char *s) {
    return bytes_from(s, strlen(s));
}

// ---- queries --------------------------------------------------------------------------

int64_t bytes_hash(Value v) {
    BytesObject *b = bytes_obj(v);
    if (b->hash == -1) {
        b->hash = hash_bytes(b->data, b->len);
    }
    return b->hash;
}

int bytes_equal(Value a, Value b) {
    if (a == b) {
        return 1;
    }
    BytesObject *x = bytes_obj(a), *y = bytes_obj(b);
    if (x->len != y->len) {
        return 0;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return 0;
    }
    return memcmp(x->data, y->data, x->len) == 0;
}

static int bytes_compare(Value a, Value b) {
    BytesObject *x = bytes_obj(a), *y = bytes_obj(b);
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c != 0) {
        return c;
    }
    return (x->len > y->len) - (x->len < y->len);
}

// ---- operations ------------------------------------------------------------------------

Value bytes_concat(Value a, Value b) {
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
    if (y.len == 0 && bytes_check_exact(a)) {
        buffer_release(&x);
        buffer_release(&y);
        return a;
    }
    if (x.len == 0 && bytes_check_exact(b)) {
        buffer_release(&x);
        buffer_release(&y);
        return b;
    }
    BytesObject *r = bytes_alloc((size_t)(x.len + y.len));
    if (r != NULL) {
        memcpy(r->data, x.buf, (size_t)x.len);
        memcpy(r->data + x.len, y.buf, (size_t)y.len);
    }
    buffer_release(&x);
    buffer_release(&y);
    return r ? val_from_ptr(r) : 0;
}

Value bytes_repeat(Value v, int64_t n) {
    BytesObject *b = bytes_obj(v);
    if (n <= 0 || b->len == 0) {
        return bytes_shared_get(0, 0);
    }
    if (n == 1 && b->header.type == &type_bytes) {
        return v;
    }
    if (b->len > (size_t)(INT64_MAX / n)) {
        return err_format(&exc_OverflowError, "repeated bytes are too long");
    }
    if (b->len == 1 && n == 1) {
        return bytes_shared_get(1, (unsigned char)b->data[0]);
    }
    BytesObject *r = bytes_alloc(b->len * (size_t)n);
    if (r == NULL) {
        return 0;
    }
    if (b->len == 1) {
        memset(r->data, b->data[0], r->len);
    } else {
        memcpy(r->data, b->data, b->len);
        size_t done = b->len;
        while (done < r->len) {
            size_t chunk = done <= r->len - done ? done : r->len - done;
            memcpy(r->data + done, r->data, chunk);
            done += chunk;
        }
    }
    return val_from_ptr(r);
}

Value bytes_getitem(Value v, int64_t i) {
    BytesObject *b = bytes_obj(v);
    if (i < 0) {
        i += (int64_t)b->len;
    }
    if (i < 0 || (uint64_t)i >= b->len) {
        return err_format(&exc_IndexError, "index out of range");
    }
    return val_from_smallint((unsigned char)b->data[i]);
}

Value bytes_slice(Value v, int64_t start, int64_t stop, int64_t step) {
    BytesObject *b = bytes_obj(v);
    size_t n;
    if (step > 0) {
        n = start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0;
    } else {
        n = stop < start ? (size_t)((start - stop - 1) / (-step)) + 1 : 0;
    }
    if (step == 1) {
        if (n == b->len && b->header.type == &type_bytes) {
            return v;
        }
        return bytes_from(b->data + start, n);
    }
    if (n <= 1) {
        return bytes_shared_get(n, n ? (unsigned char)b->data[start] : 0);
    }
    BytesObject *r = bytes_alloc(n);
    if (r == NULL) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        r->data[i] = b->data[start + (int64_t)i * step];
    }
    return val_from_ptr(r);
}

// ---- type slots -------------------------------------------------------------------------

static Value bytes_slot_repr(Value v) {
    StrBuf sb;
    sb_init(&sb);
    bytes_repr(&sb, bytes_obj(v)->data, bytes_obj(v)->len);
    Value r = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

// A function of its own, so that bytes gets a __str__ (CPython's tp_str):
// str() of a subclass instance ignores the subclass's __repr__.
static Value bytes_slot_str(Value v) {
    return bytes_slot_repr(v);
}

static int64_t bytes_slot_hash(Value v) {
    return bytes_hash(v);
}

static Value bytes_slot_richcompare(Value a, Value b, CompareOp op) {
    // (python -b's BytesWarning for comparisons with str is not done)
    if (!val_is_bytes(a) || !val_is_bytes(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        return val_bool(bytes_equal(a, b) == (op == CMP_EQ));
    }
    int c = bytes_compare(a, b);
    switch (op) {
    case CMP_LT: return val_bool(c < 0);
    case CMP_LE: return val_bool(c <= 0);
    case CMP_GT: return val_bool(c > 0);
    default: return val_bool(c >= 0);
    }
}

static int64_t bytes_slot_len(Value v) {
    return (int64_t)bytes_obj(v)->len;
}

static Value bytes_slot_getitem(Value v, Value key) {
    int64_t i;
    int overflow;
    int k = str_index_arg(key, &i, &overflow);
    if (k <= 0) {
        if (k == 0 && slice_check(key)) {
            int64_t start, stop, step, n;
            if (slice_indices(key, (int64_t)bytes_obj(v)->len, &start, &stop, &step, &n) < 0) {
                return 0;
            }
            return bytes_slice(v, start, stop, step);
        }
        if (k == 0) {
            err_format(&exc_TypeError, "byte indices must be integers or slices, not %s",
                       str_type_name(key));
        }
        return 0;
    }
    if (overflow) {
        return err_format(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return bytes_getitem(v, i);
}

static int bytes_slot_contains(Value container, Value item) {
    BytesObject *b = bytes_obj(container);
    int64_t c;
    int overflow;
    // An integer is a byte value (clamped, so huge ones are out of range
    // too); if __index__ fails, CPython clears the error and tries the buffer
    // protocol, whose failure is the TypeError.
    int k = str_index_arg(item, &c, &overflow);
    if (k > 0) {
        if (c < 0 || c > 255) {
            err_format(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(b->data, (int)c, b->len) != NULL;
    }
    if (k < 0) {
        err_clear();
    }
    Buffer x;
    if (buffer_get_bytes_like(item, &x) < 0) {
        return -1;
    }
    int r = str_find_bytes(b->data, b->len, x.buf, (size_t)x.len) >= 0;
    buffer_release(&x);
    return r;
}

// + and * are sequence slots, as in CPython (see str.c).
static Value bytes_seq_concat(Value a, Value b) {
    return bytes_concat(a, b);
}

static Value bytes_seq_repeat(Value b, Value count) {
    int64_t n;
    if (str_repeat_count(count, &n) < 0) {
        return 0;
    }
    return bytes_repeat(b, n);
}

// ---- the iterator -------------------------------------------------------------------------

typedef struct BytesIterObject {
    Object header;
    Value bytes;    // 0 once exhausted
    size_t index;
} BytesIterObject;

static void bytes_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((BytesIterObject *)o)->bytes);
}

static Value bytes_slot_iter(Value v) {
    BytesIterObject *it = (BytesIterObject *)gc_alloc(&type_bytes_iterator, sizeof *it);
    if (it == NULL) {
        return 0;
    }
    it->bytes = v;
    return val_from_ptr(it);
}

static Value bytes_iter_next(Value v) {
    BytesIterObject *it = (BytesIterObject *)val_ptr(v);
    if (it->bytes == 0) {
        return 0;
    }
    BytesObject *b = bytes_obj(it->bytes);
    if (it->index >= b->len) {
        it->bytes = 0;
        return 0;
    }
    return val_from_smallint((unsigned char)b->data[it->index++]);
}

static Value bytes_iter_self(Value v) {
    return v;
}

static Value bytes_iter_length_hint(Value self, const Value *args, size_t nargs, Value kwnames) {
    BytesIterObject *it = (BytesIterObject *)val_ptr(self);
    size_t left = it->bytes ? bytes_obj(it->bytes)->len - it->index : 0;
    return val_from_smallint((int64_t)left);
}

static Value bytes_iter_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    BytesIterObject *it = (BytesIterObject *)val_ptr(self);
    Value empty = tuple_new(0);
    return empty ? seqiter_reduce("iter", it->bytes, (int64_t)it->index, empty) : 0;
}

static Value bytes_iter_setstate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BytesIterObject *it = (BytesIterObject *)val_ptr(self);
    int64_t i;
    int64_t len = it->bytes ? (int64_t)bytes_len(it->bytes) : 0;
    if (seqiter_setstate(args[0], 0, len, &i) < 0) {
        return 0;
    }
    if (it->bytes) {
        it->index = (size_t)i;
    }
    return VAL_NONE;
}

static const MethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", bytes_iter_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", bytes_iter_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_bytes_iterator = {
    .header = {&type_type},
    .name = "bytes_iterator",
    .basic_size = sizeof(BytesIterObject),
    .base = &type_object,
    .trace = bytes_iter_trace,
    .iter = bytes_iter_self,
    .iternext = bytes_iter_next,
    .methods = bytes_iter_methods,
};

// ---- the type -------------------------------------------------------------------------------

// ---- construction ---------------------------------------------------------------------------

// An instance of the bytes subclass t holding b's bytes (the layout of
// variable-size builtins' subclasses: type.h).
static Value bytes_subtype_copy(Type *t, Value b) {
    size_t n = bytes_len(b);
    BytesObject *r = (BytesObject *)gc_alloc(t, t->basic_size + n + 1);
    if (!r) {
        return 0;
    }
    r->hash = -1;
    r->len = n;
    memcpy(r->data, bytes_data(b), n + 1);
    return val_from_ptr(r);
}

// bytes(), bytes(source), bytes(str, encoding[, errors]), with CPython's
// order of checks: __bytes__ first, then integers (a size), then buffers
// and iterables of ints.
Value bytes_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    static const ArgSpec spec = {"bytes", 0, names, 0, 3, 0};
    static Value bytes_name;
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 1; i < 3; i++) {
        if (a[i] && !val_is_str(a[i])) {
            return err_format(&exc_TypeError, "bytes() argument '%s' must be str, not %s",
                              names[i], a[i] == VAL_NONE ? "None" : str_type_name(a[i]));
        }
        if (a[i] && memchr(str_obj(a[i])->data, 0, str_obj(a[i])->nbytes)) {
            return err_format(&exc_ValueError, "embedded null character");
        }
    }
    Value x = a[0], r;
    if (!x) {
        if (a[1] || a[2]) {
            return err_format(&exc_TypeError, a[1] ? "encoding without a string argument"
                                                   : "errors without a string argument");
        }
        r = bytes_shared_get(0, 0);
    } else if (a[1]) {
        if (!val_is_str(x)) {
            return err_format(&exc_TypeError, "encoding without a string argument");
        }
        r = codec_encode(x, str_obj(a[1])->data, a[2] ? str_obj(a[2])->data : NULL);
    } else if (a[2]) {
        return err_format(&exc_TypeError, val_is_str(x) ? "string argument without an encoding"
                                                        : "errors without a string argument");
    } else {
        if (!bytes_name && !(bytes_name = str_intern_cstr("__bytes__"))) {
            return 0;
        }
        Value f = obj_lookup_special(x, bytes_name);
        if (f) {
            r = obj_call0(f);
            if (r && !val_is_bytes(r)) {
                return err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                                  str_type_name(r));
            }
        } else if (err_occurred()) {
            return 0;
        } else if (val_is_str(x)) {
            return err_format(&exc_TypeError, "string argument without an encoding");
        } else {
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
                BytesObject *o = bytes_alloc((size_t)size);
                if (!o) {
                    return 0;
                }
                memset(o->data, 0, (size_t)size);
                r = val_from_ptr(o);
            } else {
                r = bm_bytes_from_object(x);
            }
        }
    }
    if (!r) {
        return 0;
    }
    Type *t = type_ptr(type);
    if (t == &type_bytes) {
        return r;
    }
    return bytes_subtype_copy(t, r);
}

// ---- the methods only bytes has -------------------------------------------------------------

static Value bytes_m_bytes(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytes.__bytes__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return bytes_check_exact(self) ? self : bytes_new(bytes_data(self), bytes_len(self));
}

static Value bytes_m_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytes.__getnewargs__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value copy = bytes_new(bytes_data(self), bytes_len(self));
    return copy ? tuple_from(&copy, 1) : 0;
}

static Value bytes_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("bytes.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_from_smallint(33 + (int64_t)bytes_len(self));
}

static const MethodDef bytes_methods[] = {
    BYTES_SHARED_METHODS(BM_ENTRY_)
    {"__bytes__", bytes_m_bytes, METH_DEFAULT,
     "__bytes__($self, /)\n--\n\n"
     "Convert this value to exact type bytes."},
    {"__getnewargs__", bytes_m_getnewargs, METH_DEFAULT, NULL},
    {"__sizeof__", bytes_m_sizeof, METH_DEFAULT, "Return the size of the bytes in memory."},
    {NULL, NULL, 0, NULL},
};

Type type_bytes = {
    .header = {&type_type},
    .name = "bytes",
    .flags = TYPE_BASETYPE | TYPE_BYTES_SUBCLASS,
    .basic_size = BYTES_HEADER_SIZE,
    .item_size = 1,
    .base = &type_object,
    .repr = bytes_slot_repr,
    .str = bytes_slot_str,
    .hash = bytes_slot_hash,
    .richcompare = bytes_slot_richcompare,
    .iter = bytes_slot_iter,
    .len = bytes_slot_len,
    .getitem = bytes_slot_getitem,
    .contains = bytes_slot_contains,
    .seq_concat = bytes_seq_concat,
    .seq_repeat = bytes_seq_repeat,
    .methods = bytes_methods,
    .new_ = bytes_tp_new,
    .binop = {[BINOP_MOD] = bytes_mod},
};
