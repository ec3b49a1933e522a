// str.h - Python's str: for now, its repr.
#ifndef KRAIT_STR_H
#define KRAIT_STR_H

#include <stddef.h>

#include "strbuf.h"

// Append repr(s) for the str whose generalized UTF-8 (lone surrogates encoded
// as 3-byte sequences) is s[0..len): CPython's choice of quotes, and \\, \t,
// \n, \r, \xNN, \uNNNN, \UNNNNNNNN for what str.isprintable() rejects.
void str_repr(StrBuf *out, const char *s, size_t len);

#endif
