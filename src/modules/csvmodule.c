// csvmodule.c - the `_csv` module: the CSV reader and writer objects,
// Dialect, the dialect registry and field_size_limit, which csv.py wraps
// (DictReader, DictWriter and Sniffer are pure Python there).
//
// A Dialect is an immutable record of the formatting parameters, checked
// once when it is made (with CPython's TypeErrors, which csv.Dialect turns
// into csv.Error). Characters that may be unset (quotechar, escapechar)
// are stored as -1 then.
//
// The reader is CPython's state machine, fed one code point at a time:
// each line the input iterator yields is processed, then an end-of-line
// marker (CSV_EOL); a record is complete when the machine is back at
// START_RECORD after a line. A quoted field may so span lines. The field
// being read is kept as UTF-8 in a StrBuf, freed with the reader.
//
// The writer quotes and escapes each field as CPython's join_append: a
// field is quoted if it holds the delimiter, the quote character or a
// character of the line terminator (QUOTE_MINIMAL), always (QUOTE_ALL), or
// when it is not a number (QUOTE_NONNUMERIC); under QUOTE_NONE those
// characters are escaped instead, which needs an escapechar.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/complex.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };
#define CSV_NOT_SET (-1)
#define CSV_EOL (-2)  // the end-of-line marker the reader gets after each line

static Value csv_error;     // _csv.Error
static Value csv_dialects;  // the registry: name -> Dialect
static int64_t csv_field_limit = 128 * 1024;

// Raise _csv.Error(msg).
static Value csv_raise(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static Value csv_raise(const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Value s = str_from_cstr(msg);
    Value exc = s ? obj_call1(csv_error, s) : 0;
    return exc ? err_set_value(exc) : 0;
}

// ---- Dialect --------------------------------------------------------------------------------------

typedef struct DialectObject {
    Object header;
    int32_t delimiter, quotechar, escapechar;  // code points, or CSV_NOT_SET
    Value lineterminator;                      // str
    int64_t quoting;
    int doublequote, skipinitialspace, strict;
} DialectObject;

static Type type_dialect;

static DialectObject *dia(Value v) {
    return (DialectObject *)val_ptr(v);
}

static void dialect_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((DialectObject *)o)->lineterminator);
}

// The parameters in CPython's order (positional order of Dialect(), and
// the order they are set and checked in).
static const char *const dialect_params[] = {"dialect", "delimiter", "doublequote", "escapechar",
                                             "lineterminator", "quotechar", "quoting",
                                             "skipinitialspace", "strict", NULL};
enum { P_DIALECT, P_DELIMITER, P_DOUBLEQUOTE, P_ESCAPECHAR, P_LINETERMINATOR, P_QUOTECHAR,
       P_QUOTING, P_SKIPINITIALSPACE, P_STRICT, P_COUNT };

static int dialect_set_char(const char *name, int32_t *out, Value v, int32_t dflt, int or_none) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (or_none && v == VAL_NONE) {
        *out = CSV_NOT_SET;
        return 0;
    }
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "\"%s\" must be string%s, not %s", name,
                   or_none ? " or None" : "", str_type_name(v));
        return -1;
    }
    if (str_len(v) != 1) {
        err_format(&exc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *out = (int32_t)str_getitem_cp(v, 0);
    return 0;
}

static int dialect_set_bool(int *out, Value v, int dflt) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    int b = obj_truthy(v);
    if (b < 0) {
        return -1;
    }
    *out = b;
    return 0;
}

static Value dialect_lookup(Value name) {
    Value d = dict_get(csv_dialects, name);
    if (!d && !err_occurred()) {
        return csv_raise("unknown dialect");
    }
    return d;
}

