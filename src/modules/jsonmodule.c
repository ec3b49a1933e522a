// jsonmodule.c - the `_json` module: the C speedups Lib/json uses when they
// exist - the scanner (make_scanner: a whole JSON value from a str at an
// index), the one-shot encoder (make_encoder: a whole object to one str),
// scanstring, encode_basestring and encode_basestring_ascii.
//
// Behaviour is CPython 3.11's _json.c: the same JSONDecodeError messages
// and positions (positions are code point indices), the same order of
// checks, the same quirks (a \uXXXX escape needs four more characters
// before the end of the document, not of the string; the encoder ignores
// `indent`, which json only passes as None; dict keys are converted str,
// float, True/False/None, int in that order).
//
// Speed comes from working on krait's UTF-8 directly:
//  - The scanner walks the document's bytes, carrying the code point index
//    beside the byte offset (structural characters are ASCII, so the two
//    advance together except inside strings, where only lead bytes count).
//    A string without escapes becomes one str built from its bytes, with
//    its length and width known from the scan; escapes go through one
//    scratch buffer reused for the whole call.
//  - The encoder appends UTF-8 to one StrBuf for the whole document and
//    knows the result's length and width when it builds the str: escaping
//    only replaces ASCII characters (or, with ensure_ascii, turns every
//    non-ASCII one into ASCII), so each appended piece's "bytes minus code
//    points" is known without rescanning.
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/numparse.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// The module's two string encoders: an Encoder whose `encoder` is one of
// them escapes in C without calling it.
static Value json_encode_ascii_fn, json_encode_unicode_fn;

static const char HEX[] = "0123456789abcdef";

// ---- errors ---------------------------------------------------------------------------------------

// json.decoder.JSONDecodeError(msg, doc, pos), raised. Returns 0.
static Value raise_errmsg(const char *msg, Value doc, size_t pos) {
    Value name = str_from_cstr("json.decoder");
    Value from = name ? tuple_from((Value[]){str_intern_cstr("JSONDecodeError")}, 1) : 0;
    Value mod = from ? import_module_level(name, 0, from, 0) : 0;
    Value cls = mod ? obj_getattr_cstr(mod, "JSONDecodeError") : 0;
    Value m = cls ? str_from_cstr(msg) : 0;
    Value exc = m ? obj_call(cls, (Value[]){m, doc, int_from_u64(pos)}, 3, 0) : 0;
    return exc ? err_set_value(exc) : 0;
}

static Value raise_stop_iteration(size_t idx) {
    Value exc = obj_call1(val_from_ptr(&exc_StopIteration), int_from_u64(idx));
    return exc ? err_set_value(exc) : 0;
}

// The largest code point a UTF-8 text may hold, from its largest byte:
// enough for str_from_utf8_known to set the str's width flags.
static inline uint32_t maxcp_of_lead(unsigned lead) {
    return lead >= 0xF0 ? 0x10000 : lead >= 0xC4 ? 0x100 : lead >= 0x80 ? 0x80 : 0;
}

static inline void put_utf8(StrBuf *b, uint32_t c) {
    char t[4];
    size_t n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    sb_put(b, t, n);
}

// ---- the scanner ----------------------------------------------------------------------------------

typedef struct ScannerObject {
    Object header;
    int strict;
    Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
} ScannerObject;

static Type type_scanner, type_encoder;

static void scanner_trace(Object *o, GcTracer *t) {
    ScannerObject *s = (ScannerObject *)o;
    gc_trace_value(t, s->object_hook);
    gc_trace_value(t, s->object_pairs_hook);
    gc_trace_value(t, s->parse_float);
    gc_trace_value(t, s->parse_int);
    gc_trace_value(t, s->parse_constant);
}

// A position in the document: its byte offset and its code point index.
typedef struct Pos {
    size_t b, c;
} Pos;

// One scan_once call (or one scanstring call, with s NULL).
typedef struct Scan {
    ScannerObject *s;
    Value doc;
    const unsigned char *buf;
    size_t nbytes, ncp;
    int strict;
    Value memo;       // a dict: each object key text once per call
    StrBuf tmp;       // scratch for strings with escapes
} Scan;

static inline Pos pos_skip_ws(const Scan *sc, Pos p) {
    while (p.b < sc->nbytes) {
        unsigned char ch = sc->buf[p.b];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
            break;
        }
        p.b++;
        p.c++;
    }
    return p;
}

static inline int hexval(unsigned char ch) {
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
        return ch - 'A' + 10;
    }
    return -1;
}

// Four hex digits at buf[b..b+4) (the caller knows they exist): the value,
// or -1.
static inline int32_t hex4(const unsigned char *p) {
    int a = hexval(p[0]), b = hexval(p[1]), c = hexval(p[2]), d = hexval(p[3]);
    if ((a | b | c | d) < 0) {
        return -1;
    }
    return (a << 12) | (b << 8) | (c << 4) | d;
}

