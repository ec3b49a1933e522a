// type.c - type objects: readying builtin types, the MRO, attribute lookup
// with a global method cache, slot inheritance, and the descriptors that
// expose C methods and fields to Python.
//
// Lookup cache. type_lookup(t, name) walks t's MRO and asks each type's dict;
// that is far too slow for every attribute access, so results are kept in a
// direct-mapped table indexed by (t->version, name's identity). An entry is
// valid only while t->version equals the version stored with it; any change
// to a type or to one of its bases gives the type a fresh version
// (type_modified), which invalidates all its entries at once without touching
// the table. Names are interned strs, so the identity of the name is enough.
// Version 0 means "do not cache" (a type whose version counter ran out).
//
// STATUS: static builtin types (type_ready), lookup, descriptors for C
// methods/getsets/members, and the generic getattr of `object` for
// instances without a __dict__ exist. Classes (type_new_class: heap types,
// slot functions that call dunders, instance attributes in shapes) land with
// the interpreter.
#include "type.h"

#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

enum { TYPE_READY_FLAG = 1u << 31 };

static Value type_getattr(Value self, Value name);
static Value type_repr(Value self);
static Value type_call(Value callable, const Value *args, size_t nargs, Value kwnames);

Type type_type = {
    .header = {&type_type},
    .name = "type",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS,
    .basic_size = sizeof(Type),
    .base = &type_object,
    .getattr = type_getattr,
    .repr = type_repr,
    .call = type_call,
};

// ---- versions and the lookup cache ---------------------------------------------

static uint32_t next_version = 1;

static void assign_version(Type *t) {
    t->version = next_version ? next_version++ : 0;
}

enum { CACHE_BITS = 12, CACHE_SIZE = 1 << CACHE_BITS };

typedef struct CacheEntry {
    uint32_t version;
    Value name;
    Value value;   // 0: known missing
} CacheEntry;

static CacheEntry lookup_cache[CACHE_SIZE];

static inline unsigned cache_index(uint32_t version, Value name) {
    return (unsigned)((version * 2654435761u) ^ (uint32_t)(name >> 3)) & (CACHE_SIZE - 1);
}

static void trace_lookup_cache(GcTracer *t) {
    for (int i = 0; i < CACHE_SIZE; i++) {
        gc_trace_value(t, lookup_cache[i].name);
        gc_trace_value(t, lookup_cache[i].value);
    }
}

void type_modified(Type *t) {
    assign_version(t);
    // Subclasses are found through the registry of readied types.
    // (Heap types keep their own subclass lists once classes exist.)
}

int type_is_subtype(const Type *a, const Type *b) {
    if (a == b) {
        return 1;
    }
    if (a->mro) {
        TupleObject *mro = tuple_obj(a->mro);
        for (size_t i = 0; i < mro->len; i++) {
            if (val_ptr(mro->items[i]) == (const Object *)b) {
                return 1;
            }
        }
        return 0;
    }
    for (const Type *t = a->base; t; t = t->base) {
        if (t == b) {
            return 1;
        }
    }
    return b == &type_object;
}

Value type_lookup(Type *t, Value name) {
    uint32_t version = t->version;
    unsigned i = cache_index(version, name);
    CacheEntry *e = &lookup_cache[i];
    if (version && e->version == version && e->name == name) {
        return e->value;
    }
    Value found = 0;
    if (t->mro) {
        TupleObject *mro = tuple_obj(t->mro);
        for (size_t k = 0; k < mro->len && !found; k++) {
            Type *m = (Type *)val_ptr(mro->items[k]);
            if (m->dict) {
                found = dict_get(m->dict, name);
                if (!found && err_occurred()) {
                    return 0;
                }
            }
        }
    }
    if (version) {
        e->version = version;
        e->name = name;
        e->value = found;
    }
    return found;
}

// ---- descriptors for C methods, getsets and members ---------------------------------

typedef struct MethodDescrObject {
    Object header;
    const MethodDef *def;
    Type *owner;
} MethodDescrObject;

typedef struct BuiltinMethodObject {
    Object header;
    const MethodDef *def;
    Value self;       // the bound instance (or type, for class methods), or the
                      // module of a module function
    Value module;     // __module__ (a str) for module functions, else 0
} BuiltinMethodObject;

