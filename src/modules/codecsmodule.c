// codecsmodule.c - the `_codecs` module: the codec registry that Lib/codecs.py
// and the encodings package stand on, the error handler registry, and the
// per-codec functions the encodings modules call (utf_8_encode,
// charmap_decode, ...).
//
// The registry is CPython's: a list of search functions, asked in order
// with the normalized encoding name (runtime/codecs.c's normalization:
// letters lowered, every run of other characters but digits and '.' one
// '_'), whose first non-None answer - a 4-tuple, normally a
// codecs.CodecInfo - is cached under that name. The encodings package
// registers its search function when it is imported, which the first use
// of the registry does (CPython imports it at start-up).
//
// The codecs themselves are runtime/codecs.c's, which str.encode and
// bytes.decode use: the functions here parse the arguments and hand over.
// Only what codecs.c has no use for lives here: the charmap codecs with a
// mapping object, Python's bytes escapes (escape_encode/escape_decode) and
// the builtin error handlers as callables. The handlers are registered
// with codecs.c (codec_register_error), which calls any handler it does
// not know itself through that registry.
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
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
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/unicode.h"
#include "../vm/import.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value search_path;   // list of search functions
static Value search_cache;  // normalized name -> codec tuple
static int registry_state;  // 0: encodings not imported yet, 1: importing or done

// ---- the registry ------------------------------------------------------------------------------

// Import the encodings package once, as CPython does at start-up, so that
// its search function is the first one.
static int registry_init(void) {
    if (registry_state) {
        return 0;
    }
    registry_state = 1;
    Value name = str_from_cstr("encodings");
    if (!name || !import_module_level(name, 0, VAL_NONE, 0)) {
        return -1;
    }
    return 0;
}

// CPython's normalizestring: see the file comment.
static Value normalize_name(Value name) {
    StrObject *s = str_obj(name);
    StrBuf b;
    sb_init(&b);
    int punct = 0;
    for (size_t i = 0; i < s->nbytes; i++) {
        unsigned char c = (unsigned char)s->data[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || c == '.') {
            if (punct && b.len > 0) {
                sb_putc(&b, '_');
            }
            punct = 0;
            sb_putc(&b, (char)((c >= 'A' && c <= 'Z') ? c + 32 : c));
        } else {
            punct = 1;
        }
    }
    Value r = str_from_utf8(b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

static Value codec_registry_lookup(Value encoding) {
    if (registry_init() < 0) {
        return 0;
    }
    Value key = normalize_name(encoding);
    if (!key) {
        return 0;
    }
    Value hit = dict_get(search_cache, key);
    if (hit || err_occurred()) {
        return hit;
    }
    if (list_obj(search_path)->len == 0) {
        return err_format(&exc_LookupError, "no codec search functions registered: "
                                            "can't find encoding");
    }
    for (size_t i = 0; i < list_obj(search_path)->len; i++) {
        Value r = obj_call1(list_obj(search_path)->items[i], key);
        if (!r) {
            return 0;
        }
        if (r == VAL_NONE) {
            continue;
        }
        if (!tuple_check(r) || tuple_obj(r)->len != 4) {
            return err_format(&exc_TypeError, "codec search functions must return 4-tuples");
        }
        if (dict_set(search_cache, key, r) < 0) {
            return 0;
        }
        return r;
    }
    // A codec CPython has whose module does not import here (it needs a C
    // module krait lacks, as the CJK codecs do) is not an unknown encoding.
    const char *module = codec_cpython_module(str_obj(encoding)->data);
    if (module) {
        return err_format(&exc_NotImplementedError,
                          "the '%s' codec is not implemented in krait yet", module);
    }
    Value msg = str_format_c("unknown encoding: %U", encoding);
    return msg ? err_set_value(obj_call1(val_from_ptr(&exc_LookupError), msg)) : 0;
}

// A str argument of lookup() and friends: "lookup() argument must be str, not int".
static int str_arg_only(const char *fname, Value v) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument must be str, not %s", fname, str_type_name(v));
        return -1;
    }
    return 0;
}

