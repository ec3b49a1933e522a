// zlibmodule.c - the `zlib` module over Debian's libz: one-shot compress()
// and decompress(), the streaming Compress and Decompress objects, the
// crc32/adler32 checksums, and the library's constants, for gzip, zipfile,
// tarfile, shutil.make_archive and anything that speaks deflate.
//
// The wrapping follows CPython 3.11's zlibmodule.c in what a program can
// see: which zlib return codes are errors, how zlib.error messages read
// ("Error -3 while decompressing data: incorrect header check"), how a
// Decompress object splits its input into what it consumed, what it must
// see again (unconsumed_tail, when max_length cut the output short) and
// what follows the end of the stream (unused_data).
//
// A z_stream points back at itself from its internal state (zlib checks
// state->strm == strm), so it must never move: it lives inside the heap
// object, which the collector never moves. zlib's own state is malloc'ed
// by zlib and freed by the objects' FreeFunc (deflateEnd/inflateEnd).
//
// Nothing here releases the GIL around the long zlib calls yet (the
// objects would need a lock of their own, as CPython's have).
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { ZL_DEF_BUF_SIZE = 16 * 1024, ZL_DEF_MEM_LEVEL = 8 };

static Value zlib_error_type;

// ---- errors -------------------------------------------------------------------------------------

static Value raise_zlib(const char *msg) {
    Value m = str_from_cstr(msg);
    Value exc = m ? obj_call1(zlib_error_type, m) : 0;
    return exc ? err_set_value(exc) : 0;
}

// zlib.error("Error <err> <what>[: <zlib's message>]") as CPython words it.
static Value zlib_fail(const z_stream *zs, int err, const char *what) {
    const char *zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : zs->msg;
    if (!zmsg) {
        switch (err) {
        case Z_BUF_ERROR:
            zmsg = "incomplete or truncated stream";
            break;
        case Z_STREAM_ERROR:
            zmsg = "inconsistent stream state";
            break;
        case Z_DATA_ERROR:
            zmsg = "invalid input data";
            break;
        }
    }
    char buf[300];
    if (zmsg) {
        snprintf(buf, sizeof buf, "Error %d %s: %.200s", err, what, zmsg);
    } else {
        snprintf(buf, sizeof buf, "Error %d %s", err, what);
    }
    return raise_zlib(buf);
}

// ---- arguments ----------------------------------------------------------------------------------

// A C int argument (Argument Clinic's `int`): `dflt` when absent.
static int int_arg(Value v, int dflt, int *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_index(v, &x, 0) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    if (x < INT_MIN || x > INT_MAX) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// A Py_ssize_t argument (bufsize, max_length, length).
static int ssize_arg(Value v, int64_t dflt, int64_t *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    if (obj_as_index(v, out, 0) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError,
                       "Python int too large to convert to C ssize_t");
        }
        return -1;
    }
    return 0;
}

// An unsigned_int(bitwise=True) argument: the low 32 bits of any int.
static int bitwise_u32(Value v, uint32_t *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    if (!int_check(v) && !(v = obj_index(v))) {
        return -1;
    }
    if (!(v = int_exact(v))) {
        return -1;
    }
    if (val_is_smallint(v)) {
        *out = (uint32_t)(uint64_t)val_smallint(v);
        return 0;
    }
    IntObject *o = (IntObject *)val_ptr(v);
    uint64_t low = o->size != 0 ? o->limbs[0] : 0;
    *out = (uint32_t)(o->size < 0 ? 0 - low : low);
    return 0;
}

// ---- the output buffer --------------------------------------------------------------------------
//
// Output grows in a StrBuf: each round hands zlib the free space at the
// end (at most `limit` bytes in all when limit >= 0), zlib fills what it
// can, and the loops below ask again while the space was filled.

typedef struct OutBuf {
    StrBuf sb;
    int64_t limit;   // -1: no limit
} OutBuf;

