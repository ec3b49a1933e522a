// ctypes_struct.c - the aggregate ctypes: Structure and Union (their
// metatypes lay out _fields_ as GCC does, with _pack_, bit fields and
// _anonymous_; each field becomes a CField descriptor on the class), arrays
// (`c_int * 4`, PyCArrayType) and pointers (POINTER(t), PyCPointerType).
//
// A field, an array item or a pointer's contents read as a structure, array
// or pointer is a new ctypes object that borrows the memory of the object it
// was read from (its `base`), so the memory lives as long as any view of it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/buffer.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type_internal.h"
#include "../runtime/unicode.h"
#include "ctypes.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- CField ---------------------------------------------------------------------------------------

typedef struct CFieldObject {
    Object header;
    Value proto;            // the field's ctype
    int64_t offset;         // may be negative: a union's continued bit field, as CPython
    size_t size;            // bytes of the field's storage
    int64_t index;          // the key of what the field keeps in _objects
    int bitsize, bitofs;    // bit fields: width and offset in the storage unit
    char special;           // 's' / 'U': a c_char / c_wchar array read as bytes / str
} CFieldObject;

static void cfield_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((CFieldObject *)o)->proto);
}

static CFieldObject *cfield(Value v) {
    return (CFieldObject *)val_ptr(v);
}

static Value char_array_get(const char *p, size_t n) {
    size_t len = strnlen(p, n);
    return bytes_from(p, len);
}

static Value wchar_array_get(const char *p, size_t n) {
    const wchar_t *w = (const wchar_t *)p;
    size_t count = n / sizeof(wchar_t), len = 0;
    while (len < count && w[len]) {
        len++;
    }
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < len; i++) {
        char buf[4];
        if ((uint32_t)w[i] > 0x10ffff) {
            sb_free(&sb);
            return err_format(&exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                              (unsigned)w[i]);
        }
        sb_put(&sb, buf, (size_t)utf8_encode((uint32_t)w[i], buf));
    }
    Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

static int char_array_set(char *p, size_t n, Value v) {
    if (!val_is_bytes(v)) {
        err_format(&exc_TypeError, "expected bytes, %s found", ctypes_type_name(v));
        return -1;
    }
    // As CPython: the text up to its first NUL, and the NUL when it fits.
    size_t len = strlen(bytes_data(v));
    if (len < n) {
        len++;
    } else if (len > n) {
        err_format(&exc_ValueError, "bytes too long (%zu, maximum length %zu)", len, n);
        return -1;
    }
    memcpy(p, bytes_data(v), len);
    return 0;
}

static int wchar_array_set(char *p, size_t n, Value v) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "unicode string expected instead of %s instance",
                   ctypes_type_name(v));
        return -1;
    }
    size_t len = str_len(v), count = n / sizeof(wchar_t);
    if (len > count) {
        err_format(&exc_ValueError, "string too long (%zu, maximum length %zu)", len, count);
        return -1;
    }
    wchar_t *w = (wchar_t *)p;
    const unsigned char *t = (const unsigned char *)str_obj(v)->data;
    for (size_t i = 0; i < len; i++) {
        size_t k;
        wchar_t c = (wchar_t)str_decode_cp(t, &k);
        memcpy(&w[i], &c, sizeof c);
        t += k;
    }
    if (len < count) {
        wchar_t z = 0;
        memcpy(&w[len], &z, sizeof z);
    }
    return 0;
}

// A bit field's storage unit, as an integer in native order. CPython lays
// a continued bit field of a union at a negative offset and reads (and
// writes) outside the object there; krait reads the bytes outside as zero
// and never writes them.
static uint64_t bitfield_load(CDataObject *c, int64_t offset, size_t n, int swapped) {
    char tmp[8] = {0};
    for (size_t i = 0; i < n; i++) {
        int64_t at = offset + (int64_t)i;
        if (at >= 0 && (size_t)at < c->size) {
            tmp[i] = c->ptr[at];
        }
    }
    uint64_t u = ctypes_read_uint(tmp, n);
    return swapped ? __builtin_bswap64(u) >> (64 - 8 * n) : u;
}

static void bitfield_store(CDataObject *c, int64_t offset, size_t n, int swapped, uint64_t u) {
    char tmp[8];
    if (swapped) {
        u = __builtin_bswap64(u) >> (64 - 8 * n);
    }
    ctypes_write_uint(tmp, n, u);
    for (size_t i = 0; i < n; i++) {
        int64_t at = offset + (int64_t)i;
        if (at >= 0 && (size_t)at < c->size) {
            c->ptr[at] = tmp[i];
        }
    }
}

// The bit arithmetic of CPython's accessors, including what x86 makes of
// its shifts for a bit field laid out past its type's width (CPython's
// layout lets a narrower type continue a wider storage unit): values of
// types narrower than 64 bits are computed as 32-bit ints, and a shift count
// is taken modulo the operand width, as the hardware does.
static int64_t bits_shl(int64_t v, int64_t count, int wide) {
    if (wide) {
        return (int64_t)((uint64_t)v << (count & 63));
    }
    return (int32_t)((uint32_t)v << (count & 31));
}

static int64_t bits_shr(int64_t v, int64_t count, size_t n, int is_signed) {
    if (n == 8) {
        return is_signed ? v >> (count & 63) : (int64_t)((uint64_t)v >> (count & 63));
    }
    if (n == 4 && !is_signed) {
        return (int64_t)((uint32_t)v >> (count & 31));
    }
    // an int, or a narrower value promoted to int: an arithmetic shift
    return (int32_t)v >> (count & 31);
}

// v truncated to the field type (n bytes, signed or not), as a C assignment.
static int64_t bits_trunc(int64_t v, size_t n, int is_signed) {
    if (n >= 8) {
        return v;
    }
    uint64_t mask = ((uint64_t)1 << (8 * n)) - 1;
    uint64_t u = (uint64_t)v & mask;
    if (is_signed && (u >> (8 * n - 1)) & 1) {
        u |= ~mask;
    }
    return (int64_t)u;
}

static Value bitfield_get(CFieldObject *f, CTypeInfo *info, uint64_t raw) {
    size_t n = info->size;
    int is_signed = info->fd->is_signed == 1, wide = n == 8;
    int64_t v = bits_trunc((int64_t)raw, n, is_signed);
    v = bits_trunc(bits_shl(v, (int64_t)(8 * n) - f->bitofs - f->bitsize, wide), n, is_signed);
    v = bits_trunc(bits_shr(v, (int64_t)(8 * n) - f->bitsize, n, is_signed), n, is_signed);
    if (!is_signed && wide) {
        return int_from_u64((uint64_t)v);
    }
    return int_from_i64(is_signed ? v : (int64_t)((uint64_t)v & (((uint64_t)1 << (8 * n)) - 1)));
}

