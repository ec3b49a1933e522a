// mmapmodule.c - the `mmap` module: memory-mapped files and anonymous
// memory as the mmap.mmap type, with CPython 3.11's methods, errors and
// constants.
//
// An mmap owns its mapping (data, size) and a dup of the file descriptor
// it maps (-1 for anonymous memory); close() and the collector's free
// hook unmap and close them. `pos` is the file-like position that read,
// write, seek and find use. While buffers are exported (memoryview(m),
// a bytes-like argument being read) the mapping cannot be closed or
// resized, so their pointers stay valid: BufferError, as in CPython.
//
// The access modes: ACCESS_READ maps PROT_READ and refuses every change
// with TypeError; ACCESS_WRITE writes through to the file; ACCESS_COPY is
// a private copy-on-write map that flush() leaves alone; ACCESS_DEFAULT
// takes flags and prot as given.
//
// Indexing: m[i] is an int and m[i:j] bytes, but iterating an mmap (which
// CPython does through its sequence slot) yields one-byte bytes objects.
#define _GNU_SOURCE  // mremap
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };

typedef struct MmapObject {
    Object header;
    char *data;       // NULL once closed
    int64_t size;
    int64_t pos;
    int64_t offset;
    int64_t exports;  // open buffer windows
    int fd;           // our dup of the mapped file, or -1
    int access;
} MmapObject;

typedef struct MmapIterObject {
    Object header;
    Value mmap;  // 0 once exhausted
    int64_t index;
} MmapIterObject;

static Type type_mmap, type_mmap_iter;

static MmapObject *mm(Value v) {
    return (MmapObject *)val_ptr(v);
}

// ---- argument conversions ----------------------------------------------------------------

