// structseq.c - struct sequences (see structseq.h).
#include "structseq.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "args.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type.h"

// The members table holds the named fields, then a NULL-name terminator
// whose offset is the total number of fields, then a second NULL entry
// whose offset is the number of visible (sequence) fields. An instance
// stores every field; its tuple length is the visible count, so tuple
// operations see only those.
static const MemberDef *structseq_end(const Type *t) {
    const MemberDef *m = t->members;
    while (m->name) {
        m++;
    }
    return m;
}

static size_t structseq_nfields(const Type *t) { return structseq_end(t)->offset; }
static size_t structseq_nvisible(const Type *t) { return structseq_end(t)[1].offset; }

// Find the struct sequence type of an instance of t (a subclass of one).
static const Type *structseq_base(const Type *t) {
    while (t->flags & TYPE_HEAP) {
        t = t->base;
    }
    return t;
}

static void structseq_trace(Object *o, GcTracer *t) {
    TupleObject *tp = (TupleObject *)o;
    gc_trace_values(t, tp->items, structseq_nfields(structseq_base(o->type)));
}

Value structseq_new(Type *t, const Value *items) {
    size_t n = structseq_nfields(structseq_base(t));
    TupleObject *o = (TupleObject *)gc_alloc(t, sizeof(TupleObject) + n * sizeof(Value));
    if (!o) {
        return 0;
    }
    o->len = structseq_nvisible(structseq_base(t));
    memcpy(o->items, items, n * sizeof(Value));
    return val_from_ptr(o);
}

static Value structseq_repr(Value self) {
    Type *t = type_of(self);
    TupleObject *tup = tuple_obj(self);
    int r = repr_enter(self);
    if (r != 0) {
        return r > 0 ? str_format_c("%s(...)", t->name) : 0;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, t->name);
    sb_putc(&sb, '(');
    Value result = 0;
    const MemberDef *members = structseq_base(t)->members;
    for (size_t i = 0; i < tup->len && members[i].name; i++) {
        if (i > 0) {
            sb_put(&sb, ", ", 2);
        }
        sb_puts(&sb, members[i].name);
        sb_putc(&sb, '=');
        if (repr_append(&sb, tup->items[i]) < 0) {
            goto done;
        }
    }
    sb_putc(&sb, ')');
    result = str_from_utf8(sb.data, sb.len);
done:
    repr_leave(self);
    sb_free(&sb);
    return result;
}

static Value structseq_no_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances",
                      ((Type *)val_ptr(type))->name);
}

static const char *const structseq_new_names[] = {"sequence", "dict", NULL};

// t(sequence, dict=None): at least as many items as visible fields, at most
// as many as fields; the others come from `dict` by name, else None.
static Value structseq_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    ArgSpec spec = {"structseq", 0, structseq_new_names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value seq = tuple_from_iterable(a[0]);
    if (!seq) {
        return 0;
    }
    Value dict = a[1] && a[1] != VAL_NONE ? a[1] : 0;
    if (dict && !dict_check(dict)) {
        return err_format(&exc_TypeError, "%s() takes a dict as second arg, if any", t->name);
    }
    const Type *st = structseq_base(t);
    size_t n = structseq_nfields(st), min = structseq_nvisible(st);
    size_t len = tuple_obj(seq)->len;
    if (min == n && len != n) {
        return err_format(&exc_TypeError, "%s() takes a %zu-sequence (%zu-sequence given)",
                          t->name, n, len);
    }
    if (len < min) {
        return err_format(&exc_TypeError, "%s() takes an at least %zu-sequence (%zu-sequence given)",
                          t->name, min, len);
    }
    if (len > n) {
        return err_format(&exc_TypeError, "%s() takes an at most %zu-sequence (%zu-sequence given)",
                          t->name, n, len);
    }
    Value items[n];
    for (size_t i = 0; i < n; i++) {
        items[i] = i < len ? tuple_obj(seq)->items[i] : VAL_NONE;
    }
    for (const MemberDef *m = st->members; dict && m->name; m++) {
        size_t i = (m->offset - offsetof(TupleObject, items)) / sizeof(Value);
        if (i >= len) {
            Value v = dict_get_cstr(dict, m->name);
            if (v) {
                items[i] = v;
            } else if (err_occurred()) {
                return 0;
            }
        }
    }
    return structseq_new(t, items);
}

// (type, (visible fields as a tuple, {name: value} of the other fields)):
// how copy and pickle rebuild a struct sequence, as CPython.
static Value structseq_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const Type *st = structseq_base(type_of(self));
    size_t nvisible = structseq_nvisible(st);
    TupleObject *tp = tuple_obj(self);
    Value visible = tuple_from(tp->items, nvisible);
    Value extra = visible ? dict_new() : 0;
    if (!extra) {
        return 0;
    }
    for (const MemberDef *m = st->members; m->name; m++) {
        size_t i = (m->offset - offsetof(TupleObject, items)) / sizeof(Value);
        if (i >= nvisible && dict_set_cstr(extra, m->name, tp->items[i]) < 0) {
            return 0;
        }
    }
    Value a = tuple_pack2(visible, extra);
    return a ? tuple_pack2(val_from_ptr(type_of(self)), a) : 0;
}

static const MethodDef structseq_methods[] = {
    {"__reduce__", structseq_m_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

int structseq_init_type(Type *t, const char *name, const char *const *fields, size_t nfields,
                        int constructible) {
    return structseq_init_type_ex(t, name, fields, nfields, nfields, constructible);
}

int structseq_init_type_ex(Type *t, const char *name, const char *const *fields, size_t nfields,
                           size_t nvisible, int constructible) {
    MemberDef *members = calloc(nfields + 2, sizeof(MemberDef));
    if (!members) {
        err_no_memory();
        return -1;
    }
    size_t nnamed = 0, nmatch = 0;
    for (size_t i = 0; i < nfields; i++) {
        if (fields[i]) {
            members[nnamed].name = fields[i];
            members[nnamed].kind = MEMBER_VALUE_RO;
            members[nnamed].offset = offsetof(TupleObject, items) + i * sizeof(Value);
            nnamed++;
            nmatch += i < nvisible;
        }
    }
    members[nnamed].offset = nfields;
    members[nnamed + 1].offset = nvisible;
    t->header.type = &type_type;
    t->name = name;
    t->base = &type_tuple;
    t->basic_size = sizeof(TupleObject);
    t->item_size = sizeof(Value);
    t->trace = structseq_trace;
    t->repr = structseq_repr;
    t->new_ = constructible ? structseq_tp_new : structseq_no_new;
    t->members = members;
    t->methods = structseq_methods;
    if (type_ready(t) < 0) {
        return -1;
    }
    Value names = tuple_new(nmatch);
    if (!names) {
        return -1;
    }
    for (size_t i = 0, j = 0; i < nvisible; i++) {
        if (fields[i]) {
            Value s = str_intern_cstr(fields[i]);
            if (!s) {
                return -1;
            }
            tuple_obj(names)->items[j++] = s;
        }
    }
    if (dict_set_cstr(t->dict, "n_sequence_fields", int_from_i64((int64_t)nvisible)) < 0 ||
        dict_set_cstr(t->dict, "n_fields", int_from_i64((int64_t)nfields)) < 0 ||
        dict_set_cstr(t->dict, "n_unnamed_fields", int_from_i64((int64_t)(nfields - nnamed))) < 0 ||
        dict_set_cstr(t->dict, "__match_args__", names) < 0) {
        return -1;
    }
    type_modified(t);
    return 0;
}