static uint64_t bitfield_put(CFieldObject *f, CTypeInfo *info, uint64_t cur, uint64_t val) {
    size_t n = info->size;
    int wide = n == 8;
    // ((1 << (bits - 1)) - 1) << 1) + 1, wrapping as the hardware does
    int64_t mask = (int64_t)((uint64_t)bits_shl(1, f->bitsize - 1, wide) - 1);
    mask = (int64_t)((uint64_t)bits_shl(mask, 1, wide) + 1);
    int64_t keep = (int64_t)cur & ~bits_shl(mask, f->bitofs, wide);
    int64_t put = bits_shl((int64_t)val & mask, f->bitofs, wide);
    return (uint64_t)bits_trunc(keep | put, n, 0);
}

static Value cfield_descr_get(Value descr, Value inst, Value owner) {
    (void)owner;
    if (!inst || inst == VAL_NONE) {
        return descr;
    }
    if (!ctypes_cdata_check(inst)) {
        return err_format(&exc_TypeError, "not a ctype instance");
    }
    CFieldObject *f = cfield(descr);
    if (f->bitsize) {
        CTypeInfo *info = ctypes_info_of(f->proto);
        uint64_t u = bitfield_load(cdata(inst), f->offset, info->size, info->flags & CT_SWAPPED);
        if (info->fd->is_signed < 0) {
            // c_bool, c_char, c_wchar: CPython's accessors ignore the bits
            char tmp[8];
            ctypes_write_uint(tmp, info->size, u);
            return info->fd->get(tmp, info->size);
        }
        return bitfield_get(f, info, u);
    }
    if (f->offset < 0 || (size_t)f->offset + f->size > cdata(inst)->size) {
        return err_format(&exc_TypeError, "not a ctype instance");  // a field of another layout
    }
    char *p = cdata(inst)->ptr + f->offset;
    if (f->special == 's') {
        return char_array_get(p, f->size);
    }
    if (f->special == 'U') {
        return wchar_array_get(p, f->size);
    }
    return ctypes_get_item(type_ptr(f->proto), inst, f->index, p, f->size);
}

static int cfield_descr_set(Value descr, Value inst, Value value) {
    if (!ctypes_cdata_check(inst)) {
        err_format(&exc_TypeError, "not a ctype instance");
        return -1;
    }
    if (!value) {
        err_format(&exc_TypeError, "can't delete attribute");
        return -1;
    }
    CFieldObject *f = cfield(descr);
    if (f->bitsize) {
        CTypeInfo *info = ctypes_info_of(f->proto);
        size_t n = info->size;
        char tmp[16] = {0};
        if (!info->fd->set(tmp, value, n)) {
            return -1;
        }
        uint64_t v = ctypes_read_uint(tmp, n);
        int swapped = info->flags & CT_SWAPPED;
        if (info->fd->is_signed >= 0) {
            uint64_t cur = bitfield_load(cdata(inst), f->offset, n, swapped);
            v = bitfield_put(f, info, cur, v);
        }
        bitfield_store(cdata(inst), f->offset, n, swapped, v);
        return 0;
    }
    if (f->offset < 0 || (size_t)f->offset + f->size > cdata(inst)->size) {
        err_format(&exc_TypeError, "not a ctype instance");  // a field of another layout
        return -1;
    }
    char *p = cdata(inst)->ptr + f->offset;
    if (f->special == 's') {
        return char_array_set(p, f->size, value);
    }
    if (f->special == 'U') {
        return wchar_array_set(p, f->size, value);
    }
    return ctypes_set_item(inst, type_ptr(f->proto), f->index, p, f->size, value);
}

static Value cfield_repr(Value self) {
    CFieldObject *f = cfield(self);
    const char *name = type_ptr(f->proto)->name;
    if (f->bitsize) {
        return str_format_c("<Field type=%s, ofs=%lld:%d, bits=%d>", name, (long long)f->offset,
                            f->bitofs, f->bitsize);
    }
    return str_format_c("<Field type=%s, ofs=%lld, size=%zu>", name, (long long)f->offset,
                        f->size);
}

static Value cfield_get_offset(Value self) {
    return int_from_i64(cfield(self)->offset);
}

static Value cfield_get_size(Value self) {
    CFieldObject *f = cfield(self);
    if (f->bitsize) {
        return int_from_i64(((int64_t)f->bitsize << 16) + f->bitofs);
    }
    return int_from_i64((int64_t)f->size);
}

static const GetSetDef cfield_getset[] = {
    {"offset", cfield_get_offset, NULL, "offset in bytes of this field"},
    {"size", cfield_get_size, NULL, "size in bytes of this field"},
    {NULL, NULL, NULL, NULL},
};

static Value cfield_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    (void)callable;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return err_format(&exc_TypeError, "cannot create '_ctypes.CField' instances");
}

Type ctypes_cfield_type = {
    .header = {&type_type},
    .name = "_ctypes.CField",
    .basic_size = sizeof(CFieldObject),
    .trace = cfield_trace,
    .repr = cfield_repr,
    .descr_get = cfield_descr_get,
    .descr_set = cfield_descr_set,
    .new_ = cfield_tp_new,
    .getset = cfield_getset,
};

static CFieldObject *cfield_new(Value proto) {
    CFieldObject *f = (CFieldObject *)gc_alloc(&ctypes_cfield_type, sizeof(CFieldObject));
    if (f) {
        f->proto = proto;
    }
    return f;
}

// ---- structure layout --------------------------------------------------------------------------

// Add the ffi element types of a field of ctype info `fi` (arrays spread
// into their items, as libffi wants them for passing by value).
static int add_ffi_elements(ffi_type ***elems, size_t *n, size_t *cap, CTypeInfo *fi) {
    size_t count = 1;
    CTypeInfo *item = fi;
    while (item && item->kind == CK_ARRAY) {
        count *= (size_t)item->length;
        item = ctypes_info_of(item->proto);
    }
    if (!item) {
        return 0;
    }
    if (*n + count + 1 > *cap) {
        size_t nc = (*n + count + 1) * 2;
        ffi_type **e = realloc(*elems, nc * sizeof(ffi_type *));
        if (!e) {
            err_no_memory();
            return -1;
        }
        *elems = e;
        *cap = nc;
    }
    for (size_t i = 0; i < count; i++) {
        (*elems)[(*n)++] = &item->ffi;
    }
    return 0;
}

static int make_anon_fields(Value type);

