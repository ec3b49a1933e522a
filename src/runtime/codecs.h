// codecs.h - text encodings for str.encode, str(bytes, ...) and bytes.decode:
// codec lookup by name as CPython's codec registry resolves it, and the
// built-in codecs with their error handlers.
#ifndef KRAIT_CODECS_H
#define KRAIT_CODECS_H

#include "object.h"

// str.encode(encoding, errors): NULL means "utf-8" / "strict". Implemented:
// utf-8, utf-16, utf-16-le/-be, utf-32, utf-32-le/-be, ascii, latin-1, the
// 70 single-byte table codecs (cp1252, iso8859_15, koi8_r, cp037...),
// unicode_escape and raw_unicode_escape (every alias CPython accepts),
// with the error handlers strict, ignore,
// replace, backslashreplace, xmlcharrefreplace, surrogateescape and
// surrogatepass. Raises UnicodeEncodeError (strict), LookupError for an
// unknown encoding or error handler, LookupError "'x' is not a text
// encoding..." for bytes-to-bytes codecs, and NotImplementedError for
// CPython codecs krait does not have yet (cp1252, shift_jis, ...) and the
// namereplace handler.
Value codec_encode(Value s, const char *encoding, const char *errors);

// bytes.decode(encoding, errors) and str(b, encoding, errors) for the bytes
// data[0..n) of the bytes-like `obj` (0: a bytes object is made for the
// error if one is raised). NULL means "utf-8" / "strict". Implemented:
// utf-8, utf-8-sig, ascii, latin-1 and the single-byte table codecs, with
// the error handlers strict,
// ignore, replace, backslashreplace, surrogateescape and surrogatepass;
// the errors of codec_encode otherwise (and TypeError for handlers that
// cannot decode, as xmlcharrefreplace).
Value codec_decode(Value obj, const char *data, size_t n, const char *encoding,
                   const char *errors);

// The bytes.decode method, for bytes.c's method table.
Value bytes_m_decode(Value self, const Value *args, size_t nargs, Value kwnames);

#endif
