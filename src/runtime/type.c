// type.c - type objects: readying builtin types, attribute lookup with a
// global method cache, versions and subclass links, slot inheritance, the
// descriptors that expose C methods and fields to Python, the generic
// attribute protocol of `object`, and the attribute protocol, repr and call
// of type objects. Classes (heap types) are made in class.c, their slot
// functions in slots.c, their instances' attributes in shape.c.
//
// Lookup cache. type_lookup(t, name) walks t's MRO and asks each type's dict;
// that is far too slow for every attribute access, so results are kept in a
// direct-mapped table indexed by (t->version, name's identity). An entry is
// valid only while t->version equals the version stored with it; any change
// to a type or to one of its bases gives the type and all its subclasses a
// fresh version (type_modified), which invalidates all their entries at once
// without touching the table. Names are usually interned strs, so the
// identity of the name is the key; a non-interned name simply misses.
// Version 0 means "do not cache" (the 32-bit version counter ran out).
//
// Subclass links are weak: a base must find its live subclasses (to
// invalidate them, for __subclasses__()) without keeping them alive. Each
// type that has a subclass or is one gets a malloc'ed TypeLinks; a subclass
// is recorded in its bases' lists through a small malloc'ed, reference
// counted TypeRef whose `type` its FreeFunc clears when the class dies.
// Nothing there is a heap object, so the collector never sees the lists and
// a FreeFunc touches only malloc'ed memory (gc.h's rule).
#include "type.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "float.h"
#include "gc.h"
#include "int.h"
#include "module.h"
#include "../vm/vm.h"
#include "list.h"
#include "shape.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"

enum { TYPE_READY_FLAG = 1u << 31 };

static Value type_getattr(Value self, Value name);
static int type_setattr(Value self, Value name, Value value);
static Value type_repr(Value self);
static Value type_call(Value callable, const Value *args, size_t nargs, Value kwnames);

Type type_type = {
    .header = {&type_type},
    .name = "type",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(HeapType),
    .base = &type_object,
    .trace = heap_type_trace,
    .free = heap_type_free,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .repr = type_repr,
    .call = type_call,
    .new_ = type_tp_new,
    .init = type_tp_init,
    .binop = {[BINOP_OR] = type_or},
    .getset = type_getset,
    .methods = type_methods,
    .members = type_members,
};

TypeNames type_names;

int type_names_init(void) {
#define TYPE_NAME_INIT_(n)                    \
    type_names.n = str_intern_cstr(#n);       \
    if (!type_names.n) {                      \
        return -1;                            \
    }
    TYPE_NAMES(TYPE_NAME_INIT_)
#undef TYPE_NAME_INIT_
    return 0;
}

// ---- versions and the lookup cache ---------------------------------------------

static uint32_t next_version = 1;

void type_assign_version(Type *t) {
    t->version = next_version ? next_version++ : 0;
}

enum { CACHE_BITS = 12, CACHE_SIZE = 1 << CACHE_BITS };

typedef struct CacheEntry {
    uint32_t version;
    Value name;
    Value value;   // 0: known missing
} CacheEntry;

static CacheEntry lookup_cache[CACHE_SIZE];

// Objects are 16-byte aligned: the name's low four bits carry nothing.
static inline unsigned cache_index(uint32_t version, Value name) {
    return (unsigned)((version * 2654435761u) ^ (uint32_t)(name >> 4)) & (CACHE_SIZE - 1);
}

// The cache is not traced (tracing its 8192 words was a third of a small
// heap's collection). The rule that lets the interpreter's attribute cache
// go untraced (vm/specialize.h) holds here too: names are interned, and
// interned strings never die; a value lives in a dict of the type's MRO for
// as long as the type has that version - any change to those dicts gives
// the type a new version, and a dead type's version is never seen again.

static int modified_one(Type *sub, void *arg) {
    type_modified(sub);
    return 0;
}

void type_modified(Type *t) {
    type_assign_version(t);
    type_each_subclass(t, modified_one, NULL);
}

int type_is_subtype_mro(const Type *a, const Type *b) {
    if (a->mro) {
        TupleObject *mro = tuple_obj(a->mro);
        for (size_t i = 0; i < mro->len; i++) {
            if (val_ptr(mro->items[i]) == (const Object *)b) {
                return 1;
            }
        }
        return 0;
    }
    return type_is_subtype(a, b);
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
    } else if (t->dict) {
        // A class being made: its MRO is not there yet.
        return dict_get(t->dict, name);
    }
    if (version && val_is_str(name) && (str_obj(name)->flags & STR_INTERNED)) {
        e->version = version;
        e->name = name;
        e->value = found;
    }
    return found;
}

