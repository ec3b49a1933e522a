// weakref.c - weakref.ref, weakref.proxy and the _weakref functions (see
// weakref.h). The collector owns the table from referents to their lists of
// references and clears references whose referent dies (gc.h); this file
// keeps each list in CPython's order and gives the objects their Python
// behaviour: calling a ref, its hash and equality (by referent while it is
// alive, by identity after), its repr, and proxies that forward every
// operation to the referent (ReferenceError once it is gone).
#include "weakref.h"

#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static inline WeakRefObject *wr_obj(Value v) { return (WeakRefObject *)val_ptr(v); }

int weakref_check(Value v) {
    return weakref_is_proxy(v) || (val_is_ptr(v) && type_is_subtype(type_of(v), &type_weakref));
}

// CPython's PyArg_UnpackTuple message: "<name> expected at least 1 argument, got 0".
static int check_nargs(const char *name, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    size_t n = nargs < min ? min : max;
    err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
               min == max ? "" : nargs < min ? "at least " : "at most ", n, n == 1 ? "" : "s",
               nargs);
    return -1;
}

static int no_keywords(const char *name, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

// ---- the lists ------------------------------------------------------------------------

// The basic ref and the basic proxy at the head of a list, if there.
static void basic_refs(GcWeakRef *head, GcWeakRef **ref, GcWeakRef **proxy) {
    *ref = *proxy = NULL;
    if (head != NULL && head->callback == 0 && head->header.type == &type_weakref) {
        *ref = head;
        head = head->next;
    }
    if (head != NULL && head->callback == 0 && weakref_is_proxy(val_from_ptr(head))) {
        *proxy = head;
    }
}

// Get the basic reference of `type` (ref or proxy) to obj, or make a new one
// and put it in obj's list where CPython would.
static Value weakref_create(Type *type, Value obj, Value callback) {
    Type *ot = type_of(obj);
    if (!(ot->flags & TYPE_HAS_WEAKREF) || !val_is_ptr(obj)) {
        return err_format(&exc_TypeError, "cannot create weak reference to '%s' object",
                          ot->name);
    }
    if (callback == VAL_NONE) {
        callback = 0;
    }
    int proxy = type == &type_weakproxy;
    Object *o = val_ptr(obj);
    GcWeakRef *ref, *prx;
    basic_refs(gc_weakrefs_of(o), &ref, &prx);
    if (!callback && type == &type_weakref && ref) {
        return val_from_ptr(ref);
    }
    if (!callback && proxy && prx) {
        return val_from_ptr(prx);
    }
    if (proxy && ot->call) {
        type = &type_weakcallableproxy;
    }
    WeakRefObject *w = (WeakRefObject *)gc_alloc(type, type->basic_size);
    if (!w) {
        return 0;
    }
    w->base.referent = o;
    w->base.callback = callback;
    w->hash = -1;
    // The allocation may have collected: the list may have lost dead members.
    GcWeakRef *head = gc_weakrefs_of(o);
    basic_refs(head, &ref, &prx);
    GcWeakRef *prev;
    if (!callback && type == &type_weakref) {
        prev = NULL;
    } else if (!callback && proxy) {
        prev = ref;
    } else {
        prev = prx ? prx : ref;
    }
    if (prev) {
        w->base.next = prev->next;
        prev->next = &w->base;
    } else {
        w->base.next = head;
        if (gc_set_weakrefs(o, &w->base) < 0) {
            w->base.referent = NULL;  // in no list: the collector could not clear it
            w->base.next = NULL;
            return 0;
        }
    }
    return val_from_ptr(w);
}

Value weakref_new_ref(Value obj, Value callback) {
    return weakref_create(&type_weakref, obj, callback);
}

Value weakref_new_proxy(Value obj, Value callback) {
    return weakref_create(&type_weakproxy, obj, callback);
}

Value weakref_referent(Value ref) {
    Object *o = wr_obj(ref)->base.referent;
    return o ? val_from_ptr(o) : VAL_NONE;
}

int64_t weakref_count(Value obj) {
    if (!(type_of(obj)->flags & TYPE_HAS_WEAKREF) || !val_is_ptr(obj)) {
        return 0;
    }
    int64_t n = 0;
    for (GcWeakRef *w = gc_weakrefs_of(val_ptr(obj)); w; w = w->next) {
        n++;
    }
    return n;
}

Value weakref_list(Value obj) {
    int64_t n = weakref_count(obj);
    Value list = list_new((size_t)n);
    if (!list || n == 0) {
        return list;
    }
    // Read the list after the allocation: a collection may have shortened it.
    for (GcWeakRef *w = gc_weakrefs_of(val_ptr(obj)); w; w = w->next) {
        if (list_append(list, val_from_ptr(w)) < 0) {
            return 0;
        }
    }
    return list;
}

// ---- weakref.ref --------------------------------------------------------------------------

static void weakref_trace(Object *o, GcTracer *t) {
    // Never the referent: that is what makes the reference weak.
    gc_trace_value(t, ((GcWeakRef *)o)->callback);
}

// ref.__new__(type, object[, callback]); keywords are ignored here and
// refused by __init__, as CPython does.
static Value weakref_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    if (check_nargs("__new__", nargs, 1, 2) < 0) {
        return 0;
    }
    return weakref_create((Type *)val_ptr(callable), args[0], nargs > 1 ? args[1] : 0);
}

