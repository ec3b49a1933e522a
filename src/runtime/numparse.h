// numparse.h - text to numbers: what int(s, base), float(s), complex(s) and
// float.fromhex(s) accept, with CPython 3.11's syntax, rounding and messages.
//
// The parsers work on ASCII bytes with an explicit length (bytes arguments
// are parsed as they are; a str goes through num_str_to_ascii first, which
// maps Unicode decimal digits and white space to their ASCII forms as
// CPython does). An embedded NUL is an ordinary invalid character.
#ifndef KRAIT_NUMPARSE_H
#define KRAIT_NUMPARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "object.h"
#include "strbuf.h"

// CPython's Py_ISSPACE: the ASCII white space int() and float() strip.
static inline bool num_is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The text of the str s as the parsers read it (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII): ASCII below U+007F is kept,
// Unicode white space becomes ' ', a decimal digit of any script becomes its
// ASCII digit, and the first other character becomes '?' and ends the text.
// Appends to out.
void num_str_to_ascii(Value s, StrBuf *out);

// int(text, base) for base 0 or 2..36: white space around, one sign,
// the 0x/0o/0b prefix (base 0, or the matching base), single underscores
// between digits (and after a prefix). Returns the int, or 0 with
// ValueError: "invalid literal for int() with base B: R" where R is
// repr(orig) cut to 200 characters, or, for a base that is not a power of
// two, "Exceeds the limit (N digits) for integer string conversion: value
// has M digits; ..." when int_max_str_digits is exceeded.
Value num_parse_int(const char *s, size_t len, int base, Value orig);

// The longest prefix of s[0..len) that spells a float (an optional sign,
// then digits with an optional point and exponent, or inf / infinity / nan
// in any case), correctly rounded. *stop is where the prefix ends (s itself
// when there is none: then 0.0 is returned). Overflow gives +-inf.
double num_parse_double_prefix(const char *s, size_t len, const char **stop);

// float(text): 0 with *out set, or -1 with ValueError "could not convert
// string to float: R" (R = repr(orig)). Underscores as in literals.
int num_parse_float(const char *s, size_t len, Value orig, double *out);

// complex(text): "1", "2j", "1+2j", "-j", "(1-2.5e3j)" with white space
// around and inside the parentheses. 0, or -1 with ValueError ("complex() arg
// is a malformed string", or "could not convert string to complex: R" for a
// misplaced underscore).
int num_parse_complex(const char *s, size_t len, Value orig, double *re, double *im);

// float.fromhex(text): "0x1.8p3", "-1.", "inf"... correctly rounded. 0, or
// -1 with ValueError "invalid hexadecimal floating-point string" or
// OverflowError "hexadecimal value too large to represent as a float".
int num_parse_hex_float(const char *s, size_t len, double *out);

// Raise exc_type with the str msg as its message (for messages that hold a
// repr of arbitrary length, beyond what err_format keeps). Returns 0.
Value num_raise_str(Type *exc_type, Value msg);

#endif