// The JSON string whose text starts at p (after the opening quote); *next
// is after the closing quote.
static Value scan_string(Scan *sc, Pos p, Pos *next) {
    const unsigned char *buf = sc->buf;
    size_t n = sc->nbytes;
    size_t begin = p.c - 1;
    int escaped = 0;       // tmp holds the text so far
    size_t outlen = 0;     // code points in tmp
    unsigned maxlead = 0;  // of everything in tmp
    for (;;) {
        size_t chunk_b = p.b, chunk_c = p.c;
        unsigned lead = 0;
        unsigned char ch = 0;
        while (p.b < n) {
            ch = buf[p.b];
            if (ch == '"' || ch == '\\') {
                break;
            }
            if (ch < 0x20) {
                if (sc->strict) {
                    return raise_errmsg("Invalid control character at", sc->doc, p.c);
                }
            } else if (ch >= 0x80) {
                if (ch > lead) {
                    lead = ch;
                }
                p.c += (ch & 0xC0) != 0x80;
                p.b++;
                continue;
            }
            p.b++;
            p.c++;
        }
        if (p.b >= n) {
            return raise_errmsg("Unterminated string starting at", sc->doc, begin);
        }
        if (ch == '"' && !escaped) {
            next->b = p.b + 1;
            next->c = p.c + 1;
            return str_from_utf8_known((const char *)buf + chunk_b, p.b - chunk_b, p.c - chunk_c,
                                       maxcp_of_lead(lead));
        }
        if (!escaped) {
            escaped = 1;
            sc->tmp.len = 0;
        }
        sb_put(&sc->tmp, (const char *)buf + chunk_b, p.b - chunk_b);
        outlen += p.c - chunk_c;
        if (lead > maxlead) {
            maxlead = lead;
        }
        p.b++;
        p.c++;
        if (ch == '"') {
            break;
        }
        if (p.b >= n) {
            return raise_errmsg("Unterminated string starting at", sc->doc, begin);
        }
        unsigned char e = buf[p.b];
        uint32_t c;
        if (e != 'u') {
            switch (e) {
            case '"':
            case '\\':
            case '/':
                c = e;
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            default:
                return raise_errmsg("Invalid \\escape", sc->doc, p.c - 1);
            }
            p.b++;
            p.c++;
        } else {
            // p is at the 'u'; CPython wants 4 more characters and one beyond.
            size_t u = p.c;
            if (u + 5 >= sc->ncp) {
                return raise_errmsg("Invalid \\uXXXX escape", sc->doc, u);
            }
            int32_t v = hex4(buf + p.b + 1);
            if (v < 0) {
                return raise_errmsg("Invalid \\uXXXX escape", sc->doc, u);
            }
            c = (uint32_t)v;
            p.b += 5;
            p.c += 5;
            if (c >= 0xD800 && c <= 0xDBFF && p.c + 6 < sc->ncp && buf[p.b] == '\\' &&
                buf[p.b + 1] == 'u') {
                int32_t v2 = hex4(buf + p.b + 2);
                if (v2 < 0) {
                    return raise_errmsg("Invalid \\uXXXX escape", sc->doc, p.c + 1);
                }
                if (v2 >= 0xDC00 && v2 <= 0xDFFF) {
                    c = 0x10000 + (((c - 0xD800) << 10) | ((uint32_t)v2 - 0xDC00));
                    p.b += 6;
                    p.c += 6;
                }
            }
        }
        put_utf8(&sc->tmp, c);
        outlen++;
        unsigned l = c < 0x80 ? 0 : c < 0x100 ? 0x80 : c < 0x10000 ? 0xC4 : 0xF0;
        if (l > maxlead) {
            maxlead = l;
        }
    }
    *next = p;
    return str_from_utf8_known(sc->tmp.data, sc->tmp.len, outlen, maxcp_of_lead(maxlead));
}

static Value scan_once(Scan *sc, Pos p, Pos *next);

static Value parse_object(Scan *sc, Pos p, Pos *next) {
    ScannerObject *s = sc->s;
    const unsigned char *buf = sc->buf;
    size_t n = sc->nbytes;
    int pairs = s->object_pairs_hook != VAL_NONE;
    Value rval = pairs ? list_new(0) : dict_new();
    if (!rval) {
        return 0;
    }
    p = pos_skip_ws(sc, p);
    if (p.b >= n || buf[p.b] != '}') {
        for (;;) {
            if (p.b >= n || buf[p.b] != '"') {
                return raise_errmsg("Expecting property name enclosed in double quotes", sc->doc,
                                    p.c);
            }
            Pos q;
            Value key = scan_string(sc, (Pos){p.b + 1, p.c + 1}, &q);
            if (!key) {
                return 0;
            }
            Value memokey = dict_get(sc->memo, key);
            if (memokey) {
                key = memokey;
            } else if (err_occurred() || dict_set(sc->memo, key, key) < 0) {
                return 0;
            }
            p = pos_skip_ws(sc, q);
            if (p.b >= n || buf[p.b] != ':') {
                return raise_errmsg("Expecting ':' delimiter", sc->doc, p.c);
            }
            p.b++;
            p.c++;
            p = pos_skip_ws(sc, p);
            Value val = scan_once(sc, p, &q);
            if (!val) {
                return 0;
            }
            if (pairs) {
                Value item = tuple_from((Value[]){key, val}, 2);
                if (!item || list_append(rval, item) < 0) {
                    return 0;
                }
            } else if (dict_set(rval, key, val) < 0) {
                return 0;
            }
            p = pos_skip_ws(sc, q);
            if (p.b < n && buf[p.b] == '}') {
                break;
            }
            if (p.b >= n || buf[p.b] != ',') {
                return raise_errmsg("Expecting ',' delimiter", sc->doc, p.c);
            }
            p.b++;
            p.c++;
            p = pos_skip_ws(sc, p);
        }
    }
    next->b = p.b + 1;
    next->c = p.c + 1;
    if (pairs) {
        return obj_call1(s->object_pairs_hook, rval);
    }
    if (s->object_hook != VAL_NONE) {
        return obj_call1(s->object_hook, rval);
    }
    return rval;
}

