// bytes_methods.c - the methods bytes and bytearray share.
//
// Each method reads its receiver as (data, len) through bm_self and builds
// its result through bm_new, which makes a bytes for a bytes receiver and a
// bytearray for a bytearray one (subclass receivers get the base type, as
// in CPython). Arguments that must be bytes-like are read through the
// buffer protocol (buffer.h), so bytes, bytearray and memoryview are
// accepted everywhere CPython accepts them.
//
// Ordering rule: arguments are converted in CPython's order, and an
// integer conversion may run __index__ - Python code that could resize a
// bytearray. Windows opened on bytes-like arguments before it stay open
// (so those arguments cannot be resized), and the receiver's bytes are
// read only after every conversion; after that, nothing in a method calls
// Python code until it has finished reading.
//
// Case mapping and the isX predicates are ASCII-only, as in CPython.
// Messages follow CPython 3.11's four argument conventions: METH_NOARGS /
// METH_O and Argument Clinic's positional ranges (method_check_args), the
// PyArg_ParseTuple-style find family ("find() takes at least 1 argument"),
// and Clinic keyword functions (args_unpack).
#define _GNU_SOURCE  // memrchr
#include "bytes_methods.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "buffer.h"
#include "bytearray.h"
#include "bytes.h"
#include "codecs.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"

// ---- the receiver -------------------------------------------------------------------

void bm_self(Value self, const char **p, size_t *n) {
    if (val_is_bytes(self)) {
        *p = bytes_obj(self)->data;
        *n = bytes_obj(self)->len;
    } else {
        ByteArrayObject *b = bytearray_obj(self);
        *p = b->data ? b->data : "";
        *n = b->len;
    }
}

Value bm_new(Value self, const char *p, size_t n) {
    return val_is_bytes(self) ? bytes_from(p, n) : bytearray_from(p, n);
}

// A new object of self's kind with n bytes copied from p (never a shared
// bytes), and *out pointing at its bytes for the caller to change.
static Value bm_new_private(Value self, const char *p, size_t n, char **out) {
    if (val_is_bytes(self)) {
        BytesObject *b = bytes_alloc(n);
        if (!b) {
            return 0;
        }
        memcpy(b->data, p, n);
        *out = b->data;
        return val_from_ptr(b);
    }
    Value r = bytearray_from(p, n);
    if (r) {
        *out = bytearray_obj(r)->data;
    }
    return r;
}

static const char *bm_tname(Value self) {
    return val_is_bytes(self) ? "bytes" : "bytearray";
}

// "bytes.lower" / "bytearray.lower" for messages.
static const char *bm_qual(Value self, const char *name) {
    static char buf[64];
    snprintf(buf, sizeof buf, "%s.%s", bm_tname(self), name);
    return buf;
}

static int bm_check(Value self, const char *name, size_t nargs, Value kwnames, size_t min,
                    size_t max) {
    return method_check_args(bm_qual(self, name), nargs, kwnames, min, max);
}

