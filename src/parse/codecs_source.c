// codecs_source.c - decoding PEP 263 source encodings, and CPython's UTF-8
// error descriptions.
//
// CPython decodes a declared source encoding by handing the whole source
// (after the BOM, newlines already translated) to the codec registry, and
// then encoding the result to UTF-8 for the tokenizer. Whatever goes wrong
// on the way becomes the text of a SyntaxError at line 0. So krait must
// reproduce, for every codec that can decode bytes to text, both the text
// and the exact str() of each exception that path can raise:
//
// * Name resolution follows encodings.search_function: the declared name is
//   normalized (runs of characters other than letters, digits and '.' become
//   one '_'), then looked up as an alias (also with '.' replaced by '_'),
//   then as a module name. Unknown names give "unknown encoding: NAME";
//   bytes-to-bytes codecs give "'NAME' is not a text encoding; ...". NAME is
//   always the name as declared.
// * C codecs raise UnicodeDecodeError, whose text names the codec's error
//   name (not the declared name) and the failing byte range; each decoder
//   below reports exactly the range CPython's does.
// * Codecs written in Python that raise a plain UnicodeError with one
//   string argument (undefined, punycode, idna) have it rewrapped by the
//   codec machinery: "decoding with 'NAME' codec failed (UnicodeError: ...)".
// * Decoding can succeed with lone surrogates (utf-7, the escape codecs,
//   punycode); the UTF-8 encoding that follows then fails with "'utf-8'
//   codec can't encode character '\udXXX' in position N: surrogates not
//   allowed", N counting code points of the decoded text. The Sink tracks
//   that while decoding.
//
// The multibyte (CJK) codecs live in codecs_cjk.inc, with their own essay.
// The tables (aliases, charmaps, CJK) come from python3.11 itself, through
// tools/gen_source_codecs.py.
#include "codecs_source.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/unicode.h"
#include "../runtime/unicode_names.h"
#include "source_codecs.h"

// \N{...} in the unicode_escape codec needs the name table. It is weak so
// that small drivers that link this file without unicode_names.c (the
// tokenizer's unit tests) still link; there, \N{...} is reported as
// unsupported instead. (From a static archive, a weak reference alone does
// not pull unicode_names.o in; the parser's string literals do.)
extern int uni_lookup_name(const char *name, size_t len, uint32_t *cp) __attribute__((weak));

// ---------------------------------------------------------------------------
// UTF-8 validation with CPython's error ranges

#define IS_CONT(b) (((b) & 0xC0) == 0x80)

// One step of CPython's strict UTF-8 decoder at s (n > 0 bytes left).
// Returns the length of a valid sequence, or 0 with *errlen (bytes covered
// by the error) and *why set.
static int u8_step(const unsigned char *s, size_t n, size_t *errlen, const char **why) {
    unsigned c = s[0];
    if (c < 0x80) {
        return 1;
    }
    if (c < 0xC2) {
        goto invalid_start;
    }
    if (c < 0xE0) {
        if (n < 2) {
            goto end_of_data;
        }
        if (!IS_CONT(s[1])) {
            *errlen = 1;
            goto invalid_cont;
        }
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3) {
            if (n >= 2 && (!IS_CONT(s[1]) || (s[1] < 0xA0 ? c == 0xE0 : c == 0xED))) {
                *errlen = 1;
                goto invalid_cont;
            }
            goto end_of_data;
        }
        // E0 needs A0..BF (no overlong forms), ED needs 80..9F (no surrogates).
        if (!IS_CONT(s[1]) || (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)) {
            *errlen = 1;
            goto invalid_cont;
        }
        if (!IS_CONT(s[2])) {
            *errlen = 2;
            goto invalid_cont;
        }
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4) {
            if (n >= 2) {
                if (!IS_CONT(s[1]) || (s[1] < 0x90 ? c == 0xF0 : c == 0xF4)) {
                    *errlen = 1;
                    goto invalid_cont;
                }
                if (n >= 3 && !IS_CONT(s[2])) {
                    *errlen = 2;
                    goto invalid_cont;
                }
            }
            goto end_of_data;
        }
        if (!IS_CONT(s[1]) || (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)) {
            *errlen = 1;
            goto invalid_cont;
        }
        if (!IS_CONT(s[2])) {
            *errlen = 2;
            goto invalid_cont;
        }
        if (!IS_CONT(s[3])) {
            *errlen = 3;
            goto invalid_cont;
        }
        return 4;
    }
invalid_start:
    *errlen = 1;
    *why = "invalid start byte";
    return 0;
end_of_data:
    *errlen = n;
    *why = "unexpected end of data";
    return 0;
invalid_cont:
    *why = "invalid continuation byte";
    return 0;
}

// The text of a UnicodeDecodeError over s[start..end).
static void format_decode_error(char *msg, size_t msgsize, const char *codec,
                                const unsigned char *s, size_t start, size_t end,
                                const char *why) {
    if (end - start == 1) {
        snprintf(msg, msgsize, "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec,
                 s[start], start, why);
    } else {
        snprintf(msg, msgsize, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec,
                 start, end - 1, why);
    }
}