static Value parse_array(Scan *sc, Pos p, Pos *next) {
    const unsigned char *buf = sc->buf;
    size_t n = sc->nbytes;
    Value rval = list_new(0);
    if (!rval) {
        return 0;
    }
    p = pos_skip_ws(sc, p);
    if (p.b >= n || buf[p.b] != ']') {
        for (;;) {
            Pos q;
            Value val = scan_once(sc, p, &q);
            if (!val || list_append(rval, val) < 0) {
                return 0;
            }
            p = pos_skip_ws(sc, q);
            if (p.b < n && buf[p.b] == ']') {
                break;
            }
            if (p.b >= n || buf[p.b] != ',') {
                return raise_errmsg("Expecting ',' delimiter", sc->doc, p.c);
            }
            p.b++;
            p.c++;
            p = pos_skip_ws(sc, p);
        }
    }
    next->b = p.b + 1;
    next->c = p.c + 1;
    return rval;
}

static Value parse_constant(Scan *sc, const char *name, size_t len, Pos p, Pos *next) {
    Value cstr = str_intern_cstr(name);
    if (!cstr) {
        return 0;
    }
    next->b = p.b + len;
    next->c = p.c + len;
    return obj_call1(sc->s->parse_constant, cstr);
}

static inline int is_digit(unsigned char ch) {
    return ch >= '0' && ch <= '9';
}

static Value match_number(Scan *sc, Pos p, Pos *next) {
    const unsigned char *buf = sc->buf;
    size_t n = sc->nbytes;
    size_t start = p.b, i = p.b;
    int is_float = 0;
    if (buf[i] == '-') {
        i++;
        if (i >= n) {
            return raise_stop_iteration(p.c);
        }
    }
    if (buf[i] >= '1' && buf[i] <= '9') {
        i++;
        while (i < n && is_digit(buf[i])) {
            i++;
        }
    } else if (buf[i] == '0') {
        i++;
    } else {
        return raise_stop_iteration(p.c);
    }
    if (i + 1 < n && buf[i] == '.' && is_digit(buf[i + 1])) {
        is_float = 1;
        i += 2;
        while (i < n && is_digit(buf[i])) {
            i++;
        }
    }
    if (i + 1 < n && (buf[i] == 'e' || buf[i] == 'E')) {
        size_t e_start = i;
        i++;
        if (i + 1 < n && (buf[i] == '-' || buf[i] == '+')) {
            i++;
        }
        while (i < n && is_digit(buf[i])) {
            i++;
        }
        if (is_digit(buf[i - 1])) {
            is_float = 1;
        } else {
            i = e_start;
        }
    }
    size_t len = i - start;
    next->b = i;
    next->c = p.c + len;
    const char *text = (const char *)buf + start;
    ScannerObject *s = sc->s;
    Value custom = is_float ? (s->parse_float != val_from_ptr(&type_float) ? s->parse_float : 0)
                            : (s->parse_int != val_from_ptr(&type_int) ? s->parse_int : 0);
    if (custom) {
        Value numstr = str_from_utf8(text, len);
        return numstr ? obj_call1(custom, numstr) : 0;
    }
    if (is_float) {
        const char *stop;
        double d = num_parse_double_prefix(text, len, &stop);
        return float_from_double(d);
    }
    size_t ndigits = len - (text[0] == '-');
    if (ndigits <= 18) {
        int64_t v = 0;
        for (size_t k = len - ndigits; k < len; k++) {
            v = v * 10 + (text[k] - '0');
        }
        return int_from_i64(text[0] == '-' ? -v : v);
    }
    Value numstr = str_from_utf8(text, len);
    return numstr ? num_parse_int(text, len, 10, numstr) : 0;
}

