// str.h - Python's str: for now, its repr.
#ifndef KRAIT_STR_H
#define KRAIT_STR_H

#include <stddef.h>

#include "object.h"
#include "strbuf.h"

// Append repr(s) for the str whose generalized UTF-8 (lone surrogates encoded
// as 3-byte sequences) is s[0..len): CPython's choice of quotes, and \\, \t,
// \n, \r, \xNN, \uNNNN, \UNNNNNNNN for what str.isprintable() rejects.
void str_repr(StrBuf *out, const char *s, size_t len);

// ---- the str type (issue 3) ----------------------------------------------
// A str is immutable generalized UTF-8 (lone surrogates allowed, encoded as
// 3 bytes) with its length in code points, an ASCII flag, a cached hash and,
// for non-ASCII strings, a lazily built sparse index from code point to byte
// offset (O(1)-ish indexing, as PyPy does).
enum StrFlags { STR_ASCII = 1, STR_INTERNED = 2 };
typedef struct StrObject {
    Object header;
    int64_t hash;      // -1 until computed
    size_t len;        // code points
    size_t nbytes;     // UTF-8 bytes, excluding the trailing NUL
    uint32_t flags;
    void *index;       // sparse index (non-ASCII), malloc'ed, or NULL
    char data[];       // nbytes + 1 (NUL-terminated)
} StrObject;

extern Type type_str;
static inline StrObject *str_obj(Value v) { return (StrObject *)val_ptr(v); }
// A new str from valid generalized UTF-8 (the caller guarantees validity).
Value str_from_utf8(const char *s, size_t nbytes);
Value str_from_cstr(const char *s);
// The interned str equal to s (identifiers, attribute names, dict keys of
// globals): interned strings compare by identity.
Value str_intern(Value s);
Value str_intern_cstr(const char *s);
int64_t str_hash(Value s);
int str_equal(Value a, Value b);   // both str
// printf-style str for messages: %s (C string), %d/%zd/%lld..., plus %R
// (repr of a Value), %S (str of a Value), %T (type name of a Value).
Value str_format_c(const char *fmt, ...);

#endif