static Value dialect_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value p[P_COUNT] = {0};
    if (nargs > P_COUNT) {
        return err_format(&exc_TypeError, "function takes at most %d arguments (%zu given)",
                          P_COUNT, nargs);
    }
    for (size_t i = 0; i < nargs; i++) {
        p[i] = args[i];
    }
    size_t nkw = args_nkw(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        Value key = tuple_obj(kwnames)->items[k];
        int found = -1;
        for (int i = 0; i < P_COUNT; i++) {
            if (strcmp(str_obj(key)->data, dialect_params[i]) == 0) {
                found = i;
            }
        }
        if (found < 0) {
            return err_format(&exc_TypeError,
                              "'%s' is an invalid keyword argument for this function",
                              str_obj(key)->data);
        }
        if (p[found]) {
            return err_format(&exc_TypeError,
                              "argument for function given by name ('%s') and position (%d)",
                              dialect_params[found], found + 1);
        }
        p[found] = args[nargs + k];
    }
    Value dialect = p[P_DIALECT];
    if (dialect) {
        if (val_is_str(dialect)) {
            dialect = dialect_lookup(dialect);
            if (!dialect) {
                return 0;
            }
        }
        int reuse = type_is_subtype(type_of(dialect), &type_dialect);
        for (int i = 1; i < P_COUNT; i++) {
            reuse = reuse && !p[i];
        }
        if (reuse) {
            return dialect;
        }
        for (int i = 1; i < P_COUNT; i++) {
            if (!p[i]) {
                p[i] = obj_getattr_cstr(dialect, dialect_params[i]);
                if (!p[i]) {
                    err_clear();
                }
            }
        }
    }
    Type *t = type_ptr(type);
    DialectObject *d = (DialectObject *)gc_alloc(t, t->basic_size);
    if (!d) {
        return 0;
    }
    if (dialect_set_char("delimiter", &d->delimiter, p[P_DELIMITER], ',', 0) < 0 ||
        dialect_set_bool(&d->doublequote, p[P_DOUBLEQUOTE], 1) < 0 ||
        dialect_set_char("escapechar", &d->escapechar, p[P_ESCAPECHAR], CSV_NOT_SET, 1) < 0) {
        return 0;
    }
    Value lt = p[P_LINETERMINATOR];
    if (!lt) {
        d->lineterminator = str_from_cstr("\r\n");
    } else if (lt == VAL_NONE) {
        d->lineterminator = 0;
    } else if (!val_is_str(lt)) {
        return err_format(&exc_TypeError, "\"lineterminator\" must be a string");
    } else {
        d->lineterminator = lt;
    }
    if (dialect_set_char("quotechar", &d->quotechar, p[P_QUOTECHAR], '"', 1) < 0) {
        return 0;
    }
    Value q = p[P_QUOTING];
    if (!q) {
        d->quoting = QUOTE_MINIMAL;
    } else if (!int_check(q)) {
        return err_format(&exc_TypeError, "\"quoting\" must be an integer");
    } else if (int_to_i64(q, &d->quoting) < 0) {
        return 0;
    }
    if (dialect_set_bool(&d->skipinitialspace, p[P_SKIPINITIALSPACE], 0) < 0 ||
        dialect_set_bool(&d->strict, p[P_STRICT], 0) < 0) {
        return 0;
    }
    if (d->quoting < QUOTE_MINIMAL || d->quoting > QUOTE_NONE) {
        return err_format(&exc_TypeError, "bad \"quoting\" value");
    }
    if (p[P_QUOTECHAR] == VAL_NONE && !q) {
        d->quoting = QUOTE_NONE;
    }
    if (d->quoting != QUOTE_NONE && d->quotechar == CSV_NOT_SET) {
        return err_format(&exc_TypeError, "quotechar must be set if quoting enabled");
    }
    if (!d->lineterminator) {
        return err_format(&exc_TypeError, "lineterminator must be set");
    }
    return val_from_ptr(d);
}

static Value dialect_char_value(int32_t c) {
    return c == CSV_NOT_SET ? VAL_NONE : str_char((uint32_t)c);
}

