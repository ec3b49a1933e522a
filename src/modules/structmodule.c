// structmodule.c - the `_struct` module: conversion between Python values and
// C structs packed into bytes, for Lib/struct.py.
//
// A format is compiled once into a Struct: a list of codes, each with its
// repeat count, byte offset and size, so packing and unpacking are a walk
// over that list. The first character picks the mode: '@' (or none) is
// native - the sizes and alignment of this x86-64 Linux machine's C types,
// little-endian - and the only mode with 'n', 'N' and 'P'; '=' is native
// order with the standard sizes and no alignment; '<', '>' and '!' little-
// and big-endian with the standard sizes.
//
// Every message is CPython 3.11's, including its uneven wording, which
// comes from its two sets of converters (the native ones also serve '<'
// and '=' on a little-endian machine): the one- and two-byte integer codes
// name their C type ("ubyte format requires 0 <= number <= 255") but the
// big-endian two-byte ones their code, as the four-byte ones do ("'i'
// format requires ..."); eight-byte codes and values beyond 64 bits say
// "argument out of range", big-endian eight-byte ones "int too large to
// convert".
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
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
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value struct_error;  // struct.error

// ---- compiled formats -----------------------------------------------------------------------------

typedef struct StructCode {
    char code;
    int64_t count;     // repeat count (the length for 's' and 'p')
    int64_t offset;
    int64_t size;      // of one item
} StructCode;

typedef struct StructObject {
    Object header;
    Value format;      // str
    int64_t size;
    int64_t nitems;    // values packed / unpacked
    int little;        // byte order
    int native;        // '@': native sizes and alignment
    size_t ncodes;
    StructCode *codes; // malloc'ed (freed by the finalizer)
} StructObject;

static Type type_struct, type_unpack_iter;

static Value iter_self(Value self) {
    return self;
}

static Object *alloc_instance(Value type) {
    Type *t = (Type *)val_ptr(type);
    return gc_alloc(t, t->basic_size);
}

static Value struct_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static Value struct_err(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Value msg = str_from_cstr(buf);
    Value exc = msg ? obj_call1(struct_error, msg) : 0;
    return exc ? err_set_value(exc) : 0;
}

// Size of one item of `code`: the native size when `native`, else the
// standard one; 0 for a code the mode does not have.
static int code_size(char c, int native) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

static int is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Compile the format text into s. 0, or -1 with struct.error.
static int struct_compile(StructObject *s, const char *fmt, size_t len) {
    if (strlen(fmt) != len) {
        struct_err("embedded null character");
        return -1;
    }
    s->native = 1;
    s->little = 1;
    switch (*fmt) {
    case '<': s->native = 0; fmt++; break;
    case '>': case '!': s->native = 0; s->little = 0; fmt++; break;
    case '=': s->native = 0; fmt++; break;
    case '@': fmt++; break;
    default: break;
    }
    size_t cap = 8, n = 0;
    StructCode *codes = malloc(cap * sizeof *codes);
    if (!codes) {
        err_no_memory();
        return -1;
    }
    int64_t size = 0, nitems = 0;
    const int64_t max = INT64_MAX;
    for (const char *p = fmt; *p;) {
        char c = *p++;
        if (is_space(c)) {
            continue;
        }
        int64_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while ((c = *p++) >= '0' && c <= '9') {
                if (num >= max / 10 && (num > max / 10 || (c - '0') > max % 10)) {
                    goto overflow;
                }
                num = num * 10 + (c - '0');
            }
            if (c == 0) {
                free(codes);
                struct_err("repeat count given without format specifier");
                return -1;
            }
        }
        int itemsize = code_size(c, s->native);
        if (!itemsize) {
            free(codes);
            struct_err("bad char in struct format");
            return -1;
        }
        if (s->native && itemsize > 1 && size > 0) {
            // Native items are aligned to their size.
            int64_t extra = (itemsize - 1) - (size - 1) % itemsize;
            if (size > max - extra) {
                goto overflow;
            }
            size += extra;
        }
        if (num > (max - size) / itemsize) {
            goto overflow;
        }
        if (c == 's' || c == 'p') {
            nitems++;
        } else if (c != 'x') {
            nitems += num;
        }
        if (n == cap) {
            cap *= 2;
            StructCode *more = realloc(codes, cap * sizeof *codes);
            if (!more) {
                free(codes);
                err_no_memory();
                return -1;
            }
            codes = more;
        }
        codes[n++] = (StructCode){c, num, size, itemsize};
        size += num * itemsize;
    }
    free(s->codes);
    s->codes = codes;
    s->ncodes = n;
    s->size = size;
    s->nitems = nitems;
    return 0;