// ---- weak subclass links ------------------------------------------------------------

typedef struct TypeRef {
    Type *type;   // NULL once the type died
    int refs;
} TypeRef;

struct TypeLinks {
    TypeRef *self;      // the handle others hold on this type
    TypeRef **subs;     // the direct subclasses
    size_t nsubs, cap;
};

static struct TypeLinks *links_of(Type *t) {
    if (!t->links) {
        t->links = calloc(1, sizeof(struct TypeLinks));
    }
    return t->links;
}

static void ref_drop(TypeRef *r) {
    if (--r->refs == 0) {
        free(r);
    }
}

int type_add_subclass(Type *base, Type *sub) {
    struct TypeLinks *bl = links_of(base), *sl = links_of(sub);
    if (!bl || !sl) {
        err_no_memory();
        return -1;
    }
    if (!sl->self) {
        sl->self = malloc(sizeof(TypeRef));
        if (!sl->self) {
            err_no_memory();
            return -1;
        }
        sl->self->type = sub;
        sl->self->refs = 1;
    }
    if (bl->nsubs == bl->cap) {
        size_t cap = bl->cap ? bl->cap * 2 : 4;
        TypeRef **subs = realloc(bl->subs, cap * sizeof(TypeRef *));
        if (!subs) {
            err_no_memory();
            return -1;
        }
        bl->subs = subs;
        bl->cap = cap;
    }
    bl->subs[bl->nsubs++] = sl->self;
    sl->self->refs++;
    return 0;
}

void type_remove_subclass(Type *base, Type *sub) {
    struct TypeLinks *bl = base->links;
    if (!bl) {
        return;
    }
    for (size_t i = 0; i < bl->nsubs; i++) {
        if (bl->subs[i]->type == sub) {
            ref_drop(bl->subs[i]);
            memmove(bl->subs + i, bl->subs + i + 1, (bl->nsubs - i - 1) * sizeof(TypeRef *));
            bl->nsubs--;
            return;
        }
    }
}

int type_each_subclass(Type *t, int (*f)(Type *sub, void *arg), void *arg) {
    struct TypeLinks *l = t->links;
    if (!l) {
        return 0;
    }
    for (size_t i = 0; i < l->nsubs;) {
        TypeRef *r = l->subs[i];
        if (!r->type) {  // died: forget it
            ref_drop(r);
            memmove(l->subs + i, l->subs + i + 1, (l->nsubs - i - 1) * sizeof(TypeRef *));
            l->nsubs--;
            continue;
        }
        int stop = f(r->type, arg);
        if (stop) {
            return stop;
        }
        i++;
    }
    return 0;
}

void type_links_free(Type *t) {
    struct TypeLinks *l = t->links;
    if (!l) {
        return;
    }
    if (l->self) {
        l->self->type = NULL;
        ref_drop(l->self);
    }
    for (size_t i = 0; i < l->nsubs; i++) {
        ref_drop(l->subs[i]);
    }
    free(l->subs);
    free(l);
    t->links = NULL;
}

static int append_subclass(Type *sub, void *arg) {
    return list_append(*(Value *)arg, val_from_ptr(sub)) < 0 ? -1 : 0;
}

Value type_subclasses_list(Type *t) {
    Value list = list_new(0);
    if (!list || type_each_subclass(t, append_subclass, &list) < 0) {
        return 0;
    }
    return list;
}

// ---- descriptors for C methods, getsets and members ---------------------------------

static void descr_trace(Object *o, GcTracer *t) {
    gc_trace_object(t, (Object *)((MethodDescrObject *)o)->owner);
}

static void builtin_method_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((BuiltinMethodObject *)o)->self);
    gc_trace_value(t, ((BuiltinMethodObject *)o)->module);
}

Value builtin_method_new(const MethodDef *def, Value self) {
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
    Value f = builtin_method_new(def, self);
    if (f) {
        ((BuiltinMethodObject *)val_ptr(f))->module = module;
    }
    return f;
}

// A module function (bound to a module or to nothing) shows as a function;
// anything else as a method of its object. A C type's static method keeps
// its type in `self` (for its name and pickling, as CPython's m_self) but is
// called without it and shows None as __self__.
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
    // As CPython's: the owner's __qualname__ ("OrderedDict", not
    // "collections.OrderedDict"; a class's own qualname).
    Value owner = type_is_subtype(type_of(m->self), &type_type) ? m->self
                                                                : val_from_ptr(type_of(m->self));
    Value qualname = obj_getattr_cstr(owner, "__qualname__");
    return qualname ? str_format_c("%S.%s", qualname, m->def->name) : 0;
}