int utf8_strict_error(const char *s, size_t len, char *msg, size_t msgsize) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t errlen = 0;
        const char *why = NULL;
        int k = u8_step(u + i, len - i, &errlen, &why);
        if (k == 0) {
            format_decode_error(msg, msgsize, "utf-8", u, i, i + errlen, why);
            return 1;
        }
        i += (size_t)k;
    }
    return 0;
}

size_t utf8_next_replace(const char *s, size_t n, int *valid) {
    const unsigned char *u = (const unsigned char *)s;
    size_t errlen = 0;
    const char *why = NULL;
    int k = u[0] < 0x80 ? 1 : u8_step(u, n, &errlen, &why);
    *valid = k > 0;
    return k > 0 ? (size_t)k : errlen;
}

size_t utf8_replace_count(const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, count = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
        } else {
            size_t errlen = 0;
            const char *why = NULL;
            int k = u8_step(u + i, len - i, &errlen, &why);
            i += k ? (size_t)k : errlen;
        }
        count++;
    }
    return count;
}

// ---------------------------------------------------------------------------
// The decoded text

// Where decoders put code points: UTF-8 into out, counting code points and
// remembering the first run of lone surrogates (which the UTF-8 encoding of
// the result will refuse; they are not stored).
typedef struct Sink {
    StrBuf *out;
    size_t count;
    size_t sur_start, sur_end;
    uint32_t sur_cp;
    int has_sur;
} Sink;

static void sink_put(Sink *k, uint32_t cp) {
    if (cp < 0x80) {
        sb_putc(k->out, (char)cp);
    } else if (cp >= 0xD800 && cp < 0xE000) {
        if (!k->has_sur) {
            k->has_sur = 1;
            k->sur_start = k->count;
            k->sur_end = k->count + 1;
            k->sur_cp = cp;
        } else if (k->sur_end == k->count) {
            k->sur_end++;
        }
    } else {
        char tmp[4];
        sb_put(k->out, tmp, (size_t)utf8_encode(cp, tmp));
    }
    k->count++;
}

// A decoder's result: SRC_CODEC_OK, or an error whose text is in msg.
typedef struct DecodeCtx {
    const char *declared;   // the encoding name as declared
    const CodecInfoEntry *info;
    Sink sink;
    char *msg;
    size_t msgsize;
} DecodeCtx;

static SourceCodecResult decode_error(DecodeCtx *d, const char *codec, const unsigned char *s,
                                      size_t start, size_t end, const char *why) {
    format_decode_error(d->msg, d->msgsize, codec, s, start, end, why);
    return SRC_CODEC_DECODE_ERROR;
}

// A plain UnicodeError from a codec written in Python, as the codec
// machinery rewraps it.
static SourceCodecResult wrapped_error(DecodeCtx *d, const char *text) {
    snprintf(d->msg, d->msgsize, "decoding with '%s' codec failed (UnicodeError: %s)",
             d->declared, text);
    return SRC_CODEC_DECODE_ERROR;
}

// ---------------------------------------------------------------------------
// UTF-16, UTF-32

// byteorder: -1 little-endian, 1 big-endian, 0 read a BOM (default: little,
// CPython's native order on the machines krait targets).
static SourceCodecResult decode_utf16(DecodeCtx *d, const unsigned char *s, size_t n,
                                      int byteorder) {
    size_t i = 0;
    if (byteorder == 0) {
        if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
            byteorder = -1;
            i = 2;
        } else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
            byteorder = 1;
            i = 2;
        } else {
            byteorder = -1;
        }
    }
    const char *name = byteorder < 0 ? "utf-16-le" : "utf-16-be";
    int hi = byteorder > 0 ? 0 : 1;
#define UNIT(p) ((uint32_t)s[(p) + hi] << 8 | s[(p) + 1 - hi])
    while (i < n) {
        if (n - i < 2) {
            return decode_error(d, name, s, i, n, "truncated data");
        }
        uint32_t u = UNIT(i);
        if (u < 0xD800 || u > 0xDFFF) {
            sink_put(&d->sink, u);
            i += 2;
            continue;
        }
        if (u >= 0xDC00) {
            return decode_error(d, name, s, i, i + 2, "illegal encoding");
        }
        if (n - i < 4) {
            return decode_error(d, name, s, i, n, "unexpected end of data");
        }
        uint32_t u2 = UNIT(i + 2);
        if (u2 < 0xDC00 || u2 > 0xDFFF) {
            return decode_error(d, name, s, i, i + 2, "illegal UTF-16 surrogate");
        }
        sink_put(&d->sink, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
        i += 4;
    }
#undef UNIT
    return SRC_CODEC_OK;
}