// Argument Clinic's 'n' (Py_ssize_t through __index__).
static int mm_ssize_arg(Value v, int64_t *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

// 'i' (a C int).
static int mm_int_arg(Value v, int *out) {
    Value i = obj_index(v);
    int64_t x;
    if (!i) {
        return -1;
    }
    int big = int_to_i64(i, &x) < 0;
    if (big) {
        err_clear();
        x = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    if (x > INT_MAX) {
        err_format(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (x < INT_MIN) {
        err_format(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// An optional size: None is "all" (-1), else an int ("argument should be
// integer or None").
static int mm_optional_size(Value v, int64_t *out) {
    if (v == VAL_NONE) {
        *out = -1;
        return 0;
    }
    if (!type_of(v)->index && !int_check(v)) {
        err_format(&exc_TypeError, "argument should be integer or None, not '%s'",
                   obj_type_name(v));
        return -1;
    }
    return mm_ssize_arg(v, out);
}

static int mm_check_valid(Value self) {
    if (!mm(self)->data) {
        err_format(&exc_ValueError, "mmap closed or invalid");
        return -1;
    }
    return 0;
}

static int mm_check_writable(Value self) {
    if (mm(self)->access == ACCESS_READ) {
        err_format(&exc_TypeError, "mmap can't modify a readonly memory map.");
        return -1;
    }
    return 0;
}

// ---- creation and destruction ----------------------------------------------------------------

static void mmap_unmap(MmapObject *m) {
    if (m->fd >= 0) {
        close(m->fd);
        m->fd = -1;
    }
    if (m->data) {
        munmap(m->data, (size_t)m->size);
        m->data = NULL;
    }
}

static void mmap_free(Object *o) {
    mmap_unmap((MmapObject *)o);
}

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
//      access=ACCESS_DEFAULT, offset=0): parsed as CPython's
// PyArg_ParseTupleAndKeywords words it for a function without a name.
static Value mmap_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"fileno", "length", "flags", "prot", "access", "offset"};
    Value a[6] = {0};
    size_t nkw = args_nkw(kwnames);
    if (nargs + nkw > 6) {
        return err_format(&exc_TypeError, "function takes at most 6 arguments (%zu given)",
                          nargs + nkw);
    }
    for (size_t i = 0; i < nargs; i++) {
        a[i] = args[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        Value key = tuple_obj(kwnames)->items[k];
        size_t i = 0;
        while (i < 6 && strcmp(str_obj(key)->data, names[i]) != 0) {
            i++;
        }
        if (i == 6) {
            return err_format(&exc_TypeError,
                              "'%s' is an invalid keyword argument for this function",
                              str_obj(key)->data);
        }
        if (a[i]) {
            return err_format(&exc_TypeError,
                              "argument for function given by name ('%s') and position (%zu)",
                              names[i], i + 1);
        }
        a[i] = args[nargs + k];
    }
    for (size_t i = 0; i < 2; i++) {
        if (!a[i]) {
            return err_format(&exc_TypeError, "function missing required argument '%s' (pos %zu)",
                              names[i], i + 1);
        }
    }
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    int64_t length, offset = 0;
    if (mm_int_arg(a[0], &fd) < 0 || mm_ssize_arg(a[1], &length) < 0 ||
        (a[2] && mm_int_arg(a[2], &flags) < 0) || (a[3] && mm_int_arg(a[3], &prot) < 0) ||
        (a[4] && mm_int_arg(a[4], &access) < 0)) {
        return 0;
    }
    if (a[5]) {
        Value i = obj_index(a[5]);
        if (!i) {
            return 0;
        }
        if (int_to_i64(i, &offset) < 0) {
            err_clear();
            return err_format(&exc_OverflowError, "int too big to convert");
        }
    }
    if (length < 0) {
        return err_format(&exc_OverflowError, "memory mapped length must be positive");
    }
    if (offset < 0) {
        return err_format(&exc_OverflowError, "memory mapped offset must be positive");
    }
    if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
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
        if (!((prot & PROT_READ) && (prot & PROT_WRITE))) {
            access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
        }
        break;
    default:
        return err_format(&exc_ValueError, "mmap invalid access parameter.");
    }
    struct stat st;
    if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
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
    m->data = NULL;
    m->size = length;
    m->pos = 0;
    m->offset = offset;
    m->exports = 0;
    m->access = access;
    m->fd = -1;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    } else {
        m->fd = dup(fd);
        if (m->fd == -1) {
            return err_from_errno(errno, 0, 0);
        }
    }
    void *p = mmap(NULL, (size_t)length, prot, flags, m->fd, (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        mmap_unmap(m);
        return err_from_errno(e, 0, 0);
    }
    m->data = p;
    return val_from_ptr(m);
}

// ---- reading and writing -----------------------------------------------------------------

FN(mmap_close) {
    if (method_check_args("close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (mm(self)->exports > 0) {
        return err_format(&exc_BufferError, "cannot close exported pointers exist");
    }
    mmap_unmap(mm(self));
    return VAL_NONE;
}

FN(mmap_read_byte) {
    MmapObject *m = mm(self);
    if (method_check_args("read_byte", nargs, kwnames, 0, 0) < 0 || mm_check_valid(self) < 0) {
        return 0;
    }
    if (m->pos >= m->size) {
        return err_format(&exc_ValueError, "read byte out of range");
    }
    return val_from_smallint((unsigned char)m->data[m->pos++]);
}

FN(mmap_readline) {
    MmapObject *m = mm(self);
    if (method_check_args("readline", nargs, kwnames, 0, 0) < 0 || mm_check_valid(self) < 0) {
        return 0;
    }
    int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
    if (!remaining) {
        return bytes_from("", 0);
    }
    char *start = m->data + m->pos;
    char *eol = memchr(start, '\n', (size_t)remaining);
    int64_t n = eol ? eol - start + 1 : remaining;
    Value r = bytes_from(start, (size_t)n);
    if (r) {
        m->pos += n;
    }
    return r;
}

FN(mmap_read) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("read", kwnames) < 0 ||
        args_check_positional("read", nargs, 0, 1) < 0) {
        return 0;
    }
    int64_t n = -1;
    if (nargs && mm_optional_size(args[0], &n) < 0) {
        return 0;
    }
    if (mm_check_valid(self) < 0) {
        return 0;
    }
    int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
    if (n < 0 || n > remaining) {
        n = remaining;
    }
    Value r = bytes_from(m->data + m->pos, (size_t)n);
    if (r) {
        m->pos += n;
    }
    return r;
}

static int64_t mm_find(const char *hay, int64_t n, const char *needle, int64_t k, bool reverse) {
    if (k > n) {
        return -1;
    }
    if (reverse) {
        for (int64_t i = n - k; i >= 0; i--) {
            if (memcmp(hay + i, needle, (size_t)k) == 0) {
                return i;
            }
        }
        return -1;
    }
    if (k == 0) {
        return 0;
    }
    int64_t r = str_find_bytes(hay, (size_t)n, needle, (size_t)k);
    return r;
}

static Value mmap_gfind(Value self, const Value *args, size_t nargs, Value kwnames, bool reverse) {
    MmapObject *m = mm(self);
    const char *fname = reverse ? "rfind" : "find";
    if (mm_check_valid(self) < 0 || args_no_keywords(fname, kwnames) < 0 ||
        args_check_positional(fname, nargs, 1, 3) < 0) {
        return 0;
    }
    int64_t start = m->pos, end = m->size;
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if ((nargs > 1 && mm_ssize_arg(args[1], &start) < 0) ||
        (nargs > 2 && mm_ssize_arg(args[2], &end) < 0)) {
        buffer_release(&view);
        return 0;
    }
    if (start < 0) {
        start += m->size;
    }
    start = start < 0 ? 0 : start > m->size ? m->size : start;
    if (end < 0) {
        end += m->size;
    }
    end = end < 0 ? 0 : end > m->size ? m->size : end;
    if (!m->data) {
        buffer_release(&view);
        return err_format(&exc_ValueError, "mmap closed or invalid");
    }
    int64_t r = -1;
    if (end >= start) {
        r = mm_find(m->data + start, end - start, view.buf, view.len, reverse);
        if (r >= 0) {
            r += start;
        }
    }
    buffer_release(&view);
    return int_from_i64(r);
}

FN(mmap_findm) {
    return mmap_gfind(self, args, nargs, kwnames, false);
}

FN(mmap_rfind) {
    return mmap_gfind(self, args, nargs, kwnames, true);
}

FN(mmap_write) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("write", kwnames) < 0 ||
        args_check_positional("write", nargs, 1, 1) < 0) {
        return 0;
    }
    Buffer data;
    if (buffer_get_bytes_like(args[0], &data) < 0) {
        return 0;
    }
    if (mm_check_writable(self) < 0) {
        buffer_release(&data);
        return 0;
    }
    if (m->pos > m->size || m->size - m->pos < data.len) {
        buffer_release(&data);
        return err_format(&exc_ValueError, "data out of range");
    }
    if (!m->data) {
        buffer_release(&data);
        return err_format(&exc_ValueError, "mmap closed or invalid");
    }
    memmove(m->data + m->pos, data.buf, (size_t)data.len);
    m->pos += data.len;
    int64_t n = data.len;
    buffer_release(&data);
    return int_from_i64(n);
}

FN(mmap_write_byte) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("write_byte", kwnames) < 0 ||
        args_check_positional("write_byte", nargs, 1, 1) < 0) {
        return 0;
    }
    // Argument Clinic's 'b': an unsigned byte
    Value i = obj_index(args[0]);
    int64_t v;
    if (!i) {
        return 0;
    }
    if (int_to_i64(i, &v) < 0) {
        err_clear();
        v = int_sign(i) < 0 ? -1 : 256;
    }
    if (v < 0) {
        return err_format(&exc_OverflowError, "unsigned byte integer is less than minimum");
    }
    if (v > 255) {
        return err_format(&exc_OverflowError, "unsigned byte integer is greater than maximum");
    }
    if (mm_check_writable(self) < 0 || mm_check_valid(self) < 0) {
        return 0;
    }
    if (m->pos >= m->size) {
        return err_format(&exc_ValueError, "write byte out of range");
    }
    m->data[m->pos++] = (char)v;
    return VAL_NONE;
}

