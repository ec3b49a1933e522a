// arraymodule.c - the `array` module: array.array, a mutable sequence of
// machine numbers of one C type (its typecode), which exports its memory
// through the buffer protocol.
//
// Each typecode has a descriptor: the item size, the buffer format, the
// machine format code that pickles name it by, and the two conversions
// (item bytes -> Python object, Python object -> item bytes, with the
// exact errors of CPython's setitem functions, which programs see). The
// items live in a malloc'ed block that grows as CPython's does (so
// __sizeof__ and buffer_info agree), freed by the type's free slot.
//
// While a buffer window is open on an array (a memoryview of it), its size
// may not change: every resize goes through array_resize, which refuses
// with CPython's BufferError. As in bytearray.c, a view nobody holds any
// more keeps its export until the collector finalizes it, so a refused
// resize first collects and looks again.
//
// 'u' items are wchar_t: 4-byte code points on the Linux ABI krait targets.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/iterators.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "../vm/import.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// The machine format codes of array pickles (CPython's enum
// machine_format_code; values are part of the pickle format).
enum MachineFormat {
    MF_UNKNOWN = -1,
    MF_UINT8 = 0, MF_INT8 = 1,
    MF_UINT16_LE = 2, MF_UINT16_BE = 3, MF_INT16_LE = 4, MF_INT16_BE = 5,
    MF_UINT32_LE = 6, MF_UINT32_BE = 7, MF_INT32_LE = 8, MF_INT32_BE = 9,
    MF_UINT64_LE = 10, MF_UINT64_BE = 11, MF_INT64_LE = 12, MF_INT64_BE = 13,
    MF_FLOAT_LE = 14, MF_FLOAT_BE = 15, MF_DOUBLE_LE = 16, MF_DOUBLE_BE = 17,
    MF_UTF16_LE = 18, MF_UTF16_BE = 19, MF_UTF32_LE = 20, MF_UTF32_BE = 21,
    MF_MAX = 21
};

typedef struct ArrayDescr {
    char typecode;
    int itemsize;
    int is_signed;              // integer typecodes
    int mformat;                // native (little-endian) machine format code
    const char *format;         // buffer format
    Value (*get)(const char *p);
    int (*set)(char *p, Value v);  // 0, or -1 with CPython's error
} ArrayDescr;

typedef struct ArrayObject {
    Object header;
    const ArrayDescr *d;
    char *data;
    size_t len;                 // items
    size_t allocated;           // items
    int64_t exports;            // open buffer windows
} ArrayObject;

typedef struct ArrayIterObject {
    Object header;
    Value array;                // 0 once exhausted
    size_t index;
} ArrayIterObject;

static Type type_array, type_arrayiterator;

static ArrayObject *arr(Value v) {
    return (ArrayObject *)val_ptr(v);
}

static int array_check(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &type_array);
}

// ---- conversions ------------------------------------------------------------------------------

static Value overflow(const char *msg) {
    return err_format(&exc_OverflowError, "%s", msg);
}

// The int of an integer item (its __index__), as a C long: 0, or -1 with
// CPython's errors (`toolarge` for one outside int64).
static int int_item(Value v, int64_t *out, const char *toolarge) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        overflow(toolarge);
        return -1;
    }
    return 0;
}

// The int of an unsigned item (I, L, Q): 1 if negative, 2 if above
// UINT64_MAX, else 0 with *out set; -1 on error (no __index__).
static int uint_item(Value v, uint64_t *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_sign(i) < 0) {
        return 1;
    }
    int64_t s;
    if (int_to_i64(i, &s) == 0) {
        *out = (uint64_t)s;
        return 0;
    }
    err_clear();
    // 2^63 <= i: i - 2^64 fits int64 exactly when i < 2^64.
    Value two64 = obj_binop(val_from_smallint(1), val_from_smallint(64), BINOP_LSHIFT);
    Value low = two64 ? obj_binop(i, two64, BINOP_SUB) : 0;
    if (!low) {
        return -1;
    }
    if (int_to_i64(low, &s) < 0 || s >= 0) {
        err_clear();
        return 2;
    }
    *out = (uint64_t)s;
    return 0;
}

static Value get_b(const char *p) { return val_from_smallint(*(const int8_t *)p); }
static Value get_B(const char *p) { return val_from_smallint(*(const uint8_t *)p); }
static Value get_h(const char *p) { int16_t x; memcpy(&x, p, 2); return val_from_smallint(x); }
static Value get_H(const char *p) { uint16_t x; memcpy(&x, p, 2); return val_from_smallint(x); }
static Value get_i(const char *p) { int32_t x; memcpy(&x, p, 4); return val_from_smallint(x); }
static Value get_I(const char *p) { uint32_t x; memcpy(&x, p, 4); return int_from_i64(x); }
static Value get_q(const char *p) { int64_t x; memcpy(&x, p, 8); return int_from_i64(x); }
static Value get_Q(const char *p) { uint64_t x; memcpy(&x, p, 8); return int_from_u64(x); }
static Value get_f(const char *p) { float x; memcpy(&x, p, 4); return float_from_double(x); }
static Value get_d(const char *p) { double x; memcpy(&x, p, 8); return float_from_double(x); }
static Value get_u(const char *p) {
    uint32_t cp;
    memcpy(&cp, p, 4);
    if (cp > 0x10ffff) {
        return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                          cp);
    }
    return str_char(cp);
}

// 'b' is parsed as a C short first, then checked against a char.
static int set_b(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "Python int too large to convert to C long") < 0) {
        return -1;
    }
    if (x < INT16_MIN || x > INT16_MAX) {
        overflow(x < 0 ? "signed short integer is less than minimum"
                       : "signed short integer is greater than maximum");
        return -1;
    }
    if (x < INT8_MIN || x > INT8_MAX) {
        overflow(x < 0 ? "signed char is less than minimum" : "signed char is greater than maximum");
        return -1;
    }
    *(int8_t *)p = (int8_t)x;
    return 0;
}

static int set_B(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "Python int too large to convert to C long") < 0) {
        return -1;
    }
    if (x < 0 || x > UINT8_MAX) {
        overflow(x < 0 ? "unsigned byte integer is less than minimum"
                       : "unsigned byte integer is greater than maximum");
        return -1;
    }
    *(uint8_t *)p = (uint8_t)x;
    return 0;
}

static int set_h(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "Python int too large to convert to C long") < 0) {
        return -1;
    }
    if (x < INT16_MIN || x > INT16_MAX) {
        overflow(x < 0 ? "signed short integer is less than minimum"
                       : "signed short integer is greater than maximum");
        return -1;
    }
    int16_t s = (int16_t)x;
    memcpy(p, &s, 2);
    return 0;
}

// 'H' is parsed as a C int first.
static int set_H(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "Python int too large to convert to C long") < 0) {
        return -1;
    }
    if (x < INT32_MIN || x > INT32_MAX) {
        overflow(x < 0 ? "signed integer is less than minimum"
                       : "signed integer is greater than maximum");
        return -1;
    }
    if (x < 0 || x > UINT16_MAX) {
        overflow(x < 0 ? "unsigned short is less than minimum"
                       : "unsigned short is greater than maximum");
        return -1;
    }
    uint16_t s = (uint16_t)x;
    memcpy(p, &s, 2);
    return 0;
}

