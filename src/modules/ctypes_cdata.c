// ctypes_cdata.c - the memory of ctypes objects and the simple types: the
// table of simple type codes with their C conversions (CPython's cfield.c
// field descriptors), the storage info every ctypes class carries (see
// ctypes.h), the _CData base with its memory, _objects and buffer, and
// _SimpleCData with its metatype PyCSimpleType.
//
// Conversions follow CPython's exactly, since programs see the errors:
// integers are masked to their width (c_ubyte(-1) is 255, no overflow
// error), a float where an integer is expected is refused by __index__,
// c_char takes one byte or an int below 256, c_char_p takes bytes (kept
// alive in _objects), an int address or None.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/memoryview.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type_internal.h"
#include "../runtime/unicode.h"
#include "ctypes.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- small helpers ------------------------------------------------------------------------------

int ctypes_int_mask(Value v, uint64_t *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    int64_t s;
    if (int_to_i64(i, &s) == 0) {
        *out = (uint64_t)s;
        return 0;
    }
    err_clear();
    Value m = obj_binop(i, int_from_u64(UINT64_MAX), BINOP_AND);
    Value hi = m ? obj_binop(m, int_from_i64(32), BINOP_RSHIFT) : 0;
    Value lo = m ? obj_binop(m, int_from_i64(0xffffffff), BINOP_AND) : 0;
    int64_t h, l;
    if (!hi || !lo || int_to_i64(hi, &h) < 0 || int_to_i64(lo, &l) < 0) {
        return -1;
    }
    *out = ((uint64_t)h << 32) | (uint64_t)l;
    return 0;
}

const char *ctypes_type_name(Value v) {
    return type_of(v)->name;
}

uint64_t ctypes_read_uint(const char *p, size_t size) {
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: { uint16_t x; memcpy(&x, p, 2); return x; }
    case 4: { uint32_t x; memcpy(&x, p, 4); return x; }
    default: { uint64_t x; memcpy(&x, p, 8); return x; }
    }
}

void ctypes_write_uint(char *p, size_t size, uint64_t v) {
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)v; break;
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
    default: memcpy(p, &v, 8); break;
    }
}

// ---- the simple type codes ----------------------------------------------------------------------

static Value get_signed(const char *p, size_t size) {
    uint64_t u = ctypes_read_uint(p, size);
    if (size < 8 && (u >> (8 * size - 1)) & 1) {
        u |= ~(uint64_t)0 << (8 * size);
    }
    return int_from_i64((int64_t)u);
}

static Value get_unsigned(const char *p, size_t size) {
    return int_from_u64(ctypes_read_uint(p, size));
}

static Value set_int(char *p, Value v, size_t size) {
    uint64_t u;
    if (ctypes_int_mask(v, &u) < 0) {
        return 0;
    }
    ctypes_write_uint(p, size, u);
    return VAL_NONE;
}

static Value get_bool(const char *p, size_t size) {
    (void)size;
    return val_bool(*p != 0);
}

static Value set_bool(char *p, Value v, size_t size) {
    (void)size;
    int b = obj_truthy(v);
    if (b < 0) {
        return 0;
    }
    *p = (char)b;
    return VAL_NONE;
}

// VARIANT_BOOL: a short that is -1 for true.
static Value get_vbool(const char *p, size_t size) {
    (void)size;
    int16_t x;
    memcpy(&x, p, 2);
    return val_bool(x != 0);
}

static Value set_vbool(char *p, Value v, size_t size) {
    (void)size;
    int b = obj_truthy(v);
    if (b < 0) {
        return 0;
    }
    int16_t x = b ? -1 : 0;
    memcpy(p, &x, 2);
    return VAL_NONE;
}

static Value get_float(const char *p, size_t size) {
    (void)size;
    float f;
    memcpy(&f, p, 4);
    return float_from_double(f);
}

static Value set_float(char *p, Value v, size_t size) {
    (void)size;
    double d;
    if (float_as_c_double(v, &d) < 0) {
        return 0;
    }
    float f = (float)d;
    memcpy(p, &f, 4);
    return VAL_NONE;
}

static Value get_double(const char *p, size_t size) {
    (void)size;
    double d;
    memcpy(&d, p, 8);
    return float_from_double(d);
}

static Value set_double(char *p, Value v, size_t size) {
    (void)size;
    double d;
    if (float_as_c_double(v, &d) < 0) {
        return 0;
    }
    memcpy(p, &d, 8);
    return VAL_NONE;
}

static Value get_longdouble(const char *p, size_t size) {
    (void)size;
    long double d;
    memcpy(&d, p, sizeof d);
    return float_from_double((double)d);
}

static Value set_longdouble(char *p, Value v, size_t size) {
    (void)size;
    double d;
    if (float_as_c_double(v, &d) < 0) {
        return 0;
    }
    long double ld = d;
    memcpy(p, &ld, sizeof ld);
    return VAL_NONE;
}

static Value get_char(const char *p, size_t size) {
    (void)size;
    return bytes_from(p, 1);
}

static Value set_char(char *p, Value v, size_t size) {
    (void)size;
    if (val_is_bytes(v) && bytes_len(v) == 1) {
        *p = bytes_data(v)[0];
        return VAL_NONE;
    }
    if (bytearray_check(v) && bytearray_obj(v)->len == 1) {
        *p = bytearray_obj(v)->data[0];
        return VAL_NONE;
    }
    if (int_check(v)) {
        int64_t x;
        if (int_to_i64(v, &x) == 0 && x >= 0 && x < 256) {
            *p = (char)x;
            return VAL_NONE;
        }
        err_clear();
    }
    return err_format(&exc_TypeError, "one character bytes, bytearray or integer expected");
}

static Value get_wchar(const char *p, size_t size) {
    (void)size;
    wchar_t w;
    memcpy(&w, p, sizeof w);
    if ((uint32_t)w > 0x10ffff) {
        return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                          (unsigned)w);
    }
    return str_char((uint32_t)w);
}

static Value set_wchar(char *p, Value v, size_t size) {
    (void)size;
    if (!val_is_str(v)) {
        return err_format(&exc_TypeError, "unicode string expected instead of %s instance",
                          ctypes_type_name(v));
    }
    if (str_len(v) != 1) {
        return err_format(&exc_TypeError, "one character unicode string expected");
    }
    wchar_t w = (wchar_t)str_getitem_cp(v, 0);
    memcpy(p, &w, sizeof w);
    return VAL_NONE;
}