FN(mmap_size) {
    if (method_check_args("size", nargs, kwnames, 0, 0) < 0 || mm_check_valid(self) < 0) {
        return 0;
    }
    struct stat st;
    if (fstat(mm(self)->fd, &st) < 0) {  // anonymous maps: EBADF, as CPython
        return err_from_errno(errno, 0, 0);
    }
    return int_from_i64((int64_t)st.st_size);
}

FN(mmap_resize) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("resize", kwnames) < 0 ||
        args_check_positional("resize", nargs, 1, 1) < 0) {
        return 0;
    }
    int64_t new_size;
    if (mm_ssize_arg(args[0], &new_size) < 0) {
        return 0;
    }
    if (m->exports > 0) {
        return err_format(&exc_BufferError, "mmap can't resize with extant buffers exported.");
    }
    if (m->access != ACCESS_WRITE && m->access != ACCESS_DEFAULT) {
        return err_format(&exc_TypeError,
                          "mmap can't resize a readonly or copy-on-write memory map.");
    }
    if (new_size < 0 || INT64_MAX - new_size < m->offset) {
        return err_format(&exc_ValueError, "new size out of range");
    }
    if (m->fd != -1 && ftruncate(m->fd, (off_t)(m->offset + new_size)) == -1) {
        return err_from_errno(errno, 0, 0);
    }
    void *p = mremap(m->data, (size_t)m->size, (size_t)new_size, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) {
        return err_from_errno(errno, 0, 0);
    }
    m->data = p;
    m->size = new_size;
    return VAL_NONE;
}

