// lzmamodule.c - the `_lzma` module: LZMACompressor, LZMADecompressor,
// filter chains and the module's constants over liblzma (Debian
// liblzma-dev), which lzma.py builds LZMAFile, compress() and decompress()
// on.
//
// As in bz2module.c, each object embeds its lzma_stream (liblzma keeps its
// state in malloc'ed memory, released by lzma_end in the free slot), and
// the decompressor keeps CPython's max_length / needs_input / unused_data
// contract.
//
// A filter chain is a sequence of dicts ({"id": FILTER_LZMA2, "preset":
// 6, ...}); it is turned into an lzma_filter array whose options are
// malloc'ed for the duration of the encoder or decoder set-up and freed
// right after (liblzma copies what it keeps).
#include <limits.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };

static Value lzma_error;  // _lzma.LZMAError

static Value lzma_raise(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static Value lzma_raise(const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Value s = str_from_cstr(msg);
    Value exc = s ? obj_call1(lzma_error, s) : 0;
    return exc ? err_set_value(exc) : 0;
}

// CPython's catch_lzma_error: 0, or -1 with the exception for ret.
static int lzma_check_ret(lzma_ret ret) {
    switch (ret) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END:
        return 0;
    case LZMA_UNSUPPORTED_CHECK:
        lzma_raise("Unsupported integrity check");
        return -1;
    case LZMA_MEM_ERROR:
        err_no_memory();
        return -1;
    case LZMA_MEMLIMIT_ERROR:
        lzma_raise("Memory usage limit exceeded");
        return -1;
    case LZMA_FORMAT_ERROR:
        lzma_raise("Input format not supported by decoder");
        return -1;
    case LZMA_OPTIONS_ERROR:
        lzma_raise("Invalid or unsupported options");
        return -1;
    case LZMA_DATA_ERROR:
        lzma_raise("Corrupt input data");
        return -1;
    case LZMA_BUF_ERROR:
        lzma_raise("Insufficient buffer space");
        return -1;
    case LZMA_PROG_ERROR:
        lzma_raise("Internal error");
        return -1;
    default:
        lzma_raise("Unrecognized error from liblzma: %d", (int)ret);
        return -1;
    }
}

// ---- integer conversions (CPython's uint32_converter / lzma_vli_converter) ----

// An unsigned C integer from an int (no __index__, as CPython's
// PyLong_AsUnsigned*): `negative` and `toolarge` are the converter's
// messages, `max` its range.
static int lzma_unsigned_arg(Value v, uint64_t *out, uint64_t max, const char *negative,
                             const char *toolarge) {
    if (!int_check(v)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_format(&exc_OverflowError, "%s", negative);
        return -1;
    }
    int64_t s;
    if (int_to_i64(v, &s) == 0) {
        *out = (uint64_t)s;
    } else {
        err_clear();
        // 2^63 <= v: v - 2^64 fits int64 exactly when v < 2^64.
        Value two64 = obj_binop(val_from_smallint(1), val_from_smallint(64), BINOP_LSHIFT);
        Value low = two64 ? obj_binop(v, two64, BINOP_SUB) : 0;
        if (!low) {
            return -1;
        }
        if (int_to_i64(low, &s) < 0 || s >= 0) {
            err_clear();
            err_format(&exc_OverflowError, "%s",
                       max == UINT64_MAX ? toolarge : "Python int too large to convert to C unsigned long");
            return -1;
        }
        *out = (uint64_t)s;
    }
    if (*out > max) {
        err_format(&exc_OverflowError, "%s", toolarge);
        return -1;
    }
    return 0;
}

// uint64 arguments (memlimit, filter ids): PyLong_AsUnsignedLongLong's errors.
static int lzma_u64_arg(Value v, uint64_t *out) {
    return lzma_unsigned_arg(v, out, UINT64_MAX, "can't convert negative int to unsigned",
                             "int too big to convert");
}