// Point zs at free space: 1, or 0 when the limit is reached.
static int out_arrange(OutBuf *o, z_stream *zs) {
    size_t used = o->sb.len;
    if (o->limit >= 0 && (int64_t)used >= o->limit) {
        return 0;
    }
    size_t want = o->sb.cap > used ? o->sb.cap - used - 1 : 0;
    if (want == 0) {
        size_t grow = used < 32 * 1024 ? 32 * 1024 : used;
        if (o->limit >= 0 && (int64_t)(used + grow) > o->limit) {
            grow = (size_t)(o->limit - (int64_t)used);
        }
        sb_reserve(&o->sb, grow + 1);
        want = o->sb.cap - used - 1;
    }
    if (o->limit >= 0 && (int64_t)(used + want) > o->limit) {
        want = (size_t)(o->limit - (int64_t)used);
    }
    if (want > UINT_MAX) {
        want = UINT_MAX;
    }
    zs->next_out = (Bytef *)o->sb.data + used;
    zs->avail_out = (uInt)want;
    return 1;
}

// After a zlib call: count what it wrote.
static void out_commit(OutBuf *o, z_stream *zs) {
    o->sb.len = (size_t)((char *)zs->next_out - o->sb.data);
    o->sb.data[o->sb.len] = 0;
}

static void out_init(OutBuf *o, size_t first, int64_t limit) {
    sb_init(&o->sb);
    o->limit = limit;
    sb_reserve(&o->sb, (limit >= 0 && (int64_t)first > limit ? (size_t)limit : first) + 1);
}

static Value out_finish(OutBuf *o) {
    Value r = bytes_from(o->sb.data ? o->sb.data : "", o->sb.len);
    sb_free(&o->sb);
    return r;
}

// Input: zlib takes at most UINT_MAX bytes at a time.
static void in_arrange(z_stream *zs, size_t *remaining) {
    uInt n = *remaining > UINT_MAX ? UINT_MAX : (uInt)*remaining;
    zs->avail_in = n;
    *remaining -= n;
}

// The data argument: a window on a bytes-like object, copied into a bytes
// so that no window stays open across allocations.
static int data_arg(Value v, Value *out) {
    Buffer view;
    if (buffer_get_bytes_like(v, &view) < 0) {
        return -1;
    }
    *out = bytes_from(view.buf, (size_t)view.len);
    buffer_release(&view);
    return *out ? 0 : -1;
}

// ---- one-shot functions -------------------------------------------------------------------------

FN(zlib_compress) {
    static const char *const names[] = {"level", "wbits", NULL};
    ArgSpec spec = {"compress", 1, names, 1, 3, 0};
    Value a[3];
    Value data;
    int level, wbits;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || data_arg(a[0], &data) < 0 ||
        int_arg(a[1], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg(a[2], MAX_WBITS, &wbits) < 0) {
        return 0;
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, ZL_DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR) {
        return err_format(&exc_MemoryError, "Out of memory while compressing data");
    }
    if (err == Z_STREAM_ERROR) {
        return raise_zlib("Bad compression level");
    }
    if (err != Z_OK) {
        deflateEnd(&zs);
        return zlib_fail(&zs, err, "while compressing data");
    }
    size_t remaining = bytes_len(data);
    zs.next_in = (Bytef *)bytes_data(data);
    OutBuf o;
    out_init(&o, 32 * 1024, -1);
    int flush;
    do {
        in_arrange(&zs, &remaining);
        flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            out_arrange(&o, &zs);
            err = deflate(&zs, flush);
            out_commit(&o, &zs);
            if (err == Z_STREAM_ERROR) {
                deflateEnd(&zs);
                sb_free(&o.sb);
                return zlib_fail(&zs, err, "while compressing data");
            }
        } while (zs.avail_out == 0);
    } while (flush != Z_FINISH);
    gc_keep_alive(data);
    err = deflateEnd(&zs);
    if (err != Z_OK) {
        sb_free(&o.sb);
        return zlib_fail(&zs, err, "while finishing compression");
    }
    return out_finish(&o);
}