static Value scan_once(Scan *sc, Pos p, Pos *next) {
    const unsigned char *buf = sc->buf;
    size_t n = sc->nbytes;
    if (p.b >= n) {
        return raise_stop_iteration(p.c);
    }
    size_t left = n - p.b;
    Value res;
    switch (buf[p.b]) {
    case '"':
        return scan_string(sc, (Pos){p.b + 1, p.c + 1}, next);
    case '{':
        if (vm_enter_call(" while decoding a JSON object from a unicode string") < 0) {
            return 0;
        }
        res = parse_object(sc, (Pos){p.b + 1, p.c + 1}, next);
        vm_leave_call();
        return res;
    case '[':
        if (vm_enter_call(" while decoding a JSON array from a unicode string") < 0) {
            return 0;
        }
        res = parse_array(sc, (Pos){p.b + 1, p.c + 1}, next);
        vm_leave_call();
        return res;
    case 'n':
        if (left >= 4 && memcmp(buf + p.b, "null", 4) == 0) {
            *next = (Pos){p.b + 4, p.c + 4};
            return VAL_NONE;
        }
        break;
    case 't':
        if (left >= 4 && memcmp(buf + p.b, "true", 4) == 0) {
            *next = (Pos){p.b + 4, p.c + 4};
            return VAL_TRUE;
        }
        break;
    case 'f':
        if (left >= 5 && memcmp(buf + p.b, "false", 5) == 0) {
            *next = (Pos){p.b + 5, p.c + 5};
            return VAL_FALSE;
        }
        break;
    case 'N':
        if (left >= 3 && memcmp(buf + p.b, "NaN", 3) == 0) {
            return parse_constant(sc, "NaN", 3, p, next);
        }
        break;
    case 'I':
        if (left >= 8 && memcmp(buf + p.b, "Infinity", 8) == 0) {
            return parse_constant(sc, "Infinity", 8, p, next);
        }
        break;
    case '-':
        if (left >= 9 && memcmp(buf + p.b, "-Infinity", 9) == 0) {
            return parse_constant(sc, "-Infinity", 9, p, next);
        }
        break;
    }
    return match_number(sc, p, next);
}

static void scan_init(Scan *sc, ScannerObject *s, Value doc, int strict) {
    StrObject *o = str_obj(doc);
    sc->s = s;
    sc->doc = doc;
    sc->buf = (const unsigned char *)o->data;
    sc->nbytes = o->nbytes;
    sc->ncp = o->len;
    sc->strict = strict;
    sc->memo = 0;
    sb_init(&sc->tmp);
}

// An index argument (Py_ssize_t).
static int index_arg(Value v, int64_t *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    if (obj_as_index(v, out, 0) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return -1;
    }
    return 0;
}

static Value scanner_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"string", "idx", NULL};
    ArgSpec spec = {"scan_once", 0, names, 2, 2, 0};
    Value a[2];
    int64_t idx;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || index_arg(a[1], &idx) < 0) {
        return 0;
    }
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s",
                          obj_type_name(a[0]));
    }
    if (idx < 0) {
        return err_format(&exc_ValueError, "idx cannot be negative");
    }
    ScannerObject *s = (ScannerObject *)val_ptr(self);
    Scan sc;
    scan_init(&sc, s, a[0], s->strict);
    if ((size_t)idx >= sc.ncp) {
        return raise_stop_iteration((size_t)idx);
    }
    sc.memo = dict_new();
    if (!sc.memo) {
        return 0;
    }
    Pos start = {str_offset_of(a[0], (size_t)idx), (size_t)idx}, next;
    Value r = scan_once(&sc, start, &next);
    sb_free(&sc.tmp);
    gc_keep_alive(a[0]);
    gc_keep_alive(sc.memo);
    if (!r) {
        return 0;
    }
    Value end = int_from_u64(next.c);
    return end ? tuple_from((Value[]){r, end}, 2) : 0;
}

static Value scanner_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"context", NULL};
    ArgSpec spec = {"make_scanner", 0, names, 1, 1, 0};
    Value ctx;
    if (args_unpack(&spec, args, nargs, kwnames, &ctx) < 0) {
        return 0;
    }
    Type *t = type_ptr(type);
    ScannerObject *s = (ScannerObject *)gc_alloc(t, t->basic_size);
    if (!s) {
        return 0;
    }
    Value strict = obj_getattr_cstr(ctx, "strict");
    if (!strict) {
        return 0;
    }
    s->strict = obj_truthy(strict);
    if (s->strict < 0 || !(s->object_hook = obj_getattr_cstr(ctx, "object_hook")) ||
        !(s->object_pairs_hook = obj_getattr_cstr(ctx, "object_pairs_hook")) ||
        !(s->parse_float = obj_getattr_cstr(ctx, "parse_float")) ||
        !(s->parse_int = obj_getattr_cstr(ctx, "parse_int")) ||
        !(s->parse_constant = obj_getattr_cstr(ctx, "parse_constant"))) {
        return 0;
    }
    return val_from_ptr(s);
}

static const MemberDef scanner_members[] = {
    {"strict", MEMBER_BOOL_RO, offsetof(ScannerObject, strict), "strict"},
    {"object_hook", MEMBER_VALUE_RO, offsetof(ScannerObject, object_hook), "object_hook"},
    {"object_pairs_hook", MEMBER_VALUE_RO, offsetof(ScannerObject, object_pairs_hook), NULL},
    {"parse_float", MEMBER_VALUE_RO, offsetof(ScannerObject, parse_float), "parse_float"},
    {"parse_int", MEMBER_VALUE_RO, offsetof(ScannerObject, parse_int), "parse_int"},
    {"parse_constant", MEMBER_VALUE_RO, offsetof(ScannerObject, parse_constant),
     "parse_constant"},
    {NULL, 0, 0, NULL},
};