static Value weakref_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords("ref", kwnames) < 0 || check_nargs("__init__", nargs, 1, 2) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value weakref_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords("weakref", kwnames) < 0 || check_nargs("weakref", nargs, 0, 0) < 0) {
        return 0;
    }
    return weakref_referent(self);
}

static int64_t weakref_hash(Value self) {
    WeakRefObject *w = wr_obj(self);
    if (w->hash != -1) {
        return w->hash;
    }
    if (!w->base.referent) {
        err_format(&exc_TypeError, "weak object has gone away");
        return -1;
    }
    int64_t h = obj_hash(val_from_ptr(w->base.referent));
    if (h == -1) {
        return -1;
    }
    w->hash = h;
    return h;
}

// Equal referents while both are alive; identity once either is dead.
// Only == and !=.
static Value weakref_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !weakref_check(a) || !weakref_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    Object *x = wr_obj(a)->base.referent, *y = wr_obj(b)->base.referent;
    if (!x || !y) {
        return val_bool((a == b) == (op == CMP_EQ));
    }
    return obj_richcompare(val_from_ptr(x), val_from_ptr(y), op);
}

static Value weakref_repr(Value self) {
    Object *o = wr_obj(self)->base.referent;
    if (!o) {
        return str_format_c("<weakref at %p; dead>", (void *)val_ptr(self));
    }
    Value obj = val_from_ptr(o);
    Value name = obj_getattr_opt(obj, str_intern_cstr("__name__"));
    if (!name && err_occurred()) {
        return 0;
    }
    if (name && val_is_str(name)) {
        return str_format_c("<weakref at %p; to '%s' at %p (%U)>", (void *)val_ptr(self),
                            o->type->name, (void *)o, name);
    }
    return str_format_c("<weakref at %p; to '%s' at %p>", (void *)val_ptr(self), o->type->name,
                        (void *)o);
}

static Value weakref_get_callback(Value self) {
    Value cb = wr_obj(self)->base.callback;
    return cb ? cb : VAL_NONE;
}

static const GetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_weakref = {
    .header = {&type_type},
    .name = "weakref.ReferenceType",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(WeakRefObject),
    .base = &type_object,
    .trace = weakref_trace,
    .repr = weakref_repr,
    .hash = weakref_hash,
    .richcompare = weakref_richcompare,
    .call = weakref_call,
    .new_ = weakref_new,
    .init = weakref_init,
    .getset = weakref_getset,
};

// ---- proxies ------------------------------------------------------------------------------

// The referent of a proxy, or 0 with ReferenceError; any other value as is.
static Value unwrap(Value v) {
    if (!weakref_is_proxy(v)) {
        return v;
    }
    Object *o = wr_obj(v)->base.referent;
    if (!o) {
        return err_format(&exc_ReferenceError, "weakly-referenced object no longer exists");
    }
    return val_from_ptr(o);
}

static Value proxy_repr(Value self) {
    Object *o = wr_obj(self)->base.referent;
    Object *shown = o ? o : &none_object;  // CPython shows the None it reads as dead
    return str_format_c("<weakproxy at %p to %s at %p>", (void *)val_ptr(self),
                        shown->type->name, (void *)shown);
}

