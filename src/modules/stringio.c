// stringio.c - _io.StringIO: a text stream over an array of code points
// (positions are code point indices, as CPython's).
//
// newline works as for TextIOWrapper, applied when text is written: None
// translates "\r\n" and "\r" to "\n" (and records the kinds seen for
// `newlines`), "" keeps them but readline recognizes all three, "\r" and
// "\r\n" replace each "\n" written and end lines on reading.
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "io.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct StringIOObject {
    IOObject base;
    uint32_t *buf;           // malloc'ed code points
    size_t len, cap, pos;    // pos may be beyond len (writes pad with NULs)
    int initialized, closed;
    int readuniversal, readtranslate;
    const char *readnl;      // NULL (universal) or "\n", "\r", "\r\n"
    const char *writenl;     // "\n" becomes this on write, or NULL
    unsigned seen;           // SEEN_* bits (newline None or '')
    const char *newline;     // the newline argument for __getstate__: NULL (None), or its text
} StringIOObject;

enum { SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4 };

#define SIO(v) ((StringIOObject *)val_ptr(v))

static void stringio_free(Object *o) {
    free(((StringIOObject *)o)->buf);
    ((StringIOObject *)o)->buf = NULL;
}

static Value stringio_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    return val_from_ptr(gc_alloc(t, t->basic_size));
}

