// codecs.c - codec lookup and the built-in encoders and decoders (codecs.h).
//
// Lookup follows CPython's registry: the name is normalized (ASCII letters
// lowered, runs of anything but letters, digits and '.' collapsed to one
// '_', none leading or trailing), then resolved through the table of every
// alias and encodings module python3.11 has (tools/gen_codec_names.py), so
// "UTF8", "u8", "latin-1", "ISO_8859-1:1987" and "cp65001" all work, an
// unknown name gives the same LookupError, and a codec CPython has but
// krait does not raises NotImplementedError naming it.
//
// Encoders walk the generalized UTF-8 of the str, counting code points for
// error positions. Unencodable characters go to the error handler the way
// CPython's encoders group them: ASCII, Latin-1 and UTF-8 hand over a whole
// run of consecutive unencodable characters at once (so a strict error
// reads "characters in position 3-5"), UTF-16 and UTF-32 one character at
// a time.
#include "codecs.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "bytes.h"
#include "dict.h"
#include "gc.h"
#include "int.h"
#include "memoryview.h"
#include "exceptions.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "unicode.h"
#include "unicode_names.h"
#include "../vm/import.h"

#include "codec_names.h"

typedef enum CodecKind {
    CODEC_UTF8, CODEC_UTF8_SIG, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF16, CODEC_UTF16_LE,
    CODEC_UTF16_BE, CODEC_UTF32, CODEC_UTF32_LE, CODEC_UTF32_BE, CODEC_UNICODE_ESCAPE,
    CODEC_RAW_UNICODE_ESCAPE, CODEC_CHARMAP, CODEC_UTF7, CODEC_UNSUPPORTED,
} CodecKind;

// The name an encoder's errors carry, per kind.
static const char *const codec_error_names[] = {
    "utf-8", "utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
    "utf-32", "utf-32-le", "utf-32-be", "unicodeescape", "rawunicodeescape", "charmap", "utf7", "",
};

static const struct {
    const char *module;
    CodecKind kind;
} codec_modules[] = {
    {"utf_8", CODEC_UTF8}, {"utf_8_sig", CODEC_UTF8_SIG}, {"ascii", CODEC_ASCII},
    {"latin_1", CODEC_LATIN1}, {"utf_16", CODEC_UTF16}, {"utf_16_le", CODEC_UTF16_LE},
    {"utf_16_be", CODEC_UTF16_BE}, {"utf_32", CODEC_UTF32}, {"utf_32_le", CODEC_UTF32_LE},
    {"utf_32_be", CODEC_UTF32_BE}, {"unicode_escape", CODEC_UNICODE_ESCAPE},
    {"raw_unicode_escape", CODEC_RAW_UNICODE_ESCAPE}, {"utf_7", CODEC_UTF7},
};

// ---- lookup ----------------------------------------------------------------------------

// CPython's _Py_normalize_encoding. Returns 0 if the result does not fit.
static int codec_normalize(const char *name, char *out, size_t size) {
    size_t n = 0;
    int punct = 0;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || c == '.') {
            if (punct && n > 0) {
                if (n + 1 >= size) {
                    return 0;
                }
                out[n++] = '_';
            }
            punct = 0;
            if (n + 1 >= size) {
                return 0;
            }
            out[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        } else {
            punct = 1;
        }
    }
    out[n] = 0;
    return 1;
}

