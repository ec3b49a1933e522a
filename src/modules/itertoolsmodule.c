// itertoolsmodule.c - the `itertools` module: CPython 3.11's iterator
// building blocks, each a C iterator type.
//
// Every type here is an iterator over other iterators: its `iternext` slot
// returns the next item, or 0 - with no exception at the end, with one on
// error (object.h's convention, which obj_next() also follows for the
// iterators consumed). Where CPython's iterator drops its source at the end
// or after an error (islice, chain, pairwise, zip_longest), so does this
// one, so that a later next() behaves the same.
//
// The order of argument checks and the wording of their errors follow
// CPython's, since programs see them: most constructors reject keywords
// only for the exact type ("chain() takes no keyword arguments"), so that
// subclasses may define an __init__ that takes some.
//
// Two designs need care:
//  - groupby and its _grouper share one source: a group yields items only
//    while it is the current group of its parent (parent->currgrouper),
//    and advancing the parent abandons the group.
//  - tee's iterators share a linked list of _tee_dataobject cells of
//    TEE_LINKCELLS values each; every _tee holds (cell, index) and reads the
//    source only when it is the first to go past the buffered values.
//
// Every Value an object holds is reported by its trace function; index
// arrays of the combinatoric iterators are malloc'ed and freed by `free`.
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/complex.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/genericalias.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- helpers ------------------------------------------------------------------------------

static Value iter_self(Value self) {
    return self;
}

// An instance of the type being constructed (a subclass, perhaps).
static Object *alloc_instance(Value type) {
    Type *t = (Type *)val_ptr(type);
    return gc_alloc(t, t->basic_size);
}

// Keyword arguments are refused by the exact type only (CPython's
// `type == &X_type && !_PyArg_NoKeywords(...)`).
static int no_keywords_exact(Value type, Type *exact, const char *fname, Value kwnames) {
    if (type == val_from_ptr(exact)) {
        return args_no_keywords(fname, kwnames);
    }
    return 0;
}

// The type's name without its module: "count", or a subclass's name.
static const char *short_type_name(Value v) {
    const char *name = type_of(v)->name;
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

// A Py_ssize_t argument (CPython's "n" format and clinic's Py_ssize_t
// converter): an object with __index__, OverflowError when it does not fit.
static int ssize_arg(Value v, int64_t *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

// The next item of `it` when the caller only needs to know "item, end or
// error": *item = 0 and 0 returned at the end, -1 on error.
static int next_item(Value it, Value *item) {
    *item = obj_next(it);
    if (*item) {
        return 1;
    }
    return err_occurred() ? -1 : 0;
}

// ---- count ----------------------------------------------------------------------------------

// count(start=0, step=1): start, start+step, ... CPython counts in a C
// integer ("fast mode") while start is an int and step is the int 1; its
// repr then shows no step even when step was given as True. `fast` keeps
// that distinction for the repr.
typedef struct CountObject {
    Object header;
    Value cnt;       // the next value
    Value step;
    int fast;
} CountObject;

static Type type_count;

static void count_trace(Object *o, GcTracer *t) {
    CountObject *c = (CountObject *)o;
    gc_trace_value(t, c->cnt);
    gc_trace_value(t, c->step);
}

// CPython's PyNumber_Check.
static int is_number(Value v) {
    Type *t = type_of(v);
    return t->index || t->to_int || t->to_float || complex_check(v);
}

static const char *const count_kwnames[] = {"start", "step", NULL};
static const ArgSpec count_spec = {"count", 0, count_kwnames, 0, 2, 0};

static Value count_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&count_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value start = a[0], step = a[1];
    if ((start && !is_number(start)) || (step && !is_number(step))) {
        return err_format(&exc_TypeError, "a number is required");
    }
    int fast = (!start || int_check(start)) && (!step || int_check(step));
    int64_t i;
    if (fast && start && int_to_i64(start, &i) < 0) {
        err_clear();
        fast = 0;
    }
    if (fast && step && (int_to_i64(step, &i) < 0 || i != 1)) {
        err_clear();
        fast = 0;
    }
    if (!start) {
        start = val_from_smallint(0);
    }
    if (!step) {
        step = val_from_smallint(1);
    }
    if (fast) {
        start = int_exact(start);
        step = val_from_smallint(1);
        if (!start) {
            return 0;
        }
    }
    CountObject *c = (CountObject *)alloc_instance(type);
    if (!c) {
        return 0;
    }
    c->cnt = start;
    c->step = step;
    c->fast = fast;
    return val_from_ptr(c);
}

static Value count_next(Value self) {
    CountObject *c = (CountObject *)val_ptr(self);
    Value r = c->cnt;
    Value next;
    if (val_is_smallint(r) && val_is_smallint(c->step)) {
        next = int_from_i64(val_smallint(r) + val_smallint(c->step));
    } else {
        next = obj_binop(r, c->step, BINOP_ADD);
    }
    if (!next) {
        return 0;
    }
    c->cnt = next;
    return r;
}

static Value count_repr(Value self) {
    CountObject *c = (CountObject *)val_ptr(self);
    const char *name = short_type_name(self);
    if (c->fast) {
        return str_format_c("%s(%R)", name, c->cnt);
    }
    int64_t step;
    if (int_check(c->step) && int_to_i64(c->step, &step) == 0 && step == 1) {
        return str_format_c("%s(%R)", name, c->cnt);
    }
    err_clear();
    return str_format_c("%s(%R, %R)", name, c->cnt, c->step);
}

static Type type_count = {
    .header = {&type_type},
    .name = "itertools.count",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CountObject),
    .base = &type_object,
    .trace = count_trace,
    .new_ = count_tp_new,
    .repr = count_repr,
    .iter = iter_self,
    .iternext = count_next,
};

// ---- cycle ------------------------------------------------------------------------------------

typedef struct CycleObject {
    Object header;
    Value it;        // 0 once exhausted: then the saved items repeat
    Value saved;     // a list
    size_t index;
} CycleObject;

static Type type_cycle;

static void cycle_trace(Object *o, GcTracer *t) {
    CycleObject *c = (CycleObject *)o;
    gc_trace_value(t, c->it);
    gc_trace_value(t, c->saved);
}

static Value cycle_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords_exact(type, &type_cycle, "cycle", kwnames) < 0 ||
        args_check_positional("cycle", nargs, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    Value saved = it ? list_new(0) : 0;
    if (!saved) {
        return 0;
    }
    CycleObject *c = (CycleObject *)alloc_instance(type);
    if (!c) {
        return 0;
    }
    c->it = it;
    c->saved = saved;
    return val_from_ptr(c);
}