typedef struct GetSetDescrObject {
    Object header;
    const GetSetDef *def;
    Type *owner;
} GetSetDescrObject;

typedef struct MemberDescrObject {
    Object header;
    const MemberDef *def;
    Type *owner;
} MemberDescrObject;

Type type_method_descriptor, type_builtin_method, type_getset_descriptor,
    type_member_descriptor;

static void builtin_method_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((BuiltinMethodObject *)o)->self);
    gc_trace_value(t, ((BuiltinMethodObject *)o)->module);
}

static Value bind_method(const MethodDef *def, Value self) {
    BuiltinMethodObject *m =
        (BuiltinMethodObject *)gc_alloc(&type_builtin_method, sizeof(BuiltinMethodObject));
    if (!m) {
        return 0;
    }
    m->def = def;
    m->self = self;
    return val_from_ptr(m);
}

Value builtin_function_new(const MethodDef *def, Value self, Value module) {
    Value f = bind_method(def, self);
    if (f) {
        ((BuiltinMethodObject *)val_ptr(f))->module = module;
    }
    return f;
}

// A module function (bound to a module or to nothing) shows as a function;
// anything else as a method of its object.
static int builtin_is_function(const BuiltinMethodObject *m) {
    return !m->self || m->module;
}

static Value builtin_method_repr(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    if (builtin_is_function(m)) {
        return str_format_c("<built-in function %s>", m->def->name);
    }
    return str_format_c("<built-in method %s of %s object at %p>", m->def->name,
                        obj_type_name(m->self), (void *)val_ptr(m->self));
}

static Value builtin_method_get_name(Value self) {
    return str_from_cstr(((BuiltinMethodObject *)val_ptr(self))->def->name);
}

static Value builtin_method_get_qualname(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    if (builtin_is_function(m)) {
        return str_from_cstr(m->def->name);
    }
    Type *owner = type_is_subtype(type_of(m->self), &type_type) ? (Type *)val_ptr(m->self)
                                                                : type_of(m->self);
    return str_format_c("%s.%s", owner->name, m->def->name);
}

static Value builtin_method_get_self(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    return m->self ? m->self : VAL_NONE;
}

static Value builtin_method_get_module(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    return m->module ? m->module : VAL_NONE;
}

static Value builtin_method_get_doc(Value self) {
    const char *doc = ((BuiltinMethodObject *)val_ptr(self))->def->doc;
    return doc ? str_from_cstr(doc) : VAL_NONE;
}

static Value builtin_method_get_text_signature(Value self) {
    return VAL_NONE;
}

static const GetSetDef builtin_method_getset[] = {
    {"__name__", builtin_method_get_name, NULL, NULL},
    {"__qualname__", builtin_method_get_qualname, NULL, NULL},
    {"__self__", builtin_method_get_self, NULL, NULL},
    {"__module__", builtin_method_get_module, NULL, NULL},
    {"__doc__", builtin_method_get_doc, NULL, NULL},
    {"__text_signature__", builtin_method_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// Equal when they bind the same C function to the same object.
static Value builtin_method_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_builtin_method) {
        return VAL_NOTIMPLEMENTED;
    }
    BuiltinMethodObject *x = (BuiltinMethodObject *)val_ptr(a);
    BuiltinMethodObject *y = (BuiltinMethodObject *)val_ptr(b);
    int eq = x->def->fn == y->def->fn && x->self == y->self;
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t builtin_method_hash(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    int64_t h = m->self ? obj_hash(m->self) : 0;
    if (h == -1 && err_occurred()) {
        return -1;
    }
    h ^= (int64_t)((uintptr_t)m->def->fn >> 4);
    return h == -1 ? -2 : h;
}

static Value check_no_keywords(const MethodDef *def, Value kwnames) {
    if (kwnames && (def->flags & METH_NO_KEYWORDS) && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", def->name);
    }
    return VAL_NONE;
}

static Value builtin_method_call(Value callable, const Value *args, size_t nargs,
                                 Value kwnames) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(callable);
    if (!check_no_keywords(m->def, kwnames)) {
        return 0;
    }
    return m->def->fn(m->self, args, nargs, kwnames);
}