// PyArg_ParseTuple-style counts: "find() takes at least 1 argument (0 given)".
static int bm_check_tuple(Value self, const char *name, size_t nargs, Value kwnames, size_t min,
                          size_t max) {
    if (args_nkw(kwnames) > 0) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", bm_qual(self, name));
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t k = nargs < min ? min : max;
        err_format(&exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
                   nargs < min ? "at least" : "at most", k, k == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

// ---- small argument converters -------------------------------------------------------

// CPython's "n": anything with __index__; OverflowError when too big.
static int bm_ssize_arg(Value v, int64_t *out) {
    int overflow;
    int k = str_index_arg(v, out, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k == 0) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   str_type_name(v));
        return -1;
    }
    if (overflow) {
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

// CPython's "i".
static int bm_int_arg(Value v, int *out) {
    int64_t x;
    int overflow;
    int k = str_index_arg(v, &x, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k == 0) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   str_type_name(v));
        return -1;
    }
    if (overflow || x > INT32_MAX || x < INT32_MIN) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

int bm_byte_arg(Value v, int *out) {
    int64_t x;
    int overflow;
    int k = str_index_arg(v, &x, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k == 0) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   str_type_name(v));
        return -1;
    }
    if (overflow || x < 0 || x > 255) {
        err_format(&exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// A start/end of the find family: None keeps *out; ints are clamped.
static int bm_slice_arg(Value v, int64_t *out) {
    if (v == VAL_NONE) {
        return 0;
    }
    int overflow;
    int k = str_index_arg(v, out, &overflow);
    if (k == 0) {
        err_format(&exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return k < 0 ? -1 : 0;
}

// CPython's ADJUST_INDICES.
static void bm_adjust(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

// ---- ASCII classes ----------------------------------------------------------------------

static inline int bm_isspace_c(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
static inline int bm_islower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int bm_isupper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int bm_isalpha_c(unsigned char c) { return bm_islower_c(c) || bm_isupper_c(c); }
static inline int bm_isdigit_c(unsigned char c) { return c >= '0' && c <= '9'; }
static inline unsigned char bm_lower_c(unsigned char c) {
    return bm_isupper_c(c) ? (unsigned char)(c + 32) : c;
}
static inline unsigned char bm_upper_c(unsigned char c) {
    return bm_islower_c(c) ? (unsigned char)(c - 32) : c;
}

// ---- searching ----------------------------------------------------------------------------

// The sub argument of find/count/index: an int byte or a bytes-like
// object. *view is opened for bytes-like subs (release it); for an int,
// view->obj stays 0 and *byte holds it.
static int bm_sub_arg(Value sub, Buffer *view, int *byte) {
    view->obj = 0;
    int64_t c;
    int overflow;
    int k = buffer_check(sub) ? 0 : str_index_arg(sub, &c, &overflow);
    if (k < 0) {
        return -1;
    }
    if (k > 0) {
        if (overflow || c < 0 || c > 255) {
            err_format(&exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (int)c;
        return 0;
    }
    int g = buffer_get(sub, view, BUFFER_SIMPLE);
    if (g == 0) {
        err_format(&exc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                   str_type_name(sub));
    }
    return g > 0 ? 0 : -1;
}

// Parse (sub[, start[, end]]) and search: the index or -1, -2 on error.
// `mode`: 0 find, 1 rfind, 2 count (returns the count).
static int64_t bm_search(const char *name, int mode, Value self, const Value *args, size_t nargs,
                         Value kwnames) {
    if (bm_check_tuple(self, name, nargs, kwnames, 1, 3) < 0) {
        return -2;
    }
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 1 && bm_slice_arg(args[1], &start) < 0) ||
        (nargs > 2 && bm_slice_arg(args[2], &end) < 0)) {
        return -2;
    }
    Buffer sv;
    int byte = 0;
    if (bm_sub_arg(args[0], &sv, &byte) < 0) {
        return -2;
    }
    char one = (char)byte;
    const char *sub = sv.obj ? sv.buf : &one;
    size_t m = sv.obj ? (size_t)sv.len : 1;
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    bm_adjust(&start, &end, (int64_t)n);
    int64_t r = -1;
    if (mode == 2) {
        r = 0;
        if (start > (int64_t)n) {
            // nothing
        } else if (m == 0) {
            r = end >= start ? end - start + 1 : 0;
        } else {
            int64_t pos = start;
            while (pos <= end - (int64_t)m) {
                int64_t f = str_find_bytes(d + pos, (size_t)(end - pos), sub, m);
                if (f < 0) {
                    break;
                }
                r++;
                pos += f + (int64_t)m;
            }
        }
    } else if (end - start >= (int64_t)m) {
        int64_t f = mode == 0 ? str_find_bytes(d + start, (size_t)(end - start), sub, m)
                              : str_rfind_bytes(d + start, (size_t)(end - start), sub, m);
        r = f < 0 ? -1 : f + start;
    }
    buffer_release(&sv);
    return r;
}

Value bm_find(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t r = bm_search("find", 0, self, args, nargs, kwnames);
    return r == -2 ? 0 : int_from_i64(r);
}

Value bm_rfind(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t r = bm_search("rfind", 1, self, args, nargs, kwnames);
    return r == -2 ? 0 : int_from_i64(r);
}

Value bm_index(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t r = bm_search("index", 0, self, args, nargs, kwnames);
    if (r == -1) {
        return err_format(&exc_ValueError, "subsection not found");
    }
    return r == -2 ? 0 : int_from_i64(r);
}

Value bm_rindex(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t r = bm_search("rindex", 1, self, args, nargs, kwnames);
    if (r == -1) {
        return err_format(&exc_ValueError, "subsection not found");
    }
    return r == -2 ? 0 : int_from_i64(r);
}

Value bm_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t r = bm_search("count", 2, self, args, nargs, kwnames);
    return r == -2 ? 0 : int_from_i64(r);
}

// startswith/endswith: prefix is bytes-like or a tuple of them.
static Value bm_tailmatch(const char *name, int at_end, Value self, const Value *args,
                          size_t nargs, Value kwnames) {
    if (bm_check_tuple(self, name, nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 1 && bm_slice_arg(args[1], &start) < 0) ||
        (nargs > 2 && bm_slice_arg(args[2], &end) < 0)) {
        return 0;
    }
    Value sub = args[0];
    size_t count = 1;
    const Value *items = &sub;
    if (tuple_check(sub)) {
        count = tuple_obj(sub)->len;
        items = tuple_obj(sub)->items;
    } else if (!buffer_check(sub)) {
        return err_format(&exc_TypeError,
                          "%s first arg must be bytes or a tuple of bytes, not %s", name,
                          str_type_name(sub));
    }
    for (size_t i = 0; i < count; i++) {
        Buffer v;
        if (buffer_get_bytes_like(items[i], &v) < 0) {
            return 0;
        }
        const char *d;
        size_t n;
        bm_self(self, &d, &n);
        int64_t s = start, e = end;
        bm_adjust(&s, &e, (int64_t)n);
        int hit = 0;
        if (e - s >= v.len && s <= (int64_t)n) {
            const char *at = at_end ? d + e - v.len : d + s;
            hit = memcmp(at, v.buf, (size_t)v.len) == 0;
        }
        buffer_release(&v);
        if (hit) {
            return VAL_TRUE;
        }
    }
    return VAL_FALSE;
}

Value bm_startswith(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_tailmatch("startswith", 0, self, args, nargs, kwnames);
}

Value bm_endswith(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_tailmatch("endswith", 1, self, args, nargs, kwnames);
}

// ---- splitting ----------------------------------------------------------------------------

static int bm_add_piece(Value list, Value self, const char *p, size_t n) {
    Value piece = bm_new(self, p, n);
    return piece ? list_append(list, piece) : -1;
}

// sep and maxsplit of split/rsplit (Clinic keywords): sep 0 for whitespace.
static int bm_split_args(const char *name, const Value *args, size_t nargs, Value kwnames,
                         Buffer *sep, int64_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    ArgSpec spec = {name, 0, names, 0, 2, 0};
    Value a[2];
    sep->obj = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    *maxsplit = -1;
    if (a[1] && bm_ssize_arg(a[1], maxsplit) < 0) {
        return -1;
    }
    if (*maxsplit < 0) {
        *maxsplit = INT64_MAX;
    }
    if (a[0] && a[0] != VAL_NONE) {
        if (buffer_get_bytes_like(a[0], sep) < 0) {
            return -1;
        }
        if (sep->len == 0) {
            buffer_release(sep);
            err_format(&exc_ValueError, "empty separator");
            return -1;
        }
    }
    return 0;
}

Value bm_split(Value self, const Value *args, size_t nargs, Value kwnames) {
    Buffer sep;
    int64_t maxsplit;
    if (bm_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) {
        return 0;
    }
    Value list = list_new(0);
    if (!list) {
        buffer_release(&sep);
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    size_t i = 0;
    int rc = 0;
    if (!sep.obj) {
        while (rc == 0) {
            while (i < n && bm_isspace_c((unsigned char)d[i])) {
                i++;
            }
            if (i == n) {
                break;
            }
            if (maxsplit-- <= 0) {
                rc = bm_add_piece(list, self, d + i, n - i);
                break;
            }
            size_t j = i;
            while (j < n && !bm_isspace_c((unsigned char)d[j])) {
                j++;
            }
            rc = bm_add_piece(list, self, d + i, j - i);
            bm_self(self, &d, &n);
            i = j;
        }
    } else {
        size_t m = (size_t)sep.len;
        while (rc == 0) {
            int64_t f = maxsplit-- > 0 ? str_find_bytes(d + i, n - i, sep.buf, m) : -1;
            if (f < 0) {
                rc = bm_add_piece(list, self, d + i, n - i);
                break;
            }
            rc = bm_add_piece(list, self, d + i, (size_t)f);
            bm_self(self, &d, &n);
            i += (size_t)f + m;
        }
    }
    buffer_release(&sep);
    return rc < 0 ? 0 : list;
}

Value bm_rsplit(Value self, const Value *args, size_t nargs, Value kwnames) {
    Buffer sep;
    int64_t maxsplit;
    if (bm_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) {
        return 0;
    }
    Value list = list_new(0);
    if (!list) {
        buffer_release(&sep);
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    size_t end = n;
    int rc = 0;
    if (!sep.obj) {
        while (rc == 0) {
            while (end > 0 && bm_isspace_c((unsigned char)d[end - 1])) {
                end--;
            }
            if (end == 0) {
                break;
            }
            if (maxsplit-- <= 0) {
                rc = bm_add_piece(list, self, d, end);
                break;
            }
            size_t j = end;
            while (j > 0 && !bm_isspace_c((unsigned char)d[j - 1])) {
                j--;
            }
            rc = bm_add_piece(list, self, d + j, end - j);
            bm_self(self, &d, &n);
            end = j;
        }
    } else {
        size_t m = (size_t)sep.len;
        while (rc == 0) {
            int64_t f = maxsplit-- > 0 ? str_rfind_bytes(d, end, sep.buf, m) : -1;
            if (f < 0) {
                rc = bm_add_piece(list, self, d, end);
                break;
            }
            rc = bm_add_piece(list, self, d + f + m, end - (size_t)f - m);
            bm_self(self, &d, &n);
            end = (size_t)f;
        }
    }
    buffer_release(&sep);
    if (rc < 0) {
        return 0;
    }
    list_reverse(list);
    return list;
}

Value bm_splitlines(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"keepends", NULL};
    ArgSpec spec = {"splitlines", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int keepends = 0;
    if (a[0] && bm_int_arg(a[0], &keepends) < 0) {
        return 0;
    }
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r') {
            j++;
        }
        size_t eol = j;
        if (j < n) {
            j += (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n') ? 2 : 1;
        }
        if (bm_add_piece(list, self, d + i, (keepends ? j : eol) - i) < 0) {
            return 0;
        }
        bm_self(self, &d, &n);
        i = j;
    }
    return list;
}

static Value bm_partition_impl(const char *name, int reverse, Value self, const Value *args,
                               size_t nargs, Value kwnames) {
    if (bm_check(self, name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer sep;
    if (buffer_get_bytes_like(args[0], &sep) < 0) {
        return 0;
    }
    if (sep.len == 0) {
        buffer_release(&sep);
        return err_format(&exc_ValueError, "empty separator");
    }
    // Copy the separator: building the pieces allocates.
    Value sepv = bm_new(self, sep.buf, (size_t)sep.len);
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    int64_t f = reverse ? str_rfind_bytes(d, n, sep.buf, (size_t)sep.len)
                        : str_find_bytes(d, n, sep.buf, (size_t)sep.len);
    size_t m = (size_t)sep.len;
    buffer_release(&sep);
    if (!sepv) {
        return 0;
    }
    Value parts[3];
    if (f < 0) {
        Value whole = bm_new(self, d, n);
        Value e1 = bm_new(self, "", 0);
        Value e2 = bm_new(self, "", 0);
        if (!whole || !e1 || !e2) {
            return 0;
        }
        parts[0] = reverse ? e1 : whole;
        parts[1] = e2;
        parts[2] = reverse ? whole : e1;
    } else {
        parts[0] = bm_new(self, d, (size_t)f);
        if (!parts[0]) {
            return 0;
        }
        bm_self(self, &d, &n);
        // bytes returns the separator object it was given (CPython does).
        parts[1] = val_is_bytes(self) ? args[0] : sepv;
        parts[2] = bm_new(self, d + f + m, n - (size_t)f - m);
        if (!parts[2]) {
            return 0;
        }
    }
    return tuple_from(parts, 3);
}

Value bm_partition(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_partition_impl("partition", 0, self, args, nargs, kwnames);
}

Value bm_rpartition(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_partition_impl("rpartition", 1, self, args, nargs, kwnames);
}

// ---- join and replace ------------------------------------------------------------------------

Value bm_join(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (bm_check(self, "join", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value items = args[0];
    if (!list_check_exact(items) && !tuple_check_exact(items)) {
        Value it = obj_iter(items);
        if (!it) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError, "can only join an iterable");
            }
            return 0;
        }
        items = list_from_iterable(it);
        if (!items) {
            return 0;
        }
    }
    size_t count;
    const Value *v;
    if (tuple_check_exact(items)) {
        count = tuple_obj(items)->len;
        v = tuple_obj(items)->items;
    } else {
        // Copy: the list could change while we allocate.
        items = tuple_from(list_obj(items)->items, list_obj(items)->len);
        if (!items) {
            return 0;
        }
        count = tuple_obj(items)->len;
        v = tuple_obj(items)->items;
    }
    const char *sd;
    size_t sn;
    bm_self(self, &sd, &sn);
    StrBuf out;
    sb_init(&out);
    for (size_t i = 0; i < count; i++) {
        Buffer b;
        int k = buffer_get(v[i], &b, BUFFER_SIMPLE);
        if (k <= 0) {
            sb_free(&out);
            err_clear();  // CPython reports any failure to get the buffer so
            err_format(&exc_TypeError, "sequence item %zu: expected a bytes-like object, %s found",
                       i, str_type_name(v[i]));
            return 0;
        }
        if (i > 0) {
            bm_self(self, &sd, &sn);
            sb_put(&out, sd, sn);
        }
        sb_put(&out, b.buf, (size_t)b.len);
        buffer_release(&b);
    }
    Value r = bm_new(self, out.data ? out.data : "", out.len);
    sb_free(&out);
    return r;
}

Value bm_replace(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (bm_check(self, "replace", nargs, kwnames, 2, 3) < 0) {
        return 0;
    }
    // Clinic's order: old and new, then count. The windows on old and new
    // stay open while count's __index__ runs, so they cannot be resized.
    Buffer old, new_;
    if (buffer_get_bytes_like(args[0], &old) < 0) {
        return 0;
    }
    if (buffer_get_bytes_like(args[1], &new_) < 0) {
        buffer_release(&old);
        return 0;
    }
    int64_t count = -1;
    if (nargs > 2 && bm_ssize_arg(args[2], &count) < 0) {
        buffer_release(&old);
        buffer_release(&new_);
        return 0;
    }
    if (count < 0) {
        count = INT64_MAX;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    size_t m = (size_t)old.len;
    StrBuf out;
    sb_init(&out);
    size_t i = 0;
    int64_t replaced = 0;
    if (m == 0) {
        // Insert `new` before every byte and at the end, up to count times.
        while (count > 0 && i <= n) {
            sb_put(&out, new_.buf, (size_t)new_.len);
            count--;
            replaced++;
            if (i < n) {
                sb_putc(&out, d[i]);
            }
            i++;
        }
        if (i < n) {
            sb_put(&out, d + i, n - i);
        }
    } else {
        while (count > 0 && i < n) {
            int64_t f = str_find_bytes(d + i, n - i, old.buf, m);
            if (f < 0) {
                break;
            }
            sb_put(&out, d + i, (size_t)f);
            sb_put(&out, new_.buf, (size_t)new_.len);
            i += (size_t)f + m;
            count--;
            replaced++;
        }
        sb_put(&out, d + i, n - i);
    }
    buffer_release(&old);
    buffer_release(&new_);
    if (replaced == 0 && bytes_check_exact(self)) {
        sb_free(&out);
        return self;  // nothing replaced: CPython returns an exact bytes itself
    }
    Value r = bm_new(self, out.data ? out.data : "", out.len);
    sb_free(&out);
    return r;
}

// ---- stripping --------------------------------------------------------------------------------

// mode: 1 left, 2 right, 3 both.
static Value bm_strip_impl(const char *name, int mode, Value self, const Value *args,
                           size_t nargs, Value kwnames) {
    if (bm_check(self, name, nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    unsigned char set[256];
    memset(set, 0, sizeof set);
    if (nargs > 0 && args[0] != VAL_NONE) {
        Buffer b;
        if (buffer_get_bytes_like(args[0], &b) < 0) {
            return 0;
        }
        for (int64_t i = 0; i < b.len; i++) {
            set[(unsigned char)b.buf[i]] = 1;
        }
        buffer_release(&b);
    } else {
        for (int c = 0; c < 256; c++) {
            set[c] = (unsigned char)bm_isspace_c((unsigned char)c);
        }
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    size_t i = 0, j = n;
    if (mode & 1) {
        while (i < j && set[(unsigned char)d[i]]) {
            i++;
        }
    }
    if (mode & 2) {
        while (j > i && set[(unsigned char)d[j - 1]]) {
            j--;
        }
    }
    if (i == 0 && j == n && bytes_check_exact(self)) {
        return self;
    }
    return bm_new(self, d + i, j - i);
}

Value bm_strip(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_strip_impl("strip", 3, self, args, nargs, kwnames);
}

Value bm_lstrip(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_strip_impl("lstrip", 1, self, args, nargs, kwnames);
}

Value bm_rstrip(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_strip_impl("rstrip", 2, self, args, nargs, kwnames);
}

static Value bm_remove_affix(const char *name, int suffix, Value self, const Value *args,
                             size_t nargs, Value kwnames) {
    if (bm_check(self, name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer b;
    if (buffer_get_bytes_like(args[0], &b) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    size_t from = 0, to = n;
    if ((size_t)b.len <= n && b.len > 0) {
        if (!suffix && memcmp(d, b.buf, (size_t)b.len) == 0) {
            from = (size_t)b.len;
        } else if (suffix && memcmp(d + n - b.len, b.buf, (size_t)b.len) == 0) {
            to = n - (size_t)b.len;
        }
    }
    buffer_release(&b);
    if (from == 0 && to == n && bytes_check_exact(self)) {
        return self;
    }
    return bm_new(self, d + from, to - from);
}

Value bm_removeprefix(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_remove_affix("removeprefix", 0, self, args, nargs, kwnames);
}

Value bm_removesuffix(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_remove_affix("removesuffix", 1, self, args, nargs, kwnames);
}

// ---- padding ----------------------------------------------------------------------------------

// left copies of fill, the receiver, right copies of fill.
static Value bm_pad(Value self, int64_t left, int64_t right, char fill) {
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    if (left <= 0 && right <= 0) {
        return bytes_check_exact(self) ? self : bm_new(self, d, n);
    }
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    size_t total = n + (size_t)left + (size_t)right;
    char *tmp = malloc(total ? total : 1);
    if (!tmp) {
        return err_no_memory();
    }
    memset(tmp, fill, (size_t)left);
    memcpy(tmp + left, d, n);
    memset(tmp + left + n, fill, (size_t)right);
    Value r = bm_new(self, tmp, total);
    free(tmp);
    return r;
}

static int bm_pad_args(Value self, const char *name, const Value *args, size_t nargs,
                       Value kwnames, int64_t *width, char *fill) {
    if (bm_check(self, name, nargs, kwnames, 1, 2) < 0 || bm_ssize_arg(args[0], width) < 0) {
        return -1;
    }
    *fill = ' ';
    if (nargs > 1) {
        Value f = args[1];
        if (val_is_bytes(f) && bytes_len(f) == 1) {
            *fill = bytes_data(f)[0];
        } else if (bytearray_check(f) && bytearray_obj(f)->len == 1) {
            *fill = bytearray_obj(f)->data[0];
        } else {
            err_format(&exc_TypeError,
                       "%s() argument 2 must be a byte string of length 1, not %s", name,
                       str_type_name(f));
            return -1;
        }
    }
    return 0;
}

Value bm_center(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    char fill;
    if (bm_pad_args(self, "center", args, nargs, kwnames, &width, &fill) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    int64_t marg = width - (int64_t)n;
    if (marg <= 0) {
        return bm_pad(self, 0, 0, fill);
    }
    int64_t left = marg / 2 + (marg & width & 1);
    return bm_pad(self, left, marg - left, fill);
}

Value bm_ljust(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    char fill;
    if (bm_pad_args(self, "ljust", args, nargs, kwnames, &width, &fill) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    return bm_pad(self, 0, width - (int64_t)n, fill);
}

Value bm_rjust(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    char fill;
    if (bm_pad_args(self, "rjust", args, nargs, kwnames, &width, &fill) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    return bm_pad(self, width - (int64_t)n, 0, fill);
}

Value bm_zfill(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t width;
    if (bm_check(self, "zfill", nargs, kwnames, 1, 1) < 0 || bm_ssize_arg(args[0], &width) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    if (width <= (int64_t)n) {
        return bm_pad(self, 0, 0, '0');
    }
    size_t fill = (size_t)width - n;
    char *tmp = malloc((size_t)width);
    if (!tmp) {
        return err_no_memory();
    }
    memset(tmp, '0', fill);
    memcpy(tmp + fill, d, n);
    if (n > 0 && (tmp[fill] == '+' || tmp[fill] == '-')) {
        tmp[0] = tmp[fill];
        tmp[fill] = '0';
    }
    Value r = bm_new(self, tmp, (size_t)width);
    free(tmp);
    return r;
}

Value bm_expandtabs(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"tabsize", NULL};
    ArgSpec spec = {"expandtabs", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int tabsize = 8;
    if (a[0] && bm_int_arg(a[0], &tabsize) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    StrBuf out;
    sb_init(&out);
    int64_t col = 0;
    for (size_t i = 0; i < n; i++) {
        char c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t k = tabsize - col % tabsize;
                if ((uint64_t)out.len + (uint64_t)k > (uint64_t)INT64_MAX / 2) {
                    sb_free(&out);
                    return err_format(&exc_OverflowError, "result too long");
                }
                for (int64_t j = 0; j < k; j++) {
                    sb_putc(&out, ' ');
                }
                col += k;
            }
        } else {
            sb_putc(&out, c);
            col++;
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    Value r = bm_new(self, out.data ? out.data : "", out.len);
    sb_free(&out);
    return r;
}

// ---- case mapping and predicates -------------------------------------------------------------

typedef enum { BM_LOWER, BM_UPPER, BM_SWAPCASE, BM_CAPITALIZE, BM_TITLE } BmCase;

static Value bm_case(const char *name, BmCase how, Value self, size_t nargs, Value kwnames) {
    if (bm_check(self, name, nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    char *o;
    Value r = bm_new_private(self, d, n, &o);
    if (!r) {
        return 0;
    }
    size_t rn = n;
    int prev_cased = 0;
    for (size_t i = 0; i < rn; i++) {
        unsigned char c = (unsigned char)o[i];
        switch (how) {
        case BM_LOWER: c = bm_lower_c(c); break;
        case BM_UPPER: c = bm_upper_c(c); break;
        case BM_SWAPCASE: c = bm_isupper_c(c) ? bm_lower_c(c) : bm_upper_c(c); break;
        case BM_CAPITALIZE: c = i == 0 ? bm_upper_c(c) : bm_lower_c(c); break;
        case BM_TITLE:
            c = prev_cased ? bm_lower_c(c) : bm_upper_c(c);
            prev_cased = bm_isalpha_c(c);
            break;
        }
        o[i] = (char)c;
    }
    return r;
}

Value bm_lower(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_case("lower", BM_LOWER, self, nargs, kwnames);
}
Value bm_upper(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_case("upper", BM_UPPER, self, nargs, kwnames);
}
Value bm_swapcase(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_case("swapcase", BM_SWAPCASE, self, nargs, kwnames);
}
Value bm_capitalize(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_case("capitalize", BM_CAPITALIZE, self, nargs, kwnames);
}
Value bm_title(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_case("title", BM_TITLE, self, nargs, kwnames);
}

// Every byte satisfies `pred` (and there is at least one).
static Value bm_all(const char *name, int (*pred)(unsigned char), Value self, size_t nargs,
                    Value kwnames) {
    if (bm_check(self, name, nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    if (n == 0) {
        return VAL_FALSE;
    }
    for (size_t i = 0; i < n; i++) {
        if (!pred((unsigned char)d[i])) {
            return VAL_FALSE;
        }
    }
    return VAL_TRUE;
}

static int bm_pred_alnum(unsigned char c) { return bm_isalpha_c(c) || bm_isdigit_c(c); }
static int bm_pred_alpha(unsigned char c) { return bm_isalpha_c(c); }
static int bm_pred_digit(unsigned char c) { return bm_isdigit_c(c); }
static int bm_pred_space(unsigned char c) { return bm_isspace_c(c); }

Value bm_isalnum(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_all("isalnum", bm_pred_alnum, self, nargs, kwnames);
}
Value bm_isalpha(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_all("isalpha", bm_pred_alpha, self, nargs, kwnames);
}
Value bm_isdigit(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_all("isdigit", bm_pred_digit, self, nargs, kwnames);
}
Value bm_isspace(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_all("isspace", bm_pred_space, self, nargs, kwnames);
}

Value bm_isascii(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (bm_check(self, "isascii", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)d[i] >= 0x80) {
            return VAL_FALSE;
        }
    }
    return VAL_TRUE;
}

// islower/isupper: some cased byte, and none of the other case.
static Value bm_cased(const char *name, int upper, Value self, size_t nargs, Value kwnames) {
    if (bm_check(self, name, nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    int cased = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (upper ? bm_islower_c(c) : bm_isupper_c(c)) {
            return VAL_FALSE;
        }
        cased |= upper ? bm_isupper_c(c) : bm_islower_c(c);
    }
    return val_bool(cased);
}

Value bm_islower(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_cased("islower", 0, self, nargs, kwnames);
}
Value bm_isupper(Value self, const Value *args, size_t nargs, Value kwnames) {
    return bm_cased("isupper", 1, self, nargs, kwnames);
}

Value bm_istitle(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (bm_check(self, "istitle", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    int cased = 0, prev_cased = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (bm_isupper_c(c)) {
            if (prev_cased) {
                return VAL_FALSE;
            }
            prev_cased = cased = 1;
        } else if (bm_islower_c(c)) {
            if (!prev_cased) {
                return VAL_FALSE;
            }
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return val_bool(cased);
}

// ---- translate, maketrans ------------------------------------------------------------------------

Value bm_translate(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"delete", NULL};
    ArgSpec spec = {"translate", 1, names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Buffer table = {0}, del = {0};
    if (a[0] != VAL_NONE) {
        if (buffer_get_bytes_like(a[0], &table) < 0) {
            return 0;
        }
        if (table.len != 256) {
            buffer_release(&table);
            return err_format(&exc_ValueError, "translation table must be 256 characters long");
        }
    }
    unsigned char drop[256];
    memset(drop, 0, sizeof drop);
    if (a[1]) {
        if (buffer_get_bytes_like(a[1], &del) < 0) {
            buffer_release(&table);
            return 0;
        }
        for (int64_t i = 0; i < del.len; i++) {
            drop[(unsigned char)del.buf[i]] = 1;
        }
        buffer_release(&del);
    }
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    char *tmp = malloc(n ? n : 1);
    if (!tmp) {
        buffer_release(&table);
        return err_no_memory();
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (!drop[c]) {
            tmp[k++] = table.obj ? table.buf[c] : (char)c;
        }
    }
    buffer_release(&table);
    Value r;
    if (k == n && bytes_check_exact(self) && memcmp(tmp, d, n) == 0) {
        r = self;
    } else {
        r = bm_new(self, tmp, k);
    }
    free(tmp);
    return r;
}

Value bm_maketrans(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("maketrans", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Buffer from, to;
    if (buffer_get_bytes_like(args[0], &from) < 0) {
        return 0;
    }
    if (buffer_get_bytes_like(args[1], &to) < 0) {
        buffer_release(&from);
        return 0;
    }
    if (from.len != to.len) {
        buffer_release(&from);
        buffer_release(&to);
        return err_format(&exc_ValueError, "maketrans arguments must have same length");
    }
    char table[256];
    for (int i = 0; i < 256; i++) {
        table[i] = (char)i;
    }
    for (int64_t i = 0; i < from.len; i++) {
        table[(unsigned char)from.buf[i]] = to.buf[i];
    }
    buffer_release(&from);
    buffer_release(&to);
    return bytes_from(table, 256);
}

// ---- decode, hex, fromhex --------------------------------------------------------------------

Value bm_decode(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    if (n == 0) {
        // CPython decodes nothing without looking the codec up.
        static const char *const names[] = {"encoding", "errors", NULL};
        static const ArgSpec spec = {"decode", 0, names, 0, 2, 0};
        Value a[2];
        if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
            return 0;
        }
        for (int i = 0; i < 2; i++) {
            if (a[i] && !val_is_str(a[i])) {
                return err_format(&exc_TypeError, "decode() argument '%s' must be str, not %s",
                                  names[i], a[i] == VAL_NONE ? "None" : str_type_name(a[i]));
            }
        }
        if (codec_dev_check(a[0] ? str_obj(a[0])->data : NULL,
                            a[1] ? str_obj(a[1])->data : NULL) < 0) {
            return 0;
        }
        return str_empty();
    }
    if (val_is_bytes(self)) {
        return bytes_m_decode(self, args, nargs, kwnames);
    }
    Value copy = bytes_from(d, n);
    return copy ? bytes_m_decode(copy, args, nargs, kwnames) : 0;
}

Value bytes_hex_impl(const char *d, size_t n, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    ArgSpec spec = {"hex", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int per = 1;
    if (a[1] && bm_int_arg(a[1], &per) < 0) {
        return 0;
    }
    char sep = 0;
    int has_sep = a[0] != 0;  // the separator may be NUL
    if (has_sep) {
        int64_t len = obj_len(a[0]);
        if (len < 0) {
            return 0;
        }
        if (len != 1) {
            return err_format(&exc_ValueError, "sep must be length 1.");
        }
        if (val_is_str(a[0])) {
            if (!(str_obj(a[0])->flags & STR_ASCII)) {
                return err_format(&exc_ValueError, "sep must be ASCII.");
            }
            sep = str_obj(a[0])->data[0];
        } else {
            Buffer b;
            if (buffer_get_bytes_like(a[0], &b) < 0) {
                return 0;
            }
            sep = b.buf[0];
            buffer_release(&b);
            if ((unsigned char)sep >= 0x80) {
                return err_format(&exc_ValueError, "sep must be ASCII.");
            }
        }
    }
    static const char hexd[] = "0123456789abcdef";
    size_t group = per < 0 ? (size_t)-(int64_t)per : (size_t)per;
    if (group == 0 || n == 0) {
        has_sep = 0;
    }
    size_t nseps = has_sep ? (n - 1) / group : 0;
    size_t total = 2 * n + nseps;
    StrObject *s = str_alloc(total);
    if (!s) {
        return 0;
    }
    char *o = s->data;
    for (size_t i = 0; i < n; i++) {
        if (has_sep && i > 0) {
            // Groups count from the right for a positive bytes_per_sep.
            size_t k = per > 0 ? n - i : i;
            if (k % group == 0) {
                *o++ = sep;
            }
        }
        unsigned char c = (unsigned char)d[i];
        *o++ = hexd[c >> 4];
        *o++ = hexd[c & 15];
    }
    return str_finish(s);
}

Value bm_hex(Value self, const Value *args, size_t nargs, Value kwnames) {
    const char *d;
    size_t n;
    bm_self(self, &d, &n);
    return bytes_hex_impl(d, n, args, nargs, kwnames);
}

static int bm_hexval(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// bytes.fromhex(string) and bytearray.fromhex: self is the class.
Value bm_fromhex(Value cls, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(cls);
    int is_ba = type_is_subtype(t, &type_bytearray);
    if (method_check_args(is_ba ? "bytearray.fromhex" : "bytes.fromhex", nargs, kwnames, 1, 1) <
        0) {
        return 0;
    }
    Value s = args[0];
    if (!val_is_str(s)) {
        return err_format(&exc_TypeError, "fromhex() argument must be str, not %s",
                          s == VAL_NONE ? "None" : str_type_name(s));
    }
    const unsigned char *p = (const unsigned char *)str_obj(s)->data;
    size_t n = str_obj(s)->nbytes;
    char *tmp = malloc(n / 2 + 1);
    if (!tmp) {
        return err_no_memory();
    }
    size_t k = 0, i = 0;
    while (i < n) {
        if (bm_isspace_c(p[i])) {
            i++;
            continue;
        }
        int hi = bm_hexval(p[i]);
        int lo = i + 1 < n ? bm_hexval(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            free(tmp);
            size_t bad = hi < 0 ? i : i + 1;
            // positions count code points
            size_t pos = str_count_cps((const char *)p, bad);
            return err_format(&exc_ValueError,
                              "non-hexadecimal number found in fromhex() arg at position %zu", pos);
        }
        tmp[k++] = (char)(hi * 16 + lo);
        i += 2;
    }
    Value r = is_ba ? bytearray_from(tmp, k) : bytes_from(tmp, k);
    free(tmp);
    if (!r || t == &type_bytes || t == &type_bytearray) {
        return r;
    }
    return obj_call1(cls, r);
}

// ---- construction from objects ----------------------------------------------------------------

static int bm_grow_put(char **data, size_t *len, size_t *cap, char c) {
    if (*len == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char *nd = realloc(*data, nc);
        if (!nd) {
            err_no_memory();
            return -1;
        }
        *data = nd;
        *cap = nc;
    }
    (*data)[(*len)++] = c;
    return 0;
}

int bm_ints_from_iterable(Value x, char **data, size_t *len, const char *rangemsg) {
    size_t cap = *len;
    Value it = obj_iter(x);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? -1 : 0;
        }
        int64_t c;
        int overflow;
        int k = str_index_arg(item, &c, &overflow);
        if (k < 0) {
            return -1;
        }
        if (k == 0) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       str_type_name(item));
            return -1;
        }
        if (overflow || c < 0 || c > 255) {
            err_format(&exc_ValueError, "%s", rangemsg);
            return -1;
        }
        if (bm_grow_put(data, len, &cap, (char)c) < 0) {
            return -1;
        }
    }
}

Value bm_bytes_from_object(Value x) {
    if (bytes_check_exact(x)) {
        return x;
    }
    Buffer b;
    int k = buffer_get(x, &b, BUFFER_STRIDED);
    if (k < 0) {
        return 0;
    }
    if (k > 0) {
        Value r;
        if (b.stride == b.itemsize) {
            r = bytes_from(b.buf, (size_t)b.len);
        } else {
            BytesObject *o = bytes_alloc((size_t)b.len);
            r = 0;
            if (o) {
                for (int64_t i = 0; i < b.nitems; i++) {
                    memcpy(o->data + i * b.itemsize, b.buf + i * b.stride, (size_t)b.itemsize);
                }
                r = val_from_ptr(o);
            }
        }
        buffer_release(&b);
        return r;
    }
    if (!val_is_str(x)) {
        Value it = obj_iter(x);
        if (it) {
            char *data = NULL;
            size_t len = 0;
            if (bm_ints_from_iterable(it, &data, &len, "bytes must be in range(0, 256)") < 0) {
                free(data);
                return 0;
            }
            Value r = bytes_from(data ? data : "", len);
            free(data);
            return r;
        }
        if (!err_matches(&exc_TypeError)) {
            return 0;
        }
        err_clear();
    }
    return err_format(&exc_TypeError, "cannot convert '%s' object to bytes", str_type_name(x));
}