overflow:
    free(codes);
    struct_err("total struct size too long");
    return -1;
}

static void struct_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((StructObject *)o)->format);
}

static void struct_free(Object *o) {
    StructObject *s = (StructObject *)o;
    free(s->codes);
    s->codes = NULL;
}

// The format argument as a str (bytes are decoded as ASCII), or 0.
static Value format_text(Value fmt) {
    if (val_is_str(fmt)) {
        return fmt;
    }
    if (val_is_bytes(fmt)) {
        return codec_decode(fmt, bytes_data(fmt), bytes_len(fmt), "ascii", NULL);
    }
    return err_format(&exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                      obj_type_name(fmt));
}

static int struct_init_format(StructObject *s, Value fmt) {
    Value text = format_text(fmt);
    if (!text) {
        return -1;
    }
    Value ascii = codec_encode_direct(text, "ascii", NULL);
    if (!ascii) {
        return -1;
    }
    if (struct_compile(s, bytes_data(ascii), bytes_len(ascii)) < 0) {
        return -1;
    }
    s->format = text;
    return 0;
}

static Value struct_new_from(Type *t, Value fmt) {
    StructObject *s = (StructObject *)alloc_instance(val_from_ptr(t));
    if (!s) {
        return 0;
    }
    s->format = VAL_NONE;
    if (struct_init_format(s, fmt) < 0) {
        return 0;
    }
    return val_from_ptr(s);
}

static Value struct_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"format", NULL};
    static const ArgSpec spec = {"Struct", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return struct_new_from(type_ptr(type), a[0]);
}

// The compiled formats of the module-level functions, by format (str or
// bytes), as CPython caches them: emptied when it holds STRUCT_CACHE_MAX
// and by _clearcache().
#define STRUCT_CACHE_MAX 100
static Value struct_cache;

// The Struct a module-level function works with.
static StructObject *struct_for(Value fmt) {
    if (val_is_ptr(fmt) && type_of(fmt) == &type_struct) {
        return (StructObject *)val_ptr(fmt);
    }
    int exact = val_is_ptr(fmt) && (type_of(fmt) == &type_str || type_of(fmt) == &type_bytes);
    if (exact) {
        Value hit = dict_get(struct_cache, fmt);
        if (hit) {
            return (StructObject *)val_ptr(hit);
        }
        if (err_occurred()) {
            return NULL;
        }
    }
    Value s = struct_new_from(&type_struct, fmt);
    if (!s) {
        return NULL;
    }
    if (exact) {
        if (dict_len(struct_cache) >= STRUCT_CACHE_MAX) {
            dict_clear(struct_cache);
        }
        if (dict_set(struct_cache, fmt, s) < 0) {
            return NULL;
        }
    }
    return (StructObject *)val_ptr(s);
}

// ---- packing --------------------------------------------------------------------------------------

static void put_uint(unsigned char *p, uint64_t v, int size, int little) {
    for (int i = 0; i < size; i++) {
        int shift = 8 * (little ? i : size - 1 - i);
        p[i] = (unsigned char)(v >> shift);
    }
}

static uint64_t get_uint(const unsigned char *p, int size, int little) {
    uint64_t v = 0;
    for (int i = 0; i < size; i++) {
        v = (v << 8) | p[little ? size - 1 - i : i];
    }
    return v;
}