int ctypes_struct_set_fields(Value type, Value fields, int is_union) {
    CTypeInfo *info = &((CTypeObject *)val_ptr(type))->info;
    if (info->flags & CT_FINAL) {
        err_format(&exc_AttributeError, "_fields_ is final");
        return -1;
    }
    Value seq = (tuple_check(fields) || list_check(fields)) ? fields : 0;
    if (!seq) {
        err_format(&exc_TypeError, "'_fields_' must be a sequence of pairs");
        return -1;
    }
    Value items = list_check(seq) ? tuple_from_list(seq) : seq;
    if (!items) {
        return -1;
    }
    int64_t pack = 0;
    Value packv = obj_getattr_opt(type, str_intern_cstr("_pack_"));
    if (packv) {
        if (!int_check(packv) || int_sign(packv) < 0) {
            err_format(&exc_ValueError, "_pack_ must be a non-negative integer");
            return -1;
        }
        if (obj_as_int64(packv, &pack) < 0) {
            return -1;
        }
    } else if (err_occurred()) {
        return -1;
    }
    int big_endian = 0;
    Value swapped = obj_getattr_opt(type, str_intern_cstr("_swappedbytes_"));
    if (swapped) {
        big_endian = 1;
    } else if (err_occurred()) {
        return -1;
    }
    (void)big_endian;

    CTypeInfo *base = ctypes_type_info(type_ptr(type)->base);
    size_t size = 0, offset = 0, align = 0, total_align = 1, union_size = 0;
    ffi_type **elems = NULL;
    size_t nelems = 0, cap = 0;
    if (base && !is_union) {
        size = offset = base->size;
        align = base->align;
        total_align = align ? align : 1;
        if (base->ffi_elements) {
            for (size_t i = 0; base->ffi_elements[i]; i++) {
                if (nelems + 2 > cap) {
                    cap = cap ? cap * 2 : 8;
                    ffi_type **e = realloc(elems, cap * sizeof(ffi_type *));
                    if (!e) {
                        free(elems);
                        err_no_memory();
                        return -1;
                    }
                    elems = e;
                }
                elems[nelems++] = base->ffi_elements[i];
            }
        }
    }
    int flags = 0;
    CTypeInfo *largest = NULL;
    static CTypeInfo byte_info;
    byte_info.kind = CK_SIMPLE;
    byte_info.size = 1;
    byte_info.ffi = ffi_type_uint8;
    size_t field_size = 0;   // bits of the open bit field's storage unit, 0 if none
    int bitofs = 0;
    StrBuf fmt;
    sb_init(&fmt);
    sb_puts(&fmt, "T{");
    TupleObject *ft = tuple_obj(items);
    int64_t length = base && !is_union ? base->length : 0;
    for (size_t i = 0; i < ft->len; i++) {
        Value pair = ft->items[i];
        Value name = 0, desc = 0;
        int64_t bitsize = 0;
        if (tuple_check(pair) && tuple_obj(pair)->len >= 2 && tuple_obj(pair)->len <= 3 &&
            val_is_str(tuple_obj(pair)->items[0])) {
            name = tuple_obj(pair)->items[0];
            desc = tuple_obj(pair)->items[1];
        }
        if (!name) {
            err_format(&exc_TypeError, "'_fields_' must be a sequence of (name, C type) pairs");
            goto fail;
        }
        CTypeInfo *fi = ctypes_info_of(desc);
        if (!fi || !type_check(desc)) {
            err_format(&exc_TypeError,
                       "second item in _fields_ tuple (index %zu) must be a C type", i);
            goto fail;
        }
        if (tuple_obj(pair)->len == 3) {
            Value b = tuple_obj(pair)->items[2];
            if (!int_check(b)) {
                err_format(&exc_TypeError, "'_fields_' must be a sequence of (name, C type) pairs");
                goto fail;
            }
            if (obj_as_int64(b, &bitsize) < 0) {
                goto fail;
            }
            flags |= CT_HASBITFIELD;
            int ok = fi->kind == CK_SIMPLE;
            if (ok) {
                switch (fi->ffi.type) {
                case FFI_TYPE_UINT8: case FFI_TYPE_SINT8: case FFI_TYPE_UINT16:
                case FFI_TYPE_SINT16: case FFI_TYPE_UINT32: case FFI_TYPE_SINT32:
                case FFI_TYPE_UINT64: case FFI_TYPE_SINT64:
                    break;
                default:
                    ok = 0;
                }
            }
            if (!ok) {
                err_format(&exc_TypeError, "bit fields not allowed for type %s",
                           type_ptr(desc)->name);
                goto fail;
            }
            if (bitsize <= 0 || bitsize > (int64_t)fi->size * 8) {
                err_format(&exc_ValueError, "number of bits invalid for bit field");
                goto fail;
            }
        }
        if (fi->flags & CT_HASPOINTER || fi->kind == CK_POINTER) {
            flags |= CT_HASPOINTER;
        }
        flags |= fi->flags & (CT_HASUNION | CT_HASBITFIELD);
        fi->flags |= CT_FINAL;

        CFieldObject *f = cfield_new(desc);
        if (!f) {
            goto fail;
        }
        f->index = (int64_t)i + (base && !is_union ? base->length : 0);
        if (fi->kind == CK_ARRAY) {
            CTypeInfo *ii = ctypes_info_of(fi->proto);
            if (ii && ii->kind == CK_SIMPLE && ii->fd->code == 'c') {
                f->special = 's';
            } else if (ii && ii->kind == CK_SIMPLE && ii->fd->code == 'u') {
                f->special = 'U';
            }
        }
        if (is_union) {
            // As CPython: each member at offset 0, but the open bit field
            // carries over from the previous member (a continued one gets
            // a negative offset there, which reads refuse).
            size = offset = 0;
            align = 0;
        }
        // GCC's layout: continue the open bit field, expand it, or start anew.
        size_t fbits = fi->size * 8;
        enum { NO_BITFIELD, NEW_BITFIELD, CONT_BITFIELD, EXPAND_BITFIELD } kind;
        if (bitsize && field_size && fbits <= field_size &&
            (size_t)(bitofs + bitsize) <= field_size) {
            kind = CONT_BITFIELD;
        } else if (bitsize && field_size && fbits >= field_size &&
                   (size_t)(bitofs + bitsize) <= fbits) {
            kind = EXPAND_BITFIELD;
        } else if (bitsize) {
            kind = NEW_BITFIELD;
            bitofs = 0;
            field_size = fbits;
        } else {
            kind = NO_BITFIELD;
            bitofs = 0;
            field_size = 0;
        }
        switch (kind) {
        case NEW_BITFIELD:
            f->bitsize = (int)bitsize;
            f->bitofs = big_endian ? (int)field_size - bitofs - (int)bitsize : bitofs;
            bitofs = (int)bitsize;
            // fall through
        case NO_BITFIELD: {
            size_t a = pack ? ((size_t)pack < fi->align ? (size_t)pack : fi->align) : fi->align;
            if (a && offset % a) {
                size_t delta = a - offset % a;
                size += delta;
                offset += delta;
            }
            f->size = fi->size;
            size += fi->size;
            f->offset = (int64_t)offset;
            offset += fi->size;
            align = a;
            break;
        }
        case EXPAND_BITFIELD:
            offset += fi->size - field_size / 8;
            size += fi->size - field_size / 8;
            field_size = fbits;
            f->bitsize = (int)bitsize;
            f->bitofs = big_endian ? (int)field_size - bitofs - (int)bitsize : bitofs;
            f->size = fi->size;
            f->offset = (int64_t)offset - (int64_t)fi->size;
            bitofs += (int)bitsize;
            break;
        case CONT_BITFIELD:
            f->bitsize = (int)bitsize;
            f->bitofs = big_endian ? (int)field_size - bitofs - (int)bitsize : bitofs;
            f->size = fi->size;
            f->offset = (int64_t)offset - (int64_t)fi->size;
            bitofs += (int)bitsize;
            break;
        }
        // libffi sees one element per storage unit: a bit field continuing
        // the open unit adds none, one widening it replaces the unit's type.
        if (is_union) {
            if (!largest || fi->size > largest->size) {
                largest = fi;
            }
        } else if (kind == EXPAND_BITFIELD && nelems) {
            elems[nelems - 1] = &fi->ffi;
        } else if (kind != CONT_BITFIELD && add_ffi_elements(&elems, &nelems, &cap, fi) < 0) {
            goto fail;
        }
        if (is_union && size > union_size) {
            union_size = size;
        }
        if (align > total_align) {
            total_align = align;
        }
        if (obj_setattr(type, name, val_from_ptr(f)) < 0) {
            goto fail;
        }
        // the buffer format: padding is not described (as CPython without _pack_)
        const char *ff = fi->format ? fi->format : "B";
        if (f->bitsize) {
            sb_printf(&fmt, "%s:%s:", ff, str_obj(name)->data);
        } else {
            sb_printf(&fmt, "%s:%s:", ff, str_obj(name)->data);
        }
        length++;
    }
    sb_puts(&fmt, "}");
    if (is_union) {
        size = union_size;
    }
    size = (size + total_align - 1) / total_align * total_align;
    if (is_union && largest) {
        // a union is passed as its largest member padded to the union's size
        if (add_ffi_elements(&elems, &nelems, &cap, largest) < 0) {
            goto fail;
        }
        for (size_t pad = largest->size; pad < size; pad++) {
            if (add_ffi_elements(&elems, &nelems, &cap, &byte_info) < 0) {
                goto fail;
            }
        }
    }
    if (elems) {
        elems[nelems] = NULL;
    } else {
        elems = calloc(2, sizeof(ffi_type *));
        if (!elems) {
            sb_free(&fmt);
            err_no_memory();
            return -1;
        }
    }
    free(info->ffi_elements);
    free(info->format);
    info->ffi_elements = elems;
    info->format = fmt.data;
    info->size = size;
    info->align = total_align;
    info->length = length;
    info->flags = (info->flags & CT_SWAPPED) | flags | (is_union ? CT_HASUNION : 0);
    info->ffi.type = FFI_TYPE_STRUCT;
    info->ffi.size = size;
    info->ffi.alignment = (unsigned short)total_align;
    info->ffi.elements = elems;
    info->fields = items;
    info->flags |= CT_FINAL;
    return make_anon_fields(type);
fail:
    free(elems);
    sb_free(&fmt);
    return -1;
}

