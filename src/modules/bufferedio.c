// bufferedio.c - _io.BufferedReader, BufferedWriter, BufferedRandom and
// BufferedRWPair: a buffer in front of a raw stream (FileIO, or any object
// with the RawIOBase methods).
//
// One layout serves the first three. A read-ahead buffer holds bytes read
// from the raw stream and not consumed yet (rbuf[rpos..rlen)); a write
// buffer holds bytes written and not yet given to the raw stream. The two
// are never both non-empty: BufferedRandom flushes pending writes before it
// reads, and before it writes it gives the raw stream's position back the
// bytes read ahead (a seek), so the raw position always equals the logical
// position plus the read-ahead, or minus the pending writes. tell() undoes
// that difference.
//
// The raw stream is called through its methods (readinto, write, seek,
// tell, readall), so a Python raw class works. raw.readinto gets a
// memoryview of a fresh bytearray (CPython lends a view of its buffer).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/memoryview.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "io.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct BufferedObject {
    IOObject base;
    Value raw;               // 0 until __init__, and after detach()
    int initialized, detached;
    int readable, writable;  // the roles of this type
    size_t buffer_size;
    char *rbuf;              // buffer_size bytes: read-ahead rbuf[rpos..rlen)
    size_t rpos, rlen;
    char *wbuf;              // buffer_size bytes: pending writes wbuf[0..wlen)
    size_t wlen;
    int busy;                // inside a method: a signal handler may not reenter
} BufferedObject;

#define BUF(v) ((BufferedObject *)val_ptr(v))

// "BufferedWriter.write" for argument errors: the _io class of self.
static const char *qualname(Value self, const char *method, char *buf, size_t cap) {
    const Type *t = type_of(self);
    while (t->flags & TYPE_HEAP) {
        t = t->base;
    }
    const char *name = strncmp(t->name, "_io.", 4) == 0 ? t->name + 4 : t->name;
    snprintf(buf, cap, "%s.%s", name, method);
    return buf;
}

static void buffered_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((IOObject *)o)->dict);
    gc_trace_value(t, ((BufferedObject *)o)->raw);
}

static void buffered_free(Object *o) {
    BufferedObject *b = (BufferedObject *)o;
    free(b->rbuf);
    free(b->wbuf);
    b->rbuf = b->wbuf = NULL;
}

static Value buffered_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    return val_from_ptr(gc_alloc(t, t->basic_size));
}