// An integer argument: *neg and the magnitude bits (two's complement
// int64 when it fits, else *big set). 0, or -1 with struct.error
// "required argument is not an integer" (or the error __index__ raised).
static int int_arg(Value v, int64_t *sv, uint64_t *uv, int *fits_i64, int *fits_u64) {
    if (!int_check(v)) {
        if (!type_of(v)->index) {
            struct_err("required argument is not an integer");
            return -1;
        }
        v = obj_index(v);
        if (!v) {
            return -1;
        }
    }
    v = int_exact(v);  // bools and int subclasses as plain ints
    if (!v) {
        return -1;
    }
    *fits_i64 = *fits_u64 = 0;
    if (val_is_smallint(v)) {
        *sv = val_smallint(v);
        *fits_i64 = 1;
        *fits_u64 = *sv >= 0;
        *uv = (uint64_t)*sv;
        return 0;
    }
    IntObject *o = (IntObject *)val_ptr(v);
    int64_t n = o->size < 0 ? -o->size : o->size;
    while (n > 0 && o->limbs[n - 1] == 0) {
        n--;
    }
    uint64_t mag = n ? o->limbs[0] : 0;
    if (n > 1) {
        return 0;
    }
    if (o->size >= 0) {
        *fits_u64 = 1;
        *uv = mag;
        if (mag <= (uint64_t)INT64_MAX) {
            *fits_i64 = 1;
            *sv = (int64_t)mag;
        }
    } else if (mag <= (uint64_t)INT64_MAX + 1) {
        *fits_i64 = 1;
        *sv = (int64_t)(0 - mag);
        *uv = (uint64_t)*sv;
    }
    return 0;
}

static int out_of_range(void) {
    struct_err("argument out of range");
    return -1;
}

static int pack_int(const StructObject *s, char c, int size, unsigned char *p, Value v) {
    int64_t sv = 0;
    uint64_t uv = 0;
    int fi, fu;
    if (int_arg(v, &sv, &uv, &fi, &fu) < 0) {
        return -1;
    }
    int is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
    if (c == 'P') {
        if (!fi && !fu) {
            struct_err("int too large to convert");
            return -1;
        }
        put_uint(p, uv, size, s->little);
        return 0;
    }
    // Big-endian codes have their own converters in CPython, worded by
    // code; the others are the native C types' (see the file comment).
    int big = !s->little;
    if (size == 8 && big && !(is_unsigned ? fu : fi)) {
        struct_err("int too large to convert");
        return -1;
    }
    if (size == 2 && big) {
        if (!fi || (is_unsigned && sv < 0)) {
            return out_of_range();
        }
        int64_t lo = is_unsigned ? 0 : -32768, hi = is_unsigned ? 65535 : 32767;
        if (sv < lo || sv > hi) {
            struct_err("'%c' format requires %lld <= number <= %lld", c, (long long)lo,
                       (long long)hi);
            return -1;
        }
        put_uint(p, (uint64_t)sv, size, s->little);
        return 0;
    }
    if (size <= 2) {
        if (!fi) {
            return out_of_range();
        }
        int64_t lo = is_unsigned ? 0 : size == 1 ? -128 : -32768;
        int64_t hi = is_unsigned ? (size == 1 ? 255 : 65535) : (size == 1 ? 127 : 32767);
        if (sv < lo || sv > hi) {
            const char *name = size == 1 ? (is_unsigned ? "ubyte" : "byte")
                                         : (is_unsigned ? "ushort" : "short");
            struct_err("%s format requires %lld <= number <= %lld", name, (long long)lo,
                       (long long)hi);
            return -1;
        }
        put_uint(p, (uint64_t)sv, size, s->little);
        return 0;
    }
    if (is_unsigned) {
        if (!fu) {
            return out_of_range();
        }
        if (size == 4 && uv > 0xFFFFFFFFu) {
            struct_err("'%c' format requires 0 <= number <= 4294967295", c);
            return -1;
        }
        put_uint(p, uv, size, s->little);
        return 0;
    }
    if (!fi) {
        return out_of_range();
    }
    if (size == 4 && (sv < INT32_MIN || sv > INT32_MAX)) {
        struct_err("'%c' format requires -2147483648 <= number <= 2147483647", c);
        return -1;
    }
    put_uint(p, (uint64_t)sv, size, s->little);
    return 0;
}