// _anonymous_: the fields of each named structure field become fields of
// this class too, at the sum of the offsets.
static int make_fields(Value type, CFieldObject *descr, int64_t offset, int64_t index) {
    CTypeInfo *info = ctypes_info_of(descr->proto);
    if (!info || !info->fields) {
        return 0;
    }
    Value anon = obj_getattr_opt(descr->proto, str_intern_cstr("_anonymous_"));
    if (!anon && err_occurred()) {
        return -1;
    }
    TupleObject *ft = tuple_obj(info->fields);
    for (size_t i = 0; i < ft->len; i++) {
        Value pair = ft->items[i];
        Value fname = tuple_obj(pair)->items[0];
        Value fd = obj_getattr(descr->proto, fname);
        if (!fd) {
            return -1;
        }
        if (type_of(fd) != &ctypes_cfield_type) {
            err_format(&exc_TypeError, "unexpected type");
            return -1;
        }
        CFieldObject *sub = cfield(fd);
        int is_anon = 0;
        if (anon) {
            is_anon = obj_contains(anon, fname);
            if (is_anon < 0) {
                return -1;
            }
        }
        if (is_anon) {
            if (make_fields(type, sub, sub->offset + offset, sub->index + index) < 0) {
                return -1;
            }
            continue;
        }
        CFieldObject *nf = cfield_new(sub->proto);
        if (!nf) {
            return -1;
        }
        nf->offset = sub->offset + offset;
        nf->size = sub->size;
        nf->index = sub->index + index;
        nf->bitsize = sub->bitsize;
        nf->bitofs = sub->bitofs;
        nf->special = sub->special;
        if (obj_setattr(type, fname, val_from_ptr(nf)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int make_anon_fields(Value type) {
    Value anon = obj_getattr_opt(type, str_intern_cstr("_anonymous_"));
    if (!anon) {
        return err_occurred() ? -1 : 0;
    }
    Value seq = tuple_from_iterable(anon);
    if (!seq) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "_anonymous_ must be a sequence");
        }
        return -1;
    }
    for (size_t i = 0; i < tuple_obj(seq)->len; i++) {
        Value name = tuple_obj(seq)->items[i];
        Value d = obj_getattr(type, name);
        if (!d) {
            return -1;
        }
        if (type_of(d) != &ctypes_cfield_type) {
            err_format(&exc_AttributeError, "'%s' is specified in _anonymous_ but not in _fields_",
                       val_is_str(name) ? str_obj(name)->data : "?");
            return -1;
        }
        CFieldObject *f = cfield(d);
        if (make_fields(type, f, f->offset, f->index) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- Structure / Union metatypes -----------------------------------------------------------

static Value struct_meta_new_kind(Value callable, const Value *args, size_t nargs, Value kwnames,
                                  int is_union) {
    Value cls = type_tp_new(callable, args, nargs, kwnames);
    if (!cls) {
        return 0;
    }
    Type *t = type_ptr(cls);
    if (dict_get_cstr(t->dict, "_abstract_")) {
        return cls;
    }
    CTypeInfo *info = &((CTypeObject *)t)->info;
    CTypeInfo *base = ctypes_type_info(t->base);
    if (base) {
        if (ctypes_info_copy(info, base) < 0) {
            return 0;
        }
        info->flags &= ~CT_FINAL;
        base->flags |= CT_FINAL;
    } else {
        info->kind = is_union ? CK_UNION : CK_STRUCT;
        info->ffi.type = FFI_TYPE_STRUCT;
        info->ffi_elements = calloc(2, sizeof(ffi_type *));
        info->format = strdup("B");
        if (!info->ffi_elements || !info->format) {
            return err_no_memory();
        }
        info->ffi.elements = info->ffi_elements;
    }
    info->kind = is_union ? CK_UNION : CK_STRUCT;
    Value fields = dict_get_cstr(t->dict, "_fields_");
    if (fields) {
        // through setattr, so a metaclass's __setattr__ sees it (_endian.py swaps the types)
        if (obj_setattr(cls, str_intern_cstr("_fields_"), fields) < 0) {
            return 0;
        }
    } else if (err_occurred()) {
        return 0;
    }
    return cls;
}

static Value struct_meta_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    return struct_meta_new_kind(callable, args, nargs, kwnames, 0);
}

static Value union_meta_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    return struct_meta_new_kind(callable, args, nargs, kwnames, 1);
}

static int struct_meta_setattr(Value self, Value name, Value value) {
    if (value && val_is_str(name) && strcmp(str_obj(name)->data, "_fields_") == 0) {
        CTypeInfo *info = ctypes_type_info(type_ptr(self));
        if (info && (info->flags & CT_FINAL)) {
            err_format(&exc_AttributeError, "_fields_ is final");
            return -1;
        }
        if (!info) {
            // CPython's message: an _abstract_ class, or one whose
            // __init_subclass__ sets _fields_ before its layout exists
            err_format(&exc_TypeError, "ctypes state is not initialized");
            return -1;
        }
        if (type_type.setattr(self, name, value) < 0) {
            return -1;
        }
        return ctypes_struct_set_fields(self, value, info->kind == CK_UNION);
    }
    return type_type.setattr(self, name, value);
}

static const MethodDef struct_meta_methods[] = {
    {"from_param", ctypes_meta_from_param_generic, METH_DEFAULT, NULL},
    {"from_address", ctypes_meta_from_address, METH_DEFAULT, NULL},
    {"from_buffer", ctypes_meta_from_buffer, METH_DEFAULT, NULL},
    {"from_buffer_copy", ctypes_meta_from_buffer_copy, METH_DEFAULT, NULL},
    {"in_dll", ctypes_meta_in_dll, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type ctypes_struct_meta = {
    .header = {&type_type},
    .name = "_ctypes.PyCStructType",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(CTypeObject),
    .base = &type_type,
    .trace = ctypes_meta_trace,
    .free = ctypes_meta_free,
    .new_ = struct_meta_new,
    .setattr = struct_meta_setattr,
    .seq_repeat = ctypes_meta_repeat,
    .methods = struct_meta_methods,
};

Type ctypes_union_meta = {
    .header = {&type_type},
    .name = "_ctypes.UnionType",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(CTypeObject),
    .base = &type_type,
    .trace = ctypes_meta_trace,
    .free = ctypes_meta_free,
    .new_ = union_meta_new,
    .setattr = struct_meta_setattr,
    .seq_repeat = ctypes_meta_repeat,
    .methods = struct_meta_methods,
};

// ---- Structure / Union instances --------------------------------------------------------------

static Value cdata_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    return ctypes_cdata_new(type_ptr(callable));
}

// Assign positional arguments to the fields, the base classes' first;
// returns the number consumed, or -1.
static int64_t init_pos_args(Value self, Type *t, const Value *args, size_t nargs, Value kwnames,
                             int64_t index) {
    CTypeInfo *base = ctypes_type_info(t->base);
    if (base && base->fields) {
        index = init_pos_args(self, t->base, args, nargs, kwnames, index);
        if (index < 0) {
            return -1;
        }
    }
    CTypeInfo *info = ctypes_type_info(t);
    if (!info || !info->fields || (base && info->fields == base->fields)) {
        return index;
    }
    TupleObject *ft = tuple_obj(info->fields);
    for (size_t i = 0; i < ft->len && (size_t)index < nargs; i++, index++) {
        Value name = tuple_obj(ft->items[i])->items[0];
        size_t nkw = args_nkw(kwnames);
        for (size_t k = 0; k < nkw; k++) {
            if (str_equal(tuple_obj(kwnames)->items[k], name)) {
                Value r = obj_repr(name);
                err_format(&exc_TypeError, "duplicate values for field %s",
                           r ? str_obj(r)->data : "?");
                return -1;
            }
        }
        if (obj_setattr(self, name, args[index]) < 0) {
            return -1;
        }
    }
    return index;
}

static Value struct_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs) {
        int64_t used = init_pos_args(self, type_of(self), args, nargs, kwnames, 0);
        if (used < 0) {
            return 0;
        }
        if ((size_t)used < nargs) {
            return err_format(&exc_TypeError, "too many initializers");
        }
    }
    size_t nkw = args_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        if (obj_setattr(self, tuple_obj(kwnames)->items[k], args[nargs + k]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

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

Type ctypes_struct_base = {
    .header = {&ctypes_struct_meta},
    .name = "_ctypes.Structure",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CDataObject),
    .base = &ctypes_cdata_base,
    .trace = cdata_trace,
    .free = cdata_free,
    .new_ = cdata_tp_new,
    .init = struct_tp_init,
};

Type ctypes_union_base = {
    .header = {&ctypes_union_meta},
    .name = "_ctypes.Union",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CDataObject),
    .base = &ctypes_cdata_base,
    .trace = cdata_trace,
    .free = cdata_free,
    .new_ = cdata_tp_new,
    .init = struct_tp_init,
};

// ---- arrays ---------------------------------------------------------------------------------

static Value array_type_cache;  // (item type, length) -> array type

Value ctypes_array_type(Value item, int64_t length) {
    Value key = tuple_pack2(item, int_from_i64(length));
    if (!key) {
        return 0;
    }
    Value cached = dict_get(array_type_cache, key);
    if (cached) {
        return cached;
    }
    if (err_occurred()) {
        return 0;
    }
    char name[300];
    snprintf(name, sizeof name, "%s_Array_%lld", type_ptr(item)->name, (long long)length);
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "_length_", int_from_i64(length)) < 0 ||
        dict_set_cstr(ns, "_type_", item) < 0) {
        return 0;
    }
    Value cls = ctypes_new_class(&ctypes_array_meta, name, val_from_ptr(&ctypes_array_base), ns);
    if (!cls || dict_set(array_type_cache, key, cls) < 0) {
        return 0;
    }
    return cls;
}

