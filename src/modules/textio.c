// textio.c - _io.TextIOWrapper (text over a buffered binary stream) and
// _io.IncrementalNewlineDecoder.
//
// Reading decodes the buffer's bytes a chunk (8 KiB) at a time with the
// codecs of runtime/codecs.c. Those decode whole byte strings, so the
// wrapper keeps back what cannot be decoded yet: an incomplete character
// at the end of a chunk (UTF-8, UTF-16 and UTF-32 know how long their
// characters are; the single-byte codecs have none) and, when newlines are
// translated or recognized universally, a final "\r" whose "\n" may be in
// the next chunk. What is kept back goes in front of the next chunk. Codecs
// with a byte order mark (utf-8-sig, utf-16, utf-32) see the mark only at
// position 0; after it the stream is decoded with the variant it named.
//
// tell() and seek(): the current chunk remembers where its bytes began in
// the stream (snapshot_start) and its bytes (snapshot). tell() finds the
// shortest prefix of the snapshot that decodes to exactly the characters
// consumed so far, so the cookie is the byte offset, as in CPython, whenever
// a character boundary is there. When none is (cannot happen with the codecs
// here), the cookie is start + (consumed << 64), which seek() undoes by
// decoding from start and skipping that many characters.
//
// Writing translates "\n" to the newline argument, encodes, and passes the
// bytes to the buffer at once (the buffer buffers); line_buffering flushes
// after a write containing "\n" or "\r".
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "io.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { TEXT_CHUNK_SIZE = 8192 };

// The families of codecs whose character lengths the reader must know.
enum CodecKind { CODEC_OTHER, CODEC_UTF8, CODEC_UTF16LE, CODEC_UTF16BE, CODEC_UTF32LE, CODEC_UTF32BE };

// Newline kinds seen (the `newlines` attribute).
enum { SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4 };

typedef struct TextIOObject {
    IOObject base;
    Value buffer;            // 0 until __init__ / after detach
    int initialized, detached;
    Value encoding;          // the encoding name as given (or "UTF-8" for the locale's)
    Value errors;            // str
    Value newline;           // None or str, as given
    int readuniversal;       // newline None or '': "\r", "\n", "\r\n" all end lines
    int readtranslate;       // newline None: they become "\n"
    const char *readnl;      // newline "\n", "\r", "\r\n": the only line ending
    const char *writenl;     // "\n" is written as this ("\r", "\r\n"), or NULL
    int line_buffering, write_through;
    int seekable, telling, has_read1;
    int can_read, can_write;  // the buffer's readable() / writable() at __init__
    size_t chunk_size;       // _CHUNK_SIZE: bytes read, and pending writes, at a time
    // decoding
    Value bom_encoding;      // the codec to use at position 0 (may read a BOM)
    Value dec_encoding;      // the codec for everything else
    enum CodecKind dec_kind;
    Value decoded;           // str: the current chunk's text, or 0
    size_t decoded_pos;      // code points of it consumed
    size_t decoded_off;      // ... and their bytes in its UTF-8
    Value snapshot;          // bytes the current chunk was decoded from
    Value snapshot_codec;    // the codec it was decoded with
    int64_t snapshot_start;  // stream position of snapshot[0]
    Value tail;              // bytes kept back for the next chunk (bytes)
    int eof;
    int bom_pending;         // no byte decoded since position 0: a BOM may come
                             // (what decides the codec when tell() is off)
    unsigned seen;
    // encoding
    Value enc_encoding;      // the codec for the next write (BOM-writing until the first)
    Value enc_after_bom;     // the codec after the first write
    int enc_is_ascii_superset;  // ASCII text encodes to itself (utf-8, latin-1, ascii...)
    StrBuf pending;          // encoded text not yet given to the buffer
} TextIOObject;

#define TXT(v) ((TextIOObject *)val_ptr(v))

static void textio_trace(Object *o, GcTracer *t) {
    TextIOObject *x = (TextIOObject *)o;
    gc_trace_value(t, x->base.dict);
    gc_trace_value(t, x->buffer);
    gc_trace_value(t, x->encoding);
    gc_trace_value(t, x->errors);
    gc_trace_value(t, x->newline);
    gc_trace_value(t, x->bom_encoding);
    gc_trace_value(t, x->dec_encoding);
    gc_trace_value(t, x->decoded);
    gc_trace_value(t, x->snapshot);
    gc_trace_value(t, x->snapshot_codec);
    gc_trace_value(t, x->tail);
    gc_trace_value(t, x->enc_encoding);
    gc_trace_value(t, x->enc_after_bom);
}

static void textio_free(Object *o) {
    sb_free(&((TextIOObject *)o)->pending);
}

static Value textio_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    return val_from_ptr(gc_alloc(t, t->basic_size));
}

// ---- codecs -------------------------------------------------------------------------

// The codec name without case, '-', '_' and spaces: "utf8", "utf16le"...
static void codec_key(const char *name, char *out, size_t cap) {
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < cap; p++) {
        char c = *p;
        if (c == '-' || c == '_' || c == ' ') {
            continue;
        }
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[n] = 0;
}

static enum CodecKind codec_kind_of(Value codec) {
    char key[32];
    codec_key(str_obj(codec)->data, key, sizeof key);
    if (!strcmp(key, "utf8") || !strcmp(key, "u8") || !strcmp(key, "utf") ||
        !strcmp(key, "utf8sig") || !strcmp(key, "cp65001")) {
        return CODEC_UTF8;
    }
    if (!strcmp(key, "utf16") || !strcmp(key, "utf16le") || !strcmp(key, "u16")) {
        return CODEC_UTF16LE;
    }
    if (!strcmp(key, "utf16be")) {
        return CODEC_UTF16BE;
    }
    if (!strcmp(key, "utf32") || !strcmp(key, "utf32le") || !strcmp(key, "u32")) {
        return CODEC_UTF32LE;
    }
    if (!strcmp(key, "utf32be")) {
        return CODEC_UTF32BE;
    }
    return CODEC_OTHER;
}