static int check_init(BufferedObject *b) {
    if (b->detached) {
        err_format(&exc_ValueError, "raw stream has been detached");
        return -1;
    }
    if (!b->initialized) {
        err_format(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

// Raise ValueError(msg) if the raw stream is closed (msg NULL: "I/O
// operation on closed file").
int io_closed_fast(Value obj) {
    Type *t = type_of(obj);
    if (t == &type_fileio) {
        return fileio_is_closed(obj);
    }
    if ((t == &type_bufferedwriter || t == &type_bufferedreader || t == &type_bufferedrandom) &&
        BUF(obj)->initialized && !BUF(obj)->detached && type_of(BUF(obj)->raw) == &type_fileio) {
        return fileio_is_closed(BUF(obj)->raw);
    }
    return io_is_closed(obj);
}

static int check_closed(BufferedObject *b, const char *what) {
    int c = io_closed_fast(b->raw);
    if (c < 0) {
        return -1;
    }
    if (c) {
        if (what) {
            err_format(&exc_ValueError, "%s", what);
        } else {
            io_closed_error();
        }
        return -1;
    }
    return 0;
}

static const char *const buffered_init_names[] = {"raw", "buffer_size", NULL};

// CPython's _PyIOBase_check_readable and friends on the raw stream: they
// call raw.readable() (not _checkReadable, which a raw object that is not
// an IOBase - tarfile's _FileInFile - lacks).
static Value raw_check(Value raw, const char *method, const char *msg) {
    Value r = io_call(raw, method, NULL, 0);
    if (!r) {
        return 0;
    }
    return r == VAL_TRUE ? r : io_unsupported(msg);
}

static Value buffered_init_roles(Value self, const Value *args, size_t nargs, Value kwnames,
                                 const char *fname, int readable, int writable) {
    BufferedObject *b = BUF(self);
    ArgSpec spec = {fname, 0, buffered_init_names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t size = IO_DEFAULT_BUFFER_SIZE;
    if (a[1] && obj_as_int64(a[1], &size) < 0) {
        return 0;
    }
    b->initialized = 0;
    if (readable && !raw_check(a[0], "readable", "File or stream is not readable.")) {
        return 0;
    }
    if (writable && !raw_check(a[0], "writable", "File or stream is not writable.")) {
        return 0;
    }
    if (readable && writable &&
        !raw_check(a[0], "seekable", "File or stream is not seekable.")) {
        return 0;
    }
    if (size <= 0) {
        return err_format(&exc_ValueError, "buffer size must be strictly positive");
    }
    buffered_free(val_ptr(self));
    b->rbuf = malloc((size_t)size);
    b->wbuf = malloc((size_t)size);
    if (!b->rbuf || !b->wbuf) {
        return err_no_memory();
    }
    b->raw = a[0];
    b->buffer_size = (size_t)size;
    b->rpos = b->rlen = b->wlen = 0;
    b->readable = readable;
    b->writable = writable;
    b->detached = 0;
    b->initialized = 1;
    return VAL_NONE;
}

static Value reader_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    return buffered_init_roles(self, args, nargs, kwnames, "BufferedReader", 1, 0);
}
static Value writer_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    return buffered_init_roles(self, args, nargs, kwnames, "BufferedWriter", 0, 1);
}
static Value random_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    return buffered_init_roles(self, args, nargs, kwnames, "BufferedRandom", 1, 1);
}

// ---- talking to the raw stream -----------------------------------------------------

// BlockingIOError(EAGAIN, "write could not complete without blocking",
// written): characters_written tells the caller how much was taken.
static Value blocking_error(size_t written) {
    Value a[3] = {val_from_smallint(EAGAIN),
                  str_from_cstr("write could not complete without blocking"),
                  int_from_i64((int64_t)written)};
    Value exc = a[1] ? obj_call(val_from_ptr(&exc_BlockingIOError), a, 3, 0) : 0;
    return exc ? err_set_value(exc) : 0;
}

// Write out the pending bytes. 0, or -1.
static int flush_writes(BufferedObject *b) {
    size_t done = 0;
    while (done < b->wlen) {
        Value chunk = bytes_from(b->wbuf + done, b->wlen - done);
        Value n = chunk ? io_call(b->raw, "write", &chunk, 1) : 0;
        if (!n) {
            // A failed write (a broken pipe) drops what was pending, so that
            // it fails once, not again at every flush and at exit (what
            // CPython's standard streams show).
            b->wlen = 0;
            return -1;
        }
        if (n == VAL_NONE) {
            memmove(b->wbuf, b->wbuf + done, b->wlen - done);
            b->wlen -= done;
            blocking_error(0);
            return -1;
        }
        int64_t w;
        if (obj_as_int64(n, &w) < 0) {
            return -1;
        }
        if (w < 0 || (size_t)w > b->wlen - done) {
            err_format(&exc_OSError, "raw write() returned invalid length %lld (should have been "
                                     "between 0 and %zu)",
                       (long long)w, b->wlen - done);
            return -1;
        }
        done += (size_t)w;
        // A write that a signal cut short returns a partial count: run the
        // handlers before the next write blocks, perhaps for ever.
        if (signal_check_pending() < 0) {
            memmove(b->wbuf, b->wbuf + done, b->wlen - done);
            b->wlen -= done;
            return -1;
        }
    }
    b->wlen = 0;
    return 0;
}

// Give the raw stream back the bytes read ahead, so that its position is
// the logical one again. 0, or -1.
static int drop_readahead(BufferedObject *b) {
    size_t ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (ahead == 0) {
        return 0;
    }
    Value a[2] = {int_from_i64(-(int64_t)ahead), val_from_smallint(1)};
    return io_call(b->raw, "seek", a, 2) ? 0 : -1;
}

// raw.readinto() of n bytes: bytes, None (would block), or 0.
static Value raw_read(BufferedObject *b, size_t n) {
    Value ba = bytearray_from("", 0);
    if (!ba || bytearray_resize(ba, n) < 0) {
        return 0;
    }
    Value view = obj_call(val_from_ptr(&type_memoryview), &ba, 1, 0);
    Value r = view ? io_call(b->raw, "readinto", &view, 1) : 0;
    if (view) {
        Value released = io_call(view, "release", NULL, 0);
        if (!released && r) {
            return 0;
        }
    }
    if (!r || r == VAL_NONE) {
        return r;
    }
    int64_t got;
    if (!int_check(r) && !obj_lookup_special(r, str_intern_cstr("__index__"))) {
        // CPython: the TypeError becomes the cause of an OSError.
        if (!err_occurred()) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(r));
        }
        Value cause = err_fetch();
        Value exc = err_format(&exc_OSError, "raw readinto() failed");
        (void)exc;
        Value os = err_fetch();
        if (os && cause) {
            obj_setattr(os, str_intern_cstr("__cause__"), cause);
            obj_setattr(os, str_intern_cstr("__context__"), cause);
        }
        err_set_value(os);
        return 0;
    }
    if (obj_as_int64(r, &got) < 0) {
        return 0;
    }
    if (got < 0 || (uint64_t)got > n) {
        return err_format(&exc_OSError, "raw readinto() returned invalid length %lld (should have "
                                        "been between 0 and %zu)",
                          (long long)got, n);
    }
    return bytes_from(bytearray_obj(ba)->data, (size_t)got);
}

// Refill the (empty) read-ahead buffer: 1 if bytes came, 0 at end of file
// or when the raw stream would block (*blocked set), -1 on error.
static int fill_readahead(BufferedObject *b, int *blocked) {
    if (b->wlen && flush_writes(b) < 0) {
        return -1;
    }
    b->rpos = b->rlen = 0;
    Value r = raw_read(b, b->buffer_size);
    if (!r) {
        return -1;
    }
    if (r == VAL_NONE) {
        if (blocked) {
            *blocked = 1;
        }
        return 0;
    }
    memcpy(b->rbuf, bytes_data(r), bytes_len(r));
    b->rlen = bytes_len(r);
    return b->rlen > 0;
}

