// unicodedatamodule.c - the `unicodedata` module: the Unicode character
// database of CPython 3.11 (Unicode 14.0.0) and its Unicode 3.2.0 view,
// unicodedata.ucd_3_2_0, which encodings.idna and stringprep use.
//
// The tables come from tools/gen_unicodedata.py (see there for the layout);
// names come from the runtime's name table (unicode_names.h), the one \N{...}
// uses, so they are not stored twice. The module functions answer for the
// current version; a UCD object's methods answer for its version. What
// differs in 3.2.0 follows CPython: characters unassigned in 3.2.0 have no
// name and no decomposition, aliases and named sequences do not exist, and
// normalization uses the 3.2.0 decompositions but today's combining classes.
//
// Normalization is the Unicode algorithm: the full decomposition of each
// character (Hangul syllables by rule), canonical reordering of combining
// marks, and for NFC/NFKC canonical composition of unblocked pairs.
// is_normalized() normalizes and compares, which is what CPython's quick
// check falls back to and always gives its answer.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "../runtime/unicode_names.h"
#include "modules.h"

#include <unicodedata.h>

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- the database ---------------------------------------------------------------------------------

// A database version: 0 is the current one (Unicode 14.0.0), 1 is 3.2.0.
enum { UD_CURRENT = 0, UD_3_2_0 = 1 };

typedef struct UCDObject {
    Object header;
    int version;
} UCDObject;

static Type type_ucd;

// The version the function was called for: module functions get the module
// (or nothing) as self, UCD methods their object.
static int version_of(Value self) {
    if (self && val_is_ptr(self) && val_ptr(self)->type == &type_ucd) {
        return ((UCDObject *)val_ptr(self))->version;
    }
    return UD_CURRENT;
}

static const UdRecord *record(int version, uint32_t cp) {
    unsigned block = UD_INDEX1[version][cp >> UD_SHIFT];
    return &UD_RECORDS[UD_INDEX2[(block << UD_SHIFT) + (cp & ((1u << UD_SHIFT) - 1))]];
}

static int assigned(int version, uint32_t cp) {
    return record(version, cp)->category != 0;  // not Cn
}

// ---- arguments ------------------------------------------------------------------------------------

// The one-character str argument: its code point, or -1 with CPython's
// TypeError ("category() argument must be a unicode character, not str";
// functions with more parameters say "argument 1").
static int64_t char_arg(Value v, const char *fname, int numbered) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument%s must be a unicode character, not %s", fname,
                   numbered ? " 1" : "", obj_type_name(v));
        return -1;
    }
    if (str_len(v) != 1) {
        err_format(&exc_TypeError, "%s() argument%s must be a unicode character, not str", fname,
                   numbered ? " 1" : "");
        return -1;
    }
    size_t n;
    return str_decode_cp((const unsigned char *)str_obj(v)->data, &n);
}

// A function of one character, METH_O style.
static int64_t one_char(const char *fname, const Value *args, size_t nargs, Value kwnames) {
    if (args_nkw(kwnames) > 0 || nargs != 1) {
        if (args_nkw(kwnames) > 0) {
            err_format(&exc_TypeError, "unicodedata.%s() takes no keyword arguments", fname);
        } else {
            err_format(&exc_TypeError, "unicodedata.%s() takes exactly one argument (%zu given)",
                       fname, nargs);
        }
        return -1;
    }
    return char_arg(args[0], fname, 0);
}

// The (chr, default=<none>) functions: decimal, digit, numeric, name.
static int64_t char_and_default(const char *fname, const Value *args, size_t nargs,
                                Value kwnames) {
    char qualified[48];
    snprintf(qualified, sizeof qualified, "unicodedata.%s", fname);
    if (args_no_keywords(qualified, kwnames) < 0 ||
        args_check_positional(fname, nargs, 1, 2) < 0) {
        return -1;
    }
    return char_arg(args[0], fname, 1);
}