static int set_i(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "Python int too large to convert to C long") < 0) {
        return -1;
    }
    if (x < INT32_MIN || x > INT32_MAX) {
        overflow(x < 0 ? "signed integer is less than minimum"
                       : "signed integer is greater than maximum");
        return -1;
    }
    int32_t s = (int32_t)x;
    memcpy(p, &s, 4);
    return 0;
}

static int set_unsigned(char *p, Value v, int size, const char *negative, const char *toolarge) {
    uint64_t x;
    int k = uint_item(v, &x);
    if (k < 0) {
        return -1;
    }
    if (k == 1) {
        overflow(negative);
        return -1;
    }
    if (k == 2) {
        overflow(toolarge);
        return -1;
    }
    if (size == 4) {
        if (x > UINT32_MAX) {
            overflow("unsigned int is greater than maximum");
            return -1;
        }
        uint32_t s = (uint32_t)x;
        memcpy(p, &s, 4);
    } else {
        memcpy(p, &x, 8);
    }
    return 0;
}

static int set_I(char *p, Value v) {
    return set_unsigned(p, v, 4, "can't convert negative value to unsigned int",
                        "Python int too large to convert to C unsigned long");
}

static int set_L(char *p, Value v) {
    return set_unsigned(p, v, 8, "can't convert negative value to unsigned int",
                        "Python int too large to convert to C unsigned long");
}

static int set_Q(char *p, Value v) {
    return set_unsigned(p, v, 8, "can't convert negative int to unsigned", "int too big to convert");
}

static int set_l(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "Python int too large to convert to C long") < 0) {
        return -1;
    }
    memcpy(p, &x, 8);
    return 0;
}

static int set_q(char *p, Value v) {
    int64_t x;
    if (int_item(v, &x, "int too big to convert") < 0) {
        return -1;
    }
    memcpy(p, &x, 8);
    return 0;
}

// A real number item (CPython's PyFloat_AsDouble: __float__, then __index__).
static int double_item(Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    Type *t = type_of(v);
    if (!int_check(v) && !t->to_float && !t->index) {
        err_format(&exc_TypeError, "must be real number, not %s", str_type_name(v));
        return -1;
    }
    Value f = float_from_object(v);
    if (!f) {
        return -1;
    }
    *out = float_value(f);
    return 0;
}

static int set_f(char *p, Value v) {
    double x;
    if (double_item(v, &x) < 0) {
        return -1;
    }
    float s = (float)x;
    memcpy(p, &s, 4);
    return 0;
}

static int set_d(char *p, Value v) {
    double x;
    if (double_item(v, &x) < 0) {
        return -1;
    }
    memcpy(p, &x, 8);
    return 0;
}

static int set_u(char *p, Value v) {
    if (!val_is_str(v) || str_len(v) != 1) {
        err_format(&exc_TypeError, "array item must be unicode character");
        return -1;
    }
    uint32_t cp = str_getitem_cp(v, 0);
    memcpy(p, &cp, 4);
    return 0;
}

static const ArrayDescr array_descrs[] = {
    {'b', 1, 1, MF_INT8, "b", get_b, set_b},
    {'B', 1, 0, MF_UINT8, "B", get_B, set_B},
    {'u', 4, 0, MF_UTF32_LE, "w", get_u, set_u},
    {'h', 2, 1, MF_INT16_LE, "h", get_h, set_h},
    {'H', 2, 0, MF_UINT16_LE, "H", get_H, set_H},
    {'i', 4, 1, MF_INT32_LE, "i", get_i, set_i},
    {'I', 4, 0, MF_UINT32_LE, "I", get_I, set_I},
    {'l', 8, 1, MF_INT64_LE, "l", get_q, set_l},
    {'L', 8, 0, MF_UINT64_LE, "L", get_Q, set_L},
    {'q', 8, 1, MF_INT64_LE, "q", get_q, set_q},
    {'Q', 8, 0, MF_UINT64_LE, "Q", get_Q, set_Q},
    {'f', 4, 0, MF_FLOAT_LE, "f", get_f, set_f},
    {'d', 8, 0, MF_DOUBLE_LE, "d", get_d, set_d},
};
#define ARRAY_NDESCRS (sizeof array_descrs / sizeof array_descrs[0])

static const ArrayDescr *array_descr_for(uint32_t typecode) {
    for (size_t i = 0; i < ARRAY_NDESCRS; i++) {
        if ((uint32_t)array_descrs[i].typecode == typecode) {
            return &array_descrs[i];
        }
    }
    return NULL;
}

// ---- storage -----------------------------------------------------------------------------------

static void array_free(Object *o) {
    free(((ArrayObject *)o)->data);
}

static char *array_item_ptr(ArrayObject *a, size_t i) {
    return a->data + i * (size_t)a->d->itemsize;
}

// 0 if a may change size now, or -1 with CPython's BufferError; dead views
// are collected first.
static int array_ensure_resizable(Value self) {
    if (arr(self)->exports > 0) {
        gc_scrub_stack();
        finalize_collect();
        if (arr(self)->exports > 0) {
            err_format(&exc_BufferError, "cannot resize an array that is exporting buffers");
            return -1;
        }
    }
    return 0;
}

// Set the length to n items, growing the block as CPython's array_resize.
static int array_resize(Value self, size_t n) {
    ArrayObject *a = arr(self);
    if (n != a->len && array_ensure_resizable(self) < 0) {
        return -1;
    }
    if (a->allocated >= n && a->len < n + 16 && a->data) {
        a->len = n;
        return 0;
    }
    if (n == 0) {
        free(a->data);
        a->data = NULL;
        a->allocated = 0;
        a->len = 0;
        return 0;
    }
    size_t alloc = (n >> 4) + (a->len < 8 ? 3 : 7) + n;
    if (alloc > (size_t)INT64_MAX / (size_t)a->d->itemsize) {
        err_no_memory();
        return -1;
    }
    char *d = realloc(a->data, alloc * (size_t)a->d->itemsize);
    if (!d) {
        err_no_memory();
        return -1;
    }
    a->data = d;
    a->allocated = alloc;
    a->len = n;
    return 0;
}

// A new array of type t with n items allocated exactly (zeroed).
static Value array_new_sized(Type *t, const ArrayDescr *d, size_t n) {
    if (n > (size_t)INT64_MAX / (size_t)d->itemsize) {
        return err_no_memory();
    }
    ArrayObject *a = (ArrayObject *)gc_alloc(t, t->basic_size);
    if (!a) {
        return 0;
    }
    a->d = d;
    if (n) {
        a->data = calloc(n, (size_t)d->itemsize);
        if (!a->data) {
            return err_no_memory();
        }
    }
    a->len = a->allocated = n;
    return val_from_ptr(a);
}