FN(zlib_decompress) {
    static const char *const names[] = {"wbits", "bufsize", NULL};
    ArgSpec spec = {"decompress", 1, names, 1, 3, 0};
    Value a[3];
    Value data;
    int wbits;
    int64_t bufsize;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || data_arg(a[0], &data) < 0 ||
        int_arg(a[1], MAX_WBITS, &wbits) < 0 || ssize_arg(a[2], ZL_DEF_BUF_SIZE, &bufsize) < 0) {
        return 0;
    }
    if (bufsize < 0) {
        return err_format(&exc_ValueError, "bufsize must be non-negative");
    }
    if (bufsize == 0) {
        bufsize = 1;
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    size_t remaining = bytes_len(data);
    zs.next_in = (Bytef *)bytes_data(data);
    int err = inflateInit2(&zs, wbits);
    if (err == Z_MEM_ERROR) {
        return err_format(&exc_MemoryError, "Out of memory while decompressing data");
    }
    if (err != Z_OK) {
        inflateEnd(&zs);
        return zlib_fail(&zs, err, "while preparing to decompress data");
    }
    OutBuf o;
    out_init(&o, (size_t)bufsize, -1);
    size_t left_before;
    do {
        in_arrange(&zs, &remaining);
        left_before = remaining;
        int flush = left_before == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            out_arrange(&o, &zs);
            err = inflate(&zs, flush);
            out_commit(&o, &zs);
            if (err == Z_MEM_ERROR) {
                inflateEnd(&zs);
                sb_free(&o.sb);
                return err_format(&exc_MemoryError, "Out of memory while decompressing data");
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                inflateEnd(&zs);
                sb_free(&o.sb);
                return zlib_fail(&zs, err, "while decompressing data");
            }
        } while (zs.avail_out == 0);
    } while (err != Z_STREAM_END && left_before != 0);
    gc_keep_alive(data);
    if (err != Z_STREAM_END) {
        inflateEnd(&zs);
        sb_free(&o.sb);
        return zlib_fail(&zs, err, "while decompressing data");
    }
    err = inflateEnd(&zs);
    if (err != Z_OK) {
        sb_free(&o.sb);
        return zlib_fail(&zs, err, "while finishing decompression");
    }
    return out_finish(&o);
}

static Value checksum(const char *fname, const Value *args, size_t nargs, Value kwnames,
                      uint32_t start, int adler) {
    Value data;
    uint32_t value = start;
    char qualified[32];
    snprintf(qualified, sizeof qualified, "zlib.%s", fname);
    if (args_no_keywords(qualified, kwnames) < 0 || args_check_positional(fname, nargs, 1, 2) < 0 ||
        data_arg(args[0], &data) < 0 || (nargs > 1 && bitwise_u32(args[1], &value) < 0)) {
        return 0;
    }
    const Bytef *p = (const Bytef *)bytes_data(data);
    size_t n = bytes_len(data);
    uLong v = value;
    while (n > 0) {
        uInt k = n > UINT_MAX ? UINT_MAX : (uInt)n;
        v = adler ? adler32(v, p, k) : crc32(v, p, k);
        p += k;
        n -= k;
    }
    gc_keep_alive(data);
    return int_from_u64((uint32_t)v);
}

FN(zlib_crc32) {
    return checksum("crc32", args, nargs, kwnames, 0, 0);
}

FN(zlib_adler32) {
    return checksum("adler32", args, nargs, kwnames, 1, 1);
}

// ---- Compress -----------------------------------------------------------------------------------

typedef struct CompressObject {
    Object header;
    int initialised;   // deflateInit2 succeeded and deflateEnd has not run
    z_stream zs;
} CompressObject;

static Type type_compress, type_decompress;

static void compress_free(Object *o) {
    CompressObject *c = (CompressObject *)o;
    if (c->initialised) {
        deflateEnd(&c->zs);
        c->initialised = 0;
    }
}

// Compress and Decompress objects are made by compressobj()/decompressobj().
static Value zlib_no_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances",
                      ((Type *)val_ptr(callable))->name);
}

static CompressObject *compress_alloc(void) {
    return (CompressObject *)gc_alloc(&type_compress, sizeof(CompressObject));
}

FN(zlib_compressobj) {
    static const char *const names[] = {"level", "method", "wbits", "memLevel", "strategy",
                                        "zdict", NULL};
    ArgSpec spec = {"compressobj", 0, names, 0, 6, 0};
    Value a[6];
    int level, method, wbits, memlevel, strategy;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 ||
        int_arg(a[0], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg(a[1], Z_DEFLATED, &method) < 0 ||
        int_arg(a[2], MAX_WBITS, &wbits) < 0 || int_arg(a[3], ZL_DEF_MEM_LEVEL, &memlevel) < 0 ||
        int_arg(a[4], Z_DEFAULT_STRATEGY, &strategy) < 0) {
        return 0;
    }
    Value zdict = 0;
    if (a[5]) {
        if (data_arg(a[5], &zdict) < 0) {
            return 0;
        }
        if (bytes_len(zdict) > UINT_MAX) {
            return err_format(&exc_OverflowError, "zdict length does not fit in an unsigned int");
        }
    }
    CompressObject *c = compress_alloc();
    if (!c) {
        return 0;
    }
    int err = deflateInit2(&c->zs, level, method, wbits, memlevel, strategy);
    switch (err) {
    case Z_OK:
        c->initialised = 1;
        if (zdict) {
            err = deflateSetDictionary(&c->zs, (const Bytef *)bytes_data(zdict),
                                       (uInt)bytes_len(zdict));
            if (err != Z_OK) {
                return err_format(&exc_ValueError, "Invalid dictionary");
            }
        }
        return val_from_ptr(c);
    case Z_MEM_ERROR:
        return err_format(&exc_MemoryError, "Can't allocate memory for compression object");
    case Z_STREAM_ERROR:
        return err_format(&exc_ValueError, "Invalid initialization option");
    default:
        return zlib_fail(&c->zs, err, "while creating compression object");
    }
}