// ---- properties -----------------------------------------------------------------------------------

FN(ud_category) {
    int64_t cp = one_char("category", args, nargs, kwnames);
    return cp < 0 ? 0 : str_intern_cstr(UD_CATEGORY_NAMES[record(version_of(self), (uint32_t)cp)->category]);
}

FN(ud_bidirectional) {
    int64_t cp = one_char("bidirectional", args, nargs, kwnames);
    return cp < 0 ? 0
                  : str_intern_cstr(UD_BIDI_NAMES[record(version_of(self), (uint32_t)cp)->bidirectional]);
}

FN(ud_combining) {
    int64_t cp = one_char("combining", args, nargs, kwnames);
    return cp < 0 ? 0 : val_from_smallint(record(version_of(self), (uint32_t)cp)->combining);
}

FN(ud_east_asian_width) {
    int64_t cp = one_char("east_asian_width", args, nargs, kwnames);
    return cp < 0 ? 0
                  : str_intern_cstr(UD_EAW_NAMES[record(version_of(self), (uint32_t)cp)->east_asian_width]);
}

FN(ud_mirrored) {
    int64_t cp = one_char("mirrored", args, nargs, kwnames);
    return cp < 0 ? 0 : val_from_smallint(record(version_of(self), (uint32_t)cp)->mirrored);
}

FN(ud_decimal) {
    int64_t cp = char_and_default("decimal", args, nargs, kwnames);
    if (cp < 0) {
        return 0;
    }
    int d = record(version_of(self), (uint32_t)cp)->decimal;
    if (d >= 0) {
        return val_from_smallint(d);
    }
    return nargs > 1 ? args[1] : err_format(&exc_ValueError, "not a decimal");
}

FN(ud_digit) {
    int64_t cp = char_and_default("digit", args, nargs, kwnames);
    if (cp < 0) {
        return 0;
    }
    int d = record(version_of(self), (uint32_t)cp)->digit;
    if (d >= 0) {
        return val_from_smallint(d);
    }
    return nargs > 1 ? args[1] : err_format(&exc_ValueError, "not a digit");
}

FN(ud_numeric) {
    int64_t cp = char_and_default("numeric", args, nargs, kwnames);
    if (cp < 0) {
        return 0;
    }
    unsigned k = record(version_of(self), (uint32_t)cp)->numeric;
    if (k > 0) {
        return float_from_double(UD_NUMERIC[k - 1]);
    }
    return nargs > 1 ? args[1] : err_format(&exc_ValueError, "not a numeric character");
}

