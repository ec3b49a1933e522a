// str.c - Python's str. For now: its repr.
#include "str.h"

#include <string.h>

#include "unicode.h"

static const char str_hexdigits[] = "0123456789abcdef";

// Append a backslash, `kind` and `ndigits` lowercase hex digits of cp.
static void str_put_hex_escape(StrBuf *out, char kind, uint32_t cp, int ndigits) {
    char esc[10];
    esc[0] = '\\';
    esc[1] = kind;
    for (int i = 0; i < ndigits; i++) {
        esc[2 + i] = str_hexdigits[(cp >> (4 * (ndigits - 1 - i))) & 15];
    }
    sb_put(out, esc, (size_t)ndigits + 2);
}

void str_repr(StrBuf *out, const char *s, size_t len) {
    // Single quotes unless the text has a ' and no ", as CPython chooses.
    char quote = '\'';
    if (memchr(s, '\'', len) && !memchr(s, '"', len)) {
        quote = '"';
    }
    sb_reserve(out, len + 2);
    sb_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            // ASCII: the common case, decided without the Unicode tables.
            if (c == (unsigned char)quote || c == '\\') {
                char esc[2] = {'\\', (char)c};
                sb_put(out, esc, 2);
            } else if (c == '\t') {
                sb_put(out, "\\t", 2);
            } else if (c == '\n') {
                sb_put(out, "\\n", 2);
            } else if (c == '\r') {
                sb_put(out, "\\r", 2);
            } else if (c < ' ' || c == 0x7f) {
                str_put_hex_escape(out, 'x', c, 2);
            } else {
                sb_putc(out, (char)c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        int n = utf8_decode(s + i, len - i, &cp, 1);
        if (n == 0) {
            // Not generalized UTF-8: a caller bug. Show the byte rather than
            // read past it.
            str_put_hex_escape(out, 'x', c, 2);
            i++;
            continue;
        }
        if (uni_is_printable(cp)) {
            sb_put(out, s + i, (size_t)n);
        } else if (cp <= 0xff) {
            str_put_hex_escape(out, 'x', cp, 2);
        } else if (cp <= 0xffff) {
            str_put_hex_escape(out, 'u', cp, 4);
        } else {
            str_put_hex_escape(out, 'U', cp, 8);
        }
        i += (size_t)n;
    }
    sb_putc(out, quote);
}
