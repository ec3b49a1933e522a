// mmapmodule.c - the `mmap` module: mmap.mmap, a file (or anonymous memory)
// mapped into the address space, read and written as a mutable sequence of
// bytes, as a file (read/write/seek at a position) and through the buffer
// protocol.
//
// The object owns the mapping and a dup() of the file descriptor (for
// size() and resize()); the free slot unmaps and closes them if close()
// never ran. It holds no Values, so it needs no trace function. A buffer
// window (a memoryview) keeps the mapping: close() and resize() refuse
// with CPython's BufferError while one is open, after collecting the views
// nobody holds any more.
#define _GNU_SOURCE  // mremap
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum Access { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };

typedef struct MmapObject {
    Object header;
    char *data;        // NULL once closed
    size_t size;
    size_t pos;
    int64_t offset;
    int fd;            // a dup of the mapped file's descriptor, or -1
    int flags, prot;
    enum Access access;
    int64_t exports;   // open buffer windows
} MmapObject;

static Type type_mmap;

static MmapObject *mm(Value v) {
    return (MmapObject *)val_ptr(v);
}

static void mmap_release_os(MmapObject *m) {
    if (m->data) {
        munmap(m->data, m->size ? m->size : 1);
        m->data = NULL;
    }
    if (m->fd >= 0) {
        close(m->fd);
        m->fd = -1;
    }
}

static void mmap_free(Object *o) {
    mmap_release_os((MmapObject *)o);
}

static int check_valid(Value self) {
    if (!mm(self)->data) {
        err_format(&exc_ValueError, "mmap closed or invalid");
        return -1;
    }
    return 0;
}

static int check_writable(Value self) {
    if (check_valid(self) < 0) {
        return -1;
    }
    if (mm(self)->access == ACCESS_READ) {
        err_format(&exc_TypeError, "mmap can't modify a readonly memory map.");
        return -1;
    }
    return 0;
}

// Views nobody holds any more keep their export until they are finalized:
// collect before refusing.
static int has_exports(Value self) {
    if (mm(self)->exports > 0) {
        gc_scrub_stack();
        finalize_collect();
    }
    return mm(self)->exports > 0;
}

// ---- construction -------------------------------------------------------------------

static Value mmap_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"fileno", "length", "flags", "prot", "access", "offset", NULL};
    static const ArgSpec spec = {"mmap", 0, names, 2, 6, 0};
    Value a[6];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t fd, length, flags = MAP_SHARED, prot = PROT_READ | PROT_WRITE, access = ACCESS_DEFAULT,
                        offset = 0;
    if (obj_as_int64(a[0], &fd) < 0 || obj_as_int64(a[1], &length) < 0 ||
        (a[2] && obj_as_int64(a[2], &flags) < 0) || (a[3] && obj_as_int64(a[3], &prot) < 0) ||
        (a[4] && obj_as_int64(a[4], &access) < 0) || (a[5] && obj_as_int64(a[5], &offset) < 0)) {
        return 0;
    }
    if (fd < INT32_MIN || fd > INT32_MAX || flags < INT32_MIN || flags > INT32_MAX ||
        prot < INT32_MIN || prot > INT32_MAX || access < INT32_MIN || access > INT32_MAX) {
        return err_format(&exc_OverflowError, "signed integer is greater than maximum");
    }
    if (length < 0) {
        return err_format(&exc_OverflowError, "memory mapped length must be positive");
    }
    if (offset < 0) {
        return err_format(&exc_OverflowError, "memory mapped offset must be positive");
    }
    if (access != ACCESS_DEFAULT &&
        (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
        return err_format(&exc_ValueError, "mmap can't specify both access and flags, prot.");
    }
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED;
        prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        if ((prot & PROT_READ) && (prot & PROT_WRITE)) {
            // read and write: the default
        } else if (prot & PROT_WRITE) {
            access = ACCESS_WRITE;
        } else {
            access = ACCESS_READ;
        }
        break;
    default:
        return err_format(&exc_ValueError, "mmap invalid access parameter.");
    }
    struct stat st;
    if (fd != -1 && fstat((int)fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (length == 0) {
            if (st.st_size == 0) {
                return err_format(&exc_ValueError, "cannot mmap an empty file");
            }
            if (offset >= st.st_size) {
                return err_format(&exc_ValueError, "mmap offset is greater than file size");
            }
            length = st.st_size - offset;
        } else if (offset > st.st_size || st.st_size - offset < length) {
            return err_format(&exc_ValueError, "mmap length is greater than file size");
        }
    }
    Type *t = type_ptr(type);
    MmapObject *m = (MmapObject *)gc_alloc(t, t->basic_size);
    if (!m) {
        return 0;
    }
    m->fd = -1;
    m->offset = offset;
    m->flags = (int)flags;
    m->prot = (int)prot;
    m->access = (enum Access)access;
    m->size = (size_t)length;
    int map_fd = -1;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    } else {
        m->fd = dup((int)fd);
        if (m->fd < 0) {
            return err_from_errno(errno, 0, 0);
        }
        map_fd = m->fd;
    }
    void *p = mmap(NULL, (size_t)length, (int)prot, (int)flags, map_fd, (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        mmap_release_os(m);
        return err_from_errno(e, 0, 0);
    }
    m->data = p;
    return val_from_ptr(m);
}