static SourceCodecResult decode_utf32(DecodeCtx *d, const unsigned char *s, size_t n,
                                      int byteorder) {
    size_t i = 0;
    if (byteorder == 0) {
        if (n >= 4 && memcmp(s, "\xFF\xFE\0\0", 4) == 0) {
            byteorder = -1;
            i = 4;
        } else if (n >= 4 && memcmp(s, "\0\0\xFE\xFF", 4) == 0) {
            byteorder = 1;
            i = 4;
        } else {
            byteorder = -1;
        }
    }
    const char *name = byteorder < 0 ? "utf-32-le" : "utf-32-be";
    while (i < n) {
        if (n - i < 4) {
            return decode_error(d, name, s, i, n, "truncated data");
        }
        uint32_t cp = byteorder < 0
            ? (uint32_t)s[i] | (uint32_t)s[i + 1] << 8 | (uint32_t)s[i + 2] << 16 |
                  (uint32_t)s[i + 3] << 24
            : (uint32_t)s[i + 3] | (uint32_t)s[i + 2] << 8 | (uint32_t)s[i + 1] << 16 |
                  (uint32_t)s[i] << 24;
        if (cp >= 0x110000) {
            return decode_error(d, name, s, i, i + 4, "code point not in range(0x110000)");
        }
        if (cp >= 0xD800 && cp < 0xE000) {
            return decode_error(d, name, s, i, i + 4,
                                "code point in surrogate code point range(0xd800, 0xe000)");
        }
        sink_put(&d->sink, cp);
        i += 4;
    }
    return SRC_CODEC_OK;
}

// ---------------------------------------------------------------------------
// UTF-7 (RFC 2152), as CPython decodes it: a '+' opens a run of base64
// carrying UTF-16 units; any other byte closes it ('-' is absorbed). CPython
// passes lone surrogates through, and reports errors from the '+' that
// opened the run.

