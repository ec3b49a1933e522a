// abcmodule.c - the `_abc` module: the C half of Lib/abc.py's ABCMeta, so
// that abc does not fall back on _py_abc (which imports _weakrefset and
// types, and runs every ABC's creation and isinstance() check in Python;
// site imports collections.abc's dozens of ABCs at every start).
//
// As CPython's Modules/_abc.c: each ABC gets an `_abc_data` in its
// `_abc_impl` attribute holding its registry (the classes register()
// added), its cache of known subclasses and its negative cache, each a set
// of weak references, and the negative cache's version: one global
// counter (get_cache_token()) moves whenever any ABC registers a class,
// which invalidates every negative cache. Membership tests make a weak
// reference to the class and look it up (weakrefs hash and compare as
// their referents). Entries of dead classes are not removed from the sets
// (CPython drops them with a callback); a dead reference equals nothing
// alive, so they only take room.
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/type_internal.h"
#include "../runtime/weakref.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct AbcData {
    Object header;
    Value registry, cache, negative_cache;  // sets of weakrefs, or 0 until first used
    int64_t negative_cache_version;
} AbcData;

static int64_t invalidation_counter;

static void abc_data_trace(Object *o, GcTracer *t) {
    AbcData *d = (AbcData *)o;
    gc_trace_value(t, d->registry);
    gc_trace_value(t, d->cache);
    gc_trace_value(t, d->negative_cache);
}

static Value abc_data_new(Value type, const Value *args, size_t nargs, Value kwnames);

static Type type_abc_data = {
    .header = {&type_type},
    .name = "_abc._abc_data",
    .basic_size = sizeof(AbcData),
    .base = &type_object,
    .trace = abc_data_trace,
    .new_ = abc_data_new,
};

static Value abc_data_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_abc_data", kwnames) < 0 ||
        args_check_positional("_abc_data", nargs, 0, 0) < 0) {
        return 0;
    }
    AbcData *d = (AbcData *)gc_alloc(&type_abc_data, sizeof(AbcData));
    if (!d) {
        return 0;
    }
    d->negative_cache_version = invalidation_counter;
    return val_from_ptr(d);
}

// cls._abc_impl, checked.
static AbcData *abc_impl(Value cls) {
    Value impl = obj_getattr_cstr(cls, "_abc_impl");
    if (!impl) {
        return NULL;
    }
    if (type_of(impl) != &type_abc_data) {
        err_format(&exc_TypeError, "_abc_impl is set to a wrong type");
        return NULL;
    }
    return (AbcData *)val_ptr(impl);
}

// Whether obj is in the weak set (a set that may not exist yet): 1, 0, -1.
static int in_weak_set(Value set, Value obj) {
    if (!set || set_len(set) == 0) {
        return 0;
    }
    Value ref = weakref_new_ref(obj, 0);
    if (!ref) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    return set_contains(set, ref);
}

static int add_to_weak_set(Value *set, Value obj) {
    if (!*set && !(*set = set_new(0))) {
        return -1;
    }
    Value ref = weakref_new_ref(obj, 0);
    return ref ? set_add(*set, ref) : -1;
}

// The referents of the live weakrefs of a weak set, as a list.
static Value weak_set_items(Value set) {
    Value out = list_new(0);
    size_t pos = 0;
    Value key;
    int64_t hash;
    while (out && set && set_next(set, &pos, &key, &hash)) {
        Value obj = weakref_referent(key);
        if (obj && obj != VAL_NONE && list_append(out, obj) < 0) {
            return 0;
        }
    }
    return out;
}

// getattr(value, "__isabstractmethod__", False) is true: 1, 0, -1.
static int is_abstract(Value value) {
    Value flag = obj_getattr_opt(value, str_intern_cstr("__isabstractmethod__"));
    if (!flag) {
        return err_occurred() ? -1 : 0;
    }
    return obj_truthy(flag);
}