static int check_readable(BufferedObject *b) {
    if (!b->readable) {
        io_unsupported("read");
        return -1;
    }
    return 0;
}

static int check_writable(BufferedObject *b) {
    if (!b->writable) {
        io_unsupported("write");
        return -1;
    }
    return 0;
}

// ---- reading ------------------------------------------------------------------------------

static Value read_all(BufferedObject *b) {
    StrBuf sb;
    sb_init(&sb);
    sb_put(&sb, b->rbuf + b->rpos, b->rlen - b->rpos);
    b->rpos = b->rlen = 0;
    Value result = 0;
    if (b->wlen && flush_writes(b) < 0) {
        goto done;
    }
    Value readall = obj_getattr_opt(b->raw, str_intern_cstr("readall"));
    if (readall) {
        Value r = obj_call0(readall);
        if (!r) {
            goto done;
        }
        if (r == VAL_NONE) {
            result = sb.len ? bytes_from(sb.data, sb.len) : VAL_NONE;
            goto done;
        }
        if (!val_is_bytes(r)) {
            err_format(&exc_TypeError, "readall() should return bytes");
            goto done;
        }
        sb_put(&sb, bytes_data(r), bytes_len(r));
    } else {
        if (err_occurred()) {
            goto done;
        }
        for (;;) {
            Value r = raw_read(b, b->buffer_size);
            if (!r) {
                goto done;
            }
            if (r == VAL_NONE) {
                if (sb.len == 0) {
                    result = VAL_NONE;
                    goto done;
                }
                break;
            }
            if (bytes_len(r) == 0) {
                break;
            }
            sb_put(&sb, bytes_data(r), bytes_len(r));
        }
    }
    result = bytes_from(sb.data ? sb.data : "", sb.len);
done:
    sb_free(&sb);
    return result;
}