static int check_ready(StringIOObject *s) {
    if (!s->initialized) {
        err_format(&exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        err_format(&exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int reserve(StringIOObject *s, size_t need) {
    if (need <= s->cap) {
        return 0;
    }
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need) {
        cap *= 2;
    }
    uint32_t *nb = realloc(s->buf, cap * sizeof(uint32_t));
    if (!nb) {
        err_no_memory();
        return -1;
    }
    s->buf = nb;
    s->cap = cap;
    return 0;
}

static int put_cps(StringIOObject *s, const uint32_t *cps, size_t n) {
    if (n == 0) {
        return 0;
    }
    if (reserve(s, s->pos + n) < 0) {
        return -1;
    }
    if (s->pos > s->len) {
        memset(s->buf + s->len, 0, (s->pos - s->len) * sizeof(uint32_t));
    }
    memcpy(s->buf + s->pos, cps, n * sizeof(uint32_t));
    s->pos += n;
    if (s->pos > s->len) {
        s->len = s->pos;
    }
    return 0;
}

// Write the str `text` with the newline rules. The number of code points
// of `text`, or -1.
static int64_t write_text(StringIOObject *s, Value text) {
    StrObject *so = str_obj(text);
    uint32_t *cps = malloc((so->len * 2 + 1) * sizeof(uint32_t));
    if (!cps) {
        err_no_memory();
        return -1;
    }
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)so->data, *end = p + so->nbytes;
    while (p < end) {
        size_t l;
        uint32_t c = str_decode_cp(p, &l);
        p += l;
        if (c == '\r' && s->readuniversal) {
            if (p < end && *p == '\n') {
                s->seen |= SEEN_CRLF;
                if (s->readtranslate) {
                    p++;
                    cps[n++] = '\n';
                    continue;
                }
            } else {
                s->seen |= SEEN_CR;
                if (s->readtranslate) {
                    c = '\n';
                }
            }
        } else if (c == '\n') {
            if (s->readuniversal) {
                s->seen |= SEEN_LF;
            }
            if (s->writenl) {
                for (const char *w = s->writenl; *w; w++) {
                    cps[n++] = (unsigned char)*w;
                }
                continue;
            }
        }
        cps[n++] = c;
    }
    int r = put_cps(s, cps, n);
    free(cps);
    return r < 0 ? -1 : (int64_t)so->len;
}

static Value stringio_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"initial_value", "newline", NULL};
    ArgSpec spec = {"StringIO", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value init = a[0], newline = a[1] ? a[1] : str_intern_cstr("\n");
    if (newline != VAL_NONE && !val_is_str(newline)) {
        return err_format(&exc_TypeError, "newline must be str or None, not %s",
                          obj_type_name(newline));
    }
    const char *nl = newline == VAL_NONE ? NULL : str_obj(newline)->data;
    if (nl && strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
        Value r = obj_repr(newline);
        return r ? err_format(&exc_ValueError, "illegal newline value: %s", str_obj(r)->data) : 0;
    }
    if (init && init != VAL_NONE && !val_is_str(init)) {
        return err_format(&exc_TypeError, "initial_value must be str or None, not %s",
                          obj_type_name(init));
    }
    StringIOObject *s = SIO(self);
    s->len = s->pos = 0;
    s->seen = 0;
    s->closed = 0;
    s->readuniversal = !nl || !nl[0];
    s->readtranslate = !nl;
    s->readnl = nl && nl[0] ? (nl[1] ? "\r\n" : nl[0] == '\r' ? "\r" : "\n") : NULL;
    s->writenl = nl && nl[0] && strcmp(nl, "\n") ? (nl[1] ? "\r\n" : "\r") : NULL;
    s->newline = !nl ? NULL : !nl[0] ? "" : s->readnl;
    s->initialized = 1;
    if (init && init != VAL_NONE) {
        if (write_text(s, init) < 0) {
            return 0;
        }
        s->pos = 0;
    }
    return VAL_NONE;
}

// A str of buf[from, to).
static Value cps_to_str(StringIOObject *s, size_t from, size_t to) {
    StrBuf sb;
    sb_init(&sb);
    sb_reserve(&sb, to - from + 1);
    for (size_t i = from; i < to; i++) {
        uint32_t c = s->buf[i];
        char tmp[4];
        size_t n;
        if (c < 0x80) {
            tmp[0] = (char)c;
            n = 1;
        } else if (c < 0x800) {
            tmp[0] = (char)(0xC0 | (c >> 6));
            tmp[1] = (char)(0x80 | (c & 0x3F));
            n = 2;
        } else if (c < 0x10000) {
            tmp[0] = (char)(0xE0 | (c >> 12));
            tmp[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            tmp[2] = (char)(0x80 | (c & 0x3F));
            n = 3;
        } else {
            tmp[0] = (char)(0xF0 | (c >> 18));
            tmp[1] = (char)(0x80 | ((c >> 12) & 0x3F));
            tmp[2] = (char)(0x80 | ((c >> 6) & 0x3F));
            tmp[3] = (char)(0x80 | (c & 0x3F));
            n = 4;
        }
        sb_put(&sb, tmp, n);
    }
    if (!sb.data) {
        return str_empty();
    }
    return str_from_strbuf(&sb);
}

FN(stringio_getvalue) {
    StringIOObject *s = SIO(self);
    if (method_check_args("StringIO.getvalue", nargs, kwnames, 0, 0) < 0 || check_ready(s) < 0) {
        return 0;
    }
    return cps_to_str(s, 0, s->len);
}

FN(stringio_read) {
    if (args_check_positional("read", nargs, 0, 1) < 0 || args_no_keywords("read", kwnames) < 0) {
        return 0;
    }
    StringIOObject *s = SIO(self);
    int64_t n;
    if (check_ready(s) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0) {
        return 0;
    }
    size_t avail = s->pos < s->len ? s->len - s->pos : 0;
    size_t take = n < 0 || (size_t)n > avail ? avail : (size_t)n;
    Value r = cps_to_str(s, s->pos, s->pos + take);
    if (r) {
        s->pos += take;
    }
    return r;
}

static Value readline_impl(StringIOObject *s, int64_t limit) {
    size_t start = s->pos, end = s->len;
    if (start >= end) {
        return str_empty();
    }
    if (limit >= 0 && (size_t)limit < end - start) {
        end = start + (size_t)limit;
    }
    size_t i = start, stop = end;
    for (; i < end; i++) {
        uint32_t c = s->buf[i];
        if (s->readtranslate || (s->readnl && !strcmp(s->readnl, "\n"))) {
            if (c == '\n') {
                stop = i + 1;
                break;
            }
        } else if (!s->readnl) {
            if (c == '\n') {
                stop = i + 1;
                break;
            }
            if (c == '\r') {
                stop = i + 1 < end && s->buf[i + 1] == '\n' ? i + 2 : i + 1;
                break;
            }
        } else if (!strcmp(s->readnl, "\r")) {
            if (c == '\r') {
                stop = i + 1;
                break;
            }
        } else if (c == '\r' && i + 1 < end && s->buf[i + 1] == '\n') {
            stop = i + 2;
            break;
        }
    }
    Value r = cps_to_str(s, start, stop);
    if (r) {
        s->pos = stop;
    }
    return r;
}

FN(stringio_readline) {
    if (args_check_positional("readline", nargs, 0, 1) < 0 ||
        args_no_keywords("readline", kwnames) < 0) {
        return 0;
    }
    StringIOObject *s = SIO(self);
    int64_t n;
    if (check_ready(s) < 0 || io_size_arg(nargs ? args[0] : 0, &n) < 0) {
        return 0;
    }
    return readline_impl(s, n);
}

static Value stringio_iternext(Value self) {
    StringIOObject *s = SIO(self);
    if (check_ready(s) < 0) {
        return 0;
    }
    Value line = readline_impl(s, -1);
    return line && str_obj(line)->nbytes ? line : 0;
}

FN(stringio_write) {
    if (method_check_args("StringIO.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    StringIOObject *s = SIO(self);
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "string argument expected, got '%s'",
                          obj_type_name(args[0]));
    }
    if (check_ready(s) < 0) {
        return 0;
    }
    int64_t n = write_text(s, args[0]);
    return n < 0 ? 0 : int_from_i64(n);
}

FN(stringio_seek) {
    if (args_check_positional("seek", nargs, 1, 2) < 0 || args_no_keywords("seek", kwnames) < 0) {
        return 0;
    }
    StringIOObject *s = SIO(self);
    int64_t pos, whence = 0;
    if (type_of(args[0]) == &type_float) {
        return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
    }
    if (obj_as_index(args[0], &pos, 1) < 0 || (nargs > 1 && obj_as_int64(args[1], &whence) < 0)) {
        return 0;
    }
    if (check_ready(s) < 0) {
        return 0;
    }
    if (whence != 0 && whence != 1 && whence != 2) {
        return err_format(&exc_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)",
                          (long long)whence);
    }
    if (pos < 0 && whence == 0) {
        return err_format(&exc_ValueError, "Negative seek position %lld", (long long)pos);
    }
    if (whence != 0 && pos != 0) {
        return err_format(&exc_OSError, "Can't do nonzero cur-relative seeks");
    }
    if (whence == 1) {
        pos = (int64_t)s->pos;
    } else if (whence == 2) {
        pos = (int64_t)s->len;
    }
    s->pos = (size_t)pos;
    return int_from_i64(pos);
}

FN(stringio_tell) {
    StringIOObject *s = SIO(self);
    if (method_check_args("StringIO.tell", nargs, kwnames, 0, 0) < 0 || check_ready(s) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)s->pos);
}