static Value get_pointer(const char *p, size_t size) {
    (void)size;
    void *x;
    memcpy(&x, p, sizeof x);
    return x ? int_from_u64((uint64_t)(uintptr_t)x) : VAL_NONE;
}

static Value set_pointer(char *p, Value v, size_t size) {
    (void)size;
    void *x = NULL;
    if (v != VAL_NONE) {
        uint64_t u;
        if (!int_check(v)) {
            return err_format(&exc_TypeError, "cannot be converted to pointer");
        }
        if (ctypes_int_mask(v, &u) < 0) {
            return 0;
        }
        x = (void *)(uintptr_t)u;
    }
    memcpy(p, &x, sizeof x);
    return VAL_NONE;
}

static Value get_char_p(const char *p, size_t size) {
    (void)size;
    const char *s;
    memcpy(&s, p, sizeof s);
    return s ? bytes_from_cstr(s) : VAL_NONE;
}

static Value set_char_p(char *p, Value v, size_t size) {
    (void)size;
    const char *s = NULL;
    if (val_is_bytes(v)) {
        s = bytes_data(v);
        memcpy(p, &s, sizeof s);
        return v;
    }
    if (v == VAL_NONE) {
        memcpy(p, &s, sizeof s);
        return VAL_NONE;
    }
    if (int_check(v)) {
        uint64_t u;
        if (ctypes_int_mask(v, &u) < 0) {
            return 0;
        }
        s = (const char *)(uintptr_t)u;
        memcpy(p, &s, sizeof s);
        return VAL_NONE;
    }
    return err_format(&exc_TypeError, "bytes or integer address expected instead of %s instance",
                      ctypes_type_name(v));
}

// A NUL-terminated wchar_t copy of a str, in a bytes object (kept alive
// by the caller): *out points at its text. 0 on error.
static Value wchar_buffer(Value s, wchar_t **out) {
    size_t n = str_len(s);
    BytesObject *b = bytes_alloc((n + 1) * sizeof(wchar_t));
    if (!b) {
        return 0;
    }
    wchar_t *w = (wchar_t *)b->data;
    const unsigned char *t = (const unsigned char *)str_obj(s)->data;
    for (size_t i = 0; i < n; i++) {
        size_t k;
        w[i] = (wchar_t)str_decode_cp(t, &k);
        t += k;
    }
    w[n] = 0;
    *out = w;
    return val_from_ptr(b);
}

static Value get_wchar_p(const char *p, size_t size) {
    (void)size;
    const wchar_t *s;
    memcpy(&s, p, sizeof s);
    if (!s) {
        return VAL_NONE;
    }
    StrBuf sb;
    sb_init(&sb);
    for (; *s; s++) {
        char buf[4];
        if ((uint32_t)*s > 0x10ffff) {
            sb_free(&sb);
            return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                              (unsigned)*s);
        }
        sb_put(&sb, buf, (size_t)utf8_encode((uint32_t)*s, buf));
    }
    Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

static Value set_wchar_p(char *p, Value v, size_t size) {
    (void)size;
    wchar_t *w = NULL;
    if (v == VAL_NONE) {
        memcpy(p, &w, sizeof w);
        return VAL_NONE;
    }
    if (int_check(v)) {
        uint64_t u;
        if (ctypes_int_mask(v, &u) < 0) {
            return 0;
        }
        w = (wchar_t *)(uintptr_t)u;
        memcpy(p, &w, sizeof w);
        return VAL_NONE;
    }
    if (!val_is_str(v)) {
        return err_format(&exc_TypeError,
                          "unicode string or integer address expected instead of %s instance",
                          ctypes_type_name(v));
    }
    Value keep = wchar_buffer(v, &w);
    if (!keep) {
        return 0;
    }
    memcpy(p, &w, sizeof w);
    return keep;
}

// py_object: the memory holds the Value word itself; the object is kept in
// _objects, so the word stays valid while the ctypes object lives.
static Value get_object(const char *p, size_t size) {
    (void)size;
    Value v;
    memcpy(&v, p, sizeof v);
    if (!v) {
        return err_format(&exc_ValueError, "PyObject is NULL");
    }
    return v;
}

static Value set_object(char *p, Value v, size_t size) {
    (void)size;
    memcpy(p, &v, sizeof v);
    return v;
}

static const FieldDesc field_descs[] = {
    {'b', 1, 1, &ffi_type_sint8, get_signed, set_int, 1, 0, "b"},
    {'B', 1, 1, &ffi_type_uint8, get_unsigned, set_int, 0, 0, "B"},
    {'c', 1, 1, &ffi_type_schar, get_char, set_char, -1, 0, "c"},
    {'h', 2, 2, &ffi_type_sint16, get_signed, set_int, 1, 1, "h"},
    {'H', 2, 2, &ffi_type_uint16, get_unsigned, set_int, 0, 1, "H"},
    {'i', 4, 4, &ffi_type_sint32, get_signed, set_int, 1, 1, "i"},
    {'I', 4, 4, &ffi_type_uint32, get_unsigned, set_int, 0, 1, "I"},
    {'l', 8, 8, &ffi_type_sint64, get_signed, set_int, 1, 1, "l"},
    {'L', 8, 8, &ffi_type_uint64, get_unsigned, set_int, 0, 1, "L"},
    {'q', 8, 8, &ffi_type_sint64, get_signed, set_int, 1, 1, "q"},
    {'Q', 8, 8, &ffi_type_uint64, get_unsigned, set_int, 0, 1, "Q"},
    {'f', 4, 4, &ffi_type_float, get_float, set_float, -1, 1, "f"},
    {'d', 8, 8, &ffi_type_double, get_double, set_double, -1, 1, "d"},
    {'g', sizeof(long double), _Alignof(long double), &ffi_type_longdouble, get_longdouble,
     set_longdouble, -1, 0, "g"},
    {'u', sizeof(wchar_t), _Alignof(wchar_t), &ffi_type_sint32, get_wchar, set_wchar, -1, 0, "u"},
    {'z', sizeof(void *), _Alignof(void *), &ffi_type_pointer, get_char_p, set_char_p, -1, 0, "z"},
    {'Z', sizeof(void *), _Alignof(void *), &ffi_type_pointer, get_wchar_p, set_wchar_p, -1, 0,
     "Z"},
    {'P', sizeof(void *), _Alignof(void *), &ffi_type_pointer, get_pointer, set_pointer, -1, 0,
     "P"},
    {'O', sizeof(Value), _Alignof(Value), &ffi_type_pointer, get_object, set_object, -1, 0, "O"},
    {'?', 1, 1, &ffi_type_uint8, get_bool, set_bool, -1, 0, "?"},
    {'v', 2, 2, &ffi_type_sint16, get_vbool, set_vbool, -1, 0, "v"},
};

