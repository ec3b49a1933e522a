// namespace.c - types.SimpleNamespace (see namespace.h).
#include "namespace.h"

#include <stddef.h>

#include "abstract.h"
#include "args.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type.h"

typedef struct NamespaceObject {
    Object header;
    Value dict;
} NamespaceObject;

#define NS(v) ((NamespaceObject *)val_ptr(v))

static void namespace_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((NamespaceObject *)o)->dict);
}

static NamespaceObject *namespace_alloc(Type *t) {
    NamespaceObject *ns = (NamespaceObject *)gc_alloc(t, t->basic_size);
    if (!ns) {
        return NULL;
    }
    ns->dict = dict_new();
    return ns->dict ? ns : NULL;
}

Value namespace_new(Value attrs) {
    NamespaceObject *ns = namespace_alloc(&type_namespace);
    if (!ns || (attrs && dict_merge(ns->dict, attrs, 1) < 0)) {
        return 0;
    }
    return val_from_ptr(ns);
}

static Value namespace_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    NamespaceObject *ns = namespace_alloc((Type *)val_ptr(type));
    return ns ? val_from_ptr(ns) : 0;
}

// SimpleNamespace(**kwargs)
static Value namespace_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs) {
        return err_format(&exc_TypeError, "no positional arguments expected");
    }
    size_t nkw = args_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (dict_set(NS(self)->dict, tuple_obj(kwnames)->items[i], args[i]) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

// The generic protocol with the namespace's dict as the instance dict.
static Value namespace_getattr(Value self, Value name) {
    Type *t = type_of(self);
    Value descr = type_lookup(t, name);
    if (!descr && err_occurred()) {
        return 0;
    }
    DescrGetFunc get = descr ? type_of(descr)->descr_get : NULL;
    if (get && type_of(descr)->descr_set) {
        return get(descr, self, val_from_ptr(t));
    }
    Value v = dict_get(NS(self)->dict, name);
    if (v || err_occurred()) {
        return v;
    }
    if (get) {
        return get(descr, self, val_from_ptr(t));
    }
    if (descr) {
        return descr;
    }
    return err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                      str_obj(name)->data);
}

static int namespace_setattr(Value self, Value name, Value value) {
    Type *t = type_of(self);
    Value descr = type_lookup(t, name);
    if (!descr && err_occurred()) {
        return -1;
    }
    DescrSetFunc set = descr ? type_of(descr)->descr_set : NULL;
    if (set) {
        return set(descr, self, value);
    }
    if (value) {
        return dict_set(NS(self)->dict, name, value);
    }
    int r = dict_del(NS(self)->dict, name);
    if (r == 0) {
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                   str_obj(name)->data);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

// namespace(a=1, b='x'): "namespace" for the type itself, the class name
// for subclasses; str keys only.
static Value namespace_repr(Value self) {
    Type *t = type_of(self);
    const char *name = t == &type_namespace ? "namespace" : t->name;
    int r = repr_enter(self);
    if (r != 0) {
        return r > 0 ? str_format_c("%s(...)", name) : 0;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, name);
    sb_putc(&sb, '(');
    Value result = 0;
    size_t pos = 0;
    Value key, value;
    int first = 1;
    while (dict_next(NS(self)->dict, &pos, &key, &value)) {
        if (!val_is_str(key)) {
            continue;
        }
        if (!first) {
            sb_put(&sb, ", ", 2);
        }
        first = 0;
        sb_put(&sb, str_obj(key)->data, str_obj(key)->nbytes);
        sb_putc(&sb, '=');
        if (repr_append(&sb, value) < 0) {
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

static Value namespace_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !val_is_ptr(b) ||
        !type_is_subtype(type_of(b), &type_namespace)) {
        return VAL_NOTIMPLEMENTED;
    }
    int eq = obj_richcompare_bool(NS(a)->dict, NS(b)->dict, CMP_EQ);
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

// __reduce__: (type(self), (), a copy of the attributes), as CPython.
static Value namespace_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("SimpleNamespace.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value state = dict_copy(NS(self)->dict);
    Value empty = state ? tuple_new(0) : 0;
    if (!empty) {
        return 0;
    }
    Value items[3] = {val_from_ptr(type_of(self)), empty, state};
    return tuple_from(items, 3);
}

static const MethodDef namespace_methods[] = {
    {"__reduce__", namespace_m_reduce, METH_DEFAULT, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static const MemberDef namespace_members[] = {
    {"__dict__", MEMBER_VALUE_RO, offsetof(NamespaceObject, dict), NULL},
    {NULL, 0, 0, NULL},
};

Type type_namespace = {
    .header = {&type_type},
    .name = "types.SimpleNamespace",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(NamespaceObject),
    .base = &type_object,
    .trace = namespace_trace,
    .repr = namespace_repr,
    .richcompare = namespace_richcompare,
    .methods = namespace_methods,
    .hash = hash_unhashable,
    .getattr = namespace_getattr,
    .setattr = namespace_setattr,
    .new_ = namespace_tp_new,
    .init = namespace_tp_init,
    .members = namespace_members,
};
