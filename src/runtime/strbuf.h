// strbuf.h - a growable byte buffer for building text (reprs, dumps, errors).
#ifndef KRAIT_STRBUF_H
#define KRAIT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct StrBuf {
    char *data;   // always NUL-terminated when non-NULL
    size_t len;
    size_t cap;
} StrBuf;

void sb_init(StrBuf *b);
void sb_free(StrBuf *b);
void sb_reserve(StrBuf *b, size_t extra);
void sb_putc(StrBuf *b, char c);
void sb_put(StrBuf *b, const char *s, size_t n);
void sb_puts(StrBuf *b, const char *s);
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *b, const char *fmt, va_list ap);

#endif
