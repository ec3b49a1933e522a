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
#include "../runtime/iterators.h"
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

// Keyword arguments are refused unless a subclass defines its own
// __init__, which may take some (CPython's `(type == &X_type ||
// type->tp_init == X_type.tp_init) && !_PyArg_NoKeywords(...)`).
static int no_keywords_exact(Value type, Type *exact, const char *fname, Value kwnames) {
    if (type == val_from_ptr(exact) || ((Type *)val_ptr(type))->init == exact->init) {
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


// ---- pickling ---------------------------------------------------------------------------------
//
// Every type but pairwise pickles as CPython 3.11's does: __reduce__ gives
// (type(self), args) or (type(self), args, state), and __setstate__ takes
// that state back, validated with the checks and messages of CPython's
// PyArg_ParseTuple formats ("state is not a tuple", "function takes
// exactly 2 arguments (1 given)", "argument 1 must be list, not int").

static Value or_none(Value v) {
    return v ? v : VAL_NONE;
}

static Value reduce_args(Value self, Value args) {
    return args ? tuple_pack2(val_from_ptr(type_of(self)), args) : 0;
}

static Value reduce_state(Value self, Value args, Value state) {
    if (!args || !state) {
        return 0;
    }
    return tuple_from((Value[]){val_from_ptr(type_of(self)), args, state}, 3);
}

// The items of a state tuple of min..max items into out[] (0 past the end).
static int state_unpack(Value state, size_t min, size_t max, Value *out) {
    if (!tuple_check(state)) {
        err_format(&exc_TypeError, "state is not a tuple");
        return -1;
    }
    TupleObject *t = tuple_obj(state);
    if (t->len < min || t->len > max) {
        const char *how = min == max ? "exactly" : t->len < min ? "at least" : "at most";
        size_t want = t->len < min ? min : max;
        err_format(&exc_TypeError, "function takes %s %zu argument%s (%zu given)", how, want,
                   want == 1 ? "" : "s", t->len);
        return -1;
    }
    for (size_t i = 0; i < max; i++) {
        out[i] = i < t->len ? t->items[i] : 0;
    }
    return 0;
}

// The "O!" format: argument `argno` must be an instance of `type`.
static int state_arg_type(Value v, Type *type, int argno) {
    if (!type_is_subtype(type_of(v), type)) {
        err_format(&exc_TypeError, "argument %d must be %s, not %s", argno, type->name,
                   obj_type_name(v));
        return -1;
    }
    return 0;
}

// The "i" format: anything with __index__ that fits a C int.
static int state_c_int(Value v, int *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    int64_t x;
    if (int_to_i64(i, &x) < 0) {
        err_clear();
        x = obj_richcompare_bool(i, val_from_smallint(0), CMP_LT) > 0 ? INT64_MIN : INT64_MAX;
    }
    if (x > INT32_MAX || x < INT32_MIN) {
        err_format(&exc_OverflowError, "signed integer is %s", x > 0 ? "greater than maximum"
                                                                     : "less than minimum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// PyLong_AsSsize_t: an int (no __index__), OverflowError past 64 bits.
static int state_ssize(Value v, int64_t *out) {
    if (!int_check(v)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_to_i64(v, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

#define REDUCE_DOC "Return state information for pickling."
#define SETSTATE_DOC "Set state information for unpickling."

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

// CPython's C counter gives (type, (cnt,)); its slow mode (start or step
// not a C integer, or a counter grown past it) gives (type, (cnt, step)).
FN(count_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CountObject *c = (CountObject *)val_ptr(self);
    int64_t i;
    if (c->fast && int_to_i64(c->cnt, &i) == 0 && i != INT64_MAX) {
        return reduce_args(self, tuple_from(&c->cnt, 1));
    }
    err_clear();
    return reduce_args(self, tuple_pack2(c->cnt, c->step));
}

static const MethodDef count_methods[] = {
    {"__reduce__", count_reduce, METH_DEFAULT, REDUCE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = count_methods,
};

// ---- cycle ------------------------------------------------------------------------------------

typedef struct CycleObject {
    Object header;
    Value it;        // 0 once exhausted: then the saved items repeat
    Value saved;     // a list
    size_t index;
    int firstpass;   // set by __setstate__: `saved` holds every item already
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
            if (c->firstpass) {
                return item;
            }
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

// (type, (it,), (saved, firstpass)); once cycling over `saved`, `it` is an
// iterator over saved positioned at the current index.
FN(cycle_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CycleObject *c = (CycleObject *)val_ptr(self);
    if (!c->it) {
        Value it = list_iter(c->saved);
        if (!it) {
            return 0;
        }
        if (c->index != 0) {
            Value index = int_from_i64((int64_t)c->index);
            if (!index || !obj_call_method(it, "__setstate__", &index, 1)) {
                return 0;
            }
        }
        return reduce_state(self, tuple_from(&it, 1), tuple_pack2(c->saved, VAL_TRUE));
    }
    return reduce_state(self, tuple_from(&c->it, 1),
                        tuple_pack2(c->saved, c->firstpass ? VAL_TRUE : VAL_FALSE));
}

FN(cycle_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    CycleObject *c = (CycleObject *)val_ptr(self);
    Value st[2];
    int firstpass;
    if (state_unpack(args[0], 2, 2, st) < 0 || state_arg_type(st[0], &type_list, 1) < 0 ||
        state_c_int(st[1], &firstpass) < 0) {
        return 0;
    }
    c->saved = st[0];
    c->firstpass = firstpass != 0;
    c->index = 0;
    return VAL_NONE;
}

static const MethodDef cycle_methods[] = {
    {"__reduce__", cycle_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", cycle_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = cycle_methods,
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

FN(repeat_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RepeatObject *r = (RepeatObject *)val_ptr(self);
    if (r->cnt >= 0) {
        Value cnt = int_from_i64(r->cnt);
        return reduce_args(self, cnt ? tuple_pack2(r->element, cnt) : 0);
    }
    return reduce_args(self, tuple_from(&r->element, 1));
}

static const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, METH_DEFAULT,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", repeat_reduce, METH_DEFAULT, REDUCE_DOC},
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

static Type type_chain, type_islice;
static Value chain_of2(Value first, Value second);

// (type, (it, func), total). Two states need a different shape, as in
// CPython: an initial value not yet yielded is put back in front of the
// source, and a total that is None (which __setstate__ could not tell
// from "no state") becomes islice(accumulate(chain((None,), it)), 1, None).
FN(accumulate_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    AccumulateObject *acc = (AccumulateObject *)val_ptr(self);
    Value func = or_none(acc->func);
    if (acc->initial || acc->total == VAL_NONE) {
        Value head = acc->initial ? acc->initial : VAL_NONE;
        Value first = tuple_from(&head, 1);
        Value it = first ? chain_of2(first, acc->it) : 0;
        if (!it) {
            return 0;
        }
        if (acc->initial) {
            return reduce_state(self, tuple_pack2(it, func), VAL_NONE);
        }
        Value inner = obj_call(val_from_ptr(type_of(self)), (Value[]){it, func}, 2, 0);
        Value one = val_from_smallint(1);
        Value iargs = inner ? tuple_from((Value[]){inner, one, VAL_NONE}, 3) : 0;
        return iargs ? tuple_pack2(val_from_ptr(&type_islice), iargs) : 0;
    }
    return reduce_state(self, tuple_pack2(acc->it, func), or_none(acc->total));
}

FN(accumulate_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ((AccumulateObject *)val_ptr(self))->total = args[0];
    return VAL_NONE;
}

static const MethodDef accumulate_methods[] = {
    {"__reduce__", accumulate_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", accumulate_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = accumulate_methods,
};

// ---- chain ---------------------------------------------------------------------------------------------

typedef struct ChainObject {
    Object header;
    Value source;    // iterator over the iterables; 0 when done
    Value active;    // the current iterable's iterator, or 0
} ChainObject;

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

// chain(first, second), for accumulate's __reduce__.
static Value chain_of2(Value first, Value second) {
    Value both = tuple_pack2(first, second);
    Value source = both ? obj_iter(both) : 0;
    return source ? chain_make(val_from_ptr(&type_chain), source) : 0;
}

// (type, ()) once done, else (type, (), (source[, active])).
FN(chain_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ChainObject *c = (ChainObject *)val_ptr(self);
    Value empty = tuple_new(0);
    if (!c->source) {
        return reduce_args(self, empty);
    }
    Value state = c->active ? tuple_pack2(c->source, c->active) : tuple_from(&c->source, 1);
    return reduce_state(self, empty, state);
}

FN(chain_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ChainObject *c = (ChainObject *)val_ptr(self);
    Value st[2];
    if (state_unpack(args[0], 1, 2, st) < 0) {
        return 0;
    }
    if (!type_of(st[0])->iternext || (st[1] && !type_of(st[1])->iternext)) {
        return err_format(&exc_TypeError, "Arguments must be iterators.");
    }
    c->source = st[0];
    c->active = st[1];
    return VAL_NONE;
}

static const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates "
     "lazily."},
    {"__reduce__", chain_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", chain_setstate, METH_DEFAULT, SETSTATE_DOC},
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

FN(compress_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CompressObject *c = (CompressObject *)val_ptr(self);
    return reduce_args(self, tuple_pack2(c->data, c->selectors));
}

static const MethodDef compress_methods[] = {
    {"__reduce__", compress_reduce, METH_DEFAULT, REDUCE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = compress_methods,
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

// (type, (func, it)), plus the flag as the state for dropwhile and takewhile.
FN(predicate_iter_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PredicateIterObject *p = (PredicateIterObject *)val_ptr(self);
    Value args_ = tuple_pack2(p->func, p->it);
    if (type_of(self) == &type_filterfalse || type_is_subtype(type_of(self), &type_filterfalse)) {
        return reduce_args(self, args_);
    }
    return reduce_state(self, args_, val_from_smallint(p->flag));
}

FN(predicate_iter_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int flag = obj_truthy(args[0]);
    if (flag < 0) {
        return 0;
    }
    ((PredicateIterObject *)val_ptr(self))->flag = flag;
    return VAL_NONE;
}

static const MethodDef dropwhile_methods[] = {
    {"__reduce__", predicate_iter_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", predicate_iter_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};
#define takewhile_methods dropwhile_methods

static const MethodDef filterfalse_methods[] = {
    {"__reduce__", predicate_iter_reduce, METH_DEFAULT, REDUCE_DOC},
    {NULL, NULL, 0, NULL},
};

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
        .methods = kind##_methods,                                                           \
    };
PREDICATE_TYPE_(dropwhile)
PREDICATE_TYPE_(takewhile)
PREDICATE_TYPE_(filterfalse)
#undef PREDICATE_TYPE_
#undef takewhile_methods

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

FN(starmap_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    StarmapObject *st = (StarmapObject *)val_ptr(self);
    return reduce_args(self, tuple_pack2(st->func, st->it));
}

static const MethodDef starmap_methods[] = {
    {"__reduce__", starmap_reduce, METH_DEFAULT, REDUCE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = starmap_methods,
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

// (type, (it, next, stop, step), cnt); once exhausted,
// (type, (iter([]), 0), 0).
FN(islice_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    IsliceObject *s = (IsliceObject *)val_ptr(self);
    Value zero = val_from_smallint(0);
    if (!s->it) {
        Value empty = list_new(0);
        Value it = empty ? list_iter(empty) : 0;
        return reduce_state(self, it ? tuple_pack2(it, zero) : 0, zero);
    }
    Value next = int_from_i64(s->next);
    Value stop = s->stop == -1 ? VAL_NONE : int_from_i64(s->stop);
    Value step = int_from_i64(s->step);
    Value cnt = int_from_i64(s->cnt);
    if (!next || !stop || !step || !cnt) {
        return 0;
    }
    return reduce_state(self, tuple_from((Value[]){s->it, next, stop, step}, 4), cnt);
}

FN(islice_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t cnt;
    if (state_ssize(args[0], &cnt) < 0) {
        return 0;
    }
    ((IsliceObject *)val_ptr(self))->cnt = cnt;
    return VAL_NONE;
}

static const MethodDef islice_methods[] = {
    {"__reduce__", islice_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", islice_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = islice_methods,
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

// (type, (it, keyfunc)), with (currkey, currvalue, tgtkey) as the state
// while an item is read ahead.
FN(groupby_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    GroupbyObject *g = (GroupbyObject *)val_ptr(self);
    Value args_ = tuple_pack2(g->it, or_none(g->keyfunc));
    if (g->tgtkey && g->currkey && g->currvalue) {
        return reduce_state(self, args_,
                            tuple_from((Value[]){g->currkey, g->currvalue, g->tgtkey}, 3));
    }
    return reduce_args(self, args_);
}

FN(groupby_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    GroupbyObject *g = (GroupbyObject *)val_ptr(self);
    Value st[3];
    if (state_unpack(args[0], 3, 3, st) < 0) {
        return 0;
    }
    g->currkey = st[0];
    g->currvalue = st[1];
    g->tgtkey = st[2];
    return VAL_NONE;
}

static const MethodDef groupby_methods[] = {
    {"__reduce__", groupby_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", groupby_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = groupby_methods,
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

// (type, (parent, tgtkey)) while this is the parent's current group;
// an abandoned group yields nothing more: (iter, ((),)).
FN(grouper_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    GrouperObject *gr = (GrouperObject *)val_ptr(self);
    if (((GroupbyObject *)val_ptr(gr->parent))->currgrouper != self) {
        Value empty = tuple_new(0);
        return empty ? seqiter_reduce("iter", 0, 0, empty) : 0;
    }
    return reduce_args(self, tuple_pack2(gr->parent, gr->tgtkey));
}

static const MethodDef grouper_methods[] = {
    {"__reduce__", grouper_reduce, METH_DEFAULT, REDUCE_DOC},
    {NULL, NULL, 0, NULL},
};

static Type type_grouper = {
    .header = {&type_type},
    .name = "itertools._grouper",
    .basic_size = sizeof(GrouperObject),
    .base = &type_object,
    .trace = grouper_trace,
    .new_ = grouper_tp_new,
    .iter = iter_self,
    .iternext = grouper_next,
    .methods = grouper_methods,
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

// _tee_dataobject(it, values, next): a cell as its __reduce__ describes
// it. Only a full cell may have a next one, and that must be a cell.
static Value teedata_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("teedataobject", kwnames) < 0) {
        return 0;
    }
    if (nargs != 3) {
        return err_format(&exc_TypeError, "teedataobject expected 3 arguments, got %zu", nargs);
    }
    if (!list_check(args[1])) {
        return err_format(&exc_TypeError, "teedataobject() argument 2 must be list, not %s",
                          obj_type_name(args[1]));
    }
    ListObject *values = list_obj(args[1]);
    Value next = args[2];
    int ok = values->len <= TEE_LINKCELLS;
    if (ok && values->len == TEE_LINKCELLS) {
        ok = next == VAL_NONE || (val_is_ptr(next) && val_ptr(next)->type == &type_tee_dataobject);
    } else if (ok) {
        ok = next == VAL_NONE;
    }
    if (!ok) {
        return err_format(&exc_ValueError, "Invalid arguments");
    }
    TeeDataObject *d = teedata_new(args[0]);
    if (!d) {
        return 0;
    }
    if (values->len) {
        memcpy(d->values, values->items, values->len * sizeof(Value));
    }
    d->numread = (int)values->len;
    d->nextlink = next == VAL_NONE ? 0 : next;
    return val_from_ptr(d);
}

// (type, (it, values read, next cell or None)).
FN(teedata_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TeeDataObject *d = (TeeDataObject *)val_ptr(self);
    Value values = list_new((size_t)d->numread);
    if (!values) {
        return 0;
    }
    for (int i = 0; i < d->numread; i++) {
        if (list_append(values, d->values[i]) < 0) {
            return 0;
        }
    }
    return reduce_args(self, tuple_from((Value[]){d->it, values, or_none(d->nextlink)}, 3));
}

static const MethodDef teedata_methods[] = {
    {"__reduce__", teedata_reduce, METH_DEFAULT, REDUCE_DOC},
    {NULL, NULL, 0, NULL},
};

static Type type_tee_dataobject = {
    .header = {&type_type},
    .name = "itertools._tee_dataobject",
    .basic_size = sizeof(TeeDataObject),
    .base = &type_object,
    .trace = teedata_trace,
    .new_ = teedata_tp_new,
    .methods = teedata_methods,
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

// (type, ((),), (cell, index)): a _tee over nothing, then its position.
FN(tee_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TeeObject *t = (TeeObject *)val_ptr(self);
    Value empty = tuple_new(0);
    Value index = int_from_i64(t->index);
    if (!empty || !index) {
        return 0;
    }
    return reduce_state(self, tuple_from(&empty, 1), tuple_pack2(t->dataobj, index));
}

FN(tee_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    TeeObject *t = (TeeObject *)val_ptr(self);
    Value st[2];
    int index;
    if (state_unpack(args[0], 2, 2, st) < 0 ||
        state_arg_type(st[0], &type_tee_dataobject, 1) < 0 || state_c_int(st[1], &index) < 0) {
        return 0;
    }
    if (index < 0 || index > TEE_LINKCELLS) {
        return err_format(&exc_ValueError, "Index out of range");
    }
    t->dataobj = st[0];
    t->index = index;
    return VAL_NONE;
}

static const MethodDef tee_methods[] = {
    {"__copy__", tee_m_copy, METH_DEFAULT, "Returns an independent iterator."},
    {"__reduce__", tee_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", tee_setstate, METH_DEFAULT, SETSTATE_DOC},
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

// (type, iterators with () for the exhausted ones, fillvalue).
FN(zip_longest_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ZipLongestObject *z = (ZipLongestObject *)val_ptr(self);
    size_t n = tuple_obj(z->iters)->len;
    Value args_ = tuple_new(n);
    Value empty = args_ ? tuple_new(0) : 0;
    if (!empty) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        Value it = tuple_obj(z->iters)->items[i];
        tuple_obj(args_)->items[i] = it ? it : empty;
    }
    return reduce_state(self, args_, z->fillvalue);
}

FN(zip_longest_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ((ZipLongestObject *)val_ptr(self))->fillvalue = args[0];
    return VAL_NONE;
}

static const MethodDef zip_longest_methods[] = {
    {"__reduce__", zip_longest_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", zip_longest_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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
    .methods = zip_longest_methods,
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
        .methods = var##_methods,                                                          \
    };

// Pickling: __reduce__ gives the constructor's arguments and, once a
// result was returned, the indices (permutations: indices and cycles);
// __setstate__ clamps each index into its range, as CPython does, and
// rebuilds the last result from them.

static Value index_tuple(const int64_t *a, int64_t n) {
    Value t = tuple_new((size_t)n);
    if (!t) {
        return 0;
    }
    for (int64_t i = 0; i < n; i++) {
        Value v = int_from_i64(a[i]);
        if (!v) {
            return 0;
        }
        tuple_obj(t)->items[i] = v;
    }
    return t;
}

// A state that must be a tuple of `n` items.
static TupleObject *index_state(Value state, int64_t n) {
    if (!tuple_check(state) || (int64_t)tuple_obj(state)->len != n) {
        err_format(&exc_ValueError, "invalid arguments");
        return NULL;
    }
    return tuple_obj(state);
}

static int64_t clamp(int64_t v, int64_t lo, int64_t hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

// (type, (pool, r)) before the first result, (type, ((), r)) once done,
// else (type, (pool, r), state): combinations and its with-replacement
// and permutations siblings.
static Value pool_r_reduce(Value self, Value state) {
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    Value r = int_from_i64(c->r);
    if (!r) {
        return 0;
    }
    if (!c->result) {
        return reduce_args(self, tuple_pack2(c->pool, r));
    }
    if (c->stopped) {
        Value empty = tuple_new(0);
        return reduce_args(self, empty ? tuple_pack2(empty, r) : 0);
    }
    return reduce_state(self, tuple_pack2(c->pool, r), state);
}

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

FN(product_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    if (c->stopped) {
        Value empty = tuple_new(0);
        return reduce_args(self, empty ? tuple_from(&empty, 1) : 0);
    }
    if (!c->result) {
        return reduce_args(self, c->pool);
    }
    return reduce_state(self, c->pool, index_tuple(c->indices, c->r));
}

FN(product_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    TupleObject *st = index_state(args[0], c->r);
    if (!st) {
        return 0;
    }
    for (int64_t i = 0; i < c->r; i++) {
        int64_t index;
        if (state_ssize(st->items[i], &index) < 0) {
            return 0;
        }
        int64_t poolsize = (int64_t)tuple_obj(tuple_obj(c->pool)->items[i])->len;
        if (poolsize == 0) {
            c->stopped = 1;
            return VAL_NONE;
        }
        c->indices[i] = clamp(index, 0, poolsize - 1);
    }
    return combinatoric_emit(c, 0, 1) ? VAL_NONE : 0;
}

static const MethodDef product_methods[] = {
    {"__reduce__", product_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", product_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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

FN(combinations_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    return pool_r_reduce(self, c->result ? index_tuple(c->indices, c->r) : VAL_NONE);
}

// Index i of combinations lies in [0, i + n - r]; with replacement, [0, n - 1].
static Value combinations_set(Value self, Value state, int replace) {
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    TupleObject *st = index_state(state, c->r);
    if (!st) {
        return 0;
    }
    int64_t n = (int64_t)tuple_obj(c->pool)->len;
    for (int64_t i = 0; i < c->r; i++) {
        int64_t index;
        if (state_ssize(st->items[i], &index) < 0) {
            return 0;
        }
        c->indices[i] = clamp(index, 0, replace ? n - 1 : i + n - c->r);
    }
    if (replace ? n == 0 && c->r > 0 : c->r > n) {
        return VAL_NONE;    // no result can exist: the iterator stays stopped
    }
    return combinatoric_emit(c, 0, 0) ? VAL_NONE : 0;
}

FN(combinations_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return combinations_set(self, args[0], 0);
}

static const MethodDef combinations_methods[] = {
    {"__reduce__", combinations_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", combinations_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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

FN(cwr_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return combinations_set(self, args[0], 1);
}

static const MethodDef cwr_methods[] = {
    {"__reduce__", combinations_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", cwr_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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

FN(permutations_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    Value state = VAL_NONE;
    if (c->result) {
        Value indices = index_tuple(c->indices, (int64_t)tuple_obj(c->pool)->len);
        Value cycles = indices ? index_tuple(c->cycles, c->r) : 0;
        state = cycles ? tuple_pack2(indices, cycles) : 0;
    }
    return pool_r_reduce(self, state);
}

// State (indices, cycles): index i in [0, n - 1], cycle i in [1, n - i].
FN(permutations_setstate) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    CombinatoricObject *c = (CombinatoricObject *)val_ptr(self);
    Value st[2];
    if (state_unpack(args[0], 2, 2, st) < 0 || state_arg_type(st[0], &type_tuple, 1) < 0 ||
        state_arg_type(st[1], &type_tuple, 2) < 0) {
        return 0;
    }
    int64_t n = (int64_t)tuple_obj(c->pool)->len;
    if ((int64_t)tuple_obj(st[0])->len != n || (int64_t)tuple_obj(st[1])->len != c->r) {
        return err_format(&exc_ValueError, "invalid arguments");
    }
    for (int64_t i = 0; i < n; i++) {
        int64_t index;
        if (state_ssize(tuple_obj(st[0])->items[i], &index) < 0) {
            return 0;
        }
        c->indices[i] = clamp(index, 0, n - 1);
    }
    if (c->r > n) {
        return VAL_NONE;    // stopped from the start
    }
    for (int64_t i = 0; i < c->r; i++) {
        int64_t index;
        if (state_ssize(tuple_obj(st[1])->items[i], &index) < 0) {
            return 0;
        }
        c->cycles[i] = clamp(index, 1, n - i);
    }
    return combinatoric_emit(c, 0, 0) ? VAL_NONE : 0;
}

static const MethodDef permutations_methods[] = {
    {"__reduce__", permutations_reduce, METH_DEFAULT, REDUCE_DOC},
    {"__setstate__", permutations_setstate, METH_DEFAULT, SETSTATE_DOC},
    {NULL, NULL, 0, NULL},
};

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
