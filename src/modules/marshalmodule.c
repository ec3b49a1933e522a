// marshalmodule.c - the `marshal` module: CPython's serialization format
// for the basic types (None, bool, int, float, complex, str, bytes, tuple,
// list, dict, set, frozenset, Ellipsis, StopIteration).
//
// Reading accepts everything CPython 3.11 writes for those types,
// references (FLAG_REF / TYPE_REF) included. Writing produces the same
// type codes as CPython for the given version, but never marks objects
// with FLAG_REF: CPython decides that from reference counts, which krait
// does not have, so the bytes may differ from CPython's while loading to
// equal values.
//
// Code objects are krait's own (register bytecode, src/vm/code.h), so
// their 'c' record is krait's layout, not CPython's: the code cache on disk
// (importlib's .pyc files under sys.pycache_prefix, named with krait's
// sys.implementation.cache_tag, which carries a build id) is their only
// reader, and it never sees a file written by another build or by CPython.
// Instructions are written in their generic form with zeroed cache words
// (what the compiler produced), whatever quickening did to them since.
// Constant slices use the type code ':' (CPython 3.12's).
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/complex.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/code.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

#define MARSHAL_VERSION 4
#define MAX_DEPTH 2000
#define FLAG_REF 0x80

// ---- writing ------------------------------------------------------------------------------------

typedef struct Writer {
    StrBuf out;
    int version;
    int depth;
    int error;      // 1: ValueError set / to set
} Writer;

static void w_byte(Writer *w, int c) {
    sb_putc(&w->out, (char)c);
}

static void w_int32(Writer *w, int64_t x) {
    for (int i = 0; i < 4; i++) {
        w_byte(w, (int)((x >> (8 * i)) & 0xFF));
    }
}

static void w_double(Writer *w, double d) {
    unsigned char b[8];
    memcpy(b, &d, 8);
    sb_put(&w->out, (const char *)b, 8);
}

// Version 0 and 1 floats: the text of repr(d) with 17 significant digits
// at most, as "%.17g" writes it (CPython's 'g' with precision 17).
static void w_float_text(Writer *w, double d) {
    char buf[64];
    int n;
    if (isnan(d)) {
        n = snprintf(buf, sizeof buf, "nan");
    } else if (isinf(d)) {
        n = snprintf(buf, sizeof buf, d > 0 ? "inf" : "-inf");
    } else {
        n = snprintf(buf, sizeof buf, "%.17g", d);
    }
    w_byte(w, n);
    sb_put(&w->out, buf, (size_t)n);
}

static int w_object(Writer *w, Value v);

// An int that does not fit 32 bits: 'l', the digit count (negative for a
// negative number), then base-2**15 digits, least significant first.
static int w_long(Writer *w, Value v) {
    int neg = obj_richcompare_bool(v, val_from_smallint(0), CMP_LT);
    if (neg < 0) {
        return -1;
    }
    Value a = neg ? obj_neg(v) : v;
    Value digits = a ? list_new(0) : 0;
    if (!digits) {
        return -1;
    }
    while (!(val_is_smallint(a) && val_smallint(a) == 0)) {
        Value d = obj_binop(a, val_from_smallint(0x7FFF), BINOP_AND);
        a = d ? obj_binop(a, val_from_smallint(15), BINOP_RSHIFT) : 0;
        if (!a || list_append(digits, d) < 0) {
            return -1;
        }
    }
    size_t n = list_obj(digits)->len;
    w_byte(w, 'l');
    w_int32(w, neg ? -(int64_t)n : (int64_t)n);
    for (size_t i = 0; i < n; i++) {
        int64_t d = val_smallint(list_obj(digits)->items[i]);
        w_byte(w, (int)(d & 0xFF));
        w_byte(w, (int)(d >> 8));
    }
    return 0;
}

static int w_sized(Writer *w, int code, const char *p, size_t n) {
    if (n > 0x7FFFFFFF) {
        err_format(&exc_ValueError, "unmarshallable object");
        return -1;
    }
    w_byte(w, code);
    w_int32(w, (int64_t)n);
    sb_put(&w->out, p, n);
    return 0;
}

