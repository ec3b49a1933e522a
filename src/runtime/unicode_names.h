// unicode_names.h - Unicode character names -> code points, as \N{...} and
// unicodedata.lookup() resolve them in CPython 3.11 (Unicode 14.0.0).
#ifndef KRAIT_UNICODE_NAMES_H
#define KRAIT_UNICODE_NAMES_H

#include <stddef.h>
#include <stdint.h>

// Look up name[0..len) (not NUL-terminated; any bytes). Accepts what
// CPython's \N{} escape accepts: character names and formal name aliases in
// any ASCII letter case, and the algorithmic "HANGUL SYLLABLE xxx" and
// "CJK UNIFIED IDEOGRAPH-XXXX(X)" names, which (as in CPython) must be upper
// case. Named sequences are not accepted. Returns 1 and sets *cp, or 0.
int uni_lookup_name(const char *name, size_t len, uint32_t *cp);

// The name of code point cp as unicodedata.name() gives it (never an
// alias; Hangul syllables and CJK unified ideographs by rule) written to
// buf (NUL-terminated; UNI_NAME_MAX bytes suffice). Returns its length, or
// 0 if cp has no name. The reverse index is built on the first call.
enum { UNI_NAME_MAX = 256 };
size_t uni_name_of(uint32_t cp, char *buf);

#endif