static Value proxy_str(Value self) {
    Value o = unwrap(self);
    return o ? obj_str(o) : 0;
}

static Value proxy_getattr(Value self, Value name) {
    Value o = unwrap(self);
    return o ? obj_getattr(o, name) : 0;
}

static int proxy_setattr(Value self, Value name, Value value) {
    Value o = unwrap(self);
    return o ? obj_setattr(o, name, value) : -1;
}

static Value proxy_richcompare(Value a, Value b, CompareOp op) {
    Value x = unwrap(a), y = x ? unwrap(b) : 0;
    return y ? obj_richcompare(x, y, op) : 0;
}

static Value proxy_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value o = unwrap(self);
    return o ? obj_call(o, args, nargs, kwnames) : 0;
}

static Value proxy_binop(Value a, Value b, BinOp op) {
    Value x = unwrap(a), y = x ? unwrap(b) : 0;
    return y ? obj_binop(x, y, op) : 0;
}

static Value proxy_inplace(Value a, Value b, BinOp op) {
    Value x = unwrap(a), y = x ? unwrap(b) : 0;
    return y ? obj_inplace(x, y, op) : 0;
}

#define PROXY_BINOP_(name, dunder, rdunder, idunder, sym)                                  \
    static Value proxy_binop_##name(Value a, Value b) { return proxy_binop(a, b, BINOP_##name); } \
    static Value proxy_inplace_##name(Value a, Value b) {                                  \
        return proxy_inplace(a, b, BINOP_##name);                                        \
    }
BINOPS(PROXY_BINOP_)
#undef PROXY_BINOP_

static Value proxy_pow3(Value a, Value b, Value c) {
    Value x = unwrap(a), y = x ? unwrap(b) : 0, z = y ? unwrap(c) : 0;
    return z ? obj_pow3(x, y, z) : 0;
}

#define PROXY_UNARY_(fn, generic)              \
    static Value fn(Value self) {              \
        Value o = unwrap(self);                \
        return o ? generic(o) : 0;             \
    }
PROXY_UNARY_(proxy_neg, obj_neg)
PROXY_UNARY_(proxy_pos, obj_pos)
PROXY_UNARY_(proxy_abs, obj_abs)
PROXY_UNARY_(proxy_invert, obj_invert)
PROXY_UNARY_(proxy_index, obj_index)
#undef PROXY_UNARY_

// int(proxy) and float(proxy) are int(referent) and float(referent).
static Value proxy_to_int(Value self) {
    Value o = unwrap(self);
    return o ? obj_call1(val_from_ptr(&type_int), o) : 0;
}

static Value proxy_to_float(Value self) {
    Value o = unwrap(self);
    return o ? obj_call1(val_from_ptr(&type_float), o) : 0;
}

static int proxy_bool(Value self) {
    Value o = unwrap(self);
    return o ? obj_truthy(o) : -1;
}

static int64_t proxy_len(Value self) {
    Value o = unwrap(self);
    return o ? obj_len(o) : -1;
}

static Value proxy_getitem(Value self, Value key) {
    Value o = unwrap(self);
    return o ? obj_getitem(o, key) : 0;
}

static int proxy_setitem(Value self, Value key, Value value) {
    Value o = unwrap(self);
    return o ? obj_setitem(o, key, value) : -1;
}

static int proxy_contains(Value self, Value item) {
    Value o = unwrap(self);
    return o ? obj_contains(o, item) : -1;
}

static Value proxy_iter(Value self) {
    Value o = unwrap(self);
    return o ? obj_iter(o) : 0;
}

static Value proxy_iternext(Value self) {
    Value o = unwrap(self);
    if (!o) {
        return 0;
    }
    if (!type_of(o)->iternext) {
        return err_format(&exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                          obj_type_name(o));
    }
    return obj_next(o);
}

static Value proxy_m_bytes(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__bytes__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value o = unwrap(self);
    return o ? obj_call_method(o, "__bytes__", NULL, 0) : 0;
}

static Value proxy_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value o = unwrap(self);
    return o ? obj_call_method(o, "__reversed__", NULL, 0) : 0;
}