static Value method_descr_get(Value descr, Value instance, Value owner) {
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(descr);
    if (d->def->flags & METH_STATIC) {
        return bind_method(d->def, 0);
    }
    if (d->def->flags & METH_CLASS) {
        return bind_method(d->def, owner ? owner : val_from_ptr(type_of(instance)));
    }
    if (!instance || instance == VAL_NONE) {
        return descr;  // accessed on the class: the unbound descriptor
    }
    if (!type_is_subtype(type_of(instance), d->owner)) {
        return err_format(&exc_TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          d->def->name, d->owner->name, obj_type_name(instance));
    }
    return bind_method(d->def, instance);
}

// Calling the unbound descriptor: list.append(lst, x).
static Value method_descr_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(callable);
    if (d->def->flags & (METH_STATIC | METH_CLASS)) {
        Value bound = method_descr_get(callable, 0, val_from_ptr(d->owner));
        return bound ? obj_call(bound, args, nargs, kwnames) : 0;
    }
    size_t npos = nargs;
    if (npos < 1) {
        return err_format(&exc_TypeError, "unbound method %s.%s() needs an argument",
                          d->owner->name, d->def->name);
    }
    if (!type_is_subtype(type_of(args[0]), d->owner)) {
        return err_format(&exc_TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          d->def->name, d->owner->name, obj_type_name(args[0]));
    }
    if (!check_no_keywords(d->def, kwnames)) {
        return 0;
    }
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Value getset_descr_get(Value descr, Value instance, Value owner) {
    GetSetDescrObject *d = (GetSetDescrObject *)val_ptr(descr);
    if (!instance || instance == VAL_NONE) {
        return descr;
    }
    return d->def->get(instance);
}

static int getset_descr_set(Value descr, Value instance, Value value) {
    GetSetDescrObject *d = (GetSetDescrObject *)val_ptr(descr);
    if (!d->def->set) {
        err_format(&exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                   d->def->name, d->owner->name);
        return -1;
    }
    return d->def->set(instance, value);
}

static Value member_descr_get(Value descr, Value instance, Value owner) {
    MemberDescrObject *d = (MemberDescrObject *)val_ptr(descr);
    if (!instance || instance == VAL_NONE) {
        return descr;
    }
    const char *field = (const char *)val_ptr(instance) + d->def->offset;
    switch (d->def->kind) {
    case MEMBER_VALUE:
    case MEMBER_VALUE_RO: {
        Value v;
        memcpy(&v, field, sizeof v);
        if (!v) {
            return err_format(&exc_AttributeError, "'%s' object has no attribute '%s'",
                              obj_type_name(instance), d->def->name);
        }
        return v;
    }
    case MEMBER_INT64_RO: {
        int64_t i;
        memcpy(&i, field, sizeof i);
        return int_from_i64(i);
    }
    case MEMBER_BOOL_RO: {
        int b;
        memcpy(&b, field, sizeof b);
        return val_bool(b);
    }
    }
    return 0;
}

static int member_descr_set(Value descr, Value instance, Value value) {
    MemberDescrObject *d = (MemberDescrObject *)val_ptr(descr);
    if (d->def->kind != MEMBER_VALUE) {
        err_format(&exc_AttributeError, "readonly attribute");
        return -1;
    }
    memcpy((char *)val_ptr(instance) + d->def->offset, &value, sizeof value);
    return 0;
}

Type type_method_descriptor = {
    .header = {&type_type},
    .name = "method_descriptor",
    .basic_size = sizeof(MethodDescrObject),
    .base = &type_object,
    .descr_get = method_descr_get,
    .call = method_descr_call,
};

Type type_builtin_method = {
    .header = {&type_type},
    .name = "builtin_function_or_method",
    .basic_size = sizeof(BuiltinMethodObject),
    .base = &type_object,
    .trace = builtin_method_trace,
    .call = builtin_method_call,
    .repr = builtin_method_repr,
    .richcompare = builtin_method_richcompare,
    .hash = builtin_method_hash,
    .getset = builtin_method_getset,
};

Type type_getset_descriptor = {
    .header = {&type_type},
    .name = "getset_descriptor",
    .basic_size = sizeof(GetSetDescrObject),
    .base = &type_object,
    .descr_get = getset_descr_get,
    .descr_set = getset_descr_set,
};

