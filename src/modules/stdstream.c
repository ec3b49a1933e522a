// stdstream.c - sys.stdin / sys.stdout / sys.stderr before the io module
// (see stdstream.h).
//
// CPython's standard streams are TextIOWrapper over BufferedWriter/Reader
// over FileIO. What a program can observe of that stack, and what this type
// reproduces:
//  - text is encoded as UTF-8 before anything is written, so a str that
//    cannot be encoded raises UnicodeEncodeError and writes nothing. Lone
//    surrogates are what can fail; the error handler decides: 'strict'
//    raises, 'surrogateescape' turns U+DC80..U+DCFF back into the bytes
//    they stand for (and raises for other surrogates), 'backslashreplace'
//    (stderr) writes \udXXX.
//  - stdout is line-buffered on a terminal and block-buffered (8 KiB)
//    otherwise, so output to a pipe appears in bulk, at exit at the latest
//    (sys_flush_std_streams); stderr is line-buffered; -u (PYTHONUNBUFFERED)
//    writes both through at every write.
//  - stdin is split at "\n" only (no newline translation), and decoded with
//    the same error handlers.
// The type is named _io.TextIOWrapper, as CPython's, because programs print
// type(sys.stdout) and its repr.
#include "stdstream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "modules.h"

enum { STDSTREAM_BUFFER_SIZE = 8192 };

enum ErrorHandler { ERRORS_STRICT, ERRORS_SURROGATEESCAPE, ERRORS_BACKSLASHREPLACE };

typedef struct StdStream {
    Object header;
    int fd;
    int writable;
    int closed;
    int eof;                 // reading hit end of file
    enum StdStreamBuffering buffering;
    enum ErrorHandler errors;
    Value name;              // "<stdout>"
    Value errors_name;       // "strict" ...
    Value buffer;            // the .buffer object, made on first use (or 0)
    StrBuf pending;          // output: encoded text not yet given to the binary layer
    char *buf;               // output pending, or input read ahead (malloc'ed)
    size_t len, pos;         // output: buf[0..len); input: unread buf[pos..len)
} StdStream;

#define STREAM(v) ((StdStream *)val_ptr(v))

static void stdstream_trace(Object *o, GcTracer *t) {
    StdStream *s = (StdStream *)o;
    gc_trace_value(t, s->name);
    gc_trace_value(t, s->errors_name);
    gc_trace_value(t, s->buffer);
}

static void stdstream_free(Object *o) {
    free(((StdStream *)o)->buf);
    sb_free(&((StdStream *)o)->pending);
}

Value stdstream_new(int fd, const char *name, int writable, const char *errors,
                    enum StdStreamBuffering buffering) {
    StdStream *s = (StdStream *)gc_alloc(&type_stdstream, sizeof(StdStream));
    if (!s) {
        return 0;
    }
    s->fd = fd;
    s->writable = writable;
    s->buffering = buffering;
    s->errors = strcmp(errors, "surrogateescape") == 0    ? ERRORS_SURROGATEESCAPE
                : strcmp(errors, "backslashreplace") == 0 ? ERRORS_BACKSLASHREPLACE
                                                          : ERRORS_STRICT;
    s->name = str_from_cstr(name);
    s->errors_name = str_from_cstr(errors);
    s->buf = malloc(STDSTREAM_BUFFER_SIZE);
    sb_init(&s->pending);
    if (!s->name || !s->errors_name) {
        return 0;
    }
    if (!s->buf) {
        return err_no_memory();
    }
    return val_from_ptr(s);
}

// ---- errors ----------------------------------------------------------------------

static int raise_errno(int code) {
    Value args[2] = {int_from_i64(code), str_from_cstr(strerror(code))};
    Value exc = args[1] ? obj_call(val_from_ptr(&exc_OSError), args, 2, 0) : 0;
    if (exc) {
        err_set_value(exc);
    }
    return -1;
}

