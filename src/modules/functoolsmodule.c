// functoolsmodule.c - the `_functools` module: reduce, cmp_to_key and
// partial, which Lib/functools.py takes in place of its pure versions.
// _lru_cache_wrapper is not here: functools.py's pure lru_cache is used
// (it imports ours only if present).
//
// partial flattens as CPython's does: partial(p, ...) of a partial `p`
// whose type calls like partial (partial or a subclass that does not
// override __call__) and that has no instance __dict__ takes over p's
// function, arguments and keywords instead of wrapping p.
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/genericalias.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- reduce ------------------------------------------------------------------------------------

FN(functools_reduce) {
    if (args_no_keywords("reduce", kwnames) < 0 ||
        args_check_positional("reduce", nargs, 2, 3) < 0) {
        return 0;
    }
    Value func = args[0];
    Value it = obj_iter(args[1]);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return 0;
    }
    Value acc = nargs == 3 ? args[2] : 0;
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            if (err_occurred()) {
                return 0;
            }
            break;
        }
        if (!acc) {
            acc = item;
            continue;
        }
        acc = obj_call2(func, acc, item);
        if (!acc) {
            return 0;
        }
    }
    if (!acc) {
        return err_format(&exc_TypeError, "reduce() of empty iterable with no initial value");
    }
    return acc;
}

// ---- cmp_to_key ---------------------------------------------------------------------------------

// functools.KeyWrapper: made by cmp_to_key(mycmp); calling it with an
// object wraps the object in another KeyWrapper holding both, whose
// comparisons call mycmp(self.obj, other.obj) and compare the result to 0.
typedef struct KeyWrapperObject {
    Object header;
    Value cmp;
    Value object;   // 0 in the wrapper cmp_to_key returns
} KeyWrapperObject;

static Type type_keywrapper;

static KeyWrapperObject *kw_of(Value v) {
    return (KeyWrapperObject *)val_ptr(v);
}

static void keywrapper_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((KeyWrapperObject *)o)->cmp);
    gc_trace_value(t, ((KeyWrapperObject *)o)->object);
}

static Value keywrapper_make(Value cmp, Value object) {
    KeyWrapperObject *k = (KeyWrapperObject *)gc_alloc(&type_keywrapper, sizeof(KeyWrapperObject));
    if (!k) {
        return 0;
    }
    k->cmp = cmp;
    k->object = object;
    return val_from_ptr(k);
}

static Value keywrapper_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"obj", NULL};
    static const ArgSpec spec = {"K", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return keywrapper_make(kw_of(self)->cmp, a[0]);
}

static Value keywrapper_richcompare(Value a, Value b, CompareOp op) {
    if (type_of(b) != &type_keywrapper) {
        return err_format(&exc_TypeError, "other argument must be K instance");
    }
    Value x = kw_of(a)->object, y = kw_of(b)->object;
    if (!x || !y) {
        return err_format(&exc_AttributeError, "object");
    }
    Value r = obj_call2(kw_of(a)->cmp, x, y);
    if (!r) {
        return 0;
    }
    if (val_is_smallint(r)) {
        // the usual answer of a cmp function: compare it with 0 here
        int64_t c = val_smallint(r);
        switch (op) {
        case CMP_LT: return val_bool(c < 0);
        case CMP_LE: return val_bool(c <= 0);
        case CMP_EQ: return val_bool(c == 0);
        case CMP_NE: return val_bool(c != 0);
        case CMP_GT: return val_bool(c > 0);
        case CMP_GE: return val_bool(c >= 0);
        }
    }
    return obj_richcompare(r, val_from_smallint(0), op);
}

static Value keywrapper_get_obj(Value self) {
    Value o = kw_of(self)->object;
    return o ? o : err_format(&exc_AttributeError, "obj");
}

static int keywrapper_set_obj(Value self, Value value) {
    kw_of(self)->object = value;
    return 0;
}

static const GetSetDef keywrapper_getset[] = {
    {"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."},
    {NULL, NULL, NULL, NULL},
};

static Type type_keywrapper = {
    .header = {&type_type},
    .name = "functools.KeyWrapper",
    .basic_size = sizeof(KeyWrapperObject),
    .base = &type_object,
    .trace = keywrapper_trace,
    .call = keywrapper_call,
    .hash = hash_unhashable,
    .richcompare = keywrapper_richcompare,
    .getset = keywrapper_getset,
};

