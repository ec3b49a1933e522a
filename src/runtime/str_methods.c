// str_methods.c - the methods of str (the type itself, its storage and
// operators are in str.c; str.format and % in str_format.c; the format
// mini-language in format.c; encode in codecs.c). Also str.__new__.
//
// Every method works on the UTF-8 bytes directly. What makes that cheap:
//   - Substring search is byte search: a match of valid UTF-8 in valid
//     UTF-8 starts at a character boundary (str.c), so find, count,
//     replace, split and partition never decode.
//   - Positions given or returned in code points (find's start/end and
//     result) are converted at the edges only: ASCII strings index
//     directly, others through str.c's sparse index (str_offset_of) and a
//     word-at-a-time count of code points (str_count_cps).
//   - Case mapping and the isX predicates have an ASCII path decided by
//     the string's STR_ASCII flag; other strings decode one character at a
//     time and consult the Unicode 14 tables (unicode_ctype.c). Results
//     whose length and widest character the loop already knows are built
//     without a rescan (str_from_utf8_known).
//
// Behaviour, error types and messages are CPython 3.11's, including its
// four styles of argument errors, which depend on how each method's
// arguments are declared there (see "argument parsing" below).
//
// A method that returns its receiver unchanged returns the object itself
// for an exact str and an exact copy for a subclass instance (CPython's
// unicode_result_unchanged).
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "buffer.h"
#include "bytes.h"
#include "bytes_methods.h"
#include "codecs.h"
#include "dict.h"
#include "exceptions.h"
#include "format.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

#define SM_ASCII(v) ((str_obj(v)->flags & STR_ASCII) != 0)
#define SM_NKW(kwnames) ((kwnames) ? tuple_obj(kwnames)->len : 0)

// ---- argument parsing -------------------------------------------------------------------
// CPython declares str's methods in four ways, and each has its messages:
//   - no arguments / one argument (METH_NOARGS, METH_O): method_check_args
//     with the qualified name ("str.lower() takes no arguments (1 given)");
//   - positional-only ranges (Argument Clinic): method_check_args too
//     ("center expected at least 1 argument, got 0");
//   - the find family (PyArg_ParseTuple "O|OO:find"): sm_check_tuple_args;
//   - keyword arguments (Argument Clinic): args_unpack (args.h).

