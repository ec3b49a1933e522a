// bz2module.c - the `_bz2` module: BZ2Compressor and BZ2Decompressor over
// libbz2 (Debian libbz2-dev), which bz2.py builds BZ2File, compress() and
// decompress() on.
//
// Each object embeds its bz_stream; libbz2 allocates the stream's state
// with malloc, and the type's free slot ends the stream. The heap does not
// move objects, so the stream may live inside one.
//
// The decompressor follows CPython's contract for max_length: it returns
// at most max_length bytes; input it could not consume yet is kept in
// `pending` (a bytes object) and used first by the next call; needs_input
// says whether more input is required before more output can come;
// everything after the end of the stream lands in unused_data.
#include <bzlib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct Bz2Compressor {
    Object header;
    bz_stream bzs;
    int started;      // bzs holds a live stream
    int flushed;
} Bz2Compressor;

typedef struct Bz2Decompressor {
    Object header;
    bz_stream bzs;
    int started;
    int eof, needs_input;
    Value unused_data;  // bytes
    Value pending;      // bytes of input not consumed yet, or 0
} Bz2Decompressor;

static Type type_bz2_compressor, type_bz2_decompressor;

// CPython's catch_bz2_error: the exception for a libbz2 return code.
static int bz2_check(int code) {
    switch (code) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return 0;
    case BZ_CONFIG_ERROR:
        err_format(&exc_SystemError, "libbzip2 was not compiled correctly");
        return -1;
    case BZ_PARAM_ERROR:
        err_format(&exc_ValueError, "Internal error - invalid parameters passed to libbzip2");
        return -1;
    case BZ_MEM_ERROR:
        err_no_memory();
        return -1;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
        err_format(&exc_OSError, "Invalid data stream");
        return -1;
    case BZ_IO_ERROR:
        err_format(&exc_OSError, "Unknown I/O error");
        return -1;
    case BZ_UNEXPECTED_EOF:
        err_format(&exc_EOFError, "Compressed file ended before the logical end-of-stream was detected");
        return -1;
    case BZ_SEQUENCE_ERROR:
        err_format(&exc_RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2");
        return -1;
    default:
        err_format(&exc_OSError, "Unrecognized error from libbzip2: %d", code);
        return -1;
    }
}

// A growable output block.
typedef struct OutBuf {
    char *data;
    size_t len, cap;
} OutBuf;

static int outbuf_grow(OutBuf *o, size_t limit) {
    size_t cap = o->cap ? o->cap * 2 : 8192;
    if (cap > limit) {
        cap = limit;
    }
    char *d = realloc(o->data, cap);
    if (!d) {
        err_no_memory();
        return -1;
    }
    o->data = d;
    o->cap = cap;
    return 0;
}

static Value outbuf_finish(OutBuf *o) {
    Value r = bytes_from(o->data ? o->data : "", o->len);
    free(o->data);
    return r;
}

// ---- BZ2Compressor --------------------------------------------------------------------------

static void bz2c_free(Object *o) {
    Bz2Compressor *c = (Bz2Compressor *)o;
    if (c->started) {
        BZ2_bzCompressEnd(&c->bzs);
    }
}

static Value bz2c_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("BZ2Compressor", kwnames) < 0 ||
        args_check_positional("BZ2Compressor", nargs, 0, 1) < 0) {
        return 0;
    }
    int64_t level = 9;
    if (nargs && obj_as_int64(args[0], &level) < 0) {
        return 0;
    }
    if (level < 1 || level > 9) {
        return err_format(&exc_ValueError, "compresslevel must be between 1 and 9");
    }
    Type *t = type_ptr(type);
    Bz2Compressor *c = (Bz2Compressor *)gc_alloc(t, t->basic_size);
    if (!c || bz2_check(BZ2_bzCompressInit(&c->bzs, (int)level, 0, 0)) < 0) {
        return 0;
    }
    c->started = 1;
    return val_from_ptr(c);
}

// Run the compressor over p[0..n) with `action`, collecting the output.
static Value bz2c_run(Bz2Compressor *c, const char *p, size_t n, int action) {
    OutBuf out = {0};
    c->bzs.next_in = (char *)p;
    size_t left = n;
    for (;;) {
        if (action == BZ_RUN && left == 0) {
            break;  // libbz2 calls a BZ_RUN without input a parameter error
        }
        unsigned chunk = left > UINT_MAX ? UINT_MAX : (unsigned)left;
        c->bzs.next_in = (char *)p + (n - left);
        c->bzs.avail_in = chunk;
        if (out.len == out.cap && outbuf_grow(&out, SIZE_MAX) < 0) {
            free(out.data);
            return 0;
        }
        size_t room = out.cap - out.len;
        c->bzs.next_out = out.data + out.len;
        c->bzs.avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
        int r = BZ2_bzCompress(&c->bzs, action);
        left -= chunk - c->bzs.avail_in;
        out.len = (size_t)(c->bzs.next_out - out.data);
        if (bz2_check(r) < 0) {
            free(out.data);
            return 0;
        }
        if (action == BZ_FINISH && r == BZ_STREAM_END) {
            break;
        }
    }
    return outbuf_finish(&out);
}

