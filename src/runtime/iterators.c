// iterators.c - enumerate, zip, map, filter, reversed and callable_iterator
// (see iterators.h): the small lazy iterators of builtins, kept together
// because each is a constructor plus a next function.
//
// Each holds the iterators it consumes; when it is exhausted it stays
// exhausted (as CPython's do, even if an underlying iterator would yield
// again) only where CPython's does: reversed and callable_iterator drop
// their references at the end, the others simply ask again.
#include "iterators.h"

#include <string.h>

#include "abstract.h"
#include "args.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "dict.h"
#include "../vm/vm.h"

static Value iter_self(Value self) {
    return self;
}

// An instance of the type being constructed (a subclass, perhaps).
static Object *alloc_instance(Value type) {
    Type *t = (Type *)val_ptr(type);
    return gc_alloc(t, t->basic_size);
}

// ---- enumerate ---------------------------------------------------------------------

typedef struct EnumerateObject {
    Object header;
    Value iter;
    Value index;     // the next count: an int
} EnumerateObject;

static void enumerate_trace(Object *o, GcTracer *t) {
    EnumerateObject *e = (EnumerateObject *)o;
    gc_trace_value(t, e->iter);
    gc_trace_value(t, e->index);
}

static Value enumerate_make(Value type, Value iterable, Value start) {
    Value it = obj_iter(iterable);
    if (!it) {
        return 0;
    }
    Value index = val_from_smallint(0);
    if (start) {
        index = obj_index(start);
        if (!index) {
            return 0;
        }
        index = int_exact(index);
        if (!index) {
            return 0;
        }
    }
    EnumerateObject *e = (EnumerateObject *)alloc_instance(type);
    if (!e) {
        return 0;
    }
    e->iter = it;
    e->index = index;
    return val_from_ptr(e);
}

// Keyword `i` must be `name`: "'x' is an invalid keyword argument for enumerate()".
static int enumerate_check_keyword(Value kwnames, size_t i, const char *name) {
    Value kw = tuple_obj(kwnames)->items[i];
    if (strcmp(str_obj(kw)->data, name) != 0) {
        err_format(&exc_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                   str_obj(kw)->data);
        return -1;
    }
    return 0;
}

// enumerate(iterable, start=0), argument checks in CPython's order.
static Value enumerate_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    size_t nkw = args_nkw(kwnames);
    if (nargs + nkw == 2) {
        if (nkw == 1 && enumerate_check_keyword(kwnames, 0, "start") < 0) {
            return 0;
        }
        if (nkw == 2) {
            if (strcmp(str_obj(tuple_obj(kwnames)->items[0])->data, "start") == 0) {
                if (enumerate_check_keyword(kwnames, 1, "iterable") < 0) {
                    return 0;
                }
                return enumerate_make(type, args[1], args[0]);
            }
            if (enumerate_check_keyword(kwnames, 0, "iterable") < 0 ||
                enumerate_check_keyword(kwnames, 1, "start") < 0) {
                return 0;
            }
        }
        return enumerate_make(type, args[0], args[1]);
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && enumerate_check_keyword(kwnames, 0, "iterable") < 0) {
            return 0;
        }
        return enumerate_make(type, args[0], 0);
    }
    if (nargs == 0) {
        return err_format(&exc_TypeError, "enumerate() missing required argument 'iterable'");
    }
    return err_format(&exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                      nargs + nkw);
}

static Value enumerate_next(Value self) {
    EnumerateObject *e = (EnumerateObject *)val_ptr(self);
    Value item = obj_next_raw(e->iter);
    if (!item) {
        return 0;
    }
    Value index = e->index;
    Value next;
    if (val_is_smallint(index) && val_smallint(index) < SMALLINT_MAX) {
        next = val_from_smallint(val_smallint(index) + 1);
    } else {
        next = obj_binop(index, val_from_smallint(1), BINOP_ADD);
        if (!next) {
            return 0;
        }
    }
    e->index = next;
    return tuple_pack2(index, item);
}