FN(functools_cmp_to_key) {
    static const char *const names[] = {"mycmp", NULL};
    static const ArgSpec spec = {"cmp_to_key", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return keywrapper_make(a[0], 0);
}

// ---- partial -------------------------------------------------------------------------------------

typedef struct PartialObject {
    Object header;
    Value fn;
    Value args;    // a tuple
    Value kw;      // a dict
    Value dict;    // the instance __dict__, 0 until needed
} PartialObject;

static Type type_partial;

static PartialObject *pt(Value v) {
    return (PartialObject *)val_ptr(v);
}

static void partial_trace(Object *o, GcTracer *t) {
    PartialObject *p = (PartialObject *)o;
    gc_trace_value(t, p->fn);
    gc_trace_value(t, p->args);
    gc_trace_value(t, p->kw);
    gc_trace_value(t, p->dict);
}

static Value partial_call(Value self, const Value *args, size_t nargs, Value kwnames);

static Value partial_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (nargs < 1) {
        return err_format(&exc_TypeError, "type 'partial' takes at least one argument");
    }
    Value fn = args[0];
    Value pargs = 0, pkw = 0;
    if (val_is_ptr(fn) && type_of(fn)->call == partial_call && !pt(fn)->dict) {
        pargs = pt(fn)->args;
        pkw = pt(fn)->kw;
        fn = pt(fn)->fn;
    }
    if (!type_of(fn)->call) {
        return err_format(&exc_TypeError, "the first argument must be callable");
    }
    size_t nown = nargs - 1, nold = pargs ? tuple_obj(pargs)->len : 0;
    Value all = tuple_new(nold + nown);
    if (!all) {
        return 0;
    }
    for (size_t i = 0; i < nold; i++) {
        tuple_obj(all)->items[i] = tuple_obj(pargs)->items[i];
    }
    for (size_t i = 0; i < nown; i++) {
        tuple_obj(all)->items[nold + i] = args[1 + i];
    }
    Value kw = pkw ? dict_copy(pkw) : dict_new();
    if (!kw) {
        return 0;
    }
    size_t nkw = args_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (dict_set(kw, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) {
            return 0;
        }
    }
    Type *t = type_ptr(type);
    PartialObject *p = (PartialObject *)gc_alloc(t, t->basic_size);
    if (!p) {
        return 0;
    }
    p->fn = fn;
    p->args = all;
    p->kw = kw;
    return val_from_ptr(p);
}

// fn(*self.args, *args, **{**self.kw, **kwargs})
static Value partial_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    PartialObject *p = pt(self);
    size_t nold = tuple_obj(p->args)->len;
    size_t ncall_kw = args_nkw(kwnames);
    if (nold == 0 && dict_len(p->kw) == 0) {
        return obj_call(p->fn, args, nargs, kwnames);
    }
    Value kw = p->kw;
    if (ncall_kw) {
        kw = dict_copy(p->kw);
        if (!kw) {
            return 0;
        }
        for (size_t i = 0; i < ncall_kw; i++) {
            if (dict_set(kw, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) {
                return 0;
            }
        }
    }
    size_t nkw = (size_t)dict_len(kw);
    Value names = nkw ? tuple_new(nkw) : 0;
    Value vec = tuple_new(nold + nargs + nkw);  // a GC-visible argument vector
    if ((nkw && !names) || !vec) {
        return 0;
    }
    Value *v = tuple_obj(vec)->items;
    for (size_t i = 0; i < nold; i++) {
        v[i] = tuple_obj(p->args)->items[i];
    }
    for (size_t i = 0; i < nargs; i++) {
        v[nold + i] = args[i];
    }
    size_t pos = 0, k = 0;
    Value key, value;
    while (dict_next(kw, &pos, &key, &value)) {
        if (!val_is_str(key)) {
            // p.keywords is a plain dict anyone may add to
            return err_format(&exc_TypeError, "keywords must be strings");
        }
        tuple_obj(names)->items[k] = key;
        v[nold + nargs + k] = value;
        k++;
    }
    return obj_call(p->fn, v, nold + nargs, names);
}