static int sm_check_tuple_args(const char *name, size_t nargs, Value kwnames, size_t min,
                               size_t max) {
    if (SM_NKW(kwnames) > 0) {
        err_format(&exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        err_format(&exc_TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min,
                   min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max,
                   max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// Arguments that are all optional and may be given by position or by
// name (Argument Clinic's keyword functions): out[i] gets each or stays 0.
static int sm_parse_keywords(const char *fname, const Value *args, size_t nargs, Value kwnames,
                             const char *const *names, int max, Value *out) {
    ArgSpec spec = {fname, 0, names, 0, max, 0};
    return args_unpack(&spec, args, nargs, kwnames, out);
}

// An integer argument as a C ssize_t (CPython's "n" converter): anything
// with __index__, OverflowError when it does not fit.
static int sm_ssize_arg(Value v, int64_t *out) {
    int overflow;
    int k = str_index_arg(v, out, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k == 0) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   str_type_name(v));
        return -1;
    }
    if (overflow) {
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

// The same for a C int ("i").
static int sm_int_arg(Value v, int *out) {
    int64_t x;
    int overflow;
    int k = str_index_arg(v, &x, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k == 0) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   str_type_name(v));
        return -1;
    }
    if (overflow || x > INT32_MAX || x < INT32_MIN) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// A start/end argument of the find family: None keeps *out; integers are
// clamped (CPython's _PyEval_SliceIndex).
static int sm_slice_arg(Value v, int64_t *out) {
    if (v == VAL_NONE) {
        return 0;
    }
    int overflow;
    int k = str_index_arg(v, out, &overflow);
    if (k == 0) {
        err_format(&exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return k < 0 ? -1 : 0;
}

// A str argument: TypeError "must be str, not X" otherwise (CPython's "U").
static int sm_need_str(Value v) {
    if (val_is_str(v)) {
        return 0;
    }
    err_format(&exc_TypeError, "must be str, not %s", str_type_name(v));
    return -1;
}

// The type name in Argument Clinic's messages ("must be str, not None").
static const char *sm_clinic_name(Value v) {
    return v == VAL_NONE ? "None" : str_type_name(v);
}

// A str argument that C code uses as a C string (an encoding or error
// handler name): ValueError for an embedded NUL, and the UnicodeEncodeError
// of UTF-8 for a lone surrogate, as CPython's conversion raises them.
static int sm_cstr_arg(Value s) {
    StrObject *o = str_obj(s);
    if (memchr(o->data, 0, o->nbytes)) {
        err_format(&exc_ValueError, "embedded null character");
        return -1;
    }
    if (!(o->flags & STR_ASCII) && !codec_encode(s, NULL, NULL)) {
        return -1;  // the strict UTF-8 encoder reports the surrogate
    }
    return 0;
}

// The receiver unchanged (see the opening comment).
static Value sm_unchanged(Value self) {
    return str_exact(self);
}

// ---- walking UTF-8 ------------------------------------------------------------------------

static inline uint32_t sm_next(const unsigned char *d, size_t *pos) {
    size_t n;
    uint32_t cp = str_decode_cp(d + *pos, &n);
    *pos += n;
    return cp;
}

static inline uint32_t sm_prev(const unsigned char *d, size_t *pos) {
    size_t p = *pos - 1;
    while ((d[p] & 0xC0) == 0x80) {
        p--;
    }
    *pos = p;
    size_t n;
    return str_decode_cp(d + p, &n);
}

static inline void sm_put_cp(StrBuf *b, uint32_t cp) {
    char tmp[4];
    sb_put(b, tmp, (size_t)utf8_encode(cp, tmp));
}

// The byte offsets of code points [start, end) of s, for indices already
// adjusted into [0, len] with start <= end.
static void sm_byte_range(Value s, int64_t start, int64_t end, size_t *from, size_t *to) {
    if (SM_ASCII(s)) {
        *from = (size_t)start;
        *to = (size_t)end;
        return;
    }
    // Whole-string searches (the common case) need no index.
    *from = start == 0 ? 0 : str_offset_of(s, (size_t)start);
    *to = end == (int64_t)str_len(s) ? str_obj(s)->nbytes : str_offset_of(s, (size_t)end);
}

// CPython's ADJUST_INDICES: slice-like start/end into [0, len].
static void sm_adjust(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

// ---- whitespace ------------------------------------------------------------------------------

// str.isspace() for ASCII: \t \n \v \f \r, the separators \x1c..\x1f, space.
static const unsigned char sm_ascii_space[128] = {
    ['\t'] = 1, ['\n'] = 1, [0x0b] = 1, [0x0c] = 1, ['\r'] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [' '] = 1,
};

// The length of the whitespace character at d[pos] (< end), or 0.
static inline size_t sm_space_at(const unsigned char *d, size_t pos) {
    if (d[pos] < 0x80) {
        return sm_ascii_space[d[pos]];
    }
    size_t n;
    uint32_t cp = str_decode_cp(d + pos, &n);
    return (uni_ctype(cp) & UNI_SPACE) ? n : 0;
}

// The start of the whitespace character that ends at d[pos] (pos > 0), or pos.
static inline size_t sm_space_before(const unsigned char *d, size_t pos) {
    if (d[pos - 1] < 0x80) {
        return sm_ascii_space[d[pos - 1]] ? pos - 1 : pos;
    }
    size_t p = pos;
    uint32_t cp = sm_prev(d, &p);
    return (uni_ctype(cp) & UNI_SPACE) ? p : pos;
}

// ---- case mapping -------------------------------------------------------------------------

// The lower-case form of the capital sigma at byte pos of d[0..n): final
// sigma 'ς' when a cased letter precedes it and none follows, skipping
// case-ignorable characters both ways (Unicode's Final_Sigma condition).
static uint32_t sm_sigma(const unsigned char *d, size_t n, size_t pos) {
    size_t p = pos;
    uint32_t c = 0;
    int found = 0;
    while (p > 0) {
        c = sm_prev(d, &p);
        if (!(uni_ctype(c) & UNI_CASE_IGNORABLE)) {
            found = 1;
            break;
        }
    }
    if (!found || !(uni_ctype(c) & UNI_CASED)) {
        return 0x3C3;
    }
    p = pos + 2;  // past the sigma (2 bytes)
    while (p < n) {
        c = sm_next(d, &p);
        if (!(uni_ctype(c) & UNI_CASE_IGNORABLE)) {
            return (uni_ctype(c) & UNI_CASED) ? 0x3C3 : 0x3C2;
        }
    }
    return 0x3C2;
}

// Where case mapping writes: a buffer of 3 bytes per input byte (no
// mapping of Unicode 14 grows a character's UTF-8 more than that;
// tools/gen_unicode_ctype.py checks it), with the count and largest code
// point written so far, so that the result needs no rescan.
typedef struct SmOut {
    char *p;
    size_t len;
    uint32_t max;
} SmOut;

static inline void sm_out(SmOut *o, uint32_t cp) {
    if (cp < 0x80) {
        *o->p++ = (char)cp;
    } else {
        o->p += utf8_encode(cp, o->p);
        if (cp > o->max) {
            o->max = cp;
        }
    }
    o->len++;
}

static inline void sm_out_mapped(SmOut *o, uint32_t cp, UniCase which) {
    uint32_t m[UNI_MAX_CASE_EXPANSION];
    int k = uni_case_map(cp, which, m);
    for (int i = 0; i < k; i++) {
        sm_out(o, m[i]);
    }
}

// The lower-case mapping of the character cp at byte pos.
static inline void sm_out_lower(SmOut *o, const unsigned char *d, size_t n, size_t pos,
                                uint32_t cp) {
    if (cp == 0x3A3) {
        sm_out(o, sm_sigma(d, n, pos));
    } else {
        sm_out_mapped(o, cp, UNI_CASE_LOWER);
    }
}

// Map every byte of an ASCII str: the bytes in [lo, lo + 26) get `flip`
// xor-ed in (0x20 turns A-Z into a-z and back), both ranges for swapcase.
static Value sm_ascii_map(Value self, unsigned char lo, int both) {
    StrObject *s = str_obj(self);
    StrObject *r = str_alloc(s->nbytes);
    if (!r) {
        return 0;
    }
    const unsigned char *src = (const unsigned char *)s->data;
    unsigned char *dst = (unsigned char *)r->data;
    size_t i = 0;
    if (!both) {
        // Eight ASCII bytes at a time: a byte b (< 0x80) is in [lo, lo + 25]
        // when b + (0x80 - lo) has its top bit set and b + (0x7F - lo - 25)
        // has not; no sum carries into the next byte.
        const uint64_t ones = 0x0101010101010101u, tops = ones << 7;
        const uint64_t ge = ones * (uint64_t)(0x80 - lo), gt = ones * (uint64_t)(0x7F - lo - 25);
        for (; i + 8 <= s->nbytes; i += 8) {
            uint64_t w;
            memcpy(&w, src + i, 8);
            uint64_t hit = (w + ge) & ~(w + gt) & tops;
            w ^= hit >> 2;
            memcpy(dst + i, &w, 8);
        }
    }
    for (; i < s->nbytes; i++) {
        unsigned c = src[i];
        unsigned hit = both ? ((c | 0x20) - 'a' < 26u) : (c - lo < 26u);
        dst[i] = (unsigned char)(c ^ (hit << 5));
    }
    r->len = s->len;
    r->flags = STR_ASCII;
    return s->len <= 1 ? str_finish(r) : val_from_ptr(r);
}

// ASCII case tables.
static inline unsigned char sm_ascii_lower(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}
static inline unsigned char sm_ascii_upper(unsigned char c) {
    return (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c;
}
static inline int sm_ascii_letter(unsigned char c) {
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

typedef enum SmCase { SM_LOWER, SM_UPPER, SM_FOLD, SM_SWAP, SM_TITLE, SM_CAPITALIZE } SmCase;

static Value sm_ascii_title(Value self, int capitalize) {
    StrObject *s = str_obj(self);
    StrObject *r = str_alloc(s->nbytes);
    if (!r) {
        return 0;
    }
    int prev_cased = 0;
    for (size_t i = 0; i < s->nbytes; i++) {
        unsigned char c = (unsigned char)s->data[i];
        unsigned char m;
        if (capitalize) {
            m = i == 0 ? sm_ascii_upper(c) : sm_ascii_lower(c);
        } else {
            m = prev_cased ? sm_ascii_lower(c) : sm_ascii_upper(c);
            prev_cased = sm_ascii_letter(c);
        }
        r->data[i] = (char)m;
    }
    return str_finish(r);
}

// Case-map a non-ASCII str into o.
static void sm_case_map(SmOut *o, const unsigned char *d, size_t n, SmCase how) {
    int prev_cased = 0;
    size_t pos = 0;
    while (pos < n) {
        if (how == SM_LOWER || how == SM_FOLD || how == SM_UPPER) {
            // a run of ASCII: one comparison per byte, no dispatch
            unsigned char from = how == SM_UPPER ? 'a' : 'A';
            char *p = o->p;
            size_t start = pos;
            while (pos < n && d[pos] < 0x80) {
                unsigned char c = d[pos++];
                *p++ = (char)((unsigned char)(c - from) < 26 ? c ^ 0x20 : c);
            }
            o->p = p;
            o->len += pos - start;
            if (pos == n) {
                break;
            }
        }
        size_t at = pos;
        unsigned char c = d[pos];
        if (c < 0x80) {
            // ASCII letters are the only cased ASCII characters.
            pos++;
            int letter = sm_ascii_letter(c);
            switch (how) {
            case SM_LOWER:
            case SM_FOLD: c = sm_ascii_lower(c); break;
            case SM_UPPER: c = sm_ascii_upper(c); break;
            case SM_SWAP: c = (unsigned char)(c ^ (letter << 5)); break;
            case SM_TITLE:
                c = prev_cased ? sm_ascii_lower(c) : sm_ascii_upper(c);
                prev_cased = letter;
                break;
            case SM_CAPITALIZE: c = at == 0 ? sm_ascii_upper(c) : sm_ascii_lower(c); break;
            }
            *o->p++ = (char)c;
            o->len++;
            continue;
        }
        uint32_t cp = sm_next(d, &pos);
        switch (how) {
        case SM_LOWER:
            sm_out_lower(o, d, n, at, cp);
            break;
        case SM_UPPER:
            sm_out_mapped(o, cp, UNI_CASE_UPPER);
            break;
        case SM_FOLD:
            sm_out_mapped(o, cp, UNI_CASE_FOLD);
            break;
        case SM_SWAP: {
            unsigned t = uni_ctype(cp);
            if (t & UNI_UPPER) {
                sm_out_lower(o, d, n, at, cp);
            } else if (t & UNI_LOWER) {
                sm_out_mapped(o, cp, UNI_CASE_UPPER);
            } else {
                sm_out(o, cp);
            }
            break;
        }
        case SM_TITLE:
            if (prev_cased) {
                sm_out_lower(o, d, n, at, cp);
            } else {
                sm_out_mapped(o, cp, UNI_CASE_TITLE);
            }
            prev_cased = (uni_ctype(cp) & UNI_CASED) != 0;
            break;
        case SM_CAPITALIZE:
            if (at == 0) {
                sm_out_mapped(o, cp, UNI_CASE_TITLE);
            } else {
                sm_out_lower(o, d, n, at, cp);
            }
            break;
        }
    }
}

static Value sm_case(Value self, SmCase how) {
    StrObject *s = str_obj(self);
    if (s->flags & STR_ASCII) {
        switch (how) {
        case SM_LOWER:
        case SM_FOLD: return sm_ascii_map(self, 'A', 0);
        case SM_UPPER: return sm_ascii_map(self, 'a', 0);
        case SM_SWAP: return sm_ascii_map(self, 0, 1);
        case SM_TITLE: return sm_ascii_title(self, 0);
        case SM_CAPITALIZE: return sm_ascii_title(self, 1);
        }
    }
    size_t n = s->nbytes;
    char small[768];
    if (n > SIZE_MAX / 4) {
        return err_no_memory();
    }
    char *buf = 3 * n <= sizeof small ? small : malloc(3 * n);
    if (!buf) {
        return err_no_memory();
    }
    buf[0] = 0;  // (n > 0 here: the empty str is ASCII; this quiets -Wmaybe-uninitialized)
    SmOut o = {buf, 0, 0x7F};
    sm_case_map(&o, (const unsigned char *)s->data, n, how);
    Value r = str_from_utf8_known(buf, (size_t)(o.p - buf), o.len, o.max);
    if (buf != small) {
        free(buf);
    }
    return r;
}

#define SM_CASE_METHOD(cname, pyname, how)                                               \
    static Value cname(Value self, const Value *args, size_t nargs, Value kwnames) {     \
        if (method_check_args("str." pyname, nargs, kwnames, 0, 0) < 0) {                \
            return 0;                                                                    \
        }                                                                                \
        return sm_case(self, how);                                                       \
    }
SM_CASE_METHOD(str_m_lower, "lower", SM_LOWER)
SM_CASE_METHOD(str_m_upper, "upper", SM_UPPER)
SM_CASE_METHOD(str_m_casefold, "casefold", SM_FOLD)
SM_CASE_METHOD(str_m_swapcase, "swapcase", SM_SWAP)
SM_CASE_METHOD(str_m_title, "title", SM_TITLE)
SM_CASE_METHOD(str_m_capitalize, "capitalize", SM_CAPITALIZE)
#undef SM_CASE_METHOD

// ---- predicates --------------------------------------------------------------------------

typedef enum SmPred {
    SM_IS_ALNUM, SM_IS_ALPHA, SM_IS_DECIMAL, SM_IS_DIGIT, SM_IS_NUMERIC, SM_IS_SPACE,
    SM_IS_PRINTABLE, SM_IS_LOWER, SM_IS_UPPER, SM_IS_TITLE, SM_IS_IDENTIFIER,
} SmPred;

// The flags a character must have (any of them) for the "every character" predicates.
static unsigned sm_pred_mask(SmPred p) {
    switch (p) {
    case SM_IS_ALNUM: return UNI_ALPHA | UNI_DECIMAL | UNI_DIGIT | UNI_NUMERIC;
    case SM_IS_ALPHA: return UNI_ALPHA;
    case SM_IS_DECIMAL: return UNI_DECIMAL;
    case SM_IS_DIGIT: return UNI_DIGIT;
    case SM_IS_NUMERIC: return UNI_NUMERIC;
    case SM_IS_SPACE: return UNI_SPACE;
    default: return 0;
    }
}

// islower / isupper / istitle: CPython's loops over the Lowercase,
// Uppercase and titlecase flags.
static int sm_cased_pred(const unsigned char *d, size_t n, SmPred p) {
    int cased = 0, prev_cased = 0;
    size_t pos = 0;
    while (pos < n) {
        uint32_t cp = d[pos] < 0x80 ? d[pos++] : sm_next(d, &pos);
        unsigned t = uni_ctype(cp);
        int upper_or_title = (t & (UNI_UPPER | UNI_TITLE)) != 0;
        switch (p) {
        case SM_IS_LOWER:
            if (upper_or_title) {
                return 0;
            }
            cased |= (t & UNI_LOWER) != 0;
            break;
        case SM_IS_UPPER:
            if (t & (UNI_LOWER | UNI_TITLE)) {
                return 0;
            }
            cased |= (t & UNI_UPPER) != 0;
            break;
        default:  // SM_IS_TITLE
            if (upper_or_title) {
                if (prev_cased) {
                    return 0;
                }
                prev_cased = cased = 1;
            } else if (t & UNI_LOWER) {
                if (!prev_cased) {
                    return 0;
                }
                prev_cased = cased = 1;
            } else {
                prev_cased = 0;
            }
            break;
        }
    }
    return cased;
}

static int sm_pred(Value self, SmPred p) {
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    size_t n = s->nbytes;
    if (p == SM_IS_PRINTABLE) {
        for (size_t pos = 0; pos < n;) {
            uint32_t cp = d[pos] < 0x80 ? d[pos++] : sm_next(d, &pos);
            if (!uni_is_printable(cp)) {
                return 0;
            }
        }
        return 1;
    }
    if (n == 0) {
        return 0;
    }
    if (p == SM_IS_LOWER || p == SM_IS_UPPER || p == SM_IS_TITLE) {
        return sm_cased_pred(d, n, p);
    }
    if (p == SM_IS_IDENTIFIER) {
        size_t pos = 0;
        uint32_t cp = sm_next(d, &pos);
        if (!uni_is_xid_start(cp)) {
            return 0;
        }
        while (pos < n) {
            if (!uni_is_xid_continue(sm_next(d, &pos))) {
                return 0;
            }
        }
        return 1;
    }
    unsigned mask = sm_pred_mask(p);
    for (size_t pos = 0; pos < n;) {
        uint32_t cp = d[pos] < 0x80 ? d[pos++] : sm_next(d, &pos);
        if (!(uni_ctype(cp) & mask)) {
            return 0;
        }
    }
    return 1;
}

#define SM_PRED_METHOD(cname, pyname, pred)                                              \
    static Value cname(Value self, const Value *args, size_t nargs, Value kwnames) {     \
        if (method_check_args("str." pyname, nargs, kwnames, 0, 0) < 0) {                \
            return 0;                                                                    \
        }                                                                                \
        return val_bool(sm_pred(self, pred));                                            \
    }
SM_PRED_METHOD(str_m_isalnum, "isalnum", SM_IS_ALNUM)
SM_PRED_METHOD(str_m_isalpha, "isalpha", SM_IS_ALPHA)
SM_PRED_METHOD(str_m_isdecimal, "isdecimal", SM_IS_DECIMAL)
SM_PRED_METHOD(str_m_isdigit, "isdigit", SM_IS_DIGIT)
SM_PRED_METHOD(str_m_isnumeric, "isnumeric", SM_IS_NUMERIC)
SM_PRED_METHOD(str_m_isspace, "isspace", SM_IS_SPACE)
SM_PRED_METHOD(str_m_isprintable, "isprintable", SM_IS_PRINTABLE)
SM_PRED_METHOD(str_m_islower, "islower", SM_IS_LOWER)
SM_PRED_METHOD(str_m_isupper, "isupper", SM_IS_UPPER)
SM_PRED_METHOD(str_m_istitle, "istitle", SM_IS_TITLE)
SM_PRED_METHOD(str_m_isidentifier, "isidentifier", SM_IS_IDENTIFIER)
#undef SM_PRED_METHOD

static Value str_m_isascii(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.isascii", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(SM_ASCII(self));
}

// ---- padding ---------------------------------------------------------------------------------

// A new str: `left` copies of fill, s, `right` copies of fill.
static Value sm_pad(Value self, int64_t left, int64_t right, uint32_t fill) {
    StrObject *s = str_obj(self);
    char fb[4];
    size_t fn = (size_t)utf8_encode(fill, fb);
    size_t pads = (size_t)left + (size_t)right;
    if (pads > (SIZE_MAX / 8) / fn) {
        return err_no_memory();
    }
    StrObject *r = str_alloc(s->nbytes + pads * fn);
    if (!r) {
        return 0;
    }
    char *p = r->data;
    if (fn == 1) {
        memset(p, fb[0], (size_t)left);
        p += left;
        memcpy(p, s->data, s->nbytes);
        p += s->nbytes;
        memset(p, fb[0], (size_t)right);
    } else {
        for (int64_t i = 0; i < left; i++, p += fn) {
            memcpy(p, fb, fn);
        }
        memcpy(p, s->data, s->nbytes);
        p += s->nbytes;
        for (int64_t i = 0; i < right; i++, p += fn) {
            memcpy(p, fb, fn);
        }
    }
    r->len = s->len + pads;
    r->flags = (s->flags & (STR_WIDE2 | STR_WIDE4)) | (fill >= 0x10000 ? STR_WIDE2 | STR_WIDE4 : 0) |
               (fill >= 0x100 ? STR_WIDE2 : 0);
    if ((s->flags & STR_ASCII) && fill < 0x80) {
        r->flags |= STR_ASCII;
    }
    return val_from_ptr(r);
}

// width and the optional fill character of center/ljust/rjust.
static int sm_pad_args(const char *qualname, const Value *args, size_t nargs, Value kwnames,
                       int64_t *width, uint32_t *fill) {
    if (method_check_args(qualname, nargs, kwnames, 1, 2) < 0 || sm_ssize_arg(args[0], width) < 0) {
        return -1;
    }
    *fill = ' ';
    if (nargs == 2) {
        Value f = args[1];
        if (!val_is_str(f)) {
            err_format(&exc_TypeError, "The fill character must be a unicode character, not %s",
                       str_type_name(f));
            return -1;
        }
        if (str_len(f) != 1) {
            err_format(&exc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        size_t n;
        *fill = str_decode_cp((const unsigned char *)str_obj(f)->data, &n);
    }
    return 0;
}

static Value str_m_center(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    uint32_t fill;
    if (sm_pad_args("str.center", args, nargs, kwnames, &width, &fill) < 0) {
        return 0;
    }
    int64_t len = (int64_t)str_len(self);
    if (len >= width) {
        return sm_unchanged(self);
    }
    int64_t marg = width - len;
    int64_t left = marg / 2 + (marg & width & 1);
    return sm_pad(self, left, marg - left, fill);
}

static Value str_m_ljust(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    uint32_t fill;
    if (sm_pad_args("str.ljust", args, nargs, kwnames, &width, &fill) < 0) {
        return 0;
    }
    int64_t len = (int64_t)str_len(self);
    return len >= width ? sm_unchanged(self) : sm_pad(self, 0, width - len, fill);
}

static Value str_m_rjust(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    uint32_t fill;
    if (sm_pad_args("str.rjust", args, nargs, kwnames, &width, &fill) < 0) {
        return 0;
    }
    int64_t len = (int64_t)str_len(self);
    return len >= width ? sm_unchanged(self) : sm_pad(self, width - len, 0, fill);
}

static Value str_m_zfill(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    if (method_check_args("str.zfill", nargs, kwnames, 1, 1) < 0 ||
        sm_ssize_arg(args[0], &width) < 0) {
        return 0;
    }
    int64_t len = (int64_t)str_len(self);
    if (len >= width) {
        return sm_unchanged(self);
    }
    int64_t fill = width - len;
    Value r = sm_pad(self, fill, 0, '0');
    if (r && len > 0) {
        // A sign moves in front of the zeros.
        char *d = str_obj(r)->data;
        if (d[fill] == '+' || d[fill] == '-') {
            d[0] = d[fill];
            d[fill] = '0';
        }
    }
    return r;
}

static Value str_m_expandtabs(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"tabsize", NULL};
    Value a[1];
    int tabsize = 8;
    if (sm_parse_keywords("expandtabs", args, nargs, kwnames, names, 1, a) < 0 ||
        (a[0] && sm_int_arg(a[0], &tabsize) < 0)) {
        return 0;
    }
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    if (!memchr(d, '\t', s->nbytes)) {
        return sm_unchanged(self);
    }
    // First pass: the result's size (in code points and bytes).
    uint64_t col = 0, extra = 0, tabs = 0;
    for (size_t pos = 0; pos < s->nbytes; pos++) {
        unsigned char c = d[pos];
        if (c == '\t') {
            tabs++;
            if (tabsize > 0) {
                uint64_t incr = (uint64_t)tabsize - col % (uint64_t)tabsize;
                col += incr;
                extra += incr;
                if (extra > (uint64_t)INT64_MAX) {
                    return err_format(&exc_OverflowError, "new string is too long");
                }
            }
        } else if ((c & 0xC0) != 0x80) {
            col++;
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    if (s->nbytes - tabs + extra > (uint64_t)INT64_MAX) {
        return err_format(&exc_OverflowError, "new string is too long");
    }
    StrObject *r = str_alloc((size_t)(s->nbytes - tabs + extra));
    if (!r) {
        return 0;
    }
    char *out = r->data;
    col = 0;
    for (size_t pos = 0; pos < s->nbytes; pos++) {
        unsigned char c = d[pos];
        if (c == '\t') {
            if (tabsize > 0) {
                uint64_t incr = (uint64_t)tabsize - col % (uint64_t)tabsize;
                memset(out, ' ', (size_t)incr);
                out += incr;
                col += incr;
            }
            continue;
        }
        *out++ = (char)c;
        if ((c & 0xC0) != 0x80) {
            col++;
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    return str_finish(r);
}

// ---- searching ----------------------------------------------------------------------------

// Parse (sub[, start[, end]]) for the method `name`; *sub must be str
// unless `any_sub` (startswith/endswith check their own).
static int sm_find_args(const char *name, const Value *args, size_t nargs, Value kwnames,
                        Value *sub, int64_t *start, int64_t *end, int any_sub) {
    if (sm_check_tuple_args(name, nargs, kwnames, 1, 3) < 0) {
        return -1;
    }
    *sub = args[0];
    *start = 0;
    *end = INT64_MAX;
    if ((nargs > 1 && sm_slice_arg(args[1], start) < 0) ||
        (nargs > 2 && sm_slice_arg(args[2], end) < 0)) {
        return -1;
    }
    return any_sub ? 0 : sm_need_str(*sub);
}

// find/rfind of sub in s[start:end]: the code point index or -1.
static int64_t sm_find(Value self, Value sub, int64_t start, int64_t end, int reverse) {
    int64_t len = (int64_t)str_len(self);
    sm_adjust(&start, &end, len);
    int64_t sublen = (int64_t)str_len(sub);
    if (end - start < sublen) {
        return -1;
    }
    if (sublen == 0) {
        return reverse ? end : start;
    }
    size_t from, to;
    sm_byte_range(self, start, end, &from, &to);
    const char *d = str_obj(self)->data;
    StrObject *x = str_obj(sub);
    int64_t at = reverse ? str_rfind_bytes(d + from, to - from, x->data, x->nbytes)
                         : str_find_bytes(d + from, to - from, x->data, x->nbytes);
    if (at < 0) {
        return -1;
    }
    if (SM_ASCII(self)) {
        return start + at;
    }
    return start + (int64_t)str_count_cps(d + from, (size_t)at);
}

static Value sm_find_method(const char *name, Value self, const Value *args, size_t nargs,
                            Value kwnames, int reverse, int raise) {
    Value sub;
    int64_t start, end;
    if (sm_find_args(name, args, nargs, kwnames, &sub, &start, &end, 0) < 0) {
        return 0;
    }
    int64_t r = sm_find(self, sub, start, end, reverse);
    if (r < 0 && raise) {
        return err_format(&exc_ValueError, "substring not found");
    }
    return int_from_i64(r);
}

static Value str_m_find(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_find_method("find", self, args, nargs, kwnames, 0, 0);
}
static Value str_m_rfind(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_find_method("rfind", self, args, nargs, kwnames, 1, 0);
}
static Value str_m_index(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_find_method("index", self, args, nargs, kwnames, 0, 1);
}
static Value str_m_rindex(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_find_method("rindex", self, args, nargs, kwnames, 1, 1);
}

// Non-overlapping occurrences of x[0..m) in d[0..n), at most `max`.
static int64_t sm_count_bytes(const char *d, size_t n, const char *x, size_t m, int64_t max) {
    int64_t count = 0;
    size_t pos = 0;
    if (m == 1) {
        const char *p = d, *end = d + n;
        while (count < max && (p = memchr(p, x[0], (size_t)(end - p))) != NULL) {
            count++;
            p++;
        }
        return count;
    }
    while (count < max && pos + m <= n) {
        int64_t at = str_find_bytes(d + pos, n - pos, x, m);
        if (at < 0) {
            break;
        }
        count++;
        pos += (size_t)at + m;
    }
    return count;
}

static Value str_m_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value sub;
    int64_t start, end;
    if (sm_find_args("count", args, nargs, kwnames, &sub, &start, &end, 0) < 0) {
        return 0;
    }
    int64_t len = (int64_t)str_len(self);
    sm_adjust(&start, &end, len);
    int64_t sublen = (int64_t)str_len(sub);
    if (end - start < sublen) {
        return val_from_smallint(0);
    }
    if (sublen == 0) {
        return int_from_i64(end - start + 1);
    }
    size_t from, to;
    sm_byte_range(self, start, end, &from, &to);
    StrObject *x = str_obj(sub);
    return int_from_i64(
        sm_count_bytes(str_obj(self)->data + from, to - from, x->data, x->nbytes, INT64_MAX));
}

// Does s[start:end] start (or end) with sub? (CPython's tailmatch)
static int sm_tailmatch(Value self, Value sub, int64_t start, int64_t end, int at_end) {
    int64_t len = (int64_t)str_len(self);
    sm_adjust(&start, &end, len);
    int64_t sublen = (int64_t)str_len(sub);
    if (end - sublen < start) {
        return 0;
    }
    if (sublen == 0) {
        return 1;
    }
    size_t from, to;
    sm_byte_range(self, start, end, &from, &to);
    StrObject *x = str_obj(sub);
    if (to - from < x->nbytes) {
        return 0;
    }
    const char *d = str_obj(self)->data;
    return memcmp(at_end ? d + to - x->nbytes : d + from, x->data, x->nbytes) == 0;
}

static Value sm_startsendswith(const char *name, Value self, const Value *args, size_t nargs,
                               Value kwnames, int at_end) {
    Value sub;
    int64_t start, end;
    if (sm_find_args(name, args, nargs, kwnames, &sub, &start, &end, 1) < 0) {
        return 0;
    }
    if (tuple_check(sub)) {
        TupleObject *t = tuple_obj(sub);
        for (size_t i = 0; i < t->len; i++) {
            if (!val_is_str(t->items[i])) {
                return err_format(&exc_TypeError, "tuple for %s must only contain str, not %s",
                                  name, str_type_name(t->items[i]));
            }
            if (sm_tailmatch(self, t->items[i], start, end, at_end)) {
                return VAL_TRUE;
            }
        }
        return VAL_FALSE;
    }
    if (!val_is_str(sub)) {
        return err_format(&exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                          name, str_type_name(sub));
    }
    return val_bool(sm_tailmatch(self, sub, start, end, at_end));
}

static Value str_m_startswith(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_startsendswith("startswith", self, args, nargs, kwnames, 0);
}
static Value str_m_endswith(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_startsendswith("endswith", self, args, nargs, kwnames, 1);
}

// ---- splitting -----------------------------------------------------------------------------

// sep and maxsplit of split/rsplit: *sep 0 for whitespace.
static int sm_split_args(const char *name, const Value *args, size_t nargs, Value kwnames,
                         Value *sep, int64_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value a[2];
    if (sm_parse_keywords(name, args, nargs, kwnames, names, 2, a) < 0) {
        return -1;
    }
    *sep = a[0] && a[0] != VAL_NONE ? a[0] : 0;
    *maxsplit = -1;
    if (a[1] && sm_ssize_arg(a[1], maxsplit) < 0) {
        return -1;
    }
    if (*maxsplit < 0) {
        *maxsplit = INT64_MAX;
    }
    if (*sep) {
        if (!val_is_str(*sep)) {
            err_format(&exc_TypeError, "must be str or None, not %s", str_type_name(*sep));
            return -1;
        }
        if (str_obj(*sep)->nbytes == 0) {
            err_format(&exc_ValueError, "empty separator");
            return -1;
        }
    }
    return 0;
}

static int sm_add_piece(Value list, Value self, size_t from, size_t to) {
    Value piece = str_substr_bytes(self, from, to);
    return piece ? list_append(list, piece) : -1;
}

static Value str_m_split(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value sep;
    int64_t maxsplit;
    if (sm_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) {
        return 0;
    }
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    size_t n = s->nbytes;
    Value list = list_new(12);  // CPython's preallocation: most splits are short
    if (!list) {
        return 0;
    }
    size_t i = 0;
    if (!sep) {
        while (maxsplit-- > 0) {
            size_t k;
            while (i < n && (k = sm_space_at(d, i)) != 0) {
                i += k;
            }
            if (i == n) {
                break;
            }
            // The word's length and widest character come with the walk:
            // its str needs no rescan.
            size_t j = i, cps = 0;
            uint32_t max = 0x7F;
            while (i < n) {
                if (d[i] < 0x80) {
                    if (sm_ascii_space[d[i]]) {
                        break;
                    }
                    i++;
                } else {
                    uint32_t cp = str_decode_cp(d + i, &k);
                    if (uni_ctype(cp) & UNI_SPACE) {
                        break;
                    }
                    max = cp > max ? cp : max;
                    i += k;
                }
                cps++;
            }
            Value piece = SM_ASCII(self) ? str_substr_bytes(self, j, i)
                                         : str_from_utf8_known(s->data + j, i - j, cps, max);
            if (!piece || list_append(list, piece) < 0) {
                return 0;
            }
        }
        if (i < n) {
            size_t k;
            while (i < n && (k = sm_space_at(d, i)) != 0) {
                i += k;
            }
            if (i != n && sm_add_piece(list, self, i, n) < 0) {
                return 0;
            }
        }
        return list;
    }
    StrObject *x = str_obj(sep);
    while (maxsplit-- > 0) {
        int64_t at = str_find_bytes(s->data + i, n - i, x->data, x->nbytes);
        if (at < 0) {
            break;
        }
        if (sm_add_piece(list, self, i, i + (size_t)at) < 0) {
            return 0;
        }
        i += (size_t)at + x->nbytes;
    }
    if (sm_add_piece(list, self, i, n) < 0) {
        return 0;
    }
    return list;
}

static Value str_m_rsplit(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value sep;
    int64_t maxsplit;
    if (sm_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) {
        return 0;
    }
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    Value list = list_new(12);  // CPython's preallocation: most splits are short
    if (!list) {
        return 0;
    }
    size_t i = s->nbytes;  // pieces are collected from the end, then reversed
    if (!sep) {
        while (maxsplit-- > 0) {
            size_t p;
            while (i > 0 && (p = sm_space_before(d, i)) != i) {
                i = p;
            }
            if (i == 0) {
                break;
            }
            size_t j = i;
            while (i > 0 && sm_space_before(d, i) == i) {
                sm_prev(d, &i);
            }
            if (sm_add_piece(list, self, i, j) < 0) {
                return 0;
            }
        }
        if (i > 0) {
            size_t p;
            while (i > 0 && (p = sm_space_before(d, i)) != i) {
                i = p;
            }
            if (i != 0 && sm_add_piece(list, self, 0, i) < 0) {
                return 0;
            }
        }
    } else {
        StrObject *x = str_obj(sep);
        while (maxsplit-- > 0) {
            int64_t at = str_rfind_bytes(s->data, i, x->data, x->nbytes);
            if (at < 0) {
                break;
            }
            if (sm_add_piece(list, self, (size_t)at + x->nbytes, i) < 0) {
                return 0;
            }
            i = (size_t)at;
        }
        if (sm_add_piece(list, self, 0, i) < 0) {
            return 0;
        }
    }
    list_reverse(list);
    return list;
}

// The length of the line break at d[pos] (\r\n counts as one), or 0.
static size_t sm_linebreak_at(const unsigned char *d, size_t n, size_t pos) {
    unsigned char c = d[pos];
    if (c < 0x80) {
        if (c == '\r') {
            return pos + 1 < n && d[pos + 1] == '\n' ? 2 : 1;
        }
        return c == '\n' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e;
    }
    size_t k;
    uint32_t cp = str_decode_cp(d + pos, &k);
    return (uni_ctype(cp) & UNI_LINEBREAK) ? k : 0;
}

static Value str_m_splitlines(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"keepends", NULL};
    Value a[1];
    int keepends = 0;
    if (sm_parse_keywords("splitlines", args, nargs, kwnames, names, 1, a) < 0 ||
        (a[0] && sm_int_arg(a[0], &keepends) < 0)) {
        return 0;
    }
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    size_t n = s->nbytes;
    Value list = list_new(12);  // CPython's preallocation: most splits are short
    if (!list) {
        return 0;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i, brk = 0;
        while (j < n && (brk = sm_linebreak_at(d, n, j)) == 0) {
            j += d[j] < 0x80 ? 1 : ((d[j] >= 0xF0) ? 4 : (d[j] >= 0xE0) ? 3 : 2);
        }
        size_t eol = j + brk;
        if (sm_add_piece(list, self, i, keepends ? eol : j) < 0) {
            return 0;
        }
        i = eol;
    }
    return list;
}

static Value sm_partition(const char *qualname, Value self, const Value *args, size_t nargs,
                          Value kwnames, int reverse) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0 || sm_need_str(args[0]) < 0) {
        return 0;
    }
    StrObject *s = str_obj(self), *x = str_obj(args[0]);
    if (x->nbytes == 0) {
        return err_format(&exc_ValueError, "empty separator");
    }
    int64_t at = reverse ? str_rfind_bytes(s->data, s->nbytes, x->data, x->nbytes)
                         : str_find_bytes(s->data, s->nbytes, x->data, x->nbytes);
    Value t = tuple_new(3);
    if (!t) {
        return 0;
    }
    Value *items = tuple_obj(t)->items;
    if (at < 0) {
        items[0] = items[1] = items[2] = str_empty();
        items[reverse ? 2 : 0] = self;
        return t;
    }
    items[0] = str_substr_bytes(self, 0, (size_t)at);
    items[1] = str_exact(args[0]);
    items[2] = str_substr_bytes(self, (size_t)at + x->nbytes, s->nbytes);
    if (!items[0] || !items[1] || !items[2]) {
        return 0;
    }
    return t;
}

static Value str_m_partition(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_partition("str.partition", self, args, nargs, kwnames, 0);
}
static Value str_m_rpartition(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_partition("str.rpartition", self, args, nargs, kwnames, 1);
}

// ---- stripping --------------------------------------------------------------------------------

enum { SM_STRIP_LEFT = 1, SM_STRIP_RIGHT = 2, SM_STRIP_BOTH = 3 };

// The characters of a strip argument: an ASCII bitmap and the others.
typedef struct SmCharSet {
    uint64_t ascii[2];
    uint32_t *wide;
    size_t nwide;
} SmCharSet;

static int sm_charset_has(const SmCharSet *cs, uint32_t cp) {
    if (cp < 128) {
        return (cs->ascii[cp >> 6] >> (cp & 63)) & 1;
    }
    for (size_t i = 0; i < cs->nwide; i++) {
        if (cs->wide[i] == cp) {
            return 1;
        }
    }
    return 0;
}

static Value sm_strip(const char *qualname, const char *name, Value self, const Value *args,
                      size_t nargs, Value kwnames, int how) {
    if (method_check_args(qualname, nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    size_t i = 0, j = s->nbytes;
    if (nargs == 0 || args[0] == VAL_NONE) {
        size_t k;
        if (how & SM_STRIP_LEFT) {
            while (i < j && (k = sm_space_at(d, i)) != 0) {
                i += k;
            }
        }
        if (how & SM_STRIP_RIGHT) {
            size_t p;
            while (j > i && (p = sm_space_before(d, j)) != j) {
                j = p;
            }
        }
        return str_substr_bytes(self, i, j);
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "%s arg must be None or str", name);
    }
    StrObject *c = str_obj(args[0]);
    SmCharSet cs = {{0, 0}, NULL, 0};
    if (c->flags & STR_ASCII) {
        // ASCII characters only: test bytes against a 256-bit set whose upper
        // half is empty. UTF-8 lead and continuation bytes (>= 0x80) are never
        // in it, so this is right for any self.
        // The set of the last short argument is kept: a loop strips the same
        // characters from every word.
        static struct {
            size_t nbytes;
            char chars[32];
            uint64_t set[4];
        } last = {SIZE_MAX, {0}, {0, 0, 0, 0}};
        const uint64_t *set = last.set;
        uint64_t fresh[4] = {0, 0, 0, 0};
        if (c->nbytes != last.nbytes || memcmp(c->data, last.chars, c->nbytes) != 0) {
            for (size_t pos = 0; pos < c->nbytes; pos++) {
                unsigned char b = (unsigned char)c->data[pos];
                fresh[b >> 6] |= (uint64_t)1 << (b & 63);
            }
            if (c->nbytes <= sizeof last.chars) {
                last.nbytes = c->nbytes;
                memcpy(last.chars, c->data, c->nbytes);
                memcpy(last.set, fresh, sizeof fresh);
            } else {
                set = fresh;
            }
        }
        if (how & SM_STRIP_LEFT) {
            while (i < j && ((set[d[i] >> 6] >> (d[i] & 63)) & 1)) {
                i++;
            }
        }
        if (how & SM_STRIP_RIGHT) {
            while (j > i && ((set[d[j - 1] >> 6] >> (d[j - 1] & 63)) & 1)) {
                j--;
            }
        }
        return str_substr_bytes(self, i, j);
    }
    cs.wide = malloc(c->len * sizeof(uint32_t));
    if (!cs.wide) {
        return err_no_memory();
    }
    const unsigned char *cd = (const unsigned char *)c->data;
    for (size_t pos = 0; pos < c->nbytes;) {
        uint32_t cp = sm_next(cd, &pos);
        if (cp < 128) {
            cs.ascii[cp >> 6] |= (uint64_t)1 << (cp & 63);
        } else {
            cs.wide[cs.nwide++] = cp;
        }
    }
    if (how & SM_STRIP_LEFT) {
        while (i < j) {
            size_t p = i;
            if (!sm_charset_has(&cs, sm_next(d, &p))) {
                break;
            }
            i = p;
        }
    }
    if (how & SM_STRIP_RIGHT) {
        while (j > i) {
            size_t p = j;
            if (!sm_charset_has(&cs, sm_prev(d, &p))) {
                break;
            }
            j = p;
        }
    }
    free(cs.wide);
    return str_substr_bytes(self, i, j);
}

static Value str_m_strip(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_strip("str.strip", "strip", self, args, nargs, kwnames, SM_STRIP_BOTH);
}
static Value str_m_lstrip(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_strip("str.lstrip", "lstrip", self, args, nargs, kwnames, SM_STRIP_LEFT);
}
static Value str_m_rstrip(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_strip("str.rstrip", "rstrip", self, args, nargs, kwnames, SM_STRIP_RIGHT);
}

static Value sm_remove_affix(const char *qualname, const char *name, Value self,
                             const Value *args, size_t nargs, Value kwnames, int suffix) {
    if (method_check_args(qualname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "%s() argument must be str, not %s", name,
                          sm_clinic_name(args[0]));
    }
    StrObject *s = str_obj(self), *x = str_obj(args[0]);
    if (x->nbytes > 0 && x->nbytes <= s->nbytes) {
        if (!suffix && memcmp(s->data, x->data, x->nbytes) == 0) {
            return str_substr_bytes(self, x->nbytes, s->nbytes);
        }
        if (suffix && memcmp(s->data + s->nbytes - x->nbytes, x->data, x->nbytes) == 0) {
            return str_substr_bytes(self, 0, s->nbytes - x->nbytes);
        }
    }
    return sm_unchanged(self);
}

static Value str_m_removeprefix(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_remove_affix("str.removeprefix", "removeprefix", self, args, nargs, kwnames, 0);
}
static Value str_m_removesuffix(Value self, const Value *args, size_t nargs, Value kwnames) {
    return sm_remove_affix("str.removesuffix", "removesuffix", self, args, nargs, kwnames, 1);
}

// ---- join and replace -----------------------------------------------------------------------

Value str_join(Value sep, Value iterable) {
    Value seq = iterable;
    if (!list_check_exact(seq) && !tuple_check_exact(seq)) {
        Value it = obj_iter(iterable);
        if (!it) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError, "can only join an iterable");
            }
            return 0;
        }
        seq = list_from_iterable(it);
        if (!seq) {
            return 0;
        }
    }
    const Value *items;
    size_t n;
    if (tuple_check_exact(seq)) {
        items = tuple_obj(seq)->items;
        n = tuple_obj(seq)->len;
    } else {
        items = list_obj(seq)->items;
        n = list_obj(seq)->len;
    }
    if (n == 0) {
        return str_empty();
    }
    if (n == 1 && val_is_ptr(items[0]) && val_ptr(items[0])->type == &type_str) {
        return items[0];
    }
    StrObject *sp = str_obj(sep);
    size_t total = 0, len = 0;
    // The separator counts only when it appears (two items or more).
    uint32_t flags = n >= 2 ? sp->flags : 0;
    int all_ascii = n < 2 || (sp->flags & STR_ASCII);
    for (size_t i = 0; i < n; i++) {
        if (!val_is_str(items[i])) {
            return err_format(&exc_TypeError, "sequence item %zu: expected str instance, %s found",
                              i, str_type_name(items[i]));
        }
        StrObject *x = str_obj(items[i]);
        size_t add = x->nbytes + (i > 0 ? sp->nbytes : 0);
        if (total > SIZE_MAX / 4 - add) {
            return err_format(&exc_OverflowError, "join() result is too long for a Python string");
        }
        total += add;
        len += x->len + (i > 0 ? sp->len : 0);
        all_ascii &= (x->flags & STR_ASCII) != 0;
        flags |= x->flags;
    }
    StrObject *r = str_alloc(total);
    if (!r) {
        return 0;
    }
    // The list may change under us only through __iter__ above: items is stable now.
    char *p = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sp->nbytes) {
            memcpy(p, sp->data, sp->nbytes);
            p += sp->nbytes;
        }
        StrObject *x = str_obj(items[i]);
        memcpy(p, x->data, x->nbytes);
        p += x->nbytes;
    }
    gc_keep_alive(seq);  // a list's items are malloc'ed: keep it across str_alloc
    r->len = len;
    r->flags = (flags & (STR_WIDE2 | STR_WIDE4)) | (all_ascii ? STR_ASCII : 0);
    if (len <= 1) {
        return str_finish(r);
    }
    return val_from_ptr(r);
}

static Value str_m_join(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.join", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return str_join(self, args[0]);
}

Value str_replace(Value self, Value old, Value new_, int64_t count) {
    StrObject *s = str_obj(self), *o = str_obj(old), *w = str_obj(new_);
    if (count < 0) {
        count = INT64_MAX;
    }
    if (count == 0 || o->len > s->len) {
        return sm_unchanged(self);
    }
    StrBuf b;
    sb_init(&b);
    if (o->nbytes == 0) {
        // Insert new_ before every character and at the end, count times.
        const unsigned char *d = (const unsigned char *)s->data;
        size_t pos = 0;
        int64_t done = 0;
        while (done < count) {
            sb_put(&b, w->data, w->nbytes);
            done++;
            if (pos == s->nbytes) {
                break;
            }
            size_t k = d[pos] < 0x80 ? 1 : (d[pos] >= 0xF0 ? 4 : d[pos] >= 0xE0 ? 3 : 2);
            sb_put(&b, s->data + pos, k);
            pos += k;
        }
        sb_put(&b, s->data + pos, s->nbytes - pos);
        return str_from_strbuf(&b);
    }
    // Count the matches, then fill an exact allocation.
    int64_t found = 0;
    for (size_t pos = 0; found < count;) {
        int64_t at = str_find_bytes(s->data + pos, s->nbytes - pos, o->data, o->nbytes);
        if (at < 0) {
            break;
        }
        found++;
        pos += (size_t)at + o->nbytes;
    }
    if (found == 0) {
        return sm_unchanged(self);
    }
    int64_t delta = (int64_t)w->nbytes - (int64_t)o->nbytes;
    if (delta > 0 && (uint64_t)found > (SIZE_MAX / 4 - s->nbytes) / (uint64_t)delta) {
        return err_format(&exc_OverflowError, "replace string is too long");
    }
    StrObject *r = str_alloc((size_t)((int64_t)s->nbytes + found * delta));
    if (!r) {
        return 0;
    }
    char *dst = r->data;
    size_t pos = 0;
    for (int64_t i = 0; i < found; i++) {
        size_t at = o->nbytes == 1 ? (size_t)((const char *)memchr(s->data + pos, o->data[0],
                                                                   s->nbytes - pos) -
                                              (s->data + pos))
                                   : (size_t)str_find_bytes(s->data + pos, s->nbytes - pos,
                                                            o->data, o->nbytes);
        memcpy(dst, s->data + pos, at);
        dst += at;
        memcpy(dst, w->data, w->nbytes);
        dst += w->nbytes;
        pos += at + o->nbytes;
    }
    memcpy(dst, s->data + pos, s->nbytes - pos);
    if ((s->flags & STR_ASCII) && (w->flags & STR_ASCII)) {
        r->len = r->nbytes;
        r->flags = STR_ASCII;
        return r->len <= 1 ? str_finish(r) : val_from_ptr(r);
    }
    return str_finish(r);
}

static Value str_m_replace(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t count = -1;
    if (method_check_args("str.replace", nargs, kwnames, 2, 3) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "replace() argument 1 must be str, not %s",
                          sm_clinic_name(args[0]));
    }
    if (!val_is_str(args[1])) {
        return err_format(&exc_TypeError, "replace() argument 2 must be str, not %s",
                          sm_clinic_name(args[1]));
    }
    if (nargs == 3 && sm_ssize_arg(args[2], &count) < 0) {
        return 0;
    }
    return str_replace(self, args[0], args[1], count);
}

// ---- translate and maketrans ------------------------------------------------------------------

// table[cp] appended to b: 0, or -1 with an exception.
static int sm_translate_one(StrBuf *b, Value table, uint32_t cp) {
    Value key = val_from_smallint(cp);
    // An exact dict answers a miss without raising KeyError first.
    Value r = dict_check_exact(table) ? dict_get(table, key) : obj_getitem(table, key);
    if (!r) {
        if (!err_occurred()) {
            sm_put_cp(b, cp);
            return 0;
        }
        if (err_matches(&exc_LookupError)) {
            err_clear();
            sm_put_cp(b, cp);
            return 0;
        }
        return -1;
    }
    if (r == VAL_NONE) {
        return 0;
    }
    if (int_check(r)) {
        int64_t v;
        if (int_to_i64(r, &v) < 0) {
            err_clear();
            v = -1;
        }
        if (v < 0 || v > 0x10FFFF) {
            err_format(&exc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        sm_put_cp(b, (uint32_t)v);
        return 0;
    }
    if (val_is_str(r)) {
        sb_put(b, str_obj(r)->data, str_obj(r)->nbytes);
        return 0;
    }
    err_format(&exc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static Value str_m_translate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.translate", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value table = args[0];
    StrObject *s = str_obj(self);
    const unsigned char *d = (const unsigned char *)s->data;
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, s->nbytes);
    // ASCII characters are looked up once each (CPython caches them too).
    int32_t cache_off[128];
    uint8_t cache_len[128];
    StrBuf cache;
    sb_init(&cache);
    memset(cache_off, -1, sizeof cache_off);
    for (size_t pos = 0; pos < s->nbytes;) {
        uint32_t cp = sm_next(d, &pos);
        if (cp < 128 && cache_off[cp] >= 0) {
            sb_put(&b, cache.data + cache_off[cp], cache_len[cp]);
            continue;
        }
        size_t before = b.len;
        if (sm_translate_one(&b, table, cp) < 0) {
            sb_free(&b);
            sb_free(&cache);
            return 0;
        }
        size_t added = b.len - before;
        if (cp < 128 && added < 256 && cache.len < INT32_MAX / 2) {
            cache_off[cp] = (int32_t)cache.len;
            cache_len[cp] = (uint8_t)added;
            sb_put(&cache, b.data + before, added);
        }
    }
    sb_free(&cache);
    return str_from_strbuf(&b);
}

static Value str_m_maketrans(Value unused, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.maketrans", nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    for (size_t i = 1; i < nargs; i++) {
        if (!val_is_str(args[i])) {
            return err_format(&exc_TypeError, "maketrans() argument %zu must be str, not %s",
                              i + 1, sm_clinic_name(args[i]));
        }
    }
    Value d = dict_new();
    if (!d) {
        return 0;
    }
    if (nargs >= 2) {
        Value x = args[0], y = args[1];
        if (!val_is_str(x)) {
            return err_format(&exc_TypeError,
                              "first maketrans argument must be a string if there is a second "
                              "argument");
        }
        if (str_len(x) != str_len(y)) {
            return err_format(&exc_ValueError,
                              "the first two maketrans arguments must have equal length");
        }
        const unsigned char *xd = (const unsigned char *)str_obj(x)->data;
        const unsigned char *yd = (const unsigned char *)str_obj(y)->data;
        size_t xp = 0, yp = 0;
        while (xp < str_obj(x)->nbytes) {
            uint32_t a = sm_next(xd, &xp), b = sm_next(yd, &yp);
            if (dict_set(d, val_from_smallint(a), val_from_smallint(b)) < 0) {
                return 0;
            }
        }
        if (nargs == 3) {
            const unsigned char *zd = (const unsigned char *)str_obj(args[2])->data;
            for (size_t zp = 0; zp < str_obj(args[2])->nbytes;) {
                if (dict_set(d, val_from_smallint(sm_next(zd, &zp)), VAL_NONE) < 0) {
                    return 0;
                }
            }
        }
        return d;
    }
    Value x = args[0];
    if (!dict_check_exact(x)) {
        return err_format(&exc_TypeError,
                          "if you give only one argument to maketrans it must be a dict");
    }
    size_t it = 0;
    Value key, value;
    while (dict_next(x, &it, &key, &value)) {
        if (val_is_str(key)) {
            if (str_len(key) != 1) {
                return err_format(&exc_ValueError,
                                  "string keys in translate table must be of length 1");
            }
            key = val_from_smallint(str_getitem_cp(key, 0));
        } else if (!int_check(key)) {
            return err_format(&exc_TypeError,
                              "keys in translate table must be strings or integers");
        }
        if (dict_set(d, key, value) < 0) {
            return 0;
        }
    }
    return d;
}

// ---- construction ----------------------------------------------------------------------------

// An instance of the str subclass t with the text of s (CPython's
// unicode_subtype_new): allocated with t's basic size plus the text, the
// layout classes of variable-size builtins expect (type.h).
static Value sm_subtype_copy(Type *t, Value s) {
    StrObject *src = str_obj(s);
    StrObject *r = (StrObject *)gc_alloc(t, t->basic_size + src->nbytes + 1);
    if (!r) {
        return 0;
    }
    r->hash = src->hash;
    r->len = src->len;
    r->nbytes = src->nbytes;
    r->flags = src->flags & ~(uint32_t)STR_INTERNED;
    memcpy(r->data, src->data, src->nbytes + 1);
    return val_from_ptr(r);
}

// str(object='') and str(object=b'', encoding='utf-8', errors='strict').
Value str_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    Value a[3];
    if (sm_parse_keywords("str", args, nargs, kwnames, names, 3, a) < 0) {
        return 0;
    }
    for (int i = 1; i < 3; i++) {
        if (a[i] && !val_is_str(a[i])) {
            return err_format(&exc_TypeError, "str() argument '%s' must be str, not %s",
                              names[i], sm_clinic_name(a[i]));
        }
        if (a[i] && sm_cstr_arg(a[i]) < 0) {
            return 0;
        }
    }
    Value r;
    if (!a[0]) {
        r = str_empty();
    } else if (!a[1] && !a[2]) {
        r = obj_str(a[0]);
    } else if (buffer_check(a[0])) {
        // bytearray and memoryview are decoded from an exact bytes copy.
        Value b = val_is_bytes(a[0]) ? a[0] : bm_bytes_from_object(a[0]);
        if (!b) {
            return 0;
        }
        const char *enc = a[1] ? str_obj(a[1])->data : NULL;
        const char *errors = a[2] ? str_obj(a[2])->data : NULL;
        if (bytes_len(b) == 0) {
            r = codec_dev_check(enc, errors) < 0 ? 0 : str_empty();
        } else {
            r = codec_decode(b, bytes_data(b), bytes_len(b), enc, errors);
        }
    } else if (val_is_str(a[0])) {
        return err_format(&exc_TypeError, "decoding str is not supported");
    } else {
        return err_format(&exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                          str_type_name(a[0]));
    }
    if (!r) {
        return 0;
    }
    Type *t = (Type *)val_ptr(type);
    if (t == &type_str) {
        return r;
    }
    return sm_subtype_copy(t, r);
}

// ---- the rest ---------------------------------------------------------------------------------

static Value str_m_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.__getnewargs__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value copy = str_exact(self);
    if (copy == self && str_len(self) > 1) {
        copy = str_from_utf8(str_obj(self)->data, str_obj(self)->nbytes);
    }
    return copy ? tuple_from(&copy, 1) : 0;
}

// CPython's size of a compact str of this length and kind, which is what
// programs that print sys.getsizeof expect (krait's own layout is smaller
// for non-ASCII text).
static Value str_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StrObject *s = str_obj(self);
    if (s->flags & STR_ASCII) {
        return int_from_i64(48 + (int64_t)s->len + 1);
    }
    return int_from_i64(72 + ((int64_t)s->len + 1) * str_kind(s));
}

static Value str_m_encode(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value a[2];
    if (sm_parse_keywords("encode", args, nargs, kwnames, names, 2, a) < 0) {
        return 0;
    }
    for (int i = 0; i < 2; i++) {
        if (a[i] && !val_is_str(a[i])) {
            return err_format(&exc_TypeError, "encode() argument '%s' must be str, not %s",
                              names[i], sm_clinic_name(a[i]));
        }
        if (a[i] && sm_cstr_arg(a[i]) < 0) {
            return 0;
        }
    }
    return codec_encode(self, a[0] ? str_obj(a[0])->data : NULL,
                        a[1] ? str_obj(a[1])->data : NULL);
}

const MethodDef str_methods[] = {
    {"encode", str_m_encode, METH_DEFAULT,
     "encode($self, /, encoding='utf-8', errors='strict')\n--\n\n"
     "Encode the string using the codec registered for encoding."},
    {"replace", str_m_replace, METH_DEFAULT,
     "replace($self, old, new, count=-1, /)\n--\n\n"
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_m_split, METH_DEFAULT,
     "split($self, /, sep=None, maxsplit=-1)\n--\n\n"
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_m_rsplit, METH_DEFAULT,
     "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\n"
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_m_join, METH_DEFAULT,
     "join($self, iterable, /)\n--\n\n"
     "Concatenate any number of strings."},
    {"capitalize", str_m_capitalize, METH_DEFAULT,
     "capitalize($self, /)\n--\n\n"
     "Return a capitalized version of the string."},
    {"casefold", str_m_casefold, METH_DEFAULT,
     "casefold($self, /)\n--\n\n"
     "Return a version of the string suitable for caseless comparisons."},
    {"title", str_m_title, METH_DEFAULT,
     "title($self, /)\n--\n\n"
     "Return a version of the string where each word is titlecased."},
    {"center", str_m_center, METH_DEFAULT,
     "center($self, width, fillchar=' ', /)\n--\n\n"
     "Return a centered string of length width."},
    {"count", str_m_count, METH_DEFAULT,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences "
     "of substring sub in\nstring S[start:end]."},
    {"expandtabs", str_m_expandtabs, METH_DEFAULT,
     "expandtabs($self, /, tabsize=8)\n--\n\n"
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_m_find, METH_DEFAULT,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub "
     "is found."},
    {"partition", str_m_partition, METH_DEFAULT,
     "partition($self, sep, /)\n--\n\n"
     "Partition the string into three parts using the given separator."},
    {"index", str_m_index, METH_DEFAULT,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub "
     "is found."},
    {"ljust", str_m_ljust, METH_DEFAULT,
     "ljust($self, width, fillchar=' ', /)\n--\n\n"
     "Return a left-justified string of length width."},
    {"lower", str_m_lower, METH_DEFAULT,
     "lower($self, /)\n--\n\n"
     "Return a copy of the string converted to lowercase."},
    {"lstrip", str_m_lstrip, METH_DEFAULT,
     "lstrip($self, chars=None, /)\n--\n\n"
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_m_rfind, METH_DEFAULT,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring "
     "sub is found."},
    {"rindex", str_m_rindex, METH_DEFAULT,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring "
     "sub is found."},
    {"rjust", str_m_rjust, METH_DEFAULT,
     "rjust($self, width, fillchar=' ', /)\n--\n\n"
     "Return a right-justified string of length width."},
    {"rstrip", str_m_rstrip, METH_DEFAULT,
     "rstrip($self, chars=None, /)\n--\n\n"
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_m_rpartition, METH_DEFAULT,
     "rpartition($self, sep, /)\n--\n\n"
     "Partition the string into three parts using the given separator."},
    {"splitlines", str_m_splitlines, METH_DEFAULT,
     "splitlines($self, /, keepends=False)\n--\n\n"
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_m_strip, METH_DEFAULT,
     "strip($self, chars=None, /)\n--\n\n"
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_m_swapcase, METH_DEFAULT,
     "swapcase($self, /)\n--\n\n"
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_m_translate, METH_DEFAULT,
     "translate($self, table, /)\n--\n\n"
     "Replace each character in the string using the given translation table."},
    {"upper", str_m_upper, METH_DEFAULT,
     "upper($self, /)\n--\n\n"
     "Return a copy of the string converted to uppercase."},
    {"startswith", str_m_startswith, METH_DEFAULT,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the "
     "specified prefix, False otherwise."},
    {"endswith", str_m_endswith, METH_DEFAULT,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified "
     "suffix, False otherwise."},
    {"removeprefix", str_m_removeprefix, METH_DEFAULT,
     "removeprefix($self, prefix, /)\n--\n\n"
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_m_removesuffix, METH_DEFAULT,
     "removesuffix($self, suffix, /)\n--\n\n"
     "Return a str with the given suffix string removed if present."},
    {"isascii", str_m_isascii, METH_DEFAULT,
     "isascii($self, /)\n--\n\n"
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_m_islower, METH_DEFAULT,
     "islower($self, /)\n--\n\n"
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_m_isupper, METH_DEFAULT,
     "isupper($self, /)\n--\n\n"
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_m_istitle, METH_DEFAULT,
     "istitle($self, /)\n--\n\n"
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_m_isspace, METH_DEFAULT,
     "isspace($self, /)\n--\n\n"
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_m_isdecimal, METH_DEFAULT,
     "isdecimal($self, /)\n--\n\n"
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_m_isdigit, METH_DEFAULT,
     "isdigit($self, /)\n--\n\n"
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_m_isnumeric, METH_DEFAULT,
     "isnumeric($self, /)\n--\n\n"
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_m_isalpha, METH_DEFAULT,
     "isalpha($self, /)\n--\n\n"
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_m_isalnum, METH_DEFAULT,
     "isalnum($self, /)\n--\n\n"
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_m_isidentifier, METH_DEFAULT,
     "isidentifier($self, /)\n--\n\n"
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_m_isprintable, METH_DEFAULT,
     "isprintable($self, /)\n--\n\n"
     "Return True if the string is printable, False otherwise."},
    {"zfill", str_m_zfill, METH_DEFAULT,
     "zfill($self, width, /)\n--\n\n"
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_m_format, METH_DEFAULT,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions "
     "from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."},
    {"format_map", str_m_format_map, METH_DEFAULT,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions "
     "from mapping.\nThe substitutions are identified by braces ('{' and '}')."},
    {"__format__", str_m_format_spec, METH_DEFAULT,
     "__format__($self, format_spec, /)\n--\n\n"
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_m_maketrans, METH_STATIC,
     "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\n"
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_m_sizeof, METH_DEFAULT,
     "__sizeof__($self, /)\n--\n\n"
     "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_m_getnewargs, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};