FN(bz2c_compress) {
    if (method_check_args("BZ2Compressor.compress", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Bz2Compressor *c = (Bz2Compressor *)val_ptr(self);
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (c->flushed) {
        buffer_release(&view);
        return err_format(&exc_ValueError, "Compressor has been flushed");
    }
    Value r = bz2c_run(c, view.buf, (size_t)view.len, BZ_RUN);
    buffer_release(&view);
    return r;
}

FN(bz2c_flush) {
    if (method_check_args("BZ2Compressor.flush", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Bz2Compressor *c = (Bz2Compressor *)val_ptr(self);
    if (c->flushed) {
        return err_format(&exc_ValueError, "Repeated call to flush()");
    }
    c->flushed = 1;
    return bz2c_run(c, "", 0, BZ_FINISH);
}

static const MethodDef bz2c_methods[] = {
    {"compress", bz2c_compress, METH_DEFAULT, "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise."},
    {"flush", bz2c_flush, METH_DEFAULT, "Finish the compression process.\n\nReturns the compressed data left in internal buffers."},
    {NULL, NULL, 0, NULL},
};

static Type type_bz2_compressor = {
    .header = {&type_type},
    .name = "_bz2.BZ2Compressor",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Bz2Compressor),
    .base = &type_object,
    .free = bz2c_free,
    .new_ = bz2c_tp_new,
    .methods = bz2c_methods,
};

// ---- BZ2Decompressor ------------------------------------------------------------------------

static void bz2d_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((Bz2Decompressor *)o)->unused_data);
    gc_trace_value(t, ((Bz2Decompressor *)o)->pending);
}

static void bz2d_free(Object *o) {
    Bz2Decompressor *d = (Bz2Decompressor *)o;
    if (d->started) {
        BZ2_bzDecompressEnd(&d->bzs);
    }
}

static Value bz2d_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (nargs) {
        return err_format(&exc_TypeError, "BZ2Decompressor() takes no positional arguments");
    }
    if (args_no_keywords("BZ2Decompressor", kwnames) < 0) {
        return 0;
    }
    Type *t = type_ptr(type);
    Bz2Decompressor *d = (Bz2Decompressor *)gc_alloc(t, t->basic_size);
    if (!d) {
        return 0;
    }
    d->unused_data = bytes_from("", 0);
    d->needs_input = 1;
    if (!d->unused_data || bz2_check(BZ2_bzDecompressInit(&d->bzs, 0, 0)) < 0) {
        return 0;
    }
    d->started = 1;
    return val_from_ptr(d);
}

// decompress(data, max_length=-1)
FN(bz2d_decompress) {
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
    Bz2Decompressor *d = (Bz2Decompressor *)val_ptr(self);
    if (d->eof) {
        buffer_release(&view);
        return err_format(&exc_EOFError, "End of stream already reached");
    }
    // The input: what was left over, then the new data.
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
    size_t n = bytes_len(input), used = 0;
    int r = BZ_OK;
    for (;;) {
        size_t left = n - used;
        d->bzs.next_in = (char *)bytes_data(input) + used;
        d->bzs.avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
        if (out.len == out.cap) {
            if (out.len == limit) {
                break;
            }
            if (outbuf_grow(&out, limit) < 0) {
                free(out.data);
                return 0;
            }
        }
        size_t room = out.cap - out.len;
        d->bzs.next_out = out.data + out.len;
        d->bzs.avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
        unsigned before = d->bzs.avail_in;
        r = BZ2_bzDecompress(&d->bzs);
        used += before - d->bzs.avail_in;
        out.len = (size_t)(d->bzs.next_out - out.data);
        if (bz2_check(r) < 0) {
            free(out.data);
            return 0;
        }
        if (r == BZ_STREAM_END) {
            d->eof = 1;
            break;
        }
        if (used == n && d->bzs.avail_out > 0) {
            break;  // all input consumed and the output was not the limit
        }
    }
    gc_keep_alive(input);
    size_t rest = n - used;
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
        // Output that stopped at the limit may leave more to come without input.
        d->needs_input = !(out.len == limit && limit != 0 && d->bzs.avail_out == 0);
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

static Value bz2d_get_eof(Value self) {
    return val_bool(((Bz2Decompressor *)val_ptr(self))->eof);
}

static Value bz2d_get_needs_input(Value self) {
    return val_bool(((Bz2Decompressor *)val_ptr(self))->needs_input);
}

static const MethodDef bz2d_methods[] = {
    {"decompress", bz2d_decompress, METH_DEFAULT, "Decompress *data*, returning uncompressed data as bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef bz2d_getset[] = {
    {"eof", bz2d_get_eof, NULL, "True if the end-of-stream marker has been reached."},
    {"needs_input", bz2d_get_needs_input, NULL, "True if more input is needed before more decompressed data can be produced."},
    {NULL, NULL, NULL, NULL},
};

static const MemberDef bz2d_members[] = {
    {"unused_data", MEMBER_VALUE_RO, offsetof(Bz2Decompressor, unused_data), "Data found after the end of the compressed stream."},
    {NULL, 0, 0, NULL},
};

static Type type_bz2_decompressor = {
    .header = {&type_type},
    .name = "_bz2.BZ2Decompressor",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Bz2Decompressor),
    .base = &type_object,
    .trace = bz2d_trace,
    .free = bz2d_free,
    .new_ = bz2d_tp_new,
    .methods = bz2d_methods,
    .getset = bz2d_getset,
    .members = bz2d_members,
};

Value bz2_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_bz2_compressor) < 0 || type_ready(&type_bz2_decompressor) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_bz2");
    if (!m || module_add(m, "BZ2Compressor", val_from_ptr(&type_bz2_compressor)) < 0 ||
        module_add(m, "BZ2Decompressor", val_from_ptr(&type_bz2_decompressor)) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_bz2, bz2_module_init)