static Value cycle_next(Value self) {
    CycleObject *c = (CycleObject *)val_ptr(self);
    if (c->it) {
        Value item;
        int r = next_item(c->it, &item);
        if (r > 0) {
            return list_append(c->saved, item) < 0 ? 0 : item;
        }
        if (r < 0) {
            return 0;
        }
        c->it = 0;
    }
    ListObject *saved = list_obj(c->saved);
    if (saved->len == 0) {
        return 0;
    }
    if (c->index >= saved->len) {
        c->index = 0;
    }
    Value item = saved->items[c->index++];
    if (c->index >= saved->len) {
        c->index = 0;
    }
    return item;
}

static Type type_cycle = {
    .header = {&type_type},
    .name = "itertools.cycle",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CycleObject),
    .base = &type_object,
    .trace = cycle_trace,
    .new_ = cycle_tp_new,
    .iter = iter_self,
    .iternext = cycle_next,
};

// ---- repeat -------------------------------------------------------------------------------------

typedef struct RepeatObject {
    Object header;
    Value element;
    int64_t cnt;     // items left, or -1 for ever
} RepeatObject;

static void repeat_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((RepeatObject *)o)->element);
}

static const char *const repeat_kwnames[] = {"object", "times", NULL};
static const ArgSpec repeat_spec = {"repeat", 0, repeat_kwnames, 1, 2, 0};

static Value repeat_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&repeat_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t cnt = -1;
    if (a[1]) {
        if (ssize_arg(a[1], &cnt) < 0) {
            return 0;
        }
        if (cnt < 0) {
            cnt = 0;
        }
    }
    RepeatObject *r = (RepeatObject *)alloc_instance(type);
    if (!r) {
        return 0;
    }
    r->element = a[0];
    r->cnt = cnt;
    return val_from_ptr(r);
}

static Value repeat_next(Value self) {
    RepeatObject *r = (RepeatObject *)val_ptr(self);
    if (r->cnt == 0) {
        return 0;
    }
    if (r->cnt > 0) {
        r->cnt--;
    }
    return r->element;
}

static Value repeat_repr(Value self) {
    RepeatObject *r = (RepeatObject *)val_ptr(self);
    if (r->cnt == -1) {
        return str_format_c("%s(%R)", short_type_name(self), r->element);
    }
    return str_format_c("%s(%R, %lld)", short_type_name(self), r->element, (long long)r->cnt);
}

FN(repeat_length_hint) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RepeatObject *r = (RepeatObject *)val_ptr(self);
    if (r->cnt == -1) {
        return err_format(&exc_TypeError, "len() of unsized object");
    }
    return int_from_i64(r->cnt);
}

static const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, METH_DEFAULT,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static Type type_repeat = {
    .header = {&type_type},
    .name = "itertools.repeat",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(RepeatObject),
    .base = &type_object,
    .trace = repeat_trace,
    .new_ = repeat_tp_new,
    .repr = repeat_repr,
    .iter = iter_self,
    .iternext = repeat_next,
    .methods = repeat_methods,
};

// ---- accumulate ------------------------------------------------------------------------------------

typedef struct AccumulateObject {
    Object header;
    Value it;
    Value func;      // 0: addition
    Value total;     // 0 before the first item
    Value initial;   // 0 once yielded (or when not given)
} AccumulateObject;

static void accumulate_trace(Object *o, GcTracer *t) {
    AccumulateObject *a = (AccumulateObject *)o;
    gc_trace_value(t, a->it);
    gc_trace_value(t, a->func);
    gc_trace_value(t, a->total);
    gc_trace_value(t, a->initial);
}

static const char *const accumulate_kwnames[] = {"iterable", "func", "initial", NULL};
static const ArgSpec accumulate_spec = {"accumulate", 0, accumulate_kwnames, 1, 2, 0};

static Value accumulate_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value a[3];
    if (args_unpack(&accumulate_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value it = obj_iter(a[0]);
    if (!it) {
        return 0;
    }
    AccumulateObject *acc = (AccumulateObject *)alloc_instance(type);
    if (!acc) {
        return 0;
    }
    acc->it = it;
    acc->func = a[1] == VAL_NONE ? 0 : a[1];
    acc->initial = a[2] == VAL_NONE ? 0 : a[2];
    return val_from_ptr(acc);
}

static Value accumulate_next(Value self) {
    AccumulateObject *acc = (AccumulateObject *)val_ptr(self);
    if (acc->initial) {
        acc->total = acc->initial;
        acc->initial = 0;
        return acc->total;
    }
    Value item = obj_next(acc->it);
    if (!item) {
        return 0;
    }
    if (!acc->total) {
        acc->total = item;
        return item;
    }
    Value total = acc->func ? obj_call2(acc->func, acc->total, item)
                            : obj_binop(acc->total, item, BINOP_ADD);
    if (!total) {
        return 0;
    }
    acc->total = total;
    return total;
}

static Type type_accumulate = {
    .header = {&type_type},
    .name = "itertools.accumulate",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(AccumulateObject),
    .base = &type_object,
    .trace = accumulate_trace,
    .new_ = accumulate_tp_new,
    .iter = iter_self,
    .iternext = accumulate_next,
};

// ---- chain ---------------------------------------------------------------------------------------------

typedef struct ChainObject {
    Object header;
    Value source;    // iterator over the iterables; 0 when done
    Value active;    // the current iterable's iterator, or 0
} ChainObject;

static Type type_chain;

static void chain_trace(Object *o, GcTracer *t) {
    ChainObject *c = (ChainObject *)o;
    gc_trace_value(t, c->source);
    gc_trace_value(t, c->active);
}

static Value chain_make(Value type, Value source) {
    ChainObject *c = (ChainObject *)alloc_instance(type);
    if (!c) {
        return 0;
    }
    c->source = source;
    return val_from_ptr(c);
}

static Value chain_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords_exact(type, &type_chain, "chain", kwnames) < 0) {
        return 0;
    }
    Value iterables = tuple_from(args, nargs);
    Value source = iterables ? obj_iter(iterables) : 0;
    return source ? chain_make(type, source) : 0;
}

