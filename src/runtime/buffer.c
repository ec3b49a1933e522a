// buffer.c - the buffer protocol (buffer.h): one switch over the three
// exporters the runtime has, instead of a slot in every Type, and a short
// list of exporters registered by modules (io.BytesIO's buffer).
#include "buffer.h"

#include "bytearray.h"
#include "bytes.h"
#include "exceptions.h"
#include "memoryview.h"
#include "str.h"
#include "type.h"

enum { MAX_EXPORTERS = 8 };
static const BufferExporter *exporters[MAX_EXPORTERS];
static int nexporters;

void buffer_register_exporter(const BufferExporter *e) {
    for (int i = 0; i < nexporters; i++) {
        if (exporters[i] == e) {
            return;
        }
    }
    if (nexporters < MAX_EXPORTERS) {
        exporters[nexporters++] = e;
    }
}

static const BufferExporter *exporter_of(Value v) {
    if (!val_is_ptr(v)) {
        return NULL;
    }
    Type *t = val_ptr(v)->type;
    for (int i = 0; i < nexporters; i++) {
        if (t == exporters[i]->type || type_is_subtype(t, exporters[i]->type)) {
            return exporters[i];
        }
    }
    return NULL;
}

int buffer_check(Value v) {
    return val_is_bytes(v) || bytearray_check(v) || memoryview_check(v) || exporter_of(v);
}

int buffer_get(Value v, Buffer *view, int flags) {
    if (val_is_bytes(v)) {
        if (flags & BUFFER_WRITABLE) {
            err_format(&exc_BufferError, "Object is not writable.");
            return -1;
        }
        *view = (Buffer){v, bytes_obj(v)->data, (int64_t)bytes_len(v), 1,
                         (int64_t)bytes_len(v), 1, "B", 1};
        return 1;
    }
    if (bytearray_check(v)) {
        ByteArrayObject *b = bytearray_obj(v);
        b->exports++;
        *view = (Buffer){v, b->data ? b->data : "", (int64_t)b->len, 1, (int64_t)b->len, 1,
                         "B", 0};
        if (!b->data) {
            view->buf = (char *)"";
        }
        return 1;
    }
    if (memoryview_check(v)) {
        MemoryViewObject *m = memoryview_obj(v);
        if (m->released) {
            err_format(&exc_ValueError, "operation forbidden on released memoryview object");
            return -1;
        }
        if ((flags & BUFFER_WRITABLE) && m->view.readonly) {
            err_format(&exc_BufferError, "memoryview: underlying buffer is not writable");
            return -1;
        }
        if (!(flags & BUFFER_STRIDED) && m->view.stride != m->view.itemsize) {
            err_format(&exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        *view = m->view;
        view->obj = v;
        view->format = m->format;
        m->exports++;
        return 1;
    }
    const BufferExporter *e = exporter_of(v);
    if (e) {
        return e->get(v, view, flags) < 0 ? -1 : 1;
    }
    return 0;
}

void buffer_release(Buffer *view) {
    Value v = view->obj;
    if (!v) {
        return;
    }
    view->obj = 0;
    if (val_is_bytes(v)) {
        return;  // immutable: nothing counts its views
    }
    if (bytearray_check(v)) {
        bytearray_obj(v)->exports--;
    } else if (memoryview_check(v)) {
        memoryview_obj(v)->exports--;
    } else {
        const BufferExporter *e = exporter_of(v);
        if (e) {
            e->release(v);
        }
    }
}

int buffer_get_bytes_like(Value v, Buffer *view) {
    int k = buffer_get(v, view, BUFFER_SIMPLE);
    if (k == 0) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", str_type_name(v));
        return -1;
    }
    return k < 0 ? -1 : 0;
}

int64_t buffer_exports(Value v) {
    if (bytearray_check(v)) {
        return bytearray_obj(v)->exports;
    }
    if (memoryview_check(v)) {
        return memoryview_obj(v)->exports;
    }
    return 0;
}