static Value builtin_method_get_self(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    return m->self && !(m->def->flags & METH_STATIC) ? m->self : VAL_NONE;
}

static Value builtin_method_get_module(Value self) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    return m->module ? m->module : VAL_NONE;
}

// ---- signatures in docstrings ----------------------------------------------------
// A docstring "join($self, iterable, /)\n--\n\nConcatenate..." holds the
// signature inspect.signature reads. The signature starts right after the
// function's name and ends at the first ")\n--\n\n"; a blank line before
// that marker means the doc has no signature (it merely starts with a call).

// Where the "(" of the signature is, or NULL.
static const char *doc_signature_open(const char *name, const char *doc) {
    if (!doc) {
        return NULL;
    }
    const char *dot = strrchr(name, '.');
    if (dot) {
        name = dot + 1;
    }
    size_t n = strlen(name);
    return strncmp(doc, name, n) == 0 && doc[n] == '(' ? doc + n : NULL;
}

// Just past the signature's closing ")", or NULL when there is no marker.
static const char *doc_signature_close(const char *open) {
    for (const char *p = open; *p; p++) {
        if (strncmp(p, ")\n--\n\n", 6) == 0) {
            return p + 1;
        }
        if (p[0] == '\n' && p[1] == '\n') {
            return NULL;
        }
    }
    return NULL;
}

Value doc_text_signature(const char *name, const char *doc) {
    const char *open = doc_signature_open(name, doc);
    const char *close = open ? doc_signature_close(open) : NULL;
    return close ? str_from_utf8(open, (size_t)(close - open)) : VAL_NONE;
}

Value doc_without_signature(const char *name, const char *doc) {
    const char *open = doc_signature_open(name, doc);
    const char *close = open ? doc_signature_close(open) : NULL;
    if (close) {
        doc = close + 5;  // past ")\n--\n\n"
    }
    return doc && *doc ? str_from_cstr(doc) : VAL_NONE;
}

static Value builtin_method_get_doc(Value self) {
    const MethodDef *def = ((BuiltinMethodObject *)val_ptr(self))->def;
    return doc_without_signature(def->name, def->doc);
}

static Value builtin_method_get_text_signature(Value self) {
    const MethodDef *def = ((BuiltinMethodObject *)val_ptr(self))->def;
    return doc_text_signature(def->name, def->doc);
}

// How pickle and copy refer to it: a module-level function by its name (a
// global of its module), a bound method as getattr(self, name).
static Value builtin_method_reduce(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    if (builtin_is_function(m)) {
        return str_from_cstr(m->def->name);
    }
    Value getattr_fn = vm_builtins ? dict_get_cstr(vm_builtins, "getattr") : 0;
    Value name = getattr_fn ? str_from_cstr(m->def->name) : 0;
    Value pair = name ? tuple_pack2(m->self, name) : 0;
    return pair ? tuple_pack2(getattr_fn, pair) : 0;
}