// CPython's SIMPLE_TYPE_CHARS on Linux, in its order (the error message lists them).
static const char simple_type_chars[] = "cbBhHiIlLdfuzZqQPXOv?g";

const FieldDesc *ctypes_field_desc(char code) {
    for (size_t i = 0; i < sizeof field_descs / sizeof field_descs[0]; i++) {
        if (field_descs[i].code == code) {
            return &field_descs[i];
        }
    }
    return NULL;
}

char *ctypes_simple_format(const FieldDesc *fd, int swapped) {
    char *f = malloc(4);
    if (!f) {
        return NULL;
    }
    // CPython marks the byte order only where it matters.
    const char *order = (fd->size > 1 && fd->code != 'z' && fd->code != 'Z' && fd->code != 'P' &&
                         fd->code != 'O')
                            ? (swapped ? ">" : "<")
                            : (fd->code == 'c' || fd->code == '?' || fd->code == 'b' ||
                               fd->code == 'B')
                                  ? "<"
                                  : "";
    snprintf(f, 4, "%s%s", order, fd->pep3118);
    return f;
}

// ---- storage info -----------------------------------------------------------------------------

static int is_ctypes_meta(Type *m) {
    return type_is_subtype(m, &ctypes_simple_meta) || type_is_subtype(m, &ctypes_struct_meta) ||
           type_is_subtype(m, &ctypes_union_meta) || type_is_subtype(m, &ctypes_array_meta) ||
           type_is_subtype(m, &ctypes_pointer_meta) || type_is_subtype(m, &ctypes_funcptr_meta);
}

CTypeInfo *ctypes_type_info(Type *t) {
    if (!(t->flags & TYPE_HEAP) || !is_ctypes_meta(t->header.type)) {
        return NULL;
    }
    CTypeInfo *info = &((CTypeObject *)t)->info;
    return info->kind == CK_NONE ? NULL : info;
}

CTypeInfo *ctypes_info_of(Value v) {
    if (!val_is_ptr(v)) {
        return NULL;
    }
    if (type_check(v)) {
        return ctypes_type_info(type_ptr(v));
    }
    return ctypes_type_info(type_of(v));
}

void ctypes_meta_trace(Object *o, GcTracer *t) {
    heap_type_trace(o, t);
    CTypeInfo *info = &((CTypeObject *)o)->info;
    gc_trace_value(t, info->proto);
    gc_trace_value(t, info->fields);
    gc_trace_value(t, info->argtypes);
    gc_trace_value(t, info->converters);
    gc_trace_value(t, info->restype);
    gc_trace_value(t, info->checker);
}

void ctypes_meta_free(Object *o) {
    CTypeInfo *info = &((CTypeObject *)o)->info;
    free(info->ffi_elements);
    info->ffi_elements = NULL;
    free(info->format);
    info->format = NULL;
    heap_type_free(o);
}

int ctypes_info_copy(CTypeInfo *dst, const CTypeInfo *src) {
    *dst = *src;
    dst->ffi_elements = NULL;
    dst->format = NULL;
    if (src->ffi_elements) {
        size_t n = 0;
        while (src->ffi_elements[n]) {
            n++;
        }
        dst->ffi_elements = malloc((n + 1) * sizeof(ffi_type *));
        if (!dst->ffi_elements) {
            err_no_memory();
            return -1;
        }
        memcpy(dst->ffi_elements, src->ffi_elements, (n + 1) * sizeof(ffi_type *));
        dst->ffi.elements = dst->ffi_elements;
    }
    if (src->format) {
        dst->format = strdup(src->format);
        if (!dst->format) {
            err_no_memory();
            return -1;
        }
    }
    return 0;
}

Value ctypes_new_class(Type *meta, const char *name, Value base, Value ns) {
    Value bases = tuple_from(&base, 1);
    Value n = str_from_cstr(name);
    if (!bases || !n) {
        return 0;
    }
    Value args[3] = {n, bases, ns};
    return obj_call(val_from_ptr(meta), args, 3, 0);
}

// ---- instances: memory and kept objects -----------------------------------------------------------

static void cdata_trace(Object *o, GcTracer *t) {
    CDataObject *c = (CDataObject *)o;
    gc_trace_value(t, c->base);
    gc_trace_value(t, c->objects);
}

static void cdata_free(Object *o) {
    CDataObject *c = (CDataObject *)o;
    if (c->malloced) {
        free(c->ptr);
        c->ptr = NULL;
        c->malloced = 0;
    }
}

int ctypes_cdata_check(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &ctypes_cdata_base);
}

int ctypes_is_instance_of_type(Value v, Type *t) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), t);
}

int ctypes_cdata_alloc(CDataObject *o, size_t size) {
    if (size <= CDATA_INLINE) {
        o->ptr = o->inline_buf.c;
    } else {
        o->ptr = calloc(1, size);
        if (!o->ptr) {
            err_no_memory();
            return -1;
        }
        o->malloced = 1;
    }
    o->needsfree = 1;
    o->size = size;
    return 0;
}

static CDataObject *cdata_alloc_object(Type *t) {
    CTypeInfo *info = ctypes_type_info(t);
    if (!info) {
        err_format(&exc_TypeError, "abstract class");
        return NULL;
    }
    if (!type_is_subtype(t, &ctypes_cdata_base)) {
        // a class of a ctypes metatype that is no _CData (metaclass=type(Structure))
        err_format(&exc_TypeError, "%s is not a ctypes type", t->name);
        return NULL;
    }
    info->flags |= CT_FINAL;
    CDataObject *o = (CDataObject *)gc_alloc(t, t->basic_size);
    if (!o) {
        return NULL;
    }
    o->length = info->length;
    return o;
}