// chain.from_iterable(iterable), a classmethod: self is the class.
FN(chain_from_iterable) {
    if (method_check_args("chain.from_iterable", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value source = obj_iter(args[0]);
    return source ? chain_make(self, source) : 0;
}

static Value chain_next(Value self) {
    ChainObject *c = (ChainObject *)val_ptr(self);
    while (c->source) {
        if (!c->active) {
            Value iterable = obj_next(c->source);
            if (!iterable) {
                c->source = 0;
                return 0;
            }
            c->active = obj_iter(iterable);
            if (!c->active) {
                c->source = 0;
                return 0;
            }
        }
        Value item = obj_next(c->active);
        if (item || err_occurred()) {
            return item;
        }
        c->active = 0;
    }
    return 0;
}

static const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates "
     "lazily."},
    {NULL, NULL, 0, NULL},
};

static Type type_chain = {
    .header = {&type_type},
    .name = "itertools.chain",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(ChainObject),
    .base = &type_object,
    .trace = chain_trace,
    .new_ = chain_tp_new,
    .iter = iter_self,
    .iternext = chain_next,
    .methods = chain_methods,
};

// ---- compress ----------------------------------------------------------------------------------------------

typedef struct CompressObject {
    Object header;
    Value data;
    Value selectors;
} CompressObject;

static void compress_trace(Object *o, GcTracer *t) {
    CompressObject *c = (CompressObject *)o;
    gc_trace_value(t, c->data);
    gc_trace_value(t, c->selectors);
}

static const char *const compress_kwnames[] = {"data", "selectors", NULL};
static const ArgSpec compress_spec = {"compress", 0, compress_kwnames, 2, 2, 0};

static Value compress_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&compress_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value data = obj_iter(a[0]);
    Value selectors = data ? obj_iter(a[1]) : 0;
    if (!selectors) {
        return 0;
    }
    CompressObject *c = (CompressObject *)alloc_instance(type);
    if (!c) {
        return 0;
    }
    c->data = data;
    c->selectors = selectors;
    return val_from_ptr(c);
}

static Value compress_next(Value self) {
    CompressObject *c = (CompressObject *)val_ptr(self);
    for (;;) {
        Value datum = obj_next(c->data);
        if (!datum) {
            return 0;
        }
        Value selector = obj_next(c->selectors);
        if (!selector) {
            return 0;
        }
        int ok = obj_truthy(selector);
        if (ok != 0) {
            return ok > 0 ? datum : 0;
        }
    }
}

static Type type_compress = {
    .header = {&type_type},
    .name = "itertools.compress",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(CompressObject),
    .base = &type_object,
    .trace = compress_trace,
    .new_ = compress_tp_new,
    .iter = iter_self,
    .iternext = compress_next,
};

// ---- dropwhile, takewhile, filterfalse --------------------------------------------------------------------------

// The three predicate iterators share a layout: (predicate, iterator, a
// state flag: dropwhile has started yielding / takewhile has stopped).
typedef struct PredicateIterObject {
    Object header;
    Value func;
    Value it;
    int flag;
} PredicateIterObject;

static Type type_dropwhile, type_takewhile, type_filterfalse;

static void predicate_iter_trace(Object *o, GcTracer *t) {
    PredicateIterObject *p = (PredicateIterObject *)o;
    gc_trace_value(t, p->func);
    gc_trace_value(t, p->it);
}

static Value predicate_iter_make(Value type, Type *exact, const char *name, const Value *args,
                                 size_t nargs, Value kwnames) {
    if (no_keywords_exact(type, exact, name, kwnames) < 0 ||
        args_check_positional(name, nargs, 2, 2) < 0) {
        return 0;
    }
    Value it = obj_iter(args[1]);
    if (!it) {
        return 0;
    }
    PredicateIterObject *p = (PredicateIterObject *)alloc_instance(type);
    if (!p) {
        return 0;
    }
    p->func = args[0];
    p->it = it;
    return val_from_ptr(p);
}

// func(item) as a truth value: 1, 0 or -1.
static int predicate_test(Value func, Value item) {
    Value r = obj_call1(func, item);
    return r ? obj_truthy(r) : -1;
}

static Value dropwhile_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return predicate_iter_make(type, &type_dropwhile, "dropwhile", args, nargs, kwnames);
}

static Value dropwhile_next(Value self) {
    PredicateIterObject *p = (PredicateIterObject *)val_ptr(self);
    for (;;) {
        Value item = obj_next(p->it);
        if (!item || p->flag) {
            return item;
        }
        int ok = predicate_test(p->func, item);
        if (ok < 0) {
            return 0;
        }
        if (ok == 0) {
            p->flag = 1;
            return item;
        }
    }
}

static Value takewhile_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return predicate_iter_make(type, &type_takewhile, "takewhile", args, nargs, kwnames);
}

static Value takewhile_next(Value self) {
    PredicateIterObject *p = (PredicateIterObject *)val_ptr(self);
    if (p->flag) {
        return 0;
    }
    Value item = obj_next(p->it);
    if (!item) {
        return 0;
    }
    int ok = predicate_test(p->func, item);
    if (ok > 0) {
        return item;
    }
    if (ok == 0) {
        p->flag = 1;
    }
    return 0;
}

static Value filterfalse_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return predicate_iter_make(type, &type_filterfalse, "filterfalse", args, nargs, kwnames);
}

static Value filterfalse_next(Value self) {
    PredicateIterObject *p = (PredicateIterObject *)val_ptr(self);
    for (;;) {
        Value item = obj_next(p->it);
        if (!item) {
            return 0;
        }
        int ok = p->func == VAL_NONE ? obj_truthy(item) : predicate_test(p->func, item);
        if (ok < 0) {
            return 0;
        }
        if (ok == 0) {
            return item;
        }
    }
}

#define PREDICATE_TYPE_(kind)                                                                  \
    static Type type_##kind = {                                                              \
        .header = {&type_type},                                                              \
        .name = "itertools." #kind,                                                          \
        .flags = TYPE_BASETYPE,                                                              \
        .basic_size = sizeof(PredicateIterObject),                                           \
        .base = &type_object,                                                                \
        .trace = predicate_iter_trace,                                                       \
        .new_ = kind##_tp_new,                                                               \
        .iter = iter_self,                                                                   \
        .iternext = kind##_next,                                                             \
    };
PREDICATE_TYPE_(dropwhile)
PREDICATE_TYPE_(takewhile)
PREDICATE_TYPE_(filterfalse)
#undef PREDICATE_TYPE_

// ---- starmap ------------------------------------------------------------------------------------------------

typedef struct StarmapObject {
    Object header;
    Value func;
    Value it;
} StarmapObject;

static Type type_starmap;

static void starmap_trace(Object *o, GcTracer *t) {
    StarmapObject *s = (StarmapObject *)o;
    gc_trace_value(t, s->func);
    gc_trace_value(t, s->it);
}