static Value array_from_bytes_of(Type *t, const ArrayDescr *d, const char *p, size_t n) {
    Value r = array_new_sized(t, d, n);
    if (r && n) {
        memcpy(arr(r)->data, p, n * (size_t)d->itemsize);
    }
    return r;
}

// ---- the buffer protocol ------------------------------------------------------------------------

static int array_buffer_get(Value v, Buffer *view, int flags) {
    ArrayObject *a = arr(v);
    a->exports++;
    int64_t size = a->d->itemsize;
    *view = (Buffer){v, a->data ? a->data : (char *)"", (int64_t)a->len * size, size,
                     (int64_t)a->len, size, a->d->format, 0};
    return 0;
}

static void array_buffer_release(Value v) {
    arr(v)->exports--;
}

static const BufferExporter array_exporter = {&type_array, array_buffer_get, array_buffer_release};

// ---- appending ----------------------------------------------------------------------------------

static int array_append_value(Value self, Value v) {
    ArrayObject *a = arr(self);
    char item[8];
    if (a->d->set(item, v) < 0) {
        return -1;
    }
    size_t n = a->len;
    if (array_resize(self, n + 1) < 0) {
        return -1;
    }
    memcpy(array_item_ptr(a, n), item, (size_t)a->d->itemsize);
    return 0;
}

static int array_append_bytes(Value self, const char *p, size_t nbytes) {
    ArrayObject *a = arr(self);
    size_t size = (size_t)a->d->itemsize;
    if (nbytes % size) {
        err_format(&exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    size_t old = a->len, n = nbytes / size;
    if (n && array_resize(self, old + n) < 0) {
        return -1;
    }
    if (n) {
        memmove(array_item_ptr(a, old), p, nbytes);
    }
    return 0;
}

// Extend with another array of the same kind (`msg` when not).
static int array_extend_array(Value self, Value other, const char *msg) {
    if (arr(other)->d != arr(self)->d) {
        err_format(&exc_TypeError, "%s", msg);
        return -1;
    }
    ArrayObject *b = arr(other);
    size_t nbytes = b->len * (size_t)b->d->itemsize;
    char *copy = nbytes ? malloc(nbytes) : NULL;  // other may be self
    if (nbytes && !copy) {
        err_no_memory();
        return -1;
    }
    if (nbytes) {
        memcpy(copy, b->data, nbytes);
    }
    int r = array_append_bytes(self, copy, nbytes);
    free(copy);
    return r;
}

static int array_extend_iterable(Value self, Value iterable) {
    if (array_check(iterable)) {
        return array_extend_array(self, iterable, "can only extend with array of same kind");
    }
    Value it = obj_iter(iterable);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? -1 : 0;
        }
        if (array_append_value(self, item) < 0) {
            return -1;
        }
    }
}

static int array_extend_unicode(Value self, Value s) {
    size_t n = str_len(s), old = arr(self)->len;
    if (array_resize(self, old + n) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = str_getitem_cp(s, i);
        memcpy(array_item_ptr(arr(self), old + i), &cp, 4);
    }
    return 0;
}

// ---- construction ----------------------------------------------------------------------------------

static Value array_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    if (args_nkw(kwnames) && (t == &type_array || t->init == type_array.init)) {
        return err_format(&exc_TypeError, "array.array() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 2) {
        return err_format(&exc_TypeError, nargs < 1 ? "array() takes at least 1 argument (%zu given)"
                                                     : "array() takes at most 2 arguments (%zu given)",
                          nargs);
    }
    if (!val_is_str(args[0]) || str_len(args[0]) != 1) {
        return err_format(&exc_TypeError, "array() argument 1 must be a unicode character, not %s",
                          str_type_name(args[0]));
    }
    const ArrayDescr *d = array_descr_for(str_getitem_cp(args[0], 0));
    if (!d) {
        return err_format(&exc_ValueError,
                          "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    Value init = nargs == 2 ? args[1] : 0;
    if (init && val_is_str(init) && d->typecode != 'u') {
        return err_format(&exc_TypeError,
                          "cannot use a str to initialize an array with typecode '%c'", d->typecode);
    }
    if (init && array_check(init) && arr(init)->d->typecode == 'u' && d->typecode != 'u') {
        return err_format(&exc_TypeError,
                          "cannot use a unicode array to initialize an array with typecode '%c'",
                          d->typecode);
    }
    if (init && (list_check(init) || tuple_check(init))) {
        size_t n = list_check(init) ? list_obj(init)->len : tuple_obj(init)->len;
        Value r = array_new_sized(t, d, n);
        if (!r) {
            return 0;
        }
        for (size_t i = 0; i < n; i++) {
            // a list may shrink while its items convert (an __index__ that mutates it)
            size_t len = list_check(init) ? list_obj(init)->len : n;
            if (i >= len) {
                break;
            }
            Value item = list_check(init) ? list_obj(init)->items[i] : tuple_obj(init)->items[i];
            char tmp[8];
            if (d->set(tmp, item) < 0) {
                return 0;
            }
            memcpy(array_item_ptr(arr(r), i), tmp, (size_t)d->itemsize);
        }
        return r;
    }
    if (init && array_check(init)) {
        ArrayObject *src = arr(init);
        if (src->d == d) {
            return array_from_bytes_of(t, d, src->data, src->len);
        }
        Value r = array_new_sized(t, d, src->len);
        for (size_t i = 0; r && i < src->len && i < arr(init)->len; i++) {
            Value item = src->d->get(array_item_ptr(src, i));
            char tmp[8];
            if (!item || d->set(tmp, item) < 0) {
                return 0;
            }
            memcpy(array_item_ptr(arr(r), i), tmp, (size_t)d->itemsize);
        }
        return r;
    }
    Value r = array_new_sized(t, d, 0);
    if (!r || !init) {
        return r;
    }
    if (val_is_str(init)) {
        return array_extend_unicode(r, init) < 0 ? 0 : r;
    }
    if (val_is_bytes(init) || bytearray_check(init)) {  // other buffers are iterated
        Buffer view;
        if (buffer_get_bytes_like(init, &view) < 0) {
            return 0;
        }
        int k = array_append_bytes(r, view.buf, (size_t)view.len);
        buffer_release(&view);
        return k < 0 ? 0 : r;
    }
    return array_extend_iterable(r, init) < 0 ? 0 : r;
}

// ---- items and slices ----------------------------------------------------------------------------

static int64_t array_len(Value self) {
    return (int64_t)arr(self)->len;
}

static Value array_item(Value self, size_t i) {
    ArrayObject *a = arr(self);
    return a->d->get(array_item_ptr(a, i));
}

static int array_index_arg(Value key, int64_t *out) {
    if (val_is_smallint(key)) {
        *out = val_smallint(key);
        return 0;
    }
    if (!type_of(key)->index) {
        err_format(&exc_TypeError, "array indices must be integers");
        return -1;
    }
    return obj_as_index(key, out, 0);
}

static Value array_slice(Value self, int64_t start, int64_t stop, int64_t step, int64_t n) {
    ArrayObject *a = arr(self);
    Value r = array_new_sized(&type_array, a->d, (size_t)n);
    if (!r) {
        return 0;
    }
    size_t size = (size_t)a->d->itemsize;
    if (step == 1) {
        if (n) {
            memcpy(arr(r)->data, array_item_ptr(a, (size_t)start), (size_t)n * size);
        }
    } else {
        for (int64_t i = 0; i < n; i++) {  // start + n * step may overflow
            memcpy(array_item_ptr(arr(r), (size_t)i), array_item_ptr(a, (size_t)(start + i * step)),
                   size);
        }
    }
    (void)stop;
    return r;
}

static Value array_getitem(Value self, Value key) {
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, (int64_t)arr(self)->len, &start, &stop, &step, &n) < 0) {
            return 0;
        }
        return array_slice(self, start, stop, step, n);
    }
    int64_t i;
    if (array_index_arg(key, &i) < 0) {
        return 0;
    }
    int64_t len = (int64_t)arr(self)->len;
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        return err_format(&exc_IndexError, "array index out of range");
    }
    return array_item(self, (size_t)i);
}