// IEEE 754 binary16 of x, rounded to nearest even: 0, or -1 with OverflowError.
static int pack_half(double x, uint16_t *out) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7E00;
        return 0;
    }
    double a = fabs(x);
    if (isinf(a)) {
        *out = sign | 0x7C00;
        return 0;
    }
    if (a < ldexp(1.0, -14)) {
        double q = rint(ldexp(a, 24));  // units of the smallest subnormal
        *out = sign | (uint16_t)q;      // 1024 is the smallest normal
        return 0;
    }
    int e;
    double m = frexp(a, &e);        // a = m * 2**e, 0.5 <= m < 1
    int exp = e - 1 + 15;
    double mant = rint((2 * m - 1) * 1024);
    if (mant >= 1024) {
        mant = 0;
        exp++;
    }
    if (exp >= 31) {
        err_format(&exc_OverflowError, "float too large to pack with e format");
        return -1;
    }
    *out = sign | (uint16_t)(exp << 10) | (uint16_t)mant;
    return 0;
}

static double unpack_half(uint16_t h) {
    int exp = (h >> 10) & 0x1F;
    int mant = h & 0x3FF;
    double v;
    if (exp == 0) {
        v = ldexp(mant, -24);
    } else if (exp == 31) {
        v = mant ? NAN : INFINITY;
    } else {
        v = ldexp(mant + 1024, exp - 25);
    }
    return (h & 0x8000) ? -v : v;
}

// A float argument: anything with __float__ or __index__.
static int float_arg(Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    Type *t = type_of(v);
    if (int_check(v) || t->to_float || t->index) {
        Value f = int_check(v) ? 0 : t->to_float ? t->to_float(v) : obj_index(v);
        if (!int_check(v) && !f) {
            return -1;
        }
        if (!f) {
            f = v;
        }
        if (float_check(f)) {
            *out = float_value(f);
            return 0;
        }
        if (int_check(f) && int_as_double(f, out) == 0) {
            return 0;
        }
        if (!err_matches(&exc_OverflowError)) {
            return -1;
        }
        err_clear();
    }
    struct_err("required argument is not a float");
    return -1;
}

static int pack_one(const StructObject *s, const StructCode *sc, unsigned char *p, Value v) {
    char c = sc->code;
    int size = (int)sc->size;
    switch (c) {
    case 'c':
        if (!val_is_bytes(v) || bytes_len(v) != 1) {
            struct_err("char format requires a bytes object of length 1");
            return -1;
        }
        *p = (unsigned char)bytes_data(v)[0];
        return 0;
    case '?': {
        int t = obj_truthy(v);
        if (t < 0) {
            return -1;
        }
        *p = (unsigned char)t;
        return 0;
    }
    case 'e': case 'f': case 'd': {
        double x;
        if (float_arg(v, &x) < 0) {
            return -1;
        }
        if (c == 'e') {
            uint16_t h;
            if (pack_half(x, &h) < 0) {
                return -1;
            }
            put_uint(p, h, 2, s->little);
        } else if (c == 'f') {
            float f = (float)x;
            if (isinf(f) && !isinf(x) && !s->native) {
                err_format(&exc_OverflowError, "float too large to pack with f format");
                return -1;
            }
            uint32_t bits;
            memcpy(&bits, &f, 4);
            put_uint(p, bits, 4, s->little);
        } else {
            uint64_t bits;
            memcpy(&bits, &x, 8);
            put_uint(p, bits, 8, s->little);
        }
        return 0;
    }
    default:
        return pack_int(s, c, size, p, v);
    }
}