// io.UnsupportedOperation(OSError, ValueError): a static type with two
// bases, whose MRO stdstream_init_types sets by hand (type_ready knows
// single inheritance only); the io module will export it.
Type type_unsupported_operation = {
    .header = {&type_type},
    .name = "io.UnsupportedOperation",
    .flags = TYPE_BASETYPE | TYPE_EXC_SUBCLASS,
    .base = &exc_OSError,
};

extern Type type_stdbuffer_writer, type_stdbuffer_reader, type_stdbuffer_raw;

int stdstream_init_types(void) {
    Type *t = &type_unsupported_operation;
    if (type_ready(&type_stdstream) < 0 || type_ready(&type_stdbuffer_writer) < 0 ||
        type_ready(&type_stdbuffer_reader) < 0 || type_ready(&type_stdbuffer_raw) < 0 ||
        type_ready(t) < 0) {
        return -1;
    }
    Value os_error = val_from_ptr(&exc_OSError), value_error = val_from_ptr(&exc_ValueError);
    if (tuple_obj(t->bases)->len == 1) {
        Value bases = tuple_pack2(os_error, value_error);
        Value mro = tuple_from((Value[]){val_from_ptr(t), os_error, value_error,
                                         val_from_ptr(&exc_Exception),
                                         val_from_ptr(&exc_BaseException),
                                         val_from_ptr(&type_object)},
                               6);
        if (!bases || !mro) {
            return -1;
        }
        t->bases = bases;
        t->mro = mro;
        type_modified(t);
    }
    return 0;
}

static Value unsupported(const char *what) {
    return err_format(&type_unsupported_operation, "%s", what);
}