// Set cls.__abstractmethods__: the abstract names of its namespace, and
// those of its bases' abstract methods that it still has abstract.
static int compute_abstract_methods(Value cls) {
    Value abstracts = set_new(0);
    Value ns = abstracts ? obj_getattr_cstr(cls, "__dict__") : 0;
    Value keys = ns ? obj_call_method(ns, "keys", NULL, 0) : 0;
    Value it = keys ? obj_iter(keys) : 0;
    if (!it) {
        return -1;
    }
    Value key;
    while ((key = obj_next(it))) {
        Value value = obj_getitem(ns, key);
        int r = value ? is_abstract(value) : -1;
        if (r < 0 || (r && set_add(abstracts, key) < 0)) {
            return -1;
        }
    }
    if (err_occurred()) {
        return -1;
    }
    Value bases = obj_getattr_cstr(cls, "__bases__");
    if (!bases) {
        return -1;
    }
    if (!val_is_ptr(bases) || type_of(bases) != &type_tuple) {
        err_format(&exc_TypeError, "__bases__ is not tuple");
        return -1;
    }
    for (size_t i = 0; i < tuple_obj(bases)->len; i++) {
        Value base_abstracts =
            obj_getattr_opt(tuple_obj(bases)->items[i], str_intern_cstr("__abstractmethods__"));
        if (!base_abstracts) {
            if (err_occurred()) {
                return -1;
            }
            continue;
        }
        Value bit = obj_iter(base_abstracts);
        if (!bit) {
            return -1;
        }
        while ((key = obj_next(bit))) {
            Value value = obj_getattr_opt(cls, key);
            if (!value) {
                if (err_occurred()) {
                    return -1;
                }
                continue;
            }
            int r = is_abstract(value);
            if (r < 0 || (r && set_add(abstracts, key) < 0)) {
                return -1;
            }
        }
        if (err_occurred()) {
            return -1;
        }
    }
    Value frozen = frozenset_new(abstracts);
    return frozen ? obj_setattr(cls, str_intern_cstr("__abstractmethods__"), frozen) : -1;
}