FN(mmap_tell) {
    if (method_check_args("tell", nargs, kwnames, 0, 0) < 0 || mm_check_valid(self) < 0) {
        return 0;
    }
    return int_from_i64(mm(self)->pos);
}

FN(mmap_flush) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("flush", kwnames) < 0 ||
        args_check_positional("flush", nargs, 0, 2) < 0) {
        return 0;
    }
    int64_t offset = 0, size = m->size;
    if ((nargs > 0 && mm_ssize_arg(args[0], &offset) < 0) ||
        (nargs > 1 && mm_ssize_arg(args[1], &size) < 0)) {
        return 0;
    }
    if (size < 0 || offset < 0 || m->size - offset < size) {
        return err_format(&exc_ValueError, "flush values out of range");
    }
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) {
        return VAL_NONE;
    }
    if (msync(m->data + offset, (size_t)size, MS_SYNC) == -1) {
        return err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

FN(mmap_seek) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("seek", kwnames) < 0 ||
        args_check_positional("seek", nargs, 1, 2) < 0) {
        return 0;
    }
    int64_t dist, where;
    int how = 0;
    if (mm_ssize_arg(args[0], &dist) < 0 || (nargs > 1 && mm_int_arg(args[1], &how) < 0)) {
        return 0;
    }
    switch (how) {
    case 0:
        where = dist;
        break;
    case 1:
        if (INT64_MAX - m->pos < dist) {
            goto out_of_range;
        }
        where = m->pos + dist;
        break;
    case 2:
        if (INT64_MAX - m->size < dist) {
            goto out_of_range;
        }
        where = m->size + dist;
        break;
    default:
        return err_format(&exc_ValueError, "unknown seek type");
    }
    if (where > m->size || where < 0) {
        goto out_of_range;
    }
    m->pos = where;
    return VAL_NONE;
out_of_range:
    return err_format(&exc_ValueError, "seek out of range");
}

FN(mmap_move) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("move", kwnames) < 0 ||
        args_check_positional("move", nargs, 3, 3) < 0) {
        return 0;
    }
    int64_t dest, src, cnt;
    if (mm_ssize_arg(args[0], &dest) < 0 || mm_ssize_arg(args[1], &src) < 0 ||
        mm_ssize_arg(args[2], &cnt) < 0 || mm_check_writable(self) < 0) {
        return 0;
    }
    if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt) {
        return err_format(&exc_ValueError, "source, destination, or count out of range");
    }
    memmove(m->data + dest, m->data + src, (size_t)cnt);
    return VAL_NONE;
}