static int b64_value(unsigned c) {
    if (c >= 'A' && c <= 'Z') {
        return (int)(c - 'A');
    }
    if (c >= 'a' && c <= 'z') {
        return (int)(c - 'a' + 26);
    }
    if (c >= '0' && c <= '9') {
        return (int)(c - '0' + 52);
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

static SourceCodecResult decode_utf7(DecodeCtx *d, const unsigned char *s, size_t n) {
    Sink *k = &d->sink;
    size_t i = 0, shift_start = 0;
    int in_shift = 0;
    unsigned bits = 0;
    uint32_t buffer = 0, surrogate = 0;
    while (i < n) {
        unsigned c = s[i];
        if (in_shift) {
            int v = b64_value(c);
            if (v >= 0) {
                buffer = buffer << 6 | (uint32_t)v;
                bits += 6;
                i++;
                if (bits >= 16) {
                    uint32_t unit = (buffer >> (bits - 16)) & 0xFFFF;
                    bits -= 16;
                    buffer &= (1u << bits) - 1;
                    if (surrogate) {
                        if (unit >= 0xDC00 && unit <= 0xDFFF) {
                            sink_put(k, 0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                            surrogate = 0;
                            continue;
                        }
                        sink_put(k, surrogate);
                        surrogate = 0;
                    }
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        surrogate = unit;
                    } else {
                        sink_put(k, unit);
                    }
                }
                continue;
            }
            in_shift = 0;
            if (bits >= 6) {
                return decode_error(d, "utf7", s, shift_start, i + 1,
                                    "partial character in shift sequence");
            }
            if (bits > 0 && buffer != 0) {
                return decode_error(d, "utf7", s, shift_start, i + 1,
                                    "non-zero padding bits in shift sequence");
            }
            if (surrogate && c < 0x80 && UTF7_DIRECT[c]) {
                sink_put(k, surrogate);
            }
            surrogate = 0;
            if (c == '-') {
                i++;
            }
        } else if (c == '+') {
            shift_start = i++;
            if (i < n && s[i] == '-') {
                i++;
                sink_put(k, '+');
            } else if (i < n && b64_value(s[i]) < 0) {
                return decode_error(d, "utf7", s, shift_start, i + 1, "ill-formed sequence");
            } else {
                in_shift = 1;
                surrogate = 0;
                bits = 0;
                buffer = 0;
            }
        } else if (c < 0x80 && UTF7_DIRECT[c]) {
            sink_put(k, c);
            i++;
        } else {
            return decode_error(d, "utf7", s, i, i + 1, "unexpected special character");
        }
    }
    if (in_shift && (surrogate || bits >= 6 || (bits > 0 && buffer != 0))) {
        return decode_error(d, "utf7", s, shift_start, n, "unterminated shift sequence");
    }
    return SRC_CODEC_OK;
}

// ---------------------------------------------------------------------------
// unicode_escape and raw_unicode_escape

static int hex_value(unsigned c) {
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return (int)(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
        return (int)(c - 'A' + 10);
    }
    return -1;
}

// Reads `count` hex digits at s[*i]. Returns 1 with *cp, 0 when the input
// ends first (*i = n), -1 at a non-hex byte (*i at it).
static int read_hex(const unsigned char *s, size_t n, size_t *i, int count, uint32_t *cp) {
    uint32_t v = 0;
    for (; count > 0; count--, (*i)++) {
        if (*i >= n) {
            return 0;
        }
        int h = hex_value(s[*i]);
        if (h < 0) {
            return -1;
        }
        v = v << 4 | (uint32_t)h;
    }
    *cp = v;
    return 1;
}

static SourceCodecResult decode_unicode_escape(DecodeCtx *d, const unsigned char *s, size_t n) {
    static const char name[] = "unicodeescape";
    Sink *k = &d->sink;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c != '\\') {
            sink_put(k, c);   // bytes stand for Latin-1 characters
            i++;
            continue;
        }
        size_t start = i++;
        if (i >= n) {
            return decode_error(d, name, s, start, n, "\\ at end of string");
        }
        c = s[i++];
        uint32_t cp = 0;
        int count = 0;
        const char *why = NULL;
        switch (c) {
        case '\n':
            continue;
        case '\\': case '\'': case '"':
            sink_put(k, c);
            continue;
        case 'b': sink_put(k, '\b'); continue;
        case 'f': sink_put(k, '\f'); continue;
        case 't': sink_put(k, '\t'); continue;
        case 'n': sink_put(k, '\n'); continue;
        case 'r': sink_put(k, '\r'); continue;
        case 'v': sink_put(k, '\v'); continue;
        case 'a': sink_put(k, '\a'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = c - '0';
            for (int j = 0; j < 2 && i < n && s[i] >= '0' && s[i] <= '7'; j++) {
                cp = cp * 8 + (uint32_t)(s[i++] - '0');
            }
            sink_put(k, cp);
            continue;
        case 'x':
            count = 2;
            why = "truncated \\xXX escape";
            break;
        case 'u':
            count = 4;
            why = "truncated \\uXXXX escape";
            break;
        case 'U':
            count = 8;
            why = "truncated \\UXXXXXXXX escape";
            break;
        case 'N':
            why = "malformed \\N character escape";
            if (i >= n) {
                return decode_error(d, name, s, start, n, why);
            }
            if (s[i] == '{') {
                size_t name_start = ++i;
                while (i < n && s[i] != '}') {
                    i++;
                }
                if (i >= n) {
                    return decode_error(d, name, s, start, n, why);
                }
                if (i > name_start) {
                    i++;
                    if (!uni_lookup_name) {
                        snprintf(d->msg, d->msgsize, "krait cannot decode source encoding '%s' "
                                 "here: no Unicode name table", d->declared);
                        return SRC_CODEC_UNSUPPORTED;
                    }
                    if (uni_lookup_name((const char *)s + name_start, i - 1 - name_start, &cp)) {
                        sink_put(k, cp);
                        continue;
                    }
                    why = "unknown Unicode character name";
                }
            }
            return decode_error(d, name, s, start, i, why);
        default:
            sink_put(k, '\\');
            sink_put(k, c);
            continue;
        }
        int r = read_hex(s, n, &i, count, &cp);
        if (r <= 0) {
            return decode_error(d, name, s, start, i, why);
        }
        if (cp > 0x10FFFF) {
            return decode_error(d, name, s, start, i, "illegal Unicode character");
        }
        sink_put(k, cp);
    }
    return SRC_CODEC_OK;
}

static SourceCodecResult decode_raw_unicode_escape(DecodeCtx *d, const unsigned char *s,
                                                   size_t n) {
    static const char name[] = "rawunicodeescape";
    Sink *k = &d->sink;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i++];
        if (c != '\\' || i >= n) {
            sink_put(k, c);
            continue;
        }
        size_t start = i - 1;
        c = s[i++];
        if (c != 'u' && c != 'U') {
            sink_put(k, '\\');
            sink_put(k, c);
            continue;
        }
        const char *why = c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        uint32_t cp = 0;
        if (read_hex(s, n, &i, c == 'u' ? 4 : 8, &cp) <= 0) {
            return decode_error(d, name, s, start, i, why);
        }
        if (cp > 0x10FFFF) {
            return decode_error(d, name, s, start, i, "\\Uxxxxxxxx out of range");
        }
        sink_put(k, cp);
    }
    return SRC_CODEC_OK;
}

// ---------------------------------------------------------------------------
// punycode (RFC 3492) and idna, as encodings/punycode.py and idna.py decode.
//
// punycode.py computes with Python integers, and one of its errors prints a
// code point of any size ("Invalid character U+%x"), so the arithmetic here
// uses a small unsigned bignum: little-endian base-2^32 limbs.

typedef struct Big {
    uint32_t *limb;
    size_t len, cap;   // len 0 is zero
} Big;