Value ctypes_cdata_new(Type *t) {
    CDataObject *o = cdata_alloc_object(t);
    if (!o || ctypes_cdata_alloc(o, ctypes_type_info(t)->size) < 0) {
        return 0;
    }
    return val_from_ptr(o);
}

Value ctypes_cdata_from_base(Type *t, Value base, int64_t index, char *ptr) {
    CDataObject *o = cdata_alloc_object(t);
    if (!o) {
        return 0;
    }
    o->ptr = ptr;
    o->size = ctypes_type_info(t)->size;
    o->base = base;
    o->index = index;
    return val_from_ptr(o);
}

Value ctypes_objects_container(Value v) {
    CDataObject *c = cdata(v);
    while (c->base) {
        c = cdata(c->base);
    }
    if (!c->objects) {
        c->objects = c->length ? dict_new() : VAL_NONE;
        if (!c->objects) {
            return 0;
        }
    }
    return val_from_ptr(c);
}

// The _objects key of the field at `index` of target: the indexes of the
// path from the root, innermost first, in hex (CPython's unique_key).
static Value unique_key(Value target, int64_t index) {
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%x", (unsigned)index);
    CDataObject *c = cdata(target);
    while (c->base) {
        sb_printf(&sb, ":%x", (unsigned)c->index);
        c = cdata(c->base);
    }
    Value k = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return k;
}

int ctypes_keep_ref(Value target, int64_t index, Value keep) {
    if (keep == VAL_NONE) {
        return 0;
    }
    Value root = ctypes_objects_container(target);
    if (!root) {
        return -1;
    }
    CDataObject *r = cdata(root);
    if (!dict_check_exact(r->objects)) {
        r->objects = keep;
        return 0;
    }
    Value key = unique_key(target, index);
    return key ? dict_set(r->objects, key, keep) : -1;
}

// What an object keeps alive, to be kept by whoever copies its memory.
static Value kept_objects(Value v) {
    Value root = ctypes_objects_container(v);
    return root ? cdata(root)->objects : 0;
}

// Is t a subclass of a simple type (not one of the fundamental ones whose
// base is _SimpleCData itself)? Their values stay instances.
static int simple_subclass(Type *t) {
    return type_is_subtype(t, &ctypes_simple_base) && t->base != &ctypes_simple_base;
}

Value ctypes_get_item(Type *t, Value base, int64_t index, char *ptr, size_t size) {
    CTypeInfo *info = ctypes_type_info(t);
    if (info && info->kind == CK_SIMPLE && !simple_subclass(t)) {
        if (info->flags & CT_SWAPPED) {
            char tmp[16];
            for (size_t i = 0; i < info->size; i++) {
                tmp[i] = ptr[info->size - 1 - i];
            }
            return info->fd->get(tmp, size);
        }
        return info->fd->get(ptr, size);
    }
    if (!info) {
        return err_format(&exc_TypeError, "abstract class");
    }
    return ctypes_cdata_from_base(t, base, index, ptr);
}

static Value simple_set(CTypeInfo *info, char *ptr, Value value, size_t size) {
    if (info->flags & CT_SWAPPED) {
        char tmp[16];
        Value keep = info->fd->set(tmp, value, size);
        if (keep) {
            for (size_t i = 0; i < info->size; i++) {
                ptr[i] = tmp[info->size - 1 - i];
            }
        }
        return keep;
    }
    return info->fd->set(ptr, value, size);
}

Value ctypes_set_value(Value base, Type *t, char *ptr, size_t size, Value value) {
    (void)base;
    CTypeInfo *info = ctypes_type_info(t);
    if (!ctypes_cdata_check(value)) {
        if (info && info->kind == CK_SIMPLE) {
            return simple_set(info, ptr, value, size);
        }
        if (tuple_check(value)) {
            Value ob = obj_call_tuple_dict(val_from_ptr(t), value, 0);
            return ob ? ctypes_set_value(base, t, ptr, size, ob) : 0;
        }
        if (value == VAL_NONE && info && info->kind == CK_POINTER) {
            memset(ptr, 0, sizeof(void *));
            return VAL_NONE;
        }
        return err_format(&exc_TypeError, "expected %s instance, got %s", t->name,
                          ctypes_type_name(value));
    }
    if (type_is_subtype(type_of(value), t)) {
        memmove(ptr, cdata(value)->ptr, size);
        return kept_objects(value);
    }
    CTypeInfo *vinfo = ctypes_info_of(value);
    if (info && info->kind == CK_POINTER && vinfo && vinfo->kind == CK_ARRAY) {
        if (vinfo->proto != info->proto) {
            return err_format(&exc_TypeError, "incompatible types, %s instance instead of %s instance",
                              ctypes_type_name(value), t->name);
        }
        memcpy(ptr, &cdata(value)->ptr, sizeof(void *));
        Value keep = kept_objects(value);
        return keep ? tuple_pack2(keep, value) : 0;
    }
    return err_format(&exc_TypeError, "incompatible types, %s instance instead of %s instance",
                      ctypes_type_name(value), t->name);
}

int ctypes_set_item(Value base, Type *t, int64_t index, char *ptr, size_t size, Value value) {
    Value keep = ctypes_set_value(base, t, ptr, size, value);
    if (!keep) {
        return -1;
    }
    return ctypes_keep_ref(base, index, keep);
}

// ---- _CData -------------------------------------------------------------------------------------

static Value cdata_get_objects(Value self) {
    return cdata(self)->objects ? cdata(self)->objects : VAL_NONE;
}

static Value cdata_get_base(Value self) {
    return cdata(self)->base ? cdata(self)->base : VAL_NONE;
}

static Value cdata_get_needsfree(Value self) {
    return int_from_i64(cdata(self)->needsfree);
}