static Type type_scanner = {
    .header = {&type_type},
    .name = "_json.Scanner",
    .basic_size = sizeof(ScannerObject),
    .base = &type_object,
    .trace = scanner_trace,
    .new_ = scanner_new,
    .call = scanner_call,
    .members = scanner_members,
};

FN(json_scanstring) {
    if (args_no_keywords("scanstring", kwnames) < 0) {
        return 0;
    }
    if (nargs < 2 || nargs > 3) {  // PyArg_ParseTuple's wording
        return err_format(&exc_TypeError, "scanstring() takes at %s arguments (%zu given)",
                          nargs < 2 ? "least 2" : "most 3", nargs);
    }
    int64_t end;
    if (index_arg(args[1], &end) < 0) {
        return 0;
    }
    int strict = 1;
    if (nargs > 2 && (strict = obj_truthy(args[2])) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s",
                          obj_type_name(args[0]));
    }
    Scan sc;
    scan_init(&sc, NULL, args[0], strict);
    if (end < 0 || (size_t)end > sc.ncp) {
        return err_format(&exc_ValueError, "end is out of bounds");
    }
    Pos next;
    Value r = scan_string(&sc, (Pos){str_offset_of(args[0], (size_t)end), (size_t)end}, &next);
    sb_free(&sc.tmp);
    gc_keep_alive(args[0]);
    if (!r) {
        return 0;
    }
    Value e = int_from_u64(next.c);
    return e ? tuple_from((Value[]){r, e}, 2) : 0;
}

// ---- string escaping ------------------------------------------------------------------------------

// What each byte needs: 0 copied as it is; 1 a two-character escape
// (\" \\ \b \f \n \r \t); 2 \u00XX; 3 DEL or a non-ASCII byte (copied, or
// with ensure_ascii decoded and escaped).
static unsigned char escape_class[256];

static void escape_init(void) {
    for (int i = 0; i < 0x20; i++) {
        escape_class[i] = 2;
    }
    escape_class['"'] = escape_class['\\'] = 1;
    escape_class['\b'] = escape_class['\f'] = escape_class['\n'] = 1;
    escape_class['\r'] = escape_class['\t'] = 1;
    for (int i = 0x7F; i < 0x100; i++) {
        escape_class[i] = 3;
    }
}

static inline char short_escape(unsigned char ch) {
    switch (ch) {
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    default:
        return (char)ch;
    }
}

static inline void put_u4(StrBuf *b, uint32_t c) {
    char t[6] = {'\\', 'u', HEX[(c >> 12) & 15], HEX[(c >> 8) & 15], HEX[(c >> 4) & 15],
                 HEX[c & 15]};
    sb_put(b, t, 6);
}

// Append the JSON string literal of str s (quotes included). With `ascii`
// every non-ASCII character becomes \uXXXX (a surrogate pair above the
// BMP). Returns the number of bytes appended minus the code points
// appended (0 with ascii).
static size_t escape_str(StrBuf *b, Value s, int ascii) {
    StrObject *o = str_obj(s);
    const unsigned char *p = (const unsigned char *)o->data;
    size_t n = o->nbytes;
    sb_reserve(b, n + 2);
    sb_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        if (ascii) {
            while (run < n && escape_class[p[run]] == 0) {
                run++;
            }
        } else {
            while (run < n && (escape_class[p[run]] == 0 || escape_class[p[run]] == 3)) {
                run++;
            }
        }
        if (run > i) {
            sb_put(b, (const char *)p + i, run - i);
            i = run;
            if (i >= n) {
                break;
            }
        }
        unsigned char ch = p[i];
        switch (escape_class[ch]) {
        case 1: {
            char t[2] = {'\\', short_escape(ch)};
            sb_put(b, t, 2);
            i++;
            break;
        }
        case 2:
            put_u4(b, ch);
            i++;
            break;
        default: {
            size_t k;
            uint32_t c = str_decode_cp(p + i, &k);
            if (c >= 0x10000) {
                uint32_t v = c - 0x10000;
                put_u4(b, 0xD800 | (v >> 10));
                put_u4(b, 0xDC00 | (v & 0x3FF));
            } else {
                put_u4(b, c);
            }
            i += k;
            break;
        }
        }
    }
    sb_putc(b, '"');
    gc_keep_alive(s);
    return ascii ? 0 : o->nbytes - o->len;
}

static Value escape_to_str(Value s, int ascii) {
    StrObject *o = str_obj(s);
    const unsigned char *p = (const unsigned char *)o->data;
    size_t n = o->nbytes, i = 0;
    if (ascii || (o->flags & STR_ASCII)) {
        while (i < n && escape_class[p[i]] == 0) {
            i++;
        }
    } else {
        while (i < n && (escape_class[p[i]] == 0 || escape_class[p[i]] == 3)) {
            i++;
        }
    }
    if (i == n) {
        // Nothing to escape (most keys and words): the quoted copy at once.
        StrObject *r = str_alloc(n + 2);
        if (!r) {
            return 0;
        }
        r->data[0] = '"';
        memcpy(r->data + 1, o->data, n);
        r->data[n + 1] = '"';
        r->len = o->len + 2;
        r->flags = o->flags & (STR_ASCII | STR_WIDE2 | STR_WIDE4);
        return val_from_ptr(r);
    }
    StrBuf b;
    sb_init(&b);
    size_t extra = escape_str(&b, s, ascii);
    uint32_t maxcp = ascii || (o->flags & STR_ASCII) ? 0
                     : (o->flags & STR_WIDE4)       ? 0x10000
                     : (o->flags & STR_WIDE2)       ? 0x100
                                                    : 0x80;
    Value r = str_from_utf8_known(b.data, b.len, b.len - extra, maxcp);
    sb_free(&b);
    return r;
}