// (type, (iterator, count)): pickling saves the underlying iterator.
static Value enumerate_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    EnumerateObject *e = (EnumerateObject *)val_ptr(self);
    Value a = tuple_pack2(e->iter, e->index);
    return a ? tuple_pack2(val_from_ptr(type_of(self)), a) : 0;
}

static const MethodDef enumerate_methods[] = {
    {"__reduce__", enumerate_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

Type type_enumerate = {
    .header = {&type_type},
    .name = "enumerate",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(EnumerateObject),
    .base = &type_object,
    .trace = enumerate_trace,
    .new_ = enumerate_tp_new,
    .iter = iter_self,
    .iternext = enumerate_next,
    .methods = enumerate_methods,
};

// ---- zip -----------------------------------------------------------------------------

typedef struct ZipObject {
    Object header;
    Value iters;     // tuple of iterators
    int strict;
} ZipObject;

static void zip_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ZipObject *)o)->iters);
}

// A tuple of iter(x) for each x in args[0..n).
static Value iter_all(const Value *args, size_t n) {
    Value iters = tuple_new(n);
    if (!iters) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        Value it = obj_iter(args[i]);
        if (!it) {
            return 0;
        }
        tuple_obj(iters)->items[i] = it;
    }
    return iters;
}

static const char *const zip_kwnames[] = {"strict", NULL};

static Value zip_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value strict = 0;
    if (args_kwonly("zip", args + nargs, kwnames, zip_kwnames, 1, &strict) < 0) {
        return 0;
    }
    int is_strict = 0;
    if (strict) {
        is_strict = obj_truthy(strict);
        if (is_strict < 0) {
            return 0;
        }
    }
    Value iters = iter_all(args, nargs);
    if (!iters) {
        return 0;
    }
    ZipObject *z = (ZipObject *)alloc_instance(type);
    if (!z) {
        return 0;
    }
    z->iters = iters;
    z->strict = is_strict;
    return val_from_ptr(z);
}

// zip(strict=True) found iterator i exhausted while iterators before it
// were not (i > 0), or the first exhausted: check that all end together.
static Value zip_strict_mismatch(ZipObject *z, size_t i) {
    TupleObject *iters = tuple_obj(z->iters);
    if (i > 0) {
        return err_format(&exc_ValueError, "zip() argument %zu is shorter than argument%s%zu",
                          i + 1, i == 1 ? " " : "s 1-", i);
    }
    for (i = 1; i < iters->len; i++) {
        Value item = obj_next(iters->items[i]);
        if (item) {
            return err_format(&exc_ValueError, "zip() argument %zu is longer than argument%s%zu",
                              i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (err_occurred()) {
            return 0;
        }
    }
    return 0;
}

static Value zip_next(Value self) {
    ZipObject *z = (ZipObject *)val_ptr(self);
    TupleObject *iters = tuple_obj(z->iters);
    if (iters->len == 0) {
        return 0;
    }
    Value result = tuple_new(iters->len);
    if (!result) {
        return 0;
    }
    for (size_t i = 0; i < iters->len; i++) {
        Value item = obj_next(iters->items[i]);
        if (!item) {
            if (!err_occurred() && z->strict) {
                return zip_strict_mismatch(z, i);
            }
            return 0;
        }
        tuple_obj(result)->items[i] = item;
    }
    return result;
}

// (zip, iterators) or (zip, iterators, True) when strict.
static Value zip_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ZipObject *z = (ZipObject *)val_ptr(self);
    Value type = val_from_ptr(type_of(self));
    if (z->strict) {
        return tuple_from((Value[]){type, z->iters, VAL_TRUE}, 3);
    }
    return tuple_pack2(type, z->iters);
}

static Value zip_m_setstate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int t = obj_truthy(args[0]);
    if (t < 0) {
        return 0;
    }
    ((ZipObject *)val_ptr(self))->strict = t;
    return VAL_NONE;
}