FN(mmap_madvise) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || args_no_keywords("madvise", kwnames) < 0 ||
        args_check_positional("madvise", nargs, 1, 3) < 0) {
        return 0;
    }
    int option;
    int64_t start = 0, length = m->size;
    if (mm_int_arg(args[0], &option) < 0 || (nargs > 1 && mm_ssize_arg(args[1], &start) < 0) ||
        (nargs > 2 && mm_ssize_arg(args[2], &length) < 0)) {
        return 0;
    }
    if (start < 0 || start >= m->size) {
        return err_format(&exc_ValueError, "madvise start out of bounds");
    }
    if (length < 0) {
        return err_format(&exc_ValueError, "madvise length invalid");
    }
    if (INT64_MAX - start < length) {
        return err_format(&exc_OverflowError, "madvise length too large");
    }
    if (start + length > m->size) {
        length = m->size - start;
    }
    if (madvise(m->data + start, (size_t)length, option) != 0) {
        return err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

FN(mmap_enter) {
    if (method_check_args("__enter__", nargs, kwnames, 0, 0) < 0 || mm_check_valid(self) < 0) {
        return 0;
    }
    return self;
}

FN(mmap_exit) {
    if (args_no_keywords("__exit__", kwnames) < 0) {
        return 0;
    }
    return mmap_close(self, args, 0, 0);
}

static Value mmap_closed_get(Value self) {
    return val_bool(mm(self)->data == NULL);
}

static Value mmap_repr(Value self) {
    MmapObject *m = mm(self);
    const char *tname = type_of(self)->name;
    if (!m->data) {
        return str_format_c("<%s closed=True>", tname);
    }
    static const char *const access_names[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                               "ACCESS_COPY"};
    return str_format_c("<%s closed=False, access=%s, length=%lld, pos=%lld, offset=%lld>", tname,
                        access_names[m->access], (long long)m->size, (long long)m->pos,
                        (long long)m->offset);
}

// ---- the sequence and mapping protocols ------------------------------------------------------

static int64_t mmap_len(Value self) {
    return mm_check_valid(self) < 0 ? -1 : mm(self)->size;
}

// An index through __index__, IndexError when it does not fit (CPython's
// PyNumber_AsSsize_t(item, IndexError)).
static int mm_index(Value item, int64_t *out) {
    Value i = obj_index(item);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        err_format(&exc_IndexError, "cannot fit '%s' into an index-sized integer",
                   obj_type_name(item));
        return -1;
    }
    return 0;
}

static Value mmap_getitem(Value self, Value item) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0) {
        return 0;
    }
    if (slice_check(item)) {
        int64_t start, stop, step, n;
        if (slice_indices(item, m->size, &start, &stop, &step, &n) < 0 ||
            mm_check_valid(self) < 0) {
            return 0;
        }
        if (n <= 0) {
            return bytes_from("", 0);
        }
        if (step == 1) {
            return bytes_from(m->data + start, (size_t)n);
        }
        BytesObject *b = bytes_alloc((size_t)n);
        if (!b) {
            return 0;
        }
        for (int64_t i = 0; i < n; i++) {
            b->data[i] = m->data[start + i * step];
        }
        return val_from_ptr(b);
    }
    if (!type_of(item)->index && !int_check(item)) {
        return err_format(&exc_TypeError, "mmap indices must be integers");
    }
    int64_t i;
    if (mm_index(item, &i) < 0) {
        return 0;
    }
    if (i < 0) {
        i += m->size;
    }
    if (i < 0 || i >= m->size) {
        return err_format(&exc_IndexError, "mmap index out of range");
    }
    if (mm_check_valid(self) < 0) {
        return 0;
    }
    return val_from_smallint((unsigned char)m->data[i]);
}