// Remove items [lo, hi).
static int array_delete_range(Value self, size_t lo, size_t hi) {
    ArrayObject *a = arr(self);
    if (hi <= lo) {
        return 0;
    }
    if (array_ensure_resizable(self) < 0) {
        return -1;
    }
    size_t size = (size_t)a->d->itemsize;
    memmove(array_item_ptr(a, lo), array_item_ptr(a, hi), (a->len - hi) * size);
    return array_resize(self, a->len - (hi - lo));
}

// Replace items [lo, hi) with n items from p (bytes not inside a).
static int array_replace_range(Value self, size_t lo, size_t hi, const char *p, size_t n) {
    ArrayObject *a = arr(self);
    size_t size = (size_t)a->d->itemsize, old = a->len;
    if (n != hi - lo) {
        if (array_ensure_resizable(self) < 0) {
            return -1;
        }
        size_t newlen = old - (hi - lo) + n;
        if (n > hi - lo) {
            if (array_resize(self, newlen) < 0) {
                return -1;
            }
            memmove(array_item_ptr(a, lo + n), array_item_ptr(a, hi), (old - hi) * size);
        } else {
            memmove(array_item_ptr(a, lo + n), array_item_ptr(a, hi), (old - hi) * size);
            if (array_resize(self, newlen) < 0) {
                return -1;
            }
        }
    }
    if (n) {
        memcpy(array_item_ptr(a, lo), p, n * size);
    }
    return 0;
}