static Value partial_repr(Value self) {
    int r = repr_enter(self);
    if (r != 0) {
        return r < 0 ? 0 : str_from_cstr("...");
    }
    PartialObject *p = pt(self);
    StrBuf sb;
    sb_init(&sb);
    Value result = 0;
    if (repr_append(&sb, p->fn) < 0) {
        goto done;
    }
    for (size_t i = 0; i < tuple_obj(p->args)->len; i++) {
        sb_put(&sb, ", ", 2);
        if (repr_append(&sb, tuple_obj(p->args)->items[i]) < 0) {
            goto done;
        }
    }
    size_t pos = 0;
    Value key, value;
    while (dict_next(p->kw, &pos, &key, &value)) {
        Value ks = obj_str(key);
        if (!ks) {
            goto done;
        }
        sb_put(&sb, ", ", 2);
        sb_put(&sb, str_obj(ks)->data, str_obj(ks)->nbytes);
        sb_put(&sb, "=", 1);
        if (repr_append(&sb, value) < 0) {
            goto done;
        }
    }
    Value inner = str_from_strbuf(&sb);
    result = inner ? str_format_c("%s(%U)", type_of(self)->name, inner) : 0;
    repr_leave(self);
    return result;
done:
    sb_free(&sb);
    repr_leave(self);
    return 0;
}

// The instance __dict__, or None when absent or empty.
static Value partial_state_dict(Value self) {
    Value d = obj_getattr_opt(self, str_intern_cstr("__dict__"));
    if (!d) {
        return err_occurred() ? 0 : VAL_NONE;
    }
    if (dict_check(d) && dict_len(d) == 0) {
        return VAL_NONE;
    }
    return d;
}