// Whether the codec reads/writes a byte order mark at the start, and the
// codec to use after it: "utf-8-sig" -> "utf-8", "utf-16" -> the
// endianness the mark names (for writing: little-endian, as CPython on
// x86).
static Value codec_after_bom(Value codec, const char *data, size_t n) {
    char key[32];
    codec_key(str_obj(codec)->data, key, sizeof key);
    if (!strcmp(key, "utf8sig")) {
        return str_intern_cstr("utf-8");
    }
    if (!strcmp(key, "utf16") || !strcmp(key, "u16")) {
        int be = n >= 2 && (unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF;
        return str_intern_cstr(be ? "utf-16-be" : "utf-16-le");
    }
    if (!strcmp(key, "utf32") || !strcmp(key, "u32")) {
        int be = n >= 4 && !data[0] && !data[1] && (unsigned char)data[2] == 0xFE &&
                 (unsigned char)data[3] == 0xFF;
        return str_intern_cstr(be ? "utf-32-be" : "utf-32-le");
    }
    return 0;
}

static size_t kind_unit(enum CodecKind k) {
    return k == CODEC_UTF16LE || k == CODEC_UTF16BE ? 2
           : k == CODEC_UTF32LE || k == CODEC_UTF32BE ? 4
                                                      : 1;
}

// How many of data[0..n) can be decoded now: all when `final`; else up to
// the last complete character.
static size_t complete_prefix(enum CodecKind k, const unsigned char *d, size_t n, int final) {
    if (final) {
        return n;
    }
    switch (k) {
    case CODEC_UTF8: {
        // Back up over continuation bytes to the last lead byte.
        size_t i = n, back = 0;
        while (i > 0 && back < 4 && (d[i - 1] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i == 0) {
            return n;
        }
        unsigned char lead = d[i - 1];
        size_t need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3
                      : lead >= 0xC2 && lead < 0xE0                         ? 2
                                                                             : 1;
        if (need > 1 && back + 1 < need) {
            return i - 1;
        }
        return n;
    }
    case CODEC_UTF16LE:
    case CODEC_UTF16BE: {
        size_t m = n & ~(size_t)1;
        if (m >= 2) {
            unsigned hi = k == CODEC_UTF16LE ? d[m - 1] : d[m - 2];
            if (hi >= 0xD8 && hi <= 0xDB) {
                m -= 2;  // a high surrogate waits for its low half
            }
        }
        return m;
    }
    case CODEC_UTF32LE:
    case CODEC_UTF32BE:
        return n & ~(size_t)3;
    default:
        return n;
    }
}

// Is the character ending at byte m of d a "\r"?
static int ends_with_cr(enum CodecKind k, const unsigned char *d, size_t m) {
    size_t u = kind_unit(k);
    if (m < u) {
        return 0;
    }
    const unsigned char *c = d + m - u;
    switch (k) {
    case CODEC_UTF16LE:
        return c[0] == '\r' && c[1] == 0;
    case CODEC_UTF16BE:
        return c[0] == 0 && c[1] == '\r';
    case CODEC_UTF32LE:
        return c[0] == '\r' && !c[1] && !c[2] && !c[3];
    case CODEC_UTF32BE:
        return !c[0] && !c[1] && !c[2] && c[3] == '\r';
    default:
        return c[0] == '\r';
    }
}

// Translate "\r\n" and "\r" to "\n" in s (a str), noting what was seen.
static Value translate_newlines(Value s, int translate, unsigned *seen) {
    StrObject *so = str_obj(s);
    const char *p = so->data, *end = p + so->nbytes;
    if (!memchr(p, '\r', so->nbytes)) {
        if (seen && memchr(p, '\n', so->nbytes)) {
            *seen |= SEEN_LF;
        }
        return s;
    }
    StrBuf sb;
    sb_init(&sb);
    for (; p < end; p++) {
        if (*p == '\r') {
            if (p + 1 < end && p[1] == '\n') {
                if (seen) {
                    *seen |= SEEN_CRLF;
                }
                p++;
                if (!translate) {
                    sb_putc(&sb, '\r');
                }
            } else if (seen) {
                *seen |= SEEN_CR;
            }
            sb_putc(&sb, translate ? '\n' : *p);
            continue;
        }
        if (*p == '\n' && seen) {
            *seen |= SEEN_LF;
        }
        sb_putc(&sb, *p);
    }
    if (!translate) {
        sb_free(&sb);
        return s;
    }
    return str_from_strbuf(&sb);
}

// ---- __init__ -------------------------------------------------------------------------

static const char *const textio_init_names[] = {"buffer",         "encoding",      "errors", "newline",
                                                "line_buffering", "write_through", NULL};

static int optional_str_arg(Value v, const char *what, Value *out) {
    *out = 0;
    if (!v || v == VAL_NONE) {
        return 0;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "TextIOWrapper() argument '%s' must be str or None, not %s",
                   what, obj_type_name(v));
        return -1;
    }
    *out = v;
    return 0;
}

static int set_newline(TextIOObject *t, Value newline) {
    const char *nl = newline ? str_obj(newline)->data : NULL;
    if (nl && strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
        err_format(&exc_ValueError, "illegal newline value: %s", nl);
        return -1;
    }
    if (nl && memchr(str_obj(newline)->data, 0, str_obj(newline)->nbytes)) {
        err_format(&exc_ValueError, "illegal newline value: ");
        return -1;
    }
    t->newline = newline ? newline : VAL_NONE;
    t->readuniversal = !nl || !nl[0];
    t->readtranslate = !nl;
    t->readnl = nl && nl[0] ? (nl[1] ? "\r\n" : nl[0] == '\r' ? "\r" : "\n") : NULL;
    t->writenl = nl && nl[0] && strcmp(nl, "\n") ? (nl[1] ? "\r\n" : "\r") : NULL;
    return 0;
}

// A stream opened (or reconfigured) in the middle, append mode, writes no
// BOM. 0, or -1.
static int skip_bom_mid_stream(TextIOObject *t) {
    if (!t->seekable || t->enc_after_bom == t->enc_encoding) {
        return 0;
    }
    Value w = io_call(t->buffer, "writable", NULL, 0);
    if (!w) {
        return -1;
    }
    if (w == VAL_TRUE) {
        Value pos = io_call(t->buffer, "tell", NULL, 0);
        if (!pos) {
            return -1;
        }
        if (int_check(pos) && int_sign(pos) != 0) {
            t->enc_encoding = t->enc_after_bom;
        }
    }
    return 0;
}

// Check the codec exists (LookupError otherwise) and set the codecs.
static int set_encoding(TextIOObject *t, Value encoding) {
    if (!strcmp(str_obj(encoding)->data, "locale")) {
        encoding = str_intern_cstr("UTF-8");
    }
    Value probe = codec_encode(str_empty(), str_obj(encoding)->data, "strict");
    if (!probe) {
        if (err_matches(&exc_LookupError) || err_matches(&exc_NotImplementedError)) {
            return -1;
        }
        err_clear();
    }
    t->encoding = encoding;
    t->bom_encoding = encoding;
    Value after = codec_after_bom(encoding, NULL, 0);
    t->dec_encoding = after ? after : encoding;
    t->dec_kind = codec_kind_of(t->dec_encoding);
    t->enc_encoding = encoding;
    t->enc_after_bom = after ? after : encoding;
    // ASCII encodes to itself in these (and no BOM is due).
    char key[32];
    codec_key(str_obj(encoding)->data, key, sizeof key);
    t->enc_is_ascii_superset = !strcmp(key, "utf8") || !strcmp(key, "latin1") ||
                               !strcmp(key, "iso88591") || !strcmp(key, "ascii") ||
                               !strcmp(key, "usascii") || !strcmp(key, "l1");
    return 0;
}

// codecs.lookup_error(name): 0, or -1 with LookupError.
static int check_error_handler(Value errors) {
    static const char *const builtin[] = {"strict",          "ignore",        "replace",
                                          "xmlcharrefreplace", "backslashreplace", "namereplace",
                                          "surrogateescape", "surrogatepass", NULL};
    const char *name = str_obj(errors)->data;
    for (const char *const *b = builtin; *b; b++) {
        if (!strcmp(name, *b)) {
            return 0;
        }
    }
    if (codec_lookup_error_handler(name)) {
        return 0;
    }
    if (!err_occurred()) {
        err_format(&exc_LookupError, "unknown error handler name '%s'", name);
    }
    return -1;
}

static Value textio_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    TextIOObject *t = TXT(self);
    ArgSpec spec = {"TextIOWrapper", 0, textio_init_names, 1, 6, 0};
    Value a[6];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    t->initialized = 0;
    Value encoding, errors, newline;
    if (optional_str_arg(a[1], "encoding", &encoding) < 0 ||
        optional_str_arg(a[2], "errors", &errors) < 0 ||
        optional_str_arg(a[3], "newline", &newline) < 0) {
        return 0;
    }
    if (encoding && memchr(str_obj(encoding)->data, 0, str_obj(encoding)->nbytes)) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    int lb = a[4] ? obj_truthy(a[4]) : 0, wt = a[5] ? obj_truthy(a[5]) : 0;
    if (lb < 0 || wt < 0) {
        return 0;
    }
    if (set_newline(t, newline) < 0) {
        return 0;
    }
    // PEP 597: -X warn_default_encoding reports an omitted encoding.
    if (!encoding && io_sys_flag("warn_default_encoding") > 0 &&
        err_warn(&exc_EncodingWarning, 1, "'encoding' argument not specified") < 0) {
        return 0;
    }
    if (!encoding && io_sys_flag("utf8_mode") > 0) {
        encoding = str_intern_cstr("utf-8");
    }
    // Dev mode checks the error handler at once, as CPython's.
    if (errors && io_sys_flag("dev_mode") > 0 && check_error_handler(errors) < 0) {
        return 0;
    }
    if (set_encoding(t, encoding ? encoding : str_intern_cstr("locale")) < 0) {
        return 0;
    }
    t->errors = errors ? errors : str_intern_cstr("strict");
    t->line_buffering = lb;
    t->write_through = wt;
    t->buffer = a[0];
    t->detached = 0;
    t->chunk_size = TEXT_CHUNK_SIZE;
    t->bom_pending = 1;
    t->decoded = 0;
    t->snapshot = 0;
    t->tail = 0;
    t->eof = 0;
    t->seen = 0;
    Value seekable = io_call(a[0], "seekable", NULL, 0);
    if (!seekable) {
        return 0;
    }
    t->seekable = t->telling = obj_truthy(seekable) > 0;
    Value readable = io_call(a[0], "readable", NULL, 0);
    Value writable = readable ? io_call(a[0], "writable", NULL, 0) : 0;
    if (!writable) {
        return 0;
    }
    t->can_read = obj_truthy(readable) > 0;
    t->can_write = obj_truthy(writable) > 0;
    Value read1 = obj_getattr_opt(a[0], str_intern_cstr("read1"));
    if (!read1 && err_occurred()) {
        return 0;
    }
    t->has_read1 = read1 != 0;
    if (skip_bom_mid_stream(t) < 0) {
        return 0;
    }
    t->initialized = 1;
    return VAL_NONE;
}