Type type_member_descriptor = {
    .header = {&type_type},
    .name = "member_descriptor",
    .basic_size = sizeof(MemberDescrObject),
    .base = &type_object,
    .descr_get = member_descr_get,
    .descr_set = member_descr_set,
};

// ---- readying static types --------------------------------------------------------

// Slots a type without its own inherits from its base. hash and richcompare
// go together: a type that defines equality but not hashing is unhashable
// (CPython sets __hash__ = None), so neither is inherited then.
static void inherit_slots(Type *t, const Type *b) {
#define INHERIT_(slot)         \
    if (!t->slot) {            \
        t->slot = b->slot;     \
    }
    INHERIT_(repr)
    INHERIT_(str)
    INHERIT_(getattr)
    INHERIT_(setattr)
    INHERIT_(call)
    INHERIT_(descr_get)
    INHERIT_(descr_set)
    INHERIT_(bool_)
    INHERIT_(iter)
    INHERIT_(iternext)
    INHERIT_(len)
    INHERIT_(getitem)
    INHERIT_(setitem)
    INHERIT_(contains)
    INHERIT_(neg)
    INHERIT_(pos)
    INHERIT_(abs)
    INHERIT_(invert)
    INHERIT_(index)
    INHERIT_(to_int)
    INHERIT_(to_float)
    INHERIT_(pow3)
    INHERIT_(trace)
    INHERIT_(free)
    INHERIT_(init)
    INHERIT_(new_)
#undef INHERIT_
    for (int i = 0; i < BINOP__COUNT; i++) {
        if (!t->binop[i]) {
            t->binop[i] = b->binop[i];
        }
        if (!t->inplace[i]) {
            t->inplace[i] = b->inplace[i];
        }
    }
    if (!t->richcompare && !t->hash) {
        t->richcompare = b->richcompare;
        t->hash = b->hash;
    }
    if (!t->basic_size) {
        t->basic_size = b->basic_size;
    }
    t->flags |= b->flags & (TYPE_INT_SUBCLASS | TYPE_STR_SUBCLASS | TYPE_BYTES_SUBCLASS |
                            TYPE_TUPLE_SUBCLASS | TYPE_LIST_SUBCLASS | TYPE_DICT_SUBCLASS |
                            TYPE_TYPE_SUBCLASS | TYPE_EXC_SUBCLASS);
}

static int add_descriptor(Type *t, const char *name, Type *descr_type, const void *def) {
    // All three descriptor layouts are {header, def, owner}.
    MethodDescrObject *d = (MethodDescrObject *)gc_alloc(descr_type, sizeof(MethodDescrObject));
    if (!d) {
        return -1;
    }
    d->def = def;
    d->owner = t;
    return dict_set(t->dict, str_intern_cstr(name), val_from_ptr(d));
}

static Type *readied[512];
static int nreadied;

static void trace_readied(GcTracer *tr) {
    for (int i = 0; i < nreadied; i++) {
        Type *t = readied[i];
        gc_trace_value(tr, t->bases);
        gc_trace_value(tr, t->mro);
        gc_trace_value(tr, t->dict);
        gc_trace_value(tr, t->doc);
    }
}

int type_ready(Type *t) {
    if (t->flags & TYPE_READY_FLAG) {
        return 0;
    }
    static int roots_registered;
    if (!roots_registered) {
        roots_registered = 1;
        gc_add_root_provider(trace_readied);
        gc_add_root_provider(trace_lookup_cache);
    }
    if (t != &type_object && !t->base) {
        t->base = &type_object;
    }
    if (t->base && type_ready(t->base) < 0) {
        return -1;
    }
    if (nreadied == (int)(sizeof readied / sizeof readied[0])) {
        err_format(&exc_SystemError, "too many static types");
        return -1;
    }
    readied[nreadied++] = t;
    t->flags |= TYPE_READY_FLAG;
    if (t->base) {
        inherit_slots(t, t->base);
        Value base = val_from_ptr(t->base);
        t->bases = tuple_from(&base, 1);
        if (!t->bases) {
            return -1;
        }
        // Single inheritance: the MRO is t followed by its base's MRO.
        TupleObject *bmro = tuple_obj(t->base->mro);
        t->mro = tuple_new(bmro->len + 1);
        if (!t->mro) {
            return -1;
        }
        tuple_obj(t->mro)->items[0] = val_from_ptr(t);
        memcpy(tuple_obj(t->mro)->items + 1, bmro->items, bmro->len * sizeof(Value));
    } else {
        t->bases = tuple_new(0);
        Value self = val_from_ptr(t);
        t->mro = tuple_from(&self, 1);
        if (!t->bases || !t->mro) {
            return -1;
        }
    }
    if (!t->dict) {
        t->dict = dict_new();
        if (!t->dict) {
            return -1;
        }
    }
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        if (add_descriptor(t, m->name, &type_method_descriptor, m) < 0) {
            return -1;
        }
    }
    for (const GetSetDef *g = t->getset; g && g->name; g++) {
        if (add_descriptor(t, g->name, &type_getset_descriptor, g) < 0) {
            return -1;
        }
    }
    for (const MemberDef *m = t->members; m && m->name; m++) {
        if (add_descriptor(t, m->name, &type_member_descriptor, m) < 0) {
            return -1;
        }
    }
    assign_version(t);
    return 0;
}

