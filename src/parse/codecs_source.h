// codecs_source.h - decoding source files declared with a PEP 263 coding
// other than UTF-8.
//
// The tokenizer decodes a whole source to UTF-8 before it looks at a single
// token, as CPython's string tokenizer does. Every codec of python3.11's
// `encodings` package that decodes bytes to text is implemented: UTF-8/16/32
// (and -sig, -le, -be), UTF-7, ASCII, Latin-1 and the single-byte charmaps,
// unicode_escape, raw_unicode_escape, punycode, idna, undefined, and the
// CJK multibyte codecs (EUC, Shift_JIS, GBK, GB18030, Big5, HZ, ISO-2022,
// ...). Tables come from python3.11 itself (tools/gen_source_codecs.py).
#ifndef KRAIT_CODECS_SOURCE_H
#define KRAIT_CODECS_SOURCE_H

#include <stddef.h>

#include "../runtime/strbuf.h"

typedef enum SourceCodecResult {
    SRC_CODEC_OK,
    SRC_CODEC_UNKNOWN,      // Python knows no codec of that name
    SRC_CODEC_UNSUPPORTED,  // Python has it, krait does not (yet)
    SRC_CODEC_DECODE_ERROR, // the bytes are not valid in that encoding (a
                            // UnicodeError: CPython reports a SyntaxError)
    SRC_CODEC_RUNTIME_ERROR,// CPython raises RuntimeError, not SyntaxError (the
                            // iso2022_jp_2 "internal codec error" of ESC N
                            // after an odd G2 designation)
} SourceCodecResult;

// Decode src[0..len) from the encoding named `name` (as written in a coding
// declaration) and append the UTF-8 text to out. On an error, msg receives
// the text of the Python exception CPython would raise (str() of the
// LookupError or UnicodeError), e.g. "unknown encoding: foo" or
// "'ascii' codec can't decode byte 0xc3 in position 19: ordinal not in
// range(128)". The only SRC_CODEC_UNSUPPORTED cases left are idna labels
// that need nameprep, and \N{...} escapes when unicode_names.c is not
// linked in.
SourceCodecResult source_decode(const char *name, const char *src, size_t len, StrBuf *out,
                                char *msg, size_t msgsize);

// Describe the first strict-UTF-8 decoding error in s[0..len) as CPython's
// UnicodeDecodeError does ("'utf-8' codec can't decode byte 0xf6 in position
// 1: invalid start byte"), positions relative to s. Returns 0 when s is valid
// UTF-8 (surrogates are invalid here), 1 when msg was filled.
int utf8_strict_error(const char *s, size_t len, char *msg, size_t msgsize);

// The length in code points of s[0..len) decoded as UTF-8 with errors=
// "replace" (each maximal invalid subsequence counts as one U+FFFD), which is
// how CPython measures error columns in lines that may hold invalid bytes.
size_t utf8_replace_count(const char *s, size_t len);

// One step of that decoding at s (n > 0): the number of bytes of the next
// character, or of the invalid sequence that becomes one U+FFFD (*valid 0).
size_t utf8_next_replace(const char *s, size_t n, int *valid);

#endif