FN(stringio_truncate) {
    if (args_check_positional("truncate", nargs, 0, 1) < 0 ||
        args_no_keywords("truncate", kwnames) < 0) {
        return 0;
    }
    StringIOObject *s = SIO(self);
    if (check_ready(s) < 0) {
        return 0;
    }
    int64_t size = (int64_t)s->pos;
    if (nargs && args[0] != VAL_NONE) {
        if (io_size_arg(args[0], &size) < 0) {
            return 0;
        }
        if (size < 0) {
            return err_format(&exc_ValueError, "Negative size value %lld", (long long)size);
        }
    }
    if ((size_t)size < s->len) {
        s->len = (size_t)size;
    }
    return int_from_i64(size);
}

FN(stringio_close) {
    SIO(self)->closed = 1;
    SIO(self)->base.iobase_closed = 1;
    return VAL_NONE;
}

FN(stringio_true) { return check_ready(SIO(self)) < 0 ? 0 : VAL_TRUE; }

static Value stringio_get_closed(Value self) {
    StringIOObject *s = SIO(self);
    if (!s->initialized) {
        return err_format(&exc_ValueError, "I/O operation on uninitialized object");
    }
    return val_bool(s->closed);
}

static Value stringio_get_line_buffering(Value self) {
    return check_ready(SIO(self)) < 0 ? 0 : VAL_FALSE;
}

static Value stringio_get_newlines(Value self) {
    StringIOObject *s = SIO(self);
    if (check_ready(s) < 0) {
        return 0;
    }
    if (!s->readuniversal) {
        return VAL_NONE;
    }
    static const char *const names[] = {"\r", "\n", "\r\n"};
    Value items[3];
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        if (s->seen & (1u << i)) {
            items[n] = str_from_cstr(names[i]);
            if (!items[n]) {
                return 0;
            }
            n++;
        }
    }
    return n == 0 ? VAL_NONE : n == 1 ? items[0] : tuple_from(items, n);
}

// ---- pickling ---------------------------------------------------------------------------