static CTypeInfo *array_info(Value self) {
    return ctypes_info_of(self);
}

static Value chararray_get_value(Value self) {
    return char_array_get(cdata(self)->ptr, cdata(self)->size);
}

static int chararray_set_value(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "can't delete attribute");
        return -1;
    }
    if (!val_is_bytes(v)) {
        err_format(&exc_TypeError, "bytes expected instead of %s instance", ctypes_type_name(v));
        return -1;
    }
    size_t len = bytes_len(v), n = cdata(self)->size;
    if (len > n) {
        err_format(&exc_ValueError, "byte string too long");
        return -1;
    }
    memcpy(cdata(self)->ptr, bytes_data(v), len);
    if (len < n) {
        cdata(self)->ptr[len] = 0;
    }
    return 0;
}

static Value chararray_get_raw(Value self) {
    return bytes_from(cdata(self)->ptr, cdata(self)->size);
}

static int chararray_set_raw(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Buffer view;
    if (buffer_get_bytes_like(v, &view) < 0) {
        return -1;
    }
    if ((size_t)view.len > cdata(self)->size) {
        buffer_release(&view);
        err_format(&exc_ValueError, "byte string too long");
        return -1;
    }
    memcpy(cdata(self)->ptr, view.buf, (size_t)view.len);
    buffer_release(&view);
    return 0;
}