static Value dialect_get_delimiter(Value self) {
    return dialect_char_value(dia(self)->delimiter);
}
static Value dialect_get_quotechar(Value self) {
    return dialect_char_value(dia(self)->quotechar);
}
static Value dialect_get_escapechar(Value self) {
    return dialect_char_value(dia(self)->escapechar);
}
static Value dialect_get_lineterminator(Value self) {
    return dia(self)->lineterminator;
}
static Value dialect_get_quoting(Value self) {
    return int_from_i64(dia(self)->quoting);
}
static Value dialect_get_doublequote(Value self) {
    return val_bool(dia(self)->doublequote);
}
static Value dialect_get_skipinitialspace(Value self) {
    return val_bool(dia(self)->skipinitialspace);
}
static Value dialect_get_strict(Value self) {
    return val_bool(dia(self)->strict);
}

// Dialects refuse pickling and copying, with CPython's message.
FN(dialect_reduce) {
    const char *name = type_of(self)->name, *dot = strrchr(name, '.');
    return err_format(&exc_TypeError, "cannot pickle '%s' instances", dot ? dot + 1 : name);
}

static const MethodDef dialect_methods[] = {
    {"__reduce__", dialect_reduce, METH_DEFAULT, "raises an exception to avoid pickling"},
    {"__reduce_ex__", dialect_reduce, METH_DEFAULT, "raises an exception to avoid pickling"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef dialect_getset[] = {
    {"delimiter", dialect_get_delimiter, NULL, NULL},
    {"doublequote", dialect_get_doublequote, NULL, NULL},
    {"escapechar", dialect_get_escapechar, NULL, NULL},
    {"lineterminator", dialect_get_lineterminator, NULL, NULL},
    {"quotechar", dialect_get_quotechar, NULL, NULL},
    {"quoting", dialect_get_quoting, NULL, NULL},
    {"skipinitialspace", dialect_get_skipinitialspace, NULL, NULL},
    {"strict", dialect_get_strict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_dialect = {
    .header = {&type_type},
    .name = "_csv.Dialect",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(DialectObject),
    .base = &type_object,
    .trace = dialect_trace,
    .new_ = dialect_tp_new,
    .methods = dialect_methods,
    .getset = dialect_getset,
};

// Dialect(dialect, **fmtparams) for reader(), writer() and register_dialect():
// `dialect` may be 0.
static Value dialect_make(Value dialect, const Value *kwvalues, Value kwnames) {
    size_t nkw = args_nkw(kwnames);
    Value vec = tuple_new(1 + nkw);  // a GC-visible argument vector
    if (!vec) {
        return 0;
    }
    size_t n = 0;
    if (dialect) {
        tuple_obj(vec)->items[n++] = dialect;
    }
    for (size_t i = 0; i < nkw; i++) {
        tuple_obj(vec)->items[n + i] = kwvalues[i];
    }
    return dialect_tp_new(val_from_ptr(&type_dialect), tuple_obj(vec)->items, n, kwnames);
}

// ---- the reader -------------------------------------------------------------------------------------

typedef enum ParserState {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD, ESCAPE_IN_QUOTED_FIELD,
    QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
} ParserState;

typedef struct ReaderObject {
    Object header;
    Value input;        // the iterator of lines
    Value dialect;
    Value fields;       // the list of the record being read, or 0
    StrBuf field;       // the field being read, UTF-8
    int64_t field_len;  // its length in code points
    ParserState state;
    int numeric_field;  // QUOTE_NONNUMERIC: the field is unquoted, so a float
    int64_t line_num;
} ReaderObject;

static Type type_reader, type_writer;

static ReaderObject *rdr(Value v) {
    return (ReaderObject *)val_ptr(v);
}

static void reader_trace(Object *o, GcTracer *t) {
    ReaderObject *r = (ReaderObject *)o;
    gc_trace_value(t, r->input);
    gc_trace_value(t, r->dialect);
    gc_trace_value(t, r->fields);
}

static void reader_free(Object *o) {
    sb_free(&((ReaderObject *)o)->field);
}

static int reader_reset(ReaderObject *r) {
    r->fields = list_new(0);
    if (!r->fields) {
        return -1;
    }
    r->field.len = 0;
    r->field_len = 0;
    r->state = START_RECORD;
    r->numeric_field = 0;
    return 0;
}

static int reader_save_field(ReaderObject *r) {
    Value f = str_from_utf8(r->field.data ? r->field.data : "", r->field.len);
    if (!f) {
        return -1;
    }
    if (r->numeric_field) {
        r->numeric_field = 0;
        f = float_from_object(f);
        if (!f) {
            return -1;
        }
    }
    r->field.len = 0;
    r->field_len = 0;
    return list_append(r->fields, f);
}

static int reader_add_char(ReaderObject *r, int32_t c) {
    if (r->field_len >= csv_field_limit) {
        csv_raise("field larger than field limit (%lld)", (long long)csv_field_limit);
        return -1;
    }
    char u8[4];
    sb_put(&r->field, u8, (size_t)utf8_encode((uint32_t)c, u8));
    r->field_len++;
    return 0;
}

static int is_line_end(int32_t c) {
    return c == '\n' || c == '\r' || c == CSV_EOL;
}

static int reader_process_char(ReaderObject *r, int32_t c) {
    DialectObject *d = dia(r->dialect);
    switch (r->state) {
    case START_RECORD:
        if (c == CSV_EOL) {  // an empty line: an empty record
            return 0;
        }
        if (c == '\n' || c == '\r') {
            r->state = EAT_CRNL;
            return 0;
        }
        r->state = START_FIELD;
        // fall through
    case START_FIELD:
        if (is_line_end(c)) {
            if (reader_save_field(r) < 0) {
                return -1;
            }
            r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
        } else if (c == d->quotechar && d->quoting != QUOTE_NONE) {
            r->state = IN_QUOTED_FIELD;
        } else if (c == d->escapechar) {
            r->state = ESCAPED_CHAR;
        } else if (c == ' ' && d->skipinitialspace) {
            // spaces at the start of a field are skipped
        } else if (c == d->delimiter) {
            if (reader_save_field(r) < 0) {
                return -1;
            }
        } else {
            if (d->quoting == QUOTE_NONNUMERIC) {
                r->numeric_field = 1;
            }
            if (reader_add_char(r, c) < 0) {
                return -1;
            }
            r->state = IN_FIELD;
        }
        return 0;
    case ESCAPED_CHAR:
        if (c == '\n' || c == '\r') {
            if (reader_add_char(r, c) < 0) {
                return -1;
            }
            r->state = AFTER_ESCAPED_CRNL;
            return 0;
        }
        if (c == CSV_EOL) {
            c = '\n';
        }
        if (reader_add_char(r, c) < 0) {
            return -1;
        }
        r->state = IN_FIELD;
        return 0;
    case AFTER_ESCAPED_CRNL:
        if (c == CSV_EOL) {
            return 0;
        }
        // fall through
    case IN_FIELD:
        if (is_line_end(c)) {
            if (reader_save_field(r) < 0) {
                return -1;
            }
            r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
        } else if (c == d->escapechar) {
            r->state = ESCAPED_CHAR;
        } else if (c == d->delimiter) {
            if (reader_save_field(r) < 0) {
                return -1;
            }
            r->state = START_FIELD;
        } else if (reader_add_char(r, c) < 0) {
            return -1;
        }
        return 0;
    case IN_QUOTED_FIELD:
        if (c == CSV_EOL) {
            // the line's own newline characters are in the field already
        } else if (c == d->escapechar) {
            r->state = ESCAPE_IN_QUOTED_FIELD;
        } else if (c == d->quotechar && d->quoting != QUOTE_NONE) {
            r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        } else if (reader_add_char(r, c) < 0) {
            return -1;
        }
        return 0;
    case ESCAPE_IN_QUOTED_FIELD:
        if (c == CSV_EOL) {
            c = '\n';
        }
        if (reader_add_char(r, c) < 0) {
            return -1;
        }
        r->state = IN_QUOTED_FIELD;
        return 0;
    case QUOTE_IN_QUOTED_FIELD:
        if (d->quoting != QUOTE_NONE && c == d->quotechar) {  // a doubled quote
            if (reader_add_char(r, c) < 0) {
                return -1;
            }
            r->state = IN_QUOTED_FIELD;
        } else if (c == d->delimiter) {
            if (reader_save_field(r) < 0) {
                return -1;
            }
            r->state = START_FIELD;
        } else if (is_line_end(c)) {
            if (reader_save_field(r) < 0) {
                return -1;
            }
            r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
        } else if (!d->strict) {
            if (reader_add_char(r, c) < 0) {
                return -1;
            }
            r->state = IN_FIELD;
        } else {
            char dl[5], qc[5];
            dl[utf8_encode((uint32_t)d->delimiter, dl)] = 0;
            qc[utf8_encode((uint32_t)d->quotechar, qc)] = 0;
            csv_raise("'%s' expected after '%s'", dl, qc);
            return -1;
        }
        return 0;
    case EAT_CRNL:
        if (c == '\n' || c == '\r') {
            return 0;
        }
        if (c == CSV_EOL) {
            r->state = START_RECORD;
            return 0;
        }
        csv_raise("new-line character seen in unquoted field - do you need to open the file in "
                  "universal-newline mode?");
        return -1;
    }
    return 0;
}

static Value reader_iternext(Value self) {
    ReaderObject *r = rdr(self);
    if (reader_reset(r) < 0) {
        return 0;
    }
    do {
        Value line = obj_next(r->input);
        if (!line) {
            if (!err_occurred() && (r->field_len != 0 || r->state == IN_QUOTED_FIELD)) {
                if (dia(r->dialect)->strict) {
                    return csv_raise("unexpected end of data");
                }
                if (reader_save_field(r) < 0) {
                    return 0;
                }
                break;
            }
            return 0;
        }
        if (!val_is_str(line)) {
            return csv_raise("iterator should return strings, not %.200s (the file should be "
                             "opened in text mode)",
                             str_type_name(line));
        }
        r->line_num++;
        const unsigned char *p = (const unsigned char *)str_obj(line)->data;
        const unsigned char *end = p + str_obj(line)->nbytes;
        while (p < end) {
            size_t n;
            uint32_t c = str_decode_cp(p, &n);
            p += n;
            if (reader_process_char(r, (int32_t)c) < 0) {
                return 0;
            }
        }
        gc_keep_alive(line);
        if (reader_process_char(r, CSV_EOL) < 0) {
            return 0;
        }
    } while (r->state != START_RECORD);
    Value fields = r->fields;
    r->fields = 0;
    return fields;
}

static Value reader_self(Value self) {
    return self;
}

static const MemberDef reader_members[] = {
    {"dialect", MEMBER_VALUE_RO, offsetof(ReaderObject, dialect), NULL},
    {"line_num", MEMBER_INT64_RO, offsetof(ReaderObject, line_num), NULL},
    {NULL, 0, 0, NULL},
};

static Type type_reader = {
    .header = {&type_type},
    .name = "_csv.reader",
    .basic_size = sizeof(ReaderObject),
    .base = &type_object,
    .trace = reader_trace,
    .free = reader_free,
    .iter = reader_self,
    .iternext = reader_iternext,
    .members = reader_members,
};

// ---- the writer ---------------------------------------------------------------------------------------

typedef struct WriterObject {
    Object header;
    Value write;        // the file's bound write method
    Value dialect;
} WriterObject;

static void writer_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((WriterObject *)o)->write);
    gc_trace_value(t, ((WriterObject *)o)->dialect);
}

// Is c one of the characters that make a field need quoting or escaping?
static int writer_special(DialectObject *d, int32_t c) {
    if (c == d->delimiter || c == d->escapechar || c == d->quotechar) {
        return 1;
    }
    Value lt = d->lineterminator;
    for (size_t i = 0; i < str_len(lt); i++) {
        if ((uint32_t)c == str_getitem_cp(lt, i)) {
            return 1;
        }
    }
    return 0;
}

// Append one field (text 0: empty) to the record: the delimiter first if
// it is not the first field, then the field quoted or escaped as needed.
static int writer_append(DialectObject *d, StrBuf *rec, int *nfields, Value text, int quoted) {
    const unsigned char *start = text ? (const unsigned char *)str_obj(text)->data : NULL;
    const unsigned char *end = text ? start + str_obj(text)->nbytes : NULL;
    // First pass: does the field need quotes, and can it be escaped?
    for (const unsigned char *p = start; p && p < end;) {
        size_t n;
        int32_t c = (int32_t)str_decode_cp(p, &n);
        p += n;
        if (!writer_special(d, c)) {
            continue;
        }
        int want_escape = 0;
        if (d->quoting == QUOTE_NONE) {
            want_escape = 1;
        } else {
            if (c == d->quotechar) {
                want_escape = !d->doublequote;
            } else if (c == d->escapechar) {
                want_escape = 1;
            }
            if (!want_escape) {
                quoted = 1;
            }
        }
        if (want_escape && d->escapechar == CSV_NOT_SET) {
            csv_raise("need to escape, but no escapechar set");
            return -1;
        }
    }
    char u8[4];
#define PUT_CP(cp) sb_put(rec, u8, (size_t)utf8_encode((uint32_t)(cp), u8))
    if (*nfields > 0) {
        PUT_CP(d->delimiter);
    }
    if (quoted) {
        PUT_CP(d->quotechar);
    }
    for (const unsigned char *p = start; p && p < end;) {
        size_t n;
        int32_t c = (int32_t)str_decode_cp(p, &n);
        p += n;
        if (writer_special(d, c)) {
            int want_escape = 0;
            if (d->quoting == QUOTE_NONE) {
                want_escape = 1;
            } else if (c == d->quotechar) {
                if (d->doublequote) {
                    PUT_CP(d->quotechar);
                } else {
                    want_escape = 1;
                }
            } else if (c == d->escapechar) {
                want_escape = 1;
            }
            if (want_escape) {
                PUT_CP(d->escapechar);
            }
        }
        PUT_CP(c);
    }
    if (quoted) {
        PUT_CP(d->quotechar);
    }
#undef PUT_CP
    if (text) {
        gc_keep_alive(text);
    }
    (*nfields)++;
    return 0;
}

// CPython's PyNumber_Check: QUOTE_NONNUMERIC leaves these unquoted.
static int csv_is_number(Value v) {
    Type *t = type_of(v);
    return t->index || t->to_int || t->to_float || type_is_subtype(t, &type_complex);
}

FN(writer_writerow) {
    if (method_check_args("writerow", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    WriterObject *w = (WriterObject *)val_ptr(self);
    DialectObject *d = dia(w->dialect);
    Value it = obj_iter(args[0]);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            return csv_raise("iterable expected, not %.200s", str_type_name(args[0]));
        }
        return 0;
    }
    StrBuf rec;
    sb_init(&rec);
    int nfields = 0;
    for (;;) {
        Value field = obj_next(it);
        if (!field) {
            if (err_occurred()) {
                goto fail;
            }
            break;
        }
        int quoted;
        switch (d->quoting) {
        case QUOTE_NONNUMERIC:
            quoted = !csv_is_number(field);
            break;
        case QUOTE_ALL:
            quoted = 1;
            break;
        default:
            quoted = 0;
            break;
        }
        Value text = 0;
        if (val_is_str(field)) {
            text = field;
        } else if (field != VAL_NONE) {
            text = obj_str(field);
            if (!text) {
                goto fail;
            }
        }
        if (writer_append(d, &rec, &nfields, text, quoted) < 0) {
            goto fail;
        }
    }
    if (nfields > 0 && rec.len == 0) {  // one empty field: written as ""
        if (d->quoting == QUOTE_NONE) {
            csv_raise("single empty field record must be quoted");
            goto fail;
        }
        nfields--;
        if (writer_append(d, &rec, &nfields, 0, 1) < 0) {
            goto fail;
        }
    }
    sb_put(&rec, str_obj(d->lineterminator)->data, str_obj(d->lineterminator)->nbytes);
    Value line = str_from_strbuf(&rec);
    return line ? obj_call1(w->write, line) : 0;
fail:
    sb_free(&rec);
    return 0;
}

FN(writer_writerows) {
    if (method_check_args("writerows", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value row = obj_next(it);
        if (!row) {
            return err_occurred() ? 0 : VAL_NONE;
        }
        if (!writer_writerow(self, &row, 1, 0)) {
            return 0;
        }
    }
}

static const MethodDef writer_methods[] = {
    {"writerow", writer_writerow, METH_DEFAULT,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\n"
     "elements will be converted to string."},
    {"writerows", writer_writerows, METH_DEFAULT,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  "
     "Non-string\nelements will be converted to string."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef writer_members[] = {
    {"dialect", MEMBER_VALUE_RO, offsetof(WriterObject, dialect), NULL},
    {NULL, 0, 0, NULL},
};

static Type type_writer = {
    .header = {&type_type},
    .name = "_csv.writer",
    .basic_size = sizeof(WriterObject),
    .base = &type_object,
    .trace = writer_trace,
    .methods = writer_methods,
    .members = writer_members,
};

// ---- the module functions ---------------------------------------------------------------------------------

// reader(iterable, dialect='excel', **fmtparams)
FN(csv_reader) {
    if (nargs < 1 || nargs > 2) {
        return err_format(&exc_TypeError, nargs < 1 ? " expected at least 1 argument, got %zu"
                                                    : " expected at most 2 arguments, got %zu",
                          nargs);
    }
    ReaderObject *r = (ReaderObject *)gc_alloc(&type_reader, sizeof(ReaderObject));
    if (!r) {
        return 0;
    }
    sb_init(&r->field);
    r->state = START_RECORD;
    Value reader = val_from_ptr(r);
    r->input = obj_iter(args[0]);
    if (!r->input) {
        return 0;
    }
    r->dialect = dialect_make(nargs == 2 ? args[1] : 0, args + nargs, kwnames);
    return r->dialect ? reader : 0;
}

// writer(fileobj, dialect='excel', **fmtparams)
FN(csv_writer) {
    if (nargs < 1 || nargs > 2) {
        return err_format(&exc_TypeError, nargs < 1 ? " expected at least 1 argument, got %zu"
                                                    : " expected at most 2 arguments, got %zu",
                          nargs);
    }
    WriterObject *w = (WriterObject *)gc_alloc(&type_writer, sizeof(WriterObject));
    if (!w) {
        return 0;
    }
    Value writer = val_from_ptr(w);
    w->write = obj_getattr_opt(args[0], str_intern_cstr("write"));
    if (!w->write || !type_of(w->write)->call) {
        if (!err_occurred() || err_matches(&exc_AttributeError)) {
            err_clear();
            return err_format(&exc_TypeError, "argument 1 must have a \"write\" method");
        }
        return 0;
    }
    w->dialect = dialect_make(nargs == 2 ? args[1] : 0, args + nargs, kwnames);
    return w->dialect ? writer : 0;
}

// register_dialect(name[, dialect], **fmtparams)
FN(csv_register_dialect) {
    if (nargs < 1 || nargs > 2) {
        return err_format(&exc_TypeError, nargs < 1 ? "register_dialect expected at least 1 argument, got %zu"
                                                    : "register_dialect expected at most 2 arguments, got %zu",
                          nargs);
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "dialect name must be a string");
    }
    Value d = dialect_make(nargs == 2 ? args[1] : 0, args + nargs, kwnames);
    if (!d || dict_set(csv_dialects, args[0], d) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(csv_unregister_dialect) {
    static const char *const names[] = {"name", NULL};
    static const ArgSpec spec = {"unregister_dialect", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int k = dict_del(csv_dialects, a[0]);
    if (k < 0) {
        return 0;
    }
    return k ? VAL_NONE : csv_raise("unknown dialect");
}

FN(csv_get_dialect) {
    static const char *const names[] = {"name", NULL};
    static const ArgSpec spec = {"get_dialect", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return dialect_lookup(a[0]);
}

FN(csv_list_dialects) {
    if (method_check_args("list_dialects", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return dict_keys(csv_dialects);
}

FN(csv_field_size_limit) {
    static const char *const names[] = {"new_limit", NULL};
    static const ArgSpec spec = {"field_size_limit", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t old = csv_field_limit;
    if (a[0]) {
        if (!int_check(a[0])) {
            return err_format(&exc_TypeError, "limit must be an integer");
        }
        int64_t limit;
        if (int_to_i64(a[0], &limit) < 0) {
            err_clear();
            return err_format(&exc_OverflowError, "Python int too large to convert to C long");
        }
        csv_field_limit = limit;
    }
    return int_from_i64(old);
}

static const MethodDef csv_functions[] = {
    {"reader", csv_reader, METH_DEFAULT, "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n"},
    {"writer", csv_writer, METH_DEFAULT, "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    for row in sequence:\n        csv_writer.writerow(row)\n"},
    {"register_dialect", csv_register_dialect, METH_DEFAULT, "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", csv_unregister_dialect, METH_DEFAULT, "Delete the name/dialect mapping associated with a string name.\n    csv.unregister_dialect(name)"},
    {"get_dialect", csv_get_dialect, METH_DEFAULT, "Return the dialect instance associated with name.\n    dialect = csv.get_dialect(name)"},
    {"list_dialects", csv_list_dialects, METH_DEFAULT, "Return a list of all know dialect names.\n    names = csv.list_dialects()"},
    {"field_size_limit", csv_field_size_limit, METH_DEFAULT, "Sets an upper limit on parsed fields.\n    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\nthe old limit is returned"},
    {NULL, NULL, 0, NULL},
};

Value csv_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_dialect) < 0 || type_ready(&type_reader) < 0 ||
        type_ready(&type_writer) < 0) {
        return 0;
    }
    gc_add_root(&csv_error);
    gc_add_root(&csv_dialects);
    csv_dialects = dict_new();
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!csv_dialects || !ns || dict_set_cstr(ns, "__module__", str_from_cstr("_csv")) < 0) {
        return 0;
    }
    csv_error = type_new_class(&type_type, str_from_cstr("Error"), bases, ns);
    Value m = csv_error ? module_new_cstr("_csv") : 0;
    static const struct {
        const char *name;
        int value;
    } consts[] = {{"QUOTE_MINIMAL", QUOTE_MINIMAL}, {"QUOTE_ALL", QUOTE_ALL},
                  {"QUOTE_NONNUMERIC", QUOTE_NONNUMERIC}, {"QUOTE_NONE", QUOTE_NONE}};
    if (!m || module_add_functions(m, csv_functions) < 0 ||
        module_add(m, "Error", csv_error) < 0 ||
        module_add(m, "Dialect", val_from_ptr(&type_dialect)) < 0 ||
        module_add(m, "Reader", val_from_ptr(&type_reader)) < 0 ||
        module_add(m, "Writer", val_from_ptr(&type_writer)) < 0 ||
        module_add(m, "_dialects", csv_dialects) < 0 ||
        module_add(m, "__version__", str_from_cstr("1.0")) < 0 ||
        module_add(m, "__doc__", str_from_cstr("CSV parsing and writing.\n")) < 0) {
        return 0;
    }
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