static Value starmap_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords_exact(type, &type_starmap, "starmap", kwnames) < 0 ||
        args_check_positional("starmap", nargs, 2, 2) < 0) {
        return 0;
    }
    Value it = obj_iter(args[1]);
    if (!it) {
        return 0;
    }
    StarmapObject *s = (StarmapObject *)alloc_instance(type);
    if (!s) {
        return 0;
    }
    s->func = args[0];
    s->it = it;
    return val_from_ptr(s);
}

static Value starmap_next(Value self) {
    StarmapObject *s = (StarmapObject *)val_ptr(self);
    Value item = obj_next(s->it);
    if (!item) {
        return 0;
    }
    Value fargs = tuple_check_exact(item) ? item : tuple_from_iterable(item);
    if (!fargs) {
        return 0;
    }
    return obj_call(s->func, tuple_obj(fargs)->items, tuple_obj(fargs)->len, 0);
}

static Type type_starmap = {
    .header = {&type_type},
    .name = "itertools.starmap",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(StarmapObject),
    .base = &type_object,
    .trace = starmap_trace,
    .new_ = starmap_tp_new,
    .iter = iter_self,
    .iternext = starmap_next,
};

// ---- islice -------------------------------------------------------------------------------------------------------

typedef struct IsliceObject {
    Object header;
    Value it;        // 0 once exhausted
    int64_t next;    // the index of the next item to yield
    int64_t stop;    // -1: no stop
    int64_t step;
    int64_t cnt;     // items consumed so far
} IsliceObject;

static Type type_islice;

static void islice_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((IsliceObject *)o)->it);
}

// CPython converts with PyNumber_AsSsize_t and folds every failure into
// its ValueError: -1 is returned for those (and for -1 itself, which is
// how CPython tells "bad" apart too).
static int64_t islice_index(Value v) {
    int64_t i;
    Value idx = obj_index(v);
    if (!idx || int_to_i64(idx, &i) < 0) {
        err_clear();
        return -1;
    }
    return i;
}

static Value islice_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords_exact(type, &type_islice, "islice", kwnames) < 0 ||
        args_check_positional("islice", nargs, 2, 4) < 0) {
        return 0;
    }
    int64_t start = 0, stop = -1, step = 1;
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (nargs == 2) {
        if (args[1] != VAL_NONE) {
            stop = islice_index(args[1]);
            if (stop == -1) {
                return err_format(&exc_ValueError, stop_msg);
            }
        }
    } else {
        if (args[1] != VAL_NONE) {
            start = islice_index(args[1]);
        }
        if (args[2] != VAL_NONE) {
            stop = islice_index(args[2]);
            if (stop == -1) {
                return err_format(&exc_ValueError, stop_msg);
            }
        }
    }
    if (start < 0 || stop < -1) {
        return err_format(&exc_ValueError, "Indices for islice() must be None or an integer: "
                                           "0 <= x <= sys.maxsize.");
    }
    if (nargs == 4 && args[3] != VAL_NONE) {
        step = islice_index(args[3]);
    }
    if (step < 1) {
        return err_format(&exc_ValueError, "Step for islice() must be a positive integer or None.");
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    IsliceObject *s = (IsliceObject *)alloc_instance(type);
    if (!s) {
        return 0;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return val_from_ptr(s);
}

static Value islice_next(Value self) {
    IsliceObject *s = (IsliceObject *)val_ptr(self);
    Value it = s->it;  // the source may call back into this islice and clear s->it
    if (!it) {
        return 0;
    }
    while (s->cnt < s->next) {
        Value skipped = obj_next(it);
        if (!skipped) {
            s->it = 0;
            return 0;
        }
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) {
        s->it = 0;
        return 0;
    }
    Value item = obj_next(it);
    if (!item) {
        s->it = 0;
        return 0;
    }
    s->cnt++;
    int64_t old = s->next;
    s->next = (int64_t)((uint64_t)s->next + (uint64_t)s->step);
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) {
        s->next = s->stop;
    }
    return item;
}

static Type type_islice = {
    .header = {&type_type},
    .name = "itertools.islice",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(IsliceObject),
    .base = &type_object,
    .trace = islice_trace,
    .new_ = islice_tp_new,
    .iter = iter_self,
    .iternext = islice_next,
};

// ---- groupby and _grouper ----------------------------------------------------------------------------------------

typedef struct GroupbyObject {
    Object header;
    Value it;
    Value keyfunc;       // 0: the items are their keys
    Value tgtkey;        // the key of the group handed out last, or 0
    Value currkey;       // the key of currvalue, or 0
    Value currvalue;     // the item read ahead, or 0
    Value currgrouper;   // the group that may still yield, or 0
} GroupbyObject;

typedef struct GrouperObject {
    Object header;
    Value parent;        // the groupby
    Value tgtkey;        // this group's key
} GrouperObject;

static Type type_grouper;

static void groupby_trace(Object *o, GcTracer *t) {
    GroupbyObject *g = (GroupbyObject *)o;
    gc_trace_value(t, g->it);
    gc_trace_value(t, g->keyfunc);
    gc_trace_value(t, g->tgtkey);
    gc_trace_value(t, g->currkey);
    gc_trace_value(t, g->currvalue);
    gc_trace_value(t, g->currgrouper);
}

static const char *const groupby_kwnames[] = {"iterable", "key", NULL};
static const ArgSpec groupby_spec = {"groupby", 0, groupby_kwnames, 1, 2, 0};

static Value groupby_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&groupby_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value it = obj_iter(a[0]);
    if (!it) {
        return 0;
    }
    GroupbyObject *g = (GroupbyObject *)alloc_instance(type);
    if (!g) {
        return 0;
    }
    g->it = it;
    g->keyfunc = a[1] == VAL_NONE ? 0 : a[1];
    return val_from_ptr(g);
}

// Read the next item and its key into currvalue/currkey: 1, 0 at the end,
// -1 on error.
static int groupby_step(GroupbyObject *g) {
    Value value;
    int r = next_item(g->it, &value);
    if (r <= 0) {
        return r;
    }
    Value key = value;
    if (g->keyfunc) {
        key = obj_call1(g->keyfunc, value);
        if (!key) {
            return -1;
        }
    }
    g->currvalue = value;
    g->currkey = key;
    return 1;
}