// uint32 arguments (presets, filter options): CPython's uint32_converter.
static int lzma_u32_arg(Value v, uint32_t *out) {
    uint64_t x;
    if (lzma_unsigned_arg(v, &x, UINT32_MAX, "can't convert negative value to unsigned int",
                          "Value too large for uint32_t type") < 0) {
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
}

// ---- filter specifiers -----------------------------------------------------------------

static int lzma_is_bcj(lzma_vli id) {
    return id == LZMA_FILTER_X86 || id == LZMA_FILTER_POWERPC || id == LZMA_FILTER_IA64 ||
           id == LZMA_FILTER_ARM || id == LZMA_FILTER_ARMTHUMB || id == LZMA_FILTER_SPARC;
}

// The value of spec[key], or 0 (with an exception when the lookup failed).
static Value lzma_spec_get(Value spec, const char *key) {
    Value k = str_from_cstr(key);
    if (!k) {
        return 0;
    }
    Value v = obj_getitem(spec, k);
    if (!v && err_matches(&exc_KeyError)) {
        err_clear();
    }
    return v;
}

// Every key of spec is one of `allowed` (NULL-terminated): 1, 0, or -1.
static int lzma_spec_keys_ok(Value spec, const char *const *allowed) {
    Value keys = obj_call_method(spec, "keys", NULL, 0);
    Value it = keys ? obj_iter(keys) : 0;
    if (!it) {
        return -1;
    }
    for (;;) {
        Value k = obj_next(it);
        if (!k) {
            return err_occurred() ? -1 : 1;
        }
        int found = 0;
        for (const char *const *a = allowed; *a && val_is_str(k); a++) {
            found |= strcmp(str_obj(k)->data, *a) == 0;
        }
        if (!found) {
            return 0;
        }
    }
}

// Parse one filter specifier into f (options malloc'ed). 0 or -1.
static int lzma_parse_filter(Value spec, lzma_filter *f) {
    f->options = NULL;
    Type *t = type_of(spec);
    if (!t->getitem || val_is_str(spec) || list_check(spec) || tuple_check(spec)) {
        err_format(&exc_TypeError, "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    Value idv = lzma_spec_get(spec, "id");
    if (!idv) {
        if (!err_occurred()) {
            err_format(&exc_ValueError, "Filter specifier must have an \"id\" entry");
        }
        return -1;
    }
    uint64_t id;
    if (lzma_u64_arg(idv, &id) < 0) {
        return -1;
    }
    f->id = id;
    if (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2) {
        static const char *const keys[] = {"id", "preset", "dict_size", "lc", "lp", "pb", "mode",
                                           "nice_len", "mf", "depth", NULL};
        int ok = lzma_spec_keys_ok(spec, keys);
        if (ok <= 0) {
            if (ok == 0) {
                err_format(&exc_ValueError, "Invalid filter specifier for LZMA filter");
            }
            return -1;
        }
        uint32_t preset = LZMA_PRESET_DEFAULT;
        Value pv = lzma_spec_get(spec, "preset");
        if ((!pv && err_occurred()) || (pv && lzma_u32_arg(pv, &preset) < 0)) {
            return -1;
        }
        lzma_options_lzma *o = calloc(1, sizeof *o);
        if (!o) {
            err_no_memory();
            return -1;
        }
        f->options = o;
        if (lzma_lzma_preset(o, preset)) {
            lzma_raise("Invalid compression preset: %u", preset);
            return -1;
        }
        uint32_t *fields[] = {&o->dict_size, &o->lc, &o->lp, &o->pb, NULL, &o->nice_len, NULL,
                              &o->depth};
        for (int i = 0; i < 8; i++) {
            Value v = lzma_spec_get(spec, keys[2 + i]);
            if (!v) {
                if (err_occurred()) {
                    return -1;
                }
                continue;
            }
            uint32_t x;
            if (lzma_u32_arg(v, &x) < 0) {
                err_clear();
                err_format(&exc_ValueError, "Invalid filter specifier for LZMA filter");
                return -1;
            }
            if (i == 4) {
                o->mode = (lzma_mode)x;
            } else if (i == 6) {
                o->mf = (lzma_match_finder)x;
            } else {
                *fields[i] = x;
            }
        }
        return 0;
    }
    if (id == LZMA_FILTER_DELTA || lzma_is_bcj(id)) {
        int delta = id == LZMA_FILTER_DELTA;
        static const char *const delta_keys[] = {"id", "dist", NULL};
        static const char *const bcj_keys[] = {"id", "start_offset", NULL};
        const char *what = delta ? "Invalid filter specifier for delta filter"
                                 : "Invalid filter specifier for BCJ filter";
        int ok = lzma_spec_keys_ok(spec, delta ? delta_keys : bcj_keys);
        if (ok <= 0) {
            if (ok == 0) {
                err_format(&exc_ValueError, "%s", what);
            }
            return -1;
        }
        uint32_t x = delta ? 1 : 0;
        Value v = lzma_spec_get(spec, delta ? "dist" : "start_offset");
        if (!v && err_occurred()) {
            return -1;
        }
        if (v && lzma_u32_arg(v, &x) < 0) {
            err_clear();
            err_format(&exc_ValueError, "%s", what);
            return -1;
        }
        if (delta) {
            lzma_options_delta *o = calloc(1, sizeof *o);
            if (!o) {
                err_no_memory();
                return -1;
            }
            o->type = LZMA_DELTA_TYPE_BYTE;
            o->dist = x;
            f->options = o;
        } else {
            lzma_options_bcj *o = calloc(1, sizeof *o);
            if (!o) {
                err_no_memory();
                return -1;
            }
            o->start_offset = x;
            f->options = o;
        }
        return 0;
    }
    err_format(&exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)id);
    return -1;
}

static void lzma_free_filters(lzma_filter *filters) {
    for (int i = 0; filters[i].id != LZMA_VLI_UNKNOWN; i++) {
        free(filters[i].options);
    }
}

// A sequence of filter specifiers into filters[LZMA_FILTERS_MAX + 1],
// terminated by LZMA_VLI_UNKNOWN. 0, or -1 with nothing left allocated.
static int lzma_parse_filters(Value specs, lzma_filter *filters) {
    for (int i = 0; i <= LZMA_FILTERS_MAX; i++) {
        filters[i].id = LZMA_VLI_UNKNOWN;
        filters[i].options = NULL;
    }
    if (dict_check(specs)) {  // a mapping has a len() but is no sequence
        err_format(&exc_TypeError, "%s is not a sequence", type_of(specs)->name);
        return -1;
    }
    int64_t n = obj_len(specs);
    if (n < 0) {
        return -1;
    }
    if (n > LZMA_FILTERS_MAX) {
        err_format(&exc_ValueError, "Too many filters - liblzma supports a maximum of %d",
                   LZMA_FILTERS_MAX);
        return -1;
    }
    for (int64_t i = 0; i < n; i++) {
        Value spec = obj_getitem(specs, val_from_smallint(i));
        if (!spec || lzma_parse_filter(spec, &filters[i]) < 0) {
            for (int64_t j = 0; j <= i; j++) {
                free(filters[j].options);
                filters[j].options = NULL;
            }
            filters[0].id = LZMA_VLI_UNKNOWN;
            return -1;
        }
    }
    filters[n].id = LZMA_VLI_UNKNOWN;
    return 0;
}

// ---- output buffers -------------------------------------------------------------------------

typedef struct OutBuf {
    uint8_t *data;
    size_t len, cap;
} OutBuf;

static int outbuf_grow(OutBuf *o, size_t limit) {
    size_t cap = o->cap ? o->cap * 2 : 8192;
    if (cap > limit) {
        cap = limit;
    }
    uint8_t *d = realloc(o->data, cap);
    if (!d) {
        err_no_memory();
        return -1;
    }
    o->data = d;
    o->cap = cap;
    return 0;
}

static Value outbuf_finish(OutBuf *o) {
    Value r = bytes_from(o->data ? (const char *)o->data : "", o->len);
    free(o->data);
    return r;
}

// ---- LZMACompressor ----------------------------------------------------------------------------

typedef struct LzmaCompressor {
    Object header;
    lzma_stream lzs;
    int started, flushed;
} LzmaCompressor;

static Type type_lzma_compressor, type_lzma_decompressor;

static void lzmac_free(Object *o) {
    LzmaCompressor *c = (LzmaCompressor *)o;
    if (c->started) {
        lzma_end(&c->lzs);
    }
}

// LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)
static Value lzmac_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"format", "check", "preset", "filters", NULL};
    static const ArgSpec spec = {"LZMACompressor", 0, names, 0, 4, 0};
    Value a[4];
    if (nargs > 4) {
        return err_format(&exc_TypeError, "LZMACompressor() takes at most 4 arguments (%zu given)",
                          nargs);
    }
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t format = FORMAT_XZ, check = -1;
    if ((a[0] && obj_as_int64(a[0], &format) < 0) || (a[1] && obj_as_int64(a[1], &check) < 0)) {
        return 0;
    }
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
        return err_format(&exc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
    }
    Value presetv = a[2] && a[2] != VAL_NONE ? a[2] : 0;
    Value filtersv = a[3] && a[3] != VAL_NONE ? a[3] : 0;
    if (presetv && filtersv) {
        return err_format(&exc_ValueError, "Cannot specify both preset and filter chain");
    }
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if (presetv && lzma_u32_arg(presetv, &preset) < 0) {
        return 0;
    }
    Type *t = type_ptr(type);
    LzmaCompressor *c = (LzmaCompressor *)gc_alloc(t, t->basic_size);
    if (!c) {
        return 0;
    }
    c->lzs = (lzma_stream)LZMA_STREAM_INIT;
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    lzma_ret ret;
    switch (format) {
    case FORMAT_XZ:
        if (check == -1) {
            check = LZMA_CHECK_CRC64;
        }
        if (!filtersv) {
            ret = lzma_easy_encoder(&c->lzs, preset, (lzma_check)check);
        } else {
            if (lzma_parse_filters(filtersv, filters) < 0) {
                return 0;
            }
            ret = lzma_stream_encoder(&c->lzs, filters, (lzma_check)check);
            lzma_free_filters(filters);
        }
        break;
    case FORMAT_ALONE:
        if (!filtersv) {
            lzma_options_lzma options;
            if (lzma_lzma_preset(&options, preset)) {
                return lzma_raise("Invalid compression preset: %u", preset);
            }
            ret = lzma_alone_encoder(&c->lzs, &options);
        } else {
            if (lzma_parse_filters(filtersv, filters) < 0) {
                return 0;
            }
            if (filters[0].id != LZMA_FILTER_LZMA1 || filters[1].id != LZMA_VLI_UNKNOWN) {
                lzma_free_filters(filters);
                return err_format(&exc_ValueError, "Invalid filter chain for FORMAT_ALONE - "
                                                   "must be a single LZMA1 filter");
            }
            ret = lzma_alone_encoder(&c->lzs, filters[0].options);
            lzma_free_filters(filters);
        }
        break;
    case FORMAT_RAW:
        if (!filtersv) {
            return err_format(&exc_ValueError, "Must specify filters for FORMAT_RAW");
        }
        if (lzma_parse_filters(filtersv, filters) < 0) {
            return 0;
        }
        ret = lzma_raw_encoder(&c->lzs, filters);
        lzma_free_filters(filters);
        break;
    default:
        return err_format(&exc_ValueError, "Invalid container format: %lld", (long long)format);
    }
    if (lzma_check_ret(ret) < 0) {
        return 0;
    }
    c->started = 1;
    return val_from_ptr(c);
}