// These return 0, or 1 when out of memory (the value is then unchanged).
static int big_reserve(Big *b, size_t n) {
    if (n <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap * 2 : 4;
    while (cap < n) {
        cap *= 2;
    }
    uint32_t *p = realloc(b->limb, cap * sizeof *p);
    if (!p) {
        return 1;
    }
    b->limb = p;
    b->cap = cap;
    return 0;
}

static int big_set(Big *b, uint64_t v) {
    b->len = 0;
    if (big_reserve(b, 2)) {
        return 1;
    }
    while (v) {
        b->limb[b->len++] = (uint32_t)v;
        v >>= 32;
    }
    return 0;
}

static int big_copy(Big *dst, const Big *src) {
    if (big_reserve(dst, src->len)) {
        return 1;
    }
    if (src->len) {
        memcpy(dst->limb, src->limb, src->len * sizeof *src->limb);
    }
    dst->len = src->len;
    return 0;
}

// b = b * m + a
static int big_muladd(Big *b, uint32_t m, uint32_t a) {
    if (big_reserve(b, b->len + 1)) {
        return 1;
    }
    uint64_t carry = a;
    for (size_t i = 0; i < b->len; i++) {
        uint64_t t = (uint64_t)b->limb[i] * m + carry;
        b->limb[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) {
        b->limb[b->len++] = (uint32_t)carry;
    }
    while (b->len && !b->limb[b->len - 1]) {
        b->len--;
    }
    return 0;
}

// b += x * m
static int big_addmul(Big *b, const Big *x, uint32_t m) {
    size_t n = (x->len > b->len ? x->len : b->len) + 2;
    if (big_reserve(b, n)) {
        return 1;
    }
    for (size_t i = b->len; i < n; i++) {
        b->limb[i] = 0;
    }
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t t = (uint64_t)b->limb[i] + carry + (i < x->len ? (uint64_t)x->limb[i] * m : 0);
        b->limb[i] = (uint32_t)t;
        carry = t >> 32;
    }
    b->len = n;
    while (b->len && !b->limb[b->len - 1]) {
        b->len--;
    }
    return 0;
}

static int big_add(Big *b, const Big *x) {
    return big_addmul(b, x, 1);
}

// b //= m; returns b % m
static uint64_t big_divmod(Big *b, uint64_t m) {
    unsigned __int128 rem = 0;
    for (size_t i = b->len; i-- > 0;) {
        unsigned __int128 cur = rem << 32 | b->limb[i];
        b->limb[i] = (uint32_t)(cur / m);
        rem = cur % m;
    }
    while (b->len && !b->limb[b->len - 1]) {
        b->len--;
    }
    return (uint64_t)rem;
}

// b if it fits in 64 bits, else UINT64_MAX
static uint64_t big_small(const Big *b) {
    if (b->len > 2) {
        return UINT64_MAX;
    }
    return b->len == 0 ? 0 : b->len == 1 ? b->limb[0] : (uint64_t)b->limb[1] << 32 | b->limb[0];
}

static void big_hex(const Big *b, char *buf, size_t size) {
    size_t n = 0;
    if (b->len == 0) {
        snprintf(buf, size, "0");
        return;
    }
    n = (size_t)snprintf(buf, size, "%x", b->limb[b->len - 1]);
    for (size_t i = b->len - 1; i-- > 0 && n < size;) {
        n += (size_t)snprintf(buf + n, size - n, "%08x", b->limb[i]);
    }
}

static uint32_t puny_threshold(size_t j, uint32_t bias) {
    int64_t t = 36 * ((int64_t)j + 1) - bias;
    return t < 1 ? 1 : t > 26 ? 26 : (uint32_t)t;
}

// adapt() of punycode.py; delta is consumed. Sets *fail when out of memory.
static uint32_t puny_adapt(Big *delta, int first, uint64_t numchars, int *fail) {
    big_divmod(delta, first ? 700 : 2);
    Big q = {0};
    *fail |= big_copy(&q, delta);
    big_divmod(&q, numchars);
    *fail |= big_add(delta, &q);
    free(q.limb);
    uint32_t divisions = 0;
    while (big_small(delta) > 455) {
        big_divmod(delta, 35);
        divisions += 36;
    }
    uint64_t d = big_small(delta);
    return divisions + (uint32_t)(36 * d / (d + 38));
}

// Decodes text[0..n) (bytes) as punycode.py does, appending code points to
// *out (malloc'ed, *outlen of them). Returns NULL on success, else the text
// of the error (in msg, or a constant); *decode_error says whether it is an
// ascii UnicodeDecodeError (not rewrapped) rather than a UnicodeError.
static const char *punycode_decode(const unsigned char *text, size_t n, uint32_t **out,
                                   size_t *outlen, int *decode_error, char *msg,
                                   size_t msgsize) {
    *out = NULL;
    *outlen = 0;
    *decode_error = 0;
    // base = text before the last '-', extended = after it (all if none);
    // each is decoded as ASCII, base first, positions relative to the part.
    const unsigned char *dash = NULL;
    for (size_t i = n; i-- > 0 && !dash;) {
        dash = text[i] == '-' ? text + i : NULL;
    }
    size_t base_len = dash ? (size_t)(dash - text) : 0;
    size_t ext_start = dash ? base_len + 1 : 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] >= 0x80) {
            *decode_error = 1;
            snprintf(msg, msgsize, "'ascii' codec can't decode byte 0x%02x in position %zu: "
                     "ordinal not in range(128)", text[i], i < ext_start ? i : i - ext_start);
            return msg;
        }
    }
    uint32_t *res = malloc((n + 1) * sizeof *res);   // never more code points than bytes
    if (!res) {
        return "out of memory";
    }
    size_t len = 0;
    for (size_t i = 0; i < base_len; i++) {
        res[len++] = text[i];
    }
    const unsigned char *ext = text + ext_start;
    size_t ext_len = n - ext_start;
    uint32_t ch = 0x80, bias = 72;
    Big pos = {0}, delta = {0}, w = {0}, quot = {0};
    const char *err = NULL;
    int first = 1, fail = 0;
    size_t extpos = 0;
    while (extpos < ext_len && !err) {
        // One generalized variable-length integer: delta.
        size_t start = extpos;
        fail |= big_set(&delta, 0) | big_set(&w, 1);
        for (size_t j = 0; !err; j++) {
            if (extpos >= ext_len) {
                err = "incomplete punicode string";
                break;
            }
            unsigned c = ext[extpos++];
            c = c >= 'a' && c <= 'z' ? c - 32 : c;   // .upper()
            uint32_t digit;
            if (c >= 'A' && c <= 'Z') {
                digit = c - 'A';
            } else if (c >= '0' && c <= '9') {
                digit = c - 22;
            } else {
                snprintf(msg, msgsize, "Invalid extended code point '%c'", (char)c);
                err = msg;
                break;
            }
            uint32_t t = puny_threshold(j, bias);
            fail |= big_addmul(&delta, &w, digit);
            if (digit < t) {
                break;
            }
            fail |= big_muladd(&w, 36 - t, 0);
        }
        if (err || fail) {
            break;
        }
        // pos += delta + 1 (pos starts at -1); char += pos // (len + 1);
        // pos %= len + 1.
        if (first) {
            fail |= big_copy(&pos, &delta);
            first = 0;
        } else {
            fail |= big_add(&pos, &delta) | big_muladd(&pos, 1, 1);
        }
        fail |= big_copy(&quot, &pos);
        if (fail) {
            break;
        }
        uint64_t at = big_divmod(&quot, (uint64_t)len + 1);
        uint64_t add = big_small(&quot);
        if (add > 0x10FFFF || ch + add > 0x10FFFF) {
            fail |= big_muladd(&quot, 1, ch);
            int head = snprintf(msg, msgsize, "Invalid character U+");
            if (!fail && head > 0 && (size_t)head < msgsize) {
                big_hex(&quot, msg + head, msgsize - (size_t)head);
            }
            err = msg;
            break;
        }
        ch += (uint32_t)add;
        fail |= big_set(&pos, at);
        memmove(res + at + 1, res + at, (len - at) * sizeof *res);
        res[at] = ch;
        len++;
        bias = puny_adapt(&delta, start == 0, len, &fail);
    }
    free(pos.limb);
    free(delta.limb);
    free(w.limb);
    free(quot.limb);
    if (fail) {
        err = "out of memory";
    }
    if (err) {
        free(res);
        return err;
    }
    *out = res;
    *outlen = len;
    return NULL;
}