static int array_setslice(Value self, Value key, Value value) {
    int64_t start, stop, step, n;
    if (slice_indices(key, (int64_t)arr(self)->len, &start, &stop, &step, &n) < 0) {
        return -1;
    }
    ArrayObject *a = arr(self);
    size_t size = (size_t)a->d->itemsize;
    if (!value) {
        if (step == 1) {
            return array_delete_range(self, (size_t)start, (size_t)stop > (size_t)start ? (size_t)stop : (size_t)start);
        }
        if (n == 0) {
            return 0;
        }
        if (array_ensure_resizable(self) < 0) {
            return -1;
        }
        if (step < 0) {  // delete the same items walking forwards
            start += step * (n - 1);
            step = -step;
        }
        size_t w = (size_t)start;
        for (size_t r = (size_t)start; r < a->len; r++) {
            if (r >= (size_t)start && (int64_t)(r - (size_t)start) % step == 0 &&
                (int64_t)(r - (size_t)start) / step < n) {
                continue;
            }
            memmove(array_item_ptr(a, w), array_item_ptr(a, r), size);
            w++;
        }
        return array_resize(self, w);
    }
    if (!array_check(value)) {
        err_format(&exc_TypeError, "can only assign array (not \"%s\") to array slice",
                   str_type_name(value));
        return -1;
    }
    if (arr(value)->d != a->d) {
        err_format(&exc_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    ArrayObject *b = arr(value);
    size_t m = b->len;
    char *copy = m ? malloc(m * size) : NULL;  // value may be self
    if (m && !copy) {
        err_no_memory();
        return -1;
    }
    if (m) {
        memcpy(copy, b->data, m * size);
    }
    int r = 0;
    if (step == 1) {
        size_t lo = (size_t)start, hi = stop > start ? (size_t)stop : lo;
        r = array_replace_range(self, lo, hi, copy, m);
    } else if ((int64_t)m != n) {
        err_format(&exc_ValueError, "attempt to assign array of size %zu to extended slice of size %zd",
                   m, (ssize_t)n);
        r = -1;
    } else {
        for (int64_t i = 0; i < n; i++) {  // start + n * step may overflow
            memcpy(array_item_ptr(a, (size_t)(start + i * step)), copy + (size_t)i * size, size);
        }
    }
    free(copy);
    return r;
}

static int array_setitem(Value self, Value key, Value value) {
    if (slice_check(key)) {
        return array_setslice(self, key, value);
    }
    int64_t i;
    if (array_index_arg(key, &i) < 0) {
        return -1;
    }
    int64_t len = (int64_t)arr(self)->len;
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        err_format(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    if (!value) {
        return array_delete_range(self, (size_t)i, (size_t)i + 1);
    }
    char tmp[8];
    if (arr(self)->d->set(tmp, value) < 0) {
        return -1;
    }
    if ((size_t)i >= arr(self)->len) {  // an __index__ shrank the array
        err_format(&exc_IndexError, "array assignment index out of range");
        return -1;
    }
    memcpy(array_item_ptr(arr(self), (size_t)i), tmp, (size_t)arr(self)->d->itemsize);
    return 0;
}

static int array_contains(Value self, Value v) {
    for (size_t i = 0; i < arr(self)->len; i++) {
        Value item = array_item(self, i);
        if (!item) {
            return -1;
        }
        int eq = obj_richcompare_bool(item, v, CMP_EQ);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

// ---- repr, comparison, arithmetic ---------------------------------------------------------------------

static Value array_tolist_value(Value self) {
    size_t n = arr(self)->len;
    Value l = list_new(n);
    for (size_t i = 0; l && i < arr(self)->len; i++) {
        Value item = array_item(self, i);
        if (!item || list_append(l, item) < 0) {
            return 0;
        }
    }
    return l;
}

static Value array_tounicode_value(Value self) {
    ArrayObject *a = arr(self);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < a->len; i++) {
        uint32_t cp;
        memcpy(&cp, array_item_ptr(a, i), 4);
        if (cp > 0x10ffff) {
            sb_free(&sb);
            return err_format(&exc_ValueError,
                              "character U+%x is not in range [U+0000; U+10ffff]", cp);
        }
        char u8[4];
        sb_put(&sb, u8, (size_t)utf8_encode(cp, u8));
    }
    return str_from_strbuf(&sb);
}

static const char *array_type_short_name(Value self) {
    const char *name = type_of(self)->name, *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

static Value array_repr(Value self) {
    ArrayObject *a = arr(self);
    if (a->len == 0) {
        return str_format_c("%s('%c')", array_type_short_name(self), a->d->typecode);
    }
    Value inner = a->d->typecode == 'u' ? array_tounicode_value(self) : array_tolist_value(self);
    Value r = inner ? obj_repr(inner) : 0;
    return r ? str_format_c("%s('%c', %U)", array_type_short_name(self), a->d->typecode, r) : 0;
}

static Value array_richcompare(Value self, Value other, CompareOp op) {
    if (!array_check(self) || !array_check(other)) {
        return VAL_NOTIMPLEMENTED;
    }
    size_t la = arr(self)->len, lb = arr(other)->len;
    if (la != lb && (op == CMP_EQ || op == CMP_NE)) {
        return val_bool(op == CMP_NE);
    }
    size_t i = 0;
    for (; i < arr(self)->len && i < arr(other)->len; i++) {
        Value x = array_item(self, i), y = x ? array_item(other, i) : 0;
        if (!y) {
            return 0;
        }
        int eq = obj_richcompare_bool(x, y, CMP_EQ);
        if (eq < 0) {
            return 0;
        }
        if (!eq) {
            if (op == CMP_EQ) {
                return VAL_FALSE;
            }
            if (op == CMP_NE) {
                return VAL_TRUE;
            }
            return obj_richcompare(x, y, op);
        }
    }
    return seq_compare_sizes(arr(self)->len, arr(other)->len, op);
}

static Value array_concat(Value self, Value other) {
    if (!array_check(other)) {
        return err_format(&exc_TypeError, "can only append array (not \"%s\") to array",
                          str_type_name(other));
    }
    ArrayObject *a = arr(self), *b = arr(other);
    if (a->d != b->d) {
        return err_format(&exc_TypeError, "bad argument type for built-in operation");
    }
    size_t size = (size_t)a->d->itemsize;
    Value r = array_new_sized(&type_array, a->d, a->len + b->len);
    if (!r) {
        return 0;
    }
    if (a->len) {
        memcpy(arr(r)->data, a->data, a->len * size);
    }
    if (b->len) {
        memcpy(arr(r)->data + a->len * size, b->data, b->len * size);
    }
    return r;
}

static Value array_repeat(Value self, Value count) {
    int64_t n;
    int k = seq_repeat_count(count, &n);
    if (k <= 0) {
        return k < 0 ? 0 : VAL_NOTIMPLEMENTED;
    }
    ArrayObject *a = arr(self);
    if (n < 0) {
        n = 0;
    }
    if (a->len && (uint64_t)n > (uint64_t)INT64_MAX / a->len / (uint64_t)a->d->itemsize) {
        return err_no_memory();
    }
    size_t total = a->len * (size_t)n, nbytes = a->len * (size_t)a->d->itemsize;
    Value r = array_new_sized(&type_array, a->d, total);
    for (int64_t i = 0; r && i < n && nbytes; i++) {
        memcpy(arr(r)->data + (size_t)i * nbytes, a->data, nbytes);
    }
    return r;
}

static Value array_inplace_concat(Value self, Value other) {
    if (!array_check(other)) {
        return err_format(&exc_TypeError, "can only extend array with array (not \"%s\")",
                          str_type_name(other));
    }
    if (array_extend_array(self, other, "can only extend with array of same kind") < 0) {
        return 0;
    }
    return self;
}

static Value array_inplace_repeat(Value self, Value count) {
    int64_t n;
    int k = seq_repeat_count(count, &n);
    if (k <= 0) {
        return k < 0 ? 0 : VAL_NOTIMPLEMENTED;
    }
    ArrayObject *a = arr(self);
    size_t len = a->len, size = (size_t)a->d->itemsize;
    if (len == 0) {
        return self;
    }
    if (n <= 0) {
        return array_resize(self, 0) < 0 ? 0 : self;
    }
    if ((uint64_t)n > (uint64_t)INT64_MAX / len / size) {
        return err_no_memory();
    }
    if (array_resize(self, len * (size_t)n) < 0) {
        return 0;
    }
    for (int64_t i = 1; i < n; i++) {
        memcpy(a->data + (size_t)i * len * size, a->data, len * size);
    }
    return self;
}

static Value array_inplace_add(Value a, Value b) {
    return array_inplace_concat(a, b);
}

static Value array_inplace_mul(Value a, Value b) {
    return array_inplace_repeat(a, b);
}

// ---- methods -------------------------------------------------------------------------------------------

FN(array_m_append) {
    if (method_check_args("array.append", nargs, kwnames, 1, 1) < 0 ||
        array_append_value(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(array_m_extend) {
    if (method_check_args("array.extend", nargs, kwnames, 1, 1) < 0 ||
        array_extend_iterable(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(array_m_buffer_info) {
    if (method_check_args("array.buffer_info", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value addr = int_from_u64((uint64_t)(uintptr_t)arr(self)->data);
    Value len = int_from_i64((int64_t)arr(self)->len);
    return addr && len ? tuple_pack2(addr, len) : 0;
}

FN(array_m_byteswap) {
    if (method_check_args("array.byteswap", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ArrayObject *a = arr(self);
    size_t size = (size_t)a->d->itemsize;
    for (size_t i = 0; i < a->len; i++) {
        char *p = array_item_ptr(a, i);
        for (size_t j = 0; j < size / 2; j++) {
            char t = p[j];
            p[j] = p[size - 1 - j];
            p[size - 1 - j] = t;
        }
    }
    return VAL_NONE;
}

FN(array_m_count) {
    if (method_check_args("array.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t count = 0;
    for (size_t i = 0; i < arr(self)->len; i++) {
        Value item = array_item(self, i);
        int eq = item ? obj_richcompare_bool(item, args[0], CMP_EQ) : -1;
        if (eq < 0) {
            return 0;
        }
        count += eq;
    }
    return int_from_i64(count);
}

FN(array_m_index) {
    if (args_no_keywords("index", kwnames) < 0 || args_check_positional("index", nargs, 1, 3) < 0) {
        return 0;
    }
    int64_t start = 0, stop = INT64_MAX;
    if ((nargs > 1 && seq_slice_index(args[1], &start) < 0) ||
        (nargs > 2 && seq_slice_index(args[2], &stop) < 0)) {
        return 0;
    }
    seq_clamp_range(&start, &stop, arr(self)->len);
    for (int64_t i = start; i < stop && (size_t)i < arr(self)->len; i++) {
        Value item = array_item(self, (size_t)i);
        int eq = item ? obj_richcompare_bool(item, args[0], CMP_EQ) : -1;
        if (eq < 0) {
            return 0;
        }
        if (eq) {
            return int_from_i64(i);
        }
    }
    return err_format(&exc_ValueError, "array.index(x): x not in array");
}

FN(array_m_remove) {
    if (method_check_args("array.remove", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    for (size_t i = 0; i < arr(self)->len; i++) {
        Value item = array_item(self, i);
        int eq = item ? obj_richcompare_bool(item, args[0], CMP_EQ) : -1;
        if (eq < 0) {
            return 0;
        }
        if (eq) {
            return array_delete_range(self, i, i + 1) < 0 ? 0 : VAL_NONE;
        }
    }
    return err_format(&exc_ValueError, "array.remove(x): x not in array");
}

FN(array_m_insert) {
    if (args_no_keywords("insert", kwnames) < 0 || args_check_positional("insert", nargs, 2, 2) < 0) {
        return 0;
    }
    int64_t i;
    if (seq_int_arg(args[0], &i) < 0) {
        return 0;
    }
    ArrayObject *a = arr(self);
    char tmp[8];
    if (a->d->set(tmp, args[1]) < 0) {
        return 0;
    }
    int64_t n = (int64_t)a->len;
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    return array_replace_range(self, (size_t)i, (size_t)i, tmp, 1) < 0 ? 0 : VAL_NONE;
}

FN(array_m_pop) {
    if (args_no_keywords("pop", kwnames) < 0 || args_check_positional("pop", nargs, 0, 1) < 0) {
        return 0;
    }
    int64_t i = -1;
    if (nargs && seq_int_arg(args[0], &i) < 0) {
        return 0;
    }
    int64_t n = (int64_t)arr(self)->len;
    if (n == 0) {
        return err_format(&exc_IndexError, "pop from empty array");
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return err_format(&exc_IndexError, "pop index out of range");
    }
    Value item = array_item(self, (size_t)i);
    if (!item || array_delete_range(self, (size_t)i, (size_t)i + 1) < 0) {
        return 0;
    }
    return item;
}

FN(array_m_reverse) {
    if (method_check_args("array.reverse", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ArrayObject *a = arr(self);
    size_t size = (size_t)a->d->itemsize;
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        char t[8];
        memcpy(t, array_item_ptr(a, i), size);
        memcpy(array_item_ptr(a, i), array_item_ptr(a, j - 1), size);
        memcpy(array_item_ptr(a, j - 1), t, size);
    }
    return VAL_NONE;
}

FN(array_m_frombytes) {
    if (method_check_args("array.frombytes", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (view.itemsize != 1) {
        buffer_release(&view);
        return err_format(&exc_TypeError, "a bytes-like object is required");
    }
    // The bytes may be self's own (a.frombytes(a)): copy them out first.
    size_t n = (size_t)view.len;
    char *copy = n ? malloc(n) : NULL;
    if (n && !copy) {
        buffer_release(&view);
        return err_no_memory();
    }
    if (n) {
        memcpy(copy, view.buf, n);
    }
    buffer_release(&view);
    int r = array_append_bytes(self, copy, n);
    free(copy);
    return r < 0 ? 0 : VAL_NONE;
}

FN(array_m_tobytes) {
    if (method_check_args("array.tobytes", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ArrayObject *a = arr(self);
    return bytes_from(a->data ? a->data : "", a->len * (size_t)a->d->itemsize);
}

FN(array_m_fromlist) {
    if (method_check_args("array.fromlist", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value l = args[0];
    if (!list_check(l)) {
        return err_format(&exc_TypeError, "arg must be list");
    }
    // All or nothing: on a bad item the array is put back as it was.
    size_t old = arr(self)->len;
    for (size_t i = 0; i < list_obj(l)->len; i++) {
        if (array_append_value(self, list_obj(l)->items[i]) < 0) {
            Value exc = err_fetch();
            if (arr(self)->exports == 0) {
                array_resize(self, old);
            }
            err_set_value(exc);
            return 0;
        }
    }
    return VAL_NONE;
}

FN(array_m_tolist) {
    if (method_check_args("array.tolist", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return array_tolist_value(self);
}

FN(array_m_fromunicode) {
    if (method_check_args("array.fromunicode", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "fromunicode() argument must be str, not %s",
                          str_type_name(args[0]));
    }
    if (arr(self)->d->typecode != 'u') {
        return err_format(&exc_ValueError, "fromunicode() may only be called on unicode type arrays");
    }
    return array_extend_unicode(self, args[0]) < 0 ? 0 : VAL_NONE;
}

FN(array_m_tounicode) {
    if (method_check_args("array.tounicode", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (arr(self)->d->typecode != 'u') {
        return err_format(&exc_ValueError, "tounicode() may only be called on unicode type arrays");
    }
    return array_tounicode_value(self);
}

// fromfile(f, n): n items read with f.read(); EOFError (after keeping what
// came) when fewer bytes arrive.
FN(array_m_fromfile) {
    if (args_no_keywords("fromfile", kwnames) < 0 ||
        args_check_positional("fromfile", nargs, 2, 2) < 0) {
        return 0;
    }
    int64_t n;
    if (seq_int_arg(args[1], &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "negative count");
    }
    size_t size = (size_t)arr(self)->d->itemsize;
    if ((uint64_t)n > (uint64_t)INT64_MAX / size) {
        return err_no_memory();
    }
    int64_t nbytes = n * (int64_t)size;
    Value count = int_from_i64(nbytes);
    Value b = count ? obj_call_method(args[0], "read", &count, 1) : 0;
    if (!b) {
        return 0;
    }
    if (!val_is_bytes(b)) {
        return err_format(&exc_TypeError, "read() didn't return bytes");
    }
    size_t got = bytes_len(b), whole = got - got % size;
    if (array_append_bytes(self, bytes_data(b), whole) < 0) {
        return 0;
    }
    if ((int64_t)got != nbytes) {
        return err_format(&exc_EOFError, "read() didn't return enough bytes");
    }
    return VAL_NONE;
}

// tofile(f): f.write() in blocks of 64 KiB.
FN(array_m_tofile) {
    if (method_check_args("array.tofile", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    const size_t block = 64 * 1024;
    size_t nbytes = arr(self)->len * (size_t)arr(self)->d->itemsize;
    if (nbytes == 0) {  // CPython writes nothing, but still needs f.write
        Value w = obj_getattr_cstr(args[0], "write");
        return w ? VAL_NONE : 0;
    }
    for (size_t off = 0; off < nbytes; off += block) {
        size_t now = arr(self)->len * (size_t)arr(self)->d->itemsize;
        if (off >= now) {
            break;
        }
        size_t take = now - off < block ? now - off : block;
        Value chunk = bytes_from(arr(self)->data + off, take);
        Value r = chunk ? obj_call_method(args[0], "write", &chunk, 1) : 0;
        if (!r) {
            return 0;
        }
    }
    return VAL_NONE;
}

FN(array_m_copy) {
    if (method_check_args("array.__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ArrayObject *a = arr(self);
    return array_from_bytes_of(&type_array, a->d, a->data, a->len);
}

FN(array_m_deepcopy) {
    if (method_check_args("array.__deepcopy__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ArrayObject *a = arr(self);
    return array_from_bytes_of(&type_array, a->d, a->data, a->len);
}

FN(array_m_sizeof) {
    if (method_check_args("array.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    // CPython's arrayobject is 64 bytes, plus the allocation.
    return int_from_i64(64 + (int64_t)(arr(self)->allocated * (size_t)arr(self)->d->itemsize));
}

static Value array_reconstructor_fn;  // array._array_reconstructor, for __reduce_ex__

// __reduce_ex__(protocol): (type, (typecode, list), state) below protocol 3,
// else (_array_reconstructor, (type, typecode, mformat, bytes), state).
FN(array_m_reduce_ex) {
    if (args_no_keywords("__reduce_ex__", kwnames) < 0) {
        return 0;
    }
    if (nargs != 1) {
        return err_format(&exc_TypeError,
                          "__reduce_ex__() takes exactly 1 positional argument (%zu given)", nargs);
    }
    if (!int_check(args[0])) {
        return err_format(&exc_TypeError, "__reduce_ex__ argument should be an integer");
    }
    int64_t protocol;
    if (int_to_i64(args[0], &protocol) < 0) {
        return 0;
    }
    Value dict = obj_getattr_opt(self, str_intern_cstr("__dict__"));
    if (!dict) {
        if (err_occurred()) {
            return 0;
        }
        dict = VAL_NONE;
    }
    ArrayObject *a = arr(self);
    Value tc = str_char((uint32_t)a->d->typecode);
    Value type = val_from_ptr(type_of(self));
    if (!tc) {
        return 0;
    }
    if (protocol < 3) {
        Value l = array_tolist_value(self);
        Value targs = l ? tuple_pack2(tc, l) : 0;
        return targs ? tuple_from((Value[]){type, targs, dict}, 3) : 0;
    }
    Value b = bytes_from(a->data ? a->data : "", a->len * (size_t)a->d->itemsize);
    Value targs = b ? tuple_from((Value[]){type, tc, val_from_smallint(a->d->mformat), b}, 4) : 0;
    return targs ? tuple_from((Value[]){array_reconstructor_fn, targs, dict}, 3) : 0;
}

static Value array_get_typecode(Value self) {
    return str_char((uint32_t)arr(self)->d->typecode);
}

static Value array_get_itemsize(Value self) {
    return int_from_i64(arr(self)->d->itemsize);
}

static const MethodDef array_methods[] = {
    {"append", array_m_append, METH_DEFAULT, "Append new value v to the end of the array."},
    {"buffer_info", array_m_buffer_info, METH_DEFAULT, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", array_m_byteswap, METH_DEFAULT, "Byteswap all items of the array."},
    {"count", array_m_count, METH_DEFAULT, "Return number of occurrences of v in the array."},
    {"extend", array_m_extend, METH_DEFAULT, "Append items to the end of the array."},
    {"frombytes", array_m_frombytes, METH_DEFAULT, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromfile", array_m_fromfile, METH_DEFAULT, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_m_fromlist, METH_DEFAULT, "Append items to array from list."},
    {"fromunicode", array_m_fromunicode, METH_DEFAULT, "Extends this array with data from the unicode string ustr."},
    {"index", array_m_index, METH_DEFAULT, "Return index of first occurrence of v in the array."},
    {"insert", array_m_insert, METH_DEFAULT, "Insert a new item v into the array before position i."},
    {"pop", array_m_pop, METH_DEFAULT, "Return the i-th element and delete it from the array."},
    {"remove", array_m_remove, METH_DEFAULT, "Remove the first occurrence of v in the array."},
    {"reverse", array_m_reverse, METH_DEFAULT, "Reverse the order of the items in the array."},
    {"tobytes", array_m_tobytes, METH_DEFAULT, "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", array_m_tofile, METH_DEFAULT, "Write all items (as machine values) to the file object f."},
    {"tolist", array_m_tolist, METH_DEFAULT, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_m_tounicode, METH_DEFAULT, "Extends this array with data from the unicode string ustr."},
    {"__copy__", array_m_copy, METH_DEFAULT, "Return a copy of the array."},
    {"__deepcopy__", array_m_deepcopy, METH_DEFAULT, "Return a copy of the array."},
    {"__reduce_ex__", array_m_reduce_ex, METH_DEFAULT, "Return state information for pickling."},
    {"__sizeof__", array_m_sizeof, METH_DEFAULT, "Size of the array in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL, NULL, NULL, NULL},
};

// ---- iteration ------------------------------------------------------------------------------------------

static void arrayiter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ArrayIterObject *)o)->array);
}

static Value array_iter(Value self) {
    ArrayIterObject *it = (ArrayIterObject *)gc_alloc(&type_arrayiterator, sizeof(ArrayIterObject));
    if (!it) {
        return 0;
    }
    it->array = self;
    return val_from_ptr(it);
}

static Value arrayiter_next(Value self) {
    ArrayIterObject *it = (ArrayIterObject *)val_ptr(self);
    if (!it->array) {
        return 0;
    }
    if (it->index >= arr(it->array)->len) {
        it->array = 0;
        return 0;
    }
    return array_item(it->array, it->index++);
}

static Value arrayiter_self(Value self) {
    return self;
}

// __reduce__: (iter, (array,), index), or (iter, ((),)) once exhausted.
FN(arrayiter_reduce) {
    if (method_check_args("arrayiterator.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ArrayIterObject *it = (ArrayIterObject *)val_ptr(self);
    Value empty = tuple_new(0);
    return empty ? seqiter_reduce("iter", it->array, (int64_t)it->index, empty) : 0;
}

FN(arrayiter_setstate) {
    if (method_check_args("arrayiterator.__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ArrayIterObject *it = (ArrayIterObject *)val_ptr(self);
    int64_t index;
    int64_t len = it->array ? (int64_t)arr(it->array)->len : 0;
    if (seqiter_setstate(args[0], 0, len, &index) < 0) {
        return 0;
    }
    if (it->array) {
        it->index = (size_t)index;
    }
    return VAL_NONE;
}

static const MethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, METH_DEFAULT, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static Type type_arrayiterator = {
    .header = {&type_type},
    .name = "arrayiterator",
    .basic_size = sizeof(ArrayIterObject),
    .base = &type_object,
    .trace = arrayiter_trace,
    .iter = arrayiter_self,
    .iternext = arrayiter_next,
    .methods = arrayiter_methods,
};

static Type type_array = {
    .header = {&type_type},
    .name = "array.array",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_SEQUENCE,
    .basic_size = sizeof(ArrayObject),
    .base = &type_object,
    .free = array_free,
    .new_ = array_tp_new,
    .repr = array_repr,
    .hash = hash_unhashable,
    .richcompare = array_richcompare,
    .iter = array_iter,
    .len = array_len,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .contains = array_contains,
    .seq_concat = array_concat,
    .seq_repeat = array_repeat,
    .inplace = {[BINOP_ADD] = array_inplace_add, [BINOP_MUL] = array_inplace_mul},
    .methods = array_methods,
    .getset = array_getset,
};

// ---- _array_reconstructor ----------------------------------------------------------------------------------

// The layout of a machine format code: item size, signedness, kind
// (0 integer, 1 IEEE float, 2 UTF-16, 3 UTF-32) and byte order. `size` is
// what CPython checks the length against, which for the UTF codes is 4
// and 8 (not the code unit sizes).
typedef struct MachineLayout {
    int size, is_signed, kind, big_endian;
} MachineLayout;

static MachineLayout machine_layout(int code) {
    if (code <= MF_INT8) {
        return (MachineLayout){1, code == MF_INT8, 0, 0};
    }
    if (code <= MF_INT64_BE) {
        int k = code - MF_UINT16_LE;  // groups of 4 by size: (signed, big-endian) pairs
        return (MachineLayout){2 << (k / 4), (k % 4) >= 2, 0, k % 2};
    }
    if (code <= MF_DOUBLE_BE) {
        return (MachineLayout){code < MF_DOUBLE_LE ? 4 : 8, 1, 1, (code - MF_FLOAT_LE) % 2};
    }
    if (code <= MF_UTF16_BE) {
        return (MachineLayout){4, 0, 2, code - MF_UTF16_LE};
    }
    return (MachineLayout){8, 0, 3, code - MF_UTF32_LE};
}

// The item at p in layout L (an integer or IEEE kind), as a Python object.
static Value machine_item(const uint8_t *p, int size, MachineLayout L) {
    uint64_t u = 0;
    for (int j = 0; j < size; j++) {
        u = u << 8 | p[L.big_endian ? j : size - 1 - j];
    }
    if (L.kind == 1) {
        if (size == 4) {
            uint32_t w = (uint32_t)u;
            float f;
            memcpy(&f, &w, 4);
            return float_from_double(f);
        }
        double d;
        memcpy(&d, &u, 8);
        return float_from_double(d);
    }
    if (L.is_signed && size < 8 && (u >> (8 * size - 1)) & 1) {
        return int_from_i64((int64_t)u - ((int64_t)1 << (8 * size)));
    }
    return L.is_signed ? int_from_i64((int64_t)u) : int_from_u64(u);
}

// _array_reconstructor(arraytype, typecode, mformat_code, items): the
// unpickler of __reduce_ex__'s protocol 3+ form. Items in this machine's
// format are taken as they are; others (a pickle from another machine) are
// decoded item by item, and integers get the typecode of this machine
// with their size and signedness, as CPython does.
FN(array_reconstructor) {
    if (args_no_keywords("_array_reconstructor", kwnames) < 0 ||
        args_check_positional("_array_reconstructor", nargs, 4, 4) < 0) {
        return 0;
    }
    Value type = args[0], items = args[3];
    if (!val_is_str(args[1]) || str_len(args[1]) != 1) {
        return err_format(&exc_TypeError,
                          "_array_reconstructor() argument 2 must be a unicode character, not %s",
                          str_type_name(args[1]));
    }
    int64_t code;
    if (seq_int_arg(args[2], &code) < 0) {
        return 0;
    }
    if (!type_check(type)) {
        return err_format(&exc_TypeError, "first argument must be a type object, not %s",
                          str_type_name(type));
    }
    if (!type_is_subtype(type_ptr(type), &type_array)) {
        return err_format(&exc_TypeError, "%s is not a subtype of array.array",
                          type_ptr(type)->name);
    }
    const ArrayDescr *d = array_descr_for(str_getitem_cp(args[1], 0));
    if (!d) {
        return err_format(&exc_ValueError, "second argument must be a valid type code");
    }
    if (code < 0 || code > MF_MAX) {
        return err_format(&exc_ValueError, "third argument must be a valid machine format code.");
    }
    if (!val_is_bytes(items)) {
        return err_format(&exc_TypeError, "fourth argument should be bytes, not %s",
                          str_type_name(items));
    }
    Value a[2] = {args[1], items};
    if (code == d->mformat) {
        return array_tp_new(type, a, 2, 0);
    }
    MachineLayout L = machine_layout((int)code);
    size_t n = bytes_len(items);
    if (n % (size_t)L.size) {
        return err_format(&exc_ValueError, "string length not a multiple of item size");
    }
    if (L.kind >= 2) {
        static const char *const codecs[2][2] = {{"utf-16-le", "utf-16-be"},
                                                 {"utf-32-le", "utf-32-be"}};
        Value enc = str_from_cstr(codecs[L.kind - 2][L.big_endian]);
        a[1] = enc ? obj_call_method(items, "decode", &enc, 1) : 0;
        return a[1] ? array_tp_new(type, a, 2, 0) : 0;
    }
    if (L.kind == 0) {
        for (size_t i = 0; i < ARRAY_NDESCRS; i++) {
            const ArrayDescr *c = &array_descrs[i];
            if (c->typecode != 'u' && c->typecode != 'f' && c->typecode != 'd' &&
                c->itemsize == L.size && c->is_signed == L.is_signed) {
                d = c;
            }
        }
        a[0] = str_char((uint32_t)d->typecode);
    }
    Value list = list_new(n / (size_t)L.size);
    for (size_t i = 0; list && i < n / (size_t)L.size; i++) {
        const uint8_t *p = (const uint8_t *)bytes_data(items) + i * (size_t)L.size;
        Value item = machine_item(p, L.size, L);
        if (!item || list_append(list, item) < 0) {
            return 0;
        }
    }
    if (!list || !a[0]) {
        return 0;
    }
    a[1] = list;
    return array_tp_new(type, a, 2, 0);
}

static const MethodDef array_reconstructor_def = {
    "_array_reconstructor", array_reconstructor, METH_DEFAULT, "Internal. Used for pickling support."};

Value array_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_array) < 0 || type_ready(&type_arrayiterator) < 0) {
        return 0;
    }
    buffer_register_exporter(&array_exporter);
    Value m = module_new_cstr("array");
    if (!m) {
        return 0;
    }
    gc_add_root(&array_reconstructor_fn);
    array_reconstructor_fn = builtin_function_new(&array_reconstructor_def, m, str_from_cstr("array"));
    char typecodes[ARRAY_NDESCRS + 1];
    for (size_t i = 0; i < ARRAY_NDESCRS; i++) {
        typecodes[i] = array_descrs[i].typecode;
    }
    typecodes[ARRAY_NDESCRS] = 0;
    if (!array_reconstructor_fn ||
        module_add(m, "_array_reconstructor", array_reconstructor_fn) < 0 ||
        module_add(m, "array", val_from_ptr(&type_array)) < 0 ||
        module_add(m, "ArrayType", val_from_ptr(&type_array)) < 0 ||
        module_add(m, "typecodes", str_from_cstr(typecodes)) < 0) {
        return 0;
    }
    // As CPython: arrays are registered as collections.abc.MutableSequence.
    Value fromlist = tuple_from((Value[]){str_intern_cstr("MutableSequence")}, 1);
    Value abc = fromlist ? import_module_level(str_intern_cstr("collections.abc"), 0, fromlist, 0) : 0;
    Value mutable_sequence = abc ? obj_getattr_cstr(abc, "MutableSequence") : 0;
    Value type = val_from_ptr(&type_array);
    if (!mutable_sequence || !obj_call_method(mutable_sequence, "register", &type, 1)) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