FN(codecs_register) {
    if (method_check_args("_codecs.register", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!type_of(args[0])->call) {
        return err_format(&exc_TypeError, "argument must be callable");
    }
    if (registry_init() < 0 || list_append(search_path, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(codecs_unregister) {
    if (method_check_args("_codecs.unregister", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ListObject *l = list_obj(search_path);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == args[0]) {
            dict_clear(search_cache);
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Value));
            l->len--;
            break;
        }
    }
    return VAL_NONE;
}

FN(codecs_lookup) {
    if (method_check_args("_codecs.lookup", nargs, kwnames, 1, 1) < 0 ||
        str_arg_only("lookup", args[0]) < 0) {
        return 0;
    }
    return codec_registry_lookup(args[0]);
}

// The C string of a str argument that may not hold NUL.
static const char *cstr_arg(Value v) {
    if (memchr(str_obj(v)->data, 0, str_obj(v)->nbytes)) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return str_obj(v)->data;
}

// encode(obj, encoding='utf-8', errors='strict') and decode(...): the codec's
// function from the registry, its result's first item.
static Value generic_code(const char *fname, int encode, const Value *args, size_t nargs,
                          Value kwnames) {
    static const char *const names[] = {"obj", "encoding", "errors", NULL};
    ArgSpec spec = {fname, 0, names, 1, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    const char *encoding = "utf-8", *errors = "strict";
    for (int i = 1; i < 3; i++) {
        if (!a[i]) {
            continue;
        }
        if (!val_is_str(a[i])) {
            return err_format(&exc_TypeError, "%s() argument '%s' must be str, not %s", fname,
                              names[i], str_type_name(a[i]));
        }
        const char *c = cstr_arg(a[i]);
        if (!c) {
            return 0;
        }
        *(i == 1 ? &encoding : &errors) = c;
    }
    Value enc = a[1] ? a[1] : str_from_cstr(encoding);
    Value codec = enc ? codec_registry_lookup(enc) : 0;
    if (!codec) {
        return 0;
    }
    Value fn = tuple_obj(codec)->items[encode ? 0 : 1];
    Value errs = a[2] ? a[2] : str_from_cstr(errors);
    Value r = errs ? obj_call2(fn, a[0], errs) : 0;
    if (!r) {
        codec_wrap_error(encode ? "encoding" : "decoding", encoding);
        return 0;
    }
    if (!tuple_check(r) || tuple_obj(r)->len != 2) {
        return err_format(&exc_TypeError, encode ? "encoder must return a tuple (object, integer)"
                                                 : "decoder must return a tuple (object,integer)");
    }
    return tuple_obj(r)->items[0];
}

FN(codecs_encode) {
    return generic_code("encode", 1, args, nargs, kwnames);
}

FN(codecs_decode) {
    return generic_code("decode", 0, args, nargs, kwnames);
}

FN(codecs_register_error) {
    if (args_no_keywords("register_error", kwnames) < 0 ||
        args_check_positional("register_error", nargs, 2, 2) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "register_error() argument 1 must be str, not %s",
                          str_type_name(args[0]));
    }
    if (!cstr_arg(args[0])) {
        return 0;
    }
    if (!type_of(args[1])->call) {
        return err_format(&exc_TypeError, "handler must be callable");
    }
    if (codec_register_error(args[0], args[1]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(codecs_lookup_error) {
    if (method_check_args("_codecs.lookup_error", nargs, kwnames, 1, 1) < 0 ||
        str_arg_only("lookup_error", args[0]) < 0) {
        return 0;
    }
    const char *name = cstr_arg(args[0]);
    if (!name) {
        return 0;
    }
    Value h = codec_lookup_error_handler(name);
    if (!h && !err_occurred()) {
        Value msg = str_format_c("unknown error handler name '%s'", name);
        return msg ? err_set_value(obj_call1(val_from_ptr(&exc_LookupError), msg)) : 0;
    }
    return h;
}

// ---- arguments of the codec functions ---------------------------------------------------------

// The positional-only arguments of `fname`: between min and max of them.
static int codec_args(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    char qual[64];
    snprintf(qual, sizeof qual, "_codecs.%s", fname);
    if (args_no_keywords(qual, kwnames) < 0 || args_check_positional(fname, nargs, min, max) < 0) {
        return -1;
    }
    return 0;
}

// The errors argument (position `pos`, 1-based; absent or None: NULL).
static int errors_arg(const char *fname, const Value *args, size_t nargs, size_t pos,
                      const char **out) {
    *out = NULL;
    if (nargs < pos || args[pos - 1] == VAL_NONE) {
        return 0;
    }
    Value v = args[pos - 1];
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument %zu must be str or None, not %s", fname, pos,
                   str_type_name(v));
        return -1;
    }
    *out = cstr_arg(v);
    return *out ? 0 : -1;
}

static int text_arg(const char *fname, Value v) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                   str_type_name(v));
        return -1;
    }
    return 0;
}

