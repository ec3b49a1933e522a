// mappingproxy.c - types.MappingProxyType: a read-only view of a mapping
// (what C.__dict__ returns, so that a class's namespace changes only through
// setattr, which keeps versions and slots in step).
#include "abstract.h"
#include "args.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"

typedef struct MappingProxyObject {
    Object header;
    Value mapping;
} MappingProxyObject;

static Value mp_mapping(Value self) {
    return ((MappingProxyObject *)val_ptr(self))->mapping;
}

static void mp_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MappingProxyObject *)o)->mapping);
}

Value mappingproxy_new(Value mapping) {
    MappingProxyObject *m =
        (MappingProxyObject *)gc_alloc(&type_mappingproxy, sizeof(MappingProxyObject));
    if (!m) {
        return 0;
    }
    m->mapping = mapping;
    return val_from_ptr(m);
}

static Value mp_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"mapping", NULL};
    static const ArgSpec spec = {"mappingproxy", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value m = a[0];
    Type *t = type_of(m);
    if (!t->getitem || tuple_check(m) || list_check(m)) {
        return err_format(&exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                          t->name);
    }
    return mappingproxy_new(m);
}

static Value mp_getitem(Value self, Value key) {
    return obj_getitem(mp_mapping(self), key);
}

static int64_t mp_len(Value self) {
    return obj_len(mp_mapping(self));
}

static int mp_contains(Value self, Value key) {
    Value m = mp_mapping(self);
    if (dict_check_exact(m)) {
        return dict_contains(m, key);
    }
    return obj_contains(m, key);
}

static Value mp_iter(Value self) {
    return obj_iter(mp_mapping(self));
}

static Value mp_repr(Value self) {
    Value r = obj_repr(mp_mapping(self));
    return r ? str_format_c("mappingproxy(%U)", r) : 0;
}

static Value mp_str(Value self) {
    return obj_str(mp_mapping(self));
}

static Value mp_richcompare(Value a, Value b, CompareOp op) {
    return obj_richcompare(mp_mapping(a), b, op);
}

static Value mp_call(Value self, const char *name, const Value *args, size_t nargs) {
    return obj_call_method(mp_mapping(self), name, args, nargs);
}

static Value mp_m_get(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("get", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value m = mp_mapping(self);
    if (dict_check_exact(m)) {
        Value v = dict_get(m, args[0]);
        if (v || err_occurred()) {
            return v;
        }
        return nargs > 1 ? args[1] : VAL_NONE;
    }
    return mp_call(self, "get", args, nargs);
}

static Value mp_m_keys(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("keys", nargs, kwnames, 0, 0) < 0 ? 0 : mp_call(self, "keys", NULL, 0);
}

static Value mp_m_values(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("values", nargs, kwnames, 0, 0) < 0 ? 0
                                                                 : mp_call(self, "values", NULL, 0);
}

static Value mp_m_items(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("items", nargs, kwnames, 0, 0) < 0 ? 0
                                                                : mp_call(self, "items", NULL, 0);
}

static Value mp_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("copy", nargs, kwnames, 0, 0) < 0 ? 0 : mp_call(self, "copy", NULL, 0);
}

static Value mp_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames) {
    return method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0
               ? 0
               : mp_call(self, "__reversed__", NULL, 0);
}

static Value mp_or(Value a, Value b) {
    if (type_of(a) == &type_mappingproxy) {
        a = mp_mapping(a);
    }
    if (type_of(b) == &type_mappingproxy) {
        b = mp_mapping(b);
    }
    return obj_binop(a, b, BINOP_OR);
}

static Value mp_ior(Value a, Value b) {
    return err_format(&exc_TypeError, "'|=' is not supported by %s; use '|' instead",
                      obj_type_name(a));
}

static const MethodDef mp_methods[] = {
    {"get", mp_m_get, METH_DEFAULT, NULL},
    {"keys", mp_m_keys, METH_DEFAULT, NULL},
    {"values", mp_m_values, METH_DEFAULT, NULL},
    {"items", mp_m_items, METH_DEFAULT, NULL},
    {"copy", mp_m_copy, METH_DEFAULT, NULL},
    {"__reversed__", mp_m_reversed, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_mappingproxy = {
    .header = {&type_type},
    .name = "mappingproxy",
    .flags = TYPE_MAPPING,
    .basic_size = sizeof(MappingProxyObject),
    .base = &type_object,
    .trace = mp_trace,
    .repr = mp_repr,
    .str = mp_str,
    .richcompare = mp_richcompare,
    .new_ = mp_tp_new,
    .getitem = mp_getitem,
    .len = mp_len,
    .contains = mp_contains,
    .iter = mp_iter,
    .binop = {[BINOP_OR] = mp_or},
    .inplace = {[BINOP_OR] = mp_ior},
    .methods = mp_methods,
};