// (value, newline, position, instance dict or None), as CPython's.
FN(stringio_getstate) {
    StringIOObject *s = SIO(self);
    if (method_check_args("__getstate__", nargs, kwnames, 0, 0) < 0 || check_ready(s) < 0) {
        return 0;
    }
    Value value = cps_to_str(s, 0, s->len);
    Value newline = !value ? 0 : s->newline ? str_from_cstr(s->newline) : VAL_NONE;
    Value dict = newline ? obj_getattr_opt(self, str_intern_cstr("__dict__")) : 0;
    if (!newline || (!dict && err_occurred())) {
        return 0;
    }
    if (dict && dict_check(dict) && dict_len(dict) > 0) {
        dict = dict_copy(dict);
        if (!dict) {
            return 0;
        }
    } else {
        dict = VAL_NONE;
    }
    Value pos = int_from_i64((int64_t)s->pos);
    return pos ? tuple_from((Value[]){value, newline, pos, dict}, 4) : 0;
}

FN(stringio_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    StringIOObject *s = SIO(self);
    if (s->closed) {
        return err_format(&exc_ValueError, "I/O operation on closed file");
    }
    Value state = args[0];
    if (!tuple_check(state) || tuple_obj(state)->len < 4) {
        return err_format(&exc_TypeError, "%.200s.__setstate__ argument should be 4-tuple, got %.200s",
                          type_of(self)->name, obj_type_name(state));
    }
    Value *items = tuple_obj(state)->items;
    if (!stringio_init(self, items, 2, 0)) {
        return 0;
    }
    // The value was translated when it was written: it goes back as it is.
    s->len = s->pos = 0;
    if (items[0] != VAL_NONE) {
        StrObject *so = str_obj(items[0]);
        if (reserve(s, so->len) < 0) {
            return 0;
        }
        const unsigned char *p = (const unsigned char *)so->data, *end = p + so->nbytes;
        while (p < end) {
            size_t l;
            s->buf[s->len++] = str_decode_cp(p, &l);
            p += l;
        }
    }
    Value posv = items[2];
    if (!int_check(posv)) {
        return err_format(&exc_TypeError, "third item of state must be an integer, got %.200s",
                          obj_type_name(posv));
    }
    int64_t pos;
    if (int_to_i64(posv, &pos) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    if (pos < 0) {
        return err_format(&exc_ValueError, "position value cannot be negative");
    }
    s->pos = (size_t)pos;
    Value dict = items[3];
    if (dict != VAL_NONE) {
        if (!dict_check(dict)) {
            return err_format(&exc_TypeError, "fourth item of state should be a dict, got a %.200s",
                              obj_type_name(dict));
        }
        size_t it = 0;
        Value k, v;
        while (dict_next(dict, &it, &k, &v)) {
            if (obj_setattr(self, k, v) < 0) {
                return 0;
            }
        }
    }
    return VAL_NONE;
}

static const MethodDef stringio_methods[] = {
    {"__getstate__", stringio_getstate, METH_DEFAULT, NULL},
    {"__setstate__", stringio_setstate, METH_DEFAULT, NULL},
    {"getvalue", stringio_getvalue, METH_DEFAULT, NULL},
    {"read", stringio_read, METH_DEFAULT, NULL},
    {"readline", stringio_readline, METH_DEFAULT, NULL},
    {"write", stringio_write, METH_DEFAULT, NULL},
    {"seek", stringio_seek, METH_DEFAULT, NULL},
    {"tell", stringio_tell, METH_DEFAULT, NULL},
    {"truncate", stringio_truncate, METH_DEFAULT, NULL},
    {"close", stringio_close, METH_DEFAULT, NULL},
    {"readable", stringio_true, METH_DEFAULT, NULL},
    {"writable", stringio_true, METH_DEFAULT, NULL},
    {"seekable", stringio_true, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef stringio_getset[] = {
    {"closed", stringio_get_closed, NULL, NULL},
    {"line_buffering", stringio_get_line_buffering, NULL, NULL},
    {"newlines", stringio_get_newlines, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_stringio = {
    .header = {&type_type},
    .name = "_io.StringIO",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_HAS_FINALIZER,
    .basic_size = sizeof(StringIOObject),
    .base = &type_textiobase,
    .free = stringio_free,
    .new_ = stringio_new,
    .init = stringio_init,
    .iternext = stringio_iternext,
    .methods = stringio_methods,
    .getset = stringio_getset,
};