static Value wchararray_get_value(Value self) {
    return wchar_array_get(cdata(self)->ptr, cdata(self)->size);
}

static int wchararray_set_value(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "can't delete attribute");
        return -1;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "unicode string expected instead of %s instance",
                   ctypes_type_name(v));
        return -1;
    }
    if (str_len(v) > cdata(self)->size / sizeof(wchar_t)) {
        err_format(&exc_ValueError, "string too long");
        return -1;
    }
    return wchar_array_set(cdata(self)->ptr, cdata(self)->size, v);
}

static const GetSetDef chararray_getset[] = {
    {"raw", chararray_get_raw, chararray_set_raw, "value"},
    {"value", chararray_get_value, chararray_set_value, "string value"},
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef wchararray_getset[] = {
    {"value", wchararray_get_value, wchararray_set_value, "string value"},
    {NULL, NULL, NULL, NULL},
};

static int add_getsets(Type *t, const GetSetDef *defs) {
    for (const GetSetDef *d = defs; d->name; d++) {
        Value descr = descr_new(&type_getset_descriptor, t, d);
        if (!descr || dict_set_cstr(t->dict, d->name, descr) < 0) {
            return -1;
        }
    }
    type_modified(t);
    return 0;
}

static Value array_meta_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Value cls = type_tp_new(callable, args, nargs, kwnames);
    if (!cls) {
        return 0;
    }
    Value lenv = obj_getattr_opt(cls, str_intern_cstr("_length_"));
    if (!lenv) {
        return err_occurred() ? 0
                              : err_format(&exc_AttributeError,
                                           "class must define a '_length_' attribute");
    }
    if (!int_check(lenv)) {
        return err_format(&exc_TypeError, "The '_length_' attribute must be an integer");
    }
    int64_t length;
    if (int_sign(lenv) < 0) {
        return err_format(&exc_ValueError, "The '_length_' attribute must not be negative");
    }
    if (int_to_i64(lenv, &length) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "The '_length_' attribute is too large");
    }
    if (length < 0) {
        return err_format(&exc_ValueError, "The '_length_' attribute must not be negative");
    }
    Value item = obj_getattr_opt(cls, str_intern_cstr("_type_"));
    if (!item) {
        return err_occurred() ? 0
                              : err_format(&exc_AttributeError,
                                           "class must define a '_type_' attribute");
    }
    CTypeInfo *ii = type_check(item) ? ctypes_type_info(type_ptr(item)) : NULL;
    if (!ii) {
        return err_format(&exc_TypeError, "_type_ must have storage info");
    }
    if (ii->size && (uint64_t)length > (uint64_t)INT64_MAX / ii->size) {
        return err_format(&exc_OverflowError, "array too large");
    }
    CTypeInfo *info = &((CTypeObject *)val_ptr(cls))->info;
    info->kind = CK_ARRAY;
    info->size = ii->size * (size_t)length;
    info->align = ii->align;
    info->length = length;
    info->proto = item;
    info->flags = ii->flags & (CT_HASPOINTER | CT_HASUNION | CT_HASBITFIELD);
    if (ii->kind == CK_POINTER) {
        info->flags |= CT_HASPOINTER;
    }
    ii->flags |= CT_FINAL;
    info->format = strdup(ii->format ? ii->format : "B");
    if (!info->format) {
        return err_no_memory();
    }
    // An array argument decays to a pointer; inside a structure passed by
    // value its items are spread into the structure's elements (add_ffi_elements).
    info->ffi = ffi_type_pointer;
    if (ii->kind == CK_SIMPLE && ii->fd->code == 'c' &&
        add_getsets(type_ptr(cls), chararray_getset) < 0) {
        return 0;
    }
    if (ii->kind == CK_SIMPLE && ii->fd->code == 'u' &&
        add_getsets(type_ptr(cls), wchararray_getset) < 0) {
        return 0;
    }
    return cls;
}