FN(json_encode_basestring_ascii) {
    if (method_check_args("_json.encode_basestring_ascii", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s",
                          obj_type_name(args[0]));
    }
    return escape_to_str(args[0], 1);
}

FN(json_encode_basestring) {
    if (method_check_args("_json.encode_basestring", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "first argument must be a string, not %.80s",
                          obj_type_name(args[0]));
    }
    return escape_to_str(args[0], 0);
}

// ---- the encoder ----------------------------------------------------------------------------------

typedef struct EncoderObject {
    Object header;
    Value markers, defaultfn, encoder, indent, key_separator, item_separator;
    int sort_keys, skipkeys, allow_nan;
    int fast;   // 0: call `encoder`; 1: escape as encode_basestring_ascii; 2: as encode_basestring
} EncoderObject;

static void encoder_trace(Object *o, GcTracer *t) {
    EncoderObject *e = (EncoderObject *)o;
    gc_trace_value(t, e->markers);
    gc_trace_value(t, e->defaultfn);
    gc_trace_value(t, e->encoder);
    gc_trace_value(t, e->indent);
    gc_trace_value(t, e->key_separator);
    gc_trace_value(t, e->item_separator);
}

// The text being built: UTF-8, with (bytes - code points) and the widest
// code point's class tracked so the final str needs no rescan.
typedef struct Out {
    StrBuf sb;
    size_t extra;
    uint32_t maxcp;
} Out;

static inline void out_str(Out *o, Value s) {
    StrObject *so = str_obj(s);
    sb_put(&o->sb, so->data, so->nbytes);
    if (!(so->flags & STR_ASCII)) {
        o->extra += so->nbytes - so->len;
        uint32_t m = (so->flags & STR_WIDE4) ? 0x10000 : (so->flags & STR_WIDE2) ? 0x100 : 0x80;
        if (m > o->maxcp) {
            o->maxcp = m;
        }
    }
}

static int encode_string(EncoderObject *e, Out *o, Value s) {
    if (e->fast) {
        StrObject *so = str_obj(s);
        o->extra += escape_str(&o->sb, s, e->fast == 1);
        if (e->fast == 2 && !(so->flags & STR_ASCII)) {
            uint32_t m = (so->flags & STR_WIDE4) ? 0x10000 : (so->flags & STR_WIDE2) ? 0x100 : 0x80;
            if (m > o->maxcp) {
                o->maxcp = m;
            }
        }
        return 0;
    }
    Value r = obj_call1(e->encoder, s);
    if (!r) {
        return -1;
    }
    if (!val_is_str(r)) {
        err_format(&exc_TypeError, "encoder() must return a string, not %.80s",
                   obj_type_name(r));
        return -1;
    }
    out_str(o, r);
    return 0;
}