static Value groupby_next(Value self) {
    GroupbyObject *g = (GroupbyObject *)val_ptr(self);
    g->currgrouper = 0;
    // Skip the rest of the current group.
    for (;;) {
        if (g->currkey) {
            if (!g->tgtkey) {
                break;
            }
            int eq = obj_richcompare_bool(g->tgtkey, g->currkey, CMP_EQ);
            if (eq < 0) {
                return 0;
            }
            // (__eq__ may have advanced this groupby and consumed currkey.)
            if (eq == 0 && g->currkey) {
                break;
            }
        }
        if (groupby_step(g) <= 0) {
            return 0;
        }
    }
    g->tgtkey = g->currkey;
    GrouperObject *grouper = (GrouperObject *)gc_alloc(&type_grouper, sizeof *grouper);
    if (!grouper) {
        return 0;
    }
    grouper->parent = self;
    grouper->tgtkey = g->tgtkey;
    g->currgrouper = val_from_ptr(grouper);
    return tuple_pack2(g->currkey, val_from_ptr(grouper));
}

static Type type_groupby = {
    .header = {&type_type},
    .name = "itertools.groupby",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(GroupbyObject),
    .base = &type_object,
    .trace = groupby_trace,
    .new_ = groupby_tp_new,
    .iter = iter_self,
    .iternext = groupby_next,
};

static void grouper_trace(Object *o, GcTracer *t) {
    GrouperObject *g = (GrouperObject *)o;
    gc_trace_value(t, g->parent);
    gc_trace_value(t, g->tgtkey);
}

// _grouper(parent, tgtkey): CPython lets Python build one too.
static Value grouper_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_grouper", kwnames) < 0 ||
        args_check_positional("_grouper", nargs, 2, 2) < 0) {
        return 0;
    }
    if (!val_is_ptr(args[0]) || val_ptr(args[0])->type != &type_groupby) {
        return err_format(&exc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %s",
                          obj_type_name(args[0]));
    }
    GrouperObject *g = (GrouperObject *)alloc_instance(type);
    if (!g) {
        return 0;
    }
    g->parent = args[0];
    g->tgtkey = args[1];
    ((GroupbyObject *)val_ptr(args[0]))->currgrouper = val_from_ptr(g);
    return val_from_ptr(g);
}

static Value grouper_next(Value self) {
    GrouperObject *gr = (GrouperObject *)val_ptr(self);
    GroupbyObject *g = (GroupbyObject *)val_ptr(gr->parent);
    if (g->currgrouper != self) {
        return 0;
    }
    if (!g->currvalue && groupby_step(g) <= 0) {
        return 0;
    }
    // The key function and __eq__ may call back into the groupby: recheck.
    if (!g->currkey) {
        return 0;
    }
    int eq = obj_richcompare_bool(gr->tgtkey, g->currkey, CMP_EQ);
    if (eq <= 0 || !g->currvalue) {
        return 0;
    }
    Value r = g->currvalue;
    g->currvalue = 0;
    g->currkey = 0;
    return r;
}

static Type type_grouper = {
    .header = {&type_type},
    .name = "itertools._grouper",
    .basic_size = sizeof(GrouperObject),
    .base = &type_object,
    .trace = grouper_trace,
    .new_ = grouper_tp_new,
    .iter = iter_self,
    .iternext = grouper_next,
};

// ---- tee ------------------------------------------------------------------------------------------------------------

// A cell of tee's shared buffer. `values[0..numread)` are read; the next
// cell is made when some _tee goes past the last value of this one.
#define TEE_LINKCELLS 57
typedef struct TeeDataObject {
    Object header;
    Value it;            // the source, shared by every cell
    Value nextlink;      // the next cell, or 0
    int numread;
    int running;         // reading the source now (re-entry is an error)
    Value values[TEE_LINKCELLS];
} TeeDataObject;

typedef struct TeeObject {
    Object header;
    Value dataobj;       // the current cell
    int index;           // the next value's index in it
} TeeObject;

static Type type_tee_dataobject, type_tee;

static void teedata_trace(Object *o, GcTracer *t) {
    TeeDataObject *d = (TeeDataObject *)o;
    gc_trace_value(t, d->it);
    gc_trace_value(t, d->nextlink);
    gc_trace_values(t, d->values, (size_t)d->numread);
}

static TeeDataObject *teedata_new(Value it) {
    TeeDataObject *d = (TeeDataObject *)gc_alloc(&type_tee_dataobject, sizeof *d);
    if (d) {
        d->it = it;
    }
    return d;
}

static Value teedata_getitem(TeeDataObject *d, int i) {
    if (i < d->numread) {
        return d->values[i];
    }
    if (d->running) {
        return err_format(&exc_RuntimeError, "cannot re-enter the tee iterator");
    }
    d->running = 1;
    Value v = obj_next(d->it);
    d->running = 0;
    if (!v) {
        return 0;
    }
    d->values[d->numread++] = v;
    return v;
}

static Type type_tee_dataobject = {
    .header = {&type_type},
    .name = "itertools._tee_dataobject",
    .basic_size = sizeof(TeeDataObject),
    .base = &type_object,
    .trace = teedata_trace,
};

static void tee_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((TeeObject *)o)->dataobj);
}

static Value tee_copy_of(Value tee) {
    TeeObject *src = (TeeObject *)val_ptr(tee);
    TeeObject *t = (TeeObject *)gc_alloc(&type_tee, sizeof *t);
    if (!t) {
        return 0;
    }
    t->dataobj = src->dataobj;
    t->index = src->index;
    return val_from_ptr(t);
}

// A _tee over iter(iterable): a copy if that is a _tee already.
static Value tee_from_iterable(Value iterable) {
    Value it = obj_iter(iterable);
    if (!it) {
        return 0;
    }
    if (val_is_ptr(it) && val_ptr(it)->type == &type_tee) {
        return tee_copy_of(it);
    }
    TeeDataObject *d = teedata_new(it);
    TeeObject *t = d ? (TeeObject *)gc_alloc(&type_tee, sizeof *t) : NULL;
    if (!t) {
        return 0;
    }
    t->dataobj = val_from_ptr(d);
    return val_from_ptr(t);
}

static Value tee_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_tee", kwnames) < 0 || args_check_positional("_tee", nargs, 1, 1) < 0) {
        return 0;
    }
    return tee_from_iterable(args[0]);
}

static Value tee_next(Value self) {
    TeeObject *t = (TeeObject *)val_ptr(self);
    TeeDataObject *d = (TeeDataObject *)val_ptr(t->dataobj);
    if (t->index >= TEE_LINKCELLS) {
        if (!d->nextlink) {
            TeeDataObject *link = teedata_new(d->it);
            if (!link) {
                return 0;
            }
            d->nextlink = val_from_ptr(link);
        }
        t->dataobj = d->nextlink;
        t->index = 0;
        d = (TeeDataObject *)val_ptr(t->dataobj);
    }
    Value v = teedata_getitem(d, t->index);
    if (v) {
        t->index++;
    }
    return v;
}

