// bytes.h - Python's bytes: layout, construction, and the repr used by the
// AST dump.
#ifndef KRAIT_BYTES_H
#define KRAIT_BYTES_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"
#include "strbuf.h"

// Append repr(b) for the bytes s[0..len): b'...' (or b"..." when the bytes
// hold a ' and no "), with \\, \t, \n, \r and \xNN escapes.
void bytes_repr(StrBuf *out, const char *s, size_t len);
// The same; with escape_squote a ' is escaped even inside "...", as
// CPython's bytearray repr does.
void bytes_repr_ex(StrBuf *out, const char *s, size_t len, int escape_squote);

// ---- the bytes type --------------------------------------------------------
// Immutable; data is NUL-terminated (not counted in len) like CPython's, so
// C code may read it as a string when it holds no NUL.
typedef struct BytesObject {
    Object header;
    int64_t hash;      // -1 until computed
    size_t len;
    char data[];       // len + 1
} BytesObject;

extern Type type_bytes, type_bytes_iterator;
static inline BytesObject *bytes_obj(Value v) { return (BytesObject *)val_ptr(v); }
static inline int bytes_check_exact(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_bytes;
}
static inline int val_is_bytes(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_BYTES_SUBCLASS) != 0;
}

// A new bytes holding p[0..n). The empty bytes and one-byte bytes are shared.
Value bytes_from(const void *p, size_t n);
Value bytes_from_cstr(const char *s);
// Build in place: bytes_alloc gives an uninitialized BytesObject of n bytes
// (its NUL already written); fill data, then use val_from_ptr. 0 with
// MemoryError.
BytesObject *bytes_alloc(size_t n);
static inline size_t bytes_len(Value b) { return bytes_obj(b)->len; }
static inline const char *bytes_data(Value b) { return bytes_obj(b)->data; }
int64_t bytes_hash(Value b);     // CPython's (equal to the hash of the ASCII str)
int bytes_equal(Value a, Value b);  // both bytes

// a + b for a bytes a and any bytes-like b (a new bytes); TypeError "can't concat X to
// bytes" otherwise.
Value bytes_concat(Value a, Value b);
// b * n; n < 0 gives b''. OverflowError "repeated bytes are too long".
Value bytes_repeat(Value b, int64_t n);
// b[i] as an int; IndexError "index out of range".
Value bytes_getitem(Value b, int64_t i);
// b[start:stop:step] with the indices of slice.indices(len(b)).
Value bytes_slice(Value b, int64_t start, int64_t stop, int64_t step);

// bytes.__new__ (bytes.c).
Value bytes_tp_new(Value type, const Value *args, size_t nargs, Value kwnames);
// b.hex(sep, bytes_per_sep) over d[0..n) (bytes, bytearray and memoryview).
Value bytes_hex_impl(const char *d, size_t n, const Value *args, size_t nargs, Value kwnames);

#endif