static int check_init(TextIOObject *t) {
    if (t->detached) {
        err_format(&exc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    if (!t->initialized) {
        err_format(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int check_closed(TextIOObject *t) {
    int c = io_closed_fast(t->buffer);
    if (c > 0) {
        io_closed_error();
    }
    return c == 0 ? 0 : -1;
}

static int check_attached_open(TextIOObject *t) {
    return check_init(t) < 0 || check_closed(t) < 0 ? -1 : 0;
}

// ---- pending writes -------------------------------------------------------------------------
// As CPython, encoded text collects here until a chunk's worth is pending,
// a flush, line buffering or write_through, or a read or seek: so text
// written through the wrapper reaches the buffer after bytes written to the
// buffer directly in between.

// Give the pending bytes to the buffer (they are dropped even if that
// fails). 0 or -1.
static int writeflush(TextIOObject *t) {
    if (t->pending.len == 0) {
        return 0;
    }
    Type *bt = type_of(t->buffer);
    if (bt == &type_bufferedwriter || bt == &type_bufferedrandom) {
        size_t n = t->pending.len;
        t->pending.len = 0;
        return bufferedio_write_data(t->buffer, t->pending.data, n) ? 0 : -1;
    }
    Value b = bytes_from(t->pending.data, t->pending.len);
    t->pending.len = 0;
    if (!b) {
        return -1;
    }
    return io_call(t->buffer, "write", &b, 1) ? 0 : -1;
}

// ---- reading ------------------------------------------------------------------------------

static void reset_decoder(TextIOObject *t) {
    t->decoded = 0;
    t->decoded_pos = t->decoded_off = 0;
    t->snapshot = 0;
    t->tail = 0;
    t->eof = 0;
}

// Decode data[0..n) with `codec`, keeping back what must wait unless
// `final`: the text (translated), and in *used how many bytes it came from.
static Value decode_part(TextIOObject *t, Value codec, const char *data, size_t n, int final,
                         size_t *used, unsigned *seen) {
    enum CodecKind kind = codec_kind_of(codec);
    size_t c = complete_prefix(kind, (const unsigned char *)data, n, final);
    if (!final && t->readuniversal && c > 0 && ends_with_cr(kind, (const unsigned char *)data, c)) {
        c -= kind_unit(kind);
    }
    *used = c;
    Value text = codec_decode(0, data, c, str_obj(codec)->data, str_obj(t->errors)->data);
    if (!text) {
        return 0;
    }
    if (t->readuniversal) {
        text = translate_newlines(text, t->readtranslate, seen);
    }
    return text;
}

// Read the next chunk from the buffer and decode it: 1 if there was input
// (the decoded text may still be empty), 0 at end of file, -1 on error.
static int read_chunk(TextIOObject *t, int64_t size_hint) {
    if (t->eof) {
        return 0;
    }
    int64_t start = -1;
    if (t->telling) {
        Value pos = io_call(t->buffer, "tell", NULL, 0);
        if (!pos || obj_as_int64(pos, &start) < 0) {
            return -1;
        }
    }
    size_t want = t->chunk_size;
    if (size_hint > 0 && (size_t)size_hint > want) {
        want = (size_t)size_hint;
    }
    Value arg = int_from_i64((int64_t)want);
    Value input = io_call(t->buffer, t->has_read1 ? "read1" : "read", &arg, 1);
    if (!input) {
        return -1;
    }
    if (input == VAL_NONE) {
        input = bytes_from("", 0);
    }
    if (!val_is_bytes(input) && buffer_check(input)) {
        // Any bytes-like object will do (a memoryview, a bytearray).
        Buffer view;
        if (buffer_get_bytes_like(input, &view) < 0) {
            return -1;
        }
        input = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
        if (!input) {
            return -1;
        }
    }
    if (!val_is_bytes(input)) {
        err_format(&exc_TypeError,
                   "underlying %s() should have returned a bytes-like object, not '%s'",
                   t->has_read1 ? "read1" : "read", obj_type_name(input));
        return -1;
    }
    int final = bytes_len(input) == 0;
    Value data = t->tail ? bytes_concat(t->tail, input) : input;
    if (!data) {
        return -1;
    }
    size_t tail_len = t->tail ? bytes_len(t->tail) : 0;
    int64_t data_start = start >= 0 ? start - (int64_t)tail_len : -1;
    int at_start = data_start == 0 || (data_start < 0 && t->bom_pending);
    Value codec = at_start ? t->bom_encoding : t->dec_encoding;
    size_t used;
    Value text = decode_part(t, codec, bytes_data(data), bytes_len(data), final, &used, &t->seen);
    if (!text) {
        return -1;
    }
    if (used > 0) {
        t->bom_pending = 0;
    }
    if (codec == t->bom_encoding && codec != t->dec_encoding) {
        Value after = codec_after_bom(codec, bytes_data(data), bytes_len(data));
        if (after && bytes_len(data) >= 4) {
            t->dec_encoding = after;
            t->dec_kind = codec_kind_of(after);
        }
    }
    t->decoded = text;
    t->decoded_pos = t->decoded_off = 0;
    t->snapshot = bytes_from(bytes_data(data), used);
    t->snapshot_codec = codec;
    t->snapshot_start = data_start;
    t->tail = used < bytes_len(data) ? bytes_from(bytes_data(data) + used, bytes_len(data) - used)
                                     : 0;
    if (!t->snapshot || (used < bytes_len(data) && !t->tail)) {
        return -1;
    }
    if (final) {
        t->eof = 1;
        return bytes_len(text) > 0 || tail_len > 0;
    }
    return 1;
}

static size_t decoded_left_bytes(TextIOObject *t) {
    return t->decoded ? str_obj(t->decoded)->nbytes - t->decoded_off : 0;
}

// Take the decoded text's bytes [off, off + nbytes) holding ncp code points.
static void consume(TextIOObject *t, size_t nbytes, size_t ncp) {
    t->decoded_off += nbytes;
    t->decoded_pos += ncp;
}

static int check_readable(TextIOObject *t) {
    if (!t->can_read) {
        io_unsupported("not readable");
        return -1;
    }
    return 0;
}

FN(textio_read) {
    if (args_check_positional("read", nargs, 0, 1) < 0 || args_no_keywords("read", kwnames) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    int64_t n;
    if (check_attached_open(t) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0 ||
        check_readable(t) < 0 || writeflush(t) < 0) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    if (n < 0) {
        // Everything: the rest of this chunk, then the rest of the stream.
        size_t left = decoded_left_bytes(t);
        if (left) {
            sb_put(&sb, str_obj(t->decoded)->data + t->decoded_off, left);
        }
        Value rest = io_call(t->buffer, "read", NULL, 0);
        if (!rest) {
            goto done;
        }
        if (rest == VAL_NONE) {
            rest = bytes_from("", 0);
        }
        if (!val_is_bytes(rest)) {
            err_format(&exc_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                       obj_type_name(rest));
            goto done;
        }
        Value data = t->tail ? bytes_concat(t->tail, rest) : rest;
        if (!data) {
            goto done;
        }
        int64_t start = -1;
        Value codec = t->dec_encoding;
        if (t->telling && !t->decoded && !t->tail) {
            Value pos = io_call(t->buffer, "tell", NULL, 0);
            if (!pos || obj_as_int64(pos, &start) < 0) {
                goto done;
            }
            if (start - (int64_t)bytes_len(data) == 0) {
                codec = t->bom_encoding;
            }
        }
        size_t used;
        Value text = decode_part(t, codec, bytes_data(data), bytes_len(data), 1, &used, &t->seen);
        if (!text) {
            goto done;
        }
        if (codec != t->dec_encoding) {
            Value after = codec_after_bom(codec, bytes_data(data), bytes_len(data));
            if (after) {
                t->dec_encoding = after;
                t->dec_kind = codec_kind_of(after);
            }
        }
        sb_put(&sb, str_obj(text)->data, str_obj(text)->nbytes);
        reset_decoder(t);
        t->eof = 0;
        result = str_from_strbuf(&sb);
        return result;
    }
    size_t got = 0;
    while (got < (size_t)n) {
        if (!decoded_left_bytes(t)) {
            int r = read_chunk(t, n - (int64_t)got);
            if (r < 0) {
                goto done;
            }
            if (r == 0) {
                break;
            }
            continue;
        }
        StrObject *d = str_obj(t->decoded);
        const unsigned char *p = (const unsigned char *)d->data + t->decoded_off;
        const unsigned char *end = (const unsigned char *)d->data + d->nbytes;
        const unsigned char *q = p;
        size_t k = 0;
        while (q < end && got + k < (size_t)n) {
            size_t len;
            str_decode_cp(q, &len);
            q += len;
            k++;
        }
        sb_put(&sb, (const char *)p, (size_t)(q - p));
        consume(t, (size_t)(q - p), k);
        got += k;
    }
    result = str_from_strbuf(&sb);
    return result;
done:
    sb_free(&sb);
    return result;
}

// The end of the first line in p[0..n) per the newline mode: the offset
// just after its terminator, or 0 if there is none. *cr_at_end is set when
// the text ends with a "\r" that may be the start of "\r\n".
static size_t find_line_end(TextIOObject *t, const char *p, size_t n, int *cr_at_end) {
    *cr_at_end = 0;
    if (t->readtranslate || (t->readnl && !strcmp(t->readnl, "\n"))) {
        const char *nl = memchr(p, '\n', n);
        return nl ? (size_t)(nl - p) + 1 : 0;
    }
    if (t->readuniversal) {
        for (size_t i = 0; i < n; i++) {
            if (p[i] == '\n') {
                return i + 1;
            }
            if (p[i] == '\r') {
                if (i + 1 < n) {
                    return p[i + 1] == '\n' ? i + 2 : i + 1;
                }
                *cr_at_end = 1;
                return 0;
            }
        }
        return 0;
    }
    if (!strcmp(t->readnl, "\r")) {
        const char *cr = memchr(p, '\r', n);
        return cr ? (size_t)(cr - p) + 1 : 0;
    }
    // "\r\n"
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] == '\r' && p[i + 1] == '\n') {
            return i + 2;
        }
    }
    *cr_at_end = n > 0 && p[n - 1] == '\r';
    return 0;
}

static Value textio_readline_impl(TextIOObject *t, int64_t limit) {
    StrBuf sb;
    sb_init(&sb);
    size_t nchars = 0;
    int pending_cr = 0;  // the line so far ends with a "\r" at a chunk's end
    for (;;) {
        if (!decoded_left_bytes(t)) {
            int r = read_chunk(t, 0);
            if (r < 0) {
                sb_free(&sb);
                return 0;
            }
            if (r == 0) {
                break;
            }
            continue;
        }
        StrObject *d = str_obj(t->decoded);
        const char *p = d->data + t->decoded_off;
        size_t n = d->nbytes - t->decoded_off;
        if (pending_cr) {
            pending_cr = 0;
            if (p[0] == '\n') {
                sb_putc(&sb, '\n');
                consume(t, 1, 1);
                break;
            }
            if (t->readuniversal) {
                break;  // a lone "\r" ended the line
            }
        }
        // With a limit, look at no more than the characters still allowed.
        size_t window = n;
        if (limit >= 0) {
            size_t allowed = (size_t)limit - nchars, k = 0, off = 0;
            while (off < n && k < allowed) {
                size_t len;
                str_decode_cp((const unsigned char *)p + off, &len);
                off += len;
                k++;
            }
            window = off;
        }
        int cr_at_end;
        size_t end = find_line_end(t, p, window, &cr_at_end);
        size_t take = end ? end : window;
        if (end && sb.len == 0) {
            // The whole line is in this chunk: a substring, no copy through sb.
            Value line = str_substr_bytes(t->decoded, t->decoded_off, t->decoded_off + take);
            if (line) {
                consume(t, take, str_obj(line)->len);
            }
            return line;
        }
        size_t ncp = (d->flags & STR_ASCII) ? take : str_count_cps(p, take);
        sb_put(&sb, p, take);
        consume(t, take, ncp);
        nchars += ncp;
        if (end) {
            break;
        }
        if (limit >= 0 && nchars >= (size_t)limit) {
            break;
        }
        if (cr_at_end && window == n) {
            pending_cr = 1;
        }
    }
    return str_from_strbuf(&sb);
}

FN(textio_readline) {
    if (args_check_positional("readline", nargs, 0, 1) < 0 ||
        args_no_keywords("readline", kwnames) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    int64_t limit = -1;
    if (nargs) {
        if (!int_check(args[0]) && args[0] != VAL_NONE) {
            return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              obj_type_name(args[0]));
        }
        if (io_size_arg(args[0], &limit) < 0) {
            return 0;
        }
    }
    if (check_attached_open(t) < 0 || check_readable(t) < 0 || writeflush(t) < 0) {
        return 0;
    }
    return textio_readline_impl(t, limit);
}

static Value textio_iternext(Value self) {
    TextIOObject *t = TXT(self);
    if (check_attached_open(t) < 0) {
        return 0;
    }
    t->telling = 0;
    if (writeflush(t) < 0) {
        return 0;
    }
    Value line = textio_readline_impl(t, -1);
    if (!line) {
        return 0;
    }
    if (str_obj(line)->nbytes == 0) {
        t->snapshot = 0;
        t->telling = t->seekable;
        return 0;
    }
    return line;
}

// ---- writing ------------------------------------------------------------------------------

Value textio_write_text(Value self, Value s) {
    TextIOObject *t = TXT(self);
    if (check_init(t) < 0) {
        return 0;
    }
    if (!val_is_str(s)) {
        return err_format(&exc_TypeError, "write() argument must be str, not %s", obj_type_name(s));
    }
    if (check_closed(t) < 0) {
        return 0;
    }
    if (!t->can_write) {
        return io_unsupported("not writable");
    }
    StrObject *so = str_obj(s);
    int haslf = memchr(so->data, '\n', so->nbytes) != NULL;
    int needflush = t->line_buffering && (haslf || memchr(so->data, '\r', so->nbytes));
    Value text = s;
    if (haslf && t->writenl) {
        text = str_replace(s, str_intern_cstr("\n"), str_from_cstr(t->writenl), -1);
        if (!text) {
            return 0;
        }
    }
    // Text read ahead is dropped (as CPython does): the write goes where
    // the buffer is.
    if (t->decoded || t->tail) {
        reset_decoder(t);
    }
    const char *data;
    size_t n;
    Value b = 0;
    if ((str_obj(text)->flags & STR_ASCII) && t->enc_is_ascii_superset) {
        // ASCII text is its own encoding in every ASCII-compatible codec.
        data = str_obj(text)->data;
        n = str_obj(text)->nbytes;
    } else {
        b = codec_encode(text, str_obj(t->enc_encoding)->data, str_obj(t->errors)->data);
        if (!b) {
            return 0;
        }
        if (bytes_len(b) > 0) {
            t->enc_encoding = t->enc_after_bom;
        }
        data = bytes_data(b);
        n = bytes_len(b);
    }
    if (t->pending.len + n > t->chunk_size && writeflush(t) < 0) {
        return 0;
    }
    sb_put(&t->pending, data, n);
    gc_keep_alive(text);
    gc_keep_alive(b);
    if ((t->pending.len >= t->chunk_size || needflush || t->write_through) &&
        writeflush(t) < 0) {
        return 0;
    }
    if (needflush && !io_call(t->buffer, "flush", NULL, 0)) {
        return 0;
    }
    return int_from_i64((int64_t)so->len);
}

FN(textio_write) {
    if (method_check_args("TextIOWrapper.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return textio_write_text(self, args[0]);
}

FN(textio_flush) {
    if (method_check_args("TextIOWrapper.flush", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    if (check_attached_open(t) < 0) {
        return 0;
    }
    t->telling = t->seekable;
    if (writeflush(t) < 0) {
        return 0;
    }
    return io_call(t->buffer, "flush", NULL, 0);
}

FN(textio_close) {
    if (method_check_args("TextIOWrapper.close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    if (check_init(t) < 0) {
        return 0;
    }
    int c = io_is_closed(t->buffer);
    if (c < 0) {
        return 0;
    }
    if (c) {
        return VAL_NONE;
    }
    Value f = io_call(self, "flush", NULL, 0);
    Value exc = f ? 0 : err_fetch();
    Value r = io_call(t->buffer, "close", NULL, 0);
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
    t->base.iobase_closed = 1;
    return r ? VAL_NONE : 0;
}

FN(textio_detach) {
    if (method_check_args("TextIOWrapper.detach", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    if (check_init(t) < 0) {
        return 0;
    }
    if (!io_call(self, "flush", NULL, 0)) {
        return 0;
    }
    Value b = t->buffer;
    t->buffer = 0;
    t->detached = 1;
    return b;
}

// ---- tell and seek ----------------------------------------------------------------------------

static Value cookie_with_skip(int64_t start, size_t skip) {
    Value s = int_from_i64((int64_t)skip);
    Value shift = s ? obj_binop(s, val_from_smallint(64), BINOP_LSHIFT) : 0;
    return shift ? obj_binop(shift, int_from_i64(start), BINOP_ADD) : 0;
}

// How many characters snapshot[0..k) decodes to (-1 if it fails).
static int64_t prefix_chars(TextIOObject *t, size_t k) {
    size_t used;
    Value text = decode_part(t, t->snapshot_codec, bytes_data(t->snapshot), k, 0, &used, NULL);
    if (!text) {
        err_clear();
        return -1;
    }
    return (int64_t)str_obj(text)->len;
}

FN(textio_tell) {
    if (method_check_args("TextIOWrapper.tell", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    if (check_attached_open(t) < 0) {
        return 0;
    }
    if (!t->seekable) {
        return io_unsupported("underlying stream is not seekable");
    }
    if (!t->telling) {
        return err_format(&exc_OSError, "telling position disabled by next() call");
    }
    if (writeflush(t) < 0 || !io_call(t->buffer, "flush", NULL, 0)) {
        return 0;
    }
    if (!t->decoded || !t->snapshot || t->snapshot_start < 0) {
        Value pos = io_call(t->buffer, "tell", NULL, 0);
        if (!pos) {
            return 0;
        }
        if (t->tail && int_check(pos)) {
            return obj_binop(pos, int_from_i64((int64_t)bytes_len(t->tail)), BINOP_SUB);
        }
        return pos;
    }
    size_t used = t->decoded_pos;
    size_t nbytes = bytes_len(t->snapshot), nchars = str_obj(t->decoded)->len;
    if (used == 0) {
        return int_from_i64(t->snapshot_start);
    }
    if (used == nchars) {
        return int_from_i64(t->snapshot_start + (int64_t)nbytes);
    }
    if (nbytes == nchars) {
        return int_from_i64(t->snapshot_start + (int64_t)used);
    }
    // The shortest prefix decoding to `used` characters.
    size_t lo = 0, hi = nbytes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t c = prefix_chars(t, mid);
        if (c < 0) {
            return cookie_with_skip(t->snapshot_start, used);
        }
        if ((size_t)c >= used) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    if (prefix_chars(t, lo) == (int64_t)used) {
        return int_from_i64(t->snapshot_start + (int64_t)lo);
    }
    return cookie_with_skip(t->snapshot_start, used);
}

FN(textio_seek) {
    if (args_check_positional("seek", nargs, 1, 2) < 0 || args_no_keywords("seek", kwnames) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    if (check_attached_open(t) < 0) {
        return 0;
    }
    Value cookie = args[0];
    int64_t whence = 0;
    if (nargs > 1 && obj_as_int64(args[1], &whence) < 0) {
        return 0;
    }
    if (!t->seekable) {
        return io_unsupported("underlying stream is not seekable");
    }
    if (!int_check(cookie)) {
        return err_format(&exc_TypeError, "an integer is required");
    }
    if (whence == 1) {
        if (int_sign(cookie) != 0) {
            return io_unsupported("can't do nonzero cur-relative seeks");
        }
        cookie = textio_tell(self, NULL, 0, 0);
        if (!cookie) {
            return 0;
        }
    } else if (whence == 2) {
        if (int_sign(cookie) != 0) {
            return io_unsupported("can't do nonzero end-relative seeks");
        }
        if (!io_call(self, "flush", NULL, 0)) {
            return 0;
        }
        reset_decoder(t);
        Value a[2] = {val_from_smallint(0), val_from_smallint(2)};
        Value r = io_call(t->buffer, "seek", a, 2);
        if (r && int_check(r) && int_sign(r) != 0) {
            t->enc_encoding = t->enc_after_bom;
        }
        return r;
    } else if (whence != 0) {
        return err_format(&exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                          (long long)whence);
    }
    if (int_sign(cookie) < 0) {
        Value r = obj_repr(cookie);
        return r ? err_format(&exc_ValueError, "negative seek position %s", str_obj(r)->data) : 0;
    }
    if (!io_call(self, "flush", NULL, 0)) {
        return 0;
    }
    // cookie = start + (skip << 64)
    Value q, rem;
    if (int_divmod(cookie, obj_binop(val_from_smallint(1), val_from_smallint(64), BINOP_LSHIFT),
                   &q, &rem) < 0) {
        return 0;
    }
    int64_t start, skip;
    if (int_to_i64(rem, &start) < 0 || int_to_i64(q, &skip) < 0) {
        return 0;
    }
    reset_decoder(t);
    Value pos = int_from_i64(start);
    if (!io_call(t->buffer, "seek", &pos, 1)) {
        return 0;
    }
    t->enc_encoding = start == 0 ? t->encoding : t->enc_after_bom;
    t->bom_pending = start == 0;
    while (skip > 0) {
        int r = read_chunk(t, 0);
        if (r < 0) {
            return 0;
        }
        size_t have = t->decoded ? str_obj(t->decoded)->len : 0;
        if (r == 0 || have >= (size_t)skip) {
            size_t k = have < (size_t)skip ? have : (size_t)skip;
            t->decoded_pos = k;
            t->decoded_off = t->decoded ? str_offset_of(t->decoded, k) : 0;
            break;
        }
        skip -= (int64_t)have;  // cannot happen with one chunk per cookie, but be safe
    }
    return cookie;
}

FN(textio_truncate) {
    if (args_check_positional("truncate", nargs, 0, 1) < 0) {
        return 0;
    }
    TextIOObject *t = TXT(self);
    if (check_attached_open(t) < 0 || !io_call(self, "flush", NULL, 0)) {
        return 0;
    }
    Value pos = nargs ? args[0] : VAL_NONE;
    if (pos == VAL_NONE) {
        pos = textio_tell(self, NULL, 0, 0);
        if (!pos) {
            return 0;
        }
    }
    return io_call(t->buffer, "truncate", &pos, 1);
}

// ---- the rest ---------------------------------------------------------------------------------

#define DELEGATE(cname, method)                                                 \
    FN(cname) {                                                                 \
        TextIOObject *t = TXT(self);                                            \
        if (check_init(t) < 0) {                                                \
            return 0;                                                           \
        }                                                                       \
        return io_call(t->buffer, method, NULL, 0);                             \
    }
DELEGATE(textio_fileno, "fileno")
DELEGATE(textio_isatty, "isatty")
DELEGATE(textio_seekable, "seekable")
DELEGATE(textio_readable, "readable")
DELEGATE(textio_writable, "writable")
#undef DELEGATE

static const char *const reconfigure_names[] = {"encoding",       "errors",        "newline",
                                                "line_buffering", "write_through", NULL};

FN(textio_reconfigure) {
    TextIOObject *t = TXT(self);
    ArgSpec spec = {"reconfigure", 0, reconfigure_names, 0, 0, 0};
    Value a[5];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || check_init(t) < 0) {
        return 0;
    }
    Value encoding, errors, newline = 0;
    if (optional_str_arg(a[0], "encoding", &encoding) < 0 ||
        optional_str_arg(a[1], "errors", &errors) < 0) {
        return 0;
    }
    if (a[2] && a[2] != VAL_NONE && !val_is_str(a[2])) {
        return err_format(&exc_TypeError, "reconfigure() argument 'newline' must be str or None, not %s",
                          obj_type_name(a[2]));
    }
    if (t->decoded && (encoding || (a[1] && a[1] != VAL_NONE) || a[2])) {
        return io_unsupported(
            "It is not possible to set the encoding or newline of stream after the first read");
    }
    if (!io_call(self, "flush", NULL, 0)) {
        return 0;
    }
    if (a[2]) {
        newline = a[2] == VAL_NONE ? 0 : a[2];
        if (set_newline(t, newline) < 0) {
            return 0;
        }
    }
    if (encoding) {
        if (set_encoding(t, encoding) < 0 || skip_bom_mid_stream(t) < 0) {
            return 0;
        }
        t->errors = errors ? errors : str_intern_cstr("strict");
    } else if (errors) {
        t->errors = errors;
    }
    if (a[3] && a[3] != VAL_NONE) {
        int v = obj_truthy(a[3]);
        if (v < 0) {
            return 0;
        }
        t->line_buffering = v;
    }
    if (a[4] && a[4] != VAL_NONE) {
        int v = obj_truthy(a[4]);
        if (v < 0) {
            return 0;
        }
        t->write_through = v;
    }
    return VAL_NONE;
}

// encoding, buffer, line_buffering and write_through are plain members in
// CPython: readable before __init__ and after detach() (buffer is None then).
static Value textio_get_encoding(Value self) {
    return TXT(self)->encoding ? TXT(self)->encoding : VAL_NONE;
}
static Value textio_get_errors(Value self) {
    if (!TXT(self)->initialized) {
        return err_format(&exc_ValueError, "I/O operation on uninitialized object");
    }
    return TXT(self)->errors;
}
static Value textio_get_buffer(Value self) {
    TextIOObject *t = TXT(self);
    return t->buffer && !t->detached ? t->buffer : VAL_NONE;
}
static Value textio_get_line_buffering(Value self) {
    return val_bool(TXT(self)->line_buffering);
}
static Value textio_get_write_through(Value self) {
    return val_bool(TXT(self)->write_through);
}
static Value textio_get_closed(Value self) {
    return check_init(TXT(self)) < 0 ? 0 : obj_getattr_cstr(TXT(self)->buffer, "closed");
}
static Value textio_get_name(Value self) {
    return check_init(TXT(self)) < 0 ? 0 : obj_getattr_cstr(TXT(self)->buffer, "name");
}
static Value textio_get_chunk_size(Value self) {
    TextIOObject *t = TXT(self);
    return check_init(t) < 0 ? 0 : int_from_i64((int64_t)t->chunk_size);
}

static int textio_set_chunk_size(Value self, Value value) {
    TextIOObject *t = TXT(self);
    if (check_init(t) < 0) {
        return -1;
    }
    if (!value) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int64_t n;
    if (obj_as_int64(value, &n) < 0) {
        return -1;
    }
    if (n <= 0) {
        err_format(&exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    t->chunk_size = (size_t)n;
    return 0;
}

static Value newlines_value(unsigned seen) {
    static const char *const names[] = {"\r", "\n", "\r\n"};
    Value items[3];
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        if (seen & (1u << i)) {
            items[n] = str_from_cstr(names[i]);
            if (!items[n]) {
                return 0;
            }
            n++;
        }
    }
    return n == 0 ? VAL_NONE : n == 1 ? items[0] : tuple_from(items, n);
}

static Value textio_get_newlines(Value self) {
    TextIOObject *t = TXT(self);
    if (check_init(t) < 0) {
        return 0;
    }
    return t->readuniversal ? newlines_value(t->seen) : VAL_NONE;
}

static Value textio_repr(Value self) {
    TextIOObject *t = TXT(self);
    if (!t->initialized) {
        return err_format(&exc_ValueError, "I/O operation on uninitialized object");
    }
    if (io_repr_enter(self) < 0) {
        return 0;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "<_io.TextIOWrapper");
    Value result = 0;
    const char *keys[2] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        Value v = obj_getattr_opt(self, str_intern_cstr(keys[i]));
        if (!v) {
            if (err_occurred()) {
                // As CPython: only a detached stream's ValueError from
                // name is ignored.
                if (i == 1 || !err_matches(&exc_ValueError)) {
                    goto done;
                }
                err_clear();
            }
            continue;
        }
        sb_printf(&sb, " %s=", keys[i]);
        if (repr_append(&sb, v) < 0) {
            goto done;
        }
    }
    sb_puts(&sb, " encoding=");
    if (repr_append(&sb, t->encoding) < 0) {
        goto done;
    }
    sb_putc(&sb, '>');
    result = str_from_strbuf(&sb);
    repr_leave(self);
    return result;
done:
    sb_free(&sb);
    repr_leave(self);
    return result;
}

static const MethodDef textio_methods[] = {
    {"read", textio_read, METH_DEFAULT, NULL},
    {"readline", textio_readline, METH_DEFAULT, NULL},
    {"write", textio_write, METH_DEFAULT, NULL},
    {"flush", textio_flush, METH_DEFAULT, NULL},
    {"close", textio_close, METH_DEFAULT, NULL},
    {"detach", textio_detach, METH_DEFAULT, NULL},
    {"tell", textio_tell, METH_DEFAULT, NULL},
    {"seek", textio_seek, METH_DEFAULT, NULL},
    {"truncate", textio_truncate, METH_DEFAULT, NULL},
    {"fileno", textio_fileno, METH_DEFAULT, NULL},
    {"isatty", textio_isatty, METH_DEFAULT, NULL},
    {"seekable", textio_seekable, METH_DEFAULT, NULL},
    {"readable", textio_readable, METH_DEFAULT, NULL},
    {"writable", textio_writable, METH_DEFAULT, NULL},
    {"reconfigure", textio_reconfigure, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef textio_getset[] = {
    {"encoding", textio_get_encoding, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL},
    {"closed", textio_get_closed, NULL, NULL},
    {"name", textio_get_name, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL},
    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size, NULL},
    {NULL, NULL, NULL, NULL},
};

// __del__: IOBase's (close the stream if it is open), after the buffer
// passed the unclosed-file ResourceWarning on to the raw file with this
// wrapper as its source, as CPython's close of a finalizing wrapper.
static Value textio_finalize(Value self) {
    TextIOObject *t = (TextIOObject *)val_ptr(self);
    int c = io_is_closed(self);
    if (c == 0) {
        if (t->buffer) {
            io_dealloc_warn(t->buffer, self);
        }
        io_call(self, "close", NULL, 0);
    }
    err_clear();
    return VAL_NONE;
}

Type type_textiowrapper = {
    .header = {&type_type},
    .name = "_io.TextIOWrapper",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(TextIOObject),
    .base = &type_textiobase,
    .trace = textio_trace,
    .free = textio_free,
    .new_ = textio_new,
    .init = textio_init,
    .finalize = textio_finalize,
    .repr = textio_repr,
    .iternext = textio_iternext,
    .methods = textio_methods,
    .getset = textio_getset,
};

// ---- IncrementalNewlineDecoder ----------------------------------------------------------------

typedef struct NewlineDecoderObject {
    Object header;
    Value decoder;     // an incremental decoder, or None (input is str)
    Value errors;
    int translate, pendingcr, initialized;
    unsigned seen;
} NewlineDecoderObject;

#define NLD(v) ((NewlineDecoderObject *)val_ptr(v))

static void nldecoder_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((NewlineDecoderObject *)o)->decoder);
    gc_trace_value(t, ((NewlineDecoderObject *)o)->errors);
}

static Value nldecoder_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"decoder", "translate", "errors", NULL};
    ArgSpec spec = {"IncrementalNewlineDecoder", 0, names, 2, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int tr = obj_truthy(a[1]);
    if (tr < 0) {
        return 0;
    }
    NewlineDecoderObject *d = NLD(self);
    d->decoder = a[0];
    d->errors = a[2] ? a[2] : str_intern_cstr("strict");
    d->translate = tr;
    d->pendingcr = 0;
    d->seen = 0;
    d->initialized = 1;
    return VAL_NONE;
}

static int nld_check(NewlineDecoderObject *d) {
    if (!d->initialized) {
        err_format(&exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

FN(nldecoder_decode) {
    static const char *const names[] = {"input", "final", NULL};
    ArgSpec spec = {"decode", 0, names, 1, 2, 0};
    Value a[2];
    NewlineDecoderObject *d = NLD(self);
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || nld_check(d) < 0) {
        return 0;
    }
    int final = a[1] ? obj_truthy(a[1]) : 0;
    if (final < 0) {
        return 0;
    }
    Value out = a[0];
    if (d->decoder != VAL_NONE) {
        Value dargs[2] = {a[0], val_bool(final)};
        Value kw = tuple_from((Value[]){str_intern_cstr("final")}, 1);
        Value m = kw ? obj_getattr_cstr(d->decoder, "decode") : 0;
        out = m ? obj_call(m, dargs, 1, kw) : 0;
        if (!out) {
            return 0;
        }
    }
    if (!val_is_str(out)) {
        return err_format(&exc_TypeError, "decoder should return a string result, not '%s'",
                          obj_type_name(out));
    }
    if (d->pendingcr && (final || str_obj(out)->nbytes)) {
        out = str_concat(str_intern_cstr("\r"), out);
        if (!out) {
            return 0;
        }
        d->pendingcr = 0;
    }
    StrObject *so = str_obj(out);
    if (!final && so->nbytes && so->data[so->nbytes - 1] == '\r') {
        out = str_substr_bytes(out, 0, so->nbytes - 1);
        if (!out) {
            return 0;
        }
        d->pendingcr = 1;
    }
    return translate_newlines(out, d->translate, &d->seen);
}

FN(nldecoder_getstate) {
    NewlineDecoderObject *d = NLD(self);
    if (method_check_args("IncrementalNewlineDecoder.getstate", nargs, kwnames, 0, 0) < 0 || nld_check(d) < 0) {
        return 0;
    }
    Value buf = bytes_from("", 0);
    int64_t flag = 0;
    if (d->decoder != VAL_NONE) {
        Value st = io_call(d->decoder, "getstate", NULL, 0);
        if (!st) {
            return 0;
        }
        if (!tuple_check(st) || tuple_obj(st)->len != 2) {
            return err_format(&exc_TypeError, "illegal decoder state");
        }
        buf = tuple_obj(st)->items[0];
        if (obj_as_int64(tuple_obj(st)->items[1], &flag) < 0) {
            return 0;
        }
    }
    flag = (flag << 1) | d->pendingcr;
    return tuple_pack2(buf, int_from_i64(flag));
}

FN(nldecoder_setstate) {
    NewlineDecoderObject *d = NLD(self);
    if (method_check_args("IncrementalNewlineDecoder.setstate", nargs, kwnames, 1, 1) < 0 || nld_check(d) < 0) {
        return 0;
    }
    Value st = args[0];
    if (!tuple_check(st) || tuple_obj(st)->len != 2) {
        return err_format(&exc_TypeError, "state argument must be a tuple");
    }
    int64_t flag;
    if (obj_as_int64(tuple_obj(st)->items[1], &flag) < 0) {
        return 0;
    }
    d->pendingcr = (int)(flag & 1);
    if (d->decoder != VAL_NONE) {
        Value inner = tuple_pack2(tuple_obj(st)->items[0], int_from_i64(flag >> 1));
        if (!inner || !io_call(d->decoder, "setstate", &inner, 1)) {
            return 0;
        }
    }
    return VAL_NONE;
}

FN(nldecoder_reset) {
    NewlineDecoderObject *d = NLD(self);
    if (method_check_args("IncrementalNewlineDecoder.reset", nargs, kwnames, 0, 0) < 0 || nld_check(d) < 0) {
        return 0;
    }
    d->seen = 0;
    d->pendingcr = 0;
    if (d->decoder != VAL_NONE && !io_call(d->decoder, "reset", NULL, 0)) {
        return 0;
    }
    return VAL_NONE;
}

static Value nldecoder_get_newlines(Value self) {
    return nld_check(NLD(self)) < 0 ? 0 : newlines_value(NLD(self)->seen);
}

static Value nldecoder_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    return val_from_ptr(gc_alloc(t, t->basic_size));
}

static const MethodDef nldecoder_methods[] = {
    {"decode", nldecoder_decode, METH_DEFAULT, NULL},
    {"getstate", nldecoder_getstate, METH_DEFAULT, NULL},
    {"setstate", nldecoder_setstate, METH_DEFAULT, NULL},
    {"reset", nldecoder_reset, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef nldecoder_getset[] = {
    {"newlines", nldecoder_get_newlines, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_incrementalnewlinedecoder = {
    .header = {&type_type},
    .name = "_io.IncrementalNewlineDecoder",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(NewlineDecoderObject),
    .base = &type_object,
    .trace = nldecoder_trace,
    .new_ = nldecoder_new,
    .init = nldecoder_init,
    .methods = nldecoder_methods,
    .getset = nldecoder_getset,
};