static SourceCodecResult decode_punycode(DecodeCtx *d, const unsigned char *s, size_t n) {
    uint32_t *cps;
    size_t len;
    int is_decode_error;
    char buf[600];
    const char *err = punycode_decode(s, n, &cps, &len, &is_decode_error, buf, sizeof buf);
    if (err) {
        if (is_decode_error) {
            snprintf(d->msg, d->msgsize, "%s", err);
            return SRC_CODEC_DECODE_ERROR;
        }
        return wrapped_error(d, err);
    }
    for (size_t i = 0; i < len; i++) {
        sink_put(&d->sink, cps[i]);
    }
    free(cps);
    return SRC_CODEC_OK;
}

// repr() of a bytes object, for the round-trip error of idna.
static void bytes_repr(StrBuf *b, const unsigned char *s, size_t n) {
    int dq = memchr(s, '\'', n) && !memchr(s, '"', n);
    char quote = dq ? '"' : '\'';
    sb_putc(b, 'b');
    sb_putc(b, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c == (unsigned)quote || c == '\\') {
            sb_printf(b, "\\%c", c);
        } else if (c == '\t') {
            sb_puts(b, "\\t");
        } else if (c == '\n') {
            sb_puts(b, "\\n");
        } else if (c == '\r') {
            sb_puts(b, "\\r");
        } else if (c < 0x20 || c >= 0x7F) {
            sb_printf(b, "\\x%02x", c);
        } else {
            sb_putc(b, (char)c);
        }
    }
    sb_putc(b, quote);
}

