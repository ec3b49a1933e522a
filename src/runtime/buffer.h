// buffer.h - the buffer protocol: how C code reads (and writes) the memory
// of bytes, bytearray and memoryview without knowing which it has.
//
// buffer_get fills a Buffer, a borrowed window on the exporter's memory;
// buffer_release ends it. While a bytearray has windows open (its export
// count is non-zero) it refuses to change size - "BufferError: Existing
// exports of data: object cannot be re-sized" - so the pointer stays valid.
// A memoryview is one long-lived window (memoryview.c); C methods that only
// read an argument between two allocations take one and release it before
// they return.
//
// Only 1-D buffers exist in krait. `stride` is the distance between items:
// itemsize for a contiguous buffer, anything else for a memoryview sliced
// with a step (BUFFER_CONTIG refuses those).
#ifndef KRAIT_BUFFER_H
#define KRAIT_BUFFER_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

typedef struct Buffer {
    Value obj;            // the exporter (0 when no window is open)
    char *buf;            // the first item
    int64_t len;          // bytes in the view: nitems * itemsize
    int64_t itemsize;
    int64_t nitems;
    int64_t stride;       // bytes from one item to the next
    const char *format;   // a struct format: "B" for bytes and bytearray
    int readonly;
} Buffer;

enum BufferFlags {
    BUFFER_SIMPLE = 0,     // read access to contiguous memory
    BUFFER_WRITABLE = 1,   // BufferError if the exporter is read-only
    BUFFER_STRIDED = 2,    // a memoryview sliced with a step is allowed
};

// Does v export a buffer (bytes, bytearray, memoryview and their subclasses)?
int buffer_check(Value v);
// Open a window on v: 1 with *view filled, 0 without an exception when v
// has no buffer, -1 with one (a released memoryview, a read-only buffer
// asked for BUFFER_WRITABLE, a strided view without BUFFER_STRIDED).
int buffer_get(Value v, Buffer *view, int flags);
void buffer_release(Buffer *view);
// A bytes-like argument: 0 with the window open, or -1 with CPython's
// TypeError "a bytes-like object is required, not 'X'".
int buffer_get_bytes_like(Value v, Buffer *view);

// The number of open windows on a bytearray or memoryview (0 for others).
int64_t buffer_exports(Value v);

// Exporters that live outside src/runtime (the object behind
// io.BytesIO.getbuffer(), array.array): instances of `type` or of a
// subclass export through `get`, which fills *view (view->obj = v) and
// counts the window, returning 0 or -1 with an exception; `release`
// uncounts it. Registered once, by the module that owns the type; a handful at most.
typedef struct BufferExporter {
    Type *type;
    int (*get)(Value v, Buffer *view, int flags);
    void (*release)(Value v);
} BufferExporter;
void buffer_register_exporter(const BufferExporter *e);

#endif