FN(tee_m_copy) {
    if (method_check_args("_tee.__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return tee_copy_of(self);
}

static const MethodDef tee_methods[] = {
    {"__copy__", tee_m_copy, METH_DEFAULT, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static Type type_tee = {
    .header = {&type_type},
    .name = "itertools._tee",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(TeeObject),
    .base = &type_object,
    .trace = tee_trace,
    .new_ = tee_tp_new,
    .iter = iter_self,
    .iternext = tee_next,
    .methods = tee_methods,
};

// tee(iterable, n=2, /): n independent iterators. An iterator with a
// __copy__ method (a _tee, or any that offers one) is copied with it
// instead of being wrapped.
FN(itertools_tee) {
    if (args_no_keywords("itertools.tee", kwnames) < 0 ||
        args_check_positional("tee", nargs, 1, 2) < 0) {
        return 0;
    }
    int64_t n = 2;
    if (nargs == 2 && ssize_arg(args[1], &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "n must be >= 0");
    }
    Value result = tuple_new((size_t)n);
    if (!result || n == 0) {
        return result;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    static Value copy_name;
    if (!copy_name) {
        copy_name = str_intern_cstr("__copy__");
        if (!copy_name) {
            return 0;
        }
        gc_add_root(&copy_name);
    }
    Value copyable = it;
    Value copyfunc = obj_getattr_opt(it, copy_name);
    if (!copyfunc) {
        if (err_occurred()) {
            return 0;
        }
        copyable = tee_from_iterable(it);
        copyfunc = copyable ? obj_getattr(copyable, copy_name) : 0;
        if (!copyfunc) {
            return 0;
        }
    }
    tuple_obj(result)->items[0] = copyable;
    for (int64_t i = 1; i < n; i++) {
        Value c = obj_call0(copyfunc);
        if (!c) {
            return 0;
        }
        tuple_obj(result)->items[i] = c;
    }
    return result;
}

// ---- zip_longest ------------------------------------------------------------------------------------------------------

typedef struct ZipLongestObject {
    Object header;
    Value iters;         // a tuple; an exhausted iterator's entry becomes 0
    Value fillvalue;
    size_t numactive;
} ZipLongestObject;

static void zip_longest_trace(Object *o, GcTracer *t) {
    ZipLongestObject *z = (ZipLongestObject *)o;
    gc_trace_value(t, z->iters);
    gc_trace_value(t, z->fillvalue);
}

static Value zip_longest_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value fillvalue = VAL_NONE;
    size_t nkw = args_nkw(kwnames);
    if (nkw > 0) {
        Value kw = tuple_obj(kwnames)->items[0];
        if (nkw != 1 || strcmp(str_obj(kw)->data, "fillvalue") != 0) {
            return err_format(&exc_TypeError, "zip_longest() got an unexpected keyword argument");
        }
        fillvalue = args[nargs];
    }
    Value iters = tuple_new(nargs);
    if (!iters) {
        return 0;
    }
    for (size_t i = 0; i < nargs; i++) {
        Value it = obj_iter(args[i]);
        if (!it) {
            return 0;
        }
        tuple_obj(iters)->items[i] = it;
    }
    ZipLongestObject *z = (ZipLongestObject *)alloc_instance(type);
    if (!z) {
        return 0;
    }
    z->iters = iters;
    z->fillvalue = fillvalue;
    z->numactive = nargs;
    return val_from_ptr(z);
}

static Value zip_longest_next(Value self) {
    ZipLongestObject *z = (ZipLongestObject *)val_ptr(self);
    TupleObject *iters = tuple_obj(z->iters);
    if (iters->len == 0 || z->numactive == 0) {
        return 0;
    }
    Value result = tuple_new(iters->len);
    if (!result) {
        return 0;
    }
    for (size_t i = 0; i < iters->len; i++) {
        Value item = z->fillvalue;
        if (iters->items[i]) {
            int r = next_item(iters->items[i], &item);
            if (r <= 0) {
                z->numactive--;
                if (z->numactive == 0 || r < 0) {
                    z->numactive = 0;
                    return 0;
                }
                iters->items[i] = 0;
                item = z->fillvalue;
            }
        }
        tuple_obj(result)->items[i] = item;
    }
    return result;
}

static Type type_zip_longest = {
    .header = {&type_type},
    .name = "itertools.zip_longest",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(ZipLongestObject),
    .base = &type_object,
    .trace = zip_longest_trace,
    .new_ = zip_longest_tp_new,
    .iter = iter_self,
    .iternext = zip_longest_next,
};

// ---- pairwise ------------------------------------------------------------------------------------------------------------

typedef struct PairwiseObject {
    Object header;
    Value it;        // 0 once exhausted
    Value old;       // the previous item, or 0
} PairwiseObject;

static Type type_pairwise;

static void pairwise_trace(Object *o, GcTracer *t) {
    PairwiseObject *p = (PairwiseObject *)o;
    gc_trace_value(t, p->it);
    gc_trace_value(t, p->old);
}

static Value pairwise_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (no_keywords_exact(type, &type_pairwise, "pairwise", kwnames) < 0 ||
        args_check_positional("pairwise", nargs, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    PairwiseObject *p = (PairwiseObject *)alloc_instance(type);
    if (!p) {
        return 0;
    }
    p->it = it;
    return val_from_ptr(p);
}

static Value pairwise_next(Value self) {
    PairwiseObject *p = (PairwiseObject *)val_ptr(self);
    // Locals, not p->it and p->old, across the calls into the source: it
    // may call back into this pairwise.
    Value it = p->it;
    if (!it) {
        return 0;
    }
    Value old = p->old;
    if (!old) {
        old = obj_next(it);
        p->old = old;
        if (!old) {
            p->it = 0;
            return 0;
        }
    }
    Value item = obj_next(it);
    if (!item) {
        p->it = 0;
        p->old = 0;
        return 0;
    }
    Value r = tuple_pack2(old, item);
    p->old = item;
    return r;
}

static Type type_pairwise = {
    .header = {&type_type},
    .name = "itertools.pairwise",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(PairwiseObject),
    .base = &type_object,
    .trace = pairwise_trace,
    .new_ = pairwise_tp_new,
    .iter = iter_self,
    .iternext = pairwise_next,
};

// ---- the combinatoric iterators -------------------------------------------------------------------------------------------
//
// product, combinations, combinations_with_replacement and permutations
// keep the input as a tuple `pool` (product: a tuple of pools), the
// current positions as a malloc'ed index array, and the last result tuple;
// each step changes the indices from the right, as CPython's do, and
// returns a fresh tuple.

typedef struct CombinatoricObject {
    Object header;
    Value pool;          // a tuple (product: a tuple of tuples)
    Value result;        // the last tuple returned, or 0 before the first
    int64_t r;           // the length of each result
    int64_t *indices;    // r entries (permutations: n)
    int64_t *cycles;     // permutations only: r entries
    int stopped;
} CombinatoricObject;

static void combinatoric_trace(Object *o, GcTracer *t) {
    CombinatoricObject *c = (CombinatoricObject *)o;
    gc_trace_value(t, c->pool);
    gc_trace_value(t, c->result);
}

static void combinatoric_free(Object *o) {
    CombinatoricObject *c = (CombinatoricObject *)o;
    free(c->indices);
    free(c->cycles);
}

static int64_t *index_array(int64_t n) {
    int64_t *p = calloc(n > 0 ? (size_t)n : 1, sizeof(int64_t));
    if (!p) {
        err_no_memory();
    }
    return p;
}

// The next result: a copy of c->result with items [from, r) set to
// pool[indices[k]] (`pools`: pool k is product's k-th pool).
static Value combinatoric_emit(CombinatoricObject *c, int64_t from, int pools) {
    Value result = tuple_new((size_t)c->r);
    if (!result) {
        return 0;
    }
    TupleObject *res = tuple_obj(result);
    if (c->result) {
        memcpy(res->items, tuple_obj(c->result)->items, (size_t)from * sizeof(Value));
    } else {
        from = 0;
    }
    for (int64_t k = from; k < c->r; k++) {
        Value pool = pools ? tuple_obj(c->pool)->items[k] : c->pool;
        res->items[k] = tuple_obj(pool)->items[c->indices[k]];
    }
    c->result = result;
    return result;
}

static Value combinatoric_alloc(Value type, Value pool, int64_t r, int64_t nindices) {
    int64_t *indices = index_array(nindices);
    if (!indices) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)alloc_instance(type);
    if (!c) {
        free(indices);
        return 0;
    }
    c->pool = pool;
    c->r = r;
    c->indices = indices;
    return val_from_ptr(c);
}

#define COMBINATORIC_TYPE_(var, pyname)                                                      \
    static Type type_##var = {                                                             \
        .header = {&type_type},                                                            \
        .name = "itertools." pyname,                                                       \
        .flags = TYPE_BASETYPE,                                                            \
        .basic_size = sizeof(CombinatoricObject),                                          \
        .base = &type_object,                                                              \
        .trace = combinatoric_trace,                                                       \
        .free = combinatoric_free,                                                         \
        .new_ = var##_tp_new,                                                              \
        .iter = iter_self,                                                                 \
        .iternext = var##_next,                                                            \
    };

// product(*iterables, repeat=1)
static const char *const product_kwnames[] = {"repeat", NULL};

static Value product_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value repeat_arg = 0;
    if (args_kwonly("product", args + nargs, kwnames, product_kwnames, 1, &repeat_arg) < 0) {
        return 0;
    }
    int64_t repeat = 1;
    if (repeat_arg) {
        if (ssize_arg(repeat_arg, &repeat) < 0) {
            return 0;
        }
        if (repeat < 0) {
            return err_format(&exc_ValueError, "repeat argument cannot be negative");
        }
    }
    size_t n = repeat == 0 ? 0 : nargs;
    if (n > 0 && (uint64_t)n > (uint64_t)INT64_MAX / sizeof(int64_t) / (uint64_t)repeat) {
        return err_format(&exc_OverflowError, "repeat argument too large");
    }
    int64_t npools = (int64_t)n * repeat;
    Value pools = tuple_new((size_t)npools);
    if (!pools) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        Value pool = tuple_from_iterable(args[i]);
        if (!pool) {
            return 0;
        }
        for (int64_t k = 0; k < repeat; k++) {
            tuple_obj(pools)->items[(size_t)k * n + i] = pool;
        }
    }
    return combinatoric_alloc(type, pools, npools, npools);
}

static Value product_next(Value self) {
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    if (c->stopped) {
        return 0;
    }
    TupleObject *pools = tuple_obj(c->pool);
    if (!c->result) {
        for (int64_t k = 0; k < c->r; k++) {
            if (tuple_obj(pools->items[k])->len == 0) {
                c->stopped = 1;
                return 0;
            }
        }
        return combinatoric_emit(c, 0, 1);
    }
    // Advance the rightmost pool; roll over into the next one to the left.
    int64_t i = c->r - 1;
    for (; i >= 0; i--) {
        c->indices[i]++;
        if ((size_t)c->indices[i] < tuple_obj(pools->items[i])->len) {
            break;
        }
        c->indices[i] = 0;
    }
    if (i < 0) {
        c->stopped = 1;
        return 0;
    }
    return combinatoric_emit(c, i, 1);
}

COMBINATORIC_TYPE_(product, "product")

// combinations(iterable, r)
static const char *const combinations_kwnames[] = {"iterable", "r", NULL};
static const ArgSpec combinations_spec = {"combinations", 0, combinations_kwnames, 2, 2, 0};
static const ArgSpec cwr_spec = {"combinations_with_replacement", 0, combinations_kwnames,
                                 2, 2, 0};

// (pool, r) for combinations and combinations_with_replacement.
static Value combinations_args(const ArgSpec *spec, const Value *args, size_t nargs,
                               Value kwnames, int64_t *r) {
    Value a[2];
    if (args_unpack(spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value pool = tuple_from_iterable(a[0]);
    if (!pool || ssize_arg(a[1], r) < 0) {
        return 0;
    }
    if (*r < 0) {
        return err_format(&exc_ValueError, "r must be non-negative");
    }
    return pool;
}

static Value combinations_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    int64_t r;
    Value pool = combinations_args(&combinations_spec, args, nargs, kwnames, &r);
    Value self = pool ? combinatoric_alloc(type, pool, r, r) : 0;
    if (!self) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    for (int64_t i = 0; i < r; i++) {
        c->indices[i] = i;
    }
    c->stopped = r > (int64_t)tuple_obj(pool)->len;
    return self;
}

static Value combinations_next(Value self) {
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    if (c->stopped) {
        return 0;
    }
    if (!c->result) {
        return combinatoric_emit(c, 0, 0);
    }
    int64_t n = (int64_t)tuple_obj(c->pool)->len, r = c->r;
    // The rightmost index not at its maximum (i + n - r).
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) {
        i--;
    }
    if (i < 0) {
        c->stopped = 1;
        return 0;
    }
    c->indices[i]++;
    for (int64_t j = i + 1; j < r; j++) {
        c->indices[j] = c->indices[j - 1] + 1;
    }
    return combinatoric_emit(c, i, 0);
}

COMBINATORIC_TYPE_(combinations, "combinations")

// combinations_with_replacement(iterable, r)
static Value cwr_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    int64_t r;
    Value pool = combinations_args(&cwr_spec, args, nargs, kwnames, &r);
    Value self = pool ? combinatoric_alloc(type, pool, r, r) : 0;
    if (!self) {
        return 0;
    }
    ((CombinatoricObject *)val_ptr(self))->stopped = tuple_obj(pool)->len == 0 && r > 0;
    return self;
}