// ---- the generic attribute protocol ---------------------------------------------------

Value object_generic_getattr(Value obj, Value name) {
    Type *t = type_of(obj);
    Value descr = type_lookup(t, name);
    if (!descr && err_occurred()) {
        return 0;
    }
    DescrGetFunc get = descr ? type_of(descr)->descr_get : NULL;
    if (get && type_of(descr)->descr_set) {
        return get(descr, obj, val_from_ptr(t));  // data descriptor wins
    }
    // Instance attributes (shapes, __dict__) come with classes.
    if (get) {
        return get(descr, obj, val_from_ptr(t));
    }
    if (descr) {
        return descr;
    }
    return err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                      str_obj(name)->data);
}

int object_generic_setattr(Value obj, Value name, Value value) {
    Type *t = type_of(obj);
    Value descr = type_lookup(t, name);
    if (!descr && err_occurred()) {
        return -1;
    }
    DescrSetFunc set = descr ? type_of(descr)->descr_set : NULL;
    if (set) {
        return set(descr, obj, value);
    }
    if (descr) {
        err_format(&exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name,
                   str_obj(name)->data);
    } else {
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                   str_obj(name)->data);
    }
    return -1;
}

// ---- attributes of type objects ------------------------------------------------------
// Data descriptors of the metatype win, then the type's own MRO (binding
// with descr_get(descr, NULL, type)), then the metatype's other attributes.
static Value type_getattr(Value self, Value name) {
    Type *t = (Type *)val_ptr(self);
    Type *meta = type_of(self);
    Value meta_attr = type_lookup(meta, name);
    if (!meta_attr && err_occurred()) {
        return 0;
    }
    DescrGetFunc meta_get = meta_attr ? type_of(meta_attr)->descr_get : NULL;
    if (meta_get && type_of(meta_attr)->descr_set) {
        return meta_get(meta_attr, self, val_from_ptr(meta));
    }
    Value attr = type_lookup(t, name);
    if (attr) {
        DescrGetFunc get = type_of(attr)->descr_get;
        return get ? get(attr, 0, self) : attr;
    }
    if (err_occurred()) {
        return 0;
    }
    if (meta_get) {
        return meta_get(meta_attr, self, val_from_ptr(meta));
    }
    if (meta_attr) {
        return meta_attr;
    }
    return err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", t->name,
                      str_obj(name)->data);
}

static Value type_repr(Value self) {
    // Builtin types live in builtins: <class 'int'>. Heap types will add
    // their __module__.
    return str_format_c("<class '%s'>", ((Type *)val_ptr(self))->name);
}

// ---- calling a type: creating instances ------------------------------------------------
// t(...) is t.__new__(t, ...), then __init__ on the result if it is an
// instance of t (CPython's type_call). type(x) with one argument is x's type.
static Value type_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(callable);
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (t == &type_type && nargs == 1 && nkw == 0) {
        return val_from_ptr(type_of(args[0]));
    }
    if (!t->new_) {
        return err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    }
    Value obj = t->new_(callable, args, nargs, kwnames);
    if (!obj || !type_is_subtype(type_of(obj), t)) {
        return obj;
    }
    Type *ot = type_of(obj);
    if (ot->init && !ot->init(obj, args, nargs, kwnames)) {
        return 0;
    }
    return obj;
}