static inline CompressObject *COMP(Value v) { return (CompressObject *)val_ptr(v); }

FN(compress_m_compress) {
    Value data;
    if (method_check_args("compress", nargs, kwnames, 1, 1) < 0 || data_arg(args[0], &data) < 0) {
        return 0;
    }
    CompressObject *c = COMP(self);
    size_t remaining = bytes_len(data);
    c->zs.next_in = (Bytef *)bytes_data(data);
    OutBuf o;
    out_init(&o, 32 * 1024, -1);
    do {
        in_arrange(&c->zs, &remaining);
        do {
            out_arrange(&o, &c->zs);
            int err = deflate(&c->zs, Z_NO_FLUSH);
            out_commit(&o, &c->zs);
            if (err == Z_STREAM_ERROR) {
                sb_free(&o.sb);
                return zlib_fail(&c->zs, err, "while compressing data");
            }
        } while (c->zs.avail_out == 0);
    } while (remaining != 0);
    gc_keep_alive(data);
    return out_finish(&o);
}

FN(compress_m_flush) {
    int mode;
    if (method_check_args("flush", nargs, kwnames, 0, 1) < 0 ||
        int_arg(nargs ? args[0] : 0, Z_FINISH, &mode) < 0) {
        return 0;
    }
    if (mode == Z_NO_FLUSH) {
        return bytes_from("", 0);
    }
    CompressObject *c = COMP(self);
    c->zs.avail_in = 0;
    OutBuf o;
    out_init(&o, 32 * 1024, -1);
    int err;
    do {
        out_arrange(&o, &c->zs);
        err = deflate(&c->zs, mode);
        out_commit(&o, &c->zs);
        if (err == Z_STREAM_ERROR) {
            sb_free(&o.sb);
            return zlib_fail(&c->zs, err, "while flushing");
        }
    } while (c->zs.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        err = deflateEnd(&c->zs);
        c->initialised = 0;
        if (err != Z_OK) {
            sb_free(&o.sb);
            return zlib_fail(&c->zs, err, "while finishing compression");
        }
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        sb_free(&o.sb);
        return zlib_fail(&c->zs, err, "while flushing");
    }
    return out_finish(&o);
}

static Value compress_copy(Value self) {
    CompressObject *c = COMP(self);
    if (!c->initialised) {
        return err_format(&exc_ValueError, "Inconsistent stream state");
    }
    CompressObject *n = compress_alloc();
    if (!n) {
        return 0;
    }
    int err = deflateCopy(&n->zs, &c->zs);
    if (err == Z_STREAM_ERROR) {
        return err_format(&exc_ValueError, "Inconsistent stream state");
    }
    if (err == Z_MEM_ERROR) {
        return err_format(&exc_MemoryError, "Can't allocate memory for compression object");
    }
    if (err != Z_OK) {
        return zlib_fail(&c->zs, err, "while copying compression object");
    }
    n->initialised = 1;
    return val_from_ptr(n);
}