static Value cwr_next(Value self) {
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    if (c->stopped) {
        return 0;
    }
    if (!c->result) {
        return combinatoric_emit(c, 0, 0);
    }
    int64_t n = (int64_t)tuple_obj(c->pool)->len, r = c->r;
    // The rightmost index not at its maximum (n - 1).
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1) {
        i--;
    }
    if (i < 0) {
        c->stopped = 1;
        return 0;
    }
    int64_t index = c->indices[i] + 1;
    for (int64_t j = i; j < r; j++) {
        c->indices[j] = index;
    }
    return combinatoric_emit(c, i, 0);
}

COMBINATORIC_TYPE_(cwr, "combinations_with_replacement")

// permutations(iterable, r=None)
static const char *const permutations_kwnames[] = {"iterable", "r", NULL};
static const ArgSpec permutations_spec = {"permutations", 0, permutations_kwnames, 1, 2, 0};

static Value permutations_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Value a[2];
    if (args_unpack(&permutations_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value pool = tuple_from_iterable(a[0]);
    if (!pool) {
        return 0;
    }
    int64_t n = (int64_t)tuple_obj(pool)->len, r = n;
    if (a[1] && a[1] != VAL_NONE) {
        if (!int_check(a[1])) {
            return err_format(&exc_TypeError, "Expected int as r");
        }
        if (int_to_i64(a[1], &r) < 0) {
            err_clear();
            return err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        }
        if (r < 0) {
            return err_format(&exc_ValueError, "r must be non-negative");
        }
    }
    int64_t *cycles = index_array(r);
    Value self = cycles ? combinatoric_alloc(type, pool, r, n) : 0;
    if (!self) {
        free(cycles);
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    c->cycles = cycles;
    for (int64_t i = 0; i < n; i++) {
        c->indices[i] = i;
    }
    for (int64_t i = 0; i < r && i < n; i++) {
        c->cycles[i] = n - i;
    }
    c->stopped = r > n;
    return self;
}

static Value permutations_next(Value self) {
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    if (c->stopped) {
        return 0;
    }
    if (!c->result) {
        return combinatoric_emit(c, 0, 0);
    }
    int64_t n = (int64_t)tuple_obj(c->pool)->len, r = c->r;
    if (n == 0) {
        c->stopped = 1;
        return 0;
    }
    int64_t *ix = c->indices, *cy = c->cycles;
    // Decrement the rightmost cycle; at zero, rotate indices[i:] left and
    // move on to the cycle on its left.
    for (int64_t i = r - 1; i >= 0; i--) {
        cy[i]--;
        if (cy[i] == 0) {
            int64_t first = ix[i];
            memmove(ix + i, ix + i + 1, (size_t)(n - 1 - i) * sizeof(int64_t));
            ix[n - 1] = first;
            cy[i] = n - i;
        } else {
            int64_t j = cy[i];
            int64_t tmp = ix[i];
            ix[i] = ix[n - j];
            ix[n - j] = tmp;
            return combinatoric_emit(c, i, 0);
        }
    }
    c->stopped = 1;
    return 0;
}

COMBINATORIC_TYPE_(permutations, "permutations")
#undef COMBINATORIC_TYPE_

// ---- the module -------------------------------------------------------------------------------------------------------------

static const MethodDef itertools_functions[] = {
    {"tee", itertools_tee, METH_DEFAULT, "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static const char itertools_doc[] =
    "Functional tools for creating and using iterators.\n\nInfinite iterators:\n"
    "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
    "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
    "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\n"
    "Iterators terminating on the shortest input sequence:\n"
    "accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\n"
    "chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\n"
    "chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\n"
    "compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\n"
    "dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\n"
    "groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\n"
    "filterfalse(pred, seq) --> elements of seq where pred(elem) is False\n"
    "islice(seq, [start,] stop [, step]) --> elements from\n"
    "       seq[start:stop:step]\n"
    "pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\n"
    "starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\n"
    "tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\n"
    "takewhile(pred, seq) --> seq[0], seq[1], until pred fails\n"
    "zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\n"
    "Combinatoric generators:\n"
    "product(p, q, ... [repeat=1]) --> cartesian product\n"
    "permutations(p[, r])\n"
    "combinations(p, r)\n"
    "combinations_with_replacement(p, r)\n";

Value itertools_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    static const struct {
        const char *name;
        Type *type;
    } types[] = {
        {"accumulate", &type_accumulate},
        {"chain", &type_chain},
        {"combinations", &type_combinations},
        {"combinations_with_replacement", &type_cwr},
        {"compress", &type_compress},
        {"count", &type_count},
        {"cycle", &type_cycle},
        {"dropwhile", &type_dropwhile},
        {"filterfalse", &type_filterfalse},
        {"groupby", &type_groupby},
        {"islice", &type_islice},
        {"pairwise", &type_pairwise},
        {"permutations", &type_permutations},
        {"product", &type_product},
        {"repeat", &type_repeat},
        {"starmap", &type_starmap},
        {"takewhile", &type_takewhile},
        {"zip_longest", &type_zip_longest},
        {"_grouper", &type_grouper},
        {"_tee", &type_tee},
        {"_tee_dataobject", &type_tee_dataobject},
    };
    Value m = module_new_cstr("itertools");
    if (!m || module_add_functions(m, itertools_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr(itertools_doc)) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (type_ready(types[i].type) < 0 ||
            module_add(m, types[i].name, val_from_ptr(types[i].type)) < 0) {
            return 0;
        }
    }
    if (generic_alias_install_type(&type_chain) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
