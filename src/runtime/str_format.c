// str_format.c - the two templating engines of str: str.format /
// format_map ("{0.name[key]!r:>{width}}") and printf-style formatting
// ("%-10s %(key)05.2f" % args). Both write into one StrBuf and hand each
// value to the format mini-language (format.c) or to its own conversions.
//
// Both parse the template as CPython 3.11 does, character by character
// with the same look-ahead, because their error messages and the order in
// which arguments are consumed before an error are observable:
//   - str.format (Objects/stringlib/unicode_format.h): a field is
//     field_name[!conversion][:spec]; a name is an argument number or a
//     keyword, then any mix of .attribute and [key] lookups; the spec may
//     hold nested fields, expanded recursively at most two levels deep;
//     automatic and manual numbering do not mix.
//   - % (PyUnicode_Format): flags, width and precision (either may be '*'
//     and consume an argument), an ignored h/l/L, then the conversion; one
//     non-tuple argument stands for a 1-tuple, and a mapping argument
//     makes %(key)s lookups possible.
// The syntax is ASCII, so both scan the UTF-8 bytes; positions that show
// in messages are converted to code point indices. bytes % args runs the
// same % engine over bytes, with its few conversions of its own.
#include <string.h>

#include "abstract.h"
#include "buffer.h"
#include "bytearray.h"
#include "bytes.h"
#include "bytes_methods.h"
#include "complex.h"
#include "dict.h"
#include "exceptions.h"
#include "float.h"
#include "format.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

// ---- str.format ---------------------------------------------------------------------------

typedef struct SfArgs {
    const Value *args;   // positional arguments (format_map: none, and it says so)
    size_t nargs;
    const Value *kwvalues;
    Value kwnames;       // tuple or 0
    Value mapping;       // format_map's mapping, or 0
    int auto_state;      // 0 unknown, 1 automatic, 2 manual numbering
    int64_t auto_next;
} SfArgs;

// A byte range of the template.
typedef struct SfSpan {
    size_t start, end;
} SfSpan;