// read(n) for n >= 0: until n bytes or end of file (or a raw stream that
// would block).
static Value read_n(BufferedObject *b, size_t n) {
    size_t avail = b->rlen - b->rpos;
    if (n <= avail) {
        Value r = bytes_from(b->rbuf + b->rpos, n);
        if (r) {
            b->rpos += n;
        }
        return r;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_put(&sb, b->rbuf + b->rpos, avail);
    b->rpos = b->rlen = 0;
    Value result = 0;
    while (sb.len < n) {
        size_t want = n - sb.len;
        if (want >= b->buffer_size) {
            // Large reads go straight to the raw stream.
            if (b->wlen && flush_writes(b) < 0) {
                goto done;
            }
            Value r = raw_read(b, want);
            if (!r) {
                goto done;
            }
            if (r == VAL_NONE) {
                if (sb.len == 0) {
                    result = VAL_NONE;
                    goto done;
                }
                break;
            }
            if (bytes_len(r) == 0) {
                break;
            }
            sb_put(&sb, bytes_data(r), bytes_len(r));
            continue;
        }
        int blocked = 0;
        int got = fill_readahead(b, &blocked);
        if (got < 0) {
            goto done;
        }
        if (!got) {
            if (blocked && sb.len == 0) {
                result = VAL_NONE;
                goto done;
            }
            break;
        }
        size_t take = b->rlen < want ? b->rlen : want;
        sb_put(&sb, b->rbuf, take);
        b->rpos = take;
    }
    result = bytes_from(sb.data ? sb.data : "", sb.len);
done:
    sb_free(&sb);
    return result;
}

FN(buffered_read) {
    if (args_check_positional("read", nargs, 0, 1) < 0 || args_no_keywords("read", kwnames) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    int64_t n;
    if (check_init(b) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0 || check_readable(b) < 0) {
        return 0;
    }
    if (n < -1) {
        return err_format(&exc_ValueError, "read length must be non-negative or -1");
    }
    if (b->rpos == b->rlen && check_closed(b, "read of closed file") < 0) {
        return 0;
    }
    return n < 0 ? read_all(b) : read_n(b, (size_t)n);
}

FN(buffered_read1) {
    if (args_check_positional("read1", nargs, 0, 1) < 0 || args_no_keywords("read1", kwnames) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    int64_t n;
    if (check_init(b) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0 || check_readable(b) < 0 ||
        check_closed(b, "read of closed file") < 0) {
        return 0;
    }
    if (n < 0) {
        n = (int64_t)b->buffer_size;
    }
    if (n == 0) {
        return bytes_from("", 0);
    }
    if (b->rpos == b->rlen) {
        if ((size_t)n > b->buffer_size) {
            if (b->wlen && flush_writes(b) < 0) {
                return 0;
            }
            Value r = raw_read(b, (size_t)n);
            return !r ? 0 : r == VAL_NONE ? bytes_from("", 0) : r;
        }
        if (fill_readahead(b, NULL) < 0) {
            return 0;
        }
    }
    size_t avail = b->rlen - b->rpos;
    size_t take = (size_t)n < avail ? (size_t)n : avail;
    Value r = bytes_from(b->rbuf + b->rpos, take);
    if (r) {
        b->rpos += take;
    }
    return r;
}

FN(buffered_peek) {
    if (args_check_positional("peek", nargs, 0, 1) < 0 || args_no_keywords("peek", kwnames) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0 || check_readable(b) < 0 || check_closed(b, "peek of closed file") < 0) {
        return 0;
    }
    if (b->rpos == b->rlen && fill_readahead(b, NULL) < 0) {
        return 0;
    }
    return bytes_from(b->rbuf + b->rpos, b->rlen - b->rpos);
}

FN(buffered_readline) {
    if (args_check_positional("readline", nargs, 0, 1) < 0 ||
        args_no_keywords("readline", kwnames) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    int64_t limit;
    if (check_init(b) < 0 || io_size_arg(nargs ? args[0] : 0, &limit) < 0 ||
        check_readable(b) < 0 || check_closed(b, "readline of closed file") < 0) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    for (;;) {
        size_t avail = b->rlen - b->rpos;
        if (avail == 0) {
            int got = fill_readahead(b, NULL);
            if (got < 0) {
                goto done;
            }
            if (!got) {
                break;
            }
            continue;
        }
        size_t take = avail;
        if (limit >= 0 && (int64_t)(sb.len + take) > limit) {
            take = (size_t)limit - sb.len;
        }
        const char *nl = memchr(b->rbuf + b->rpos, '\n', take);
        if (nl) {
            take = (size_t)(nl - (b->rbuf + b->rpos)) + 1;
            if (sb.len == 0) {
                // The whole line is in the read-ahead.
                result = bytes_from(b->rbuf + b->rpos, take);
                if (result) {
                    b->rpos += take;
                }
                goto done;
            }
        }
        sb_put(&sb, b->rbuf + b->rpos, take);
        b->rpos += take;
        if (nl || (limit >= 0 && (int64_t)sb.len >= limit)) {
            break;
        }
    }
    result = bytes_from(sb.data ? sb.data : "", sb.len);
done:
    sb_free(&sb);
    return result;
}

static Value buffered_iternext(Value self) {
    Value line = buffered_readline(self, NULL, 0, 0);
    if (!line || bytes_len(line) == 0) {
        return 0;
    }
    return line;
}

// CPython's _buffered_readinto_generic: what is buffered first; then a
// request larger than the buffer goes straight to the raw stream, a
// smaller one refills the buffer. readinto1 makes at most one raw read, and
// none when the buffer gave something.
static Value readinto_generic(BufferedObject *b, Buffer *view, int one) {
    char *out = view->buf;
    size_t len = (size_t)view->len;
    size_t written = b->rlen - b->rpos;
    if (written >= len) {
        memcpy(out, b->rbuf + b->rpos, len);
        b->rpos += len;
        return int_from_i64((int64_t)len);
    }
    if (written == 0 && check_closed(b, "readinto of closed file") < 0) {
        return 0;
    }
    memcpy(out, b->rbuf + b->rpos, written);
    b->rpos = b->rlen = 0;
    if (b->wlen && flush_writes(b) < 0) {
        return 0;
    }
    while (written < len) {
        size_t remaining = len - written;
        if (remaining > b->buffer_size) {
            Value r = raw_read(b, remaining);
            if (!r) {
                return 0;
            }
            if (r == VAL_NONE) {
                return written ? int_from_i64((int64_t)written) : VAL_NONE;
            }
            size_t n = bytes_len(r);
            if (n == 0) {
                break;
            }
            memcpy(out + written, bytes_data(r), n);
            written += n;
            if (one) {
                break;
            }
            continue;
        }
        if (one && written) {
            break;
        }
        int blocked = 0;
        int got = fill_readahead(b, &blocked);
        if (got < 0) {
            return 0;
        }
        if (!got) {
            if (blocked && !written) {
                return VAL_NONE;
            }
            break;
        }
        size_t n = b->rlen < remaining ? b->rlen : remaining;
        memcpy(out + written, b->rbuf, n);
        b->rpos = n;
        written += n;
    }
    return int_from_i64((int64_t)written);
}

static Value buffered_readinto_impl(Value self, const Value *args, size_t nargs, Value kwnames,
                                    const char *method, int one) {
    char qn[64];
    if (method_check_args(qualname(self, method, qn, sizeof qn), nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    Buffer view;
    if (check_init(b) < 0 || check_readable(b) < 0 || io_get_writable_buffer(args[0], &view) < 0) {
        return 0;
    }
    Value r = readinto_generic(b, &view, one);
    buffer_release(&view);
    return r;
}

FN(buffered_readinto) { return buffered_readinto_impl(self, args, nargs, kwnames, "readinto", 0); }
FN(buffered_readinto1) { return buffered_readinto_impl(self, args, nargs, kwnames, "readinto1", 1); }

// ---- writing ----------------------------------------------------------------------------

// Write data[0..len) as CPython's BufferedWriter does: into the buffer if
// it fits; else flush the buffer, send the raw stream all but the last
// buffer's worth, and buffer the rest. A raw stream that would block keeps
// as much as the buffer holds and raises BlockingIOError.
Value bufferedio_write_data(Value self, const char *data, size_t len) {
    BufferedObject *b = BUF(self);
    if (check_closed(b, "write to closed file") < 0) {
        return 0;
    }
    if (b->rlen != b->rpos || b->rlen) {
        if (drop_readahead(b) < 0) {
            return 0;
        }
    }
    if (b->wlen + len <= b->buffer_size) {
        memcpy(b->wbuf + b->wlen, data, len);
        b->wlen += len;
        return int_from_i64((int64_t)len);
    }
    if (flush_writes(b) < 0) {
        if (!err_matches(&exc_BlockingIOError)) {
            return 0;
        }
        // flush_writes kept what it could not write at the front.
        size_t avail = b->buffer_size - b->wlen;
        if (len <= avail) {
            err_clear();
            memcpy(b->wbuf + b->wlen, data, len);
            b->wlen += len;
            return int_from_i64((int64_t)len);
        }
        err_clear();
        memcpy(b->wbuf + b->wlen, data, avail);
        b->wlen += avail;
        return blocking_error(avail);
    }
    size_t done = 0;
    while (len - done > b->buffer_size) {
        Value chunk = bytes_from(data + done, len - done);
        Value n = chunk ? io_call(b->raw, "write", &chunk, 1) : 0;
        if (!n) {
            return 0;
        }
        if (n == VAL_NONE) {
            // Would block: buffer as much as fits, and say how much was taken.
            memcpy(b->wbuf, data + done, b->buffer_size);
            b->wlen = b->buffer_size;
            return blocking_error(done + b->buffer_size);
        }
        int64_t w;
        if (obj_as_int64(n, &w) < 0) {
            return 0;
        }
        if (w < 0 || (size_t)w > len - done) {
            return err_format(&exc_OSError,
                              "raw write() returned invalid length %lld (should have "
                              "been between 0 and %zu)",
                              (long long)w, len - done);
        }
        done += (size_t)w;
        // A write that a signal cut short: run the handlers before the
        // next one blocks.
        if (signal_check_pending() < 0) {
            return 0;
        }
    }
    memcpy(b->wbuf, data + done, len - done);
    b->wlen = len - done;
    return int_from_i64((int64_t)len);
}

FN(buffered_write) {
    char qn[64];
    if (method_check_args(qualname(self, "write", qn, sizeof qn), nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0 || check_writable(b) < 0) {
        return 0;
    }
    // The window stays open while the raw stream's Python code may run (a
    // bytearray cannot be resized under us).
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    Value r = bufferedio_write_data(self, view.buf, (size_t)view.len);
    buffer_release(&view);
    return r;
}

static Value buffered_flush_impl(Value self, const char *what) {
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    if (b->writable) {
        if (check_closed(b, what) < 0) {
            return 0;
        }
        // flush() also gives back the read-ahead (BufferedRandom): the raw
        // position becomes the logical one, so a later read sees what
        // others wrote there.
        if (flush_writes(b) < 0 || (b->readable && drop_readahead(b) < 0)) {
            return 0;
        }
        Value f = io_call(b->raw, "flush", NULL, 0);
        if (!f) {
            return 0;
        }
    } else if (check_closed(b, NULL) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(buffered_flush) {
    char qn[64];
    if (method_check_args(qualname(self, "flush", qn, sizeof qn), nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return buffered_flush_impl(self, "flush of closed file");
}

// ---- positioning --------------------------------------------------------------------------

static Value buffered_tell_value(BufferedObject *b) {
    Value pos = io_call(b->raw, "tell", NULL, 0);
    if (!pos) {
        return 0;
    }
    int64_t p;
    if (obj_as_int64(pos, &p) < 0) {
        return 0;
    }
    if (p < 0) {
        return err_format(&exc_OSError, "Raw stream returned invalid position %lld", (long long)p);
    }
    p = p - (int64_t)(b->rlen - b->rpos) + (int64_t)b->wlen;
    return int_from_i64(p < 0 ? 0 : p);
}

FN(buffered_tell) {
    char qn[64];
    if (method_check_args(qualname(self, "tell", qn, sizeof qn), nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    return buffered_tell_value(b);
}

FN(buffered_seek) {
    if (args_check_positional("seek", nargs, 1, 2) < 0 || args_no_keywords("seek", kwnames) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    if (!int_check(args[0]) && !obj_lookup_special(args[0], str_intern_cstr("__index__"))) {
        return err_occurred() ? 0
                              : err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                           obj_type_name(args[0]));
    }
    int64_t pos, whence = 0;
    if (obj_as_int64(args[0], &pos) < 0 || (nargs > 1 && obj_as_int64(args[1], &whence) < 0)) {
        return 0;
    }
    if (whence < 0 || whence > 4) {
        return err_format(&exc_ValueError, "whence value %lld unsupported", (long long)whence);
    }
    if (check_closed(b, "seek of closed file") < 0 || !raw_check(b->raw, "seekable", "File or stream is not seekable.")) {
        return 0;
    }
    // A seek within the read-ahead needs no system call.
    if ((whence == 0 || whence == 1) && b->rlen > 0 && b->wlen == 0) {
        Value cur = buffered_tell_value(b);
        int64_t c;
        if (!cur || obj_as_int64(cur, &c) < 0) {
            return 0;
        }
        int64_t target = whence == 0 ? pos : c + pos;
        int64_t start = c - (int64_t)b->rpos;  // position of rbuf[0]
        if (target >= start && target <= start + (int64_t)b->rlen) {
            b->rpos = (size_t)(target - start);
            return int_from_i64(target);
        }
    }
    if (flush_writes(b) < 0) {
        return 0;
    }
    if (whence == 1) {
        pos -= (int64_t)(b->rlen - b->rpos);
    }
    b->rpos = b->rlen = 0;
    Value a[2] = {int_from_i64(pos), int_from_i64(whence)};
    Value r = io_call(b->raw, "seek", a, 2);
    int64_t n;
    if (!r || obj_as_int64(r, &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return err_format(&exc_OSError, "Raw stream returned invalid position %lld", (long long)n);
    }
    return r;
}

FN(buffered_truncate) {
    if (args_check_positional("truncate", nargs, 0, 1) < 0 ||
        args_no_keywords("truncate", kwnames) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0 || check_closed(b, "truncate of closed file") < 0) {
        return 0;
    }
    if (!b->writable) {
        return io_unsupported("truncate");
    }
    Value pos = nargs ? args[0] : VAL_NONE;
    if (pos == VAL_NONE) {
        pos = buffered_tell_value(b);
        if (!pos) {
            return 0;
        }
    }
    if (flush_writes(b) < 0 || drop_readahead(b) < 0) {
        return 0;
    }
    Value r = io_call(b->raw, "truncate", &pos, 1);
    if (!r) {
        return 0;
    }
    return r;
}

// ---- closing and the rest -------------------------------------------------------------------

FN(buffered_close) {
    char qn[64];
    if (method_check_args(qualname(self, "close", qn, sizeof qn), nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    int c = io_is_closed(b->raw);
    if (c < 0) {
        return 0;
    }
    if (c) {
        return VAL_NONE;
    }
    // self.flush(), looked up: a subclass's or an instance's flush counts.
    Value flushed = io_call(self, "flush", NULL, 0);
    Value exc = flushed ? 0 : err_fetch();
    b->rpos = b->rlen = 0;
    Value r = io_call(b->raw, "close", NULL, 0);
    if (exc) {
        if (!r) {
            Value later = err_fetch();
            if (later) {
                obj_setattr(later, str_intern_cstr("__context__"), exc);
                err_clear();
                err_set_value(later);
                return 0;
            }
        }
        err_set_value(exc);
        return 0;
    }
    b->base.iobase_closed = 1;
    return r ? VAL_NONE : 0;
}

FN(buffered_detach) {
    char qn[64];
    if (method_check_args(qualname(self, "detach", qn, sizeof qn), nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    if (b->writable && !buffered_flush_impl(self, "flush of closed file")) {
        return 0;
    }
    Value raw = b->raw;
    b->raw = 0;
    b->detached = 1;
    return raw;
}

#define DELEGATE(cname, method)                                        \
    FN(cname) {                                                        \
        BufferedObject *b = BUF(self);                                 \
        if (check_init(b) < 0) {                                       \
            return 0;                                                  \
        }                                                              \
        return io_call(b->raw, method, args, nargs);                   \
    }
DELEGATE(buffered_fileno, "fileno")
DELEGATE(buffered_isatty, "isatty")
DELEGATE(buffered_seekable, "seekable")
#undef DELEGATE

// The type's role decides first: a BufferedReader is not writable whatever
// its raw stream is (CPython's reader inherits IOBase.writable).
static int has_role(Value self, int writing) {
    const Type *t = type_of(self);
    while (t->flags & TYPE_HEAP) {
        t = t->base;
    }
    return t == &type_bufferedrandom ||
           t == (writing ? &type_bufferedwriter : &type_bufferedreader);
}

FN(buffered_readable) {
    if (!has_role(self, 0)) {
        return VAL_FALSE;
    }
    if (check_init(BUF(self)) < 0) {
        return 0;
    }
    return io_call(BUF(self)->raw, "readable", args, nargs);
}

FN(buffered_writable) {
    if (!has_role(self, 1)) {
        return VAL_FALSE;
    }
    if (check_init(BUF(self)) < 0) {
        return 0;
    }
    return io_call(BUF(self)->raw, "writable", args, nargs);
}

static Value raw_attr(Value self, const char *name) {
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    return obj_getattr_cstr(b->raw, name);
}

static Value buffered_get_closed(Value self) { return raw_attr(self, "closed"); }
static Value buffered_get_name(Value self) { return raw_attr(self, "name"); }
static Value buffered_get_mode(Value self) { return raw_attr(self, "mode"); }
static Value buffered_get_raw(Value self) {
    BufferedObject *b = BUF(self);
    if (check_init(b) < 0) {
        return 0;
    }
    return b->raw;
}

static Value buffered_repr(Value self) {
    BufferedObject *b = BUF(self);
    if (!b->initialized || b->detached) {
        return str_format_c("<%s>", type_of(self)->name);
    }
    return io_repr_with_name(self, NULL);
}

// The finalizer flushes but does not close: at exit, finalizers run in
// creation order (gc_collect_hiding), so a TextIOWrapper over this object is
// finalized after it and must still be able to write its pending text. The
// descriptor is closed when the FileIO is freed.
static Value buffered_finalize(Value self) {
    BufferedObject *b = BUF(self);
    if (b->initialized && !b->detached && io_closed_fast(b->raw) == 0) {
        io_dealloc_warn(b->raw, self);
    }
    if (b->initialized && !b->detached && b->writable && b->wlen) {
        int c = io_closed_fast(b->raw);
        if (c == 0) {
            flush_writes(b);
        }
    }
    err_clear();
    return VAL_NONE;
}

// CPython's buffer lock, single-threaded: a signal handler that calls the
// object it interrupted gets RuntimeError, not a buffer changed under the
// caller's feet.
static Value reentrant_error(Value self) {
    Value msg = str_format_c("reentrant call inside %R", self);
    Value exc = msg ? obj_call(val_from_ptr(&exc_RuntimeError), &msg, 1, 0) : 0;
    return exc ? err_set_value(exc) : 0;
}

#define GUARDED(guarded, impl)                                                      \
    FN(guarded) {                                                                   \
        BufferedObject *b = BUF(self);                                              \
        if (b->busy) {                                                              \
            return reentrant_error(self);                                           \
        }                                                                           \
        b->busy = 1;                                                                \
        Value r = impl(self, args, nargs, kwnames);                                 \
        b->busy = 0;                                                                \
        return r;                                                                   \
    }
GUARDED(guarded_read, buffered_read)
GUARDED(guarded_read1, buffered_read1)
GUARDED(guarded_peek, buffered_peek)
GUARDED(guarded_readline, buffered_readline)
GUARDED(guarded_readinto, buffered_readinto)
GUARDED(guarded_readinto1, buffered_readinto1)
GUARDED(guarded_write, buffered_write)
GUARDED(guarded_flush, buffered_flush)
GUARDED(guarded_seek, buffered_seek)
GUARDED(guarded_truncate, buffered_truncate)
#undef GUARDED

// _dealloc_warn(source): passed on to the raw stream (a wrapper over this
// object is being finalized unclosed).
FN(buffered_dealloc_warn) {
    if (method_check_args("_dealloc_warn", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    BufferedObject *b = BUF(self);
    if (b->initialized && !b->detached) {
        io_dealloc_warn(b->raw, args[0]);
    }
    return VAL_NONE;
}

static const MethodDef buffered_methods[] = {
    {"read", guarded_read, METH_DEFAULT, NULL},
    {"read1", guarded_read1, METH_DEFAULT, NULL},
    {"peek", guarded_peek, METH_DEFAULT, NULL},
    {"readline", guarded_readline, METH_DEFAULT, NULL},
    {"readinto", guarded_readinto, METH_DEFAULT, NULL},
    {"readinto1", guarded_readinto1, METH_DEFAULT, NULL},
    {"write", guarded_write, METH_DEFAULT, NULL},
    {"flush", guarded_flush, METH_DEFAULT, NULL},
    {"tell", buffered_tell, METH_DEFAULT, NULL},
    {"seek", guarded_seek, METH_DEFAULT, NULL},
    {"truncate", guarded_truncate, METH_DEFAULT, NULL},
    {"close", buffered_close, METH_DEFAULT, NULL},
    {"detach", buffered_detach, METH_DEFAULT, NULL},
    {"fileno", buffered_fileno, METH_DEFAULT, NULL},
    {"isatty", buffered_isatty, METH_DEFAULT, NULL},
    {"seekable", buffered_seekable, METH_DEFAULT, NULL},
    {"readable", buffered_readable, METH_DEFAULT, NULL},
    {"writable", buffered_writable, METH_DEFAULT, NULL},
    {"_dealloc_warn", buffered_dealloc_warn, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef buffered_getset[] = {
    {"closed", buffered_get_closed, NULL, NULL},
    {"name", buffered_get_name, NULL, NULL},
    {"mode", buffered_get_mode, NULL, NULL},
    {"raw", buffered_get_raw, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, tname, initfn)                              \
    Type var = {                                                       \
        .header = {&type_type},                                        \
        .name = tname,                                                 \
        .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER, \
        .basic_size = sizeof(BufferedObject),                          \
        .base = &type_bufferediobase,                                  \
        .trace = buffered_trace,                                       \
        .free = buffered_free,                                         \
        .finalize = buffered_finalize,                                 \
        .new_ = buffered_new,                                          \
        .init = initfn,                                                \
        .repr = buffered_repr,                                         \
        .iternext = buffered_iternext,                                 \
        .methods = buffered_methods,                                   \
        .getset = buffered_getset,                                     \
    };
BUFFERED_TYPE(type_bufferedreader, "_io.BufferedReader", reader_init)
BUFFERED_TYPE(type_bufferedwriter, "_io.BufferedWriter", writer_init)
BUFFERED_TYPE(type_bufferedrandom, "_io.BufferedRandom", random_init)
#undef BUFFERED_TYPE

// ---- BufferedRWPair -------------------------------------------------------------------------
// A reader and a writer over two raw streams (a pipe's two ends).

typedef struct RWPairObject {
    IOObject base;
    Value reader, writer;  // a BufferedReader and a BufferedWriter
} RWPairObject;

#define PAIR(v) ((RWPairObject *)val_ptr(v))

static void rwpair_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((IOObject *)o)->dict);
    gc_trace_value(t, ((RWPairObject *)o)->reader);
    gc_trace_value(t, ((RWPairObject *)o)->writer);
}

static Value rwpair_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"reader", "writer", "buffer_size", NULL};
    ArgSpec spec = {"BufferedRWPair", 0, names, 2, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value size = a[2] ? a[2] : val_from_smallint(IO_DEFAULT_BUFFER_SIZE);
    Value ra[2] = {a[0], size}, wa[2] = {a[1], size};
    Value r = obj_call(val_from_ptr(&type_bufferedreader), ra, 2, 0);
    Value w = r ? obj_call(val_from_ptr(&type_bufferedwriter), wa, 2, 0) : 0;
    if (!w) {
        return 0;
    }
    PAIR(self)->reader = r;
    PAIR(self)->writer = w;
    return VAL_NONE;
}

static int rwpair_check(Value self) {
    if (!PAIR(self)->reader) {
        err_format(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

#define PAIR_FORWARD(cname, side, method)                              \
    FN(cname) {                                                        \
        if (rwpair_check(self) < 0) {                                  \
            return 0;                                                  \
        }                                                              \
        Value target = PAIR(self)->side;                               \
        Value m = obj_getattr_cstr(target, method);                    \
        return m ? obj_call(m, args, nargs, kwnames) : 0;              \
    }
PAIR_FORWARD(rwpair_read, reader, "read")
PAIR_FORWARD(rwpair_read1, reader, "read1")
PAIR_FORWARD(rwpair_peek, reader, "peek")
PAIR_FORWARD(rwpair_readinto, reader, "readinto")
PAIR_FORWARD(rwpair_readinto1, reader, "readinto1")
PAIR_FORWARD(rwpair_readable, reader, "readable")
PAIR_FORWARD(rwpair_write, writer, "write")
PAIR_FORWARD(rwpair_flush, writer, "flush")
PAIR_FORWARD(rwpair_writable, writer, "writable")
#undef PAIR_FORWARD

FN(rwpair_close) {
    if (rwpair_check(self) < 0) {
        return 0;
    }
    Value w = io_call(PAIR(self)->writer, "close", NULL, 0);
    Value exc = w ? 0 : err_fetch();
    Value r = io_call(PAIR(self)->reader, "close", NULL, 0);
    if (exc) {
        // Both failed: the reader's error, with the writer's as its context.
        Value later = r ? 0 : err_fetch();
        if (later) {
            obj_setattr(later, str_intern_cstr("__context__"), exc);
            exc = later;
        }
        err_clear();
        err_set_value(exc);
        return 0;
    }
    return r;
}

FN(rwpair_isatty) {
    if (rwpair_check(self) < 0) {
        return 0;
    }
    Value w = io_call(PAIR(self)->writer, "isatty", NULL, 0);
    if (!w || w == VAL_TRUE) {
        return w;
    }
    return io_call(PAIR(self)->reader, "isatty", NULL, 0);
}

static Value rwpair_get_closed(Value self) {
    if (rwpair_check(self) < 0) {
        return 0;
    }
    return obj_getattr_cstr(PAIR(self)->writer, "closed");
}

static const MethodDef rwpair_methods[] = {
    {"read", rwpair_read, METH_DEFAULT, NULL},
    {"read1", rwpair_read1, METH_DEFAULT, NULL},
    {"peek", rwpair_peek, METH_DEFAULT, NULL},
    {"readinto", rwpair_readinto, METH_DEFAULT, NULL},
    {"readinto1", rwpair_readinto1, METH_DEFAULT, NULL},
    {"readable", rwpair_readable, METH_DEFAULT, NULL},
    {"write", rwpair_write, METH_DEFAULT, NULL},
    {"flush", rwpair_flush, METH_DEFAULT, NULL},
    {"writable", rwpair_writable, METH_DEFAULT, NULL},
    {"close", rwpair_close, METH_DEFAULT, NULL},
    {"isatty", rwpair_isatty, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef rwpair_getset[] = {
    {"closed", rwpair_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_bufferedrwpair = {
    .header = {&type_type},
    .name = "_io.BufferedRWPair",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(RWPairObject),
    .base = &type_bufferediobase,
    .trace = rwpair_trace,
    .new_ = buffered_new,
    .init = rwpair_init,
    .methods = rwpair_methods,
    .getset = rwpair_getset,
};
