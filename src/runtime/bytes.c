// bytes.c - Python's bytes. For now: its repr.
#include "bytes.h"

#include <string.h>

static const char bytes_hexdigits[] = "0123456789abcdef";

void bytes_repr(StrBuf *out, const char *s, size_t len) {
    char quote = '\'';
    if (memchr(s, '\'', len) && !memchr(s, '"', len)) {
        quote = '"';
    }
    sb_reserve(out, len + 3);
    sb_putc(out, 'b');
    sb_putc(out, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            sb_put(out, esc, 2);
        } else if (c == '\t') {
            sb_put(out, "\\t", 2);
        } else if (c == '\n') {
            sb_put(out, "\\n", 2);
        } else if (c == '\r') {
            sb_put(out, "\\r", 2);
        } else if (c < ' ' || c >= 0x7f) {
            char esc[4] = {'\\', 'x', bytes_hexdigits[c >> 4], bytes_hexdigits[c & 15]};
            sb_put(out, esc, 4);
        } else {
            sb_putc(out, (char)c);
        }
    }
    sb_putc(out, quote);
}
