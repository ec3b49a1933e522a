// str.h - Python's str: layout, construction, interning, indexing, and the
// repr used by the AST dump.
#ifndef KRAIT_STR_H
#define KRAIT_STR_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"
#include "strbuf.h"

// Append repr(s) for the str whose generalized UTF-8 (lone surrogates encoded
// as 3-byte sequences) is s[0..len): CPython's choice of quotes, and \\, \t,
// \n, \r, \xNN, \uNNNN, \UNNNNNNNN for what str.isprintable() rejects.
void str_repr(StrBuf *out, const char *s, size_t len);

// ---- the str type ----------------------------------------------------------
// A str is immutable generalized UTF-8 (lone surrogates allowed, encoded as
// 3 bytes) with its length in code points, flags saying how wide its code
// points are, a cached hash and, for non-ASCII strings, a lazily built
// sparse index from code point to byte offset (O(1)-ish indexing, as PyPy
// does). UTF-8's byte order is code point order, surrogates included, so
// comparisons are memcmp. str.c's opening comment has the details.
enum StrFlags {
    STR_ASCII = 1,      // every code point < 0x80
    STR_INTERNED = 2,   // the one str in the intern table with this text
    STR_WIDE2 = 4,      // some code point >= 0x100 (CPython would use 2+ bytes each)
    STR_WIDE4 = 8,      // some code point >= 0x10000 (4 bytes each; implies WIDE2)
};
struct StrIndex;  // str.c
typedef struct StrObject {
    Object header;
    int64_t hash;      // -1 until computed
    size_t len;        // code points
    size_t nbytes;     // UTF-8 bytes, excluding the trailing NUL
    uint32_t flags;
    struct StrIndex *index;  // sparse index (non-ASCII, built lazily; a GC object) or NULL
    char data[];       // nbytes + 1 (NUL-terminated)
} StrObject;

extern Type type_str;
extern Type type_str_iterator, type_str_ascii_iterator;
static inline StrObject *str_obj(Value v) { return (StrObject *)val_ptr(v); }
// Whether v is a str (or an instance of a subclass).
static inline int val_is_str(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_STR_SUBCLASS) != 0;
}
// CPython's "kind" of s: bytes per code point in its representation (1, 2, 4).
static inline int str_kind(const StrObject *s) {
    return (s->flags & STR_WIDE4) ? 4 : (s->flags & STR_WIDE2) ? 2 : 1;
}

// ---- construction ---------------------------------------------------------------
// A new str from valid generalized UTF-8 (the caller guarantees validity).
// The empty string and one-character strings below U+0100 are shared.
Value str_from_utf8(const char *s, size_t nbytes);
Value str_from_cstr(const char *s);
// Build a str in place: str_alloc gives an uninitialized StrObject with room
// for nbytes (+ NUL); write data[0..nbytes) with valid generalized UTF-8, then
// str_finish computes its length and flags and returns it.
StrObject *str_alloc(size_t nbytes);
Value str_finish(StrObject *s);
// The single-character str of code point cp (<= 0x10FFFF; cached below 0x100).
Value str_char(uint32_t cp);
// The empty str (a singleton).
Value str_empty(void);

// ---- interning --------------------------------------------------------------------
// The interned str equal to s (identifiers, attribute names, keys of
// globals): interned strings compare by identity. Interning a str subclass
// instance interns an exact str copy. Interned strings are immortal.
// Returns 0 only on MemoryError.
Value str_intern(Value s);
Value str_intern_cstr(const char *s);
Value str_intern_utf8(const char *s, size_t nbytes);
// The interned str with this UTF-8 text, or 0 (no exception) when there is
// none: a lookup that neither allocates nor interns.
Value str_interned_find(const char *s, size_t nbytes);

// ---- queries ----------------------------------------------------------------------
// CPython's hash(s), cached in the object. Never fails.
int64_t str_hash(Value s);
// hash() of the str whose generalized UTF-8 is s[0..nbytes), without a str.
int64_t str_hash_utf8(const char *s, size_t nbytes);
int str_equal(Value a, Value b);   // both str
// <0, 0, >0 in code point order (both str).
int str_compare(Value a, Value b);
static inline size_t str_len(Value s) { return str_obj(s)->len; }
// The code point at index i (0 <= i < len).
uint32_t str_getitem_cp(Value s, size_t i);
// Byte offset of code point i (0 <= i <= len) in s->data.
size_t str_offset_of(Value s, size_t i);

