// codecs.h - text encodings for str.encode, str(bytes, ...) and bytes.decode:
// codec lookup by name as CPython's codec registry resolves it, and the
// built-in codecs with their error handlers.
#ifndef KRAIT_CODECS_H
#define KRAIT_CODECS_H

#include "object.h"

// str.encode(encoding, errors): NULL means "utf-8" / "strict". Implemented:
// utf-8, utf-16, utf-16-le/-be, utf-32, utf-32-le/-be, ascii, latin-1, the
// 70 single-byte table codecs (cp1252, iso8859_15, koi8_r, cp037...),
// unicode_escape, raw_unicode_escape and utf-7 (every alias CPython
// accepts), with the error handlers strict, ignore, replace,
// backslashreplace, xmlcharrefreplace, surrogateescape and surrogatepass,
// and any handler registered with codecs.register_error. Raises UnicodeEncodeError (strict), LookupError for an
// unknown encoding or error handler, LookupError "'x' is not a text
// encoding..." for bytes-to-bytes codecs, and NotImplementedError for
// CPython codecs krait does not have yet (shift_jis, ...) and the
// namereplace handler.
Value codec_encode(Value s, const char *encoding, const char *errors);

// bytes.decode(encoding, errors) and str(b, encoding, errors) for the bytes
// data[0..n) of the bytes-like `obj` (0: a bytes object is made for the
// error if one is raised). NULL means "utf-8" / "strict". Implemented:
// utf-8, utf-8-sig, utf-16, utf-32 (and -le/-be), ascii, latin-1, the
// single-byte table codecs, unicode_escape, raw_unicode_escape and utf-7,
// with the error handlers strict,
// ignore, replace, backslashreplace, surrogateescape and surrogatepass;
// the errors of codec_encode otherwise (and TypeError for handlers that
// cannot decode, as xmlcharrefreplace).
Value codec_decode(Value obj, const char *data, size_t n, const char *encoding,
                   const char *errors);

// codec_decode for an incremental decoder (and without the registry's
// wrapping of errors): when not `final`, a character
// (or escape) cut off by the end of the data is left for the next call;
// *consumed (if not NULL) gets the number of bytes decoded.
Value codec_decode_final(Value obj, const char *data, size_t n, const char *encoding,
                         const char *errors, int final, size_t *consumed);

// The error handlers codecs.register_error knows beyond the built-in
// names: register one (name a str; 0 or -1), look one up (0 without an
// exception when there is none). The encoders and decoders above call
// a registered handler for an error handler name they do not know.
int codec_register_error(Value name, Value handler);
Value codec_lookup_error_handler(const char *name);

// codec_encode without the registry's wrapping of errors (codec_wrap_error):
// what the _codecs functions of one codec do.
Value codec_encode_direct(Value s, const char *encoding, const char *errors);

// Hand the UnicodeEncodeError/UnicodeDecodeError `exc` (about a text
// `length` code points or bytes long) to the error handler `errors`
// (NULL or "strict": raise it): 0 with *rep (str, or bytes when `encode`)
// and *newpos in [0, length], or -1 with the handler's error, a TypeError
// for a malformed result, an IndexError for a position out of bounds or a
// LookupError for an unknown handler.
int codec_call_error_handler(const char *errors, Value exc, int encode, size_t length,
                             Value *rep, int64_t *newpos);

// The codec registry's wrapping of a failed codec call: a LookupError or
// TypeError that is not a UnicodeError becomes "<what> with '<encoding>'
// codec failed (Type: message)" of the same type, caused by the original.
void codec_wrap_error(const char *what, const char *encoding);

// The name of the encodings module CPython 3.11 has for `encoding` (any
// alias, normalized as the registry does: "latin-1" -> "latin_1"), or
// NULL when CPython has no such codec.
const char *codec_cpython_module(const char *encoding);

// The codec registry's lookup (CPython's _PyCodec_Lookup), installed by the
// _codecs module: codec_encode and codec_decode ask it for the codecs they
// do not have themselves. NULL until _codecs is imported.
extern Value (*codec_registry_hook)(Value encoding);

// -X dev (set by sys_init): codec_encode and codec_decode look the encoding
// and the error handler up before anything else, as CPython's development
// mode, so a bad name fails even on empty input.
extern int codec_dev_mode;
int codec_dev_check(const char *encoding, const char *errors);  // 0, or -1 with LookupError

// The bytes.decode method, for bytes.c's method table.
Value bytes_m_decode(Value self, const Value *args, size_t nargs, Value kwnames);

#endif