FN(compress_m_copy) {
    if (method_check_args("copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return compress_copy(self);
}

FN(compress_m_deepcopy) {
    if (method_check_args("__deepcopy__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return compress_copy(self);
}

static const MethodDef compress_methods[] = {
    {"compress", compress_m_compress, METH_DEFAULT,
     "Returns a bytes object containing compressed data."},
    {"flush", compress_m_flush, METH_DEFAULT,
     "Return a bytes object containing any remaining compressed data."},
    {"copy", compress_m_copy, METH_DEFAULT, "Return a copy of the compression object."},
    {"__copy__", compress_m_copy, METH_DEFAULT, NULL},
    {"__deepcopy__", compress_m_deepcopy, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_compress = {
    .header = {&type_type},
    .name = "zlib.Compress",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(CompressObject),
    .base = &type_object,
    .free = compress_free,
    .new_ = zlib_no_new,
    .methods = compress_methods,
};

// ---- Decompress ---------------------------------------------------------------------------------

typedef struct DecompressObject {
    Object header;
    Value unused_data;       // bytes after the end of the stream
    Value unconsumed_tail;   // input not yet decompressed because of max_length
    Value zdict;             // 0 or a bytes
    int initialised;
    int eof;                 // the end of the compressed stream was reached
    z_stream zs;
} DecompressObject;

static void decompress_trace(Object *o, GcTracer *t) {
    DecompressObject *d = (DecompressObject *)o;
    gc_trace_value(t, d->unused_data);
    gc_trace_value(t, d->unconsumed_tail);
    gc_trace_value(t, d->zdict);
}

static void decompress_free(Object *o) {
    DecompressObject *d = (DecompressObject *)o;
    if (d->initialised) {
        inflateEnd(&d->zs);
        d->initialised = 0;
    }
}

static DecompressObject *decompress_alloc(void) {
    DecompressObject *d = (DecompressObject *)gc_alloc(&type_decompress, sizeof(DecompressObject));
    if (!d) {
        return NULL;
    }
    d->unused_data = bytes_from("", 0);
    d->unconsumed_tail = d->unused_data;
    return d->unused_data ? d : NULL;
}

static int set_inflate_zdict(DecompressObject *d) {
    Value z = d->zdict;
    int err = inflateSetDictionary(&d->zs, (const Bytef *)bytes_data(z), (uInt)bytes_len(z));
    if (err != Z_OK) {
        zlib_fail(&d->zs, err, "while setting zdict");
        return -1;
    }
    return 0;
}

FN(zlib_decompressobj) {
    static const char *const names[] = {"wbits", "zdict", NULL};
    ArgSpec spec = {"decompressobj", 0, names, 0, 2, 0};
    Value a[2];
    int wbits;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || int_arg(a[0], MAX_WBITS, &wbits) < 0) {
        return 0;
    }
    Value zdict = 0;
    if (a[1]) {
        if (!buffer_check(a[1])) {
            return err_format(&exc_TypeError, "zdict argument must support the buffer protocol");
        }
        if (data_arg(a[1], &zdict) < 0) {
            return 0;
        }
        if (bytes_len(zdict) > UINT_MAX) {
            return err_format(&exc_OverflowError, "zdict length does not fit in an unsigned int");
        }
    }
    DecompressObject *d = decompress_alloc();
    if (!d) {
        return 0;
    }
    d->zdict = zdict;
    int err = inflateInit2(&d->zs, wbits);
    switch (err) {
    case Z_OK:
        d->initialised = 1;
        if (zdict && wbits < 0 && set_inflate_zdict(d) < 0) {
            return 0;
        }
        return val_from_ptr(d);
    case Z_STREAM_ERROR:
        return err_format(&exc_ValueError, "Invalid initialization option");
    case Z_MEM_ERROR:
        return err_format(&exc_MemoryError, "Can't allocate memory for decompression object");
    default:
        return zlib_fail(&d->zs, err, "while creating decompression object");
    }
}

static inline DecompressObject *DECOMP(Value v) { return (DecompressObject *)val_ptr(v); }

// After a decompress or flush call: move what follows the end of the
// stream to unused_data, and what max_length left unread to
// unconsumed_tail. `rest` is input past what zlib was given (never more
// than UINT_MAX bytes behind next_in).
static int save_unconsumed(DecompressObject *d, int err, size_t rest) {
    size_t left = d->zs.avail_in + rest;
    if (err == Z_STREAM_END && left > 0) {
        size_t old = bytes_len(d->unused_data);
        BytesObject *n = bytes_alloc(old + left);
        if (!n) {
            return -1;
        }
        memcpy(n->data, bytes_data(d->unused_data), old);
        memcpy(n->data + old, d->zs.next_in, left);
        d->unused_data = val_from_ptr(n);
        d->zs.avail_in = 0;
        rest = 0;
        left = 0;
    }
    if (left > 0 || bytes_len(d->unconsumed_tail) > 0) {
        Value t = bytes_from(d->zs.next_in, left);
        if (!t) {
            return -1;
        }
        d->unconsumed_tail = t;
    }
    return 0;
}

// The common loop of decompress() and flush(): inflate data into o until
// the input is used up, the stream ends, or o's limit is reached. With
// `finish`, the last chunk of input is given with Z_FINISH. Returns zlib's
// last code, or -100 with an exception set.
static int inflate_loop(DecompressObject *d, Value data, OutBuf *o, int finish, size_t *rest) {
    int err = Z_OK;
    size_t remaining = bytes_len(data);
    d->zs.next_in = (Bytef *)bytes_data(data);
    size_t before;
    do {
        in_arrange(&d->zs, &remaining);
        before = remaining;
        int flush = finish ? (before == 0 ? Z_FINISH : Z_NO_FLUSH) : Z_SYNC_FLUSH;
        do {
            if (!out_arrange(o, &d->zs)) {
                *rest = remaining;
                return err;
            }
            err = inflate(&d->zs, flush);
            out_commit(o, &d->zs);
            if (err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END) {
                continue;
            }
            if (err == Z_NEED_DICT && d->zdict) {
                if (set_inflate_zdict(d) < 0) {
                    return -100;
                }
                continue;
            }
            *rest = remaining;
            return err;
        } while (d->zs.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && before != 0);
    *rest = remaining;
    return err;
}

FN(decompress_m_decompress) {
    static const char *const names[] = {"max_length", NULL};
    ArgSpec spec = {"decompress", 1, names, 1, 2, 0};
    Value a[2];
    Value data;
    int64_t max_length;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || data_arg(a[0], &data) < 0 ||
        ssize_arg(a[1], 0, &max_length) < 0) {
        return 0;
    }
    if (max_length < 0) {
        return err_format(&exc_ValueError, "max_length must be non-negative");
    }
    DecompressObject *d = DECOMP(self);
    OutBuf o;
    out_init(&o, max_length > 0 && max_length < ZL_DEF_BUF_SIZE ? (size_t)max_length
                                                                  : ZL_DEF_BUF_SIZE,
             max_length > 0 ? max_length : -1);
    size_t rest = 0;
    int err = inflate_loop(d, data, &o, 0, &rest);
    if (err == -100 || save_unconsumed(d, err, rest) < 0) {
        sb_free(&o.sb);
        return 0;
    }
    gc_keep_alive(data);
    if (err == Z_STREAM_END) {
        d->eof = 1;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        sb_free(&o.sb);
        return zlib_fail(&d->zs, err, "while decompressing data");
    }
    return out_finish(&o);
}

FN(decompress_m_flush) {
    int64_t length;
    if (method_check_args("flush", nargs, kwnames, 0, 1) < 0 ||
        ssize_arg(nargs ? args[0] : 0, ZL_DEF_BUF_SIZE, &length) < 0) {
        return 0;
    }
    if (length <= 0) {
        return err_format(&exc_ValueError, "length must be greater than zero");
    }
    DecompressObject *d = DECOMP(self);
    Value data = d->unconsumed_tail;
    OutBuf o;
    out_init(&o, (size_t)length, -1);
    size_t rest = 0;
    int err = inflate_loop(d, data, &o, 1, &rest);
    if (err == -100 || save_unconsumed(d, err, rest) < 0) {
        sb_free(&o.sb);
        return 0;
    }
    gc_keep_alive(data);
    if (err == Z_STREAM_END) {
        d->eof = 1;
        d->initialised = 0;
        err = inflateEnd(&d->zs);
        if (err != Z_OK) {
            sb_free(&o.sb);
            return zlib_fail(&d->zs, err, "while finishing decompression");
        }
    }
    return out_finish(&o);
}

static Value decompress_copy(Value self) {
    DecompressObject *d = DECOMP(self);
    if (!d->initialised) {
        return err_format(&exc_ValueError, "Inconsistent stream state");
    }
    DecompressObject *n = decompress_alloc();
    if (!n) {
        return 0;
    }
    int err = inflateCopy(&n->zs, &d->zs);
    if (err == Z_STREAM_ERROR) {
        return err_format(&exc_ValueError, "Inconsistent stream state");
    }
    if (err == Z_MEM_ERROR) {
        return err_format(&exc_MemoryError, "Can't allocate memory for decompression object");
    }
    if (err != Z_OK) {
        return zlib_fail(&d->zs, err, "while copying decompression object");
    }
    n->initialised = 1;
    n->unused_data = d->unused_data;
    n->unconsumed_tail = d->unconsumed_tail;
    n->zdict = d->zdict;
    n->eof = d->eof;
    return val_from_ptr(n);
}

FN(decompress_m_copy) {
    if (method_check_args("copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return decompress_copy(self);
}

FN(decompress_m_deepcopy) {
    if (method_check_args("__deepcopy__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return decompress_copy(self);
}

static const MethodDef decompress_methods[] = {
    {"decompress", decompress_m_decompress, METH_DEFAULT,
     "Return a bytes object containing the decompressed version of the data."},
    {"flush", decompress_m_flush, METH_DEFAULT,
     "Return a bytes object containing any remaining decompressed data."},
    {"copy", decompress_m_copy, METH_DEFAULT, "Return a copy of the decompression object."},
    {"__copy__", decompress_m_copy, METH_DEFAULT, NULL},
    {"__deepcopy__", decompress_m_deepcopy, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef decompress_members[] = {
    {"unused_data", MEMBER_VALUE_RO, offsetof(DecompressObject, unused_data), NULL},
    {"unconsumed_tail", MEMBER_VALUE_RO, offsetof(DecompressObject, unconsumed_tail), NULL},
    {NULL, 0, 0, NULL},
};

static Value decompress_get_eof(Value self) {
    return val_bool(DECOMP(self)->eof);
}

static const GetSetDef decompress_getset[] = {
    {"eof", decompress_get_eof, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_decompress = {
    .header = {&type_type},
    .name = "zlib.Decompress",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(DecompressObject),
    .base = &type_object,
    .trace = decompress_trace,
    .free = decompress_free,
    .new_ = zlib_no_new,
    .methods = decompress_methods,
    .members = decompress_members,
    .getset = decompress_getset,
};

// ---- the module ---------------------------------------------------------------------------------

static const MethodDef zlib_functions[] = {
    {"adler32", zlib_adler32, METH_DEFAULT, "Compute an Adler-32 checksum of data."},
    {"compress", zlib_compress, METH_DEFAULT, "Returns a bytes object containing compressed data."},
    {"compressobj", zlib_compressobj, METH_DEFAULT, "Return a compressor object."},
    {"crc32", zlib_crc32, METH_DEFAULT, "Compute a CRC-32 checksum of data."},
    {"decompress", zlib_decompress, METH_DEFAULT, "Returns a bytes object containing the "
     "uncompressed data."},
    {"decompressobj", zlib_decompressobj, METH_DEFAULT, "Return a decompressor object."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} zlib_constants[] = {
    {"MAX_WBITS", MAX_WBITS},
    {"DEFLATED", Z_DEFLATED},
    {"DEF_MEM_LEVEL", ZL_DEF_MEM_LEVEL},
    {"DEF_BUF_SIZE", ZL_DEF_BUF_SIZE},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

static Value new_exception(const char *name, Type *base) {
    Value bases = tuple_from((Value[]){val_from_ptr(base)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("zlib")) < 0) {
        return 0;
    }
    return type_new_class(&type_type, str_from_cstr(name), bases, ns);
}

Value zlib_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_compress) < 0 || type_ready(&type_decompress) < 0) {
        return 0;
    }
    gc_add_root(&zlib_error_type);
    zlib_error_type = new_exception("error", &exc_Exception);
    Value m = zlib_error_type ? module_new_cstr("zlib") : 0;
    if (!m || module_add_functions(m, zlib_functions) < 0 ||
        module_add(m, "error", zlib_error_type) < 0 ||
        module_add(m, "ZLIB_VERSION", str_from_cstr(ZLIB_VERSION)) < 0 ||
        module_add(m, "ZLIB_RUNTIME_VERSION", str_from_cstr(zlibVersion())) < 0 ||
        module_add(m, "__version__", str_from_cstr("1.0")) < 0 ||
        module_add(m, "__doc__", str_from_cstr(
            "The functions in this module allow compression and decompression using the\n"
            "zlib library, which is based on GNU zip.")) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof zlib_constants / sizeof zlib_constants[0]; i++) {
        if (module_add(m, zlib_constants[i].name, val_from_smallint(zlib_constants[i].value)) <
            0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(zlib, zlib_module_init)