static Value lzmac_run(LzmaCompressor *c, const uint8_t *p, size_t n, lzma_action action) {
    OutBuf out = {0};
    c->lzs.next_in = p;
    c->lzs.avail_in = n;
    for (;;) {
        if (out.len == out.cap && outbuf_grow(&out, SIZE_MAX) < 0) {
            free(out.data);
            return 0;
        }
        c->lzs.next_out = out.data + out.len;
        c->lzs.avail_out = out.cap - out.len;
        lzma_ret ret = lzma_code(&c->lzs, action);
        out.len = (size_t)(c->lzs.next_out - out.data);
        if (ret == LZMA_BUF_ERROR && c->lzs.avail_in == 0 && c->lzs.avail_out > 0) {
            ret = LZMA_OK;  // no progress possible: the input is consumed
        }
        if (lzma_check_ret(ret) < 0) {
            free(out.data);
            return 0;
        }
        if ((action == LZMA_RUN && c->lzs.avail_in == 0) ||
            (action == LZMA_FINISH && ret == LZMA_STREAM_END)) {
            break;
        }
    }
    return outbuf_finish(&out);
}

FN(lzmac_compress) {
    if (method_check_args("LZMACompressor.compress", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    LzmaCompressor *c = (LzmaCompressor *)val_ptr(self);
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (c->flushed) {
        buffer_release(&view);
        return err_format(&exc_ValueError, "Compressor has been flushed");
    }
    Value r = lzmac_run(c, (const uint8_t *)view.buf, (size_t)view.len, LZMA_RUN);
    buffer_release(&view);
    return r;
}

FN(lzmac_flush) {
    if (method_check_args("LZMACompressor.flush", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    LzmaCompressor *c = (LzmaCompressor *)val_ptr(self);
    if (c->flushed) {
        return err_format(&exc_ValueError, "Repeated call to flush()");
    }
    c->flushed = 1;
    return lzmac_run(c, (const uint8_t *)"", 0, LZMA_FINISH);
}

static const MethodDef lzmac_methods[] = {
    {"compress", lzmac_compress, METH_DEFAULT, "Provide data to the compressor object."},
    {"flush", lzmac_flush, METH_DEFAULT, "Finish the compression process."},
    {NULL, NULL, 0, NULL},
};

static Type type_lzma_compressor = {
    .header = {&type_type},
    .name = "_lzma.LZMACompressor",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(LzmaCompressor),
    .base = &type_object,
    .free = lzmac_free,
    .new_ = lzmac_tp_new,
    .methods = lzmac_methods,
};

// ---- LZMADecompressor ---------------------------------------------------------------------------

typedef struct LzmaDecompressor {
    Object header;
    lzma_stream lzs;
    int started;
    int eof, needs_input;
    int64_t check;
    Value unused_data;  // bytes
    Value pending;      // bytes of input not consumed yet, or 0
} LzmaDecompressor;

static void lzmad_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((LzmaDecompressor *)o)->unused_data);
    gc_trace_value(t, ((LzmaDecompressor *)o)->pending);
}

static void lzmad_free(Object *o) {
    LzmaDecompressor *d = (LzmaDecompressor *)o;
    if (d->started) {
        lzma_end(&d->lzs);
    }
}

// LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)
static Value lzmad_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"format", "memlimit", "filters", NULL};
    static const ArgSpec spec = {"LZMADecompressor", 0, names, 0, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t format = FORMAT_AUTO;
    if (a[0] && obj_as_int64(a[0], &format) < 0) {
        return 0;
    }
    Value memv = a[1] && a[1] != VAL_NONE ? a[1] : 0;
    Value filtersv = a[2] && a[2] != VAL_NONE ? a[2] : 0;
    uint64_t memlimit = UINT64_MAX;
    if (memv) {
        if (format == FORMAT_RAW) {
            return err_format(&exc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
        }
        if (lzma_u64_arg(memv, &memlimit) < 0) {
            return 0;
        }
    }
    if (format == FORMAT_RAW && !filtersv) {
        return err_format(&exc_ValueError, "Must specify filters for FORMAT_RAW");
    }
    if (format != FORMAT_RAW && filtersv) {
        return err_format(&exc_ValueError, "Cannot specify filters except with FORMAT_RAW");
    }
    Type *t = type_ptr(type);
    LzmaDecompressor *d = (LzmaDecompressor *)gc_alloc(t, t->basic_size);
    if (!d) {
        return 0;
    }
    d->lzs = (lzma_stream)LZMA_STREAM_INIT;
    d->check = LZMA_CHECK_ID_MAX + 1;  // CHECK_UNKNOWN until the header is read
    d->needs_input = 1;
    d->unused_data = bytes_from("", 0);
    if (!d->unused_data) {
        return 0;
    }
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_ret ret;
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    switch (format) {
    case FORMAT_AUTO:
        ret = lzma_auto_decoder(&d->lzs, memlimit, flags);
        break;
    case FORMAT_XZ:
        ret = lzma_stream_decoder(&d->lzs, memlimit, flags);
        break;
    case FORMAT_ALONE:
        d->check = LZMA_CHECK_NONE;
        ret = lzma_alone_decoder(&d->lzs, memlimit);
        break;
    case FORMAT_RAW:
        d->check = LZMA_CHECK_NONE;
        if (lzma_parse_filters(filtersv, filters) < 0) {
            return 0;
        }
        ret = lzma_raw_decoder(&d->lzs, filters);
        lzma_free_filters(filters);
        break;
    default:
        return err_format(&exc_ValueError, "Invalid container format: %lld", (long long)format);
    }
    if (lzma_check_ret(ret) < 0) {
        return 0;
    }
    d->started = 1;
    return val_from_ptr(d);
}

// decompress(data, max_length=-1)
FN(lzmad_decompress) {
    static const char *const names[] = {"data", "max_length", NULL};
    static const ArgSpec spec = {"decompress", 0, names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t max_length = -1;
    Buffer view;
    if (buffer_get_bytes_like(a[0], &view) < 0) {
        return 0;
    }
    if (a[1] && obj_as_int64(a[1], &max_length) < 0) {
        buffer_release(&view);
        return 0;
    }
    LzmaDecompressor *d = (LzmaDecompressor *)val_ptr(self);
    if (d->eof) {
        buffer_release(&view);
        return err_format(&exc_EOFError, "Already at end of stream");
    }
    Value input;
    if (d->pending) {
        Value now = bytes_from(view.buf, (size_t)view.len);
        input = now ? bytes_concat(d->pending, now) : 0;
    } else {
        input = bytes_from(view.buf, (size_t)view.len);
    }
    buffer_release(&view);
    if (!input) {
        return 0;
    }
    size_t limit = max_length < 0 ? SIZE_MAX : (size_t)max_length;
    OutBuf out = {0};
    size_t n = bytes_len(input);
    d->lzs.next_in = (const uint8_t *)bytes_data(input);
    d->lzs.avail_in = n;
    for (;;) {
        if (out.len == out.cap) {
            if (out.len == limit) {
                break;
            }
            if (outbuf_grow(&out, limit) < 0) {
                free(out.data);
                return 0;
            }
        }
        d->lzs.next_out = out.data + out.len;
        d->lzs.avail_out = out.cap - out.len;
        lzma_ret ret = lzma_code(&d->lzs, LZMA_RUN);
        out.len = (size_t)(d->lzs.next_out - out.data);
        if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK) {
            d->check = lzma_get_check(&d->lzs);
            ret = LZMA_OK;
        }
        if (ret == LZMA_BUF_ERROR && d->lzs.avail_in == 0 && d->lzs.avail_out > 0) {
            ret = LZMA_OK;  // no progress without more input
        }
        if (lzma_check_ret(ret) < 0) {
            free(out.data);
            return 0;
        }
        if (ret == LZMA_STREAM_END) {
            d->eof = 1;
            break;
        }
        if (d->lzs.avail_in == 0 && d->lzs.avail_out > 0) {
            break;
        }
    }
    gc_keep_alive(input);
    size_t rest = d->lzs.avail_in, used = n - rest;
    d->lzs.next_in = NULL;
    d->lzs.avail_in = 0;
    if (d->eof) {
        d->needs_input = 0;
        d->pending = 0;
        if (rest) {
            d->unused_data = bytes_from(bytes_data(input) + used, rest);
            if (!d->unused_data) {
                free(out.data);
                return 0;
            }
        }
    } else if (rest == 0) {
        d->pending = 0;
        d->needs_input = !(out.len == limit && d->lzs.avail_out == 0);
    } else {
        d->needs_input = 0;
        d->pending = bytes_from(bytes_data(input) + used, rest);
        if (!d->pending) {
            free(out.data);
            return 0;
        }
    }
    return outbuf_finish(&out);
}

static Value lzmad_get_eof(Value self) {
    return val_bool(((LzmaDecompressor *)val_ptr(self))->eof);
}

static Value lzmad_get_needs_input(Value self) {
    return val_bool(((LzmaDecompressor *)val_ptr(self))->needs_input);
}

static Value lzmad_get_check(Value self) {
    return int_from_i64(((LzmaDecompressor *)val_ptr(self))->check);
}

static const MethodDef lzmad_methods[] = {
    {"decompress", lzmad_decompress, METH_DEFAULT, "Decompress *data*, returning uncompressed data as bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef lzmad_getset[] = {
    {"check", lzmad_get_check, NULL, "ID of the integrity check used by the input stream."},
    {"eof", lzmad_get_eof, NULL, "True if the end-of-stream marker has been reached."},
    {"needs_input", lzmad_get_needs_input, NULL, "True if more input is needed before more decompressed data can be produced."},
    {NULL, NULL, NULL, NULL},
};

static const MemberDef lzmad_members[] = {
    {"unused_data", MEMBER_VALUE_RO, offsetof(LzmaDecompressor, unused_data), "Data found after the end of the compressed stream."},
    {NULL, 0, 0, NULL},
};

static Type type_lzma_decompressor = {
    .header = {&type_type},
    .name = "_lzma.LZMADecompressor",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(LzmaDecompressor),
    .base = &type_object,
    .trace = lzmad_trace,
    .free = lzmad_free,
    .new_ = lzmad_tp_new,
    .methods = lzmad_methods,
    .getset = lzmad_getset,
    .members = lzmad_members,
};

// ---- module functions ------------------------------------------------------------------------------

FN(lzma_is_check_supported) {
    if (method_check_args("is_check_supported", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t id;
    if (obj_as_int64(args[0], &id) < 0) {
        return 0;
    }
    return val_bool(id >= 0 && id <= LZMA_CHECK_ID_MAX && lzma_check_is_supported((lzma_check)id));
}

FN(lzma_encode_filter_properties) {
    if (method_check_args("_encode_filter_properties", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    lzma_filter f;
    if (lzma_parse_filter(args[0], &f) < 0) {
        free(f.options);
        return 0;
    }
    uint32_t size;
    lzma_ret ret = lzma_properties_size(&size, &f);
    uint8_t *buf = ret == LZMA_OK ? malloc(size ? size : 1) : NULL;
    if (ret == LZMA_OK && !buf) {
        free(f.options);
        return err_no_memory();
    }
    if (ret == LZMA_OK) {
        ret = lzma_properties_encode(&f, buf);
    }
    free(f.options);
    Value r = lzma_check_ret(ret) < 0 ? 0 : bytes_from((const char *)buf, size);
    free(buf);
    return r;
}

FN(lzma_decode_filter_properties) {
    if (args_no_keywords("_decode_filter_properties", kwnames) < 0 ||
        args_check_positional("_decode_filter_properties", nargs, 2, 2) < 0) {
        return 0;
    }
    uint64_t id;
    if (lzma_u64_arg(args[0], &id) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[1], &view) < 0) {
        return 0;
    }
    lzma_filter f = {.id = id, .options = NULL};
    lzma_ret ret = lzma_properties_decode(&f, NULL, (const uint8_t *)view.buf, (size_t)view.len);
    buffer_release(&view);
    if (lzma_check_ret(ret) < 0) {
        return 0;
    }
    Value d = dict_new();
    Value idv = d ? int_from_u64(id) : 0;
    int bad = !idv || dict_set_cstr(d, "id", idv) < 0;
    if (!bad && (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2)) {
        lzma_options_lzma *o = f.options;
        if (id == LZMA_FILTER_LZMA1) {
            bad = dict_set_cstr(d, "lc", int_from_i64(o->lc)) < 0 ||
                  dict_set_cstr(d, "lp", int_from_i64(o->lp)) < 0 ||
                  dict_set_cstr(d, "pb", int_from_i64(o->pb)) < 0;
        }
        bad = bad || dict_set_cstr(d, "dict_size", int_from_i64(o->dict_size)) < 0;
    } else if (!bad && id == LZMA_FILTER_DELTA) {
        bad = dict_set_cstr(d, "dist", int_from_i64(((lzma_options_delta *)f.options)->dist)) < 0;
    } else if (!bad && lzma_is_bcj(id) && f.options) {
        bad = dict_set_cstr(d, "start_offset",
                            int_from_i64(((lzma_options_bcj *)f.options)->start_offset)) < 0;
    }
    free(f.options);
    return bad ? 0 : d;
}

static const MethodDef lzma_functions[] = {
    {"is_check_supported", lzma_is_check_supported, METH_DEFAULT, "Test whether the given integrity check is supported."},
    {"_encode_filter_properties", lzma_encode_filter_properties, METH_DEFAULT, "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict)."},
    {"_decode_filter_properties", lzma_decode_filter_properties, METH_DEFAULT, "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict)."},
    {NULL, NULL, 0, NULL},
};

Value lzma_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_lzma_compressor) < 0 || type_ready(&type_lzma_decompressor) < 0) {
        return 0;
    }
    gc_add_root(&lzma_error);
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_lzma")) < 0 ||
        dict_set_cstr(ns, "__doc__", str_from_cstr("Call to liblzma failed.")) < 0) {
        return 0;
    }
    lzma_error = type_new_class(&type_type, str_from_cstr("LZMAError"), bases, ns);
    Value m = lzma_error ? module_new_cstr("_lzma") : 0;
    if (!m || module_add_functions(m, lzma_functions) < 0 ||
        module_add(m, "LZMAError", lzma_error) < 0 ||
        module_add(m, "LZMACompressor", val_from_ptr(&type_lzma_compressor)) < 0 ||
        module_add(m, "LZMADecompressor", val_from_ptr(&type_lzma_decompressor)) < 0) {
        return 0;
    }
    static const struct {
        const char *name;
        uint64_t value;
    } consts[] = {
        {"FORMAT_AUTO", FORMAT_AUTO}, {"FORMAT_XZ", FORMAT_XZ}, {"FORMAT_ALONE", FORMAT_ALONE},
        {"FORMAT_RAW", FORMAT_RAW}, {"CHECK_NONE", LZMA_CHECK_NONE},
        {"CHECK_CRC32", LZMA_CHECK_CRC32}, {"CHECK_CRC64", LZMA_CHECK_CRC64},
        {"CHECK_SHA256", LZMA_CHECK_SHA256}, {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
        {"CHECK_UNKNOWN", LZMA_CHECK_ID_MAX + 1}, {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
        {"FILTER_LZMA2", LZMA_FILTER_LZMA2}, {"FILTER_DELTA", LZMA_FILTER_DELTA},
        {"FILTER_X86", LZMA_FILTER_X86}, {"FILTER_IA64", LZMA_FILTER_IA64},
        {"FILTER_ARM", LZMA_FILTER_ARM}, {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
        {"FILTER_SPARC", LZMA_FILTER_SPARC}, {"FILTER_POWERPC", LZMA_FILTER_POWERPC},
        {"MF_HC3", LZMA_MF_HC3}, {"MF_HC4", LZMA_MF_HC4}, {"MF_BT2", LZMA_MF_BT2},
        {"MF_BT3", LZMA_MF_BT3}, {"MF_BT4", LZMA_MF_BT4}, {"MODE_FAST", LZMA_MODE_FAST},
        {"MODE_NORMAL", LZMA_MODE_NORMAL}, {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
        {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        Value v = int_from_u64(consts[i].value);
        if (!v || module_add(m, consts[i].name, v) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_lzma, lzma_module_init)