static const MethodDef zip_methods[] = {
    {"__reduce__", zip_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", zip_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_zip = {
    .header = {&type_type},
    .name = "zip",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(ZipObject),
    .base = &type_object,
    .trace = zip_trace,
    .new_ = zip_tp_new,
    .iter = iter_self,
    .iternext = zip_next,
    .methods = zip_methods,
};

// ---- map -----------------------------------------------------------------------------

typedef struct MapObject {
    Object header;
    Value func;
    Value iters;     // tuple of iterators (at least one)
} MapObject;

static void map_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((MapObject *)o)->func);
    gc_trace_value(t, ((MapObject *)o)->iters);
}

static Value map_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    // Keywords are for a subclass's own __init__ only (CPython checks tp_init).
    if ((type == val_from_ptr(&type_map) || ((Type *)val_ptr(type))->init == type_map.init) &&
        args_no_keywords("map", kwnames) < 0) {
        return 0;
    }
    if (nargs < 2) {
        return err_format(&exc_TypeError, "map() must have at least two arguments.");
    }
    Value iters = iter_all(args + 1, nargs - 1);
    if (!iters) {
        return 0;
    }
    MapObject *m = (MapObject *)alloc_instance(type);
    if (!m) {
        return 0;
    }
    m->func = args[0];
    m->iters = iters;
    return val_from_ptr(m);
}

static Value map_next(Value self) {
    MapObject *m = (MapObject *)val_ptr(self);
    TupleObject *iters = tuple_obj(m->iters);
    Value small[8];
    Value *items = small;
    Value list = 0;  // keeps a long argument vector visible to the collector
    if (iters->len > 8) {
        list = tuple_new(iters->len);
        if (!list) {
            return 0;
        }
        items = tuple_obj(list)->items;
    }
    for (size_t i = 0; i < iters->len; i++) {
        Value item = obj_next_raw(iters->items[i]);
        if (!item) {
            return 0;
        }
        items[i] = item;
    }
    return obj_call(m->func, items, iters->len, 0);
}

// (map, (func, iter1, iter2, ...)): pickling saves the iterators.
static Value map_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MapObject *m = (MapObject *)val_ptr(self);
    TupleObject *its = tuple_obj(m->iters);
    Value a = tuple_new(its->len + 1);
    if (!a) {
        return 0;
    }
    tuple_obj(a)->items[0] = m->func;
    for (size_t i = 0; i < its->len; i++) {
        tuple_obj(a)->items[i + 1] = its->items[i];
    }
    return tuple_pack2(val_from_ptr(type_of(self)), a);
}

static const MethodDef map_methods[] = {
    {"__reduce__", map_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

Type type_map = {
    .header = {&type_type},
    .name = "map",
    .methods = map_methods,
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(MapObject),
    .base = &type_object,
    .trace = map_trace,
    .new_ = map_tp_new,
    .iter = iter_self,
    .iternext = map_next,
};

// ---- filter ----------------------------------------------------------------------------

typedef struct FilterObject {
    Object header;
    Value func;      // None or bool: the items' truth
    Value iter;
} FilterObject;

static void filter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((FilterObject *)o)->func);
    gc_trace_value(t, ((FilterObject *)o)->iter);
}

static Value filter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    // Keywords are for a subclass's own __init__ only (CPython checks tp_init).
    if ((type == val_from_ptr(&type_filter) || ((Type *)val_ptr(type))->init == type_filter.init) &&
        args_no_keywords("filter", kwnames) < 0) {
        return 0;
    }
    if (method_check_args("filter", nargs, 0, 2, 2) < 0) {
        return 0;
    }
    Value it = obj_iter(args[1]);
    if (!it) {
        return 0;
    }
    FilterObject *f = (FilterObject *)alloc_instance(type);
    if (!f) {
        return 0;
    }
    f->func = args[0];
    f->iter = it;
    return val_from_ptr(f);
}

static Value filter_next(Value self) {
    FilterObject *f = (FilterObject *)val_ptr(self);
    int by_truth = f->func == VAL_NONE || f->func == val_from_ptr(&type_bool);
    for (;;) {
        Value item = obj_next_raw(f->iter);
        if (!item) {
            return 0;
        }
        Value verdict = item;
        if (!by_truth) {
            verdict = obj_call1(f->func, item);
            if (!verdict) {
                return 0;
            }
        }
        int ok = obj_truthy(verdict);
        if (ok < 0) {
            return 0;
        }
        if (ok) {
            return item;
        }
    }
}