// ---- the buffer protocol --------------------------------------------------------------

static int mmap_buffer_get(Value v, Buffer *view, int flags) {
    MmapObject *m = mm(v);
    if (check_valid(v) < 0) {
        return -1;
    }
    int readonly = m->access == ACCESS_READ;
    if ((flags & BUFFER_WRITABLE) && readonly) {
        err_format(&exc_BufferError, "Object is not writable.");
        return -1;
    }
    m->exports++;
    *view = (Buffer){v, m->data, (int64_t)m->size, 1, (int64_t)m->size, 1, "B", readonly};
    return 0;
}

static void mmap_buffer_release(Value v) {
    mm(v)->exports--;
}

static const BufferExporter mmap_exporter = {&type_mmap, mmap_buffer_get, mmap_buffer_release};

// ---- methods ----------------------------------------------------------------------------

FN(mmap_close) {
    if (method_check_args("close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (has_exports(self)) {
        return err_format(&exc_BufferError, "cannot close exported pointers exist");
    }
    mmap_release_os(mm(self));
    return VAL_NONE;
}

static Value mmap_get_closed(Value self) {
    return val_bool(mm(self)->data == NULL);
}

FN(mmap_enter) {
    if (method_check_args("__enter__", nargs, kwnames, 0, 0) < 0 || check_valid(self) < 0) {
        return 0;
    }
    return self;
}

FN(mmap_exit) {
    return mmap_close(self, args, 0, 0);
}

// An optional size argument: None or absent is `dflt`.
static int opt_size(Value v, int64_t dflt, int64_t *out) {
    if (!v || v == VAL_NONE) {
        *out = dflt;
        return 0;
    }
    if (!type_of(v)->index) {
        err_format(&exc_TypeError, "argument should be integer or None, not '%s'",
                   obj_type_name(v));
        return -1;
    }
    return obj_as_int64(v, out);
}

FN(mmap_read) {
    if (method_check_args("read", nargs, kwnames, 0, 1) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    int64_t remaining = m->pos < m->size ? (int64_t)(m->size - m->pos) : 0, n;
    if (opt_size(nargs ? args[0] : 0, remaining, &n) < 0) {
        return 0;
    }
    if (n < 0 || n > remaining) {
        n = remaining;
    }
    Value r = bytes_from(m->data + m->pos, (size_t)n);
    if (r) {
        m->pos += (size_t)n;
    }
    return r;
}

FN(mmap_read_byte) {
    if (method_check_args("read_byte", nargs, kwnames, 0, 0) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    if (m->pos >= m->size) {
        return err_format(&exc_ValueError, "read byte out of range");
    }
    return int_from_i64((unsigned char)m->data[m->pos++]);
}

FN(mmap_readline) {
    if (method_check_args("readline", nargs, kwnames, 0, 0) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    size_t remaining = m->pos < m->size ? m->size - m->pos : 0;
    const char *start = m->data + m->pos;
    const char *nl = remaining ? memchr(start, '\n', remaining) : NULL;
    size_t n = nl ? (size_t)(nl - start) + 1 : remaining;
    Value r = bytes_from(start, n);
    if (r) {
        m->pos += n;
    }
    return r;
}

FN(mmap_write) {
    if (method_check_args("write", nargs, kwnames, 1, 1) < 0 || check_writable(self) < 0) {
        return 0;
    }
    Buffer b;
    if (buffer_get_bytes_like(args[0], &b) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    if (m->pos > m->size || (uint64_t)b.len > m->size - m->pos) {
        buffer_release(&b);
        return err_format(&exc_ValueError, "data out of range");
    }
    memcpy(m->data + m->pos, b.buf, (size_t)b.len);
    m->pos += (size_t)b.len;
    int64_t n = b.len;
    buffer_release(&b);
    return int_from_i64(n);
}

FN(mmap_write_byte) {
    if (method_check_args("write_byte", nargs, kwnames, 1, 1) < 0 || check_writable(self) < 0) {
        return 0;
    }
    int64_t v;
    if (!int_check(args[0])) {
        return err_format(&exc_TypeError, "integer argument expected, got %s",
                          obj_type_name(args[0]));
    }
    if (int_to_i64(args[0], &v) < 0 || v < 0 || v > 255) {
        err_clear();
        return err_format(&exc_OverflowError, v < 0 ? "unsigned byte integer is less than minimum"
                                                    : "unsigned byte integer is greater than maximum");
    }
    MmapObject *m = mm(self);
    if (m->pos >= m->size) {
        return err_format(&exc_ValueError, "write byte out of range");
    }
    m->data[m->pos++] = (char)v;
    return VAL_NONE;
}

FN(mmap_seek) {
    if (method_check_args("seek", nargs, kwnames, 1, 2) < 0 || check_valid(self) < 0) {
        return 0;
    }
    int64_t dist, how = 0;
    if (obj_as_int64(args[0], &dist) < 0 || (nargs > 1 && obj_as_int64(args[1], &how) < 0)) {
        return 0;
    }
    MmapObject *m = mm(self);
    int64_t where;
    switch (how) {
    case 0:
        where = dist;
        break;
    case 1:
        where = (int64_t)m->pos + dist;
        break;
    case 2:
        where = (int64_t)m->size + dist;
        break;
    default:
        return err_format(&exc_ValueError, "unknown seek type");
    }
    if (where < 0 || where > (int64_t)m->size) {
        return err_format(&exc_ValueError, "seek out of range");
    }
    m->pos = (size_t)where;
    return VAL_NONE;
}

FN(mmap_tell) {
    if (method_check_args("tell", nargs, kwnames, 0, 0) < 0 || check_valid(self) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)mm(self)->pos);
}

// size(): the size of the mapped file (not of the mapping); as CPython's,
// an anonymous map fails with EBADF (fstat of -1).
FN(mmap_size) {
    if (method_check_args("size", nargs, kwnames, 0, 0) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    struct stat st;
    if (fstat(m->fd, &st) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return int_from_i64((int64_t)st.st_size);
}

// find/rfind(sub[, start[, end]]): indices relative to the map, negative
// ones from its end, clamped.
static Value mmap_find_impl(Value self, const Value *args, size_t nargs, Value kwnames,
                            const char *name, int reverse) {
    if (method_check_args(name, nargs, kwnames, 1, 3) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    int64_t size = (int64_t)m->size, start = (int64_t)m->pos, end = size;
    if ((nargs > 1 && args[1] != VAL_NONE && obj_as_index(args[1], &start, 1) < 0) ||
        (nargs > 2 && args[2] != VAL_NONE && obj_as_index(args[2], &end, 1) < 0)) {
        return 0;
    }
    if (start < 0 && (start += size) < 0) {
        start = 0;
    } else if (start > size) {
        start = size;
    }
    if (end < 0 && (end += size) < 0) {
        end = 0;
    } else if (end > size) {
        end = size;
    }
    Buffer b;
    if (buffer_get_bytes_like(args[0], &b) < 0) {
        return 0;
    }
    int64_t found = -1, n = b.len;
    if (end - start >= n) {
        if (!reverse) {
            for (int64_t i = start; i + n <= end; i++) {
                if (memcmp(m->data + i, b.buf, (size_t)n) == 0) {
                    found = i;
                    break;
                }
            }
        } else {
            for (int64_t i = end - n; i >= start; i--) {
                if (memcmp(m->data + i, b.buf, (size_t)n) == 0) {
                    found = i;
                    break;
                }
            }
        }
    }
    buffer_release(&b);
    return int_from_i64(found);
}

FN(mmap_find) {
    return mmap_find_impl(self, args, nargs, kwnames, "find", 0);
}

FN(mmap_rfind) {
    return mmap_find_impl(self, args, nargs, kwnames, "rfind", 1);
}

FN(mmap_flush) {
    if (method_check_args("flush", nargs, kwnames, 0, 2) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    int64_t offset = 0, size = (int64_t)m->size;
    if ((nargs > 0 && obj_as_int64(args[0], &offset) < 0) ||
        (nargs > 1 && obj_as_int64(args[1], &size) < 0)) {
        return 0;
    }
    if (size < 0 || offset < 0 || (int64_t)m->size - offset < size) {
        return err_format(&exc_ValueError, "flush values out of range");
    }
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) {
        return VAL_NONE;
    }
    if (size && msync(m->data + offset, (size_t)size, MS_SYNC) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

FN(mmap_move) {
    if (method_check_args("move", nargs, kwnames, 3, 3) < 0 || check_writable(self) < 0) {
        return 0;
    }
    int64_t dest, src, cnt;
    if (obj_as_int64(args[0], &dest) < 0 || obj_as_int64(args[1], &src) < 0 ||
        obj_as_int64(args[2], &cnt) < 0) {
        return 0;
    }
    int64_t size = (int64_t)mm(self)->size;
    if (dest < 0 || src < 0 || cnt < 0 || size - dest < cnt || size - src < cnt) {
        return err_format(&exc_ValueError, "source, destination, or count out of range");
    }
    memmove(mm(self)->data + dest, mm(self)->data + src, (size_t)cnt);
    return VAL_NONE;
}

FN(mmap_resize) {
    if (method_check_args("resize", nargs, kwnames, 1, 1) < 0 || check_valid(self) < 0) {
        return 0;
    }
    int64_t n;
    if (obj_as_int64(args[0], &n) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    if (m->access != ACCESS_WRITE && m->access != ACCESS_DEFAULT) {
        return err_format(&exc_TypeError,
                          "mmap can't resize a readonly or copy-on-write memory map.");
    }
    if (has_exports(self)) {
        return err_format(&exc_BufferError, "mmap can't resize with extant buffers exported.");
    }
    if (n < 0 || INT64_MAX - n < m->offset) {
        return err_format(&exc_ValueError, "new size out of range");
    }
    if (m->fd != -1 && ftruncate(m->fd, (off_t)(m->offset + n)) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    void *p = mremap(m->data, m->size, (size_t)n, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) {
        return err_from_errno(errno, 0, 0);
    }
    m->data = p;
    m->size = (size_t)n;
    if (m->pos > m->size) {
        m->pos = m->size;
    }
    return VAL_NONE;
}

FN(mmap_madvise) {
    if (method_check_args("madvise", nargs, kwnames, 1, 3) < 0 || check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    int64_t option, start = 0, length = (int64_t)m->size;
    if (obj_as_int64(args[0], &option) < 0 || (nargs > 1 && obj_as_int64(args[1], &start) < 0) ||
        (nargs > 2 && obj_as_int64(args[2], &length) < 0)) {
        return 0;
    }
    if (start < 0 || start >= (int64_t)m->size) {
        return err_format(&exc_ValueError, "madvise start out of bounds");
    }
    if (length < 0) {
        return err_format(&exc_ValueError, "madvise length invalid");
    }
    if (INT64_MAX - start < length) {
        return err_format(&exc_OverflowError, "madvise length too large");
    }
    if (length > (int64_t)m->size - start) {
        length = (int64_t)m->size - start;
    }
    if (madvise(m->data + start, (size_t)length, (int)option) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

static Value mmap_repr(Value self) {
    static const char *const access_names[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                               "ACCESS_COPY"};
    MmapObject *m = mm(self);
    if (!m->data) {
        return str_format_c("<%s closed=True>", type_of(self)->name);
    }
    return str_format_c("<%s closed=False, access=%s, length=%zu, pos=%zu, offset=%lld>",
                        type_of(self)->name, access_names[m->access], m->size, m->pos,
                        (long long)m->offset);
}

// ---- the sequence protocol ----------------------------------------------------------

static int64_t mmap_len(Value self) {
    return check_valid(self) < 0 ? -1 : (int64_t)mm(self)->size;
}

static Value mmap_getitem(Value self, Value key) {
    if (check_valid(self) < 0) {
        return 0;
    }
    MmapObject *m = mm(self);
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, (int64_t)m->size, &start, &stop, &step, &n) < 0) {
            return 0;
        }
        if (step == 1) {
            return bytes_from(m->data + start, (size_t)n);
        }
        char *tmp = malloc(n ? (size_t)n : 1);
        if (!tmp) {
            return err_no_memory();
        }
        for (int64_t i = 0; i < n; i++) {
            tmp[i] = m->data[start + i * step];
        }
        Value r = bytes_from(tmp, (size_t)n);
        free(tmp);
        return r;
    }
    if (!type_of(key)->index) {
        return err_format(&exc_TypeError, "mmap indices must be integers");
    }
    int64_t i;
    if (obj_as_index(key, &i, 0) < 0) {
        return 0;
    }
    if (i < 0) {
        i += (int64_t)m->size;
    }
    if (i < 0 || i >= (int64_t)m->size) {
        return err_format(&exc_IndexError, "mmap index out of range");
    }
    return int_from_i64((unsigned char)m->data[i]);
}

static int mmap_setitem(Value self, Value key, Value value) {
    if (check_valid(self) < 0) {
        return -1;
    }
    MmapObject *m = mm(self);
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, (int64_t)m->size, &start, &stop, &step, &n) < 0) {
            return -1;
        }
        if (!value) {
            err_format(&exc_TypeError, "mmap object doesn't support slice deletion");
            return -1;
        }
        if (check_writable(self) < 0) {
            return -1;
        }
        Buffer b;
        if (buffer_get_bytes_like(value, &b) < 0) {
            return -1;
        }
        if (b.len != n) {
            buffer_release(&b);
            err_format(&exc_IndexError, "mmap slice assignment is wrong size");
            return -1;
        }
        for (int64_t i = 0; i < n; i++) {
            m->data[start + i * step] = b.buf[i];
        }
        buffer_release(&b);
        return 0;
    }
    if (!type_of(key)->index) {
        err_format(&exc_TypeError, "mmap indices must be integer");
        return -1;
    }
    int64_t i;
    if (obj_as_index(key, &i, 0) < 0) {
        return -1;
    }
    if (i < 0) {
        i += (int64_t)m->size;
    }
    if (i < 0 || i >= (int64_t)m->size) {
        err_format(&exc_IndexError, "mmap index out of range");
        return -1;
    }
    if (!value) {
        err_format(&exc_TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (check_writable(self) < 0) {
        return -1;
    }
    int64_t v;
    if (!type_of(value)->index) {
        err_format(&exc_TypeError, "mmap item value must be an int");
        return -1;
    }
    if (obj_as_int64(value, &v) < 0 || v < 0 || v > 255) {
        err_clear();
        err_format(&exc_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    m->data[i] = (char)v;
    return 0;
}

static const MethodDef mmap_methods[] = {
    {"close", mmap_close, METH_DEFAULT, NULL},
    {"find", mmap_find, METH_DEFAULT, NULL},
    {"rfind", mmap_rfind, METH_DEFAULT, NULL},
    {"flush", mmap_flush, METH_DEFAULT, NULL},
    {"madvise", mmap_madvise, METH_DEFAULT, NULL},
    {"move", mmap_move, METH_DEFAULT, NULL},
    {"read", mmap_read, METH_DEFAULT, NULL},
    {"read_byte", mmap_read_byte, METH_DEFAULT, NULL},
    {"readline", mmap_readline, METH_DEFAULT, NULL},
    {"resize", mmap_resize, METH_DEFAULT, NULL},
    {"seek", mmap_seek, METH_DEFAULT, NULL},
    {"size", mmap_size, METH_DEFAULT, NULL},
    {"tell", mmap_tell, METH_DEFAULT, NULL},
    {"write", mmap_write, METH_DEFAULT, NULL},
    {"write_byte", mmap_write_byte, METH_DEFAULT, NULL},
    {"__enter__", mmap_enter, METH_DEFAULT, NULL},
    {"__exit__", mmap_exit, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef mmap_getset[] = {
    {"closed", mmap_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_mmap = {
    .header = {&type_type},
    .name = "mmap.mmap",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(MmapObject),
    .base = &type_object,
    .free = mmap_free,
    .new_ = mmap_tp_new,
    .repr = mmap_repr,
    .len = mmap_len,
    .getitem = mmap_getitem,
    .setitem = mmap_setitem,
    .methods = mmap_methods,
    .getset = mmap_getset,
};

Value mmap_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_mmap) < 0) {
        return 0;
    }
    buffer_register_exporter(&mmap_exporter);
    Value m = module_new_cstr("mmap");
    if (!m || module_add(m, "mmap", val_from_ptr(&type_mmap)) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_OSError)) < 0) {
        return 0;
    }
    long page = sysconf(_SC_PAGESIZE);
    const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"PROT_EXEC", PROT_EXEC}, {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE},
        {"MAP_SHARED", MAP_SHARED}, {"MAP_PRIVATE", MAP_PRIVATE},
        {"MAP_DENYWRITE", MAP_DENYWRITE}, {"MAP_EXECUTABLE", MAP_EXECUTABLE},
        {"MAP_ANON", MAP_ANONYMOUS}, {"MAP_ANONYMOUS", MAP_ANONYMOUS},
        {"MAP_POPULATE", MAP_POPULATE}, {"MAP_STACK", MAP_STACK},
        {"PAGESIZE", page}, {"ALLOCATIONGRANULARITY", page},
        {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
        {"ACCESS_WRITE", ACCESS_WRITE}, {"ACCESS_COPY", ACCESS_COPY},
        {"MADV_NORMAL", MADV_NORMAL}, {"MADV_RANDOM", MADV_RANDOM},
        {"MADV_SEQUENTIAL", MADV_SEQUENTIAL}, {"MADV_WILLNEED", MADV_WILLNEED},
        {"MADV_DONTNEED", MADV_DONTNEED}, {"MADV_REMOVE", MADV_REMOVE},
        {"MADV_DONTFORK", MADV_DONTFORK}, {"MADV_DOFORK", MADV_DOFORK},
        {"MADV_HWPOISON", MADV_HWPOISON}, {"MADV_MERGEABLE", MADV_MERGEABLE},
        {"MADV_UNMERGEABLE", MADV_UNMERGEABLE}, {"MADV_HUGEPAGE", MADV_HUGEPAGE},
        {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE}, {"MADV_DONTDUMP", MADV_DONTDUMP},
        {"MADV_DODUMP", MADV_DODUMP}, {"MADV_FREE", MADV_FREE},
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
        if (module_add(m, consts[i].name, int_from_i64(consts[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