// CPython's get_integer: the value of a non-empty run of decimal digits
// (any Unicode decimal digit), -1 if the text is not one, -2 with
// ValueError when it overflows.
static int64_t sf_integer(const char *p, size_t n) {
    if (n == 0) {
        return -1;
    }
    const unsigned char *d = (const unsigned char *)p;
    int64_t acc = 0;
    for (size_t pos = 0; pos < n;) {
        size_t k;
        uint32_t cp = str_decode_cp(d + pos, &k);
        pos += k;
        int digit = cp < 128 ? (cp >= '0' && cp <= '9' ? (int)cp - '0' : -1) : uni_decimal(cp);
        if (digit < 0) {
            return -1;
        }
        if (acc > (INT64_MAX - digit) / 10) {
            err_format(&exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + digit;
    }
    return acc;
}

// The object a field name designates.
static Value sf_field_object(const char *t, SfSpan name, SfArgs *a) {
    size_t i = name.start;
    while (i < name.end && t[i] != '.' && t[i] != '[') {
        i++;
    }
    int64_t index = sf_integer(t + name.start, i - name.start);
    if (index == -2) {
        return 0;
    }
    bool empty = i == name.start;
    bool numeric = empty || index >= 0;
    if (numeric) {
        if (a->auto_state == 0) {
            a->auto_state = empty ? 1 : 2;
        }
        if (a->auto_state == 2 && empty) {
            return err_format(&exc_ValueError, "cannot switch from manual field specification "
                                               "to automatic field numbering");
        }
        if (a->auto_state == 1 && !empty) {
            return err_format(&exc_ValueError, "cannot switch from automatic field numbering "
                                               "to manual field specification");
        }
        if (empty) {
            index = a->auto_next++;
        }
    }
    Value obj;
    if (index < 0) {
        Value key = str_from_utf8(t + name.start, i - name.start);
        if (!key) {
            return 0;
        }
        if (a->mapping) {
            obj = obj_getitem(a->mapping, key);
        } else {
            obj = 0;
            size_t nkw = a->kwnames ? tuple_obj(a->kwnames)->len : 0;
            for (size_t k = 0; k < nkw; k++) {
                if (str_equal(tuple_obj(a->kwnames)->items[k], key)) {
                    obj = a->kwvalues[k];
                    break;
                }
            }
            if (!obj) {
                return err_key_error(key);
            }
        }
        if (!obj) {
            return 0;
        }
    } else {
        if (a->mapping) {
            return err_format(&exc_ValueError, "Format string contains positional fields");
        }
        if ((uint64_t)index >= a->nargs) {
            return err_format(&exc_IndexError,
                              "Replacement index %lld out of range for positional args tuple",
                              (long long)index);
        }
        obj = a->args[index];
    }
    // The rest: .attribute and [key] lookups.
    while (i < name.end) {
        char c = t[i++];
        size_t start = i;
        Value next;
        if (c == '.') {
            while (i < name.end && t[i] != '.' && t[i] != '[') {
                i++;
            }
            if (i == start) {
                return err_format(&exc_ValueError, "Empty attribute in format string");
            }
            Value attr = str_from_utf8(t + start, i - start);
            next = attr ? obj_getattr(obj, attr) : 0;
        } else if (c == '[') {
            while (i < name.end && t[i] != ']') {
                i++;
            }
            if (i == name.end) {
                return err_format(&exc_ValueError, "Missing ']' in format string");
            }
            size_t end = i++;
            if (end == start) {
                return err_format(&exc_ValueError, "Empty attribute in format string");
            }
            int64_t idx = sf_integer(t + start, end - start);
            if (idx == -2) {
                return 0;
            }
            Value key = idx >= 0 ? int_from_i64(idx) : str_from_utf8(t + start, end - start);
            next = key ? obj_getitem(obj, key) : 0;
        } else {
            return err_format(&exc_ValueError,
                              "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (!next) {
            return 0;
        }
        obj = next;
    }
    return obj;
}

static int sf_build(StrBuf *out, const char *t, SfSpan span, SfArgs *a, int depth);

// Parse the field that starts after a '{' at *pos (CPython's parse_field),
// then render it.
static int sf_field(StrBuf *out, const char *t, size_t *pos, size_t end, SfArgs *a, int depth) {
    size_t i = *pos;
    SfSpan name = {i, i};
    char c = 0;
    while (i < end) {
        c = t[i++];
        if (c == '{') {
            err_format(&exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < end && t[i] != ']') {
                i++;
            }
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
    }
    name.end = i - 1;
    uint32_t conversion = 0;
    SfSpan spec = {0, 0};
    bool expand = false;
    if (c == '!' || c == ':') {
        bool done = false;
        if (c == '!') {
            if (i >= end) {
                err_format(&exc_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            size_t k;
            conversion = str_decode_cp((const unsigned char *)t + i, &k);
            i += k;
            if (i < end) {
                c = t[i++];
                if (c == '}') {
                    done = true;
                } else if (c != ':') {
                    err_format(&exc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        if (!done) {
            spec.start = i;
            int count = 1;
            while (i < end) {
                c = t[i++];
                if (c == '{') {
                    expand = true;
                    count++;
                } else if (c == '}' && --count == 0) {
                    break;
                }
            }
            if (count != 0) {
                err_format(&exc_ValueError, "unmatched '{' in format spec");
                return -1;
            }
            spec.end = i - 1;
        }
    } else if (c != '}') {
        err_format(&exc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *pos = i;

    Value obj = sf_field_object(t, name, a);
    if (!obj) {
        return -1;
    }
    switch (conversion) {
    case 0: break;
    case 'r': obj = obj_repr(obj); break;
    case 's': obj = obj_str(obj); break;
    case 'a': obj = obj_ascii(obj); break;
    default:
        if (conversion > 32 && conversion < 127) {
            err_format(&exc_ValueError, "Unknown conversion specifier %c", (char)conversion);
        } else {
            err_format(&exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conversion);
        }
        return -1;
    }
    if (!obj) {
        return -1;
    }
    Value spec_str;
    if (expand) {
        StrBuf sb;
        sb_init(&sb);
        if (sf_build(&sb, t, spec, a, depth - 1) < 0) {
            sb_free(&sb);
            return -1;
        }
        spec_str = str_from_strbuf(&sb);
    } else {
        spec_str = str_from_utf8(t + spec.start, spec.end - spec.start);
    }
    if (!spec_str) {
        return -1;
    }
    return format_into(out, obj, spec_str);
}

// Render t[span] into out (CPython's build_string / do_markup).
static int sf_build(StrBuf *out, const char *t, SfSpan span, SfArgs *a, int depth) {
    if (depth <= 0) {
        err_format(&exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    size_t pos = span.start, end = span.end;
    while (pos < end) {
        size_t start = pos;
        char c = 0;
        bool markup = false;
        while (pos < end) {
            c = t[pos++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = pos >= end;
        size_t len = pos - start;
        if (c == '}' && markup && (at_end || t[pos] != '}')) {
            err_format(&exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (at_end && c == '{' && markup) {
            err_format(&exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (!at_end && markup) {
            if (t[pos] == c) {
                pos++;  // an escaped brace: literal text only
                markup = false;
            } else {
                len--;
            }
        }
        sb_put(out, t + start, len);
        if (markup && sf_field(out, t, &pos, end, a, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

Value str_format_template(Value fmt, const Value *args, size_t nargs, Value kwnames,
                          Value mapping) {
    StrObject *f = str_obj(fmt);
    if (!memchr(f->data, '{', f->nbytes) && !memchr(f->data, '}', f->nbytes)) {
        return fmt;  // CPython returns the template itself (even a subclass instance)
    }
    SfArgs a = {args, nargs, args + nargs, kwnames, mapping, 0, 0};
    StrBuf *out = format_scratch_begin();
    sb_reserve(out, f->nbytes + 64);
    if (sf_build(out, f->data, (SfSpan){0, f->nbytes}, &a, 2) < 0) {
        format_scratch_end(out);
        return 0;
    }
    return format_scratch_str(out);
}

Value str_m_format(Value self, const Value *args, size_t nargs, Value kwnames) {
    return str_format_template(self, args, nargs, kwnames, 0);
}

Value str_m_format_map(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("str.format_map", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return str_format_template(self, args, 0, 0, args[0]);
}

// ---- printf-style formatting ----------------------------------------------------------------

enum { PF_LJUST = 1, PF_SIGN = 2, PF_BLANK = 4, PF_ALT = 8, PF_ZERO = 16 };

typedef struct PfState {
    const unsigned char *t;
    size_t pos, end;     // byte positions in the template
    bool bytes;          // bytes % args: the template and the result are bytes
    bool exhausted;      // a read ran past the end (CPython's fmtcnt < 0)
    Value args;          // the current argument source
    int64_t arglen;      // -1: args is one object, not a tuple
    int64_t argidx;
    Value dict;          // args when it is a mapping, else 0
} PfState;

typedef struct PfArg {
    uint32_t ch;
    int flags;
    int64_t width;       // -1: none
    int64_t prec;        // -1: none
    bool sign;           // a number: sign and zero padding apply
} PfArg;

// Read the next template character into *ch (CPython's `--fmtcnt >= 0`
// followed by a read): false once the template is exhausted.
static bool pf_read(PfState *s, uint32_t *ch) {
    if (s->exhausted || s->pos >= s->end) {
        s->exhausted = true;
        return false;
    }
    if (s->bytes) {
        *ch = s->t[s->pos++];
        return true;
    }
    size_t k;
    *ch = str_decode_cp(s->t + s->pos, &k);
    s->pos += k;
    return true;
}

static Value pf_next_arg(PfState *s) {
    if (s->argidx < s->arglen) {
        int64_t i = s->argidx++;
        return s->arglen < 0 ? s->args : tuple_obj(s->args)->items[i];
    }
    return err_format(&exc_TypeError, "not enough arguments for format string");
}

// A '*' width or precision.
static int pf_star(PfState *s, int64_t *out, bool is_prec) {
    Value v = pf_next_arg(s);
    if (!v) {
        return -1;
    }
    if (!int_check(v)) {
        err_format(&exc_TypeError, "* wants int");
        return -1;
    }
    if (int_to_i64(v, out) < 0 || (is_prec && (*out > INT32_MAX || *out < INT32_MIN))) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C %s",
                   is_prec ? "int" : "ssize_t");
        return -1;
    }
    return 0;
}

static int pf_parse(PfState *s, PfArg *arg) {
    if (s->pos < s->end && s->t[s->pos] == '(') {
        if (!s->dict) {
            err_format(&exc_TypeError, "format requires a mapping");
            return -1;
        }
        s->pos++;
        size_t keystart = s->pos;
        int pcount = 1;
        uint32_t c;
        while (pcount > 0 && pf_read(s, &c)) {
            if (c == ')') {
                pcount--;
            } else if (c == '(') {
                pcount++;
            }
        }
        if (s->exhausted || pcount > 0) {
            err_format(&exc_ValueError, "incomplete format key");
            return -1;
        }
        const char *kp = (const char *)s->t + keystart;
        size_t kn = s->pos - keystart - 1;
        Value key = s->bytes ? bytes_from(kp, kn) : str_from_utf8(kp, kn);
        Value v = key ? obj_getitem(s->dict, key) : 0;
        if (!v) {
            return -1;
        }
        s->args = v;
        s->arglen = -1;
        s->argidx = -2;
    }
    while (pf_read(s, &arg->ch)) {
        switch (arg->ch) {
        case '-': arg->flags |= PF_LJUST; continue;
        case '+': arg->flags |= PF_SIGN; continue;
        case ' ': arg->flags |= PF_BLANK; continue;
        case '#': arg->flags |= PF_ALT; continue;
        case '0': arg->flags |= PF_ZERO; continue;
        }
        break;
    }
    if (arg->ch == '*') {
        if (pf_star(s, &arg->width, false) < 0) {
            return -1;
        }
        if (arg->width < 0) {
            arg->flags |= PF_LJUST;
            arg->width = -arg->width;
        }
        pf_read(s, &arg->ch);
    } else if (arg->ch >= '0' && arg->ch <= '9') {
        arg->width = arg->ch - '0';
        while (pf_read(s, &arg->ch)) {
            if (arg->ch < '0' || arg->ch > '9') {
                break;
            }
            if (arg->width > (INT64_MAX - (arg->ch - '0')) / 10) {
                err_format(&exc_ValueError, "width too big");
                return -1;
            }
            arg->width = arg->width * 10 + (arg->ch - '0');
        }
    }
    if (arg->ch == '.') {
        arg->prec = 0;
        pf_read(s, &arg->ch);
        if (arg->ch == '*') {
            if (pf_star(s, &arg->prec, true) < 0) {
                return -1;
            }
            if (arg->prec < 0) {
                arg->prec = 0;
            }
            pf_read(s, &arg->ch);
        } else if (arg->ch >= '0' && arg->ch <= '9') {
            arg->prec = arg->ch - '0';
            while (pf_read(s, &arg->ch)) {
                if (arg->ch < '0' || arg->ch > '9') {
                    break;
                }
                if (arg->prec > (INT32_MAX - (arg->ch - '0')) / 10) {
                    err_format(&exc_ValueError, "precision too big");
                    return -1;
                }
                arg->prec = arg->prec * 10 + (arg->ch - '0');
            }
        }
    }
    if (!s->exhausted && (arg->ch == 'h' || arg->ch == 'l' || arg->ch == 'L')) {
        pf_read(s, &arg->ch);
    }
    if (s->exhausted) {
        err_format(&exc_ValueError, "incomplete format");
        return -1;
    }
    return 0;
}

// Whether v is a number as PyNumber_Check sees it.
static bool pf_is_number(Value v) {
    Type *t = type_of(v);
    return t->index || t->to_int || t->to_float || complex_check(v) || float_check(v) ||
           int_check(v);
}

// %d %i %u %o %x %X: the digits as _PyUnicode_FormatLong writes them.
static int pf_format_long(StrBuf *out, Value v, PfArg *arg, bool bytes) {
    char type = (char)arg->ch;
    if (bytes && type == 'i') {
        type = 'd';  // bytes formatting names %i "%d" in its messages
    }
    if (!pf_is_number(v)) {
        goto wrongtype;
    }
    Value iv = v;
    if (!int_check(v)) {
        if (type == 'o' || type == 'x' || type == 'X') {
            iv = type_of(v)->index ? obj_index(v) : 0;
            if (!type_of(v)->index) {
                goto wrongtype;
            }
        } else if (float_check(v)) {
            iv = int_from_double(float_value(v));
        } else if (type_of(v)->to_int) {
            iv = type_of(v)->to_int(v);
            if (iv && !int_check(iv)) {
                err_format(&exc_TypeError, "__int__ returned non-int (type %s)",
                           str_type_name(iv));
                return -1;
            }
        } else if (type_of(v)->index) {
            iv = obj_index(v);
        } else {
            goto wrongtype;
        }
        if (!iv) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                goto wrongtype;
            }
            return -1;
        }
    }
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    StrBuf d;
    sb_init(&d);
    bool negative;
    if (format_int_digits(&d, iv, base, &negative) < 0) {
        sb_free(&d);
        return -1;
    }
    if (arg->prec > INT32_MAX - 3) {
        sb_free(&d);
        err_format(&exc_OverflowError, "precision too large");
        return -1;
    }
    if (negative) {
        sb_putc(out, '-');
    }
    if ((arg->flags & PF_ALT) && base != 10) {
        sb_putc(out, '0');
        sb_putc(out, type == 'o' ? 'o' : type);
    }
    for (int64_t i = (int64_t)d.len; i < arg->prec; i++) {
        sb_putc(out, '0');
    }
    if (type == 'X') {
        for (size_t i = 0; i < d.len; i++) {
            if (d.data[i] >= 'a') {
                d.data[i] = (char)(d.data[i] - 32);
            }
        }
    }
    sb_put(out, d.data, d.len);
    sb_free(&d);
    return 0;
wrongtype:
    if (type == 'o' || type == 'x' || type == 'X') {
        err_format(&exc_TypeError, "%%%c format: an integer is required, not %s", type,
                   str_type_name(v));
    } else {
        err_format(&exc_TypeError, "%%%c format: a real number is required, not %s", type,
                   str_type_name(v));
    }
    return -1;
}

// PyFloat_AsDouble: a float, or anything with __float__ or __index__.
static int pf_as_double(Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    if (int_check(v)) {
        return int_as_double(v, out);
    }
    Type *t = type_of(v);
    if (t->to_float) {
        Value f = t->to_float(v);
        if (!f) {
            return -1;
        }
        if (!float_check(f)) {
            err_format(&exc_TypeError, "%s.__float__ returned non-float (type %s)", t->name,
                       str_type_name(f));
            return -1;
        }
        *out = float_value(f);
        return 0;
    }
    if (t->index) {
        Value i = obj_index(v);
        return i ? int_as_double(i, out) : -1;
    }
    err_format(&exc_TypeError, "must be real number, not %s", t->name);
    return -1;
}

// Write the converted text `str` (a str) with the argument's padding and
// sign handling (CPython's unicode_format_arg_output).
static void pf_output(StrBuf *out, PfArg *arg, const char *p, size_t nbytes, int64_t len,
                      bool bytes) {
    uint32_t fill = (arg->sign && (arg->flags & PF_ZERO)) ? '0' : ' ';
    if ((arg->width == -1 || arg->width <= len) && (arg->prec == -1 || arg->prec >= len) &&
        !(arg->flags & (PF_SIGN | PF_BLANK))) {
        sb_put(out, p, nbytes);
        return;
    }
    if ((arg->ch == 's' || arg->ch == 'r' || arg->ch == 'a' || (bytes && arg->ch == 'b')) &&
        arg->prec >= 0 && len > arg->prec) {
        len = arg->prec;
        // Cut to `len` code points (bytes).
        size_t b = 0;
        for (int64_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)p[b];
            b += bytes || c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        }
        nbytes = b;
    }
    char signchar = 0;
    if (arg->sign) {
        if (nbytes > 0 && (p[0] == '-' || p[0] == '+')) {
            signchar = p[0];
            p++;
            nbytes--;
            len--;
        } else if (arg->flags & PF_SIGN) {
            signchar = '+';
        } else if (arg->flags & PF_BLANK) {
            signchar = ' ';
        } else {
            arg->sign = false;
        }
    }
    int64_t width = arg->width < len ? len : arg->width;
    if (arg->sign) {
        if (fill != ' ') {
            sb_putc(out, signchar);
        }
        if (width > len) {
            width--;
        }
    }
    bool prefix = (arg->flags & PF_ALT) && (arg->ch == 'x' || arg->ch == 'X' || arg->ch == 'o');
    if (prefix) {
        if (fill != ' ') {
            sb_put(out, p, 2);
            p += 2;
            nbytes -= 2;
        }
        width -= 2;
        if (width < 0) {
            width = 0;
        }
        len -= 2;
    }
    if (width > len && !(arg->flags & PF_LJUST)) {
        for (int64_t i = 0; i < width - len; i++) {
            sb_putc(out, (char)fill);
        }
        width = len;
    }
    if (fill == ' ') {
        if (arg->sign) {
            sb_putc(out, signchar);
        }
        if (prefix) {
            sb_put(out, p, 2);
            p += 2;
            nbytes -= 2;
        }
    }
    sb_put(out, p, nbytes);
    for (int64_t i = len; i < width; i++) {
        sb_putc(out, ' ');
    }
}

// The conversions where bytes formatting differs from str's: %s and %b
// (bytes, __bytes__), %r and %a (ascii()), %c (a byte). 1 when done, 0 for
// the shared numeric conversions, -1 on error.
static int pf_format_bytes_arg(StrBuf *out, PfState *s, PfArg *arg, Value v) {
    switch (arg->ch) {
    case 's':
    case 'b': {
        Value b = v;
        if (!val_is_bytes(v)) {
            static Value name;
            if (!name && !(name = str_intern_cstr("__bytes__"))) {
                return -1;
            }
            Value meth = type_lookup(type_of(v), name);
            if (!meth && !err_occurred() && buffer_check(v)) {
                b = bm_bytes_from_object(v);  // bytearray, memoryview
                if (!b) {
                    return -1;
                }
            } else if (!meth) {
                if (!err_occurred()) {
                    err_format(&exc_TypeError,
                               "%%b requires a bytes-like object, or an object that implements "
                               "__bytes__, not '%s'",
                               str_type_name(v));
                }
                return -1;
            }
            if (meth) {
                b = obj_call1(meth, v);
            }
            if (!b) {
                return -1;
            }
            if (!val_is_bytes(b)) {
                err_format(&exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                           str_type_name(b));
                return -1;
            }
        }
        pf_output(out, arg, bytes_data(b), bytes_len(b), (int64_t)bytes_len(b), true);
        return 1;
    }
    case 'r':
    case 'a': {
        Value a = obj_ascii(v);
        if (!a) {
            return -1;
        }
        pf_output(out, arg, str_obj(a)->data, str_obj(a)->nbytes, (int64_t)str_len(a), true);
        return 1;
    }
    case 'c': {
        char c;
        if (val_is_bytes(v) && bytes_len(v) == 1) {
            c = bytes_data(v)[0];
        } else if (bytearray_check(v) && bytearray_obj(v)->len == 1) {
            c = bytearray_obj(v)->data[0];
        } else {
            int64_t x;
            int overflow;
            int k = str_index_arg(v, &x, &overflow);
            if (k < 0) {
                return -1;
            }
            if (k == 0) {
                err_format(&exc_TypeError,
                           "%%c requires an integer in range(256) or a single byte");
                return -1;
            }
            if (overflow || x < 0 || x > 255) {
                err_format(&exc_OverflowError, "%%c arg not in range(256)");
                return -1;
            }
            c = (char)x;
        }
        pf_output(out, arg, &c, 1, 1, true);
        return 1;
    }
    default:
        return 0;
    }
}

// One conversion: its argument formatted into out.
static int pf_format_arg(StrBuf *out, PfState *s, PfArg *arg) {
    Value v = pf_next_arg(s);
    if (!v) {
        return -1;
    }
    StrBuf tmp;
    sb_init(&tmp);
    Value str = 0;
    int rc = 0;
    if (s->bytes) {
        int done = pf_format_bytes_arg(out, s, arg, v);
        if (done != 0) {
            return done < 0 ? -1 : 0;
        }
    }
    switch (arg->ch) {
    case 's':
    case 'r':
    case 'a':
        str = arg->ch == 's' ? (val_is_ptr(v) && val_ptr(v)->type == &type_str ? v : obj_str(v))
              : arg->ch == 'r' ? obj_repr(v)
                               : obj_ascii(v);
        if (!str) {
            return -1;
        }
        pf_output(out, arg, str_obj(str)->data, str_obj(str)->nbytes, (int64_t)str_len(str), false);
        return 0;
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
        rc = pf_format_long(&tmp, v, arg, s->bytes);
        arg->sign = true;
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double x;
        rc = pf_as_double(v, &x);
        if (rc < 0 && s->bytes) {
            err_clear();
            err_format(&exc_TypeError, "float argument required, not %s", str_type_name(v));
        }
        if (rc == 0) {
            format_double(&tmp, x, (char)arg->ch, arg->prec < 0 ? 6 : (int)arg->prec,
                          (arg->flags & PF_ALT) ? FORMAT_DTOA_ALT : 0);
        }
        arg->sign = true;
        break;
    }
    case 'c': {
        uint32_t ch = 0;
        if (val_is_str(v)) {
            if (str_len(v) != 1) {
                err_format(&exc_TypeError, "%%c requires int or char");
                return -1;
            }
            ch = str_getitem_cp(v, 0);
        } else {
            int64_t x;
            int overflow;
            int k = str_index_arg(v, &x, &overflow);
            if (k < 0) {
                return -1;
            }
            if (k == 0) {
                err_format(&exc_TypeError, "%%c requires int or char");
                return -1;
            }
            if (overflow || x < 0 || x > 0x10FFFF) {
                err_format(&exc_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            ch = (uint32_t)x;
        }
        char b[4];
        int n = utf8_encode(ch, b);
        sb_put(&tmp, b, (size_t)n);
        pf_output(out, arg, tmp.data, tmp.len, 1, s->bytes);
        sb_free(&tmp);
        return 0;
    }
    default: {
        if (s->bytes && arg->ch >= 0x80) {
            // CPython formats this message with a negative char and loses it.
            err_format(&exc_ValueError, "%s", "");
            return -1;
        }
        size_t at = s->bytes ? s->pos - 1 : str_count_cps((const char *)s->t, s->pos) - 1;
        err_format(&exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                   arg->ch >= 31 && arg->ch <= 126 ? (char)arg->ch : '?', (unsigned)arg->ch, at);
        return -1;
    }
    }
    if (rc < 0) {
        sb_free(&tmp);
        return -1;
    }
    pf_output(out, arg, tmp.data, tmp.len, (int64_t)tmp.len, s->bytes);
    sb_free(&tmp);
    return 0;
}

// fmt % args for a str or bytes template t[0..n): the result's text in
// *out. 1 when the template holds no conversion at all (the caller returns
// the template itself), 0 done, -1 on error.
static int pf_run(StrBuf *out, const char *t, size_t n, bool bytes, Value args) {
    const char *what = bytes ? "bytes" : "string";
    PfState s = {(const unsigned char *)t, 0, n, bytes, false, args, -1, -2, 0};
    if (tuple_check(args)) {
        s.arglen = (int64_t)tuple_obj(args)->len;
        s.argidx = 0;
    }
    // Any other subscriptable argument is the mapping of %(name)s conversions
    // (so 'x' % [] is 'x', as in CPython); bytes formatting also leaves out
    // bytes and bytearray.
    if (type_of(args)->getitem && !tuple_check(args) && !val_is_str(args) &&
        !(bytes && (val_is_bytes(args) || bytearray_check(args)))) {
        s.dict = args;
    }
    if (!memchr(t, '%', n)) {
        if (s.argidx < s.arglen && !s.dict) {
            err_format(&exc_TypeError, "not all arguments converted during %s formatting", what);
            return -1;
        }
        return 1;
    }
    sb_reserve(out, n + 64);
    while (s.pos < s.end) {
        const char *pct = memchr(t + s.pos, '%', s.end - s.pos);
        size_t stop = pct ? (size_t)(pct - t) : s.end;
        sb_put(out, t + s.pos, stop - s.pos);
        s.pos = stop;
        if (!pct) {
            break;
        }
        s.pos++;
        if (s.pos < s.end && s.t[s.pos] == '%') {
            sb_putc(out, '%');
            s.pos++;
            continue;
        }
        PfArg arg = {0, 0, -1, -1, false};
        s.exhausted = false;
        if (pf_parse(&s, &arg) < 0 || pf_format_arg(out, &s, &arg) < 0) {
            return -1;
        }
        if (s.dict && s.argidx < s.arglen) {
            err_format(&exc_TypeError, "not all arguments converted during %s formatting", what);
            return -1;
        }
    }
    if (s.argidx < s.arglen && !s.dict) {
        err_format(&exc_TypeError, "not all arguments converted during %s formatting", what);
        return -1;
    }
    return 0;
}

Value str_mod(Value fmt, Value args) {
    if (!val_is_str(fmt)) {
        return VAL_NOTIMPLEMENTED;
    }
    StrBuf *out = format_scratch_begin();
    int r = pf_run(out, str_obj(fmt)->data, str_obj(fmt)->nbytes, false, args);
    if (r != 0) {
        format_scratch_end(out);
        return r < 0 ? 0 : fmt;  // CPython returns the template itself (even a subclass)
    }
    return format_scratch_str(out);
}

Value bytes_mod(Value fmt, Value args) {
    if (!val_is_bytes(fmt)) {
        return VAL_NOTIMPLEMENTED;
    }
    StrBuf *out = format_scratch_begin();
    int r = pf_run(out, bytes_data(fmt), bytes_len(fmt), true, args);
    if (r < 0) {
        format_scratch_end(out);
        return 0;
    }
    Value b = r == 1 ? bytes_from(bytes_data(fmt), bytes_len(fmt))
                     : bytes_from(out->data ? out->data : "", out->len);
    format_scratch_end(out);
    return b;
}