// (filter, (func, iterator)).
static Value filter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    FilterObject *fo = (FilterObject *)val_ptr(self);
    Value a = tuple_pack2(fo->func, fo->iter);
    return a ? tuple_pack2(val_from_ptr(type_of(self)), a) : 0;
}

static const MethodDef filter_methods[] = {
    {"__reduce__", filter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

Type type_filter = {
    .header = {&type_type},
    .name = "filter",
    .methods = filter_methods,
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(FilterObject),
    .base = &type_object,
    .trace = filter_trace,
    .new_ = filter_tp_new,
    .iter = iter_self,
    .iternext = filter_next,
};

// ---- reversed ----------------------------------------------------------------------------

typedef struct ReversedObject {
    Object header;
    Value seq;       // 0 once exhausted
    int64_t index;   // the next index to fetch
} ReversedObject;

static void reversed_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ReversedObject *)o)->seq);
}

static Value reversed_make(Type *t, Value seq) {
    Value method = type_lookup(type_of(seq), str_intern_cstr("__reversed__"));
    if (!method && err_occurred()) {
        return 0;
    }
    if (method == VAL_NONE) {
        return err_format(&exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
    }
    if (method) {
        DescrGetFunc get = type_of(method)->descr_get;
        Value bound = get ? get(method, seq, val_from_ptr(type_of(seq))) : method;
        return bound ? obj_call0(bound) : 0;
    }
    // The sequence protocol, but not a mapping (CPython's PySequence_Check).
    Type *st = type_of(seq);
    if (!st->getitem || !st->len || (st->flags & TYPE_DICT_SUBCLASS)) {
        return err_format(&exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
    }
    int64_t n = obj_len(seq);
    if (n < 0) {
        return 0;
    }
    ReversedObject *r = (ReversedObject *)gc_alloc(t, t->basic_size);
    if (!r) {
        return 0;
    }
    r->seq = n > 0 ? seq : 0;
    r->index = n - 1;
    return val_from_ptr(r);
}

Value reversed_new(Value seq) {
    return reversed_make(&type_reversed, seq);
}

static Value reversed_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (type == val_from_ptr(&type_reversed) && args_no_keywords("reversed", kwnames) < 0) {
        return 0;
    }
    if (args_check_positional("reversed", nargs, 1, 1) < 0) {
        return 0;
    }
    return reversed_make((Type *)val_ptr(type), args[0]);
}

static Value reversed_next(Value self) {
    ReversedObject *r = (ReversedObject *)val_ptr(self);
    if (!r->seq || r->index < 0) {
        return 0;
    }
    Value item = obj_getitem(r->seq, int_from_i64(r->index));
    if (!item) {
        if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) {
            err_clear();
        }
        r->seq = 0;
        r->index = -1;
        return 0;
    }
    r->index--;
    if (r->index < 0) {
        r->seq = 0;
    }
    return item;
}