static const MethodDef array_meta_methods[] = {
    {"from_param", ctypes_meta_from_param_generic, METH_DEFAULT, NULL},
    {"from_address", ctypes_meta_from_address, METH_DEFAULT, NULL},
    {"from_buffer", ctypes_meta_from_buffer, METH_DEFAULT, NULL},
    {"from_buffer_copy", ctypes_meta_from_buffer_copy, METH_DEFAULT, NULL},
    {"in_dll", ctypes_meta_in_dll, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type ctypes_array_meta = {
    .header = {&type_type},
    .name = "_ctypes.PyCArrayType",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(CTypeObject),
    .base = &type_type,
    .trace = ctypes_meta_trace,
    .free = ctypes_meta_free,
    .new_ = array_meta_new,
    .seq_repeat = ctypes_meta_repeat,
    .methods = array_meta_methods,
};

static int array_set_index(Value self, int64_t i, Value v) {
    CTypeInfo *info = array_info(self);
    CTypeInfo *ii = ctypes_info_of(info->proto);
    if (i < 0 || i >= cdata(self)->length) {
        err_format(&exc_IndexError, "invalid index");
        return -1;
    }
    return ctypes_set_item(self, type_ptr(info->proto), i, cdata(self)->ptr + (size_t)i * ii->size,
                           ii->size, v);
}

static Value array_get_index(Value self, int64_t i) {
    CTypeInfo *info = array_info(self);
    CTypeInfo *ii = ctypes_info_of(info->proto);
    if (i < 0 || i >= cdata(self)->length) {
        return err_format(&exc_IndexError, "invalid index");
    }
    return ctypes_get_item(type_ptr(info->proto), self, i, cdata(self)->ptr + (size_t)i * ii->size,
                           ii->size);
}

static Value array_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_nkw(kwnames)) {
        return err_format(&exc_TypeError, "Array() takes no keyword arguments");
    }
    for (size_t i = 0; i < nargs; i++) {
        if (array_set_index(self, (int64_t)i, args[i]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

static int64_t array_len(Value self) {
    return cdata(self)->length;
}

// Items start..stop by step of a sequence of `itemtype`s at p: bytes for
// c_char, str for c_wchar, else a list.
static Value items_slice(Value self, Value itemtype, char *p, int64_t start, int64_t step,
                         int64_t n) {
    CTypeInfo *ii = ctypes_info_of(itemtype);
    if (ii->kind == CK_SIMPLE && ii->fd->code == 'c' && type_ptr(itemtype)->base == &ctypes_simple_base) {
        BytesObject *b = bytes_alloc((size_t)n);
        if (!b) {
            return 0;
        }
        for (int64_t i = 0; i < n; i++) {
            b->data[i] = p[start + i * step];
        }
        return val_from_ptr(b);
    }
    if (ii->kind == CK_SIMPLE && ii->fd->code == 'u' && type_ptr(itemtype)->base == &ctypes_simple_base) {
        StrBuf sb;
        sb_init(&sb);
        for (int64_t i = 0; i < n; i++) {
            wchar_t w;
            memcpy(&w, p + (size_t)(start + i * step) * sizeof(wchar_t), sizeof w);
            char buf[4];
            sb_put(&sb, buf, (size_t)utf8_encode((uint32_t)w & 0x1fffff, buf));
        }
        Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
        sb_free(&sb);
        return r;
    }
    Value l = list_new((size_t)n);
    for (int64_t i = 0; l && i < n; i++) {
        int64_t k = start + i * step;
        Value v = ctypes_get_item(type_ptr(itemtype), self, k, p + (size_t)k * ii->size, ii->size);
        if (!v || list_append(l, v) < 0) {
            return 0;
        }
    }
    return l;
}

static Value array_getitem(Value self, Value key) {
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, cdata(self)->length, &start, &stop, &step, &n) < 0) {
            return 0;
        }
        return items_slice(self, array_info(self)->proto, cdata(self)->ptr, start, step, n);
    }
    if (!int_check(key) && !obj_lookup_special(key, NAME(__index__))) {
        return err_occurred() ? 0 : err_format(&exc_TypeError, "indices must be integers");
    }
    int64_t i;
    if (obj_as_index(key, &i, 1) < 0) {
        return 0;
    }
    if (i < 0) {
        i += cdata(self)->length;
    }
    return array_get_index(self, i);
}

static int array_setitem(Value self, Value key, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "Array does not support item deletion");
        return -1;
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, cdata(self)->length, &start, &stop, &step, &n) < 0) {
            return -1;
        }
        int64_t len = obj_len(value);
        if (len < 0) {
            return -1;
        }
        if (len != n) {
            err_format(&exc_ValueError, "Can only assign sequence of same size");
            return -1;
        }
        for (int64_t i = 0; i < n; i++) {
            Value item = obj_getitem(value, int_from_i64(i));
            if (!item || array_set_index(self, start + i * step, item) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (!int_check(key) && !obj_lookup_special(key, NAME(__index__))) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "indices must be integer");
        }
        return -1;
    }
    int64_t i;
    if (obj_as_index(key, &i, 1) < 0) {
        return -1;
    }
    if (i < 0) {
        i += cdata(self)->length;
    }
    return array_set_index(self, i, value);
}

Type ctypes_array_base = {
    .header = {&ctypes_array_meta},
    .name = "_ctypes.Array",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CDataObject),
    .base = &ctypes_cdata_base,
    .trace = cdata_trace,
    .free = cdata_free,
    .new_ = cdata_tp_new,
    .init = array_tp_init,
    .len = array_len,
    .getitem = array_getitem,
    .setitem = array_setitem,
};

// ---- pointers -------------------------------------------------------------------------------

static int pointer_set_proto(Value cls, Value proto) {
    CTypeInfo *info = &((CTypeObject *)val_ptr(cls))->info;
    CTypeInfo *pi = type_check(proto) ? ctypes_type_info(type_ptr(proto)) : NULL;
    if (!pi) {
        err_format(&exc_TypeError, "_type_ must have storage info");
        return -1;
    }
    info->proto = proto;
    free(info->format);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "&%s", pi->format ? pi->format : "B");
    info->format = sb.data;
    return 0;
}

static Value pointer_meta_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Value cls = type_tp_new(callable, args, nargs, kwnames);
    if (!cls) {
        return 0;
    }
    CTypeInfo *info = &((CTypeObject *)val_ptr(cls))->info;
    info->kind = CK_POINTER;
    info->size = sizeof(void *);
    info->align = _Alignof(void *);
    info->length = 1;
    info->ffi = ffi_type_pointer;
    info->flags = CT_HASPOINTER;
    Value proto = dict_get_cstr(type_ptr(cls)->dict, "_type_");
    if (!proto && err_occurred()) {
        return 0;
    }
    if (!proto) {
        CTypeInfo *base = ctypes_type_info(type_ptr(cls)->base);
        proto = base ? base->proto : 0;
    }
    if (proto && pointer_set_proto(cls, proto) < 0) {
        return 0;
    }
    if (!proto) {
        info->format = strdup("&B");
        if (!info->format) {
            return err_no_memory();
        }
    }
    return cls;
}