static const CodecName *codec_find(const char *name, int kinds) {
    size_t lo = 0, hi = sizeof CODEC_NAMES / sizeof CODEC_NAMES[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(CODEC_NAMES[mid].name, name);
        if (c == 0) {
            return (CODEC_NAMES[mid].kinds & kinds) ? &CODEC_NAMES[mid] : NULL;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

// The CPython codec table's entry for `encoding`, or NULL.
static const CodecName *codec_find_name(const char *encoding) {
    char norm[128];
    const CodecName *c = NULL;
    if (codec_normalize(encoding, norm, sizeof norm)) {
        c = codec_find(norm, strchr(norm, '.') ? 1 : 3);
        if (!c && strchr(norm, '.')) {
            for (char *p = norm; *p; p++) {
                if (*p == '.') {
                    *p = '_';
                }
            }
            c = codec_find(norm, 1);
        }
    }
    return c;
}

const char *codec_cpython_module(const char *encoding) {
    const CodecName *c = codec_find_name(encoding);
    return c ? c->module : NULL;
}

// The codec for `encoding`, or -1 with LookupError / NotImplementedError.
// `what` is "encode" or "decode" (for the message about bytes codecs);
// *charmap gets the table of a single-byte codec.
static int codec_lookup_uncached(const char *encoding, CodecKind *kind, int *charmap,
                                 const char *what) {
    const CodecName *c = codec_find_name(encoding);
    if (!c) {
        Value msg = str_format_c("unknown encoding: %s", encoding);
        if (msg) {
            err_format(&exc_LookupError, "%s", str_obj(msg)->data);
        }
        return -1;
    }
    if (!c->text) {
        err_format(&exc_LookupError,
                   "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                   encoding, what);
        return -1;
    }
    for (size_t i = 0; i < sizeof codec_modules / sizeof codec_modules[0]; i++) {
        if (strcmp(codec_modules[i].module, c->module) == 0) {
            *kind = codec_modules[i].kind;
            return 0;
        }
    }
    for (int i = 0; i < CODEC_NCHARMAPS; i++) {
        if (strcmp(CODEC_CHARMAP_MODULES[i], c->module) == 0) {
            *kind = CODEC_CHARMAP;
            *charmap = i;
            return 0;
        }
    }
    err_format(&exc_NotImplementedError, "the '%s' codec is not implemented in krait yet",
               c->module);
    return -1;
}

// The last few encodings codec_lookup resolved, by their exact spelling
// (the table is fixed, so a name always resolves the same way): str.encode
// and bytes.decode with "utf-8" skip normalizing and the table search.
enum { CODEC_MEMO = 4, CODEC_MEMO_NAME = 24 };
static struct {
    char name[CODEC_MEMO_NAME];
    CodecKind kind;
    int charmap;
} codec_memo[CODEC_MEMO];
static unsigned codec_memo_next;

static int codec_lookup(const char *encoding, CodecKind *kind, int *charmap, const char *what) {
    for (int i = 0; i < CODEC_MEMO; i++) {
        if (codec_memo[i].name[0] && strcmp(codec_memo[i].name, encoding) == 0) {
            *kind = codec_memo[i].kind;
            if (codec_memo[i].kind == CODEC_CHARMAP) {
                *charmap = codec_memo[i].charmap;
            }
            return 0;
        }
    }
    if (codec_lookup_uncached(encoding, kind, charmap, what) < 0) {
        return -1;
    }
    if (strlen(encoding) < CODEC_MEMO_NAME) {
        unsigned i = codec_memo_next++ % CODEC_MEMO;
        strcpy(codec_memo[i].name, encoding);
        codec_memo[i].kind = *kind;
        codec_memo[i].charmap = *kind == CODEC_CHARMAP ? *charmap : -1;
    }
    return 0;
}


// Whether CPython reaches the codec without its registry: the names its
// PyUnicode_AsEncodedString / PyUnicode_Decode test first. Errors of other
// codecs pass through the registry, which rewraps the simple ones.
static int codec_is_fast_name(const char *encoding) {
    static const char *const fast[] = {"utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32",
                                       "ascii", "us_ascii", "latin1", "latin_1", "iso_8859_1",
                                       "iso8859_1"};
    char norm[32];
    if (!encoding) {
        return 1;
    }
    if (!codec_normalize(encoding, norm, sizeof norm)) {
        return 0;
    }
    for (size_t i = 0; i < sizeof fast / sizeof fast[0]; i++) {
        if (strcmp(norm, fast[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

// The registry's wrapping of a failed codec call (CPython's
// _PyErr_TrySetFromCause): an exception with nothing but a message (not a
// UnicodeError) becomes "encoding with 'x' codec failed (LookupError: ...)"
// of the same type, caused by the original.
void codec_wrap_error(const char *what, const char *encoding) {
    // Only exceptions that are nothing but their message: not those whose
    // types take other arguments or carry attributes.
    // (UnicodeError itself is: its subclasses are not.)
    if (!err_matches(&exc_Exception) ||
        (err_matches(&exc_UnicodeError) && err_pending_type(NULL) != &exc_UnicodeError) ||
        err_matches(&exc_OSError) || err_matches(&exc_SyntaxError) ||
        err_matches(&exc_ImportError) || err_matches(&exc_AttributeError) ||
        err_matches(&exc_NameError) || err_matches(&exc_StopIteration) ||
        err_matches(&exc_BaseExceptionGroup)) {
        return;
    }
    Value orig = err_fetch();
    if (!orig) {
        return;
    }
    ExceptionObject *oe = (ExceptionObject *)val_ptr(orig);
    if (oe->dict && dict_len(oe->dict) > 0) {
        err_set_value(orig);
        return;
    }
    Value text = obj_str(orig);
    Value msg = text ? str_format_c("%s with '%s' codec failed (%s: %U)", what, encoding,
                                    type_of(orig)->name, text)
                     : 0;
    Value exc = msg ? obj_call1(val_from_ptr(type_of(orig)), msg) : 0;
    if (!exc) {
        err_clear();
        err_set_value(orig);
        return;
    }
    ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
    e->cause = orig;
    e->context = orig;
    e->suppress_context = 1;
    err_set_value(exc);
}

// ---- errors --------------------------------------------------------------------------------

typedef enum ErrorHandler {
    EH_UNKNOWN, EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASHREPLACE, EH_XMLCHARREFREPLACE,
    EH_SURROGATEESCAPE, EH_SURROGATEPASS, EH_NAMEREPLACE, EH_BAD,
} ErrorHandler;

static ErrorHandler codec_handler(const char *errors) {
    static const struct {
        const char *name;
        ErrorHandler h;
    } handlers[] = {
        {"strict", EH_STRICT}, {"ignore", EH_IGNORE}, {"replace", EH_REPLACE},
        {"backslashreplace", EH_BACKSLASHREPLACE}, {"xmlcharrefreplace", EH_XMLCHARREFREPLACE},
        {"surrogateescape", EH_SURROGATEESCAPE}, {"surrogatepass", EH_SURROGATEPASS},
        {"namereplace", EH_NAMEREPLACE},
    };
    if (!errors) {
        return EH_STRICT;
    }
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
        if (strcmp(errors, handlers[i].name) == 0) {
            return handlers[i].h;
        }
    }
    return EH_BAD;
}

// The error handlers codecs.register_error added (and _codecs' builtin
// ones): name -> callable. Created by the first registration.
static Value codec_error_registry;

int codec_register_error(Value name, Value handler) {
    if (!codec_error_registry) {
        gc_add_root(&codec_error_registry);
        codec_error_registry = dict_new();
        if (!codec_error_registry) {
            return -1;
        }
    }
    return dict_set(codec_error_registry, name, handler);
}

Value codec_lookup_error_handler(const char *name) {
    if (!codec_error_registry) {
        return 0;
    }
    return dict_get_cstr(codec_error_registry, name);
}

static void codec_unknown_handler(const char *errors);

int codec_call_error_handler(const char *errors, Value exc, int encode, size_t length,
                             Value *rep, int64_t *newpos) {
    if (!errors || strcmp(errors, "strict") == 0) {
        err_set_value(exc);
        return -1;
    }
    Value handler = codec_lookup_error_handler(errors);
    if (!handler) {
        if (!err_occurred()) {
            codec_unknown_handler(errors);
        }
        return -1;
    }
    Value r = obj_call1(handler, exc);
    if (!r) {
        return -1;
    }
    if (!tuple_check(r) || tuple_obj(r)->len != 2 ||
        !(val_is_str(tuple_obj(r)->items[0]) ||
          (encode && val_is_bytes(tuple_obj(r)->items[0]))) ||
        !int_check(tuple_obj(r)->items[1])) {
        err_format(&exc_TypeError, encode ? "encoding error handler must return (str/bytes, int) tuple"
                                         : "decoding error handler must return (str, int) tuple");
        return -1;
    }
    int64_t pos;
    if (obj_as_index(tuple_obj(r)->items[1], &pos, 1) < 0) {
        return -1;
    }
    if (pos < 0) {
        pos += (int64_t)length;
    }
    if (pos < 0 || pos > (int64_t)length) {
        err_format(&exc_IndexError, "position %lld from error handler out of bounds",
                   (long long)pos);
        return -1;
    }
    *rep = tuple_obj(r)->items[0];
    *newpos = pos;
    return 0;
}

static void codec_unknown_handler(const char *errors) {
    Value msg = str_format_c("unknown error handler name '%s'", errors);
    if (msg) {
        err_format(&exc_LookupError, "%s", str_obj(msg)->data);
    }
}

typedef struct Encoder {
    Value str;
    CodecKind kind;
    CodecKind name_kind;    // the codec its errors name (utf-16 writes as utf-16-le)
    int charmap;            // CODEC_CHARMAP: the table
    const char *errors;     // the handler's name (NULL: strict)
    ErrorHandler handler;   // resolved at the first error
    StrBuf out;
} Encoder;

// UnicodeEncodeError(encoding, str, start, end, reason), or 0.
static Value enc_error_new(Encoder *e, size_t start, size_t end, const char *reason) {
    Value args[5] = {
        str_from_cstr(codec_error_names[e->name_kind]), e->str, val_from_smallint((int64_t)start),
        val_from_smallint((int64_t)end), str_from_cstr(reason),
    };
    if (!args[0] || !args[4]) {
        return 0;
    }
    return obj_call(val_from_ptr(&exc_UnicodeEncodeError), args, 5, 0);
}

// Raise UnicodeEncodeError(encoding, str, start, end, reason).
static int enc_raise(Encoder *e, size_t start, size_t end, const char *reason) {
    Value exc = enc_error_new(e, start, end, reason);
    if (exc) {
        err_set_value(exc);
    }
    return -1;
}

static ErrorHandler enc_handler(Encoder *e) {
    if (e->handler == EH_UNKNOWN) {
        e->handler = codec_handler(e->errors);
    }
    return e->handler;
}

static void enc_put_backslash(StrBuf *b, uint32_t cp) {
    if (cp <= 0xFF) {
        sb_printf(b, "\\x%02x", cp);
    } else if (cp <= 0xFFFF) {
        sb_printf(b, "\\u%04x", cp);
    } else {
        sb_printf(b, "\\U%08x", cp);
    }
}

static int enc_can(const Encoder *e, uint32_t cp);
static void enc_put_unit(Encoder *e, uint32_t cp);

// A handler from the registry: its str replacement is encoded by this
// codec (a character it cannot encode raises the original error), its
// bytes replacement copied.
static int enc_custom(Encoder *e, size_t start, size_t end, const char *reason, int *bytes,
                      int64_t *newpos) {
    if (!codec_lookup_error_handler(e->errors)) {
        if (!err_occurred()) {
            codec_unknown_handler(e->errors);
        }
        return -1;
    }
    Value exc = enc_error_new(e, start, end, reason);
    Value rep;
    if (!exc || codec_call_error_handler(e->errors, exc, 1, str_len(e->str), &rep, newpos) < 0) {
        return -1;
    }
    *bytes = 2;
    if (val_is_bytes(rep)) {
        sb_put(&e->out, bytes_data(rep), bytes_len(rep));
        return 0;
    }
    StrObject *r = str_obj(rep);
    const unsigned char *p = (const unsigned char *)r->data;
    for (size_t i = 0; i < r->nbytes;) {
        size_t k;
        uint32_t cp = str_decode_cp(p + i, &k);
        if (!enc_can(e, cp)) {
            return enc_raise(e, start, end, reason);
        }
        enc_put_unit(e, cp);
        i += k;
    }
    return 0;
}

// The replacement text (ASCII) the handler gives for cps[0..n) (the run
// at code point positions start..start+n), or -1 with the error raised.
// *bytes is set for surrogateescape/surrogatepass, whose output is bytes
// for the encoder rather than text; *bad_at is where surrogateescape met
// a character it cannot map.
// A handler registered with codecs.register_error writes its replacement
// straight into e->out (*bytes = 2) and may move *newpos.
static int enc_replacement(Encoder *e, const uint32_t *cps, size_t n, size_t start,
                           const char *reason, StrBuf *rep, int *bytes, int64_t *newpos) {
    *bytes = 0;
    *newpos = (int64_t)(start + n);
    switch (enc_handler(e)) {
    case EH_STRICT:
        return enc_raise(e, start, start + n, reason);
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        for (size_t i = 0; i < n; i++) {
            sb_putc(rep, '?');
        }
        return 0;
    case EH_BACKSLASHREPLACE:
        for (size_t i = 0; i < n; i++) {
            enc_put_backslash(rep, cps[i]);
        }
        return 0;
    case EH_XMLCHARREFREPLACE:
        for (size_t i = 0; i < n; i++) {
            sb_printf(rep, "&#%u;", cps[i]);
        }
        return 0;
    case EH_SURROGATEESCAPE:
        *bytes = 1;
        for (size_t i = 0; i < n; i++) {
            if (cps[i] < 0xDC80 || cps[i] > 0xDCFF) {
                // The builtin encoders keep the escapes before the bad
                // character; the charmap codecs go through the generic
                // handler, which refuses the whole run.
                return enc_raise(e, e->kind == CODEC_CHARMAP ? start : start + i, start + n,
                                 reason);
            }
            sb_putc(rep, (char)(cps[i] - 0xDC00));
        }
        return 0;
    case EH_SURROGATEPASS: {
        *bytes = 1;
        for (size_t i = 0; i < n; i++) {
            uint32_t c = cps[i];
            if (c < 0xD800 || c > 0xDFFF) {
                return enc_raise(e, start, start + n, reason);
            }
            switch (e->kind) {
            case CODEC_UTF8:
            case CODEC_UTF8_SIG: {
                char b[4];
                sb_put(rep, b, (size_t)utf8_encode(c, b));
                break;
            }
            case CODEC_UTF16:
            case CODEC_UTF16_LE:
                sb_putc(rep, (char)(c & 0xFF));
                sb_putc(rep, (char)(c >> 8));
                break;
            case CODEC_UTF16_BE:
                sb_putc(rep, (char)(c >> 8));
                sb_putc(rep, (char)(c & 0xFF));
                break;
            case CODEC_UTF32:
            case CODEC_UTF32_LE:
                sb_putc(rep, (char)(c & 0xFF));
                sb_putc(rep, (char)(c >> 8));
                sb_putc(rep, 0);
                sb_putc(rep, 0);
                break;
            case CODEC_UTF32_BE:
                sb_putc(rep, 0);
                sb_putc(rep, 0);
                sb_putc(rep, (char)(c >> 8));
                sb_putc(rep, (char)(c & 0xFF));
                break;
            default:
                return enc_raise(e, start, start + n, reason);
            }
        }
        return 0;
    }
    case EH_NAMEREPLACE:
        err_format(&exc_NotImplementedError,
                   "the 'namereplace' error handler is not implemented in krait yet");
        return -1;
    default:
        return enc_custom(e, start, start + n, reason, bytes, newpos);
    }
}

// ---- the encoders -----------------------------------------------------------------------------

// The byte the single-byte codec `k` encodes cp to, or -1.
static int enc_charmap_byte(int k, uint32_t cp) {
    size_t lo = CODEC_CHARMAP_ENC_AT[k], hi = CODEC_CHARMAP_ENC_AT[k + 1];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t c = CODEC_CHARMAP_ENC[mid] >> 8;
        if (c == cp) {
            return (int)(CODEC_CHARMAP_ENC[mid] & 0xFF);
        }
        if (c < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

// Whether the encoder can encode cp directly.
static int enc_can(const Encoder *e, uint32_t cp) {
    switch (e->kind) {
    case CODEC_CHARMAP: return enc_charmap_byte(e->charmap, cp) >= 0;
    case CODEC_ASCII: return cp < 0x80;
    case CODEC_LATIN1: return cp < 0x100;
    default: return cp < 0xD800 || cp > 0xDFFF;
    }
}

static void enc_put_unit(Encoder *e, uint32_t cp) {
    StrBuf *b = &e->out;
    switch (e->kind) {
    case CODEC_UTF8:
    case CODEC_UTF8_SIG: {
        char t[4];
        sb_put(b, t, (size_t)utf8_encode(cp, t));
        break;
    }
    case CODEC_ASCII:
    case CODEC_LATIN1:
        sb_putc(b, (char)cp);
        break;
    case CODEC_CHARMAP:
        sb_putc(b, (char)enc_charmap_byte(e->charmap, cp));
        break;
    case CODEC_UTF16:
    case CODEC_UTF16_LE:
    case CODEC_UTF16_BE: {
        uint32_t units[2];
        int n = 1;
        units[0] = cp;
        if (cp >= 0x10000) {
            units[0] = 0xD800 | ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 | ((cp - 0x10000) & 0x3FF);
            n = 2;
        }
        for (int i = 0; i < n; i++) {
            if (e->kind == CODEC_UTF16_BE) {
                sb_putc(b, (char)(units[i] >> 8));
                sb_putc(b, (char)(units[i] & 0xFF));
            } else {
                sb_putc(b, (char)(units[i] & 0xFF));
                sb_putc(b, (char)(units[i] >> 8));
            }
        }
        break;
    }
    default: {  // UTF-32
        char t[4];
        for (int i = 0; i < 4; i++) {
            int shift = e->kind == CODEC_UTF32_BE ? 24 - 8 * i : 8 * i;
            t[i] = (char)((cp >> shift) & 0xFF);
        }
        sb_put(b, t, 4);
        break;
    }
    }
}

// Append a handler's text replacement: UTF-16/32 write each (ASCII)
// character as a code unit.
static void enc_put_text(Encoder *e, const StrBuf *rep) {
    for (size_t i = 0; i < rep->len; i++) {
        enc_put_unit(e, (unsigned char)rep->data[i]);
    }
}

static int enc_run(Encoder *e) {
    StrObject *s = str_obj(e->str);
    const unsigned char *d = (const unsigned char *)s->data;
    size_t n = s->nbytes;
    if (e->kind == CODEC_UTF16) {
        sb_put(&e->out, "\xff\xfe", 2);
        e->kind = CODEC_UTF16_LE;  // the BOM says little-endian; errors still say utf-16
    } else if (e->kind == CODEC_UTF32) {
        sb_put(&e->out, "\xff\xfe\0\0", 4);
        e->kind = CODEC_UTF32_LE;
    } else if (e->kind == CODEC_UTF8_SIG) {
        sb_put(&e->out, "\xef\xbb\xbf", 3);
    }
    int per_char = e->kind >= CODEC_UTF16 && e->kind <= CODEC_UTF32_BE;
    int charmap = e->kind == CODEC_CHARMAP;
    size_t pos = 0, index = 0;
    uint32_t small[64];
    while (pos < n) {
        // A run that is copied as it is: UTF-8 up to the next surrogate,
        // ASCII for the 8-bit codecs.
        if (!per_char && !charmap) {
            int utf8 = e->kind == CODEC_UTF8 || e->kind == CODEC_UTF8_SIG;
            size_t start = pos;
            if (utf8) {
                while (pos < n && !(d[pos] == 0xED && d[pos + 1] >= 0xA0)) {
                    pos++;
                }
            } else {
                while (pos < n && d[pos] < 0x80) {
                    pos++;
                }
            }
            sb_put(&e->out, (const char *)d + start, pos - start);
            index += utf8 ? str_count_cps((const char *)d + start, pos - start) : pos - start;
            if (pos >= n) {
                break;
            }
        }
        size_t k;
        uint32_t cp = str_decode_cp(d + pos, &k);
        if (enc_can(e, cp)) {
            enc_put_unit(e, cp);
            pos += k;
            index++;
            continue;
        }
        // The unencodable run (one character for UTF-16/32).
        size_t run = 0, p = pos;
        uint32_t *cps = small;
        while (p < n && run < 64) {
            size_t kk;
            uint32_t c = str_decode_cp(d + p, &kk);
            if (enc_can(e, c) || (per_char && run == 1)) {
                break;
            }
            cps[run++] = c;
            p += kk;
        }
        // Runs longer than the buffer are handled 64 characters at a time
        // except for strict, which must report the whole run.
        size_t full_end = index + run;
        if (run == 64 && enc_handler(e) == EH_STRICT) {
            size_t q = p;
            while (q < n) {
                size_t kk;
                uint32_t c = str_decode_cp(d + q, &kk);
                if (enc_can(e, c)) {
                    break;
                }
                q += kk;
                full_end++;
            }
            return enc_raise(e, index, full_end,
                             e->kind == CODEC_ASCII    ? "ordinal not in range(128)"
                             : e->kind == CODEC_LATIN1 ? "ordinal not in range(256)"
                             : charmap                 ? "character maps to <undefined>"
                                                       : "surrogates not allowed");
        }
        const char *reason = e->kind == CODEC_ASCII    ? "ordinal not in range(128)"
                             : e->kind == CODEC_LATIN1 ? "ordinal not in range(256)"
                             : charmap                 ? "character maps to <undefined>"
                                                       : "surrogates not allowed";
        StrBuf rep;
        sb_init(&rep);
        int bytes;
        int64_t newpos;
        if (enc_replacement(e, cps, run, index, reason, &rep, &bytes, &newpos) < 0) {
            sb_free(&rep);
            return -1;
        }
        if (bytes == 2) {
            sb_free(&rep);
            index = (size_t)newpos;
            pos = str_offset_of(e->str, index);
            continue;
        }
        if (bytes) {
            if (per_char && e->handler == EH_SURROGATEESCAPE) {
                // One byte cannot be a UTF-16/32 code unit.
                sb_free(&rep);
                return enc_raise(e, index, index + 1, reason);
            }
            sb_put(&e->out, rep.data ? rep.data : "", rep.len);
        } else if (per_char) {
            enc_put_text(e, &rep);
        } else if (charmap) {
            // The replacement text goes through the table too (EBCDIC).
            for (size_t i = 0; i < rep.len; i++) {
                int b = enc_charmap_byte(e->charmap, (unsigned char)rep.data[i]);
                if (b < 0) {
                    sb_free(&rep);
                    return enc_raise(e, index, index + run, reason);
                }
                sb_putc(&e->out, (char)b);
            }
        } else {
            sb_put(&e->out, rep.data ? rep.data : "", rep.len);
        }
        sb_free(&rep);
        pos = p;
        index += run;
    }
    return 0;
}

// unicode_escape and raw_unicode_escape: never fail.
static void enc_escape(Encoder *e) {
    StrObject *s = str_obj(e->str);
    const unsigned char *d = (const unsigned char *)s->data;
    for (size_t pos = 0; pos < s->nbytes;) {
        size_t k;
        uint32_t cp = str_decode_cp(d + pos, &k);
        pos += k;
        if (e->kind == CODEC_RAW_UNICODE_ESCAPE) {
            if (cp < 0x100) {
                sb_putc(&e->out, (char)cp);
            } else if (cp <= 0xFFFF) {
                sb_printf(&e->out, "\\u%04x", cp);
            } else {
                sb_printf(&e->out, "\\U%08x", cp);
            }
            continue;
        }
        if (cp == '\\') {
            sb_put(&e->out, "\\\\", 2);
        } else if (cp == '\t') {
            sb_put(&e->out, "\\t", 2);
        } else if (cp == '\n') {
            sb_put(&e->out, "\\n", 2);
        } else if (cp == '\r') {
            sb_put(&e->out, "\\r", 2);
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0x100)) {
            sb_printf(&e->out, "\\x%02x", cp);
        } else if (cp < 0x7F) {
            sb_putc(&e->out, (char)cp);
        } else {
            enc_put_backslash(&e->out, cp);
        }
    }
}

// ---- UTF-7 (RFC 2152) ------------------------------------------------------------------------------
//
// CPython's variant: every printable ASCII character but '+', '\\' and '~'
// (and whitespace) is written as itself; the rest go into base64 runs of
// UTF-16 code units opened by '+' and closed by '-' when the next
// character could be read as base64 (or is '-'). Encoding never fails.

// 0: set D, 1: set O, 2: whitespace (all written directly), 3: base64-encoded.
static int utf7_category(uint32_t c) {
    if (c >= 128 || c == 0) {
        return 3;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        strchr("'(),-./:?", (int)c)) {
        return 0;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return 2;
    }
    if (strchr("!\"#$%&*;<=>@[]^_`{|}", (int)c)) {
        return 1;
    }
    return 3;
}

static int utf7_is_base64(uint32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

static const char utf7_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void enc_utf7(Encoder *e) {
    StrObject *s = str_obj(e->str);
    const unsigned char *d = (const unsigned char *)s->data;
    int in_shift = 0, bits = 0;
    uint64_t buf = 0;
    for (size_t pos = 0; pos < s->nbytes;) {
        size_t k;
        uint32_t c = str_decode_cp(d + pos, &k);
        pos += k;
        int direct = utf7_category(c) != 3;
        if (in_shift && direct) {
            if (bits) {
                sb_putc(&e->out, utf7_alphabet[(buf << (6 - bits)) & 63]);
                buf = 0;
                bits = 0;
            }
            in_shift = 0;
            if (utf7_is_base64(c) || c == '-') {
                sb_putc(&e->out, '-');
            }
            sb_putc(&e->out, (char)c);
            continue;
        }
        if (!in_shift) {
            if (c == '+') {
                sb_put(&e->out, "+-", 2);
                continue;
            }
            if (direct) {
                sb_putc(&e->out, (char)c);
                continue;
            }
            sb_putc(&e->out, '+');
            in_shift = 1;
        }
        uint32_t units[2] = {c, 0};
        int nunits = 1;
        if (c >= 0x10000) {
            units[0] = 0xD800 | ((c - 0x10000) >> 10);
            units[1] = 0xDC00 | ((c - 0x10000) & 0x3FF);
            nunits = 2;
        }
        for (int u = 0; u < nunits; u++) {
            bits += 16;
            buf = (buf << 16) | units[u];
            while (bits >= 6) {
                sb_putc(&e->out, utf7_alphabet[(buf >> (bits - 6)) & 63]);
                bits -= 6;
            }
            buf &= (1u << bits) - 1;
        }
    }
    if (bits) {
        sb_putc(&e->out, utf7_alphabet[(buf << (6 - bits)) & 63]);
    }
    if (in_shift) {
        sb_putc(&e->out, '-');
    }
}

Value codec_encode_direct(Value s, const char *encoding, const char *errors) {
    CodecKind kind = CODEC_UTF8;
    int charmap = -1;
    if (encoding && codec_lookup(encoding, &kind, &charmap, "encode") < 0) {
        return 0;
    }
    Encoder e = {s, kind, kind, charmap, errors, EH_UNKNOWN, {NULL, 0, 0}};
    StrObject *o = str_obj(s);
    if ((kind == CODEC_UTF8 || ((kind == CODEC_ASCII || kind == CODEC_LATIN1) &&
                                (o->flags & STR_ASCII))) &&
        ((o->flags & STR_ASCII) || !memchr(o->data, 0xED, o->nbytes))) {
        // No surrogate can hide in the text: the bytes are the encoding.
        return bytes_from(o->data, o->nbytes);
    }
    sb_init(&e.out);
    sb_reserve(&e.out, o->nbytes + 4);
    if (kind == CODEC_UNICODE_ESCAPE || kind == CODEC_RAW_UNICODE_ESCAPE) {
        enc_escape(&e);
    } else if (kind == CODEC_UTF7) {
        enc_utf7(&e);
    } else if (enc_run(&e) < 0) {
        sb_free(&e.out);
        return 0;
    }
    Value r = bytes_from(e.out.data ? e.out.data : "", e.out.len);
    sb_free(&e.out);
    return r;
}

Value (*codec_registry_hook)(Value encoding);

// A codec krait does not have (unknown to its table, or known but not
// implemented) asked of the codec registry, as CPython's str.encode and
// bytes.decode ask it for every name but a few: codecs registered with
// codecs.register and the pure-Python ones of the encodings package
// (punycode, ...). A codec the registry cannot find either keeps the
// error codec_lookup raised. 1 with *result, 0 when the pending error
// stands, -1 with a new error.
static int codec_via_registry(Value input, const char *encoding, const char *errors, int encode,
                              Value *result) {
    if (!(err_matches(&exc_LookupError) || err_matches(&exc_NotImplementedError))) {
        return 0;
    }
    Value pending = err_fetch();
    if (!codec_registry_hook) {
        // The registry starts when first asked, as CPython's
        // _PyCodecRegistry_Init: importing `encodings` registers its search
        // function (and imports _codecs, which installs the hook).
        if (!import_module_level(str_intern_cstr("encodings"), 0, 0, 0)) {
            err_clear();
        }
        if (!codec_registry_hook) {
            err_set_value(pending);
            return 0;
        }
    }
    Value name = str_from_cstr(encoding);
    Value codec = name ? codec_registry_hook(name) : 0;
    if (!codec) {
        if (err_matches(&exc_LookupError)) {
            err_clear();
            err_set_value(pending);
            return 0;
        }
        return -1;
    }
    Value is_text = obj_getattr_opt(codec, str_intern_cstr("_is_text_encoding"));
    if (!is_text && err_occurred()) {
        return -1;
    }
    int text = is_text ? obj_truthy(is_text) : 1;
    if (text < 0) {
        return -1;
    }
    if (!text) {
        err_format(&exc_LookupError,
                   "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                   encoding, encode ? "encode" : "decode");
        return -1;
    }
    // As CPython: the errors argument only when one was given, and the
    // data to decode as a memoryview.
    if (!encode) {
        input = obj_call1(val_from_ptr(&type_memoryview), input);
        if (!input) {
            return -1;
        }
    }
    Value fn = tuple_obj(codec)->items[encode ? 0 : 1];
    Value errs = errors ? str_from_cstr(errors) : 0;
    Value r = !errors ? obj_call1(fn, input) : errs ? obj_call2(fn, input, errs) : 0;
    if (!r) {
        codec_wrap_error(encode ? "encoding" : "decoding", encoding);
        return -1;
    }
    if (!tuple_check(r) || tuple_obj(r)->len != 2) {
        err_format(&exc_TypeError, encode ? "encoder must return a tuple (object, integer)"
                                          : "decoder must return a tuple (object,integer)");
        return -1;
    }
    Value v = tuple_obj(r)->items[0];
    if (encode ? !val_is_bytes(v) : !val_is_str(v)) {
        err_format(&exc_TypeError,
                   encode ? "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() "
                            "to encode to arbitrary types"
                          : "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() "
                            "to decode to arbitrary types",
                   encoding, obj_type_name(v));
        return -1;
    }
    *result = v;
    return 1;
}

int codec_dev_mode;

// The development mode's early check of the names (CPython's
// unicode_check_encoding_errors, with its fast names): 0, or -1 with the
// LookupError of an unknown encoding or error handler.
int codec_dev_check(const char *encoding, const char *errors) {
    if (!codec_dev_mode) {
        return 0;
    }
    if (encoding && strcmp(encoding, "utf-8") != 0 && strcmp(encoding, "utf8") != 0 &&
        strcmp(encoding, "ascii") != 0 && !codec_find_name(encoding)) {
        Value name = str_from_cstr(encoding);
        if (!name) {
            return -1;
        }
        if (!codec_registry_hook) {
            err_format(&exc_LookupError, "unknown encoding: %s", encoding);
            return -1;
        }
        if (!codec_registry_hook(name)) {
            return -1;
        }
    }
    static const char *const fast[] = {"strict", "ignore", "replace", "surrogateescape",
                                       "surrogatepass", "xmlcharrefreplace", "backslashreplace",
                                       "namereplace", NULL};
    if (!errors) {
        return 0;
    }
    for (const char *const *f = fast; *f; f++) {
        if (strcmp(errors, *f) == 0) {
            return 0;
        }
    }
    if (!codec_lookup_error_handler(errors)) {
        if (!err_occurred()) {
            codec_unknown_handler(errors);
        }
        return -1;
    }
    return 0;
}

Value codec_encode(Value s, const char *encoding, const char *errors) {
    CodecKind kind;
    int charmap;
    if (codec_dev_check(encoding, errors) < 0) {
        return 0;
    }
    if (encoding && codec_lookup(encoding, &kind, &charmap, "encode") < 0) {
        Value r;
        return codec_via_registry(s, encoding, errors, 1, &r) > 0 ? r : 0;  // not wrapped
    }
    Value r = codec_encode_direct(s, encoding, errors);
    if (!r && !codec_is_fast_name(encoding)) {
        codec_wrap_error("encoding", encoding);
    }
    return r;
}

// ---- decoding -------------------------------------------------------------------------------

typedef struct Decoder {
    Value obj;              // the bytes object, made when an error needs it
    const unsigned char *d;
    size_t n;
    CodecKind kind;
    int charmap;            // CODEC_CHARMAP: the table
    const char *errors;
    ErrorHandler handler;   // resolved at the first error
    StrBuf out;
} Decoder;

static int dec_raise(Decoder *x, size_t start, size_t end, const char *reason) {
    if (!x->obj) {
        x->obj = bytes_from(x->d, x->n);
        if (!x->obj) {
            return -1;
        }
    }
    Value args[5] = {
        str_from_cstr(codec_error_names[x->kind]), x->obj, val_from_smallint((int64_t)start),
        val_from_smallint((int64_t)end), str_from_cstr(reason),
    };
    if (!args[0] || !args[4]) {
        return -1;
    }
    Value exc = obj_call(val_from_ptr(&exc_UnicodeDecodeError), args, 5, 0);
    if (exc) {
        err_set_value(exc);
    }
    return -1;
}

// The code unit size of UTF-16/32 kinds (0 for the others), and the unit at p.
static int dec_unit_size(CodecKind k) {
    return k == CODEC_UTF16_LE || k == CODEC_UTF16_BE ? 2
           : k == CODEC_UTF32_LE || k == CODEC_UTF32_BE ? 4 : 0;
}

static uint32_t dec_unit(CodecKind k, const unsigned char *p) {
    switch (k) {
    case CODEC_UTF16_LE: return (uint32_t)p[0] | (uint32_t)p[1] << 8;
    case CODEC_UTF16_BE: return (uint32_t)p[1] | (uint32_t)p[0] << 8;
    case CODEC_UTF32_LE:
        return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    default:
        return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
    }
}

// A handler from the registry: its str replacement is appended, decoding
// resumes where it says.
static int64_t dec_custom(Decoder *x, size_t start, size_t end, const char *reason) {
    if (!codec_lookup_error_handler(x->errors)) {
        if (!err_occurred()) {
            codec_unknown_handler(x->errors);
        }
        return -1;
    }
    if (!x->obj) {
        x->obj = bytes_from(x->d, x->n);
        if (!x->obj) {
            return -1;
        }
    }
    Value args[5] = {
        str_from_cstr(codec_error_names[x->kind]), x->obj, val_from_smallint((int64_t)start),
        val_from_smallint((int64_t)end), str_from_cstr(reason),
    };
    if (!args[0] || !args[4]) {
        return -1;
    }
    Value exc = obj_call(val_from_ptr(&exc_UnicodeDecodeError), args, 5, 0);
    Value rep;
    int64_t newpos;
    if (!exc || codec_call_error_handler(x->errors, exc, 0, x->n, &rep, &newpos) < 0) {
        return -1;
    }
    sb_put(&x->out, str_obj(rep)->data, str_obj(rep)->nbytes);
    return newpos;
}

// Handle the undecodable bytes [start, end): append the replacement and
// return where decoding resumes, or -1 with the error raised.
static int64_t dec_error(Decoder *x, size_t start, size_t end, const char *reason) {
    if (x->handler == EH_UNKNOWN) {
        x->handler = codec_handler(x->errors);
    }
    switch (x->handler) {
    case EH_STRICT:
        return dec_raise(x, start, end, reason);
    case EH_IGNORE:
        return (int64_t)end;
    case EH_REPLACE:
        sb_put(&x->out, "\xef\xbf\xbd", 3);
        return (int64_t)end;
    case EH_BACKSLASHREPLACE:
        for (size_t i = start; i < end; i++) {
            sb_printf(&x->out, "\\x%02x", x->d[i]);
        }
        return (int64_t)end;
    case EH_SURROGATEESCAPE: {
        // Up to 4 leading bytes >= 0x80 become U+DC80..U+DCFF; decoding
        // resumes after them. None: the error stands.
        size_t stop = start;
        while (stop < end && stop - start < 4 && x->d[stop] >= 0x80) {
            stop++;
        }
        if (stop == start) {
            return dec_raise(x, start, end, reason);
        }
        for (size_t i = start; i < stop; i++) {
            char b[4];
            sb_put(&x->out, b, (size_t)utf8_encode(0xDC00u + x->d[i], b));
        }
        return (int64_t)stop;
    }
    case EH_SURROGATEPASS: {
        const unsigned char *p = x->d + start;
        int unit = dec_unit_size(x->kind);
        if (unit && x->n - start >= (size_t)unit) {
            uint32_t c = dec_unit(x->kind, p);
            if (c >= 0xD800 && c <= 0xDFFF) {
                char b[4];
                sb_put(&x->out, b, (size_t)utf8_encode(c, b));
                return (int64_t)start + unit;
            }
            return dec_raise(x, start, end, reason);
        }
        if ((x->kind == CODEC_UTF8 || x->kind == CODEC_UTF8_SIG) && x->n - start >= 3 &&
            (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            uint32_t c = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            if (c >= 0xD800 && c <= 0xDFFF) {
                sb_put(&x->out, (const char *)p, 3);
                return (int64_t)start + 3;
            }
        }
        return dec_raise(x, start, end, reason);
    }
    case EH_XMLCHARREFREPLACE:
    case EH_NAMEREPLACE:
        err_format(&exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    default:
        return dec_custom(x, start, end, reason);
    }
}

static inline int dec_cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// The UTF-8 character at p[0..avail): its length, or 0 with *bad (the
// bytes CPython's decoder reports) and *reason.
static size_t dec_utf8_char(const unsigned char *p, size_t avail, size_t *bad,
                            const char **reason) {
    unsigned c = p[0];
    *reason = "invalid continuation byte";
    *bad = 1;
    if (c < 0x80) {
        return 1;
    }
    if (c < 0xC2 || c >= 0xF5) {
        *reason = "invalid start byte";
        return 0;
    }
    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (avail >= 2) {
        unsigned c2 = p[1];
        if (!dec_cont(c2) || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0) ||
            (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90)) {
            return 0;
        }
    }
    if (avail >= 3 && need >= 3 && !dec_cont(p[2])) {
        *bad = 2;
        return 0;
    }
    if (avail >= 4 && need == 4 && !dec_cont(p[3])) {
        *bad = 3;
        return 0;
    }
    if (avail < need) {
        *reason = "unexpected end of data";
        *bad = avail;
        return 0;
    }
    return need;
}

// UTF-16 and UTF-32 (the byte order already chosen), with CPython's error
// ranges: "truncated data" for a partial unit at the end, "illegal
// encoding" for a lone low surrogate, "unexpected end of data" for a high
// one at the end, "illegal UTF-16 surrogate" for a high one not followed
// by a low one; UTF-32 refuses surrogates and code points past U+10FFFF.
static int dec_utf16_32(Decoder *x, size_t pos) {
    const unsigned char *d = x->d;
    size_t n = x->n;
    int unit = dec_unit_size(x->kind);
    while (pos < n) {
        size_t bad = 0;
        const char *reason = NULL;
        uint32_t c = 0;
        if (n - pos < (size_t)unit) {
            bad = n - pos;
            reason = "truncated data";
        } else {
            c = dec_unit(x->kind, d + pos);
            if (unit == 4) {
                if (c > 0x10FFFF) {
                    bad = 4;
                    reason = "code point not in range(0x110000)";
                } else if (c >= 0xD800 && c <= 0xDFFF) {
                    bad = 4;
                    reason = "code point in surrogate code point range(0xd800, 0xe000)";
                }
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                if (c >= 0xDC00) {
                    bad = 2;
                    reason = "illegal encoding";
                } else if (n - pos - 2 < 2) {
                    bad = n - pos;
                    reason = "unexpected end of data";
                } else {
                    uint32_t c2 = dec_unit(x->kind, d + pos + 2);
                    if (c2 < 0xDC00 || c2 > 0xDFFF) {
                        bad = 2;
                        reason = "illegal UTF-16 surrogate";
                    } else {
                        c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
                        pos += 2;  // the first unit; the second below
                    }
                }
            }
        }
        if (reason) {
            int64_t next = dec_error(x, pos, pos + bad, reason);
            if (next < 0) {
                return -1;
            }
            pos = (size_t)next;
            continue;
        }
        char b[4];
        sb_put(&x->out, b, (size_t)utf8_encode(c, b));
        pos += (size_t)unit;
    }
    return 0;
}

static int dec_run(Decoder *x) {
    const unsigned char *d = x->d;
    size_t n = x->n, pos = 0;
    if (x->kind == CODEC_UTF8_SIG && n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0) {
        pos = 3;
    }
    if (x->kind == CODEC_UTF16 || x->kind == CODEC_UTF32) {
        // A BOM picks the byte order (and is dropped); little-endian without one.
        int wide = x->kind == CODEC_UTF32;
        x->kind = wide ? CODEC_UTF32_LE : CODEC_UTF16_LE;
        if (!wide && n >= 2 && (memcmp(d, "\xff\xfe", 2) == 0 || memcmp(d, "\xfe\xff", 2) == 0)) {
            x->kind = d[0] == 0xFE ? CODEC_UTF16_BE : CODEC_UTF16_LE;
            pos = 2;
        } else if (wide && n >= 4 && (memcmp(d, "\xff\xfe\0\0", 4) == 0 ||
                                      memcmp(d, "\0\0\xfe\xff", 4) == 0)) {
            x->kind = d[0] == 0 ? CODEC_UTF32_BE : CODEC_UTF32_LE;
            pos = 4;
        }
    }
    if (dec_unit_size(x->kind)) {
        return dec_utf16_32(x, pos);
    }
    while (pos < n) {
        if (x->kind == CODEC_CHARMAP) {
            uint32_t cp = CODEC_CHARMAPS[x->charmap][d[pos]];
            if (cp != 0xFFFE) {
                char b[4];
                sb_put(&x->out, b, (size_t)utf8_encode(cp, b));
                pos++;
                continue;
            }
            int64_t next = dec_error(x, pos, pos + 1, "character maps to <undefined>");
            if (next < 0) {
                return -1;
            }
            pos = (size_t)next;
            continue;
        }
        size_t start = pos;
        while (pos < n && d[pos] < 0x80) {
            pos++;
        }
        sb_put(&x->out, (const char *)d + start, pos - start);
        if (pos >= n) {
            break;
        }
        if (x->kind == CODEC_LATIN1) {
            char b[2];
            sb_put(&x->out, b, (size_t)utf8_encode(d[pos], b));
            pos++;
            continue;
        }
        size_t bad = 1;
        const char *reason = "ordinal not in range(128)";
        size_t k = 0;
        if (x->kind != CODEC_ASCII) {
            k = dec_utf8_char(d + pos, n - pos, &bad, &reason);
        }
        if (k > 0) {
            sb_put(&x->out, (const char *)d + pos, k);
            pos += k;
            continue;
        }
        int64_t next = dec_error(x, pos, pos + bad, reason);
        if (next < 0) {
            return -1;
        }
        pos = (size_t)next;
    }
    return 0;
}

static int hex_digit(unsigned c) {
    return c >= '0' && c <= '9' ? (int)(c - '0')
           : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
}

// unicode_escape and raw_unicode_escape. When not `final`, an escape cut
// off by the end of the data stops decoding before its backslash
// (*stop says where); otherwise it is an error.
static int dec_escape(Decoder *x, int final, size_t *stop) {
    const unsigned char *d = x->d;
    size_t n = x->n, pos = 0;
    int raw = x->kind == CODEC_RAW_UNICODE_ESCAPE;
    *stop = n;
    while (pos < n) {
        unsigned c = d[pos++];
        if (c != '\\' || (raw && pos >= n && final)) {
            char b[4];
            sb_put(&x->out, b, (size_t)utf8_encode(c, b));
            continue;
        }
        size_t start = pos - 1;
        const char *message = "\\ at end of string";
        uint32_t ch = 0;
        int count = 0;
        if (pos >= n) {
            goto incomplete;
        }
        c = d[pos++];
        if (raw) {
            if (c == 'u') {
                count = 4;
                message = "truncated \\uXXXX escape";
            } else if (c == 'U') {
                count = 8;
                message = "truncated \\UXXXXXXXX escape";
            } else {
                sb_putc(&x->out, '\\');
                char b[4];
                sb_put(&x->out, b, (size_t)utf8_encode(c, b));
                continue;
            }
        } else {
            switch (c) {
            case '\n': continue;
            case '\\': sb_putc(&x->out, '\\'); continue;
            case '\'': sb_putc(&x->out, '\''); continue;
            case '"': sb_putc(&x->out, '"'); continue;
            case 'b': sb_putc(&x->out, '\b'); continue;
            case 'f': sb_putc(&x->out, '\f'); continue;
            case 't': sb_putc(&x->out, '\t'); continue;
            case 'n': sb_putc(&x->out, '\n'); continue;
            case 'r': sb_putc(&x->out, '\r'); continue;
            case 'v': sb_putc(&x->out, '\v'); continue;
            case 'a': sb_putc(&x->out, '\a'); continue;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                ch = c - '0';
                for (int i = 0; i < 2 && pos < n && d[pos] >= '0' && d[pos] <= '7'; i++) {
                    ch = (ch << 3) + (d[pos++] - '0');
                }
                char b[4];
                sb_put(&x->out, b, (size_t)utf8_encode(ch, b));
                continue;
            }
            case 'x': count = 2; message = "truncated \\xXX escape"; break;
            case 'u': count = 4; message = "truncated \\uXXXX escape"; break;
            case 'U': count = 8; message = "truncated \\UXXXXXXXX escape"; break;
            case 'N': {
                message = "malformed \\N character escape";
                if (pos >= n) {
                    goto incomplete;
                }
                if (d[pos] == '{') {
                    size_t name = ++pos;
                    while (pos < n && d[pos] != '}') {
                        pos++;
                    }
                    if (pos >= n) {
                        goto incomplete;
                    }
                    if (pos > name) {
                        pos++;
                        if (uni_lookup_name((const char *)d + name, pos - 1 - name, &ch)) {
                            char b[4];
                            sb_put(&x->out, b, (size_t)utf8_encode(ch, b));
                            continue;
                        }
                        message = "unknown Unicode character name";
                    }
                }
                goto error;
            }
            default: {
                // Kept as it is (CPython also warns: DeprecationWarning).
                sb_putc(&x->out, '\\');
                char b[4];
                sb_put(&x->out, b, (size_t)utf8_encode(c, b));
                continue;
            }
            }
        }
        for (; count; pos++, count--) {
            if (pos >= n) {
                goto incomplete;
            }
            int v = hex_digit(d[pos]);
            if (v < 0) {
                goto error;
            }
            ch = (ch << 4) + (uint32_t)v;
        }
        if (ch > 0x10FFFF) {
            message = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
            goto error;
        }
        {
            char b[4];
            sb_put(&x->out, b, (size_t)utf8_encode(ch, b));
        }
        continue;
    incomplete:
        if (!final) {
            *stop = start;
            return 0;
        }
    error: {
        int64_t next = dec_error(x, start, pos, message);
        if (next < 0) {
            return -1;
        }
        pos = (size_t)next;
    }
    }
    return 0;
}

static int utf7_from_base64(unsigned c) {
    return c >= 'A' && c <= 'Z' ? (int)(c - 'A')
           : c >= 'a' && c <= 'z' ? (int)(c - 'a' + 26)
           : c >= '0' && c <= '9' ? (int)(c - '0' + 52) : c == '+' ? 62 : 63;
}

static void dec_put(Decoder *x, uint32_t c) {
    char b[4];
    sb_put(&x->out, b, (size_t)utf8_encode(c, b));
}

// UTF-7 with CPython's error ranges (from the '+' that opened a shift
// sequence). When not `final`, an open shift sequence is left for the
// next call: the output is cut back to where it began.
static int dec_utf7(Decoder *x, int final, size_t *stop) {
    const unsigned char *d = x->d;
    size_t n = x->n, pos = 0, start = 0, shift_out = 0;
    int in_shift = 0, bits = 0;
    uint32_t buf = 0, surrogate = 0;
    *stop = n;
    for (;;) {
        while (pos < n) {
            unsigned c = d[pos];
            const char *msg = NULL;
            if (in_shift) {
                if (utf7_is_base64(c)) {
                    buf = (buf << 6) | (uint32_t)utf7_from_base64(c);
                    bits += 6;
                    pos++;
                    if (bits >= 16) {
                        uint32_t unit = (buf >> (bits - 16)) & 0xFFFF;
                        bits -= 16;
                        buf &= (1u << bits) - 1;
                        if (surrogate) {
                            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                                dec_put(x, 0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                                surrogate = 0;
                                continue;
                            }
                            dec_put(x, surrogate);
                            surrogate = 0;
                        }
                        if (unit >= 0xD800 && unit <= 0xDBFF) {
                            surrogate = unit;
                        } else {
                            dec_put(x, unit);
                        }
                    }
                    continue;
                }
                in_shift = 0;
                if (bits >= 6) {
                    pos++;
                    msg = "partial character in shift sequence";
                } else if (bits > 0 && buf != 0) {
                    pos++;
                    msg = "non-zero padding bits in shift sequence";
                } else {
                    if (surrogate && c <= 127 && c != '+') {
                        dec_put(x, surrogate);
                    }
                    surrogate = 0;
                    if (c == '-') {
                        pos++;
                    }
                    continue;
                }
            } else if (c == '+') {
                start = pos++;
                if (pos < n && d[pos] == '-') {
                    pos++;
                    sb_putc(&x->out, '+');
                    continue;
                }
                if (pos < n && !utf7_is_base64(d[pos])) {
                    pos++;
                    msg = "ill-formed sequence";
                } else {
                    in_shift = 1;
                    surrogate = 0;
                    shift_out = x->out.len;
                    bits = 0;
                    buf = 0;
                    continue;
                }
            } else if (c <= 127) {
                sb_putc(&x->out, (char)c);
                pos++;
                continue;
            } else {
                start = pos++;
                msg = "unexpected special character";
            }
            int64_t next = dec_error(x, start, pos, msg);
            if (next < 0) {
                return -1;
            }
            pos = (size_t)next;
        }
        if (in_shift && final) {
            in_shift = 0;
            if (surrogate || bits >= 6 || (bits > 0 && buf != 0)) {
                int64_t next = dec_error(x, start, n, "unterminated shift sequence");
                if (next < 0) {
                    return -1;
                }
                pos = (size_t)next;
                if (pos < n) {
                    continue;
                }
            }
        }
        break;
    }
    if (!final && in_shift) {
        *stop = start;
        x->out.len = shift_out;
    }
    return 0;
}

// How much of d[0..n) a decoder that is not final may decode now: a
// character cut off by the end waits for more data.
static size_t dec_complete_prefix(CodecKind kind, const unsigned char *d, size_t n) {
    switch (kind) {
    case CODEC_UTF8:
    case CODEC_UTF8_SIG: {
        size_t i = n;
        while (i > 0 && n - i < 3 && dec_cont(d[i - 1])) {
            i--;
        }
        if (i == 0 || d[i - 1] < 0xC2) {
            return n;
        }
        size_t bad;
        const char *reason;
        if (dec_utf8_char(d + i - 1, n - i + 1, &bad, &reason) == 0 &&
            strcmp(reason, "unexpected end of data") == 0) {
            return i - 1;
        }
        return n;
    }
    case CODEC_UTF16:
    case CODEC_UTF16_LE:
    case CODEC_UTF16_BE: {
        CodecKind k = kind;
        if (k == CODEC_UTF16) {
            if (n < 2) {
                return 0;
            }
            k = d[0] == 0xFE && d[1] == 0xFF ? CODEC_UTF16_BE : CODEC_UTF16_LE;
        }
        size_t m = n & ~(size_t)1;
        if (m >= 2) {
            uint32_t u = dec_unit(k, d + m - 2);
            if (u >= 0xD800 && u < 0xDC00) {
                m -= 2;
            }
        }
        return m;
    }
    case CODEC_UTF32:
    case CODEC_UTF32_LE:
    case CODEC_UTF32_BE:
        return n & ~(size_t)3;
    default:
        return n;
    }
}

Value codec_decode_final(Value obj, const char *data, size_t n, const char *encoding,
                         const char *errors, int final, size_t *consumed) {
    CodecKind kind = CODEC_UTF8;
    int charmap = -1;
    if (encoding && codec_lookup(encoding, &kind, &charmap, "decode") < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)data;
    if (consumed) {
        *consumed = n;
    }
    if (kind == CODEC_UNICODE_ESCAPE || kind == CODEC_RAW_UNICODE_ESCAPE || kind == CODEC_UTF7) {
        Decoder x = {obj, d, n, kind, charmap, errors, EH_UNKNOWN, {NULL, 0, 0}};
        size_t stop;
        sb_reserve(&x.out, n + 4);
        if ((kind == CODEC_UTF7 ? dec_utf7(&x, final, &stop) : dec_escape(&x, final, &stop)) < 0) {
            sb_free(&x.out);
            return 0;
        }
        if (consumed) {
            *consumed = stop;
        }
        return str_from_strbuf(&x.out);
    }
    if (!final) {
        size_t m = dec_complete_prefix(kind, d, n);
        if (m < n) {
            n = m;
            obj = 0;
            if (consumed) {
                *consumed = m;
            }
        }
    }
    if (kind == CODEC_UTF8 || kind == CODEC_ASCII) {
        // Valid input (the common case) is its own UTF-8.
        size_t i = 0;
        while (i < n && d[i] < 0x80) {
            i++;
        }
        if (i == n) {
            return str_from_utf8(data, n);
        }
        if (kind == CODEC_UTF8) {
            uint32_t cp;
            int k;
            while (i < n && (k = utf8_decode(data + i, n - i, &cp, 0)) > 0) {
                i += (size_t)k;
            }
            if (i == n) {
                return str_from_utf8(data, n);
            }
        }
    }
    Decoder x = {obj, d, n, kind, charmap, errors, EH_UNKNOWN, {NULL, 0, 0}};
    sb_reserve(&x.out, n + 4);
    if (dec_run(&x) < 0) {
        sb_free(&x.out);
        return 0;
    }
    return str_from_strbuf(&x.out);
}

Value codec_decode(Value obj, const char *data, size_t n, const char *encoding,
                   const char *errors) {
    CodecKind kind;
    int charmap;
    if (codec_dev_check(encoding, errors) < 0) {
        return 0;
    }
    if (encoding && codec_lookup(encoding, &kind, &charmap, "decode") < 0) {
        Value r, input = obj ? obj : bytes_from(data, n);
        if (!input) {
            return 0;
        }
        return codec_via_registry(input, encoding, errors, 0, &r) > 0 ? r : 0;  // not wrapped
    }
    Value r = codec_decode_final(obj, data, n, encoding, errors, 1, NULL);
    if (!r && !codec_is_fast_name(encoding)) {
        codec_wrap_error("decoding", encoding);
    }
    return r;
}

// bytes.decode(encoding='utf-8', errors='strict').
Value bytes_m_decode(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    static const ArgSpec spec = {"decode", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 0; i < 2; i++) {
        if (a[i] && !val_is_str(a[i])) {
            return err_format(&exc_TypeError, "decode() argument '%s' must be str, not %s",
                              names[i], a[i] == VAL_NONE ? "None" : str_type_name(a[i]));
        }
        if (a[i] && memchr(str_obj(a[i])->data, 0, str_obj(a[i])->nbytes)) {
            return err_format(&exc_ValueError, "embedded null character");
        }
        if (a[i] && !(str_obj(a[i])->flags & STR_ASCII) && !codec_encode(a[i], NULL, NULL)) {
            return 0;  // a lone surrogate: the UTF-8 encoder's error, as CPython
        }
    }
    return codec_decode(self, bytes_data(self), bytes_len(self),
                        a[0] ? str_obj(a[0])->data : NULL, a[1] ? str_obj(a[1])->data : NULL);
}