static Value reversed_m_length_hint(Value self, const Value *args, size_t nargs,
                                    Value kwnames) {
    if (method_check_args("reversed.__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ReversedObject *r = (ReversedObject *)val_ptr(self);
    if (!r->seq) {
        return val_from_smallint(0);
    }
    int64_t n = obj_len(r->seq);
    if (n < 0) {
        return 0;
    }
    return int_from_i64(n < r->index + 1 ? 0 : r->index + 1);
}

static Value reversed_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ReversedObject *r = (ReversedObject *)val_ptr(self);
    Value empty = tuple_from(NULL, 0);
    return empty ? seqiter_reduce("reversed", r->seq, r->index, empty) : 0;
}

static Value reversed_m_setstate(Value self, const Value *args, size_t nargs,
                                 Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ReversedObject *r = (ReversedObject *)val_ptr(self);
    int64_t i, n = 0;
    if (!int_check(args[0])) {
        return err_format(&exc_TypeError, "an integer is required");
    }
    if (r->seq && (n = obj_len(r->seq)) < 0) {
        return 0;
    }
    if (seqiter_setstate(args[0], -1, n - 1, &i) < 0) {
        return 0;
    }
    if (r->seq) {
        r->index = i;
    }
    return VAL_NONE;
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_m_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reversed_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", reversed_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_reversed = {
    .header = {&type_type},
    .name = "reversed",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(ReversedObject),
    .base = &type_object,
    .trace = reversed_trace,
    .new_ = reversed_tp_new,
    .iter = iter_self,
    .iternext = reversed_next,
    .methods = reversed_methods,
};

// ---- pickling of sequence iterators -------------------------------------------------------

Value seqiter_reduce(const char *maker, Value seq, int64_t index, Value empty) {
    Value fn = vm_builtins ? dict_get_cstr(vm_builtins, maker) : 0;
    if (!fn) {
        return err_occurred() ? 0 : err_format(&exc_AttributeError, "%s", maker);
    }
    if (!seq) {
        Value args = empty ? tuple_from(&empty, 1) : 0;
        return args ? tuple_pack2(fn, args) : 0;
    }
    Value args = tuple_from(&seq, 1);
    Value idx = args ? int_from_i64(index) : 0;
    return idx ? tuple_from((Value[]){fn, args, idx}, 3) : 0;
}

int seqiter_setstate(Value state, int64_t lo, int64_t hi, int64_t *index) {
    if (!int_check(state)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    int64_t i;
    if (obj_as_int64(state, &i) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return -1;
    }
    *index = i < lo ? lo : i > hi ? hi : i;
    return 0;
}

// ---- callable_iterator ---------------------------------------------------------------------

typedef struct CallIterObject {
    Object header;
    Value callable;  // 0 once exhausted
    Value sentinel;
} CallIterObject;

static void calliter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((CallIterObject *)o)->callable);
    gc_trace_value(t, ((CallIterObject *)o)->sentinel);
}

Value callable_iterator_new(Value callable, Value sentinel) {
    CallIterObject *c =
        (CallIterObject *)gc_alloc(&type_callable_iterator, sizeof(CallIterObject));
    if (!c) {
        return 0;
    }
    c->callable = callable;
    c->sentinel = sentinel;
    return val_from_ptr(c);
}

static Value calliter_next(Value self) {
    CallIterObject *c = (CallIterObject *)val_ptr(self);
    if (!c->callable) {
        return 0;
    }
    Value r = obj_call0(c->callable);
    if (!r) {
        if (err_matches(&exc_StopIteration)) {
            err_clear();
            c->callable = 0;
            c->sentinel = 0;
        }
        return 0;
    }
    int eq = obj_richcompare_bool(c->sentinel, r, CMP_EQ);
    if (eq < 0) {
        return 0;
    }
    if (eq) {
        c->callable = 0;
        c->sentinel = 0;
        return 0;
    }
    return r;
}

// (iter, (callable, sentinel)), or (iter, ((),)) once exhausted.
static Value calliter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CallIterObject *c = (CallIterObject *)val_ptr(self);
    Value fn = vm_builtins ? dict_get_cstr(vm_builtins, "iter") : 0;
    if (!fn) {
        return err_occurred() ? 0 : err_format(&exc_AttributeError, "iter");
    }
    Value a = c->callable ? tuple_pack2(c->callable, c->sentinel) : 0;
    if (!c->callable) {
        Value empty = tuple_from(NULL, 0);
        a = empty ? tuple_from(&empty, 1) : 0;
    }
    return a ? tuple_pack2(fn, a) : 0;
}

static const MethodDef calliter_methods[] = {
    {"__reduce__", calliter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

Type type_callable_iterator = {
    .header = {&type_type},
    .name = "callable_iterator",
    .methods = calliter_methods,
    .basic_size = sizeof(CallIterObject),
    .base = &type_object,
    .trace = calliter_trace,
    .iter = iter_self,
    .iternext = calliter_next,
};