static int check_open(StdStream *s) {
    if (s->closed) {
        err_format(&exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

// Raise UnicodeError type(encoding, object, start, end, reason).
static void raise_unicode_error(Type *type, Value object, size_t start, size_t end,
                                const char *reason) {
    Value args[5] = {str_intern_cstr("utf-8"), object, int_from_i64((int64_t)start),
                     int_from_i64((int64_t)end), str_from_cstr(reason)};
    if (!args[0] || !args[3] || !args[4]) {
        return;
    }
    Value exc = obj_call(val_from_ptr(type), args, 5, 0);
    if (exc) {
        err_set_value(exc);
    }
}

// ---- output ------------------------------------------------------------------------

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return raise_errno(errno);
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

// The binary layer (BufferedWriter): write out buf[0..len).
static int flush_bytes(StdStream *s) {
    if (s->len == 0) {
        return 0;
    }
    size_t n = s->len;
    s->len = 0;  // dropped even on error, so that a broken pipe fails once
    return write_all(s->fd, s->buf, n);
}

// BufferedWriter.write: data that fits joins the buffer; otherwise the
// buffer is written out, then data larger than a buffer goes straight to
// the file.
static int stream_put(StdStream *s, const char *p, size_t n) {
    if (s->len + n > STDSTREAM_BUFFER_SIZE) {
        if (flush_bytes(s) < 0) {
            return -1;
        }
        if (n > STDSTREAM_BUFFER_SIZE) {
            return write_all(s->fd, p, n);
        }
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    return 0;
}

// The text layer's pending bytes go down to the binary layer
// (TextIOWrapper's _textiowrapper_writeflush).
static int flush_pending(StdStream *s) {
    if (s->pending.len == 0) {
        return 0;
    }
    size_t n = s->pending.len;
    s->pending.len = 0;
    return stream_put(s, s->pending.data, n);
}

int stdstream_flush(Value stream) {
    StdStream *s = STREAM(stream);
    if (!s->writable) {
        return 0;
    }
    int r = flush_pending(s);
    int r2 = flush_bytes(s);
    return r < 0 || r2 < 0 ? -1 : 0;
}

// TextIOWrapper.write's buffering of encoded text: pending bytes reach the
// binary layer in chunks of 8 KiB, or at once when a line-buffered stream
// sees a newline (which also flushes the binary layer) or when writing
// through (-u).
static int text_put(StdStream *s, const char *p, size_t n, int has_newline) {
    if (s->pending.len + n > STDSTREAM_BUFFER_SIZE && flush_pending(s) < 0) {
        return -1;
    }
    sb_put(&s->pending, p, n);
    int needflush = s->buffering == STDSTREAM_LINE && has_newline;
    if (s->pending.len >= STDSTREAM_BUFFER_SIZE || needflush ||
        s->buffering == STDSTREAM_UNBUFFERED) {
        if (flush_pending(s) < 0) {
            return -1;
        }
    }
    if (needflush || s->buffering == STDSTREAM_UNBUFFERED) {
        return flush_bytes(s);
    }
    return 0;
}

// Whether the 3 bytes at p encode a surrogate (generalized UTF-8).
static int is_surrogate_at(const unsigned char *p, size_t left) {
    return left >= 3 && p[0] == 0xED && p[1] >= 0xA0;
}

// The UTF-8 bytes of text for the stream, into out: surrogates handled by
// the stream's error handler. 0, or -1 with UnicodeEncodeError.
static int encode_text(StdStream *s, Value text, StrBuf *out) {
    StrObject *str = str_obj(text);
    const unsigned char *p = (const unsigned char *)str->data;
    size_t n = str->nbytes, i = 0, copied = 0;
    while (i < n) {
        const unsigned char *hit = memchr(p + i, 0xED, n - i);
        if (!hit) {
            break;
        }
        i = (size_t)(hit - p);
        if (!is_surrogate_at(p + i, n - i)) {
            i++;
            continue;
        }
        sb_put(out, (const char *)p + copied, i - copied);
        size_t run_end = i;  // the run of consecutive surrogates
        while (is_surrogate_at(p + run_end, n - run_end)) {
            run_end += 3;
        }
        for (size_t k = i; k < run_end; k += 3) {
            uint32_t cp = 0xD000 | ((uint32_t)(p[k + 1] & 0x3F) << 6) | (p[k + 2] & 0x3F);
            if (s->errors == ERRORS_BACKSLASHREPLACE) {
                sb_printf(out, "\\u%04x", (unsigned)cp);
            } else if (s->errors == ERRORS_SURROGATEESCAPE && cp >= 0xDC80 && cp <= 0xDCFF) {
                sb_putc(out, (char)(cp & 0xFF));
            } else {
                size_t start = utf8_count(str->data, i);
                raise_unicode_error(&exc_UnicodeEncodeError, text, start,
                                    start + (run_end - i) / 3, "surrogates not allowed");
                return -1;
            }
        }
        i = copied = run_end;
    }
    sb_put(out, (const char *)p + copied, n - copied);
    return 0;
}

// write(text): the number of code points written.
static Value stdstream_write_text(StdStream *s, Value text) {
    if (check_open(s) < 0) {
        return 0;
    }
    if (!s->writable) {
        return unsupported("not writable");
    }
    if (!val_is_str(text)) {
        return err_format(&exc_TypeError, "write() argument must be str, not %s",
                          obj_type_name(text));
    }
    StrObject *str = str_obj(text);
    int has_newline = memchr(str->data, '\n', str->nbytes) || memchr(str->data, '\r', str->nbytes);
    int r;
    if (!memchr(str->data, 0xED, str->nbytes)) {
        r = text_put(s, str->data, str->nbytes, has_newline);
    } else {
        StrBuf sb;
        sb_init(&sb);
        r = encode_text(s, text, &sb);
        if (r == 0) {
            r = text_put(s, sb.data ? sb.data : "", sb.len, has_newline);
        }
        sb_free(&sb);
    }
    if (r < 0) {
        return 0;
    }
    return int_from_i64((int64_t)str->len);
}

Value stdstream_write(Value stream, Value text) {
    return stdstream_write_text(STREAM(stream), text);
}

static Value stdstream_m_write(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return stdstream_write_text(STREAM(self), args[0]);
}

static Value stdstream_m_writelines(Value self, const Value *args, size_t nargs,
                                    Value kwnames) {
    if (method_check_args("TextIOWrapper.writelines", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value line = obj_next(it);
        if (!line) {
            return err_occurred() ? 0 : VAL_NONE;
        }
        if (!stdstream_write_text(STREAM(self), line)) {
            return 0;
        }
    }
}

static Value stdstream_m_flush(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.flush", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0 || stdstream_flush(self) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// ---- input ---------------------------------------------------------------------------

// Read more bytes into the buffer: the number read (0 at end of file), or -1.
static ssize_t fill(StdStream *s) {
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->len -= s->pos;
        s->pos = 0;
    }
    if (s->eof || s->len == STDSTREAM_BUFFER_SIZE) {
        return 0;
    }
    for (;;) {
        ssize_t r = read(s->fd, s->buf + s->len, STDSTREAM_BUFFER_SIZE - s->len);
        if (r < 0 && errno == EINTR) {
            if (signal_check_pending() < 0) {
                return -1;
            }
            continue;
        }
        if (r < 0) {
            raise_errno(errno);
            return -1;
        }
        if (r == 0) {
            s->eof = 1;
        }
        s->len += (size_t)r;
        return r;
    }
}

// How many bytes a valid UTF-8 sequence starting at p needs (1 for an
// invalid start byte: the decoder reports that byte alone).
static size_t utf8_seq_len(unsigned char c) {
    return c < 0xC2 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 1;
}

// Decode bytes as UTF-8 with the stream's error handler (CPython's error
// ranges and reasons: an invalid start byte alone, the valid prefix of a
// sequence cut by an invalid continuation byte, an incomplete sequence at
// the end).
static Value decode_bytes(StdStream *s, const unsigned char *p, size_t n) {
    StrBuf sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode((const char *)p + i, n - i, &cp, 0);
        if (len > 0) {
            sb_put(&sb, (const char *)p + i, (size_t)len);
            i += (size_t)len;
            continue;
        }
        // Find the extent of the error and its reason.
        unsigned char c = p[i];
        size_t need = utf8_seq_len(c), bad = 1;
        const char *reason = "invalid start byte";
        if (need > 1) {
            unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
            reason = "invalid continuation byte";
            for (bad = 1; bad < need; bad++) {
                if (i + bad >= n) {
                    reason = "unexpected end of data";
                    break;
                }
                unsigned char b = p[i + bad];
                if (bad == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
                    break;
                }
            }
        }
        if (s->errors != ERRORS_SURROGATEESCAPE) {
            sb_free(&sb);
            Value object = bytes_from(p, n);
            if (object) {
                raise_unicode_error(&exc_UnicodeDecodeError, object, i, i + bad, reason);
            }
            return 0;
        }
        for (size_t k = 0; k < bad; k++) {
            char enc[4];
            int el = utf8_encode(0xDC00 | p[i + k], enc);
            sb_put(&sb, enc, (size_t)el);
        }
        i += bad;
    }
    Value r = str_from_utf8(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

// Move input bytes into out: through the first "\n" when `line`, at most
// `limit` units (-1: no limit), a unit being a byte, or a code point when
// `chars` (counted at UTF-8 lead bytes, so that a character is never cut).
// 0, or -1 on a read error.
static int collect(StdStream *s, int64_t limit, int chars, int line, StrBuf *out) {
    int64_t count = 0;
    for (;;) {
        if (!chars && limit >= 0 && count >= limit) {
            return 0;
        }
        if (s->pos == s->len) {
            if (fill(s) < 0) {
                return -1;
            }
            if (s->pos == s->len) {
                return 0;  // end of file
            }
        }
        const char *p = s->buf + s->pos;
        size_t avail = s->len - s->pos, take = avail;
        if (line) {
            const char *nl = memchr(p, '\n', avail);
            if (nl) {
                take = (size_t)(nl - p) + 1;
            }
        }
        if (limit >= 0 && !chars && (int64_t)take > limit - count) {
            take = (size_t)(limit - count);
        } else if (limit >= 0 && chars) {
            size_t i = 0;
            for (; i < take; i++) {
                if (((unsigned char)p[i] & 0xC0) != 0x80) {
                    if (count == limit) {
                        break;
                    }
                    count++;
                }
            }
            take = i;
        }
        sb_put(out, p, take);
        s->pos += take;
        if (!chars) {
            count += (int64_t)take;
        }
        if (take < avail || (line && take > 0 && p[take - 1] == '\n')) {
            return 0;  // stopped at the newline or the limit
        }
    }
}

// Text: read through collect, then decode.
static Value read_text(StdStream *s, int64_t limit, int line) {
    StrBuf text;
    sb_init(&text);
    Value result = 0;
    if (collect(s, limit, 1, line, &text) == 0) {
        result = decode_bytes(s, (const unsigned char *)(text.data ? text.data : ""), text.len);
    }
    sb_free(&text);
    return result;
}

// One line (through "\n"), at most `limit` code points (-1: no limit).
static Value read_line(StdStream *s, int64_t limit) {
    return read_text(s, limit, 1);
}

static int check_readable(StdStream *s) {
    if (check_open(s) < 0) {
        return -1;
    }
    if (s->writable) {
        unsupported("not readable");
        return -1;
    }
    return 0;
}

// An optional size argument: None or an int; -1 when absent.
static int size_arg(Value v, int64_t *out) {
    *out = -1;
    if (!v || v == VAL_NONE) {
        return 0;
    }
    return obj_as_int64(v, out);
}

static Value stdstream_m_readline(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t limit;
    if (method_check_args("TextIOWrapper.readline", nargs, kwnames, 0, 1) < 0 ||
        size_arg(nargs ? args[0] : 0, &limit) < 0 || check_readable(STREAM(self)) < 0) {
        return 0;
    }
    return read_line(STREAM(self), limit);
}

static Value stdstream_m_read(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t size;
    if (method_check_args("TextIOWrapper.read", nargs, kwnames, 0, 1) < 0 ||
        size_arg(nargs ? args[0] : 0, &size) < 0 || check_readable(STREAM(self)) < 0) {
        return 0;
    }
    return read_text(STREAM(self), size, 0);
}

static Value stdstream_m_readlines(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("TextIOWrapper.readlines", nargs, kwnames, 0, 1) < 0 ||
        check_readable(STREAM(self)) < 0) {
        return 0;
    }
    Value lines = list_new(0);
    while (lines) {
        Value line = read_line(STREAM(self), -1);
        if (!line) {
            return 0;
        }
        if (str_len(line) == 0) {
            break;
        }
        if (list_append(lines, line) < 0) {
            return 0;
        }
    }
    return lines;
}

static Value stdstream_iter_self(Value self) {
    return self;
}

static Value stdstream_iter(Value self) {
    if (check_open(STREAM(self)) < 0) {
        return 0;
    }
    return self;
}

static Value stdstream_iternext(Value self) {
    if (check_readable(STREAM(self)) < 0) {
        return 0;
    }
    Value line = read_line(STREAM(self), -1);
    if (!line || str_len(line) == 0) {
        return 0;
    }
    return line;
}

// ---- the rest of the file API -------------------------------------------------------

static Value stdstream_m_close(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StdStream *s = STREAM(self);
    if (!s->closed) {
        // The descriptor stays open, as CPython's closefd=False for stdio.
        int r = stdstream_flush(self);
        s->closed = 1;
        if (r < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

static Value stdstream_m_fileno(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.fileno", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0) {
        return 0;
    }
    return int_from_i64(STREAM(self)->fd);
}

static Value stdstream_m_isatty(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.isatty", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0) {
        return 0;
    }
    return val_bool(isatty(STREAM(self)->fd));
}

static Value stdstream_m_readable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.readable", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0) {
        return 0;
    }
    return val_bool(!STREAM(self)->writable);
}

static Value stdstream_m_writable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.writable", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0) {
        return 0;
    }
    return val_bool(STREAM(self)->writable);
}

static Value stdstream_m_seekable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.seekable", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0) {
        return 0;
    }
    return val_bool(lseek(STREAM(self)->fd, 0, SEEK_CUR) != -1);
}