FN(cdata_from_outparam) {
    (void)args;
    if (method_check_args("__ctypes_from_outparam__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return self;
}

static Value unpickle_fn;

FN(cdata_reduce) {
    (void)args;
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CTypeInfo *info = ctypes_info_of(self);
    if (info && (info->flags & CT_HASPOINTER)) {
        return err_format(&exc_ValueError, "ctypes objects containing pointers cannot be pickled");
    }
    Value d = obj_getattr_cstr(self, "__dict__");
    if (!d) {
        return 0;
    }
    Value b = bytes_from(cdata(self)->ptr, cdata(self)->size);
    Value state = b ? tuple_pack2(d, b) : 0;
    Value inner = state ? tuple_pack2(val_from_ptr(type_of(self)), state) : 0;
    return inner ? tuple_pack2(unpickle_fn, inner) : 0;
}

FN(cdata_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    if (!dict_check(args[0]) || !val_is_bytes(args[1])) {
        return err_format(&exc_TypeError, "__setstate__ expects a dict and bytes");
    }
    size_t n = bytes_len(args[1]);
    if (n > cdata(self)->size) {
        n = cdata(self)->size;
    }
    memmove(cdata(self)->ptr, bytes_data(args[1]), n);
    Value d = obj_getattr_cstr(self, "__dict__");
    if (!d || dict_update(d, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// _unpickle(type, state)
static Value ctypes_unpickle(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)self;
    if (args_no_keywords("_unpickle", kwnames) < 0 ||
        args_check_positional("_unpickle", nargs, 2, 2) < 0) {
        return 0;
    }
    Value obj = obj_call_method(args[0], "__new__", args, 1);
    if (!obj) {
        return 0;
    }
    if (!tuple_check(args[1])) {
        return err_format(&exc_TypeError, "state must be a tuple");
    }
    Value r = obj_call_method(obj, "__setstate__", tuple_obj(args[1])->items,
                              tuple_obj(args[1])->len);
    return r ? obj : 0;
}

static const MethodDef unpickle_def = {"_unpickle", ctypes_unpickle, METH_DEFAULT, NULL};

static const MethodDef cdata_methods[] = {
    {"__ctypes_from_outparam__", cdata_from_outparam, METH_DEFAULT, NULL},
    {"__reduce__", cdata_reduce, METH_DEFAULT, NULL},
    {"__setstate__", cdata_setstate, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef cdata_getset[] = {
    {"_objects", cdata_get_objects, NULL, "internal objects tree (NEVER CHANGE THIS OBJECT!)"},
    {"_b_base_", cdata_get_base, NULL, "the base object"},
    {"_b_needsfree_", cdata_get_needsfree, NULL, "whether the object owns the memory or not"},
    {NULL, NULL, NULL, NULL},
};

// The buffer: the object's memory as one item of its format (an array: its
// items, with the item type's format).
static int cdata_buffer_get(Value v, Buffer *view, int flags) {
    (void)flags;
    CDataObject *c = cdata(v);
    CTypeInfo *info = ctypes_info_of(v);
    const char *fmt = info && info->format ? info->format : "B";
    int64_t itemsize = (int64_t)c->size, nitems = 1;
    if (info && info->kind == CK_ARRAY) {
        // nested arrays: the innermost item type
        CTypeInfo *ii = info;
        while (ii && ii->kind == CK_ARRAY) {
            ii = ctypes_info_of(ii->proto);
        }
        if (ii && ii->size) {
            itemsize = (int64_t)ii->size;
            nitems = (int64_t)c->size / itemsize;
            fmt = ii->format ? ii->format : "B";
        }
    }
    *view = (Buffer){v, c->ptr, (int64_t)c->size, itemsize, nitems, itemsize, fmt, 0};
    return 0;
}

static void cdata_buffer_release(Value v) {
    (void)v;
}

static const BufferExporter cdata_exporter = {&ctypes_cdata_base, cdata_buffer_get,
                                              cdata_buffer_release};

Type ctypes_cdata_base = {
    .header = {&type_type},
    .name = "_ctypes._CData",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CDataObject),
    .trace = cdata_trace,
    .free = cdata_free,
    .methods = cdata_methods,
    .getset = cdata_getset,
    .doc = 0,
};

// ---- shared metatype methods --------------------------------------------------------------------

static Type *meta_self_type(Value self) {
    return type_ptr(self);
}

static CTypeInfo *require_info(Value self) {
    CTypeInfo *info = ctypes_type_info(meta_self_type(self));
    if (!info) {
        err_format(&exc_TypeError, "abstract class");
    }
    return info;
}

Value ctypes_meta_from_address(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("from_address", nargs, kwnames, 1, 1) < 0 || !require_info(self)) {
        return 0;
    }
    if (!int_check(args[0])) {
        return err_format(&exc_TypeError, "integer expected");
    }
    uint64_t a;
    if (ctypes_int_mask(args[0], &a) < 0) {
        return 0;
    }
    return ctypes_cdata_from_base(meta_self_type(self), 0, 0, (char *)(uintptr_t)a);
}

static int buffer_offset_args(const char *fname, const Value *args, size_t nargs, Value kwnames,
                              int64_t *offset) {
    if (method_check_args(fname, nargs, kwnames, 1, 2) < 0) {
        return -1;
    }
    *offset = 0;
    if (nargs > 1 && obj_as_int64(args[1], offset) < 0) {
        return -1;
    }
    if (*offset < 0) {
        err_format(&exc_ValueError, "offset cannot be negative");
        return -1;
    }
    return 0;
}

Value ctypes_meta_from_buffer(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t offset;
    CTypeInfo *info = require_info(self);
    if (!info || buffer_offset_args("from_buffer", args, nargs, kwnames, &offset) < 0) {
        return 0;
    }
    Value mv = obj_call1(val_from_ptr(&type_memoryview), args[0]);
    if (!mv) {
        return 0;
    }
    Buffer view;
    int r = buffer_get(mv, &view, BUFFER_STRIDED);
    if (r <= 0) {
        return r < 0 ? 0 : err_format(&exc_TypeError, "a bytes-like object is required");
    }
    if (view.readonly) {
        buffer_release(&view);
        return err_format(&exc_TypeError, "underlying buffer is not writable");
    }
    if (view.nitems > 1 && view.stride != view.itemsize) {
        buffer_release(&view);
        return err_format(&exc_TypeError, "underlying buffer is not C contiguous");
    }
    if ((int64_t)info->size + offset > view.len) {
        buffer_release(&view);
        return err_format(&exc_ValueError,
                          "Buffer size too small (%lld instead of at least %lld bytes)",
                          (long long)view.len, (long long)(info->size + (size_t)offset));
    }
    char *p = view.buf + offset;
    buffer_release(&view);
    Value r2 = ctypes_cdata_from_base(meta_self_type(self), 0, 0, p);
    if (!r2 || ctypes_keep_ref(r2, -1, mv) < 0) {
        return 0;
    }
    return r2;
}

Value ctypes_meta_from_buffer_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t offset;
    CTypeInfo *info = require_info(self);
    if (!info || buffer_offset_args("from_buffer_copy", args, nargs, kwnames, &offset) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if ((int64_t)info->size + offset > view.len) {
        buffer_release(&view);
        return err_format(&exc_ValueError,
                          "Buffer size too small (%lld instead of at least %lld bytes)",
                          (long long)view.len, (long long)(info->size + (size_t)offset));
    }
    Value r = ctypes_cdata_new(meta_self_type(self));
    if (r) {
        memcpy(cdata(r)->ptr, view.buf + offset, info->size);
    }
    buffer_release(&view);
    return r;
}

Value ctypes_meta_in_dll(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("in_dll", nargs, kwnames, 2, 2) < 0 || !require_info(self)) {
        return 0;
    }
    Value h = obj_getattr_cstr(args[0], "_handle");
    if (!h) {
        return 0;
    }
    uint64_t handle;
    if (!int_check(h)) {
        return err_format(&exc_TypeError,
                          "the _handle attribute of the second argument must be an integer");
    }
    if (ctypes_int_mask(h, &handle) < 0) {
        return 0;
    }
    if (!val_is_str(args[1])) {
        return err_format(&exc_TypeError, "in_dll() argument 2 must be str, not %s",
                          ctypes_type_name(args[1]));
    }
    dlerror();
    void *addr = dlsym((void *)(uintptr_t)handle, str_obj(args[1])->data);
    if (!addr) {
        const char *e = dlerror();
        return err_format(&exc_ValueError, "%s", e ? e : "symbol not found");
    }
    return ctypes_cdata_from_base(meta_self_type(self), 0, 0, (char *)addr);
}

// `type * n` (CPython's sq_repeat of the metatypes): the array type.
Value ctypes_meta_repeat(Value type, Value count) {
    int64_t n;
    int r = seq_repeat_count(count, &n);
    if (r <= 0) {
        return r < 0 ? 0 : VAL_NOTIMPLEMENTED;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "Array length must be >= 0, not %lld", (long long)n);
    }
    return ctypes_array_type(type, n);
}

// CPython's CDataType_from_param: an instance of the type; a byref() of an
// instance of the type's item type; an object's _as_parameter_.
static Value generic_from_param(Value self, Value v) {
    int r = obj_isinstance(v, self);
    if (r) {
        return r < 0 ? 0 : v;
    }
    CTypeInfo *info = ctypes_type_info(type_ptr(self));
    if (ctypes_carg_check(v)) {
        Value ob = ((CArgObject *)val_ptr(v))->obj;
        if (info && info->proto && ob) {
            r = obj_isinstance(ob, info->proto);
            if (r) {
                return r < 0 ? 0 : v;
            }
        }
        return err_format(&exc_TypeError, "expected %s instance instead of pointer to %s",
                          type_ptr(self)->name, ob ? ctypes_type_name(ob) : "???");
    }
    Value as = obj_getattr_opt(v, str_intern_cstr("_as_parameter_"));
    if (as) {
        return generic_from_param(self, as);
    }
    if (err_occurred()) {
        return 0;
    }
    return err_format(&exc_TypeError, "expected %s instance instead of %s", type_ptr(self)->name,
                      ctypes_type_name(v));
}

Value ctypes_meta_from_param_generic(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("from_param", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_from_param(self, args[0]);
}

// PyCPointerType.from_param: None (NULL); an instance of the pointed-to
// type, passed by reference; a pointer or array of that type.
Value ctypes_pointer_from_param(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("from_param", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value v = args[0];
    if (v == VAL_NONE) {
        return v;
    }
    CTypeInfo *info = ctypes_type_info(type_ptr(self));
    if (info && info->proto) {
        int r = obj_isinstance(v, info->proto);
        if (r) {
            return r < 0 ? 0 : ctypes_byref(v, 0);
        }
        CTypeInfo *vi = ctypes_cdata_check(v) ? ctypes_info_of(v) : NULL;
        if (vi && (vi->kind == CK_ARRAY || vi->kind == CK_POINTER) && vi->proto) {
            r = obj_issubclass(vi->proto, info->proto);
            if (r) {
                return r < 0 ? 0 : v;
            }
        }
    }
    return generic_from_param(self, v);
}

// ---- call arguments -----------------------------------------------------------------------------

static void carg_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((CArgObject *)o)->obj);
}

Value ctypes_carg_new(void) {
    CArgObject *a = (CArgObject *)gc_alloc(&ctypes_carg_type, sizeof(CArgObject));
    if (!a) {
        return 0;
    }
    a->ptr = (char *)&a->value;
    return val_from_ptr(a);
}

static Value carg_repr(Value self) {
    CArgObject *a = (CArgObject *)val_ptr(self);
    switch (a->tag) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'L': case 'q':
    case 'Q': {
        const FieldDesc *fd = ctypes_field_desc(a->tag);
        Value v = fd->get((const char *)&a->value, fd->size);
        Value r = v ? obj_repr(v) : 0;
        return r ? str_format_c("<cparam '%c' (%s)>", a->tag, str_obj(r)->data) : 0;
    }
    case 'f': case 'd': {
        Value v = float_from_double(a->tag == 'f' ? a->value.f : a->value.d);
        Value r = obj_repr(v);
        return r ? str_format_c("<cparam '%c' (%s)>", a->tag, str_obj(r)->data) : 0;
    }
    case 'c': {
        unsigned char ch = (unsigned char)a->value.c;
        if (ch >= 32 && ch < 127) {
            return str_format_c("<cparam '%c' ('%c')>", a->tag, ch);
        }
        return str_format_c("<cparam '%c' ('\\x%02x')>", a->tag, ch);
    }
    case 'z': case 'Z': case 'P':
        return str_format_c("<cparam '%c' (%p)>", a->tag, a->value.p);
    default:
        return str_format_c("<cparam '%c' at %p>", a->tag, (void *)a);
    }
}

static Value carg_get_obj(Value self) {
    Value o = ((CArgObject *)val_ptr(self))->obj;
    return o ? o : VAL_NONE;
}

static const GetSetDef carg_getset[] = {
    {"_obj", carg_get_obj, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type ctypes_carg_type = {
    .header = {&type_type},
    .name = "CArgObject",
    .basic_size = sizeof(CArgObject),
    .trace = carg_trace,
    .repr = carg_repr,
    .getset = carg_getset,
};

// ---- _SimpleCData -------------------------------------------------------------------------------

static Value cdata_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    return ctypes_cdata_new(type_ptr(callable));
}

static Value simple_get_value(Value self) {
    CTypeInfo *info = ctypes_info_of(self);
    if (!info) {
        return err_format(&exc_TypeError, "abstract class");
    }
    CDataObject *c = cdata(self);
    if (info->flags & CT_SWAPPED) {
        char tmp[16];
        for (size_t i = 0; i < info->size; i++) {
            tmp[i] = c->ptr[info->size - 1 - i];
        }
        return info->fd->get(tmp, info->size);
    }
    return info->fd->get(c->ptr, info->size);
}

static int simple_set_value(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "can't delete attribute");
        return -1;
    }
    CTypeInfo *info = ctypes_info_of(self);
    if (!info) {
        err_format(&exc_TypeError, "abstract class");
        return -1;
    }
    Value keep = simple_set(info, cdata(self)->ptr, value, info->size);
    if (!keep) {
        return -1;
    }
    return ctypes_keep_ref(self, 0, keep);
}