FN(partial_reduce) {
    if (method_check_args("partial.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PartialObject *p = pt(self);
    Value d = partial_state_dict(self);
    Value fnt = d ? tuple_from(&p->fn, 1) : 0;
    if (!fnt) {
        return 0;
    }
    Value state[4] = {p->fn, p->args, p->kw, d};
    Value st = tuple_from(state, 4);
    Value r[3] = {val_from_ptr(type_of(self)), fnt, st};
    return st ? tuple_from(r, 3) : 0;
}

FN(partial_setstate) {
    if (method_check_args("partial.__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value state = args[0];
    if (!tuple_check(state) || tuple_obj(state)->len != 4) {
        return err_format(&exc_TypeError, "invalid partial state");
    }
    Value *s = tuple_obj(state)->items;
    if ( !type_of(s[0])->call || !tuple_check(s[1]) ||
        (s[2] != VAL_NONE && !dict_check(s[2])) || (s[3] != VAL_NONE && !dict_check(s[3]))) {
        return err_format(&exc_TypeError, "invalid partial state");
    }
    Value fargs = s[1];
    if (!tuple_check_exact(fargs)) {
        fargs = tuple_from(tuple_obj(fargs)->items, tuple_obj(fargs)->len);
    }
    Value kw = s[2] == VAL_NONE ? dict_new() : dict_check_exact(s[2]) ? s[2] : dict_copy(s[2]);
    if (!fargs || !kw) {
        return 0;
    }
    PartialObject *p = pt(self);
    p->fn = s[0];
    p->args = fargs;
    p->kw = kw;
    if (s[3] == VAL_NONE) {
        p->dict = 0;
    } else if (obj_setattr(self, str_intern_cstr("__dict__"), s[3]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static const MethodDef partial_methods[] = {
    {"__reduce__", partial_reduce, METH_DEFAULT, NULL},
    {"__setstate__", partial_setstate, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef partial_members[] = {
    {"func", MEMBER_VALUE_RO, offsetof(PartialObject, fn), "function object to use in future partial calls"},
    {"args", MEMBER_VALUE_RO, offsetof(PartialObject, args), "tuple of arguments to future partial calls"},
    {"keywords", MEMBER_VALUE_RO, offsetof(PartialObject, kw), "dictionary of keyword arguments to future partial calls"},
    {NULL, 0, 0, NULL},
};

static const GetSetDef partial_getset[] = {
    {"__dict__", object_get_dict, object_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_partial = {
    .header = {&type_type},
    .name = "functools.partial",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(PartialObject),
    .base = &type_object,
    .trace = partial_trace,
    .new_ = partial_tp_new,
    .call = partial_call,
    .repr = partial_repr,
    .methods = partial_methods,
    .members = partial_members,
    .getset = partial_getset,
    .dict_offset = offsetof(PartialObject, dict),
};


// ---- _lru_cache_wrapper ----------------------------------------------------------------------
//
// functools.lru_cache's C half: the cache is a dict from the call's key to
// its result, in least- to most-recently used order (a hit moves its entry
// to the end; a full bounded cache drops its first entry). The key of a
// call is its one str or int argument itself, else a tuple of the
// arguments, then a marker and the keyword names and values, then (typed)
// the arguments' types, as CPython's lru_cache_make_key.

typedef struct LruCacheObject {
    Object header;
    Value func;
    Value cache;            // dict
    Value cache_info_type;
    Value dict;             // __dict__ (update_wrapper's attributes), 0 until needed
    int64_t maxsize;        // -1: unbounded
    int typed;
    int64_t hits, misses;
} LruCacheObject;

static Type type_lru_cache;

static LruCacheObject *lru(Value v) { return (LruCacheObject *)val_ptr(v); }

static void lru_trace(Object *o, GcTracer *t) {
    LruCacheObject *c = (LruCacheObject *)o;
    gc_trace_value(t, c->func);
    gc_trace_value(t, c->cache);
    gc_trace_value(t, c->cache_info_type);
    gc_trace_value(t, c->dict);
}

static Value lru_make_key(const Value *args, size_t nargs, Value kwnames, int typed) {
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (!nkw && !typed && nargs == 1 &&
        (val_is_smallint(args[0]) || type_of(args[0]) == &type_int ||
         type_of(args[0]) == &type_str)) {
        return args[0];
    }
    size_t n = nargs + (nkw ? 1 + 2 * nkw : 0) + (typed ? nargs + nkw : 0);
    Value key = tuple_new(n);
    if (!key) {
        return 0;
    }
    Value *items = tuple_obj(key)->items;
    size_t k = 0;
    for (size_t i = 0; i < nargs; i++) {
        items[k++] = args[i];
    }
    if (nkw) {
        items[k++] = val_from_ptr(&type_lru_cache);  // the keyword marker
        for (size_t i = 0; i < nkw; i++) {
            items[k++] = tuple_obj(kwnames)->items[i];
            items[k++] = args[nargs + i];
        }
    }
    if (typed) {
        for (size_t i = 0; i < nargs + nkw; i++) {
            items[k++] = val_from_ptr(type_of(args[i]));
        }
    }
    return key;
}

static Value lru_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    LruCacheObject *c = lru(self);
    if (c->maxsize == 0) {
        c->misses++;
        return obj_call(c->func, args, nargs, kwnames);
    }
    Value key = lru_make_key(args, nargs, kwnames, c->typed);
    if (!key) {
        return 0;
    }
    // the key is hashed once per call (as CPython: its arguments' __hash__
    // may be slow, or count its calls)
    int64_t hash = obj_hash(key);
    if (hash == -1) {
        return 0;
    }
    Value hit = dict_get_hash(c->cache, key, hash);
    if (hit) {
        c->hits++;
        if (c->maxsize > 0 && (dict_del_hash(c->cache, key, hash) < 0 ||
                               dict_set_hash(c->cache, key, hash, hit) < 0)) {
            return 0;  // (moved to the most recent end)
        }
        return hit;
    }
    if (err_occurred()) {
        return 0;
    }
    c->misses++;
    Value r = obj_call(c->func, args, nargs, kwnames);
    if (!r) {
        return 0;
    }
    c = lru(self);
    if (c->maxsize > 0) {
        int there = dict_contains_hash(c->cache, key, hash);
        if (there != 0) {
            return there < 0 ? 0 : r;  // the call itself cached this key meanwhile
        }
        if (dict_len(c->cache) >= c->maxsize) {
            size_t pos = 0;
            Value oldest, v;
            int64_t oldest_hash;
            if (dict_next_hash(c->cache, &pos, &oldest, &v, &oldest_hash) &&
                dict_del_hash(c->cache, oldest, oldest_hash) < 0) {
                return 0;
            }
        }
    }
    return dict_set_hash(c->cache, key, hash, r) < 0 ? 0 : r;
}

static Value lru_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"user_function", "maxsize", "typed", "cache_info_type",
                                        NULL};
    static const ArgSpec spec = {"lru_cache", 0, names, 4, 4, 0};
    Value a[4];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!type_of(a[0])->call) {
        return err_format(&exc_TypeError, "the first argument must be callable");
    }
    int64_t maxsize = -1;
    if (a[1] != VAL_NONE) {
        if (!int_check(a[1])) {
            return err_format(&exc_TypeError, "maxsize should be integer or None");
        }
        if (obj_as_int64(a[1], &maxsize) < 0) {
            if (!err_matches(&exc_OverflowError)) {
                return 0;
            }
            err_clear();
            maxsize = INT64_MAX;
        }
        if (maxsize < 0) {
            maxsize = 0;
        }
    }
    int typed = obj_truthy(a[2]);
    if (typed < 0) {
        return 0;
    }
    Value cache = dict_new();
    Type *t = (Type *)val_ptr(type);
    LruCacheObject *c = cache ? (LruCacheObject *)gc_alloc(t, t->basic_size) : NULL;
    if (!c) {
        return 0;
    }
    c->func = a[0];
    c->cache = cache;
    c->cache_info_type = a[3];
    c->maxsize = maxsize;
    c->typed = typed;
    return val_from_ptr(c);
}

static Value lru_m_cache_info(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("cache_info", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    LruCacheObject *c = lru(self);
    Value items[4] = {int_from_i64(c->hits), int_from_i64(c->misses),
                      c->maxsize < 0 ? VAL_NONE : int_from_i64(c->maxsize),
                      int_from_i64(dict_len(c->cache))};
    for (int i = 0; i < 4; i++) {
        if (!items[i]) {
            return 0;
        }
    }
    return obj_call(c->cache_info_type, items, 4, 0);
}

static Value lru_m_cache_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("cache_clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    LruCacheObject *c = lru(self);
    c->hits = c->misses = 0;
    dict_clear(c->cache);
    return VAL_NONE;
}

// Pickled by name, like the function it wraps.
static Value lru_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return obj_getattr_cstr(self, "__qualname__");
}

static Value lru_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return self;
}

static Value lru_m_deepcopy(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__deepcopy__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return self;
}

// Looked up on an instance it binds, as the function it wraps would.
static Value lru_descr_get(Value self, Value instance, Value owner) {
    (void)owner;
    if (!instance || instance == VAL_NONE) {
        return self;
    }
    return method_new(self, instance);
}

static const MethodDef lru_methods[] = {
    {"cache_info", lru_m_cache_info, METH_DEFAULT, "Report cache statistics"},
    {"cache_clear", lru_m_cache_clear, METH_DEFAULT, "Clear the cache and cache statistics"},
    {"__reduce__", lru_m_reduce, METH_DEFAULT, NULL},
    {"__copy__", lru_m_copy, METH_DEFAULT, NULL},
    {"__deepcopy__", lru_m_deepcopy, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef lru_getset[] = {
    {"__dict__", object_get_dict, object_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_lru_cache = {
    .header = {&type_type},
    .name = "functools._lru_cache_wrapper",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(LruCacheObject),
    .base = &type_object,
    .trace = lru_trace,
    .new_ = lru_tp_new,
    .call = lru_call,
    .descr_get = lru_descr_get,
    .methods = lru_methods,
    .getset = lru_getset,
    .dict_offset = offsetof(LruCacheObject, dict),
};

// ---- the module -------------------------------------------------------------------------------------

static const MethodDef functools_functions[] = {
    {"reduce", functools_reduce, METH_DEFAULT,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments "
     "cumulatively to the items of a sequence or iterable, from left to right, so as to reduce "
     "the iterable to a single value."},
    {"cmp_to_key", functools_cmp_to_key, METH_DEFAULT,
     "Convert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL},
};

Value functools_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_keywrapper) < 0 || type_ready(&type_partial) < 0 ||
        type_ready(&type_lru_cache) < 0 ||
        generic_alias_install_type(&type_partial) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_functools");
    if (!m || module_add_functions(m, functools_functions) < 0 ||
        module_add(m, "partial", val_from_ptr(&type_partial)) < 0 ||
        module_add(m, "_lru_cache_wrapper", val_from_ptr(&type_lru_cache)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Tools that operate on functions.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