static Value stdstream_m_enter(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("TextIOWrapper.__enter__", nargs, kwnames, 0, 0) < 0 ||
        check_open(STREAM(self)) < 0) {
        return 0;
    }
    return self;
}

static Value stdstream_m_exit(Value self, const Value *args, size_t nargs, Value kwnames) {
    return stdstream_m_close(self, NULL, 0, 0);
}

static const MethodDef stdstream_methods[] = {
    {"write", stdstream_m_write, METH_NO_KEYWORDS, NULL},
    {"writelines", stdstream_m_writelines, METH_NO_KEYWORDS, NULL},
    {"flush", stdstream_m_flush, METH_NO_KEYWORDS, NULL},
    {"read", stdstream_m_read, METH_NO_KEYWORDS, NULL},
    {"readline", stdstream_m_readline, METH_NO_KEYWORDS, NULL},
    {"readlines", stdstream_m_readlines, METH_NO_KEYWORDS, NULL},
    {"close", stdstream_m_close, METH_NO_KEYWORDS, NULL},
    {"fileno", stdstream_m_fileno, METH_NO_KEYWORDS, NULL},
    {"isatty", stdstream_m_isatty, METH_NO_KEYWORDS, NULL},
    {"readable", stdstream_m_readable, METH_NO_KEYWORDS, NULL},
    {"writable", stdstream_m_writable, METH_NO_KEYWORDS, NULL},
    {"seekable", stdstream_m_seekable, METH_NO_KEYWORDS, NULL},
    {"__enter__", stdstream_m_enter, METH_NO_KEYWORDS, NULL},
    {"__exit__", stdstream_m_exit, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Value stdstream_get_encoding(Value self) { return str_intern_cstr("utf-8"); }
static Value stdstream_get_errors(Value self) { return STREAM(self)->errors_name; }
static Value stdstream_get_name(Value self) { return STREAM(self)->name; }
static Value stdstream_get_mode(Value self) {
    return str_intern_cstr(STREAM(self)->writable ? "w" : "r");
}
static Value stdstream_get_closed(Value self) { return val_bool(STREAM(self)->closed); }
static Value stdstream_get_line_buffering(Value self) {
    return val_bool(STREAM(self)->buffering == STDSTREAM_LINE);
}
static Value stdstream_get_write_through(Value self) {
    return val_bool(STREAM(self)->buffering == STDSTREAM_UNBUFFERED);
}
static Value stdstream_get_newlines(Value self) { return VAL_NONE; }

static Value stdstream_get_buffer(Value self);

static const GetSetDef stdstream_getset[] = {
    {"buffer", stdstream_get_buffer, NULL, NULL},
    {"encoding", stdstream_get_encoding, NULL, NULL},
    {"errors", stdstream_get_errors, NULL, NULL},
    {"name", stdstream_get_name, NULL, NULL},
    {"mode", stdstream_get_mode, NULL, NULL},
    {"closed", stdstream_get_closed, NULL, NULL},
    {"line_buffering", stdstream_get_line_buffering, NULL, NULL},
    {"write_through", stdstream_get_write_through, NULL, NULL},
    {"newlines", stdstream_get_newlines, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value stdstream_repr(Value self) {
    StdStream *s = STREAM(self);
    return str_format_c("<_io.TextIOWrapper name=%R mode='%s' encoding='utf-8'>", s->name,
                        s->writable ? "w" : "r");
}

Type type_stdstream = {
    .header = {&type_type},
    .name = "_io.TextIOWrapper",
    .basic_size = sizeof(StdStream),
    .base = &type_object,
    .trace = stdstream_trace,
    .free = stdstream_free,
    .repr = stdstream_repr,
    .iter = stdstream_iter,
    .iternext = stdstream_iternext,
    .methods = stdstream_methods,
    .getset = stdstream_getset,
};

// ---- the binary layer: sys.stdout.buffer, sys.stdin.buffer -----------------------------
// Bytes straight into (or out of) the text stream's own byte buffer, so
// that text and bytes written in turn keep their order.

typedef struct StdBuffer {
    Object header;
    Value stream;
} StdBuffer;

#define BUFFER_STREAM(v) STREAM(((StdBuffer *)val_ptr(v))->stream)

Type type_stdbuffer_writer, type_stdbuffer_reader, type_stdbuffer_raw;

static void stdbuffer_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((StdBuffer *)o)->stream);
}

static Value stdstream_get_buffer(Value self) {
    StdStream *s = STREAM(self);
    if (!s->buffer) {
        Type *t = !s->writable                           ? &type_stdbuffer_reader
                  : s->buffering == STDSTREAM_UNBUFFERED ? &type_stdbuffer_raw
                                                         : &type_stdbuffer_writer;
        StdBuffer *b = (StdBuffer *)gc_alloc(t, sizeof(StdBuffer));
        if (!b) {
            return 0;
        }
        b->stream = self;
        s->buffer = val_from_ptr(b);
    }
    return s->buffer;
}

static Value stdbuffer_m_write(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("BufferedWriter.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    StdStream *s = BUFFER_STREAM(self);
    if (check_open(s) < 0) {
        return 0;
    }
    if (!val_is_bytes(args[0])) {
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                          obj_type_name(args[0]));
    }
    size_t n = bytes_len(args[0]);
    if (stream_put(s, bytes_data(args[0]), n) < 0 ||
        (s->buffering == STDSTREAM_UNBUFFERED && flush_bytes(s) < 0)) {
        return 0;
    }
    return int_from_i64((int64_t)n);
}

static Value stdbuffer_m_flush(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("BufferedWriter.flush", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StdStream *s = BUFFER_STREAM(self);
    if (check_open(s) < 0 || flush_bytes(s) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value read_binary(Value self, const char *qualname, const Value *args, size_t nargs,
                         Value kwnames, int line) {
    int64_t limit;
    if (method_check_args(qualname, nargs, kwnames, 0, 1) < 0 ||
        size_arg(nargs ? args[0] : 0, &limit) < 0 || check_open(BUFFER_STREAM(self)) < 0) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    Value r = 0;
    if (collect(BUFFER_STREAM(self), limit, 0, line, &sb) == 0) {
        r = bytes_from(sb.data ? sb.data : "", sb.len);
    }
    sb_free(&sb);
    return r;
}

static Value stdbuffer_m_read(Value self, const Value *args, size_t nargs, Value kwnames) {
    return read_binary(self, "BufferedReader.read", args, nargs, kwnames, 0);
}

static Value stdbuffer_m_readline(Value self, const Value *args, size_t nargs, Value kwnames) {
    return read_binary(self, "BufferedReader.readline", args, nargs, kwnames, 1);
}

static Value stdbuffer_m_readlines(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("BufferedReader.readlines", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    Value lines = list_new(0);
    while (lines) {
        Value line = read_binary(self, "BufferedReader.readlines", NULL, 0, 0, 1);
        if (!line) {
            return 0;
        }
        if (bytes_len(line) == 0) {
            break;
        }
        if (list_append(lines, line) < 0) {
            return 0;
        }
    }
    return lines;
}

static Value stdbuffer_iternext(Value self) {
    Value line = read_binary(self, "BufferedReader.readline", NULL, 0, 0, 1);
    if (!line || bytes_len(line) == 0) {
        return 0;
    }
    return line;
}

static Value stdbuffer_m_fileno(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("fileno", nargs, kwnames, 0, 0) < 0 ||
        check_open(BUFFER_STREAM(self)) < 0) {
        return 0;
    }
    return int_from_i64(BUFFER_STREAM(self)->fd);
}

static Value stdbuffer_m_isatty(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("isatty", nargs, kwnames, 0, 0) < 0 ||
        check_open(BUFFER_STREAM(self)) < 0) {
        return 0;
    }
    return val_bool(isatty(BUFFER_STREAM(self)->fd));
}

static Value stdbuffer_m_readable(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("readable", nargs, kwnames, 0, 0) < 0
               ? 0
               : val_bool(!BUFFER_STREAM(self)->writable);
}

static Value stdbuffer_m_writable(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("writable", nargs, kwnames, 0, 0) < 0
               ? 0
               : val_bool(BUFFER_STREAM(self)->writable);
}

static const MethodDef stdbuffer_writer_methods[] = {
    {"write", stdbuffer_m_write, METH_NO_KEYWORDS, NULL},
    {"flush", stdbuffer_m_flush, METH_NO_KEYWORDS, NULL},
    {"fileno", stdbuffer_m_fileno, METH_NO_KEYWORDS, NULL},
    {"isatty", stdbuffer_m_isatty, METH_NO_KEYWORDS, NULL},
    {"readable", stdbuffer_m_readable, METH_NO_KEYWORDS, NULL},
    {"writable", stdbuffer_m_writable, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef stdbuffer_reader_methods[] = {
    {"read", stdbuffer_m_read, METH_NO_KEYWORDS, NULL},
    {"read1", stdbuffer_m_read, METH_NO_KEYWORDS, NULL},
    {"readline", stdbuffer_m_readline, METH_NO_KEYWORDS, NULL},
    {"readlines", stdbuffer_m_readlines, METH_NO_KEYWORDS, NULL},
    {"fileno", stdbuffer_m_fileno, METH_NO_KEYWORDS, NULL},
    {"isatty", stdbuffer_m_isatty, METH_NO_KEYWORDS, NULL},
    {"readable", stdbuffer_m_readable, METH_NO_KEYWORDS, NULL},
    {"writable", stdbuffer_m_writable, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static Value stdbuffer_get_name(Value self) { return BUFFER_STREAM(self)->name; }
static Value stdbuffer_get_mode(Value self) {
    return str_intern_cstr(BUFFER_STREAM(self)->writable ? "wb" : "rb");
}
static Value stdbuffer_get_closed(Value self) { return val_bool(BUFFER_STREAM(self)->closed); }

static const GetSetDef stdbuffer_getset[] = {
    {"name", stdbuffer_get_name, NULL, NULL},
    {"mode", stdbuffer_get_mode, NULL, NULL},
    {"closed", stdbuffer_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value stdbuffer_repr(Value self) {
    StdStream *s = BUFFER_STREAM(self);
    if (type_of(self) == &type_stdbuffer_raw) {
        return str_format_c("<_io.FileIO name=%R mode='%s' closefd=False>", s->name,
                            s->writable ? "wb" : "rb");
    }
    return str_format_c("<%s name=%R>", type_of(self)->name, s->name);
}

Type type_stdbuffer_writer = {
    .header = {&type_type},
    .name = "_io.BufferedWriter",
    .basic_size = sizeof(StdBuffer),
    .base = &type_object,
    .trace = stdbuffer_trace,
    .repr = stdbuffer_repr,
    .methods = stdbuffer_writer_methods,
    .getset = stdbuffer_getset,
};

Type type_stdbuffer_reader = {
    .header = {&type_type},
    .name = "_io.BufferedReader",
    .basic_size = sizeof(StdBuffer),
    .base = &type_object,
    .trace = stdbuffer_trace,
    .repr = stdbuffer_repr,
    .iter = stdstream_iter_self,
    .iternext = stdbuffer_iternext,
    .methods = stdbuffer_reader_methods,
    .getset = stdbuffer_getset,
};

// Under -u the binary layer of stdout and stderr is the raw file.
Type type_stdbuffer_raw = {
    .header = {&type_type},
    .name = "_io.FileIO",
    .basic_size = sizeof(StdBuffer),
    .base = &type_object,
    .trace = stdbuffer_trace,
    .repr = stdbuffer_repr,
    .methods = stdbuffer_writer_methods,
    .getset = stdbuffer_getset,
};