// An int flag argument (final, byteorder) at position pos, or `dflt`.
static int int_arg(const Value *args, size_t nargs, size_t pos, int dflt, int *out) {
    *out = dflt;
    if (nargs < pos) {
        return 0;
    }
    Value v = args[pos - 1];
    if (float_check(v)) {
        err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    int64_t x;
    if (obj_as_index(v, &x, 0) < 0) {
        return -1;
    }
    if (x < -2147483648LL || x > 2147483647LL) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// (text, consumed) for the decoders.
static Value decoded(Value s, int64_t consumed) {
    return s ? tuple_pack2(s, int_from_i64(consumed)) : 0;
}

// encode functions: (str, errors=None) -> (bytes, len(str)).
static Value encode_with(const char *fname, const char *encoding, const Value *args,
                         size_t nargs, Value kwnames) {
    const char *errors;
    if (codec_args(fname, nargs, kwnames, 1, 2) < 0 || text_arg(fname, args[0]) < 0 ||
        errors_arg(fname, args, nargs, 2, &errors) < 0) {
        return 0;
    }
    Value b = codec_encode_direct(args[0], encoding, errors);
    return b ? tuple_pack2(b, int_from_i64((int64_t)str_len(args[0]))) : 0;
}

// decode functions: (data, errors=None[, final=False]) -> (str, consumed).
// `has_final`: 0 none (always final), 1 defaults False, 2 defaults True.
static Value decode_with(const char *fname, const char *encoding, int has_final,
                         int accept_str, const Value *args, size_t nargs, Value kwnames) {
    const char *errors;
    int final;
    if (codec_args(fname, nargs, kwnames, 1, has_final ? 3 : 2) < 0) {
        return 0;
    }
    if (accept_str && val_is_str(args[0])) {
        Value b = codec_encode_direct(args[0], "utf-8", NULL);
        if (!b) {
            return 0;
        }
        if (errors_arg(fname, args, nargs, 2, &errors) < 0 ||
            int_arg(args, nargs, 3, has_final != 1, &final) < 0) {
            return 0;
        }
        size_t consumed;
        Value s = codec_decode_final(b, bytes_data(b), bytes_len(b), encoding, errors, final,
                                     &consumed);
        return decoded(s, (int64_t)consumed);
    }
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (errors_arg(fname, args, nargs, 2, &errors) < 0 ||
        int_arg(args, nargs, 3, has_final != 1, &final) < 0) {
        buffer_release(&view);
        return 0;
    }
    size_t consumed;
    Value s = codec_decode_final(bytes_check_exact(args[0]) ? args[0] : 0, view.buf,
                                 (size_t)view.len, encoding, errors, final, &consumed);
    buffer_release(&view);
    return decoded(s, (int64_t)consumed);
}

#define ENCODER(fn, name, encoding)                                                        \
    FN(fn) { return encode_with(name, encoding, args, nargs, kwnames); }
#define DECODER(fn, name, encoding, has_final, accept_str)                                 \
    FN(fn) { return decode_with(name, encoding, has_final, accept_str, args, nargs, kwnames); }

ENCODER(codecs_utf_8_encode, "utf_8_encode", "utf-8")
DECODER(codecs_utf_8_decode, "utf_8_decode", "utf-8", 1, 0)
ENCODER(codecs_utf_16_le_encode, "utf_16_le_encode", "utf-16-le")
DECODER(codecs_utf_16_le_decode, "utf_16_le_decode", "utf-16-le", 1, 0)
ENCODER(codecs_utf_16_be_encode, "utf_16_be_encode", "utf-16-be")
DECODER(codecs_utf_16_be_decode, "utf_16_be_decode", "utf-16-be", 1, 0)
DECODER(codecs_utf_16_decode, "utf_16_decode", "utf-16", 1, 0)
ENCODER(codecs_utf_32_le_encode, "utf_32_le_encode", "utf-32-le")
DECODER(codecs_utf_32_le_decode, "utf_32_le_decode", "utf-32-le", 1, 0)
ENCODER(codecs_utf_32_be_encode, "utf_32_be_encode", "utf-32-be")
DECODER(codecs_utf_32_be_decode, "utf_32_be_decode", "utf-32-be", 1, 0)
DECODER(codecs_utf_32_decode, "utf_32_decode", "utf-32", 1, 0)
ENCODER(codecs_latin_1_encode, "latin_1_encode", "latin-1")
DECODER(codecs_latin_1_decode, "latin_1_decode", "latin-1", 0, 0)
ENCODER(codecs_ascii_encode, "ascii_encode", "ascii")
DECODER(codecs_ascii_decode, "ascii_decode", "ascii", 0, 0)
ENCODER(codecs_unicode_escape_encode, "unicode_escape_encode", "unicode_escape")
DECODER(codecs_unicode_escape_decode, "unicode_escape_decode", "unicode_escape", 2, 1)
ENCODER(codecs_raw_unicode_escape_encode, "raw_unicode_escape_encode", "raw_unicode_escape")
DECODER(codecs_raw_unicode_escape_decode, "raw_unicode_escape_decode", "raw_unicode_escape", 2,
        1)

// utf_16_encode / utf_32_encode(str, errors=None, byteorder=0): a BOM and
// the native (little-endian) order for 0, else no BOM.
static Value encode_bom(const char *fname, int wide, const Value *args, size_t nargs,
                        Value kwnames) {
    const char *errors;
    int bo;
    if (codec_args(fname, nargs, kwnames, 1, 3) < 0 || text_arg(fname, args[0]) < 0 ||
        errors_arg(fname, args, nargs, 2, &errors) < 0 || int_arg(args, nargs, 3, 0, &bo) < 0) {
        return 0;
    }
    const char *enc = wide ? (bo == 0 ? "utf-32" : bo < 0 ? "utf-32-le" : "utf-32-be")
                           : (bo == 0 ? "utf-16" : bo < 0 ? "utf-16-le" : "utf-16-be");
    Value b = codec_encode_direct(args[0], enc, errors);
    return b ? tuple_pack2(b, int_from_i64((int64_t)str_len(args[0]))) : 0;
}

FN(codecs_utf_16_encode) {
    return encode_bom("utf_16_encode", 0, args, nargs, kwnames);
}

FN(codecs_utf_32_encode) {
    return encode_bom("utf_32_encode", 1, args, nargs, kwnames);
}

// utf_16_ex_decode / utf_32_ex_decode(data, errors=None, byteorder=0,
// final=False) -> (str, consumed, byteorder): byteorder 0 lets a BOM
// decide (and reports what it said; 0 when there was none).
static Value decode_ex(const char *fname, int wide, const Value *args, size_t nargs,
                       Value kwnames) {
    const char *errors;
    int bo, final;
    Buffer view;
    if (codec_args(fname, nargs, kwnames, 1, 4) < 0 ||
        buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (errors_arg(fname, args, nargs, 2, &errors) < 0 || int_arg(args, nargs, 3, 0, &bo) < 0 ||
        int_arg(args, nargs, 4, 0, &final) < 0) {
        buffer_release(&view);
        return 0;
    }
    const unsigned char *d = (const unsigned char *)view.buf;
    size_t n = (size_t)view.len, unit = wide ? 4 : 2;
    const char *enc;
    Value s;
    size_t consumed = 0;
    if (bo == 0 && n < unit && !final) {
        s = str_empty();
    } else {
        if (bo == 0) {
            if (n >= unit && (wide ? memcmp(d, "\xff\xfe\0\0", 4) == 0 : memcmp(d, "\xff\xfe", 2) == 0)) {
                bo = -1;
            } else if (n >= unit &&
                       (wide ? memcmp(d, "\0\0\xfe\xff", 4) == 0 : memcmp(d, "\xfe\xff", 2) == 0)) {
                bo = 1;
            }
            enc = wide ? "utf-32" : "utf-16";
        } else {
            enc = wide ? (bo < 0 ? "utf-32-le" : "utf-32-be") : (bo < 0 ? "utf-16-le" : "utf-16-be");
        }
        s = codec_decode_final(bytes_check_exact(args[0]) ? args[0] : 0, view.buf, n, enc, errors,
                               final, &consumed);
    }
    buffer_release(&view);
    if (!s) {
        return 0;
    }
    return tuple_from((Value[]){s, int_from_i64((int64_t)consumed), int_from_i64(bo)}, 3);
}

FN(codecs_utf_16_ex_decode) {
    return decode_ex("utf_16_ex_decode", 0, args, nargs, kwnames);
}

FN(codecs_utf_32_ex_decode) {
    return decode_ex("utf_32_ex_decode", 1, args, nargs, kwnames);
}

ENCODER(codecs_utf_7_encode, "utf_7_encode", "utf-7")
DECODER(codecs_utf_7_decode, "utf_7_decode", "utf-7", 1, 0)

// ---- charmap ------------------------------------------------------------------------------------

// Hand a codec error to the handler `errors`: 0 with *rep and *newpos, or -1.
static int charmap_error(const char *errors, int encode, Value object, size_t length,
                         size_t start, size_t end, Value *rep, int64_t *newpos) {
    Value a[5] = {str_from_cstr("charmap"), object, int_from_i64((int64_t)start),
                  int_from_i64((int64_t)end), str_from_cstr("character maps to <undefined>")};
    if (!a[0] || !a[4]) {
        return -1;
    }
    Value exc = obj_call(val_from_ptr(encode ? &exc_UnicodeEncodeError : &exc_UnicodeDecodeError),
                         a, 5, 0);
    if (!exc) {
        return -1;
    }
    return codec_call_error_handler(errors, exc, encode, length, rep, newpos);
}

// What the mapping gives for byte b: 1 with the code point(s) appended,
// 0 for undefined, -1 with an error.
static int charmap_decode_one(Value mapping, unsigned b, StrBuf *out) {
    if (val_is_str(mapping)) {
        if (b >= str_len(mapping)) {
            return 0;
        }
        uint32_t cp = str_getitem_cp(mapping, b);
        if (cp == 0xFFFE) {
            return 0;
        }
        char t[4];
        sb_put(out, t, (size_t)utf8_encode(cp, t));
        return 1;
    }
    Value r = obj_getitem(mapping, val_from_smallint(b));
    if (!r) {
        if (err_matches(&exc_LookupError)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    if (r == VAL_NONE) {
        return 0;
    }
    if (int_check(r)) {
        int64_t cp;
        if (obj_as_int64(r, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
            err_clear();
            err_format(&exc_TypeError, "character mapping must be in range(0x110000)");
            return -1;
        }
        if (cp == 0xFFFE) {
            return 0;
        }
        char t[4];
        sb_put(out, t, (size_t)utf8_encode((uint32_t)cp, t));
        return 1;
    }
    if (val_is_str(r)) {
        if (str_len(r) == 1 && str_getitem_cp(r, 0) == 0xFFFE) {
            return 0;
        }
        sb_put(out, str_obj(r)->data, str_obj(r)->nbytes);
        return 1;
    }
    err_format(&exc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

FN(codecs_charmap_decode) {
    const char *errors;
    Buffer view;
    if (codec_args("charmap_decode", nargs, kwnames, 1, 3) < 0 ||
        buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (errors_arg("charmap_decode", args, nargs, 2, &errors) < 0) {
        buffer_release(&view);
        return 0;
    }
    Value mapping = nargs >= 3 ? args[2] : VAL_NONE;
    size_t n = (size_t)view.len;
    if (mapping == VAL_NONE) {
        Value s = codec_decode_final(0, view.buf, n, "latin-1", errors, 1, NULL);
        buffer_release(&view);
        return decoded(s, (int64_t)n);
    }
    Value data = bytes_from(view.buf, n);
    buffer_release(&view);
    if (!data) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    StrBuf out;
    sb_init(&out);
    for (size_t pos = 0; pos < n;) {
        int r = charmap_decode_one(mapping, d[pos], &out);
        if (r < 0) {
            sb_free(&out);
            return 0;
        }
        if (r) {
            pos++;
            continue;
        }
        Value rep;
        int64_t newpos;
        if (charmap_error(errors, 0, data, n, pos, pos + 1, &rep, &newpos) < 0) {
            sb_free(&out);
            return 0;
        }
        sb_put(&out, str_obj(rep)->data, str_obj(rep)->nbytes);
        pos = (size_t)newpos;
    }
    return decoded(str_from_strbuf(&out), (int64_t)n);
}

// The bytes the mapping gives for cp: 1 appended, 0 undefined, -1 error.
static int charmap_encode_one(Value mapping, uint32_t cp, StrBuf *out) {
    Value r = obj_getitem(mapping, int_from_i64(cp));
    if (!r) {
        if (err_matches(&exc_LookupError)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    if (r == VAL_NONE) {
        return 0;
    }
    if (int_check(r)) {
        int64_t b;
        if (obj_as_int64(r, &b) < 0 || b < 0 || b > 255) {
            err_clear();
            err_format(&exc_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        sb_putc(out, (char)b);
        return 1;
    }
    if (val_is_bytes(r)) {
        sb_put(out, bytes_data(r), bytes_len(r));
        return 1;
    }
    err_format(&exc_TypeError, "character mapping must return integer, bytes or None, not %s",
               str_type_name(r));
    return -1;
}

FN(codecs_charmap_encode) {
    const char *errors;
    if (codec_args("charmap_encode", nargs, kwnames, 1, 3) < 0 ||
        text_arg("charmap_encode", args[0]) < 0 ||
        errors_arg("charmap_encode", args, nargs, 2, &errors) < 0) {
        return 0;
    }
    Value s = args[0];
    Value mapping = nargs >= 3 ? args[2] : VAL_NONE;
    size_t n = str_len(s);
    if (mapping == VAL_NONE) {
        Value b = codec_encode_direct(s, "latin-1", errors);
        return b ? tuple_pack2(b, int_from_i64((int64_t)n)) : 0;
    }
    StrBuf out;
    sb_init(&out);
    for (size_t pos = 0; pos < n;) {
        int r = charmap_encode_one(mapping, str_getitem_cp(s, pos), &out);
        if (r < 0) {
            sb_free(&out);
            return 0;
        }
        if (r) {
            pos++;
            continue;
        }
        // The run of unencodable characters goes to the handler at once.
        size_t end = pos + 1;
        StrBuf probe;
        sb_init(&probe);
        while (end < n) {
            r = charmap_encode_one(mapping, str_getitem_cp(s, end), &probe);
            if (r != 0) {
                break;
            }
            end++;
        }
        sb_free(&probe);
        if (r < 0) {
            sb_free(&out);
            return 0;
        }
        Value rep;
        int64_t newpos;
        if (charmap_error(errors, 1, s, n, pos, end, &rep, &newpos) < 0) {
            sb_free(&out);
            return 0;
        }
        if (val_is_bytes(rep)) {
            sb_put(&out, bytes_data(rep), bytes_len(rep));
        } else {
            for (size_t i = 0; i < str_len(rep); i++) {
                r = charmap_encode_one(mapping, str_getitem_cp(rep, i), &out);
                if (r <= 0) {
                    if (r == 0) {
                        charmap_error(NULL, 1, s, n, pos, end, &rep, &newpos);
                    }
                    sb_free(&out);
                    return 0;
                }
            }
        }
        pos = (size_t)newpos;
    }
    Value b = bytes_from(out.data ? out.data : "", out.len);
    sb_free(&out);
    return b ? tuple_pack2(b, int_from_i64((int64_t)n)) : 0;
}

// charmap_build(decoding_table): the encoding map {code point: byte}.
// (CPython builds an EncodingMap object for full 256-entry tables; krait
// gives the dict, which charmap_encode takes the same way.)
FN(codecs_charmap_build) {
    if (method_check_args("_codecs.charmap_build", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "charmap_build() argument must be str, not %s",
                          str_type_name(args[0]));
    }
    size_t n = str_len(args[0]);
    if (n == 0) {
        return err_format(&exc_TypeError, "bad argument type for built-in operation");
    }
    Value d = dict_new();
    if (!d) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (dict_set(d, int_from_i64(str_getitem_cp(args[0], i)), int_from_i64((int64_t)i)) < 0) {
            return 0;
        }
    }
    return d;
}

// ---- bytes escapes --------------------------------------------------------------------------------

// escape_encode(bytes, errors=None): the body of the bytes' repr (quotes
// not escaped but for ').
FN(codecs_escape_encode) {
    const char *errors;
    if (codec_args("escape_encode", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    if (!val_is_bytes(args[0])) {
        return err_format(&exc_TypeError, "escape_encode() argument 1 must be bytes, not %s",
                          str_type_name(args[0]));
    }
    if (errors_arg("escape_encode", args, nargs, 2, &errors) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(args[0]);
    size_t n = bytes_len(args[0]);
    StrBuf out;
    sb_init(&out);
    for (size_t i = 0; i < n; i++) {
        unsigned c = d[i];
        if (c == '\'' || c == '\\') {
            sb_putc(&out, '\\');
            sb_putc(&out, (char)c);
        } else if (c == '\t') {
            sb_put(&out, "\\t", 2);
        } else if (c == '\n') {
            sb_put(&out, "\\n", 2);
        } else if (c == '\r') {
            sb_put(&out, "\\r", 2);
        } else if (c < ' ' || c >= 0x7F) {
            sb_printf(&out, "\\x%02x", c);
        } else {
            sb_putc(&out, (char)c);
        }
    }
    Value b = bytes_from(out.data ? out.data : "", out.len);
    sb_free(&out);
    return b ? tuple_pack2(b, int_from_i64((int64_t)n)) : 0;
}

static int hexval(unsigned c) {
    return c >= '0' && c <= '9' ? (int)(c - '0')
           : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
}

// escape_decode(data, errors=None): a bytes literal's escapes.
FN(codecs_escape_decode) {
    const char *errors;
    if (codec_args("escape_decode", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value data = args[0];
    if (val_is_str(data)) {
        data = codec_encode_direct(data, "utf-8", NULL);
    } else {
        Buffer view;
        if (buffer_get_bytes_like(data, &view) < 0) {
            return 0;
        }
        data = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
    }
    if (!data || errors_arg("escape_decode", args, nargs, 2, &errors) < 0) {
        return 0;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(data);
    size_t n = bytes_len(data);
    StrBuf out;
    sb_init(&out);
    for (size_t i = 0; i < n;) {
        unsigned c = d[i++];
        if (c != '\\') {
            sb_putc(&out, (char)c);
            continue;
        }
        if (i >= n) {
            sb_free(&out);
            return err_format(&exc_ValueError, "Trailing \\ in string");
        }
        c = d[i++];
        switch (c) {
        case '\n': break;
        case '\\': sb_putc(&out, '\\'); break;
        case '\'': sb_putc(&out, '\''); break;
        case '"': sb_putc(&out, '"'); break;
        case 'b': sb_putc(&out, '\b'); break;
        case 'f': sb_putc(&out, '\f'); break;
        case 't': sb_putc(&out, '\t'); break;
        case 'n': sb_putc(&out, '\n'); break;
        case 'r': sb_putc(&out, '\r'); break;
        case 'v': sb_putc(&out, '\v'); break;
        case 'a': sb_putc(&out, '\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = c - '0';
            for (int k = 0; k < 2 && i < n && d[i] >= '0' && d[i] <= '7'; k++) {
                v = (v << 3) + (d[i++] - '0');
            }
            sb_putc(&out, (char)v);
            break;
        }
        case 'x':
            if (i + 1 < n && hexval(d[i]) >= 0 && hexval(d[i + 1]) >= 0) {
                sb_putc(&out, (char)(hexval(d[i]) * 16 + hexval(d[i + 1])));
                i += 2;
                break;
            }
            if (!errors || strcmp(errors, "strict") == 0) {
                sb_free(&out);
                return err_format(&exc_ValueError, "invalid \\x escape at position %zu", i - 2);
            }
            if (strcmp(errors, "replace") == 0) {
                sb_putc(&out, '?');
            } else if (strcmp(errors, "ignore") != 0) {
                sb_free(&out);
                return err_format(&exc_ValueError,
                                  "decoding error; unknown error handling code: %s", errors);
            }
            // Skip the hex digits there are (at most one).
            if (i < n && hexval(d[i]) >= 0) {
                i++;
            }
            break;
        default:
            // Kept as it is (CPython also warns: DeprecationWarning).
            sb_putc(&out, '\\');
            sb_putc(&out, (char)c);
            break;
        }
    }
    Value b = bytes_from(out.data ? out.data : "", out.len);
    sb_free(&out);
    return b ? tuple_pack2(b, int_from_i64((int64_t)n)) : 0;
}

// readbuffer_encode(data, errors=None): the bytes of a buffer (a str as UTF-8).
FN(codecs_readbuffer_encode) {
    const char *errors;
    if (codec_args("readbuffer_encode", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value b;
    if (val_is_str(args[0])) {
        b = codec_encode_direct(args[0], "utf-8", NULL);
    } else {
        Buffer view;
        if (buffer_get_bytes_like(args[0], &view) < 0) {
            return 0;
        }
        b = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
    }
    if (!b || errors_arg("readbuffer_encode", args, nargs, 2, &errors) < 0) {
        return 0;
    }
    return tuple_pack2(b, int_from_i64((int64_t)bytes_len(b)));
}

// ---- the builtin error handlers ---------------------------------------------------------------

static int is_exc(Value v, Type *t) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), t);
}

static Value cannot_handle(Value exc) {
    return err_format(&exc_TypeError, "don't know how to handle %s in error callback",
                      obj_type_name(exc));
}

// The object, start and end of a Unicode error, clamped as CPython's
// PyUnicode*Error_GetStart/GetEnd do. 0 or -1.
static int exc_range(Value exc, Value *object, size_t *start, size_t *end) {
    Value o = obj_getattr_cstr(exc, "object");
    Value s = o ? obj_getattr_cstr(exc, "start") : 0;
    Value e = s ? obj_getattr_cstr(exc, "end") : 0;
    int64_t a, b;
    if (!e || obj_as_index(s, &a, 1) < 0 || obj_as_index(e, &b, 1) < 0) {
        return -1;
    }
    int64_t len;
    if (val_is_str(o)) {
        len = (int64_t)str_len(o);
    } else if (val_is_bytes(o)) {
        len = (int64_t)bytes_len(o);
    } else {
        err_format(&exc_TypeError, "%s attribute must be %s", "object",
                   is_exc(exc, &exc_UnicodeDecodeError) ? "bytes" : "unicode");
        return -1;
    }
    if (a < 0) {
        a = 0;
    }
    if (a >= len) {
        a = len == 0 ? 0 : len - 1;
    }
    if (b < 1) {
        b = 1;
    }
    if (b > len) {
        b = len;
    }
    *object = o;
    *start = (size_t)a;
    *end = (size_t)(b < a ? a : b);
    return 0;
}

static Value handler_result(Value rep, size_t end) {
    return rep ? tuple_pack2(rep, int_from_i64((int64_t)end)) : 0;
}

FN(codecs_strict_errors) {
    if (method_check_args("strict_errors", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!is_exc(args[0], &exc_BaseException)) {
        return err_format(&exc_TypeError, "codec must pass exception instance");
    }
    return err_set_value(args[0]);
}

FN(codecs_ignore_errors) {
    Value o;
    size_t start, end;
    if (method_check_args("ignore_errors", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!is_exc(args[0], &exc_UnicodeEncodeError) && !is_exc(args[0], &exc_UnicodeDecodeError) &&
        !is_exc(args[0], &exc_UnicodeTranslateError)) {
        return cannot_handle(args[0]);
    }
    if (exc_range(args[0], &o, &start, &end) < 0) {
        return 0;
    }
    return handler_result(str_empty(), end);
}

FN(codecs_replace_errors) {
    Value o;
    size_t start, end;
    if (method_check_args("replace_errors", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value exc = args[0];
    int enc = is_exc(exc, &exc_UnicodeEncodeError), dec = is_exc(exc, &exc_UnicodeDecodeError),
        tr = is_exc(exc, &exc_UnicodeTranslateError);
    if (!enc && !dec && !tr) {
        return cannot_handle(exc);
    }
    if (exc_range(exc, &o, &start, &end) < 0) {
        return 0;
    }
    if (dec) {
        return handler_result(str_char(0xFFFD), end);
    }
    Value rep = str_repeat(enc ? str_char('?') : str_char(0xFFFD), (int64_t)(end - start));
    return handler_result(rep, end);
}

FN(codecs_backslashreplace_errors) {
    Value o;
    size_t start, end;
    if (method_check_args("backslashreplace_errors", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value exc = args[0];
    int enc = is_exc(exc, &exc_UnicodeEncodeError), dec = is_exc(exc, &exc_UnicodeDecodeError),
        tr = is_exc(exc, &exc_UnicodeTranslateError);
    if (!enc && !dec && !tr) {
        return cannot_handle(exc);
    }
    if (exc_range(exc, &o, &start, &end) < 0) {
        return 0;
    }
    StrBuf b;
    sb_init(&b);
    for (size_t i = start; i < end; i++) {
        uint32_t c = dec ? (unsigned char)bytes_data(o)[i] : str_getitem_cp(o, i);
        if (c <= 0xFF) {
            sb_printf(&b, "\\x%02x", c);
        } else if (c <= 0xFFFF) {
            sb_printf(&b, "\\u%04x", c);
        } else {
            sb_printf(&b, "\\U%08x", c);
        }
    }
    return handler_result(str_from_strbuf(&b), end);
}

FN(codecs_xmlcharrefreplace_errors) {
    Value o;
    size_t start, end;
    if (method_check_args("xmlcharrefreplace_errors", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!is_exc(args[0], &exc_UnicodeEncodeError)) {
        return cannot_handle(args[0]);
    }
    if (exc_range(args[0], &o, &start, &end) < 0) {
        return 0;
    }
    StrBuf b;
    sb_init(&b);
    for (size_t i = start; i < end; i++) {
        sb_printf(&b, "&#%u;", str_getitem_cp(o, i));
    }
    return handler_result(str_from_strbuf(&b), end);
}

FN(codecs_namereplace_errors) {
    if (method_check_args("namereplace_errors", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!is_exc(args[0], &exc_UnicodeEncodeError)) {
        return cannot_handle(args[0]);
    }
    return err_format(&exc_NotImplementedError,
                      "the 'namereplace' error handler is not implemented in krait yet");
}

FN(codecs_surrogateescape) {
    Value o;
    size_t start, end;
    if (method_check_args("surrogateescape", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value exc = args[0];
    if (is_exc(exc, &exc_UnicodeDecodeError)) {
        if (exc_range(exc, &o, &start, &end) < 0) {
            return 0;
        }
        StrBuf b;
        sb_init(&b);
        size_t i = start;
        const unsigned char *d = (const unsigned char *)bytes_data(o);
        for (; i < end && i - start < 4 && d[i] >= 0x80; i++) {
            char t[4];
            sb_put(&b, t, (size_t)utf8_encode(0xDC00u + d[i], t));
        }
        if (i == start) {
            sb_free(&b);
            return err_set_value(exc);
        }
        return handler_result(str_from_strbuf(&b), i);
    }
    if (is_exc(exc, &exc_UnicodeEncodeError)) {
        if (exc_range(exc, &o, &start, &end) < 0) {
            return 0;
        }
        StrBuf b;
        sb_init(&b);
        for (size_t i = start; i < end; i++) {
            uint32_t c = str_getitem_cp(o, i);
            if (c < 0xDC80 || c > 0xDCFF) {
                sb_free(&b);
                return err_set_value(exc);
            }
            sb_putc(&b, (char)(c - 0xDC00));
        }
        Value r = bytes_from(b.data ? b.data : "", b.len);
        sb_free(&b);
        return handler_result(r, end);
    }
    return cannot_handle(exc);
}

// The encoding a surrogatepass error is about: 8 (UTF-8), 16 or 32 with
// *big, or 0 for the others.
static int surrogatepass_encoding(Value exc, int *big) {
    Value e = obj_getattr_cstr(exc, "encoding");
    if (!e) {
        return -1;
    }
    *big = 0;
    if (!val_is_str(e)) {
        return 0;
    }
    char norm[32];
    size_t k = 0;
    StrObject *s = str_obj(e);
    for (size_t i = 0; i < s->nbytes && k + 1 < sizeof norm; i++) {
        char c = s->data[i];
        norm[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '_' ? '-' : c);
    }
    norm[k] = 0;
    if (strcmp(norm, "utf-8") == 0 || strcmp(norm, "utf8") == 0) {
        return 8;
    }
    static const struct {
        const char *name;
        int width, big;
    } names[] = {
        {"utf-16", 16, 0}, {"utf-16-le", 16, 0}, {"utf-16le", 16, 0}, {"utf-16-be", 16, 1},
        {"utf-16be", 16, 1}, {"utf-32", 32, 0}, {"utf-32-le", 32, 0}, {"utf-32le", 32, 0},
        {"utf-32-be", 32, 1}, {"utf-32be", 32, 1},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(norm, names[i].name) == 0) {
            *big = names[i].big;
            return names[i].width;
        }
    }
    return 0;
}

FN(codecs_surrogatepass) {
    Value o;
    size_t start, end;
    int big;
    if (method_check_args("surrogatepass", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value exc = args[0];
    int enc = is_exc(exc, &exc_UnicodeEncodeError), dec = is_exc(exc, &exc_UnicodeDecodeError);
    if (!enc && !dec) {
        return cannot_handle(exc);
    }
    if (exc_range(exc, &o, &start, &end) < 0) {
        return 0;
    }
    int width = surrogatepass_encoding(exc, &big);
    if (width < 0) {
        return 0;
    }
    if (width == 0) {
        return err_set_value(exc);
    }
    if (enc) {
        StrBuf b;
        sb_init(&b);
        for (size_t i = start; i < end; i++) {
            uint32_t c = str_getitem_cp(o, i);
            if (c < 0xD800 || c > 0xDFFF) {
                sb_free(&b);
                return err_set_value(exc);
            }
            if (width == 8) {
                char t[4];
                sb_put(&b, t, (size_t)utf8_encode(c, t));
            } else {
                int nb = width / 8;
                for (int k = 0; k < nb; k++) {
                    int shift = big ? 8 * (nb - 1 - k) : 8 * k;
                    sb_putc(&b, (char)((c >> shift) & 0xFF));
                }
            }
        }
        Value r = bytes_from(b.data ? b.data : "", b.len);
        sb_free(&b);
        return handler_result(r, end);
    }
    const unsigned char *p = (const unsigned char *)bytes_data(o) + start;
    size_t avail = bytes_len(o) - start;
    uint32_t c = 0;
    size_t used = 0;
    if (width == 8) {
        if (avail >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
            (p[2] & 0xC0) == 0x80) {
            c = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            used = 3;
        }
    } else {
        size_t nb = (size_t)width / 8;
        if (avail >= nb) {
            for (size_t k = 0; k < nb; k++) {
                size_t idx = big ? k : nb - 1 - k;
                c = (c << 8) | p[idx];
            }
            used = nb;
        }
    }
    if (!used || c < 0xD800 || c > 0xDFFF) {
        return err_set_value(exc);
    }
    return handler_result(str_char(c), start + used);
}

// ---- the module -----------------------------------------------------------------------------------

static const MethodDef codecs_handlers[] = {
    {"strict_errors", codecs_strict_errors, METH_DEFAULT, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", codecs_ignore_errors, METH_DEFAULT, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", codecs_replace_errors, METH_DEFAULT, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", codecs_xmlcharrefreplace_errors, METH_DEFAULT, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"backslashreplace_errors", codecs_backslashreplace_errors, METH_DEFAULT, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"namereplace_errors", codecs_namereplace_errors, METH_DEFAULT, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape", codecs_surrogateescape, METH_DEFAULT, NULL},
    {"surrogatepass", codecs_surrogatepass, METH_DEFAULT, NULL},
};
static const char *const codecs_handler_names[] = {
    "strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace",
    "surrogateescape", "surrogatepass",
};

static const MethodDef codecs_functions[] = {
    {"register", codecs_register, METH_DEFAULT, "Register a codec search function."},
    {"unregister", codecs_unregister, METH_DEFAULT, "Unregister a codec search function and clear the registry's cache."},
    {"lookup", codecs_lookup, METH_DEFAULT, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", codecs_encode, METH_DEFAULT, "Encodes obj using the codec registered for encoding."},
    {"decode", codecs_decode, METH_DEFAULT, "Decodes obj using the codec registered for encoding."},
    {"escape_encode", codecs_escape_encode, METH_DEFAULT, NULL},
    {"escape_decode", codecs_escape_decode, METH_DEFAULT, NULL},
    {"utf_8_encode", codecs_utf_8_encode, METH_DEFAULT, NULL},
    {"utf_8_decode", codecs_utf_8_decode, METH_DEFAULT, NULL},
    {"utf_7_encode", codecs_utf_7_encode, METH_DEFAULT, NULL},
    {"utf_7_decode", codecs_utf_7_decode, METH_DEFAULT, NULL},
    {"utf_16_encode", codecs_utf_16_encode, METH_DEFAULT, NULL},
    {"utf_16_decode", codecs_utf_16_decode, METH_DEFAULT, NULL},
    {"utf_16_le_encode", codecs_utf_16_le_encode, METH_DEFAULT, NULL},
    {"utf_16_le_decode", codecs_utf_16_le_decode, METH_DEFAULT, NULL},
    {"utf_16_be_encode", codecs_utf_16_be_encode, METH_DEFAULT, NULL},
    {"utf_16_be_decode", codecs_utf_16_be_decode, METH_DEFAULT, NULL},
    {"utf_16_ex_decode", codecs_utf_16_ex_decode, METH_DEFAULT, NULL},
    {"utf_32_encode", codecs_utf_32_encode, METH_DEFAULT, NULL},
    {"utf_32_decode", codecs_utf_32_decode, METH_DEFAULT, NULL},
    {"utf_32_le_encode", codecs_utf_32_le_encode, METH_DEFAULT, NULL},
    {"utf_32_le_decode", codecs_utf_32_le_decode, METH_DEFAULT, NULL},
    {"utf_32_be_encode", codecs_utf_32_be_encode, METH_DEFAULT, NULL},
    {"utf_32_be_decode", codecs_utf_32_be_decode, METH_DEFAULT, NULL},
    {"utf_32_ex_decode", codecs_utf_32_ex_decode, METH_DEFAULT, NULL},
    {"unicode_escape_encode", codecs_unicode_escape_encode, METH_DEFAULT, NULL},
    {"unicode_escape_decode", codecs_unicode_escape_decode, METH_DEFAULT, NULL},
    {"raw_unicode_escape_encode", codecs_raw_unicode_escape_encode, METH_DEFAULT, NULL},
    {"raw_unicode_escape_decode", codecs_raw_unicode_escape_decode, METH_DEFAULT, NULL},
    {"latin_1_encode", codecs_latin_1_encode, METH_DEFAULT, NULL},
    {"latin_1_decode", codecs_latin_1_decode, METH_DEFAULT, NULL},
    {"ascii_encode", codecs_ascii_encode, METH_DEFAULT, NULL},
    {"ascii_decode", codecs_ascii_decode, METH_DEFAULT, NULL},
    {"charmap_encode", codecs_charmap_encode, METH_DEFAULT, NULL},
    {"charmap_decode", codecs_charmap_decode, METH_DEFAULT, NULL},
    {"charmap_build", codecs_charmap_build, METH_DEFAULT, NULL},
    {"readbuffer_encode", codecs_readbuffer_encode, METH_DEFAULT, NULL},
    {"register_error", codecs_register_error, METH_DEFAULT, "Register the specified error handler under the name errors."},
    {"lookup_error", codecs_lookup_error, METH_DEFAULT, "lookup_error(errors) -> handler"},
    {NULL, NULL, 0, NULL},
};

Value codecs_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    gc_add_root(&search_path);
    gc_add_root(&search_cache);
    codec_registry_hook = codec_registry_lookup;
    search_path = list_new(0);
    search_cache = dict_new();
    if (!search_path || !search_cache) {
        return 0;
    }
    for (size_t i = 0; i < sizeof codecs_handlers / sizeof codecs_handlers[0]; i++) {
        Value name = str_intern_cstr(codecs_handler_names[i]);
        Value fn = builtin_function_new(&codecs_handlers[i], 0, VAL_NONE);
        if (!name || !fn) {
            return 0;
        }
        // A handler registered before (codecs.c's own use) stays.
        Value old = codec_lookup_error_handler(codecs_handler_names[i]);
        if (!old && codec_register_error(name, fn) < 0) {
            return 0;
        }
    }
    Value m = module_new_cstr("_codecs");
    if (!m || module_add_functions(m, codecs_functions) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