static Value simple_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_nkw(kwnames)) {
        return err_format(&exc_TypeError, "__init__() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "__init__ expected at most 1 argument, got %zu", nargs);
    }
    if (nargs == 1 && simple_set_value(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value simple_repr(Value self) {
    Type *t = type_of(self);
    if (t->base != &ctypes_simple_base) {
        return str_format_c("<%s object at %p>", t->name, (void *)val_ptr(self));
    }
    Value v = simple_get_value(self);
    Value r = v ? obj_repr(v) : 0;
    return r ? str_format_c("%s(%s)", t->name, str_obj(r)->data) : 0;
}

static int simple_bool(Value self) {
    CDataObject *c = cdata(self);
    for (size_t i = 0; i < c->size; i++) {
        if (c->ptr[i]) {
            return 1;
        }
    }
    return 0;
}

// A fundamental simple type's __ctypes_from_outparam__ gives its value.
FN(simple_from_outparam) {
    (void)args;
    if (method_check_args("__ctypes_from_outparam__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (simple_subclass(type_of(self))) {
        return self;
    }
    return simple_get_value(self);
}

static const MethodDef simple_methods[] = {
    {"__ctypes_from_outparam__", simple_from_outparam, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef simple_getset[] = {
    {"value", simple_get_value, simple_set_value, "current value"},
    {NULL, NULL, NULL, NULL},
};

Type ctypes_simple_base = {
    .header = {&ctypes_simple_meta},
    .name = "_ctypes._SimpleCData",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CDataObject),
    .base = &ctypes_cdata_base,
    .trace = cdata_trace,
    .free = cdata_free,
    .new_ = cdata_tp_new,
    .init = simple_tp_init,
    .repr = simple_repr,
    .bool_ = simple_bool,
    .methods = simple_methods,
    .getset = simple_getset,
};

// ---- PyCSimpleType ------------------------------------------------------------------------------

// from_param of a simple type: an instance of it, a CArg of the same code,
// or a value its setter takes, wrapped in a CArg (`<cparam 'i' (5)>`).
static Value simple_from_param(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("from_param", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value v = args[0];
    CTypeInfo *info = ctypes_type_info(type_ptr(self));
    if (!info) {
        return err_format(&exc_TypeError, "abstract class");
    }
    int r = obj_isinstance(v, self);
    if (r) {
        return r < 0 ? 0 : v;
    }
    char code = info->fd->code;
    if (code == 'z' || code == 'Z' || code == 'P') {
        // c_char_p / c_wchar_p / c_void_p accept more: arrays and pointers of
        // the matching item type, byref() results, function pointers.
        if (v == VAL_NONE) {
            return VAL_NONE;
        }
        if (ctypes_carg_check(v)) {
            CArgObject *a = (CArgObject *)val_ptr(v);
            if (code == 'P' ? (a->tag == 'P' || a->tag == 'z' || a->tag == 'Z')
                            : a->tag == code) {
                return v;
            }
        }
        if (ctypes_cdata_check(v)) {
            CTypeInfo *vi = ctypes_info_of(v);
            if (vi && (vi->kind == CK_ARRAY || vi->kind == CK_POINTER)) {
                CTypeInfo *pi = ctypes_info_of(vi->proto);
                if (code == 'P' ||
                    (pi && pi->kind == CK_SIMPLE && pi->fd->code == (code == 'z' ? 'c' : 'u'))) {
                    return v;
                }
            }
            if (code == 'P' && vi && (vi->kind == CK_FUNCPTR || vi->kind == CK_SIMPLE) &&
                (vi->kind == CK_FUNCPTR || vi->fd->code == 'z' || vi->fd->code == 'Z')) {
                Value a = ctypes_carg_new();
                if (!a) {
                    return 0;
                }
                CArgObject *ca = (CArgObject *)val_ptr(a);
                ca->tag = 'P';
                ca->ffi = &ffi_type_pointer;
                memcpy(&ca->value.p, cdata(v)->ptr, sizeof(void *));
                ca->obj = v;
                return a;
            }
        }
        int ok = code == 'z' ? val_is_bytes(v) : code == 'Z' ? val_is_str(v) : int_check(v);
        if (!ok && code == 'P') {
            ok = val_is_bytes(v) || val_is_str(v);
            if (ok) {
                // c_void_p takes bytes and str as char* / wchar_t*
                const FieldDesc *fd = ctypes_field_desc(val_is_bytes(v) ? 'z' : 'Z');
                Value a = ctypes_carg_new();
                if (!a) {
                    return 0;
                }
                CArgObject *ca = (CArgObject *)val_ptr(a);
                ca->tag = fd->code;
                ca->ffi = &ffi_type_pointer;
                ca->obj = fd->set((char *)&ca->value, v, sizeof(void *));
                return ca->obj ? a : 0;
            }
        }
        if (ok) {
            Value a = ctypes_carg_new();
            if (!a) {
                return 0;
            }
            CArgObject *ca = (CArgObject *)val_ptr(a);
            ca->tag = code;
            ca->ffi = &ffi_type_pointer;
            ca->obj = info->fd->set((char *)&ca->value, v, sizeof(void *));
            return ca->obj ? a : 0;
        }
    } else {
        Value a = ctypes_carg_new();
        if (!a) {
            return 0;
        }
        CArgObject *ca = (CArgObject *)val_ptr(a);
        ca->tag = code;
        ca->ffi = info->fd->ffi;
        ca->size = info->size;
        Value keep = simple_set(info, (char *)&ca->value, v, info->size);
        if (keep) {
            ca->obj = keep;
            return a;
        }
        if (!err_matches(&exc_TypeError) && !err_matches(&exc_ValueError)) {
            return 0;
        }
        err_clear();
    }
    Value as = obj_getattr_opt(v, str_intern_cstr("_as_parameter_"));
    if (as) {
        return obj_call_method(self, "from_param", &as, 1);
    }
    if (err_occurred()) {
        return 0;
    }
    return err_format(&exc_TypeError, "wrong type");
}

static int set_type_attr(Value cls, const char *name, Value v) {
    return obj_setattr(cls, str_intern_cstr(name), v);
}

// PyCSimpleType.__new__: the class, then its storage info from _type_.
static Value simple_meta_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    // the namespace before the class statement consumes it, for the twin
    Value ns_copy = nargs == 3 && val_is_str(args[0]) && dict_check(args[2]) ? dict_copy(args[2]) : 0;
    if (nargs == 3 && dict_check(args[2]) && !ns_copy && err_occurred()) {
        return 0;
    }
    Value cls = type_tp_new(callable, args, nargs, kwnames);
    if (!cls) {
        return 0;
    }
    Value proto = obj_getattr_opt(cls, str_intern_cstr("_type_"));
    if (!proto) {
        return err_occurred() ? 0
                              : err_format(&exc_AttributeError,
                                           "class must define a '_type_' attribute");
    }
    if (!val_is_str(proto)) {
        return err_format(&exc_TypeError, "class must define a '_type_' string attribute");
    }
    if (str_len(proto) != 1) {
        return err_format(&exc_ValueError,
                          "class must define a '_type_' attribute which must be a string of "
                          "length 1");
    }
    char code = (char)str_getitem_cp(proto, 0);
    if (str_getitem_cp(proto, 0) < 128 && strchr(simple_type_chars, code) &&
        !ctypes_field_desc(code)) {
        // 'X' (BSTR) is listed but exists only on Windows; CPython's strchr
        // also finds the NUL
        return err_format(&exc_ValueError, "_type_ '%s' not supported", str_obj(proto)->data);
    }
    const FieldDesc *fd = str_getitem_cp(proto, 0) < 128 && code && strchr(simple_type_chars, code)
                              ? ctypes_field_desc(code)
                              : NULL;
    if (!fd) {
        return err_format(&exc_AttributeError,
                          "class must define a '_type_' attribute which must be\n"
                          "a single character string containing one of '%s'.",
                          simple_type_chars);
    }
    CTypeInfo *info = &((CTypeObject *)val_ptr(cls))->info;
    info->kind = CK_SIMPLE;
    info->fd = fd;
    info->size = fd->size;
    info->align = fd->align;
    info->length = 0;
    info->ffi = *fd->ffi;
    info->proto = proto;
    if (code == 'z' || code == 'Z' || code == 'P' || code == 'O') {
        info->flags |= CT_HASPOINTER;
    }
    info->format = ctypes_simple_format(fd, info->flags & CT_SWAPPED);
    if (!info->format) {
        return err_no_memory();
    }
    // The twin with the other byte order (__ctype_be__ on a little-endian
    // machine), made as CPython makes it: the same class statement again,
    // named "<name>_be", for every class of PyCSimpleType itself.
    if (type_ptr(callable) == &ctypes_simple_meta && fd->swappable && ns_copy) {
        Value name_be = str_concat(args[0], str_from_cstr("_be"));
        Value targs[3] = {name_be, args[1], ns_copy};
        Value twin = name_be ? type_tp_new(callable, targs, 3, 0) : 0;
        if (!twin) {
            return 0;
        }
        CTypeInfo *ti = &((CTypeObject *)val_ptr(twin))->info;
        if (ctypes_info_copy(ti, info) < 0) {
            return 0;
        }
        ti->flags |= CT_SWAPPED;
        free(ti->format);
        ti->format = ctypes_simple_format(fd, 1);
        if (!ti->format) {
            return err_no_memory();
        }
        if (set_type_attr(twin, "__ctype_be__", twin) < 0 ||
            set_type_attr(twin, "__ctype_le__", cls) < 0 ||
            set_type_attr(cls, "__ctype_be__", twin) < 0 ||
            set_type_attr(cls, "__ctype_le__", cls) < 0) {
            return 0;
        }
    }
    return cls;
}

// PyCSimpleType.from_param as a method of the metatype.
static const MethodDef simple_meta_methods[] = {
    {"from_param", simple_from_param, METH_DEFAULT, NULL},
    {"from_address", ctypes_meta_from_address, METH_DEFAULT, NULL},
    {"from_buffer", ctypes_meta_from_buffer, METH_DEFAULT, NULL},
    {"from_buffer_copy", ctypes_meta_from_buffer_copy, METH_DEFAULT, NULL},
    {"in_dll", ctypes_meta_in_dll, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type ctypes_simple_meta = {
    .header = {&type_type},
    .name = "_ctypes.PyCSimpleType",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(CTypeObject),
    .base = &type_type,
    .trace = ctypes_meta_trace,
    .free = ctypes_meta_free,
    .new_ = simple_meta_new,
    .seq_repeat = ctypes_meta_repeat,
    .methods = simple_meta_methods,
};

int ctypes_cdata_init(void) {
    if (type_ready(&ctypes_cdata_base) < 0 || type_ready(&ctypes_simple_meta) < 0 ||
        type_ready(&ctypes_simple_base) < 0 || type_ready(&ctypes_carg_type) < 0) {
        return -1;
    }
    buffer_register_exporter(&cdata_exporter);
    gc_add_root(&unpickle_fn);
    unpickle_fn = builtin_function_new(&unpickle_def, 0, str_from_cstr("_ctypes"));
    return unpickle_fn ? 0 : -1;
}

Value ctypes_unpickle_function(void) {
    return unpickle_fn;
}