static const MethodDef proxy_methods[] = {
    {"__bytes__", proxy_m_bytes, METH_DEFAULT, NULL},
    {"__reversed__", proxy_m_reversed, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

// Proxies are made by weakref.proxy() only.
static Value proxy_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances",
                      ((Type *)val_ptr(callable))->name);
}

// Not hashable: a proxy's "value" changes when its referent dies. A type
// with richcompare and no hash inherits neither, so hash stays NULL.
#define PROXY_BINOP_SLOT_(name, dunder, rdunder, idunder, sym) [BINOP_##name] = proxy_binop_##name,
#define PROXY_INPLACE_SLOT_(name, dunder, rdunder, idunder, sym) \
    [BINOP_##name] = proxy_inplace_##name,
#define PROXY_TYPE_(cname, pyname, callslot)                                   \
    Type cname = {                                                             \
        .header = {&type_type},                                                \
        .name = pyname,                                                        \
        .basic_size = sizeof(WeakRefObject),                                   \
        .base = &type_object,                                                  \
        .trace = weakref_trace,                                                \
        .repr = proxy_repr,                                                    \
        .str = proxy_str,                                                      \
        .richcompare = proxy_richcompare,                                      \
        .getattr = proxy_getattr,                                              \
        .setattr = proxy_setattr,                                              \
        .call = callslot,                                                      \
        .new_ = proxy_new,                                                     \
        .bool_ = proxy_bool,                                                   \
        .iter = proxy_iter,                                                    \
        .iternext = proxy_iternext,                                            \
        .len = proxy_len,                                                      \
        .getitem = proxy_getitem,                                              \
        .setitem = proxy_setitem,                                              \
        .contains = proxy_contains,                                            \
        .binop = {BINOPS(PROXY_BINOP_SLOT_)},                                  \
        .inplace = {BINOPS(PROXY_INPLACE_SLOT_)},                              \
        .pow3 = proxy_pow3,                                                    \
        .neg = proxy_neg,                                                      \
        .pos = proxy_pos,                                                      \
        .abs = proxy_abs,                                                      \
        .invert = proxy_invert,                                                \
        .index = proxy_index,                                                  \
        .to_int = proxy_to_int,                                                \
        .to_float = proxy_to_float,                                            \
        .methods = proxy_methods,                                              \
    };
PROXY_TYPE_(type_weakproxy, "weakref.ProxyType", NULL)
PROXY_TYPE_(type_weakcallableproxy, "weakref.CallableProxyType", proxy_call)
#undef PROXY_TYPE_
#undef PROXY_BINOP_SLOT_
#undef PROXY_INPLACE_SLOT_

// ---- the _weakref module's functions ----------------------------------------------------------

Value weakref_m_getweakrefcount(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("_weakref.getweakrefcount", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return int_from_i64(weakref_count(args[0]));
}

Value weakref_m_getweakrefs(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("_weakref.getweakrefs", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return weakref_list(args[0]);
}

Value weakref_m_proxy(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords("_weakref.proxy", kwnames) < 0 || check_nargs("proxy", nargs, 1, 2) < 0) {
        return 0;
    }
    return weakref_new_proxy(args[0], nargs > 1 ? args[1] : 0);
}

// _remove_dead_weakref(dict, key): del dict[key] if it is a dead weakref.
Value weakref_m_remove_dead_weakref(Value self, const Value *args, size_t nargs,
                                    Value kwnames) {
    if (no_keywords("_remove_dead_weakref", kwnames) < 0 ||
        check_nargs("_remove_dead_weakref", nargs, 2, 2) < 0) {
        return 0;
    }
    if (!dict_check(args[0])) {
        return err_format(&exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                          obj_type_name(args[0]));
    }
    Value v = dict_get(args[0], args[1]);
    if (!v) {
        return err_occurred() ? 0 : VAL_NONE;
    }
    if (!weakref_check(v)) {
        return err_format(&exc_TypeError, "not a weakref");
    }
    if (!wr_obj(v)->base.referent && dict_del(args[0], args[1]) < 0) {
        if (!err_matches(&exc_KeyError)) {
            return 0;
        }
        err_clear();
    }
    return VAL_NONE;
}