static const MethodDef builtin_method_methods[] = {
    {"__reduce__", builtin_method_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

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
    // By identity of the receiver, as CPython: [].append is hashable.
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(self);
    int64_t h = m->self ? object_hash(m->self) : 0;  // the pointer hash, as object's
    h ^= (int64_t)((uintptr_t)m->def->fn >> 4);
    return h == -1 ? -2 : h;
}

static Value check_no_keywords(const MethodDef *def, Value kwnames) {
    if (kwnames && (def->flags & METH_NO_KEYWORDS) && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", def->name);
    }
    return VAL_NONE;
}

static const char *static_short_name(const Type *t);

static Value builtin_method_call(Value callable, const Value *args, size_t nargs,
                                 Value kwnames) {
    BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(callable);
    if (!check_no_keywords(m->def, kwnames)) {
        return 0;
    }
    Value r = m->def->fn(m->def->flags & METH_STATIC ? 0 : m->self, args, nargs, kwnames);
    // Only methods of instances (and classmethods, named by their class):
    // module functions and a type's __new__ write their own names.
    bool is_type = type_check(m->self);
    if (!r && m->self && !(m->def->flags & METH_STATIC) &&
        (m->def->flags & METH_CLASS ? is_type : !is_type && !module_check(m->self))) {
        Type *owner = is_type ? type_ptr(m->self) : type_of(m->self);
        if (!(owner->flags & TYPE_HEAP)) {
            err_retarget_method(m->def->name, static_short_name(owner));
        } else {
            Value q = type_qualname(owner);  // a heap type's, kept: no allocation
            if (q && val_is_str(q)) {
                err_retarget_method(m->def->name, str_obj(q)->data);
            }
        }
    }
    return r;
}

static Value descr_qualname_of(const char *name, Type *owner) {
    Value tq = type_qualname(owner);
    return tq ? str_format_c("%U.%s", tq, name) : 0;
}

static Value method_descr_get(Value descr, Value instance, Value owner) {
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(descr);
    if (d->def->flags & METH_STATIC) {
        return builtin_method_new(d->def, val_from_ptr(d->owner));
    }
    if (d->def->flags & METH_CLASS) {
        Value cls = owner ? owner : val_from_ptr(type_of(instance));
        if (!type_check(cls)) {
            return err_format(&exc_TypeError,
                              "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                              d->def->name, d->owner->name, obj_type_name(cls));
        }
        if (!type_is_subtype(type_ptr(cls), d->owner)) {
            return err_format(&exc_TypeError,
                              "descriptor '%s' requires a subtype of '%s' but received '%s'",
                              d->def->name, d->owner->name, type_ptr(cls)->name);
        }
        return builtin_method_new(d->def, cls);
    }
    if (!instance) {
        return descr;  // accessed on the class: the unbound descriptor
    }
    if (!type_is_subtype(type_of(instance), d->owner)) {
        return err_format(&exc_TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          d->def->name, d->owner->name, obj_type_name(instance));
    }
    return builtin_method_new(d->def, instance);
}

// Calling the unbound descriptor: list.append(lst, x).
static Value method_descr_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(callable);
    if (d->def->flags & METH_CLASS) {
        if (nargs < 1) {
            return err_format(&exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                              d->def->name, d->owner->name);
        }
        Value bound = method_descr_get(callable, 0, args[0]);
        return bound ? obj_call(bound, args + 1, nargs - 1, kwnames) : 0;
    }
    if (d->def->flags & METH_STATIC) {
        Value bound = method_descr_get(callable, 0, val_from_ptr(d->owner));
        return bound ? obj_call(bound, args, nargs, kwnames) : 0;
    }
    if (nargs < 1) {
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

static Value method_descr_repr(Value self) {
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(self);
    return str_format_c("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static Value getset_descr_repr(Value self) {
    GetSetDescrObject *d = (GetSetDescrObject *)val_ptr(self);
    return str_format_c("<attribute '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static Value member_descr_repr(Value self) {
    MemberDescrObject *d = (MemberDescrObject *)val_ptr(self);
    return str_format_c("<member '%s' of '%s' objects>", d->def->name, d->owner->name);
}

// __name__, __qualname__, __objclass__, __doc__ of the three descriptor kinds
// (their layouts agree on {header, def, owner}, and each def starts with its name).
static Value descr_get_name(Value self) {
    return str_from_cstr(*(const char *const *)((MethodDescrObject *)val_ptr(self))->def);
}

static Value descr_get_qualname(Value self) {
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(self);
    return descr_qualname_of(*(const char *const *)d->def, d->owner);
}

static Value descr_get_objclass(Value self) {
    return val_from_ptr(((MethodDescrObject *)val_ptr(self))->owner);
}

static Value method_descr_get_doc(Value self) {
    const MethodDef *def = ((MethodDescrObject *)val_ptr(self))->def;
    return doc_without_signature(def->name, def->doc);
}

static Value method_descr_get_text_signature(Value self) {
    const MethodDef *def = ((MethodDescrObject *)val_ptr(self))->def;
    return doc_text_signature(def->name, def->doc);
}

static Value getset_descr_get_doc(Value self) {
    const char *doc = ((GetSetDescrObject *)val_ptr(self))->def->doc;
    return doc ? str_from_cstr(doc) : VAL_NONE;
}

static Value member_descr_get_doc(Value self) {
    const char *doc = ((MemberDescrObject *)val_ptr(self))->def->doc;
    return doc ? str_from_cstr(doc) : VAL_NONE;
}

#define DESCR_GETSET_(docfn)                                      \
    {"__name__", descr_get_name, NULL, NULL},                     \
    {"__qualname__", descr_get_qualname, NULL, NULL},             \
    {"__objclass__", descr_get_objclass, NULL, NULL},             \
    {"__doc__", docfn, NULL, NULL},                               \
    {NULL, NULL, NULL, NULL}

static const GetSetDef method_descr_getset[] = {
    {"__text_signature__", method_descr_get_text_signature, NULL, NULL},
    DESCR_GETSET_(method_descr_get_doc)};
static const GetSetDef getset_descr_getset[] = {DESCR_GETSET_(getset_descr_get_doc)};
static const GetSetDef member_descr_getset[] = {DESCR_GETSET_(member_descr_get_doc)};

static int descr_check_instance(const char *name, Type *owner, Value instance) {
    if (!type_is_subtype(type_of(instance), owner)) {
        err_format(&exc_TypeError,
                   "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                   owner->name, obj_type_name(instance));
        return -1;
    }
    return 0;
}

static Value getset_descr_get(Value descr, Value instance, Value owner) {
    GetSetDescrObject *d = (GetSetDescrObject *)val_ptr(descr);
    if (!instance) {
        return descr;
    }
    if (descr_check_instance(d->def->name, d->owner, instance) < 0) {
        return 0;
    }
    return d->def->get(instance);
}

static int getset_descr_set(Value descr, Value instance, Value value) {
    GetSetDescrObject *d = (GetSetDescrObject *)val_ptr(descr);
    if (descr_check_instance(d->def->name, d->owner, instance) < 0) {
        return -1;
    }
    if (!d->def->set) {
        err_format(&exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                   d->def->name, d->owner->name);
        return -1;
    }
    return d->def->set(instance, value);
}

static Value member_descr_get(Value descr, Value instance, Value owner) {
    MemberDescrObject *d = (MemberDescrObject *)val_ptr(descr);
    if (!instance) {
        return descr;
    }
    if (descr_check_instance(d->def->name, d->owner, instance) < 0) {
        return 0;
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
    case MEMBER_DOUBLE_RO: {
        double x;
        memcpy(&x, field, sizeof x);
        return float_from_double(x);
    }
    }
    return 0;
}

static int member_descr_set(Value descr, Value instance, Value value) {
    MemberDescrObject *d = (MemberDescrObject *)val_ptr(descr);
    if (descr_check_instance(d->def->name, d->owner, instance) < 0) {
        return -1;
    }
    if (d->def->kind != MEMBER_VALUE) {
        err_format(&exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *field = (char *)val_ptr(instance) + d->def->offset;
    if (!value) {
        Value old;
        memcpy(&old, field, sizeof old);
        if (!old) {
            err_format(&exc_AttributeError, "%s", d->def->name);
            return -1;
        }
    }
    memcpy(field, &value, sizeof value);
    return 0;
}

// (getattr, (owner, name)): a builtin method descriptor pickles by name.
static Value method_descr_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MethodDescrObject *d = (MethodDescrObject *)val_ptr(self);
    Value fn = vm_builtins ? dict_get_cstr(vm_builtins, "getattr") : 0;
    Value name = fn ? str_intern_cstr(d->def->name) : 0;
    Value a = name ? tuple_pack2(val_from_ptr(d->owner), name) : 0;
    return a ? tuple_pack2(fn, a) : 0;
}

static const MethodDef method_descr_methods[] = {
    {"__reduce__", method_descr_m_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_method_descriptor = {
    .header = {&type_type},
    .name = "method_descriptor",
    .methods = method_descr_methods,
    .flags = TYPE_METHOD_DESCR | TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(MethodDescrObject),
    .base = &type_object,
    .trace = descr_trace,
    .repr = method_descr_repr,
    .descr_get = method_descr_get,
    .call = method_descr_call,
    .getset = method_descr_getset,
};

// The descriptor of a METH_CLASS method in a builtin type's dict (dict.fromkeys).
// Not TYPE_METHOD_DESCR: it binds to the class, not to the instance.
Type type_classmethod_descriptor = {
    .header = {&type_type},
    .name = "classmethod_descriptor",  // no __reduce__: CPython's does not pickle
    .flags = TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(MethodDescrObject),
    .base = &type_object,
    .trace = descr_trace,
    .repr = method_descr_repr,
    .descr_get = method_descr_get,
    .call = method_descr_call,
    .getset = method_descr_getset,
};

Type type_builtin_method = {
    .header = {&type_type},
    .name = "builtin_function_or_method",
    .flags = TYPE_HAS_WEAKREF | TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(BuiltinMethodObject),
    .base = &type_object,
    .trace = builtin_method_trace,
    .repr = builtin_method_repr,
    .hash = builtin_method_hash,
    .richcompare = builtin_method_richcompare,
    .call = builtin_method_call,
    .getset = builtin_method_getset,
    .methods = builtin_method_methods,
};

Type type_getset_descriptor = {
    .header = {&type_type},
    .name = "getset_descriptor",
    .flags = TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(GetSetDescrObject),
    .base = &type_object,
    .trace = descr_trace,
    .repr = getset_descr_repr,
    .descr_get = getset_descr_get,
    .descr_set = getset_descr_set,
    .getset = getset_descr_getset,
};

Type type_member_descriptor = {
    .header = {&type_type},
    .name = "member_descriptor",
    .flags = TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(MemberDescrObject),
    .base = &type_object,
    .trace = descr_trace,
    .repr = member_descr_repr,
    .descr_get = member_descr_get,
    .descr_set = member_descr_set,
    .getset = member_descr_getset,
};

// ---- readying static types --------------------------------------------------------

// Slots a type without its own inherits from its base. A type that defines
// equality but not hashing is unhashable (CPython sets __hash__ = None), so
// its hash is not inherited then.
void type_inherit_slots(Type *t, const Type *b) {
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
    INHERIT_(seq_concat)
    INHERIT_(seq_repeat)
    INHERIT_(trace)
    INHERIT_(free)
    INHERIT_(finalize)
    INHERIT_(init)
    INHERIT_(new_)
    INHERIT_(dict_offset)
    INHERIT_(item_size)
#undef INHERIT_
    for (int i = 0; i < BINOP__COUNT; i++) {
        if (!t->binop[i]) {
            t->binop[i] = b->binop[i];
        }
        if (!t->inplace[i]) {
            t->inplace[i] = b->inplace[i];
        }
    }
    if (!t->hash && !t->richcompare) {
        t->hash = b->hash;  // one that defines equality but not hashing stays unhashable
    }
    if (!t->richcompare) {
        t->richcompare = b->richcompare;  // defining only hashing keeps the base's equality
    }
    if (!t->basic_size) {
        t->basic_size = b->basic_size;
    }
    t->flags |= b->flags & (TYPE_INT_SUBCLASS | TYPE_STR_SUBCLASS | TYPE_BYTES_SUBCLASS |
                            TYPE_TUPLE_SUBCLASS | TYPE_LIST_SUBCLASS | TYPE_DICT_SUBCLASS |
                            TYPE_TYPE_SUBCLASS | TYPE_EXC_SUBCLASS | TYPE_HAS_WEAKREF |
                            TYPE_HAS_FINALIZER);
    if (t->finalize && !(t->flags & TYPE_FINALIZER_OPT_IN)) {
        t->flags |= TYPE_HAS_FINALIZER;
    }
}

Value descr_new(Type *descr_type, Type *t, const void *def) {
    // All three descriptor layouts are {header, def, owner}.
    MethodDescrObject *d = (MethodDescrObject *)gc_alloc(descr_type, sizeof(MethodDescrObject));
    if (!d) {
        return 0;
    }
    d->def = def;
    d->owner = t;
    return val_from_ptr(d);
}

static int add_descriptor(Type *t, const char *name, Type *descr_type, const void *def) {
    Value d = descr_new(descr_type, t, def);
    Value key = d ? str_intern_cstr(name) : 0;
    return key ? dict_set(t->dict, key, d) : -1;
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
        gc_trace_object(tr, (Object *)t->root_shape);
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
        if (type_names_init() < 0) {
            return -1;
        }
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
        if (m->flags & METH_STATIC) {
            // As CPython: a staticmethod holding the builtin function.
            Value f = builtin_method_new(m, val_from_ptr(t));
            Value sm = f ? staticmethod_new(f) : 0;
            Value key = sm ? str_intern_cstr(m->name) : 0;
            if (!key || dict_set(t->dict, key, sm) < 0) {
                return -1;
            }
            continue;
        }
        Type *kind = (m->flags & METH_CLASS) ? &type_classmethod_descriptor : &type_method_descriptor;
        if (add_descriptor(t, m->name, kind, m) < 0) {
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
    // The wrappers look at which slots the type defines itself: before inheriting.
    if (slots_add_wrappers(t) < 0) {
        return -1;
    }
    if (t->base) {
        type_inherit_slots(t, t->base);
        if (type_add_subclass(t->base, t) < 0) {
            return -1;
        }
    }
    if (!dict_get(t->dict, NAME(__doc__))) {
        Value doc = t->doc ? t->doc : VAL_NONE;
        if (dict_set(t->dict, NAME(__doc__), doc) < 0) {
            return -1;
        }
    }
    if (!(t->flags & (TYPE_HEAP | TYPE_HAS_FINALIZER)) && t->trace == NULL && t->free == NULL) {
        t->flags |= TYPE_GC_LEAF;
    }
    type_assign_version(t);
    return 0;
}

// ---- the generic attribute protocol ---------------------------------------------------

static Value *dict_slot_of(Value obj, Type *t) {
    return (Value *)((char *)val_ptr(obj) + t->dict_offset);
}

static Value no_attribute(Value obj, Value name) {
    return err_format(&exc_AttributeError, "'%s' object has no attribute '%s'",
                      obj_type_name(obj), str_obj(name)->data);
}

// The generic lookup; a missing attribute raises AttributeError unless
// `suppress`, which returns 0 with no exception set (CPython's
// _PyObject_GenericGetAttrWithDict with suppress=1: getattr(o, n, default)
// and hasattr need no message formatted only to be discarded).
static inline Value generic_getattr(Value obj, Value name, int suppress) {
    Type *t = type_of(obj);
    if (!val_is_str(name)) {
        return err_format(&exc_TypeError, "attribute name must be string, not '%s'",
                          obj_type_name(name));
    }
    Value descr = type_lookup(t, name);
    DescrGetFunc get = NULL;
    if (descr) {
        get = type_of(descr)->descr_get;
        if (get && type_of(descr)->descr_set) {
            return get(descr, obj, val_from_ptr(t));  // a data descriptor wins
        }
    } else if (err_occurred()) {
        return 0;
    }
    if (t->flags & TYPE_HAS_SHAPE) {
        Value v = instance_get_attr(obj, name);
        if (v || err_occurred()) {
            return v;
        }
    } else if (t->dict_offset) {
        Value d = *dict_slot_of(obj, t);
        if (d) {
            Value v = dict_get(d, name);
            if (v || err_occurred()) {
                return v;
            }
        }
    }
    if (get) {
        return get(descr, obj, val_from_ptr(t));
    }
    if (descr) {
        return descr;
    }
    return suppress ? 0 : no_attribute(obj, name);
}

Value object_generic_getattr(Value obj, Value name) {
    return generic_getattr(obj, name, 0);
}

int object_generic_setattr(Value obj, Value name, Value value) {
    Type *t = type_of(obj);
    if (!val_is_str(name)) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'",
                   obj_type_name(name));
        return -1;
    }
    Value descr = type_lookup(t, name);
    if (descr) {
        DescrSetFunc set = type_of(descr)->descr_set;
        if (set) {
            return set(descr, obj, value);
        }
    } else if (err_occurred()) {
        return -1;
    }
    if (t->flags & TYPE_HAS_SHAPE) {
        int r = instance_set_attr(obj, name, value);
        if (r == 1) {
            no_attribute(obj, name);
            return -1;
        }
        return r;
    }
    if (t->dict_offset) {
        Value *slot = dict_slot_of(obj, t);
        if (value) {
            if (!*slot && !(*slot = dict_new())) {
                return -1;
            }
            return dict_set(*slot, name, value);
        }
        int r = *slot ? dict_del(*slot, name) : 0;
        if (r == 0) {
            no_attribute(obj, name);
            return -1;
        }
        return r < 0 ? -1 : 0;
    }
    if (descr) {
        err_format(&exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name,
                   str_obj(name)->data);
    } else {
        no_attribute(obj, name);
    }
    return -1;
}

Value object_instance_attr(Value obj, Value name) {
    Type *t = type_of(obj);
    if (t->flags & TYPE_HAS_SHAPE) {
        return instance_get_attr(obj, name);
    }
    if (t->dict_offset) {
        Value d = *dict_slot_of(obj, t);
        return d ? dict_get(d, name) : 0;
    }
    return 0;
}

Value obj_lookup_special(Value obj, Value name) {
    Type *t = type_of(obj);
    Value descr = type_lookup(t, name);
    if (!descr) {
        return 0;
    }
    DescrGetFunc get = type_of(descr)->descr_get;
    return get ? get(descr, obj, val_from_ptr(t)) : descr;
}

// ---- attributes of type objects ------------------------------------------------------
// Data descriptors of the metatype win, then the type's own MRO (binding
// with descr_get(descr, NULL, type)), then the metatype's other attributes.
static Value type_getattr_impl(Value self, Value name, int suppress) {
    Type *t = (Type *)val_ptr(self);
    Type *meta = type_of(self);
    if (!val_is_str(name)) {
        return err_format(&exc_TypeError, "attribute name must be string, not '%s'",
                          obj_type_name(name));
    }
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
    if (suppress) {
        return 0;
    }
    return err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", t->name,
                      str_obj(name)->data);
}

static Value type_getattr(Value self, Value name) {
    return type_getattr_impl(self, name, 0);
}

Value obj_getattr_quiet(Value v, Value name, int *handled) {
    Type *t = type_of(v);
    *handled = 1;
    if (t->getattr == object_generic_getattr) {
        return generic_getattr(v, name, 1);
    }
    if (t->getattr == type_getattr) {
        return type_getattr_impl(v, name, 1);
    }
    *handled = 0;
    return 0;
}

// Setting a class attribute: data descriptors of the metatype first, else
// the class's dict; then the class and its subclasses get new versions, and
// their slots follow when the name is a dunder that feeds one.
static int type_setattr(Value self, Value name, Value value) {
    Type *t = (Type *)val_ptr(self);
    if (!val_is_str(name)) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'",
                   obj_type_name(name));
        return -1;
    }
    if (!(t->flags & TYPE_HEAP)) {
        err_format(&exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                   str_obj(name)->data, t->name);
        return -1;
    }
    Value key = name;
    if (type_of(name) != &type_str || !(str_obj(name)->flags & STR_INTERNED)) {
        key = str_intern(name);
        if (!key) {
            return -1;
        }
    }
    Type *meta = type_of(self);
    Value meta_attr = type_lookup(meta, key);
    if (meta_attr) {
        DescrSetFunc set = type_of(meta_attr)->descr_set;
        if (set) {
            return set(meta_attr, self, value);
        }
    } else if (err_occurred()) {
        return -1;
    }
    if (value) {
        if (dict_set(t->dict, key, value) < 0) {
            return -1;
        }
    } else {
        int r = dict_del(t->dict, key);
        if (r <= 0) {
            if (r == 0) {
                err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'",
                           t->name, str_obj(key)->data);
            }
            return -1;
        }
    }
    type_modified(t);
    if (slots_is_slot_name(key)) {
        return slots_update(t, key);
    }
    return 0;
}

static Value type_repr(Value self) {
    Type *t = (Type *)val_ptr(self);
    if (!(t->flags & TYPE_HEAP)) {
        return str_format_c("<class '%s'>", t->name);
    }
    Value mod = dict_get(t->dict, NAME(__module__));
    Value qual = ((HeapType *)t)->qualname;
    if (mod && val_is_str(mod) && !str_equal(mod, NAME(builtins))) {
        return str_format_c("<class '%U.%U'>", mod, qual);
    }
    err_clear();
    return str_format_c("<class '%U'>", qual);
}

// The part of a static type's tp_name after the last dot.
static const char *static_short_name(const Type *t) {
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

Value type_str_name(Type *t) {
    if (t->flags & TYPE_HEAP) {
        return ((HeapType *)t)->name_str;
    }
    return str_from_cstr(static_short_name(t));
}

Value type_qualname(Type *t) {
    if (t->flags & TYPE_HEAP) {
        return ((HeapType *)t)->qualname;
    }
    return str_from_cstr(static_short_name(t));
}

Value type_module_name(Type *t) {
    if (t->flags & TYPE_HEAP) {
        Value mod = dict_get(t->dict, NAME(__module__));
        if (!mod && !err_occurred()) {
            err_format(&exc_AttributeError, "__module__");
        }
        return mod;
    }
    const char *dot = strrchr(t->name, '.');
    if (dot) {
        return str_from_utf8(t->name, (size_t)(dot - t->name));
    }
    return NAME(builtins);
}

// ---- calling a type: creating instances ------------------------------------------------

#ifndef NDEBUG
// Debug builds check that a __new__ gave its object room for the type's whole
// layout: a C type's __new__ that allocates its own size for a subclass
// would let the subclass's attributes overwrite the next cell.
void type_check_new_layout(Value obj) {
    if (!val_is_ptr(obj)) {
        return;
    }
    Object *o = val_ptr(obj);
    size_t size = o->type->basic_size;
    if (size > sizeof(Object) && gc_find_object(o) == o &&
        gc_find_object((char *)o + size - 1) != o) {
        fprintf(stderr, "krait: %s.__new__ made an object smaller than its type's %zu bytes\n",
                o->type->name, size);
        abort();
    }
}
#endif
// t(...) is t.__new__(t, ...), then __init__ on the result if it is an
// instance of t (CPython's type_call). type(x) with one argument is x's type.
static Value type_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(callable);
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (t == &type_type) {
        if (nargs == 1 && nkw == 0) {
            return val_from_ptr(type_of(args[0]));
        }
        if (nargs == 1) {
            return err_format(&exc_TypeError, "type() takes no keyword arguments");
        }
        if (nargs != 3) {
            return err_format(&exc_TypeError, "type() takes 1 or 3 arguments");
        }
    }
    if (!t->new_) {
        return err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    }
    Value obj = t->new_(callable, args, nargs, kwnames);
    type_check_new_layout(obj);
    if (!obj || !type_is_subtype(type_of(obj), t)) {
        return obj;
    }
    Type *ot = type_of(obj);
    if (ot->init && !ot->init(obj, args, nargs, kwnames)) {
        return 0;
    }
    return obj;
}