FN(pointer_meta_set_type) {
    if (method_check_args("set_type", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    CTypeInfo *info = ctypes_type_info(type_ptr(self));
    if (!info) {
        return err_format(&exc_TypeError, "abstract class");
    }
    if (pointer_set_proto(self, args[0]) < 0 ||
        obj_setattr(self, str_intern_cstr("_type_"), args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static const MethodDef pointer_meta_methods[] = {
    {"from_address", ctypes_meta_from_address, METH_DEFAULT, NULL},
    {"from_buffer", ctypes_meta_from_buffer, METH_DEFAULT, NULL},
    {"from_buffer_copy", ctypes_meta_from_buffer_copy, METH_DEFAULT, NULL},
    {"in_dll", ctypes_meta_in_dll, METH_DEFAULT, NULL},
    {"from_param", ctypes_pointer_from_param, METH_DEFAULT, NULL},
    {"set_type", pointer_meta_set_type, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type ctypes_pointer_meta = {
    .header = {&type_type},
    .name = "_ctypes.PyCPointerType",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(CTypeObject),
    .base = &type_type,
    .trace = ctypes_meta_trace,
    .free = ctypes_meta_free,
    .new_ = pointer_meta_new,
    .seq_repeat = ctypes_meta_repeat,
    .methods = pointer_meta_methods,
};

static void *pointer_value(Value self) {
    void *p;
    memcpy(&p, cdata(self)->ptr, sizeof p);
    return p;
}

static Value pointer_get_contents(Value self) {
    CTypeInfo *info = ctypes_info_of(self);
    void *p = pointer_value(self);
    if (!p) {
        return err_format(&exc_ValueError, "NULL pointer access");
    }
    if (!info->proto) {
        return err_format(&exc_TypeError, "Cannot create instance: has no _type_");
    }
    return ctypes_cdata_from_base(type_ptr(info->proto), self, 0, (char *)p);
}

static int pointer_set_contents(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "Pointer does not support item deletion");
        return -1;
    }
    CTypeInfo *info = ctypes_info_of(self);
    if (!info->proto) {
        err_format(&exc_TypeError, "Cannot create instance: has no _type_");
        return -1;
    }
    // As CPython: any ctypes instance is taken (a cast), other values refused.
    if (!ctypes_cdata_check(value)) {
        err_format(&exc_TypeError, "expected %s instead of %s", type_ptr(info->proto)->name,
                   ctypes_type_name(value));
        return -1;
    }
    memcpy(cdata(self)->ptr, &cdata(value)->ptr, sizeof(void *));
    if (ctypes_keep_ref(self, 1, value) < 0) {
        return -1;
    }
    Value root = ctypes_objects_container(value);
    if (!root) {
        return -1;
    }
    return ctypes_keep_ref(self, 0, cdata(root)->objects);
}

static Value pointer_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    CTypeInfo *info = ctypes_type_info(type_ptr(callable));
    if (!info || !info->proto) {
        return err_format(&exc_TypeError, "Cannot create instance: has no _type_");
    }
    return ctypes_cdata_new(type_ptr(callable));
}

static Value pointer_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_nkw(kwnames)) {
        return err_format(&exc_TypeError, "POINTER() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "POINTER expected at most 1 argument, got %zu", nargs);
    }
    if (nargs == 1 && pointer_set_contents(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static int pointer_bool(Value self) {
    return pointer_value(self) != NULL;
}

static Value pointer_getitem(Value self, Value key) {
    CTypeInfo *info = ctypes_info_of(self);
    char *p = pointer_value(self);
    if (!p) {
        return err_format(&exc_ValueError, "NULL pointer access");
    }
    if (!info->proto) {
        return err_format(&exc_TypeError, "Cannot create instance: has no _type_");
    }
    CTypeInfo *ii = ctypes_info_of(info->proto);
    if (slice_check(key)) {
        SliceObject *s = slice_obj(key);
        int64_t start = 0, stop, step = 1;
        if (s->step != VAL_NONE) {
            if (obj_as_int64(s->step, &step) < 0) {
                return 0;
            }
            if (step == 0) {
                return err_format(&exc_ValueError, "slice step cannot be zero");
            }
        }
        if (s->start == VAL_NONE) {
            if (step < 0) {
                return err_format(&exc_ValueError, "slice start is required for step < 0");
            }
        } else if (obj_as_int64(s->start, &start) < 0) {
            return 0;
        }
        if (s->stop == VAL_NONE) {
            return err_format(&exc_ValueError, "slice stop is required");
        }
        if (obj_as_int64(s->stop, &stop) < 0) {
            return 0;
        }
        int64_t n = 0;
        if ((step > 0 && start < stop) || (step < 0 && stop < start)) {
            n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        }
        return items_slice(self, info->proto, p, start, step, n);
    }
    int64_t i;
    if (obj_as_index(key, &i, 1) < 0) {
        return 0;
    }
    return ctypes_get_item(type_ptr(info->proto), self, i, p + i * (int64_t)ii->size, ii->size);
}

static int pointer_setitem(Value self, Value key, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "Pointer does not support item deletion");
        return -1;
    }
    CTypeInfo *info = ctypes_info_of(self);
    char *p = pointer_value(self);
    if (!p) {
        err_format(&exc_ValueError, "NULL pointer access");
        return -1;
    }
    if (!info->proto) {
        err_format(&exc_TypeError, "Cannot create instance: has no _type_");
        return -1;
    }
    int64_t i;
    if (obj_as_index(key, &i, 1) < 0) {
        return -1;
    }
    CTypeInfo *ii = ctypes_info_of(info->proto);
    return ctypes_set_item(self, type_ptr(info->proto), i, p + i * (int64_t)ii->size, ii->size,
                           value);
}

static const GetSetDef pointer_getset[] = {
    {"contents", pointer_get_contents, pointer_set_contents, "the object this pointer points to (read-write)"},
    {NULL, NULL, NULL, NULL},
};

Type ctypes_pointer_base = {
    .header = {&ctypes_pointer_meta},
    .name = "_ctypes._Pointer",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CDataObject),
    .base = &ctypes_cdata_base,
    .trace = cdata_trace,
    .free = cdata_free,
    .new_ = pointer_tp_new,
    .init = pointer_tp_init,
    .bool_ = pointer_bool,
    .getitem = pointer_getitem,
    .setitem = pointer_setitem,
    .getset = pointer_getset,
};

Value ctypes_pointer_type(Value cls) {
    Value cached = dict_get(ctypes_pointer_type_cache, cls);
    if (cached) {
        return cached;
    }
    if (err_occurred()) {
        return 0;
    }
    Value result, key;
    if (val_is_str(cls)) {
        char name[300];
        snprintf(name, sizeof name, "LP_%s", str_obj(cls)->data);
        Value ns = dict_new();
        result = ns ? ctypes_new_class(&ctypes_pointer_meta, name,
                                       val_from_ptr(&ctypes_pointer_base), ns)
                    : 0;
        key = result ? int_from_u64((uint64_t)(uintptr_t)val_ptr(result)) : 0;
    } else if (type_check(cls)) {
        char name[300];
        snprintf(name, sizeof name, "LP_%s", type_ptr(cls)->name);
        Value ns = dict_new();
        if (!ns || dict_set_cstr(ns, "_type_", cls) < 0) {
            return 0;
        }
        result = ctypes_new_class(&ctypes_pointer_meta, name, val_from_ptr(&ctypes_pointer_base),
                                  ns);
        key = cls;
    } else {
        return err_format(&exc_TypeError, "must be a ctypes type");
    }
    if (!result || !key || dict_set(ctypes_pointer_type_cache, key, result) < 0) {
        return 0;
    }
    return result;
}

Value ctypes_pointer_to(Value obj) {
    Value t = ctypes_pointer_type(val_from_ptr(type_of(obj)));
    return t ? obj_call1(t, obj) : 0;
}

int ctypes_struct_init(void) {
    if (type_ready(&ctypes_cfield_type) < 0 || type_ready(&ctypes_struct_meta) < 0 ||
        type_ready(&ctypes_union_meta) < 0 || type_ready(&ctypes_array_meta) < 0 ||
        type_ready(&ctypes_pointer_meta) < 0 || type_ready(&ctypes_struct_base) < 0 ||
        type_ready(&ctypes_union_base) < 0 || type_ready(&ctypes_array_base) < 0 ||
        type_ready(&ctypes_pointer_base) < 0) {
        return -1;
    }
    Type *generic[] = {&ctypes_array_base};
    if (generic_alias_install(generic, 1) < 0) {
        return -1;
    }
    gc_add_root(&array_type_cache);
    array_type_cache = dict_new();
    return array_type_cache ? 0 : -1;
}