// encodings/idna.py: without "xn--" anywhere, ASCII text decodes to itself.
// Otherwise each '.'-separated label goes through ToUnicode: plain labels
// must be ASCII; "xn--" labels are punycode and must survive ToASCII. A
// label whose punycode is not ASCII needs nameprep (stringprep tables of
// Unicode 3.2), which krait does not have: that is reported as unsupported.
static SourceCodecResult decode_idna(DecodeCtx *d, const unsigned char *s, size_t n) {
    static const char ace[] = "xn--";
    int has_ace = 0, ascii = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 0x80) {
            ascii = 0;
        }
        if (i + 4 <= n && memcmp(s + i, ace, 4) == 0) {
            has_ace = 1;
        }
    }
    if (!has_ace && ascii) {
        for (size_t i = 0; i < n; i++) {
            sink_put(&d->sink, s[i]);
        }
        return SRC_CODEC_OK;
    }
    size_t end = n;
    int trailing_dot = 0;
    if (n > 0 && s[n - 1] == '.') {
        end = n - 1;   // labels[-1] is empty: it becomes the trailing dot
        trailing_dot = 1;
    }
    size_t start = 0;
    for (;;) {
        const unsigned char *dot = memchr(s + start, '.', end - start);
        size_t stop = dot ? (size_t)(dot - s) : end;
        const unsigned char *label = s + start;
        size_t len = stop - start;
        if (len < 4 || memcmp(label, ace, 4) != 0) {
            for (size_t i = 0; i < len; i++) {
                if (label[i] >= 0x80) {
                    snprintf(d->msg, d->msgsize, "'ascii' codec can't decode byte 0x%02x in "
                             "position %zu: ordinal not in range(128)", label[i], i);
                    return SRC_CODEC_DECODE_ERROR;
                }
                sink_put(&d->sink, label[i]);
            }
        } else {
            uint32_t *cps;
            size_t cplen;
            int is_decode_error;
            char buf[600];
            const char *err = punycode_decode(label + 4, len - 4, &cps, &cplen,
                                              &is_decode_error, buf, sizeof buf);
            if (err) {
                if (is_decode_error) {
                    snprintf(d->msg, d->msgsize, "%s", err);
                    return SRC_CODEC_DECODE_ERROR;
                }
                char inner[700];
                snprintf(inner, sizeof inner,
                         "decoding with 'punycode' codec failed (UnicodeError: %s)", err);
                return wrapped_error(d, inner);
            }
            int result_ascii = 1;
            for (size_t i = 0; i < cplen; i++) {
                result_ascii &= cps[i] < 0x80;
            }
            if (!result_ascii) {
                free(cps);
                snprintf(d->msg, d->msgsize, "krait cannot decode source encoding '%s': the "
                         "label needs IDNA nameprep, which krait does not implement",
                         d->declared);
                return SRC_CODEC_UNSUPPORTED;
            }
            // ToASCII of an ASCII label is itself (if 1..63 long), and then
            // it can never equal the lowercased "xn--" label it came from.
            if (cplen == 0 || cplen >= 64) {
                free(cps);
                return wrapped_error(d, "label empty or too long");
            }
            StrBuf b;
            sb_init(&b);
            sb_puts(&b, "('IDNA does not round-trip', ");
            bytes_repr(&b, label, len);
            sb_puts(&b, ", ");
            unsigned char *bytes = malloc(cplen);
            for (size_t i = 0; bytes && i < cplen; i++) {
                bytes[i] = (unsigned char)cps[i];
            }
            bytes_repr(&b, bytes ? bytes : (const unsigned char *)"", bytes ? cplen : 0);
            sb_putc(&b, ')');
            snprintf(d->msg, d->msgsize, "%s", b.data);
            sb_free(&b);
            free(bytes);
            free(cps);
            return SRC_CODEC_DECODE_ERROR;
        }
        if (!dot) {
            break;
        }
        sink_put(&d->sink, '.');
        start = stop + 1;
    }
    if (trailing_dot) {
        sink_put(&d->sink, '.');
    }
    return SRC_CODEC_OK;
}

// ---------------------------------------------------------------------------
// Multibyte codecs

#include "codecs_cjk.inc"

// ---------------------------------------------------------------------------
// Codec lookup

