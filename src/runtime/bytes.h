// bytes.h - Python's bytes: for now, its repr.
#ifndef KRAIT_BYTES_H
#define KRAIT_BYTES_H

#include <stddef.h>

#include "strbuf.h"

// Append repr(b) for the bytes s[0..len): b'...' (or b"..." when the bytes
// hold a ' and no "), with \\, \t, \n, \r and \xNN escapes.
void bytes_repr(StrBuf *out, const char *s, size_t len);

#endif
