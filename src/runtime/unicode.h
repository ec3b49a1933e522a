// unicode.h - Unicode character database (Unicode 14.0.0, as CPython 3.11)
// and UTF-8 helpers.
//
// The tables are generated at build time by tools/gen_unicode.py from the
// same database CPython 3.11 ships, so category, printability, identifier
// classes and NFKC agree with CPython exactly.
//
// krait strings are "generalized UTF-8": lone surrogates U+D800..U+DFFF are
// allowed and encoded as ordinary 3-byte sequences (Python str may hold them).
#ifndef KRAIT_UNICODE_H
#define KRAIT_UNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

// General category as a two-letter string ("Lu", "Cn", ...).
const char *uni_category(uint32_t cp);
// str.isprintable() for one character (CPython's Py_UNICODE_ISPRINTABLE).
int uni_is_printable(uint32_t cp);
// PEP 3131 identifier classes (XID_Start plus '_', XID_Continue).
int uni_is_xid_start(uint32_t cp);
int uni_is_xid_continue(uint32_t cp);
// Append the NFKC normalization of s[0..len) (valid UTF-8) to out.
void uni_nfkc(StrBuf *out, const char *s, size_t len);

// Decode one code point at s (at most n bytes available). Returns its length
// in bytes, or 0 if the bytes there are not valid (generalized) UTF-8.
// `allow_surrogates` accepts encoded U+D800..U+DFFF.
int utf8_decode(const char *s, size_t n, uint32_t *cp, int allow_surrogates);
// Encode cp (<= 0x10FFFF) into buf (4 bytes room); returns the length.
int utf8_encode(uint32_t cp, char *buf);
// Number of code points in a valid UTF-8 string.
size_t utf8_count(const char *s, size_t n);

#endif