static int mmap_setitem(Value self, Value item, Value value) {
    MmapObject *m = mm(self);
    if (mm_check_valid(self) < 0 || mm_check_writable(self) < 0) {
        return -1;
    }
    if (slice_check(item)) {
        int64_t start, stop, step, n;
        if (slice_indices(item, m->size, &start, &stop, &step, &n) < 0) {
            return -1;
        }
        if (!value) {
            err_format(&exc_TypeError, "mmap object doesn't support slice deletion");
            return -1;
        }
        Buffer view;
        int k = buffer_get(value, &view, BUFFER_SIMPLE);
        if (k == 0) {
            err_format(&exc_TypeError, "a bytes-like object is required, not '%s'",
                       obj_type_name(value));
        }
        if (k <= 0) {
            return -1;
        }
        if (view.len != n) {
            buffer_release(&view);
            err_format(&exc_IndexError, "mmap slice assignment is wrong size");
            return -1;
        }
        if (!m->data) {
            buffer_release(&view);
            err_format(&exc_ValueError, "mmap closed or invalid");
            return -1;
        }
        if (step == 1) {
            memmove(m->data + start, view.buf, (size_t)n);
        } else {
            for (int64_t i = 0; i < n; i++) {
                m->data[start + i * step] = view.buf[i];
            }
        }
        buffer_release(&view);
        return 0;
    }
    if (!type_of(item)->index && !int_check(item)) {
        err_format(&exc_TypeError, "mmap indices must be integer");
        return -1;
    }
    int64_t i, v;
    if (mm_index(item, &i) < 0) {
        return -1;
    }
    if (i < 0) {
        i += m->size;
    }
    if (i < 0 || i >= m->size) {
        err_format(&exc_IndexError, "mmap index out of range");
        return -1;
    }
    if (!value) {
        err_format(&exc_TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (!type_of(value)->index && !int_check(value)) {
        err_format(&exc_TypeError, "mmap item value must be an int");
        return -1;
    }
    Value iv = obj_index(value);
    if (!iv) {
        return -1;
    }
    if (int_to_i64(iv, &v) < 0) {
        err_clear();
        err_format(&exc_TypeError, "cannot fit '%s' into an index-sized integer",
                   obj_type_name(value));
        return -1;
    }
    if (v < 0 || v > 255) {
        err_format(&exc_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    if (mm_check_valid(self) < 0) {
        return -1;
    }
    m->data[i] = (char)v;
    return 0;
}

// iter(m): one-byte bytes, read at each step (CPython's sequence iterator
// over the mmap's item slot).
static Value mmap_iter(Value self) {
    MmapIterObject *it = (MmapIterObject *)gc_alloc(&type_mmap_iter, sizeof(MmapIterObject));
    if (!it) {
        return 0;
    }
    it->mmap = self;
    it->index = 0;
    return val_from_ptr(it);
}

static Value mmap_iter_next(Value self) {
    MmapIterObject *it = (MmapIterObject *)val_ptr(self);
    if (!it->mmap) {
        return 0;
    }
    MmapObject *m = mm(it->mmap);
    if (!m->data) {
        return err_format(&exc_ValueError, "mmap closed or invalid");
    }
    if (it->index >= m->size) {
        it->mmap = 0;
        return 0;
    }
    return bytes_from(m->data + it->index++, 1);
}

static Value mmap_iter_self(Value self) {
    return self;
}

static void mmap_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MmapIterObject *)o)->mmap);
}

// ---- the buffer protocol ----------------------------------------------------------------

static int mmap_buffer_get(Value v, Buffer *view, int flags) {
    MmapObject *m = mm(v);
    if (mm_check_valid(v) < 0) {
        return -1;
    }
    int readonly = m->access == ACCESS_READ;
    if ((flags & BUFFER_WRITABLE) && readonly) {
        err_format(&exc_BufferError, "Object is not writable.");
        return -1;
    }
    *view = (Buffer){v, m->data, m->size, 1, m->size, 1, "B", readonly};
    m->exports++;
    return 0;
}

static void mmap_buffer_release(Value v) {
    mm(v)->exports--;
}

static const BufferExporter mmap_exporter = {&type_mmap, mmap_buffer_get, mmap_buffer_release};

// ---- the type and the module ------------------------------------------------------------------

static const MethodDef mmap_methods[] = {
    {"close", mmap_close, METH_DEFAULT, NULL},
    {"find", mmap_findm, METH_DEFAULT, NULL},
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
    {"closed", mmap_closed_get, NULL, NULL},
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
    .iter = mmap_iter,
    .len = mmap_len,
    .getitem = mmap_getitem,
    .setitem = mmap_setitem,
    .methods = mmap_methods,
    .getset = mmap_getset,
};

