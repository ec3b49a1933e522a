// format.h - the format mini-language ("{:>10.3f}", format(x, spec),
// f-strings, __format__ of str/int/float/complex/object) and the
// templating engines built on it: str.format/format_map (str_format.c) and
// printf-style % formatting (str_format.c).
//
// One spec parser and one number layout (fill, alignment, sign, '#'
// prefix, zero padding, ',' and '_' grouping) serve every caller; the
// type-specific parts only produce digits. Behaviour and messages are
// CPython 3.11's (Python/formatter_unicode.c), with the C locale for 'n'.
#ifndef KRAIT_FORMAT_H
#define KRAIT_FORMAT_H

#include <stdbool.h>

#include "object.h"
#include "strbuf.h"

// ---- the generic protocol ---------------------------------------------------------
// format(v, spec) (builtins.format, f-strings, str.format): exact str, int,
// float and complex are formatted directly; anything else through its
// type's __format__, whose result must be a str. `spec` is a str, or 0 for ''.
Value obj_format(Value v, Value spec);
// The same, appending the result to out. 0, or -1 with an exception.
int format_into(StrBuf *out, Value v, Value spec);
// ascii(v): repr(v) with non-ASCII characters escaped (\xNN, \uNNNN, \UNNNNNNNN).
Value obj_ascii(Value v);

// ---- the type-specific formatters (spec a str; v of the type or a subclass) ----------
Value str_format_spec(Value s, Value spec);
Value int_format(Value v, Value spec);
Value float_format(Value v, Value spec);
Value complex_format(Value v, Value spec);

// ---- shared with % formatting ---------------------------------------------------------
// Append a double formatted like PyOS_double_to_string: `type` one of
// e E f F g G r ('r': shortest repr digits), `precision` for all but 'r',
// and FORMAT_DTOA_* flags. ASCII output, with a '-' for negative numbers.
enum {
    FORMAT_DTOA_SIGN = 1,      // always a sign ('+' for positive)
    FORMAT_DTOA_ADD_DOT_0 = 2, // "1" -> "1.0" when there is no exponent
    FORMAT_DTOA_ALT = 4,       // '#': keep the point and trailing zeros
    FORMAT_DTOA_NO_NEG_0 = 8,  // 'z': "-0.00" -> "0.00"
};
void format_double(StrBuf *out, double x, char type, int precision, int flags);
// Append the digits of the int v in base 2, 8, 10 or 16 (lowercase, no
// sign, no prefix); *negative gets its sign. 0, or -1 with ValueError when
// a decimal conversion exceeds int_max_str_digits.
int format_int_digits(StrBuf *out, Value v, int base, bool *negative);

// Scratch buffers for building text (the formatters here and in
// str_format.c): an emptied StrBuf from a small pool, so that formatting
// does not malloc and free a buffer per call. Uses nest (a __format__ in
// Python may format again); every begin is paired with an end, LIFO.
// The pool is per thread.
StrBuf *format_scratch_begin(void);
void format_scratch_end(StrBuf *b);
// Free the calling thread's scratch buffers (when a thread ends).
void format_scratch_free(void);
// A str of the scratch buffer's text, which is released.
Value format_scratch_str(StrBuf *b);

// ---- the methods ----------------------------------------------------------------------
// __format__ of str, int (and bool), float and complex, for the types'
// method tables; str.format and str.format_map (str_format.c).
Value str_m_format_spec(Value self, const Value *args, size_t nargs, Value kwnames);
Value int_m_format(Value self, const Value *args, size_t nargs, Value kwnames);
Value float_m_format(Value self, const Value *args, size_t nargs, Value kwnames);
Value complex_m_format(Value self, const Value *args, size_t nargs, Value kwnames);
Value str_m_format(Value self, const Value *args, size_t nargs, Value kwnames);
Value str_m_format_map(Value self, const Value *args, size_t nargs, Value kwnames);

// ---- templating (str_format.c) ----------------------------------------------------------
// fmt.format(*args, **kwargs): args[0..nargs), the keyword values after
// them named by kwnames (or a mapping instead, for format_map: kwnames 0).
Value str_format_template(Value fmt, const Value *args, size_t nargs, Value kwnames,
                          Value mapping);
// fmt % args, printf-style (str.__mod__; NotImplemented when fmt is no str).
Value str_mod(Value fmt, Value args);
// The same for bytes (bytes.__mod__): %b/%s take bytes or __bytes__, %r/%a
// give ascii(), %c a byte.
Value bytes_mod(Value fmt, Value args);

#endif
