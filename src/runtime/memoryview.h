// memoryview.h - Python's memoryview: a 1-D window (buffer.h) on the memory
// of a bytes-like object, typed by a struct format.
#ifndef KRAIT_MEMORYVIEW_H
#define KRAIT_MEMORYVIEW_H

#include <stdint.h>

#include "buffer.h"
#include "object.h"

typedef struct MemoryViewObject {
    Object header;
    Buffer view;        // view.obj is the exporter (memoryview.obj)
    int64_t exports;    // windows opened on this memoryview
    int64_t hash;       // -1 until computed
    int ndim;           // 1, or 0 after cast(fmt, shape=[])
    int released;
    char format[4];
} MemoryViewObject;

extern Type type_memoryview, type_memoryview_iterator;

static inline int memoryview_check(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_memoryview;
}
static inline MemoryViewObject *memoryview_obj(Value v) {
    return (MemoryViewObject *)val_ptr(v);
}

// The size of one item of the struct format fmt ("B", "<i", "@d"...), or 0
// if krait's memoryview does not know it.
int64_t memoryview_format_size(const char *fmt);

// Ready the type (runtime_init, after the builtin types).
int memoryview_ready(void);

#endif