// Pack values[0..nitems) into p[0..size) (zeroed by the caller).
static int struct_pack_to(const StructObject *s, unsigned char *p, const Value *values) {
    size_t k = 0;
    for (size_t i = 0; i < s->ncodes; i++) {
        const StructCode *sc = &s->codes[i];
        unsigned char *q = p + sc->offset;
        if (sc->code == 'x') {
            continue;
        }
        if (sc->code == 's' || sc->code == 'p') {
            Value v = values[k++];
            Buffer view;
            if (!val_is_bytes(v) && !(val_is_ptr(v) && type_of(v) == &type_bytearray)) {
                struct_err("argument for '%c' must be a bytes object", sc->code);
                return -1;
            }
            if (buffer_get(v, &view, BUFFER_SIMPLE) <= 0) {
                return -1;
            }
            int64_t n = view.len;
            if (sc->code == 's') {
                memcpy(q, view.buf, (size_t)(n < sc->count ? n : sc->count));
            } else if (sc->count > 0) {
                if (n > sc->count - 1) {
                    n = sc->count - 1;
                }
                memcpy(q + 1, view.buf, (size_t)n);
                q[0] = (unsigned char)(n > 255 ? 255 : n);
            }
            buffer_release(&view);
            continue;
        }
        for (int64_t j = 0; j < sc->count; j++) {
            if (pack_one(s, sc, q + j * sc->size, values[k++]) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static Value struct_pack_values(StructObject *s, const Value *values, size_t n) {
    if ((int64_t)n != s->nitems) {
        return struct_err("pack expected %lld items for packing (got %zu)",
                          (long long)s->nitems, n);
    }
    if (s->size <= 1) {  // the shared empty and one-byte bytes
        unsigned char small[2] = {0, 0};
        return struct_pack_to(s, small, values) < 0 ? 0 : bytes_from(small, (size_t)s->size);
    }
    BytesObject *b = bytes_alloc((size_t)s->size);
    if (!b) {
        return 0;
    }
    memset(b->data, 0, (size_t)s->size);
    if (struct_pack_to(s, (unsigned char *)b->data, values) < 0) {
        return 0;
    }
    return val_from_ptr(b);
}

static Value struct_pack_into_values(StructObject *s, const Value *args, size_t nargs) {
    if ((int64_t)nargs != s->nitems + 2) {
        if (nargs == 0) {
            return struct_err("pack_into expected buffer argument");
        }
        if (nargs == 1) {
            return struct_err("pack_into expected offset argument");
        }
        return struct_err("pack_into expected %lld items for packing (got %zu)",
                          (long long)s->nitems, nargs - 2);
    }
    Buffer view;
    int r = buffer_get(args[0], &view, BUFFER_WRITABLE);
    if (r <= 0) {
        if (r == 0 || err_matches(&exc_BufferError)) {
            if (r < 0) {
                err_clear();
            }
            err_format(&exc_TypeError, "argument must be read-write bytes-like object, not %s",
                       obj_type_name(args[0]));
        }
        return 0;
    }
    int64_t offset;
    if (!int_check(args[1]) && !type_of(args[1])->index) {
        buffer_release(&view);
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(args[1]));
    }
    if (obj_as_index(args[1], &offset, 0) < 0) {
        buffer_release(&view);
        return 0;
    }
    if (offset < 0) {
        if (offset + s->size > 0) {
            buffer_release(&view);
            return struct_err("no space to pack %lld bytes at offset %lld", (long long)s->size,
                              (long long)offset);
        }
        if (offset + view.len < 0) {
            buffer_release(&view);
            return struct_err("offset %lld out of range for %lld-byte buffer", (long long)offset,
                              (long long)view.len);
        }
        offset += view.len;
    }
    if (view.len - offset < s->size) {
        int64_t len = view.len;
        buffer_release(&view);
        // size + offset may pass INT64_MAX: CPython adds them as size_t
        return struct_err("pack_into requires a buffer of at least %llu bytes for packing %lld "
                          "bytes at offset %lld (actual buffer size is %lld)",
                          (unsigned long long)s->size + (unsigned long long)offset,
                          (long long)s->size, (long long)offset, (long long)len);
    }
    // Packed into a scratch buffer first, then copied.
    unsigned char *tmp = calloc(1, (size_t)s->size + 1);
    if (!tmp) {
        buffer_release(&view);
        return err_no_memory();
    }
    // As in CPython, the region is zeroed and a failure leaves the values
    // packed before it.
    int r2 = struct_pack_to(s, tmp, args + 2);
    memcpy(view.buf + offset, tmp, (size_t)s->size);
    free(tmp);
    buffer_release(&view);
    return r2 < 0 ? 0 : VAL_NONE;
}

// ---- unpacking ------------------------------------------------------------------------------------

static Value unpack_one(const StructObject *s, char c, int size, const unsigned char *p) {
    switch (c) {
    case 'c': return bytes_from(p, 1);
    case '?': return val_bool(*p != 0);
    case 'e': return float_from_double(unpack_half((uint16_t)get_uint(p, 2, s->little)));
    case 'f': {
        uint32_t bits = (uint32_t)get_uint(p, 4, s->little);
        float f;
        memcpy(&f, &bits, 4);
        return float_from_double(f);
    }
    case 'd': {
        uint64_t bits = get_uint(p, 8, s->little);
        double d;
        memcpy(&d, &bits, 8);
        return float_from_double(d);
    }
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': case 'P':
        return int_from_u64(get_uint(p, size, s->little));
    default: {
        uint64_t u = get_uint(p, size, s->little);
        if (size < 8 && (u >> (8 * size - 1))) {
            u |= ~(uint64_t)0 << (8 * size);
        }
        return int_from_i64((int64_t)u);
    }
    }
}

static Value struct_unpack_at(const StructObject *s, const unsigned char *p) {
    Value t = tuple_new((size_t)s->nitems);
    if (!t) {
        return 0;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->ncodes; i++) {
        const StructCode *sc = &s->codes[i];
        const unsigned char *q = p + sc->offset;
        if (sc->code == 'x') {
            continue;
        }
        Value v;
        if (sc->code == 's') {
            v = bytes_from(q, (size_t)sc->count);
        } else if (sc->code == 'p') {
            int64_t n = sc->count ? q[0] : 0;
            if (n >= sc->count) {
                n = sc->count - 1;
            }
            v = bytes_from(q + 1, (size_t)(n < 0 ? 0 : n));
        } else {
            for (int64_t j = 0; j < sc->count; j++) {
                v = unpack_one(s, sc->code, (int)sc->size, q + j * sc->size);
                if (!v) {
                    return 0;
                }
                tuple_obj(t)->items[k++] = v;
            }
            continue;
        }
        if (!v) {
            return 0;
        }
        tuple_obj(t)->items[k++] = v;
    }
    return t;
}

static Value struct_unpack_buffer(StructObject *s, Value data) {
    Buffer view;
    if (buffer_get_bytes_like(data, &view) < 0) {
        return 0;
    }
    if (view.len != s->size) {
        buffer_release(&view);
        return struct_err("unpack requires a buffer of %lld bytes", (long long)s->size);
    }
    Value r = struct_unpack_at(s, (const unsigned char *)view.buf);
    buffer_release(&view);
    return r;
}

static Value struct_unpack_from_buffer(StructObject *s, Value data, Value off) {
    int64_t offset = 0;
    if (off) {
        if (!int_check(off) && !type_of(off)->index) {
            return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              obj_type_name(off));
        }
        if (obj_as_index(off, &offset, 0) < 0) {
            if (err_matches(&exc_IndexError)) {  // Argument Clinic's Py_ssize_t converter
                err_clear();
                err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
            }
            return 0;
        }
    }
    Buffer view;
    if (buffer_get_bytes_like(data, &view) < 0) {
        return 0;
    }
    if (offset < 0) {
        if (offset + s->size > 0) {
            buffer_release(&view);
            return struct_err("not enough data to unpack %lld bytes at offset %lld",
                              (long long)s->size, (long long)offset);
        }
        if (offset + view.len < 0) {
            int64_t len = view.len;
            buffer_release(&view);
            return struct_err("offset %lld out of range for %lld-byte buffer", (long long)offset,
                              (long long)len);
        }
        offset += view.len;
    }
    if (view.len - offset < s->size) {
        int64_t len = view.len;
        buffer_release(&view);
        return struct_err("unpack_from requires a buffer of at least %llu bytes for unpacking "
                          "%lld bytes at offset %lld (actual buffer size is %lld)",
                          (unsigned long long)s->size + (unsigned long long)offset,
                          (long long)s->size, (long long)offset, (long long)len);
    }
    Value r = struct_unpack_at(s, (const unsigned char *)view.buf + offset);
    buffer_release(&view);
    return r;
}

// iter_unpack: an iterator over a bytes copy of the buffer.
typedef struct UnpackIterObject {
    Object header;
    Value st;      // the Struct
    Value data;    // bytes, or 0 when exhausted
    int64_t index; // byte offset of the next item
} UnpackIterObject;

static void unpack_iter_trace(Object *o, GcTracer *t) {
    UnpackIterObject *u = (UnpackIterObject *)o;
    gc_trace_value(t, u->st);
    gc_trace_value(t, u->data);
}

static Value struct_iter_unpack_buffer(Value st, Value data) {
    StructObject *s = (StructObject *)val_ptr(st);
    if (s->size == 0) {
        return struct_err("cannot iteratively unpack with a struct of length 0");
    }
    Buffer view;
    if (buffer_get_bytes_like(data, &view) < 0) {
        return 0;
    }
    if (view.len % s->size != 0) {
        buffer_release(&view);
        return struct_err("iterative unpacking requires a buffer of a multiple of %lld bytes",
                          (long long)s->size);
    }
    Value copy = bytes_from(view.buf, (size_t)view.len);
    buffer_release(&view);
    if (!copy) {
        return 0;
    }
    UnpackIterObject *u = (UnpackIterObject *)gc_alloc(&type_unpack_iter, sizeof *u);
    if (!u) {
        return 0;
    }
    u->st = st;
    u->data = copy;
    u->index = 0;
    return val_from_ptr(u);
}

static Value unpack_iter_next(Value self) {
    UnpackIterObject *u = (UnpackIterObject *)val_ptr(self);
    if (!u->data) {
        return 0;
    }
    StructObject *s = (StructObject *)val_ptr(u->st);
    if (u->index + s->size > (int64_t)bytes_len(u->data)) {
        u->data = 0;
        return 0;
    }
    Value r = struct_unpack_at(s, (const unsigned char *)bytes_data(u->data) + u->index);
    u->index += s->size;
    return r;
}

FN(unpack_iter_length_hint) {
    UnpackIterObject *u = (UnpackIterObject *)val_ptr(self);
    if (!u->data) {
        return val_from_smallint(0);
    }
    StructObject *s = (StructObject *)val_ptr(u->st);
    return int_from_i64(((int64_t)bytes_len(u->data) - u->index) / s->size);
}

static Value unpack_iter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '_struct.unpack_iterator' instances");
}

static const MethodDef unpack_iter_methods[] = {
    {"__length_hint__", unpack_iter_length_hint, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_unpack_iter = {
    .header = {&type_type},
    .name = "_struct.unpack_iterator",
    .basic_size = sizeof(UnpackIterObject),
    .base = &type_object,
    .trace = unpack_iter_trace,
    .new_ = unpack_iter_tp_new,
    .iter = iter_self,
    .iternext = unpack_iter_next,
    .methods = unpack_iter_methods,
};

// ---- Struct methods ---------------------------------------------------------------------------------

static StructObject *struct_self(Value self) {
    return (StructObject *)val_ptr(self);
}

FN(struct_m_pack) {
    if (args_no_keywords("Struct.pack", kwnames) < 0) {
        return 0;
    }
    return struct_pack_values(struct_self(self), args, nargs);
}

FN(struct_m_pack_into) {
    if (args_no_keywords("Struct.pack_into", kwnames) < 0) {
        return 0;
    }
    return struct_pack_into_values(struct_self(self), args, nargs);
}

FN(struct_m_unpack) {
    if (method_check_args("Struct.unpack", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return struct_unpack_buffer(struct_self(self), args[0]);
}

FN(struct_m_unpack_from) {
    static const char *const names[] = {"buffer", "offset", NULL};
    static const ArgSpec spec = {"unpack_from", 0, names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return struct_unpack_from_buffer(struct_self(self), a[0], a[1]);
}

FN(struct_m_iter_unpack) {
    if (method_check_args("Struct.iter_unpack", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return struct_iter_unpack_buffer(self, args[0]);
}

FN(struct_m_sizeof) {
    if (method_check_args("Struct.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StructObject *s = struct_self(self);
    return int_from_i64((int64_t)(sizeof *s + (s->ncodes + 1) * sizeof(StructCode)));
}

static Value struct_get_format(Value self) {
    return struct_self(self)->format;
}

static Value struct_get_size(Value self) {
    return int_from_i64(struct_self(self)->size);
}

static const MethodDef struct_methods[] = {
    {"iter_unpack", struct_m_iter_unpack, METH_DEFAULT, "Return an iterator yielding tuples."},
    {"pack", struct_m_pack, METH_DEFAULT, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", struct_m_pack_into, METH_DEFAULT, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", struct_m_unpack, METH_DEFAULT, "Return a tuple containing unpacked values."},
    {"unpack_from", struct_m_unpack_from, METH_DEFAULT, "Return a tuple containing unpacked values."},
    {"__sizeof__", struct_m_sizeof, METH_DEFAULT, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef struct_getset[] = {
    {"format", struct_get_format, NULL, "struct format string"},
    {"size", struct_get_size, NULL, "struct size in bytes"},
    {NULL, NULL, NULL, NULL},
};

static Type type_struct = {
    .header = {&type_type},
    .name = "_struct.Struct",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(StructObject),
    .base = &type_object,
    .trace = struct_trace,
    .free = struct_free,
    .new_ = struct_tp_new,
    .methods = struct_methods,
    .getset = struct_getset,
};

// ---- module functions -------------------------------------------------------------------------------

FN(struct_pack) {
    if (args_no_keywords("_struct.pack", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "missing format argument");
    }
    StructObject *s = struct_for(args[0]);
    return s ? struct_pack_values(s, args + 1, nargs - 1) : 0;
}

FN(struct_pack_into) {
    if (args_no_keywords("_struct.pack_into", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "missing format argument");
    }
    StructObject *s = struct_for(args[0]);
    return s ? struct_pack_into_values(s, args + 1, nargs - 1) : 0;
}

FN(struct_unpack) {
    if (args_no_keywords("_struct.unpack", kwnames) < 0 ||
        args_check_positional("unpack", nargs, 2, 2) < 0) {
        return 0;
    }
    StructObject *s = struct_for(args[0]);
    return s ? struct_unpack_buffer(s, args[1]) : 0;
}

FN(struct_unpack_from) {
    static const char *const names[] = {"buffer", "offset", NULL};
    static const ArgSpec spec = {"unpack_from", 1, names, 2, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    StructObject *s = struct_for(a[0]);
    return s ? struct_unpack_from_buffer(s, a[1], a[2]) : 0;
}

FN(struct_iter_unpack) {
    if (args_no_keywords("_struct.iter_unpack", kwnames) < 0 ||
        args_check_positional("iter_unpack", nargs, 2, 2) < 0) {
        return 0;
    }
    StructObject *s = struct_for(args[0]);
    return s ? struct_iter_unpack_buffer(val_from_ptr(s), args[1]) : 0;
}

FN(struct_calcsize) {
    if (method_check_args("_struct.calcsize", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    StructObject *s = struct_for(args[0]);
    return s ? int_from_i64(s->size) : 0;
}

FN(struct_clearcache) {
    if (method_check_args("_struct._clearcache", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    dict_clear(struct_cache);
    return VAL_NONE;
}

static const MethodDef struct_functions[] = {
    {"_clearcache", struct_clearcache, METH_DEFAULT, "Clear the internal cache."},
    {"calcsize", struct_calcsize, METH_DEFAULT, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", struct_iter_unpack, METH_DEFAULT, "Return an iterator yielding tuples unpacked from the given bytes."},
    {"pack", struct_pack, METH_DEFAULT, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", struct_pack_into, METH_DEFAULT, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", struct_unpack, METH_DEFAULT, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", struct_unpack_from, METH_DEFAULT, "Return a tuple containing values unpacked according to the format string."},
    {NULL, NULL, 0, NULL},
};

Value struct_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_struct) < 0 || type_ready(&type_unpack_iter) < 0) {
        return 0;
    }
    gc_add_root(&struct_error);
    gc_add_root(&struct_cache);
    struct_cache = dict_new();
    if (!struct_cache) {
        return 0;
    }
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("struct")) < 0) {
        return 0;
    }
    struct_error = type_new_class(&type_type, str_from_cstr("error"), bases, ns);
    Value m = struct_error ? module_new_cstr("_struct") : 0;
    if (!m || module_add_functions(m, struct_functions) < 0 ||
        module_add(m, "Struct", val_from_ptr(&type_struct)) < 0 ||
        module_add(m, "error", struct_error) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
