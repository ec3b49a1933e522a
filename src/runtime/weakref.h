// weakref.h - weak references: weakref.ref (ReferenceType) and weakref.proxy
// (ProxyType, CallableProxyType), built on the collector's weak table
// (gc.h: GcWeakRef). The `_weakref` module (src/modules/) exposes them.
//
// Which objects can be weakly referenced is a type flag, TYPE_HAS_WEAKREF
// (object.h); a weak reference to anything else raises CPython's TypeError
// "cannot create weak reference to 'int' object".
//
// An object's weak references form one list, in CPython's order: the
// "basic" ref (exact weakref.ref, no callback) first, then the basic proxy
// (no callback), then every other one, newest first. ref(o) and proxy(o)
// without a callback return the basic one when it exists. When the
// referent dies, each reference is cleared; the callbacks of those still
// alive are then called in list order (finalize.c), with the reference as
// argument.
#ifndef KRAIT_WEAKREF_H
#define KRAIT_WEAKREF_H

#include "gc.h"
#include "object.h"

typedef struct WeakRefObject {
    GcWeakRef base;          // referent, list link, callback (the collector's part)
    int64_t hash;            // the referent's hash once computed, else -1
} WeakRefObject;

extern Type type_weakref, type_weakproxy, type_weakcallableproxy;

static inline int weakref_is_proxy(Value v) {
    Type *t = type_of(v);
    return t == &type_weakproxy || t == &type_weakcallableproxy;
}

// A weakref.ref (or subclass) or a proxy: CPython's PyWeakref_Check.
int weakref_check(Value v);

// ref(obj, callback) and proxy(obj, callback); callback 0 or None for none.
// 0 with TypeError for an object that cannot be weakly referenced.
Value weakref_new_ref(Value obj, Value callback);
Value weakref_new_proxy(Value obj, Value callback);

// The referent of a ref or proxy, or None once it has died.
Value weakref_referent(Value ref);

// getweakrefcount(obj) and getweakrefs(obj) (a new list; 0 on MemoryError).
int64_t weakref_count(Value obj);
Value weakref_list(Value obj);

// The functions of the _weakref module (MethodDef signatures, self unused).
Value weakref_m_getweakrefcount(Value self, const Value *args, size_t nargs, Value kwnames);
Value weakref_m_getweakrefs(Value self, const Value *args, size_t nargs, Value kwnames);
Value weakref_m_proxy(Value self, const Value *args, size_t nargs, Value kwnames);
Value weakref_m_remove_dead_weakref(Value self, const Value *args, size_t nargs,
                                    Value kwnames);

#endif