// ---- operations ---------------------------------------------------------------------
// a + b. Both must be str, else TypeError 'can only concatenate str (not "X") to str'.
Value str_concat(Value a, Value b);
// s * n. n < 0 gives ''. OverflowError "repeated string is too long".
Value str_repeat(Value s, int64_t n);
// s[start:stop:step] where start, stop and step are what slice.indices(len(s))
// returns (step != 0; for a negative step stop may be -1).
Value str_slice(Value s, int64_t start, int64_t stop, int64_t step);
// Is needle a substring of hay? (both str)
int str_contains(Value hay, Value needle);
// Position of the first occurrence of needle[0..m) in hay[0..n), or -1.
// Two-way string matching for long needles (linear worst case), a skip loop
// for short ones. Works on bytes; a UTF-8 match is always at a character
// boundary.
int64_t str_find_bytes(const char *hay, size_t n, const char *needle, size_t m);

// An integer argument as str and bytes take it (an index, a repeat count):
// 1 with *out set if v is an int (bool included) or has __index__, with
// *overflow = 1 and *out clamped to INT64_MIN/INT64_MAX when it does not fit;
// 0 if v is not an integer (no exception); -1 if __index__ raised.
int str_index_arg(Value v, int64_t *out, int *overflow);
// A repeat count for the seq_repeat slots of str and bytes: 0 and *n set, or
// -1 with CPython's TypeError/OverflowError.
int str_repeat_count(Value count, int64_t *n);
// The type name of any Value, immediates included, as messages show it.
const char *str_type_name(Value v);

// sep.join(iterable) and s.replace(old, new, count) (count < 0: all), as
// the methods (str_methods.c), for C callers.
Value str_join(Value sep, Value iterable);
Value str_replace(Value s, Value old, Value new_, int64_t count);

// ---- for the files that implement str's methods -----------------------------------
// (str_methods.c, format.c, str_format.c, codecs.c)

// Decode the code point at p, in valid generalized UTF-8; *n gets its length.
static inline uint32_t str_decode_cp(const unsigned char *p, size_t *n) {
    uint32_t c = p[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    if (c < 0xE0) {
        *n = 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *n = 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *n = 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}
// The exact str with s's text: s itself when its type is str, else a copy.
Value str_exact(Value s);
// The number of code points of valid generalized UTF-8 p[0..nbytes).
size_t str_count_cps(const char *p, size_t nbytes);
// The str of s's bytes [from, to) (character boundaries): shared strings
// for short results, no rescan when s is ASCII.
Value str_substr_bytes(Value s, size_t from, size_t to);
// A str from valid generalized UTF-8 whose code point count and largest
// code point the caller knows (no rescan).
Value str_from_utf8_known(const char *p, size_t nbytes, size_t len, uint32_t maxcp);
// A new str from the bytes of b (valid generalized UTF-8), which is freed.
Value str_from_strbuf(StrBuf *b);
// Position of the last occurrence of needle[0..m) in hay[0..n), or -1.
int64_t str_rfind_bytes(const char *hay, size_t n, const char *needle, size_t m);

// printf-style str for messages: %s (C string, bytes decoded as UTF-8 with
// U+FFFD for invalid input), %d %i %u %x %ld %lu %lld %llu %zd %zu (with
// the usual flags, width and precision), %c (a code point), %p, %% and
// %R (repr of a Value), %S (str of a Value), %U (a str Value), %T (type name
// of a Value).
// For %R/%S a str or bytes is formatted here; any other Value through its
// type's repr/str slot directly (until abstract.c's obj_repr/obj_str land:
// no recursion guard, no check that the slot returned a str). A precision
// on %s counts bytes; on %R %S %T code points.
// Returns 0 with an exception if a %R/%S conversion fails.
Value str_format_c(const char *fmt, ...);

#endif