static const UdDecomp *find_decomp(uint32_t cp) {
    size_t lo = 0, hi = sizeof UD_DECOMP / sizeof UD_DECOMP[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (UD_DECOMP[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < sizeof UD_DECOMP / sizeof UD_DECOMP[0] && UD_DECOMP[lo].cp == cp ? &UD_DECOMP[lo]
                                                                                 : NULL;
}

FN(ud_decomposition) {
    int64_t cp = one_char("decomposition", args, nargs, kwnames);
    if (cp < 0) {
        return 0;
    }
    int version = version_of(self);
    const UdDecomp *d = find_decomp((uint32_t)cp);
    if (!d || (version == UD_3_2_0 && !assigned(version, (uint32_t)cp))) {
        return str_empty();
    }
    return str_from_utf8(UD_DECOMP_TEXT + d->offset, d->len);
}

// ---- names ----------------------------------------------------------------------------------------

FN(ud_name) {
    int64_t cp = char_and_default("name", args, nargs, kwnames);
    if (cp < 0) {
        return 0;
    }
    char buf[UNI_NAME_MAX];
    size_t n = 0;
    if (version_of(self) == UD_CURRENT || assigned(UD_3_2_0, (uint32_t)cp)) {
        n = uni_name_of((uint32_t)cp, buf);
    }
    if (n > 0) {
        return str_from_utf8(buf, n);
    }
    return nargs > 1 ? args[1] : err_format(&exc_ValueError, "no such name");
}

static int ascii_ieq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') {
            x = (char)(x - 'a' + 'A');
        }
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

static Value lookup_error(const char *name, size_t len) {
    size_t shown = strnlen(name, len);  // CPython formats the name as a C string
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "undefined character name '");
    sb_put(&b, name, shown);
    sb_putc(&b, '\'');
    Value msg = str_from_strbuf(&b);
    if (!msg) {
        return 0;
    }
    Value exc = obj_call1(val_from_ptr(&exc_KeyError), msg);
    return exc ? err_set_value(exc) : 0;
}

FN(ud_lookup) {
    if (method_check_args("unicodedata.lookup", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value arg = args[0], held = arg;
    const char *name;
    size_t len;
    if (val_is_str(arg)) {
        name = str_obj(arg)->data;
        len = str_obj(arg)->nbytes;
    } else if (val_is_bytes(arg)) {
        name = bytes_data(arg);
        len = bytes_len(arg);
    } else if (buffer_check(arg)) {
        // CPython's "s#" takes only exporters that need no release (bytes).
        return err_format(&exc_TypeError,
                          "lookup() argument must be read-only bytes-like object, not %s",
                          obj_type_name(arg));
    } else {
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                          obj_type_name(arg));
    }
    if (len > 256) {
        Value exc = obj_call1(val_from_ptr(&exc_KeyError), str_from_cstr("name too long"));
        return exc ? err_set_value(exc) : 0;
    }
    int version = version_of(self);
    uint32_t cp;
    if (uni_lookup_name(name, len, &cp)) {
        int algorithmic = (len > 16 && memcmp(name, "HANGUL SYLLABLE ", 16) == 0) ||
                          (len > 22 && memcmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0);
        if (version == UD_3_2_0 && !algorithmic) {
            // No aliases in 3.2.0: the name must be the character's own,
            // and the character must have been assigned then. (CPython
            // does not check the version of the algorithmic names.)
            char buf[UNI_NAME_MAX];
            size_t n = uni_name_of(cp, buf);
            if (n != len || !ascii_ieq(name, buf, len) || !assigned(UD_3_2_0, cp)) {
                return lookup_error(name, len);
            }
        }
        gc_keep_alive(held);
        return str_char(cp);
    }
    if (version == UD_CURRENT) {
        size_t lo = 0, hi = sizeof UD_NAMED_SEQ / sizeof UD_NAMED_SEQ[0];
        // The sequences are sorted by name; compare case-insensitively.
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            const char *s = UD_NAMED_SEQ[mid].name;
            size_t sl = strlen(s);
            int c = 0;
            for (size_t i = 0; i < len && i < sl && c == 0; i++) {
                char x = name[i];
                if (x >= 'a' && x <= 'z') {
                    x = (char)(x - 'a' + 'A');
                }
                c = (unsigned char)s[i] - (unsigned char)x;
            }
            if (c == 0) {
                c = sl < len ? -1 : sl > len ? 1 : 0;
            }
            if (c == 0) {
                const UdNamedSeq *q = &UD_NAMED_SEQ[mid];
                StrBuf b;
                sb_init(&b);
                for (int i = 0; i < q->len; i++) {
                    char t[4];
                    sb_put(&b, t, (size_t)utf8_encode(UD_NAMED_SEQ_POOL[q->offset + i], t));
                }
                gc_keep_alive(held);
                return str_from_strbuf(&b);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
    }
    Value r = lookup_error(name, len);
    gc_keep_alive(held);
    return r;
}

// ---- normalization --------------------------------------------------------------------------------

enum {
    HANGUL_S = 0xAC00, HANGUL_L = 0x1100, HANGUL_V = 0x1161, HANGUL_T = 0x11A7,
    HANGUL_LCOUNT = 19, HANGUL_VCOUNT = 21, HANGUL_TCOUNT = 28,
    HANGUL_NCOUNT = HANGUL_VCOUNT * HANGUL_TCOUNT, HANGUL_SCOUNT = HANGUL_LCOUNT * HANGUL_NCOUNT,
};

typedef struct CpBuf {
    uint32_t *p;
    size_t len, cap;
} CpBuf;

static void cp_push(CpBuf *b, uint32_t c) {
    if (b->len == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        uint32_t *p = realloc(b->p, cap * sizeof *p);
        if (!p) {
            fputs("krait: out of memory\n", stderr);
            abort();
        }
        b->p = p;
        b->cap = cap;
    }
    b->p[b->len++] = c;
}

static const UdNorm *find_norm(const UdNorm *t, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && t[lo].cp == cp ? &t[lo] : NULL;
}

static int combining_class(uint32_t cp) {
    return record(UD_CURRENT, cp)->combining;  // CPython orders with today's classes
}

// Append the full decomposition of c (canonical, or compatibility with k).
static void decompose_char(int version, int k, uint32_t c, CpBuf *out) {
    if (c >= HANGUL_S && c < HANGUL_S + HANGUL_SCOUNT) {
        uint32_t s = c - HANGUL_S;
        cp_push(out, HANGUL_L + s / HANGUL_NCOUNT);
        cp_push(out, HANGUL_V + (s % HANGUL_NCOUNT) / HANGUL_TCOUNT);
        if (s % HANGUL_TCOUNT) {
            cp_push(out, HANGUL_T + s % HANGUL_TCOUNT);
        }
        return;
    }
    const UdNorm *d = NULL;
    if (version == UD_3_2_0) {
        d = k ? find_norm(UD32_NFKD, UD32_NFKD_COUNT, c) : find_norm(UD32_NFD, UD32_NFD_COUNT, c);
    }
    if (!d) {
        d = k ? find_norm(UD_NFKD, UD_NFKD_COUNT, c) : find_norm(UD_NFD, UD_NFD_COUNT, c);
    }
    if (!d || d->len == 0) {
        cp_push(out, c);
        return;
    }
    for (int i = 0; i < d->len; i++) {
        cp_push(out, UD_NORM_POOL[d->offset + i]);
    }
}

// Canonical ordering: a stable sort of each run of non-starters by class.
static void reorder(CpBuf *b) {
    size_t i = 0;
    while (i < b->len) {
        if (combining_class(b->p[i]) == 0) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < b->len && combining_class(b->p[j]) != 0) {
            j++;
        }
        for (size_t x = i + 1; x < j; x++) {  // insertion sort: runs are short
            uint32_t c = b->p[x];
            int cc = combining_class(c);
            size_t y = x;
            while (y > i && combining_class(b->p[y - 1]) > cc) {
                b->p[y] = b->p[y - 1];
                y--;
            }
            b->p[y] = c;
        }
        i = j;
    }
}

// The primary composite of (a, b), or 0.
static uint32_t compose_pair(int version, uint32_t a, uint32_t b) {
    if (a >= HANGUL_L && a < HANGUL_L + HANGUL_LCOUNT && b >= HANGUL_V &&
        b < HANGUL_V + HANGUL_VCOUNT) {
        return HANGUL_S + ((a - HANGUL_L) * HANGUL_VCOUNT + (b - HANGUL_V)) * HANGUL_TCOUNT;
    }
    if (a >= HANGUL_S && a < HANGUL_S + HANGUL_SCOUNT && (a - HANGUL_S) % HANGUL_TCOUNT == 0 &&
        b > HANGUL_T && b < HANGUL_T + HANGUL_TCOUNT) {
        return a + (b - HANGUL_T);
    }
    size_t lo = 0, hi = sizeof UD_COMPOSE / sizeof UD_COMPOSE[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const UdCompose *e = &UD_COMPOSE[mid];
        if (e->first < a || (e->first == a && e->second < b)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < sizeof UD_COMPOSE / sizeof UD_COMPOSE[0] && UD_COMPOSE[lo].first == a &&
        UD_COMPOSE[lo].second == b && (version == UD_CURRENT || UD_COMPOSE[lo].in_3_2_0)) {
        return UD_COMPOSE[lo].composite;
    }
    return 0;
}

static void compose(int version, CpBuf *b) {
    if (b->len == 0) {
        return;
    }
    size_t out = 1, starter = 0;
    int last = combining_class(b->p[0]) ? 256 : 0;
    for (size_t i = 1; i < b->len; i++) {
        uint32_t c = b->p[i];
        int cc = combining_class(c);
        // c is unblocked from the starter when everything between them has
        // a lower class, or nothing lies between them (last == 0).
        if (last < cc || last == 0) {
            uint32_t comp = compose_pair(version, b->p[starter], c);
            if (comp) {
                b->p[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
        }
        last = cc;
        b->p[out++] = c;
    }
    b->len = out;
}

typedef enum NormForm { NF_C, NF_D, NF_KC, NF_KD } NormForm;

static Value normalize(int version, NormForm form, Value s) {
    StrObject *o = str_obj(s);
    if (o->flags & STR_ASCII) {
        return s;  // ASCII is invariant under every form
    }
    CpBuf b = {0};
    const unsigned char *p = (const unsigned char *)o->data;
    int k = form == NF_KC || form == NF_KD;
    for (size_t i = 0; i < o->nbytes;) {
        size_t n;
        uint32_t c = str_decode_cp(p + i, &n);
        i += n;
        decompose_char(version, k, c, &b);
    }
    reorder(&b);
    if (form == NF_C || form == NF_KC) {
        compose(version, &b);
    }
    StrBuf sb;
    sb_init(&sb);
    sb_reserve(&sb, b.len * 3);
    for (size_t i = 0; i < b.len; i++) {
        char t[4];
        sb_put(&sb, t, (size_t)utf8_encode(b.p[i], t));
    }
    free(b.p);
    gc_keep_alive(s);
    if (sb.len == o->nbytes && memcmp(sb.data, o->data, sb.len) == 0) {
        sb_free(&sb);
        return s;
    }
    return str_from_strbuf(&sb);
}

static int norm_args(const char *fname, const Value *args, size_t nargs, Value kwnames,
                     NormForm *form) {
    char qualified[48];
    snprintf(qualified, sizeof qualified, "unicodedata.%s", fname);
    if (args_no_keywords(qualified, kwnames) < 0 ||
        args_check_positional(fname, nargs, 2, 2) < 0) {
        return -1;
    }
    if (!val_is_str(args[0])) {
        err_format(&exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                   obj_type_name(args[0]));
        return -1;
    }
    if (!val_is_str(args[1])) {
        err_format(&exc_TypeError, "%s() argument 2 must be str, not %s", fname,
                   obj_type_name(args[1]));
        return -1;
    }
    const char *f = str_obj(args[0])->data;
    if (str_obj(args[0])->nbytes != strlen(f)) {
        f = "";
    }
    if (strcmp(f, "NFC") == 0) {
        *form = NF_C;
    } else if (strcmp(f, "NFD") == 0) {
        *form = NF_D;
    } else if (strcmp(f, "NFKC") == 0) {
        *form = NF_KC;
    } else if (strcmp(f, "NFKD") == 0) {
        *form = NF_KD;
    } else {
        err_format(&exc_ValueError, "invalid normalization form");
        return -1;
    }
    return 0;
}

FN(ud_normalize) {
    NormForm form;
    if (norm_args("normalize", args, nargs, kwnames, &form) < 0) {
        return 0;
    }
    return normalize(version_of(self), form, args[1]);
}

FN(ud_is_normalized) {
    NormForm form;
    if (norm_args("is_normalized", args, nargs, kwnames, &form) < 0) {
        return 0;
    }
    Value r = normalize(version_of(self), form, args[1]);
    if (!r) {
        return 0;
    }
    return val_bool(r == args[1] || str_equal(r, args[1]));
}

// ---- the module -----------------------------------------------------------------------------------

#define UD_METHODS                                                                                \
    {"bidirectional", ud_bidirectional, METH_DEFAULT,                                           \
     "Returns the bidirectional class assigned to the character chr as string."},               \
    {"category", ud_category, METH_DEFAULT,                                                      \
     "Returns the general category assigned to the character chr as string."},                  \
    {"combining", ud_combining, METH_DEFAULT,                                                    \
     "Returns the canonical combining class assigned to the character chr as integer."},        \
    {"decimal", ud_decimal, METH_DEFAULT,                                                        \
     "Converts a Unicode character into its equivalent decimal value."},                        \
    {"decomposition", ud_decomposition, METH_DEFAULT,                                            \
     "Returns the character decomposition mapping assigned to the character chr as string."},   \
    {"digit", ud_digit, METH_DEFAULT,                                                            \
     "Converts a Unicode character into its equivalent digit value."},                          \
    {"east_asian_width", ud_east_asian_width, METH_DEFAULT,                                      \
     "Returns the east asian width assigned to the character chr as string."},                  \
    {"is_normalized", ud_is_normalized, METH_DEFAULT,                                            \
     "Return whether the Unicode string unistr is in the normal form 'form'."},                 \
    {"lookup", ud_lookup, METH_DEFAULT, "Look up character by name."},                           \
    {"mirrored", ud_mirrored, METH_DEFAULT,                                                      \
     "Returns the mirrored property assigned to the character chr as integer."},                \
    {"name", ud_name, METH_DEFAULT, "Returns the name assigned to the character chr as a string."}, \
    {"normalize", ud_normalize, METH_DEFAULT,                                                    \
     "Return the normal form 'form' for the Unicode string unistr."},                           \
    {"numeric", ud_numeric, METH_DEFAULT,                                                        \
     "Converts a Unicode character into its equivalent numeric value."},

static const MethodDef ud_functions[] = {UD_METHODS{NULL, NULL, 0, NULL}};
static const MethodDef ucd_methods[] = {UD_METHODS{NULL, NULL, 0, NULL}};

static Value ucd_get_version(Value self) {
    return str_from_cstr(((UCDObject *)val_ptr(self))->version == UD_3_2_0 ? "3.2.0" : UD_VERSION);
}

static const GetSetDef ucd_getset[] = {
    {"unidata_version", ucd_get_version, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// UCD objects are made by the module only.
static Value ucd_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances",
                      ((Type *)val_ptr(callable))->name);
}

static Type type_ucd = {
    .header = {&type_type},
    .new_ = ucd_new,
    .name = "unicodedata.UCD",
    .basic_size = sizeof(UCDObject),
    .base = &type_object,
    .methods = ucd_methods,
    .getset = ucd_getset,
};

Value unicodedata_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_ucd) < 0) {
        return 0;
    }
    UCDObject *old = (UCDObject *)gc_alloc(&type_ucd, sizeof(UCDObject));
    if (!old) {
        return 0;
    }
    old->version = UD_3_2_0;
    Value m = module_new_cstr("unicodedata");
    if (!m || module_add_functions(m, ud_functions) < 0 ||
        module_add(m, "UCD", val_from_ptr(&type_ucd)) < 0 ||
        module_add(m, "ucd_3_2_0", val_from_ptr(old)) < 0 ||
        module_add(m, "unidata_version", str_from_cstr(UD_VERSION)) < 0 ||
        module_add(m, "__doc__", str_from_cstr(
            "This module provides access to the Unicode Character Database which\n"
            "defines character properties for all Unicode characters. The data in\n"
            "this database is based on the UnicodeData.txt file version\n"
            UD_VERSION " which is publicly available from ftp://ftp.unicode.org/.\n\n"
            "The module uses the same names and symbols as defined by the\n"
            "UnicodeData File Format " UD_VERSION ".")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