static int encode_float(EncoderObject *e, StrBuf *b, Value v) {
    double x = float_value(v);
    if (!isfinite(x)) {
        if (!e->allow_nan) {
            err_format(&exc_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        sb_puts(b, x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN");
        return 0;
    }
    float_repr(b, x);
    return 0;
}

static int encode_int(StrBuf *b, Value v) {
    if (val_is_smallint(v)) {
        int_repr_i64(b, val_smallint(v));
        return 0;
    }
    Value x = int_exact(v);
    return x ? int_repr_value(b, x) : -1;
}

// markers: {id: obj} of the containers being encoded, for the circular check.
static Value marker_key(Value v) {
    return val_from_smallint((int64_t)((uintptr_t)val_ptr(v) >> 3));
}

static int marker_enter(EncoderObject *e, Value v, Value *ident) {
    *ident = 0;
    if (e->markers == VAL_NONE) {
        return 0;
    }
    Value key = marker_key(v);
    int has = dict_contains(e->markers, key);
    if (has) {
        if (has > 0) {
            err_format(&exc_ValueError, "Circular reference detected");
        }
        return -1;
    }
    if (dict_set(e->markers, key, v) < 0) {
        return -1;
    }
    *ident = key;
    return 0;
}

static int marker_leave(EncoderObject *e, Value ident) {
    return ident ? dict_del(e->markers, ident) : 0;
}

static int encode_obj(EncoderObject *e, Out *o, Value v);

static int encode_list(EncoderObject *e, Out *o, Value seq) {
    int is_list = list_check(seq);
    size_t n = is_list ? list_obj(seq)->len : tuple_obj(seq)->len;
    if (n == 0) {
        sb_put(&o->sb, "[]", 2);
        return 0;
    }
    Value ident;
    if (marker_enter(e, seq, &ident) < 0) {
        return -1;
    }
    sb_putc(&o->sb, '[');
    for (size_t i = 0;; i++) {
        Value item;
        if (is_list) {
            if (i >= list_obj(seq)->len) {
                break;
            }
            item = list_obj(seq)->items[i];
        } else {
            if (i >= n) {
                break;
            }
            item = tuple_obj(seq)->items[i];
        }
        if (i) {
            out_str(o, e->item_separator);
        }
        if (encode_obj(e, o, item) < 0) {
            return -1;
        }
    }
    if (marker_leave(e, ident) < 0) {
        return -1;
    }
    sb_putc(&o->sb, ']');
    return 0;
}

static int encode_key_value(EncoderObject *e, Out *o, int *first, Value key, Value value) {
    Value keystr = 0;
    int keybuf = 0;  // the key's text is written straight into the output
    if (val_is_str(key)) {
        keystr = key;
    } else if (float_check(key) || key == VAL_TRUE || key == VAL_FALSE || key == VAL_NONE ||
               int_check(key)) {
        keybuf = 1;
    } else if (e->skipkeys) {
        return 0;
    } else {
        err_format(&exc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                   obj_type_name(key));
        return -1;
    }
    if (keybuf) {
        // The text of a number or constant: ASCII, never escaped except by
        // a user's encoder, which gets it as a str.
        StrBuf kb;
        sb_init(&kb);
        int r = 0;
        if (float_check(key)) {
            r = encode_float(e, &kb, key);
        } else if (key == VAL_TRUE || key == VAL_FALSE || key == VAL_NONE) {
            sb_puts(&kb, key == VAL_TRUE ? "true" : key == VAL_FALSE ? "false" : "null");
        } else {
            r = encode_int(&kb, key);
        }
        if (r < 0) {
            sb_free(&kb);
            return -1;
        }
        keystr = str_from_utf8_known(kb.data ? kb.data : "", kb.len, kb.len, 0);
        sb_free(&kb);
        if (!keystr) {
            return -1;
        }
    }
    if (*first) {
        *first = 0;
    } else {
        out_str(o, e->item_separator);
    }
    if (encode_string(e, o, keystr) < 0) {
        return -1;
    }
    out_str(o, e->key_separator);
    return encode_obj(e, o, value);
}

static int encode_dict(EncoderObject *e, Out *o, Value d) {
    if (dict_len(d) == 0) {
        sb_put(&o->sb, "{}", 2);
        return 0;
    }
    Value ident;
    if (marker_enter(e, d, &ident) < 0) {
        return -1;
    }
    sb_putc(&o->sb, '{');
    int first = 1;
    if (e->sort_keys || !dict_check_exact(d)) {
        Value items;
        if (dict_check_exact(d)) {
            items = dict_items(d);
        } else {
            Value it = obj_call_method(d, "items", NULL, 0);
            items = it ? list_from_iterable(it) : 0;
        }
        if (!items || (e->sort_keys && list_sort(items, 0, 0) < 0)) {
            return -1;
        }
        for (size_t i = 0; i < list_obj(items)->len; i++) {
            Value item = list_obj(items)->items[i];
            if (!tuple_check(item) || tuple_obj(item)->len != 2) {
                err_format(&exc_ValueError, "items must return 2-tuples");
                return -1;
            }
            if (encode_key_value(e, o, &first, tuple_obj(item)->items[0],
                                 tuple_obj(item)->items[1]) < 0) {
                return -1;
            }
        }
        gc_keep_alive(items);
    } else {
        size_t pos = 0;
        Value key, value;
        while (dict_next(d, &pos, &key, &value)) {
            if (encode_key_value(e, o, &first, key, value) < 0) {
                return -1;
            }
        }
    }
    if (marker_leave(e, ident) < 0) {
        return -1;
    }
    sb_putc(&o->sb, '}');
    return 0;
}

static int encode_obj(EncoderObject *e, Out *o, Value v) {
    if (v == VAL_NONE) {
        sb_put(&o->sb, "null", 4);
        return 0;
    }
    if (v == VAL_TRUE) {
        sb_put(&o->sb, "true", 4);
        return 0;
    }
    if (v == VAL_FALSE) {
        sb_put(&o->sb, "false", 5);
        return 0;
    }
    if (val_is_str(v)) {
        return encode_string(e, o, v);
    }
    if (int_check(v)) {
        return encode_int(&o->sb, v);
    }
    if (float_check(v)) {
        return encode_float(e, &o->sb, v);
    }
    int r;
    if (list_check(v) || tuple_check(v)) {
        if (vm_enter_call(" while encoding a JSON object") < 0) {
            return -1;
        }
        r = encode_list(e, o, v);
        vm_leave_call();
        return r;
    }
    if (dict_check(v)) {
        if (vm_enter_call(" while encoding a JSON object") < 0) {
            return -1;
        }
        r = encode_dict(e, o, v);
        vm_leave_call();
        return r;
    }
    Value ident;
    if (marker_enter(e, v, &ident) < 0) {
        return -1;
    }
    Value newobj = obj_call1(e->defaultfn, v);
    if (!newobj) {
        return -1;
    }
    if (vm_enter_call(" while encoding a JSON object") < 0) {
        return -1;
    }
    r = encode_obj(e, o, newobj);
    vm_leave_call();
    if (r < 0) {
        return -1;
    }
    return marker_leave(e, ident);
}

static Value encoder_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"obj", "_current_indent_level", NULL};
    ArgSpec spec = {"_iterencode", 0, names, 2, 2, 0};
    Value a[2];
    int64_t level;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || index_arg(a[1], &level) < 0) {
        return 0;
    }
    EncoderObject *e = (EncoderObject *)val_ptr(self);
    Out o = {{0}, 0, 0};
    sb_init(&o.sb);
    if (encode_obj(e, &o, a[0]) < 0) {
        sb_free(&o.sb);
        return 0;
    }
    Value r = str_from_utf8_known(o.sb.data ? o.sb.data : "", o.sb.len, o.sb.len - o.extra,
                                  o.maxcp);
    sb_free(&o.sb);
    return r ? list_from(&r, 1) : 0;  // CPython 3.11 returns a one-item list
}

