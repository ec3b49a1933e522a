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

// ---- character types: str's isX methods and case mapping (unicode_ctype.c) ----
// CPython's per-character flags (Objects/unicodectype.c), from the tables of
// tools/gen_unicode_ctype.py. ORDER CTYPE_FLAGS: the generator's FLAGS list.
enum UniCtypeFlags {
    UNI_ALPHA = 1 << 0,           // str.isalpha (categories Lu Ll Lt Lm Lo)
    UNI_DECIMAL = 1 << 1,         // str.isdecimal (has a decimal digit value)
    UNI_DIGIT = 1 << 2,           // str.isdigit
    UNI_NUMERIC = 1 << 3,         // str.isnumeric
    UNI_LOWER = 1 << 4,           // the Lowercase property (str.islower)
    UNI_UPPER = 1 << 5,           // the Uppercase property
    UNI_TITLE = 1 << 6,           // category Lt
    UNI_CASED = 1 << 7,           // the Cased property (title(), final sigma)
    UNI_CASE_IGNORABLE = 1 << 8,  // the Case_Ignorable property (final sigma)
    UNI_SPACE = 1 << 9,           // str.isspace, str.split()'s separators
    UNI_LINEBREAK = 1 << 10,      // str.splitlines' line boundaries
};
// The UNI_* flags of cp (0 for cp > 0x10FFFF).
unsigned uni_ctype(uint32_t cp);
// The decimal value of cp (0..9), or -1 if it has none (unicodedata.decimal).
int uni_decimal(uint32_t cp);
// The digit value of cp (0..9), or -1 (unicodedata.digit).
int uni_digit(uint32_t cp);
// Full case mappings (SpecialCasing included, without context: the final
// sigma is the caller's business). Writes the 1 to UNI_MAX_CASE_EXPANSION
// code points cp maps to into out and returns their count.
typedef enum UniCase { UNI_CASE_LOWER, UNI_CASE_UPPER, UNI_CASE_TITLE, UNI_CASE_FOLD } UniCase;
#define UNI_MAX_CASE_EXPANSION 3
int uni_case_map(uint32_t cp, UniCase which, uint32_t *out);

// Decode one code point at s (at most n bytes available). Returns its length
// in bytes, or 0 if the bytes there are not valid (generalized) UTF-8.
// `allow_surrogates` accepts encoded U+D800..U+DFFF.
int utf8_decode(const char *s, size_t n, uint32_t *cp, int allow_surrogates);
// Encode cp (<= 0x10FFFF) into buf (4 bytes room); returns the length.
int utf8_encode(uint32_t cp, char *buf);
// Number of code points in a valid UTF-8 string.
size_t utf8_count(const char *s, size_t n);

#endif
