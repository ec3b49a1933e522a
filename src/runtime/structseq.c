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

// The number of fields: the members table ends with a NULL name.
static size_t structseq_nfields(const Type *t) {
    size_t n = 0;
    while (t->members[n].name) {
        n++;
    }
    return n;
}

Value structseq_new(Type *t, const Value *items) {
    size_t n = structseq_nfields(t);
    TupleObject *o = (TupleObject *)gc_alloc(t, sizeof(TupleObject) + n * sizeof(Value));
    if (!o) {
        return 0;
    }
    o->len = n;
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
    for (size_t i = 0; i < tup->len && t->members[i].name; i++) {
        if (i > 0) {
            sb_put(&sb, ", ", 2);
        }
        sb_puts(&sb, t->members[i].name);
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

// t(sequence, dict=None): exactly as many items as fields.
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
    size_t n = structseq_nfields(t);
    size_t len = tuple_obj(seq)->len;
    if (len != n) {
        return err_format(&exc_TypeError, "%s() takes a %zu-sequence (%zu-sequence given)",
                          t->name, n, len);
    }
    return structseq_new(t, tuple_obj(seq)->items);
}

int structseq_init_type(Type *t, const char *name, const char *const *fields, size_t nfields,
                        int constructible) {
    MemberDef *members = calloc(nfields + 1, sizeof(MemberDef));
    if (!members) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < nfields; i++) {
        members[i].name = fields[i];
        members[i].kind = MEMBER_VALUE_RO;
        members[i].offset = offsetof(TupleObject, items) + i * sizeof(Value);
    }
    t->header.type = &type_type;
    t->name = name;
    t->base = &type_tuple;
    t->basic_size = sizeof(TupleObject);
    t->item_size = sizeof(Value);
    t->repr = structseq_repr;
    t->new_ = constructible ? structseq_tp_new : structseq_no_new;
    t->members = members;
    if (type_ready(t) < 0) {
        return -1;
    }
    Value names = tuple_new(nfields);
    if (!names) {
        return -1;
    }
    for (size_t i = 0; i < nfields; i++) {
        Value s = str_intern_cstr(fields[i]);
        if (!s) {
            return -1;
        }
        tuple_obj(names)->items[i] = s;
    }
    Value count = int_from_i64((int64_t)nfields);
    if (dict_set_cstr(t->dict, "n_sequence_fields", count) < 0 ||
        dict_set_cstr(t->dict, "n_fields", count) < 0 ||
        dict_set_cstr(t->dict, "n_unnamed_fields", val_from_smallint(0)) < 0 ||
        dict_set_cstr(t->dict, "__match_args__", names) < 0) {
        return -1;
    }
    type_modified(t);
    return 0;
}