static Type type_mmap_iter = {
    .header = {&type_type},
    .name = "iterator",
    .basic_size = sizeof(MmapIterObject),
    .base = &type_object,
    .trace = mmap_iter_trace,
    .iter = mmap_iter_self,
    .iternext = mmap_iter_next,
};

static const char mmap_doc[] =
    "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
    "Maps length bytes from the file specified by the file handle fileno,\n"
    "and returns a mmap object.  If length is larger than the current size\n"
    "of the file, the file is extended to contain length bytes.  If length\n"
    "is 0, the maximum length of the map is the current size of the file,\n"
    "except that if the file is empty Windows raises an exception (you cannot\n"
    "create an empty mapping on Windows).\n\n"
    "Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\n"
    "Maps length bytes from the file specified by the file descriptor fileno,\n"
    "and returns a mmap object.  If length is 0, the maximum length of the map\n"
    "will be the current size of the file when mmap is called.\n"
    "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n"
    "private copy-on-write mapping, so changes to the contents of the mmap\n"
    "object will be private to this process, and MAP_SHARED creates a mapping\n"
    "that's shared with all other processes mapping the same areas of the file.\n"
    "The default value is MAP_SHARED.\n\n"
    "To map anonymous memory, pass -1 as the fileno (both versions).";

Value mmap_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_mmap) < 0 || type_ready(&type_mmap_iter) < 0) {
        return 0;
    }
    Value doc = str_from_cstr(mmap_doc);
    if (!doc || dict_set_cstr(type_mmap.dict, "__doc__", doc) < 0) {
        return 0;
    }
    type_mmap.doc = doc;
    buffer_register_exporter(&mmap_exporter);
    Value m = module_new_cstr("mmap");
    if (!m || module_add(m, "mmap", val_from_ptr(&type_mmap)) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_OSError)) < 0) {
        return 0;
    }
    long page = sysconf(_SC_PAGESIZE);
    struct {
        const char *name;
        long value;
    } consts[] = {
        {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
        {"ACCESS_WRITE", ACCESS_WRITE},     {"ACCESS_COPY", ACCESS_COPY},
        {"PAGESIZE", page},                 {"ALLOCATIONGRANULARITY", page},
        {"PROT_EXEC", PROT_EXEC},           {"PROT_READ", PROT_READ},
        {"PROT_WRITE", PROT_WRITE},         {"MAP_SHARED", MAP_SHARED},
        {"MAP_PRIVATE", MAP_PRIVATE},       {"MAP_DENYWRITE", MAP_DENYWRITE},
        {"MAP_EXECUTABLE", MAP_EXECUTABLE}, {"MAP_ANON", MAP_ANON},
        {"MAP_ANONYMOUS", MAP_ANONYMOUS},   {"MAP_POPULATE", MAP_POPULATE},
        {"MAP_STACK", MAP_STACK},           {"MADV_NORMAL", MADV_NORMAL},
        {"MADV_RANDOM", MADV_RANDOM},       {"MADV_SEQUENTIAL", MADV_SEQUENTIAL},
        {"MADV_WILLNEED", MADV_WILLNEED},   {"MADV_DONTNEED", MADV_DONTNEED},
        {"MADV_REMOVE", MADV_REMOVE},       {"MADV_DONTFORK", MADV_DONTFORK},
        {"MADV_DOFORK", MADV_DOFORK},       {"MADV_HWPOISON", MADV_HWPOISON},
        {"MADV_MERGEABLE", MADV_MERGEABLE}, {"MADV_UNMERGEABLE", MADV_UNMERGEABLE},
        {"MADV_HUGEPAGE", MADV_HUGEPAGE},   {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
        {"MADV_DONTDUMP", MADV_DONTDUMP},   {"MADV_DODUMP", MADV_DODUMP},
        {"MADV_FREE", MADV_FREE},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (module_add(m, consts[i].name, val_from_smallint(consts[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