static Value encoder_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"markers", "default", "encoder", "indent",
                                        "key_separator", "item_separator", "sort_keys",
                                        "skipkeys", "allow_nan", NULL};
    ArgSpec spec = {"make_encoder", 0, names, 9, 9, 0};
    Value a[9];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 4; i < 6; i++) {
        if (!val_is_str(a[i])) {
            return err_format(&exc_TypeError, "make_encoder() argument %d must be str, not %s",
                              i + 1, obj_type_name(a[i]));
        }
    }
    int flags[3];
    for (int i = 0; i < 3; i++) {
        if ((flags[i] = obj_truthy(a[6 + i])) < 0) {
            return 0;
        }
    }
    if (a[0] != VAL_NONE && !dict_check(a[0])) {
        return err_format(&exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                          obj_type_name(a[0]));
    }
    Type *t = type_ptr(type);
    EncoderObject *e = (EncoderObject *)gc_alloc(t, t->basic_size);
    if (!e) {
        return 0;
    }
    e->markers = a[0];
    e->defaultfn = a[1];
    e->encoder = a[2];
    e->indent = a[3];
    e->key_separator = a[4];
    e->item_separator = a[5];
    e->sort_keys = flags[0];
    e->skipkeys = flags[1];
    e->allow_nan = flags[2];
    e->fast = a[2] == json_encode_ascii_fn ? 1 : a[2] == json_encode_unicode_fn ? 2 : 0;
    return val_from_ptr(e);
}

static const MemberDef encoder_members[] = {
    {"markers", MEMBER_VALUE_RO, offsetof(EncoderObject, markers), "markers"},
    {"default", MEMBER_VALUE_RO, offsetof(EncoderObject, defaultfn), "default"},
    {"encoder", MEMBER_VALUE_RO, offsetof(EncoderObject, encoder), "encoder"},
    {"indent", MEMBER_VALUE_RO, offsetof(EncoderObject, indent), "indent"},
    {"key_separator", MEMBER_VALUE_RO, offsetof(EncoderObject, key_separator), "key_separator"},
    {"item_separator", MEMBER_VALUE_RO, offsetof(EncoderObject, item_separator),
     "item_separator"},
    {"sort_keys", MEMBER_BOOL_RO, offsetof(EncoderObject, sort_keys), "sort_keys"},
    {"skipkeys", MEMBER_BOOL_RO, offsetof(EncoderObject, skipkeys), "skipkeys"},
    {NULL, 0, 0, NULL},
};

static Type type_encoder = {
    .header = {&type_type},
    .name = "_json.Encoder",
    .basic_size = sizeof(EncoderObject),
    .base = &type_object,
    .trace = encoder_trace,
    .new_ = encoder_new,
    .call = encoder_call,
    .members = encoder_members,
};

// ---- the module -----------------------------------------------------------------------------------

static const MethodDef json_functions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, METH_DEFAULT,
     "encode_basestring_ascii(string) -> string\n\n"
     "Return an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json_encode_basestring, METH_DEFAULT,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", json_scanstring, METH_DEFAULT,
     "scanstring(string, end, strict=True) -> (string, end)\n\n"
     "Scan the string s for a JSON string. End is the index of the\n"
     "character in s after the quote that started the JSON string.\n"
     "Unescapes all valid JSON string escape sequences and raises ValueError\n"
     "on attempt to decode an invalid string. If strict is False then literal\n"
     "control characters are allowed in the string.\n\n"
     "Returns a tuple of the decoded string and the index of the character in s\n"
     "after the end quote."},
    {NULL, NULL, 0, NULL},
};

Value json_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    escape_init();
    if (type_ready(&type_scanner) < 0 || type_ready(&type_encoder) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_json");
    if (!m || module_add_functions(m, json_functions) < 0 ||
        module_add(m, "make_scanner", val_from_ptr(&type_scanner)) < 0 ||
        module_add(m, "make_encoder", val_from_ptr(&type_encoder)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("json speedups\n")) < 0) {
        return 0;
    }
    gc_add_root(&json_encode_ascii_fn);
    gc_add_root(&json_encode_unicode_fn);
    json_encode_ascii_fn = dict_get_cstr(module_dict(m), "encode_basestring_ascii");
    json_encode_unicode_fn = dict_get_cstr(module_dict(m), "encode_basestring");
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