// _abc_init(cls): __abstractmethods__ and a fresh _abc_impl. A class body's
// __abc_tpflags__ (collections.abc's hint for pattern matching) is taken
// out of the class, as CPython does.
FN(abc_init) {
    if (method_check_args("_abc_init", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value cls = args[0];
    if (compute_abstract_methods(cls) < 0) {
        return 0;
    }
    Value data = abc_data_new(val_from_ptr(&type_abc_data), NULL, 0, 0);
    if (!data || obj_setattr(cls, str_intern_cstr("_abc_impl"), data) < 0) {
        return 0;
    }
    if (val_is_ptr(cls) && type_is_subtype(type_of(cls), &type_type)) {
        Type *t = (Type *)val_ptr(cls);
        Value flags = t->dict ? dict_get_cstr(t->dict, "__abc_tpflags__") : 0;
        if (flags && int_check(flags)) {
            // CPython's bits: 1 << 5 a sequence, 1 << 6 a mapping (match)
            Value masked = obj_binop(flags, val_from_smallint(0x60), BINOP_AND);
            int64_t v;
            if (!masked || int_to_i64(masked, &v) < 0) {
                return 0;
            }
            if ((v & 0x60) == 0x60) {
                return err_format(&exc_TypeError, "__abc_tpflags__ cannot be both "
                                                  "Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
            }
            t->flags |= (v & 0x20 ? TYPE_SEQUENCE : 0) | (v & 0x40 ? TYPE_MAPPING : 0);
        }
        if (flags && obj_setattr(cls, str_intern_cstr("__abc_tpflags__"), 0) < 0) {
            return 0;
        }
    }
    return VAL_NONE;
}

// A class registered with an ABC that is a sequence or a mapping for
// `match` becomes one too, with its subclasses (not builtin types, nor a
// class that already has that flag), as CPython's set_collection_flag_recursive.
static int set_collection_flag(Type *t, void *arg) {
    uint32_t flag = *(uint32_t *)arg;
    if (!(t->flags & TYPE_HEAP) || (t->flags & (TYPE_SEQUENCE | TYPE_MAPPING)) == flag) {
        return 0;
    }
    t->flags = (t->flags & ~(uint32_t)(TYPE_SEQUENCE | TYPE_MAPPING)) | flag;
    return type_each_subclass(t, set_collection_flag, arg);
}

// _abc_register(cls, subclass)
FN(abc_register) {
    if (method_check_args("_abc_register", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value cls = args[0], subclass = args[1];
    if (!val_is_ptr(subclass) || !type_is_subtype(type_of(subclass), &type_type)) {
        return err_format(&exc_TypeError, "Can only register classes");
    }
    int r = obj_issubclass(subclass, cls);
    if (r < 0) {
        return 0;
    }
    if (r) {
        return subclass;  // already a subclass
    }
    // Subtle: test for cycles *after* testing for "already a subclass";
    // this means we allow X.register(X) and interpret it as a no-op.
    r = obj_issubclass(cls, subclass);
    if (r < 0) {
        return 0;
    }
    if (r) {
        return err_format(&exc_RuntimeError, "Refusing to create an inheritance cycle");
    }
    AbcData *impl = abc_impl(cls);
    if (!impl || add_to_weak_set(&impl->registry, subclass) < 0) {
        return 0;
    }
    invalidation_counter++;  // invalidates every negative cache
    if (type_check(cls)) {
        uint32_t flag = type_ptr(cls)->flags & (TYPE_SEQUENCE | TYPE_MAPPING);
        if (flag && set_collection_flag(type_ptr(subclass), &flag) < 0) {
            return 0;
        }
    }
    return subclass;
}

// _abc_instancecheck(cls, instance)
FN(abc_instancecheck) {
    if (method_check_args("_abc_instancecheck", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value cls = args[0], instance = args[1];
    AbcData *impl = abc_impl(cls);
    if (!impl) {
        return 0;
    }
    Value subclass = obj_getattr_cstr(instance, "__class__");
    if (!subclass) {
        return 0;
    }
    int r = in_weak_set(impl->cache, subclass);
    if (r != 0) {
        return r < 0 ? 0 : VAL_TRUE;
    }
    Value subtype = val_from_ptr(type_of(instance));
    if (subtype == subclass) {
        if (impl->negative_cache_version == invalidation_counter) {
            r = in_weak_set(impl->negative_cache, subclass);
            if (r != 0) {
                return r < 0 ? 0 : VAL_FALSE;
            }
        }
        return obj_call_method(cls, "__subclasscheck__", &subclass, 1);
    }
    Value result = obj_call_method(cls, "__subclasscheck__", &subclass, 1);
    if (!result) {
        return 0;
    }
    r = obj_truthy(result);
    if (r != 0) {
        return r < 0 ? 0 : result;
    }
    return obj_call_method(cls, "__subclasscheck__", &subtype, 1);
}

// _abc_subclasscheck(cls, subclass)
FN(abc_subclasscheck) {
    if (method_check_args("_abc_subclasscheck", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value cls = args[0], subclass = args[1];
    if (!val_is_ptr(subclass) || !type_is_subtype(type_of(subclass), &type_type)) {
        return err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
    }
    AbcData *impl = abc_impl(cls);
    if (!impl) {
        return 0;
    }
    // 1. The cache.
    int r = in_weak_set(impl->cache, subclass);
    if (r != 0) {
        return r < 0 ? 0 : VAL_TRUE;
    }
    // 2. The negative cache, dropped when a registration happened since.
    if (impl->negative_cache_version < invalidation_counter) {
        if (impl->negative_cache) {
            set_clear(impl->negative_cache);
        }
        impl->negative_cache_version = invalidation_counter;
    } else {
        r = in_weak_set(impl->negative_cache, subclass);
        if (r != 0) {
            return r < 0 ? 0 : VAL_FALSE;
        }
    }
    // 3. The subclass hook.
    Value ok = obj_call_method(cls, "__subclasshook__", &subclass, 1);
    if (!ok) {
        return 0;
    }
    if (ok == VAL_TRUE) {
        return add_to_weak_set(&impl->cache, subclass) < 0 ? 0 : VAL_TRUE;
    }
    if (ok == VAL_FALSE) {
        return add_to_weak_set(&impl->negative_cache, subclass) < 0 ? 0 : VAL_FALSE;
    }
    if (ok != VAL_NOTIMPLEMENTED) {
        return err_format(&exc_AssertionError, "__subclasshook__ must return either False, True, "
                                               "or NotImplemented");
    }
    // 4. A direct subclass: cls in subclass.__mro__.
    Value mro = obj_getattr_opt(subclass, str_intern_cstr("__mro__"));
    if (!mro && err_occurred()) {
        return 0;
    }
    if (mro && val_is_ptr(mro) && type_of(mro) == &type_tuple) {
        for (size_t i = 0; i < tuple_obj(mro)->len; i++) {
            if (tuple_obj(mro)->items[i] == cls) {
                return add_to_weak_set(&impl->cache, subclass) < 0 ? 0 : VAL_TRUE;
            }
        }
    }
    // 5. A registered class (answered without caching it), or a subclass
    // of one (recursively).
    r = in_weak_set(impl->registry, subclass);
    if (r != 0) {
        return r < 0 ? 0 : VAL_TRUE;
    }
    Value registered = weak_set_items(impl->registry);
    if (!registered) {
        return 0;
    }
    for (size_t i = 0; i < list_obj(registered)->len; i++) {
        r = obj_issubclass(subclass, list_obj(registered)->items[i]);
        if (r < 0) {
            return 0;
        }
        if (r) {
            return add_to_weak_set(&impl->cache, subclass) < 0 ? 0 : VAL_TRUE;
        }
    }
    // 6. A subclass of a subclass (recursively).
    Value subclasses = obj_call_method(cls, "__subclasses__", NULL, 0);
    if (!subclasses) {
        return 0;
    }
    if (!list_check(subclasses)) {
        return err_format(&exc_TypeError, "__subclasses__() must return a list");
    }
    for (size_t i = 0; i < list_obj(subclasses)->len; i++) {
        r = obj_issubclass(subclass, list_obj(subclasses)->items[i]);
        if (r < 0) {
            return 0;
        }
        if (r) {
            return add_to_weak_set(&impl->cache, subclass) < 0 ? 0 : VAL_TRUE;
        }
    }
    // No dice: the negative cache.
    return add_to_weak_set(&impl->negative_cache, subclass) < 0 ? 0 : VAL_FALSE;
}

// _get_dump(cls): (registry, cache, negative cache, negative cache version),
// the sets holding weak references, for tests and debugging.
FN(abc_get_dump) {
    if (method_check_args("_get_dump", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    AbcData *impl = abc_impl(args[0]);
    if (!impl) {
        return 0;
    }
    Value r = set_new(impl->registry ? impl->registry : 0);
    Value c = r ? set_new(impl->cache ? impl->cache : 0) : 0;
    Value n = c ? set_new(impl->negative_cache ? impl->negative_cache : 0) : 0;
    Value v = n ? int_from_i64(impl->negative_cache_version) : 0;
    return v ? tuple_from((Value[]){r, c, n, v}, 4) : 0;
}

FN(abc_reset_registry) {
    if (method_check_args("_reset_registry", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    AbcData *impl = abc_impl(args[0]);
    if (!impl) {
        return 0;
    }
    if (impl->registry) {
        set_clear(impl->registry);
    }
    return VAL_NONE;
}

FN(abc_reset_caches) {
    if (method_check_args("_reset_caches", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    AbcData *impl = abc_impl(args[0]);
    if (!impl) {
        return 0;
    }
    if (impl->cache) {
        set_clear(impl->cache);
    }
    if (impl->negative_cache) {
        set_clear(impl->negative_cache);
    }
    return VAL_NONE;
}

FN(abc_get_cache_token) {
    if (method_check_args("get_cache_token", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(invalidation_counter);
}

static const MethodDef abc_functions[] = {
    {"get_cache_token", abc_get_cache_token, METH_DEFAULT,
     "Returns the current ABC cache token."},
    {"_abc_init", abc_init, METH_DEFAULT, "Internal ABC helper for class set-up."},
    {"_reset_registry", abc_reset_registry, METH_DEFAULT, "Internal ABC helper to reset registry of a given class."},
    {"_reset_caches", abc_reset_caches, METH_DEFAULT, "Internal ABC helper to reset both caches of a given class."},
    {"_get_dump", abc_get_dump, METH_DEFAULT, "Internal ABC helper for cache and registry debugging."},
    {"_abc_register", abc_register, METH_DEFAULT, "Internal ABC helper for subclasss registration."},
    {"_abc_instancecheck", abc_instancecheck, METH_DEFAULT, "Internal ABC helper for instance checks."},
    {"_abc_subclasscheck", abc_subclasscheck, METH_DEFAULT, "Internal ABC helper for subclasss checks."},
    {NULL, NULL, 0, NULL},
};

Value abc_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_abc_data) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_abc");
    if (!m || module_add_functions(m, abc_functions) < 0 ||
        module_add(m, "_abc_data", val_from_ptr(&type_abc_data)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Module contains faster C implementation of "
                                               "abc.ABCMeta")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