static int w_items(Writer *w, const Value *items, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (w_object(w, items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int w_set(Writer *w, int code, Value s) {
    Value items = list_from_iterable(s);
    if (!items) {
        return -1;
    }
    w_byte(w, code);
    w_int32(w, (int64_t)list_obj(items)->len);
    return w_items(w, list_obj(items)->items, list_obj(items)->len);
}

static void w_raw(Writer *w, const void *p, size_t n) {
    sb_put(&w->out, (const char *)p, n);
}

static void w_u32(Writer *w, uint32_t x) {
    w_int32(w, (int64_t)x);
}

// A code object: 'c', its counts, the instruction words (generic ops, cache
// words zeroed), the line, live-slot and exception tables, then its objects.
static int w_code(Writer *w, const Code *c) {
    w_byte(w, 'c');
    w_u32(w, c->ninstrs);
    w_u32(w, c->flags);
    w_u32(w, (uint32_t)c->argcount | (uint32_t)c->posonlyargcount << 16);
    w_u32(w, (uint32_t)c->kwonlyargcount | (uint32_t)c->nlocals << 16);
    w_u32(w, (uint32_t)c->ncells | (uint32_t)c->nfrees << 16);
    w_u32(w, c->nslots);
    w_u32(w, (uint32_t)c->firstlineno);
    w_u32(w, c->nlinetable);
    w_u32(w, c->nlivetable);
    w_u32(w, c->nexceptions);
    for (uint32_t pc = 0; pc < c->ninstrs;) {
        Instr in = c->instrs[pc];
        unsigned op = instr_op(in);
        if (op >= OP__COUNT) {
            err_format(&exc_ValueError, "unmarshallable object");
            return -1;
        }
        Instr generic = (in & ~(Instr)0xff) | opcode_generic[op];
        w_raw(w, &generic, sizeof generic);
        pc++;
        for (unsigned k = 0; k < opcode_cache_words[op] && pc < c->ninstrs; k++, pc++) {
            Instr zero = 0;
            w_raw(w, &zero, sizeof zero);
        }
    }
    w_raw(w, c->linetable, c->nlinetable);
    w_raw(w, c->livetable, c->nlivetable);
    for (uint32_t i = 0; i < c->nexceptions; i++) {
        const ExceptionRange *e = &c->exceptions[i];
        w_u32(w, e->start);
        w_u32(w, e->end);
        w_u32(w, e->handler);
        w_u32(w, (uint32_t)e->exc_slot | (uint32_t)e->depth << 16);
    }
    Value objs[8] = {c->consts, c->names, c->varnames, c->cellvars, c->freevars,
                     c->name, c->qualname, c->filename};
    return w_items(w, objs, 8);
}

static int w_object_inner(Writer *w, Value v) {
    Type *t = type_of(v);
    if (v == VAL_NONE) {
        w_byte(w, 'N');
    } else if (v == VAL_TRUE) {
        w_byte(w, 'T');
    } else if (v == VAL_FALSE) {
        w_byte(w, 'F');
    } else if (v == VAL_ELLIPSIS) {
        w_byte(w, '.');
    } else if (v == val_from_ptr(&exc_StopIteration)) {
        w_byte(w, 'S');
    } else if (t == &type_int) {
        int64_t x;
        if (int_to_i64(v, &x) == 0 && x >= INT32_MIN && x <= INT32_MAX) {
            w_byte(w, 'i');
            w_int32(w, x);
        } else {
            err_clear();
            return w_long(w, v);
        }
    } else if (t == &type_float) {
        if (w->version > 1) {
            w_byte(w, 'g');
            w_double(w, float_value(v));
        } else {
            w_byte(w, 'f');
            w_float_text(w, float_value(v));
        }
    } else if (t == &type_complex) {
        double re = complex_obj(v)->real, im = complex_obj(v)->imag;
        if (w->version > 1) {
            w_byte(w, 'y');
            w_double(w, re);
            w_double(w, im);
        } else {
            w_byte(w, 'x');
            w_float_text(w, re);
            w_float_text(w, im);
        }
    } else if (t == &type_str) {
        StrObject *s = str_obj(v);
        if (w->version >= 4 && s->len == s->nbytes) {
            if (s->nbytes < 256) {
                w_byte(w, 'z');
                w_byte(w, (int)s->nbytes);
                sb_put(&w->out, s->data, s->nbytes);
                return 0;
            }
            return w_sized(w, 'a', s->data, s->nbytes);
        }
        // 'u': UTF-8, lone surrogates kept (surrogatepass), which krait's
        // generalized UTF-8 already is.
        return w_sized(w, 'u', s->data, s->nbytes);
    } else if (t == &type_bytes) {
        return w_sized(w, 's', bytes_data(v), bytes_len(v));
    } else if (t == &type_tuple) {
        TupleObject *tu = tuple_obj(v);
        if (w->version >= 4 && tu->len < 256) {
            w_byte(w, ')');
            w_byte(w, (int)tu->len);
        } else {
            w_byte(w, '(');
            w_int32(w, (int64_t)tu->len);
        }
        return w_items(w, tu->items, tu->len);
    } else if (t == &type_list) {
        w_byte(w, '[');
        w_int32(w, (int64_t)list_obj(v)->len);
        for (size_t i = 0; i < list_obj(v)->len; i++) {
            if (w_object(w, list_obj(v)->items[i]) < 0) {
                return -1;
            }
        }
    } else if (t == &type_dict) {
        w_byte(w, '{');
        size_t pos = 0;
        Value key, value;
        while (dict_next(v, &pos, &key, &value)) {
            if (w_object(w, key) < 0 || w_object(w, value) < 0) {
                return -1;
            }
        }
        w_byte(w, '0');
    } else if (t == &type_set) {
        return w_set(w, '<', v);
    } else if (t == &type_frozenset) {
        return w_set(w, '>', v);
    } else if (t == &type_code) {
        return w_code(w, (const Code *)val_ptr(v));
    } else if (t == &type_slice) {
        SliceObject *sl = slice_obj(v);
        w_byte(w, ':');
        Value parts[3] = {sl->start, sl->stop, sl->step};
        return w_items(w, parts, 3);
    } else {
        err_format(&exc_ValueError, "unmarshallable object");
        return -1;
    }
    return 0;
}

static int w_object(Writer *w, Value v) {
    if (++w->depth > MAX_DEPTH) {
        err_format(&exc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    int r = w_object_inner(w, v);
    w->depth--;
    return r;
}

static int version_arg(Value v, int *out) {
    int64_t n;
    if (!v) {
        *out = MARSHAL_VERSION;
        return 0;
    }
    if (!int_check(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    if (int_to_i64(v, &n) < 0 || n > INT32_MAX || n < INT32_MIN) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

static Value marshal_to_bytes(Value v, int version) {
    Writer w = {.version = version};
    sb_init(&w.out);
    if (w_object(&w, v) < 0) {
        sb_free(&w.out);
        return 0;
    }
    Value b = bytes_from(w.out.data, w.out.len);
    sb_free(&w.out);
    return b;
}

FN(marshal_dumps) {
    if (args_no_keywords("marshal.dumps", kwnames) < 0 ||
        args_check_positional("dumps", nargs, 1, 2) < 0) {
        return 0;
    }
    int version;
    if (version_arg(nargs > 1 ? args[1] : 0, &version) < 0) {
        return 0;
    }
    return marshal_to_bytes(args[0], version);
}

FN(marshal_dump) {
    if (args_no_keywords("marshal.dump", kwnames) < 0 ||
        args_check_positional("dump", nargs, 2, 3) < 0) {
        return 0;
    }
    int version;
    if (version_arg(nargs > 2 ? args[2] : 0, &version) < 0) {
        return 0;
    }
    Value b = marshal_to_bytes(args[0], version);
    if (!b || !obj_call_method(args[1], "write", &b, 1)) {
        return 0;
    }
    return VAL_NONE;
}

// ---- reading --------------------------------------------------------------------------------------

typedef struct Reader {
    const unsigned char *p, *end;
    Value refs;                      // list of the objects flagged FLAG_REF
    int depth;
    int in_code;                     // reading a code object's constants and names
    Value filename;                  // the last code object's co_filename, or 0
} Reader;

// The next n bytes, or NULL with EOFError.
static const unsigned char *r_take(Reader *r, size_t n) {
    if ((size_t)(r->end - r->p) < n) {
        err_format(&exc_EOFError, "marshal data too short");
        return NULL;
    }
    const unsigned char *s = r->p;
    r->p += n;
    return s;
}

static int r_int32(Reader *r, int64_t *out) {
    const unsigned char *b = r_take(r, 4);
    if (!b) {
        return -1;
    }
    uint32_t x = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
                 ((uint32_t)b[3] << 24);
    *out = (int32_t)x;
    return 0;
}

static int r_double(Reader *r, double *out) {
    const unsigned char *b = r_take(r, 8);
    if (!b) {
        return -1;
    }
    memcpy(out, b, 8);
    return 0;
}

static int r_float_text(Reader *r, double *out) {
    const unsigned char *n = r_take(r, 1);
    if (!n) {
        return -1;
    }
    size_t len = n[0];
    const unsigned char *s = r_take(r, len);
    if (!s) {
        return -1;
    }
    Value text = str_from_utf8((const char *)s, len);
    Value f = text ? float_from_text(text) : 0;
    if (!f) {
        return -1;
    }
    *out = float_value(f);
    return 0;
}

static int r_size(Reader *r, int64_t *n, const char *what) {
    if (r_int32(r, n) < 0) {
        return -1;
    }
    if (*n < 0) {
        err_format(&exc_ValueError, "bad marshal data (%s size out of range)", what);
        return -1;
    }
    return 0;
}

static Value r_object(Reader *r);

// Record v at a reserved reference index (idx >= 0).
static Value r_set_ref(Reader *r, int64_t idx, Value v) {
    if (v && idx >= 0) {
        list_obj(r->refs)->items[idx] = v;
    }
    return v;
}

static int64_t r_reserve(Reader *r, int flagged) {
    if (!flagged) {
        return -1;
    }
    int64_t idx = (int64_t)list_obj(r->refs)->len;
    return list_append(r->refs, VAL_NONE) < 0 ? -2 : idx;
}

static int r_u32(Reader *r, uint32_t *out) {
    int64_t x;
    if (r_int32(r, &x) < 0) {
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
}

// A malloc'ed copy of the next n bytes (NULL with an exception).
static void *r_copy(Reader *r, size_t n) {
    const unsigned char *p = r_take(r, n);
    if (!p) {
        return NULL;
    }
    void *m = malloc(n ? n : 1);
    if (!m) {
        err_no_memory();
        return NULL;
    }
    memcpy(m, p, n);
    return m;
}

static Value bad_code(void) {
    return err_format(&exc_ValueError, "bad marshal data (invalid code object)");
}

// A tuple of str (interned, as the compiler's names are), or 0 when v is not one.
static int intern_names(Value v) {
    if (!val_is_ptr(v) || type_of(v) != &type_tuple) {
        return -1;
    }
    TupleObject *t = tuple_obj(v);
    for (size_t i = 0; i < t->len; i++) {
        if (!val_is_str(t->items[i])) {
            return -1;
        }
        t->items[i] = str_intern(t->items[i]);
    }
    return 0;
}

// Whether ASCII text is made of identifier characters only (CPython's
// compiler interns such str constants).
static int identifier_chars(const char *p, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (!(p[k] == '_' || (p[k] >= '0' && p[k] <= '9') ||
              ((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z'))) {
            return 0;
        }
    }
    return 1;
}

// Identifier-like str constants are interned, as CPython's compiler does.
static void intern_consts(Value consts) {
    TupleObject *t = tuple_obj(consts);
    for (size_t i = 0; i < t->len; i++) {
        Value s = t->items[i];
        if (val_is_str(s) && str_obj(s)->len == str_obj(s)->nbytes &&
            identifier_chars(str_obj(s)->data, str_obj(s)->nbytes)) {
            t->items[i] = str_intern(s);
        }
    }
}

// A code object's co_filename: the previous code object's when the text is
// the same (the writer repeats it for every code object of a module; CPython's
// marshal shares it through a reference), else read as any object.
static Value r_filename(Reader *r) {
    if (r->filename && r->end - r->p >= 2 && r->p[0] == 'z') {
        size_t n = r->p[1];
        StrObject *last = str_obj(r->filename);
        if ((size_t)(r->end - r->p) - 2 >= n && last->nbytes == n &&
            memcmp(last->data, r->p + 2, n) == 0) {
            r->p += 2 + n;
            return r->filename;
        }
    }
    Value v = r_object(r);
    if (v && val_is_str(v)) {
        r->filename = v;
    }
    return v;
}

// The 'c' record w_code writes. The instruction words are checked for
// valid ops and cache words; the operands are trusted, as CPython trusts
// the bytecode it loads.
static Value r_code(Reader *r) {
    uint32_t h[10];
    for (int i = 0; i < 10; i++) {
        if (r_u32(r, &h[i]) < 0) {
            return 0;
        }
    }
    uint32_t ninstrs = h[0];
    if (ninstrs == 0 || ninstrs > (uint32_t)(r->end - r->p) / 8 ||
        h[7] > (uint32_t)(r->end - r->p) || h[8] > (uint32_t)(r->end - r->p) ||
        h[9] > (uint32_t)(r->end - r->p) / 16 || (h[5] & 0xffff0000u) != 0) {
        return bad_code();
    }
    Code *c = (Code *)gc_alloc(&type_code, sizeof(Code));
    if (!c) {
        return 0;
    }
    c->ninstrs = ninstrs;
    c->flags = h[1];
    c->argcount = (uint16_t)h[2];
    c->posonlyargcount = (uint16_t)(h[2] >> 16);
    c->kwonlyargcount = (uint16_t)h[3];
    c->nlocals = (uint16_t)(h[3] >> 16);
    c->ncells = (uint16_t)h[4];
    c->nfrees = (uint16_t)(h[4] >> 16);
    c->nslots = (uint16_t)h[5];
    c->firstlineno = (int32_t)h[6];
    c->nlinetable = h[7];
    c->nlivetable = h[8];
    c->nexceptions = h[9];
    if (!(c->instrs = r_copy(r, (size_t)ninstrs * sizeof(Instr))) ||
        !(c->linetable = r_copy(r, c->nlinetable)) ||
        !(c->livetable = r_copy(r, c->nlivetable))) {
        return 0;
    }
    for (uint32_t pc = 0; pc < ninstrs;) {
        unsigned op = instr_op(c->instrs[pc]);
        if (op >= OP__COUNT || opcode_generic[op] != op ||
            (uint64_t)pc + opcode_cache_words[op] >= ninstrs) {
            return bad_code();
        }
        pc += 1 + opcode_cache_words[op];
    }
    c->exceptions = malloc(sizeof(ExceptionRange) * (c->nexceptions ? c->nexceptions : 1));
    if (!c->exceptions) {
        err_no_memory();
        return 0;
    }
    for (uint32_t i = 0; i < c->nexceptions; i++) {
        uint32_t e[4];
        for (int k = 0; k < 4; k++) {
            if (r_u32(r, &e[k]) < 0) {
                return 0;
            }
        }
        if (e[0] > e[1] || e[1] > ninstrs || e[2] >= ninstrs || (e[3] & 0xffff) >= c->nslots) {
            return bad_code();
        }
        c->exceptions[i] = (ExceptionRange){e[0], e[1], e[2], (uint16_t)e[3],
                                            (uint16_t)(e[3] >> 16)};
    }
    Value *fields[8] = {&c->consts, &c->names, &c->varnames, &c->cellvars, &c->freevars,
                        &c->name, &c->qualname, &c->filename};
    r->in_code++;
    for (int i = 0; i < 8; i++) {
        Value v = i == 7 ? r_filename(r) : r_object(r);
        if (!v) {
            return 0;
        }
        *fields[i] = v;
    }
    r->in_code--;
    if (!val_is_ptr(c->consts) || type_of(c->consts) != &type_tuple ||
        intern_names(c->names) < 0 || intern_names(c->varnames) < 0 ||
        intern_names(c->cellvars) < 0 || intern_names(c->freevars) < 0 ||
        !val_is_str(c->name) || !val_is_str(c->qualname) || !val_is_str(c->filename) ||
        tuple_obj(c->varnames)->len != c->nlocals || tuple_obj(c->cellvars)->len != c->ncells ||
        tuple_obj(c->freevars)->len != c->nfrees ||
        (uint32_t)c->nlocals + c->ncells + c->nfrees > c->nslots) {
        return bad_code();
    }
    c->name = str_intern(c->name);
    c->qualname = str_intern(c->qualname);
    intern_consts(c->consts);
    return val_from_ptr(c);
}

static Value r_object_inner(Reader *r) {
    const unsigned char *c = r_take(r, 1);
    if (!c) {
        if (err_matches(&exc_EOFError)) {
            err_clear();
            err_format(&exc_EOFError, "EOF read where object expected");
        }
        return 0;
    }
    int code = c[0] & ~FLAG_REF;
    int flagged = (c[0] & FLAG_REF) != 0;
    int64_t idx = -1;
    int64_t n;
    switch (code) {
    case '0':
        return err_format(&exc_TypeError, "NULL object in marshal data for object");
    case 'N':
        return VAL_NONE;
    case 'F':
        return VAL_FALSE;
    case 'T':
        return VAL_TRUE;
    case '.':
        return VAL_ELLIPSIS;
    case 'S':
        return val_from_ptr(&exc_StopIteration);
    case 'i': {
        idx = r_reserve(r, flagged);
        if (idx == -2 || r_int32(r, &n) < 0) {
            return 0;
        }
        return r_set_ref(r, idx, int_from_i64(n));
    }
    case 'I': {
        idx = r_reserve(r, flagged);
        int64_t lo, hi;
        if (idx == -2 || r_int32(r, &lo) < 0 || r_int32(r, &hi) < 0) {
            return 0;
        }
        return r_set_ref(r, idx, int_from_i64((int64_t)(((uint64_t)hi << 32) | (uint32_t)lo)));
    }
    case 'l': {
        idx = r_reserve(r, flagged);
        if (idx == -2 || r_int32(r, &n) < 0) {
            return 0;
        }
        int neg = n < 0;
        int64_t count = neg ? -n : n;
        if (count > 0x7FFFFFFF / 15 * 15) {
            return err_format(&exc_ValueError, "bad marshal data (long size out of range)");
        }
        Value acc = val_from_smallint(0);
        const unsigned char *d = r_take(r, (size_t)count * 2);
        if (!d) {
            return 0;
        }
        for (int64_t i = count; i-- > 0;) {
            int digit = d[2 * i] | (d[2 * i + 1] << 8);
            if (digit > 0x7FFF) {
                return err_format(&exc_ValueError, "bad marshal data (digit out of range in long)");
            }
            if (i == count - 1 && digit == 0) {
                return err_format(&exc_ValueError, "bad marshal data (unnormalized long data)");
            }
            acc = obj_binop(acc, val_from_smallint(15), BINOP_LSHIFT);
            acc = acc ? obj_binop(acc, val_from_smallint(digit), BINOP_OR) : 0;
            if (!acc) {
                return 0;
            }
        }
        return r_set_ref(r, idx, neg ? obj_neg(acc) : acc);
    }
    case 'g':
    case 'f': {
        idx = r_reserve(r, flagged);
        double d;
        if (idx == -2 || (code == 'g' ? r_double(r, &d) : r_float_text(r, &d)) < 0) {
            return 0;
        }
        return r_set_ref(r, idx, float_from_double(d));
    }
    case 'y':
    case 'x': {
        idx = r_reserve(r, flagged);
        double re, im;
        if (idx == -2) {
            return 0;
        }
        if (code == 'y' ? (r_double(r, &re) < 0 || r_double(r, &im) < 0)
                        : (r_float_text(r, &re) < 0 || r_float_text(r, &im) < 0)) {
            return 0;
        }
        return r_set_ref(r, idx, complex_new(re, im));
    }
    case 's': {
        idx = r_reserve(r, flagged);
        if (idx == -2 || r_size(r, &n, "bytes object") < 0) {
            return 0;
        }
        const unsigned char *s = r_take(r, (size_t)n);
        return s ? r_set_ref(r, idx, bytes_from(s, (size_t)n)) : 0;
    }
    case 'u':
    case 't':
    case 'a':
    case 'A':
    case 'z':
    case 'Z': {
        idx = r_reserve(r, flagged);
        if (idx == -2) {
            return 0;
        }
        if (code == 'z' || code == 'Z') {
            const unsigned char *b = r_take(r, 1);
            if (!b) {
                return 0;
            }
            n = b[0];
        } else if (r_size(r, &n, "string") < 0) {
            return 0;
        }
        const unsigned char *s = r_take(r, (size_t)n);
        if (!s) {
            return 0;
        }
        Value str;
        if (code == 'u' || code == 't') {
            Value b = bytes_from(s, (size_t)n);
            str = b ? obj_call_method(b, "decode", (Value[]){str_from_cstr("utf-8"),
                                                            str_from_cstr("surrogatepass")}, 2)
                    : 0;
        } else {
            for (int64_t i = 0; i < n; i++) {
                if (s[i] >= 0x80) {
                    return err_format(&exc_ValueError, "bad marshal data (non-ASCII text)");
                }
            }
            // A code object's names and identifier-like constants end up
            // interned: taken from the intern table, no copy is made when
            // the name is there already.
            if (code == 'A' || code == 'Z' ||
                (r->in_code && identifier_chars((const char *)s, (size_t)n))) {
                return r_set_ref(r, idx, str_intern_utf8((const char *)s, (size_t)n));
            }
            str = str_from_utf8((const char *)s, (size_t)n);
        }
        if (str && (code == 't' || code == 'A' || code == 'Z')) {
            str = str_intern(str);
        }
        return r_set_ref(r, idx, str);
    }
    case ')':
    case '(': {
        idx = r_reserve(r, flagged);
        if (idx == -2) {
            return 0;
        }
        if (code == ')') {
            const unsigned char *b = r_take(r, 1);
            if (!b) {
                return 0;
            }
            n = b[0];
        } else if (r_size(r, &n, "tuple") < 0) {
            return 0;
        }
        // Each item takes a byte at least: for more items than bytes are
        // left, reading them reports the truncated data (EOFError).
        if (n > r->end - r->p) {
            for (;;) {
                if (!r_object(r)) {
                    return 0;
                }
            }
        }
        // Referenced before its items are read, as CPython's: an item may
        // refer to the tuple itself.
        Value t = r_set_ref(r, idx, tuple_new((size_t)n));
        if (!t) {
            return 0;
        }
        for (int64_t i = 0; i < n; i++) {
            Value item = r_object(r);
            if (!item) {
                return 0;
            }
            tuple_obj(t)->items[i] = item;
        }
        return t;
    }
    case '[': {
        if (r_size(r, &n, "list") < 0) {
            return 0;
        }
        Value l = list_new(0);
        if (!l) {
            return 0;
        }
        if (flagged && list_append(r->refs, l) < 0) {
            return 0;
        }
        for (int64_t i = 0; i < n; i++) {
            Value item = r_object(r);
            if (!item || list_append(l, item) < 0) {
                return 0;
            }
        }
        return l;
    }
    case '{': {
        Value d = dict_new();
        if (!d || (flagged && list_append(r->refs, d) < 0)) {
            return 0;
        }
        for (;;) {
            if (r->p < r->end && *r->p == '0') {
                r->p++;
                return d;
            }
            Value key;
            key = r_object(r);
            if (!key) {
                return 0;
            }
            Value value = r_object(r);
            if (!value || dict_set(d, key, value) < 0) {
                return 0;
            }
        }
    }
    case '<':
    case '>': {
        idx = code == '>' ? r_reserve(r, flagged) : -1;
        if (idx == -2 || r_size(r, &n, "set") < 0) {
            return 0;
        }
        Value s = set_new(0);
        if (!s || (code == '<' && flagged && list_append(r->refs, s) < 0)) {
            return 0;
        }
        for (int64_t i = 0; i < n; i++) {
            Value item = r_object(r);
            if (!item || set_add(s, item) < 0) {
                return 0;
            }
        }
        return code == '<' ? s : r_set_ref(r, idx, frozenset_new(s));
    }
    case 'r': {
        if (r_int32(r, &n) < 0) {
            return 0;
        }
        if (n < 0 || n >= (int64_t)list_obj(r->refs)->len) {
            return err_format(&exc_ValueError, "bad marshal data (invalid reference)");
        }
        Value v = list_obj(r->refs)->items[n];
        if (v == VAL_NONE) {
            return err_format(&exc_ValueError, "bad marshal data (invalid reference)");
        }
        return v;
    }
    case 'c': {
        idx = r_reserve(r, flagged);
        return idx == -2 ? 0 : r_set_ref(r, idx, r_code(r));
    }
    case ':': {
        idx = r_reserve(r, flagged);
        Value parts[3];
        for (int i = 0; i < 3; i++) {
            if (idx == -2 || !(parts[i] = r_object(r))) {
                return 0;
            }
        }
        return r_set_ref(r, idx, slice_new(parts[0], parts[1], parts[2]));
    }
    default:
        return err_format(&exc_ValueError, "bad marshal data (unknown type code)");
    }
}

static Value r_object(Reader *r) {
    if (++r->depth > MAX_DEPTH) {
        return err_format(&exc_ValueError, "recursion limit exceeded");
    }
    Value v = r_object_inner(r);
    r->depth--;
    return v;
}

Value marshal_dump_value(Value v) {
    return marshal_to_bytes(v, MARSHAL_VERSION);
}

Value marshal_load_value(const void *data, size_t n) {
    Reader r = {.p = data, .end = (const unsigned char *)data + n};
    r.refs = list_new(0);
    return r.refs ? r_object(&r) : 0;
}

FN(marshal_loads) {
    if (method_check_args("marshal.loads", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    const char *data;
    size_t len;
    if (modules_get_buffer(args[0], &data, &len) < 0) {
        return 0;
    }
    Value v = marshal_load_value(data, len);
    gc_keep_alive(args[0]);
    return v;
}

// load(file): the whole rest of the file is read, and the bytes after the
// object are lost (CPython reads exactly the object's bytes).
FN(marshal_load) {
    if (method_check_args("marshal.load", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    const Value *a = args;
    Value data = obj_call_method(a[0], "read", 0, 0);
    if (!data) {
        return 0;
    }
    if (!val_is_bytes(data)) {
        return err_format(&exc_TypeError, "file.read() returned not bytes but %s",
                          obj_type_name(data));
    }
    if (bytes_len(data) == 0) {
        return err_format(&exc_EOFError, "EOF read where object expected");
    }
    return marshal_loads(0, &data, 1, 0);
}

static const MethodDef marshal_functions[] = {
    {"dumps", marshal_dumps, METH_DEFAULT, "Return the bytes object that would be written to a file by dump(value, file)."},
    {"dump", marshal_dump, METH_DEFAULT, "Write the value on the open file."},
    {"loads", marshal_loads, METH_DEFAULT, "Convert the bytes-like object to a value."},
    {"load", marshal_load, METH_DEFAULT, "Read one value from the open file and return it."},
    {NULL, NULL, 0, NULL},
};

Value marshal_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("marshal");
    if (!m || module_add_functions(m, marshal_functions) < 0 ||
        module_add(m, "version", val_from_smallint(MARSHAL_VERSION)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module contains functions that can read "
                                               "and write Python values in a binary format.")) <
            0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