// encodings.normalize_encoding for an ASCII name.
static void normalize_encoding(const char *name, char *out, size_t outsize) {
    size_t n = 0;
    int punct = 0;
    for (const char *p = name; *p && n + 2 < outsize; p++) {
        unsigned char c = (unsigned char)*p;
        int keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   c == '.';
        if (keep) {
            if (punct && n > 0) {
                out[n++] = '_';
            }
            // The codec registry lowercases the name before this step.
            out[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            punct = 0;
        } else {
            punct = 1;
        }
    }
    out[n] = 0;
}

static int find_name(const char *name, int is_module) {
    for (size_t i = 0; i < sizeof CODEC_NAMES / sizeof CODEC_NAMES[0]; i++) {
        if (CODEC_NAMES[i].is_module == is_module && strcmp(CODEC_NAMES[i].name, name) == 0) {
            return CODEC_NAMES[i].codec;
        }
    }
    return -1;
}

static int lookup_codec(const char *name) {
    char norm[128];
    normalize_encoding(name, norm, sizeof norm);
    int codec = find_name(norm, 0);
    if (codec < 0) {
        char alt[128];
        snprintf(alt, sizeof alt, "%s", norm);
        for (char *p = alt; *p; p++) {
            if (*p == '.') {
                *p = '_';
            }
        }
        codec = find_name(alt, 0);
    }
    if (codec < 0 && norm[0] && !strchr(norm, '.')) {
        codec = find_name(norm, 1);
    }
    return codec;
}

static SourceCodecResult decode_with(DecodeCtx *d, const unsigned char *u, size_t len) {
    const CodecInfoEntry *info = d->info;
    switch (info->kind) {
    case CODEC_UTF8:
    case CODEC_UTF8_SIG:
        if (info->kind == CODEC_UTF8_SIG && len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0) {
            u += 3;   // positions in errors are then counted after the BOM
            len -= 3;
        }
        if (utf8_strict_error((const char *)u, len, d->msg, d->msgsize)) {
            return SRC_CODEC_DECODE_ERROR;
        }
        sb_put(d->sink.out, (const char *)u, len);
        d->sink.count += utf8_count((const char *)u, len);
        return SRC_CODEC_OK;
    case CODEC_ASCII:
        for (size_t i = 0; i < len; i++) {
            if (u[i] >= 0x80) {
                return decode_error(d, "ascii", u, i, i + 1, "ordinal not in range(128)");
            }
        }
        sb_put(d->sink.out, (const char *)u, len);
        d->sink.count += len;
        return SRC_CODEC_OK;
    case CODEC_LATIN1:
    case CODEC_CHARMAP:
        sb_reserve(d->sink.out, len * 2);
        for (size_t i = 0; i < len; i++) {
            uint32_t cp = info->kind == CODEC_LATIN1 ? u[i] : CHARMAP_TABLES[info->table][u[i]];
            if (cp == 0xFFFF) {
                return decode_error(d, "charmap", u, i, i + 1, "character maps to <undefined>");
            }
            sink_put(&d->sink, cp);
        }
        return SRC_CODEC_OK;
    case CODEC_UTF16:
    case CODEC_UTF16_LE:
    case CODEC_UTF16_BE:
        return decode_utf16(d, u, len, info->kind == CODEC_UTF16 ? 0
                                       : info->kind == CODEC_UTF16_LE ? -1 : 1);
    case CODEC_UTF32:
    case CODEC_UTF32_LE:
    case CODEC_UTF32_BE:
        return decode_utf32(d, u, len, info->kind == CODEC_UTF32 ? 0
                                       : info->kind == CODEC_UTF32_LE ? -1 : 1);
    case CODEC_UTF7:
        return decode_utf7(d, u, len);
    case CODEC_UNICODE_ESCAPE:
        return decode_unicode_escape(d, u, len);
    case CODEC_RAW_UNICODE_ESCAPE:
        return decode_raw_unicode_escape(d, u, len);
    case CODEC_UNDEFINED:
        return wrapped_error(d, "undefined encoding");
    case CODEC_PUNYCODE:
        return decode_punycode(d, u, len);
    case CODEC_IDNA:
        return len == 0 ? SRC_CODEC_OK : decode_idna(d, u, len);
    case CODEC_MULTIBYTE:
        return mb_decode_stateless(d, &MB_TABLES[info->table], u, len);
    case CODEC_HZ:
        return mb_decode_hz(d, u, len);
    case CODEC_ISO2022:
        return mb_decode_iso2022(d, info->table, u, len);
    case CODEC_NONTEXT:
        snprintf(d->msg, d->msgsize, "'%s' is not a text encoding; use codecs.decode() to "
                 "handle arbitrary codecs", d->declared);
        return SRC_CODEC_UNKNOWN;
    default:
        snprintf(d->msg, d->msgsize, "krait cannot decode source encoding '%s' (yet)",
                 d->declared);
        return SRC_CODEC_UNSUPPORTED;
    }
}

SourceCodecResult source_decode(const char *name, const char *src, size_t len, StrBuf *out,
                                char *msg, size_t msgsize) {
    if (len == 0) {
        return SRC_CODEC_OK;   // PyUnicode_Decode answers "" before any lookup
    }
    int codec = lookup_codec(name);
    if (codec < 0) {
        snprintf(msg, msgsize, "unknown encoding: %s", name);
        return SRC_CODEC_UNKNOWN;
    }
    DecodeCtx d = {.declared = name, .info = &CODEC_INFO[codec], .sink = {.out = out},
                   .msg = msg, .msgsize = msgsize};
    SourceCodecResult r = decode_with(&d, (const unsigned char *)src, len);
    if (r != SRC_CODEC_OK) {
        return r;
    }
    if (d.sink.has_sur) {
        // The UTF-8 encoding of the decoded text fails.
        if (d.sink.sur_end - d.sink.sur_start == 1) {
            snprintf(msg, msgsize, "'utf-8' codec can't encode character '\\u%04x' in position "
                     "%zu: surrogates not allowed", (unsigned)d.sink.sur_cp, d.sink.sur_start);
        } else {
            snprintf(msg, msgsize, "'utf-8' codec can't encode characters in position %zu-%zu: "
                     "surrogates not allowed", d.sink.sur_start, d.sink.sur_end - 1);
        }
        return SRC_CODEC_DECODE_ERROR;
    }
    return SRC_CODEC_OK;
}
