// bytearray.h - Python's bytearray: a mutable byte string.
#ifndef KRAIT_BYTEARRAY_H
#define KRAIT_BYTEARRAY_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

// The bytes live in a malloc'ed array (`cap` bytes, NUL-terminated when cap
// > 0, as CPython's); `exports` counts the open buffer windows (buffer.h),
// during which the size may not change.
typedef struct ByteArrayObject {
    Object header;
    char *data;
    size_t len;
    size_t cap;
    int64_t exports;
} ByteArrayObject;

extern Type type_bytearray, type_bytearray_iterator;

static inline ByteArrayObject *bytearray_obj(Value v) { return (ByteArrayObject *)val_ptr(v); }
int bytearray_check(Value v);  // a bytearray or a subclass instance

// A new bytearray holding p[0..n).
Value bytearray_from(const void *p, size_t n);
// Set the size to n (new bytes uninitialized): 0, or -1 with BufferError
// while exported, MemoryError.
int bytearray_resize(Value ba, size_t n);

#endif
