// collectionsmodule.c - the `_collections` module: deque, defaultdict,
// _count_elements and _tuplegetter, for Lib/collections/__init__.py.
// OrderedDict is left to the pure-Python class in that file (it imports
// ours only if present).
//
// deque is a ring buffer: `cap` slots of malloc'ed Values, item i at
// items[(head + i) % cap]. It grows by doubling (and is linearized then);
// it never shrinks below its initial capacity.
//
// Every mutation bumps `state`, as CPython's deque does: an iterator, and
// count/index/remove/__contains__ (whose comparisons may run Python code
// that changes the deque), compare it with the state they started from and
// raise RuntimeError "deque mutated during iteration" when it moved. Code
// that calls out to Python re-reads `len` and the buffer afterwards, never
// keeping a pointer into `items` across a call.
//
// defaultdict is a dict subclass implemented in C: its instances are dicts
// with one more Value (default_factory) after dict's private layout, so
// its basic_size is computed from type_dict's at module creation.
#include <stdlib.h>
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
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- deque: the ring buffer ------------------------------------------------------------------

typedef struct DequeObject {
    Object header;
    Value *items;      // malloc'ed, `cap` slots
    size_t cap, head, len;
    int64_t maxlen;    // -1: unbounded
    uint64_t state;    // bumped by every mutation
} DequeObject;

static Type type_deque, type_deque_iter, type_deque_reviter;

static DequeObject *dq(Value v) {
    return (DequeObject *)val_ptr(v);
}

static int deque_check(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &type_deque);
}

static Value *deque_slot(DequeObject *d, size_t i) {
    return &d->items[(d->head + i) % d->cap];
}

static void deque_trace(Object *o, GcTracer *t) {
    DequeObject *d = (DequeObject *)o;
    for (size_t i = 0; i < d->len; i++) {
        gc_trace_value(t, *deque_slot(d, i));
    }
}

static void deque_free(Object *o) {
    free(((DequeObject *)o)->items);
}

// Room for one more item. 0 or -1 (MemoryError).
static int deque_reserve(DequeObject *d) {
    if (d->len < d->cap) {
        return 0;
    }
    size_t ncap = d->cap ? d->cap * 2 : 8;
    Value *n = malloc(ncap * sizeof(Value));
    if (!n) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < d->len; i++) {
        n[i] = *deque_slot(d, i);
    }
    free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

static Value deque_pop_right(DequeObject *d) {
    Value v = *deque_slot(d, d->len - 1);
    d->len--;
    d->state++;
    return v;
}

static Value deque_pop_left(DequeObject *d) {
    Value v = d->items[d->head];
    d->head = (d->head + 1) % d->cap;
    d->len--;
    d->state++;
    return v;
}

static int deque_push_right(DequeObject *d, Value v) {
    if (d->maxlen == 0) {
        return 0;
    }
    if (deque_reserve(d) < 0) {
        return -1;
    }
    d->items[(d->head + d->len) % d->cap] = v;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && (int64_t)d->len > d->maxlen) {
        deque_pop_left(d);
    }
    return 0;
}

static int deque_push_left(DequeObject *d, Value v) {
    if (d->maxlen == 0) {
        return 0;
    }
    if (deque_reserve(d) < 0) {
        return -1;
    }
    d->head = (d->head + d->cap - 1) % d->cap;
    d->items[d->head] = v;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && (int64_t)d->len > d->maxlen) {
        deque_pop_right(d);
    }
    return 0;
}

static void deque_clear_items(DequeObject *d) {
    d->len = 0;
    d->head = 0;
    d->state++;
}

// The items as a new list (a snapshot).
static Value deque_to_list(Value self) {
    DequeObject *d = dq(self);
    Value l = list_new(d->len);
    if (!l) {
        return 0;
    }
    d = dq(self);
    for (size_t i = 0; i < d->len; i++) {
        if (list_append(l, *deque_slot(d, i)) < 0) {
            return 0;
        }
    }
    return l;
}

// Append every item of `iterable` on the right (left: at the left, one at
// a time, so their order ends reversed).
static int deque_extend_side(Value self, Value iterable, int left) {
    if (iterable == self) {
        iterable = deque_to_list(self);
        if (!iterable) {
            return -1;
        }
    }
    Value it = obj_iter(iterable);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? -1 : 0;
        }
        DequeObject *d = dq(self);
        if ((left ? deque_push_left(d, item) : deque_push_right(d, item)) < 0) {
            return -1;
        }
    }
}

// rotate by n to the right (negative: left).
static void deque_rotate_by(DequeObject *d, int64_t n) {
    if (d->len <= 1) {
        return;
    }
    int64_t len = (int64_t)d->len;
    n %= len;
    if (n < 0) {
        n += len;
    }
    if (n == 0) {
        return;
    }
    d->state++;
    if (d->len == d->cap) {
        // A full ring rotates by moving the head.
        d->head = (d->head + d->cap - (size_t)n) % d->cap;
        return;
    }
    for (int64_t i = 0; i < n; i++) {
        Value v = *deque_slot(d, d->len - 1);
        d->head = (d->head + d->cap - 1) % d->cap;
        d->items[d->head] = v;
    }
}

// ---- deque: construction ---------------------------------------------------------------------

static Value deque_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    DequeObject *d = (DequeObject *)gc_alloc(t, t->basic_size);
    if (!d) {
        return 0;
    }
    d->maxlen = -1;
    return val_from_ptr(d);
}

// A maxlen argument: None or a non-negative index-sized int.
static int maxlen_arg(Value v, int64_t *out) {
    if (!v || v == VAL_NONE) {
        *out = -1;
        return 0;
    }
    if (!int_check(v)) {
        Value i = type_of(v)->index ? obj_index(v) : 0;
        if (!i) {
            if (!err_occurred()) {
                err_format(&exc_TypeError, "an integer is required");
            }
            return -1;
        }
        v = i;
    }
    if (int_to_i64(v, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (*out < 0) {
        err_format(&exc_ValueError, "maxlen must be non-negative");
        return -1;
    }
    return 0;
}

static Value deque_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "maxlen", NULL};
    static const ArgSpec spec = {"deque", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t maxlen;
    if (maxlen_arg(a[1], &maxlen) < 0) {
        return 0;
    }
    DequeObject *d = dq(self);
    d->maxlen = maxlen;
    if (d->len) {
        deque_clear_items(d);
    }
    if (a[0] && deque_extend_side(self, a[0], 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// A new deque of the type of `self` holding `iterable`, with self's maxlen.
// The exact type is built directly; a subclass through its constructor.
static Value deque_new_like(Value self, Value iterable) {
    DequeObject *d = dq(self);
    if (type_of(self) == &type_deque) {
        Value n = deque_tp_new(val_from_ptr(&type_deque), 0, 0, 0);
        if (!n) {
            return 0;
        }
        dq(n)->maxlen = d->maxlen;
        if (deque_extend_side(n, iterable, 0) < 0) {
            return 0;
        }
        return n;
    }
    Value args[2] = {iterable, 0};
    size_t n = 1;
    if (d->maxlen >= 0) {
        args[1] = int_from_i64(d->maxlen);
        n = 2;
    }
    return obj_call(val_from_ptr(type_of(self)), args, n, 0);
}

// ---- deque: methods ---------------------------------------------------------------------------

FN(deque_append) {
    if (method_check_args("deque.append", nargs, kwnames, 1, 1) < 0 ||
        deque_push_right(dq(self), args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(deque_appendleft) {
    if (method_check_args("deque.appendleft", nargs, kwnames, 1, 1) < 0 ||
        deque_push_left(dq(self), args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(deque_pop) {
    if (method_check_args("deque.pop", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (dq(self)->len == 0) {
        return err_format(&exc_IndexError, "pop from an empty deque");
    }
    return deque_pop_right(dq(self));
}

FN(deque_popleft) {
    if (method_check_args("deque.popleft", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (dq(self)->len == 0) {
        return err_format(&exc_IndexError, "pop from an empty deque");
    }
    return deque_pop_left(dq(self));
}

FN(deque_extend) {
    if (method_check_args("deque.extend", nargs, kwnames, 1, 1) < 0 ||
        deque_extend_side(self, args[0], 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(deque_extendleft) {
    if (method_check_args("deque.extendleft", nargs, kwnames, 1, 1) < 0 ||
        deque_extend_side(self, args[0], 1) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(deque_clear) {
    if (method_check_args("deque.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    deque_clear_items(dq(self));
    return VAL_NONE;
}

FN(deque_copy) {
    if (method_check_args("deque.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return deque_new_like(self, self);
}

FN(deque_dunder_copy) {
    if (method_check_args("deque.__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return deque_new_like(self, self);
}

// Compare item i with x (==). 1, 0, or -1 with an exception, also when the
// comparison mutated the deque.
static int deque_item_eq_as(Value self, size_t i, Value x, Type *mutated);

static int deque_item_eq(Value self, size_t i, Value x) {
    return deque_item_eq_as(self, i, x, &exc_RuntimeError);
}

// The same, with the type of the "mutated" error (IndexError for remove,
// as CPython).
static int deque_item_eq_as(Value self, size_t i, Value x, Type *mutated) {
    DequeObject *d = dq(self);
    uint64_t state = d->state;
    Value item = *deque_slot(d, i);
    int r = obj_richcompare_bool(item, x, CMP_EQ);
    if (r < 0) {
        return -1;
    }
    if (dq(self)->state != state) {
        err_format(mutated, "deque mutated during iteration");
        return -1;
    }
    return r;
}

FN(deque_count) {
    if (method_check_args("deque.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t n = 0;
    for (size_t i = 0; i < dq(self)->len; i++) {
        int r = deque_item_eq(self, i, args[0]);
        if (r < 0) {
            return 0;
        }
        n += r;
    }
    return int_from_i64(n);
}

static int deque_contains(Value self, Value x) {
    for (size_t i = 0; i < dq(self)->len; i++) {
        int r = deque_item_eq(self, i, x);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

// ValueError "<repr(x)> is not in deque" (index and remove).
static Value not_in_deque(Value x) {
    Value msg = str_format_c("%R is not in deque", x);
    Value exc = msg ? obj_call1(val_from_ptr(&exc_ValueError), msg) : 0;
    return exc ? err_set_value(exc) : 0;
}

FN(deque_index) {
    if (args_no_keywords("index", kwnames) < 0) {
        return 0;
    }
    if (nargs < 1 || nargs > 3) {
        return err_format(&exc_TypeError, "index() takes at %s %d argument%s (%zu given)",
                          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s",
                          nargs);
    }
    int64_t len = (int64_t)dq(self)->len;
    int64_t start = 0, stop = len;
    if ((nargs > 1 && seq_slice_index(args[1], &start) < 0) ||
        (nargs > 2 && seq_slice_index(args[2], &stop) < 0)) {
        return 0;
    }
    seq_clamp_range(&start, &stop, (size_t)len);
    for (int64_t i = start; i < stop && i < (int64_t)dq(self)->len; i++) {
        int r = deque_item_eq(self, (size_t)i, args[0]);
        if (r < 0) {
            return 0;
        }
        if (r) {
            return int_from_i64(i);
        }
    }
    return not_in_deque(args[0]);
}

// Delete item i (0 <= i < len), keeping the order of the others.
static void deque_del_at(DequeObject *d, size_t i) {
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--) {
            *deque_slot(d, k) = *deque_slot(d, k - 1);
        }
        deque_pop_left(d);
    } else {
        for (size_t k = i; k + 1 < d->len; k++) {
            *deque_slot(d, k) = *deque_slot(d, k + 1);
        }
        deque_pop_right(d);
    }
}

FN(deque_remove) {
    if (method_check_args("deque.remove", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    for (size_t i = 0; i < dq(self)->len; i++) {
        int r = deque_item_eq_as(self, i, args[0], &exc_IndexError);
        if (r < 0) {
            return 0;
        }
        if (r) {
            deque_del_at(dq(self), i);
            return VAL_NONE;
        }
    }
    return not_in_deque(args[0]);
}

FN(deque_insert) {
    if (args_no_keywords("insert", kwnames) < 0) {
        return 0;
    }
    if (nargs != 2) {
        return err_format(&exc_TypeError, "insert() takes exactly 2 arguments (%zu given)",
                          nargs);
    }
    int64_t where;
    if (seq_int_arg(args[0], &where) < 0) {
        return 0;
    }
    DequeObject *d = dq(self);
    if (d->maxlen >= 0 && (int64_t)d->len >= d->maxlen) {
        return err_format(&exc_IndexError, "deque already at its maximum size");
    }
    int64_t len = (int64_t)d->len;
    if (where < 0) {
        where += len;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > len) {
        where = len;
    }
    if (deque_push_right(d, args[1]) < 0) {
        return 0;
    }
    for (int64_t k = len; k > where; k--) {
        *deque_slot(d, (size_t)k) = *deque_slot(d, (size_t)k - 1);
    }
    *deque_slot(d, (size_t)where) = args[1];
    return VAL_NONE;
}

FN(deque_reverse) {
    if (method_check_args("deque.reverse", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    DequeObject *d = dq(self);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        Value t = *deque_slot(d, i);
        *deque_slot(d, i) = *deque_slot(d, j - 1);
        *deque_slot(d, j - 1) = t;
    }
    d->state++;
    return VAL_NONE;
}

FN(deque_rotate) {
    if (args_no_keywords("rotate", kwnames) < 0 ||
        args_check_positional("deque.rotate", nargs, 0, 1) < 0) {
        return 0;
    }
    int64_t n = 1;
    if (nargs == 1) {
        Value i = int_check(args[0]) ? args[0] : 0;
        if (!i) {
            if (!type_of(args[0])->index) {
                return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                  obj_type_name(args[0]));
            }
            i = obj_index(args[0]);
            if (!i) {
                return 0;
            }
        }
        if (int_to_i64(i, &n) < 0) {
            err_clear();
            return err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        }
    }
    deque_rotate_by(dq(self), n);
    return VAL_NONE;
}

// (type, (), state, iterator) or (type, ((), maxlen), state, iterator).
FN(deque_reduce) {
    if (method_check_args("deque.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value dict = object_getstate(self);  // __dict__ and __slots__, as CPython
    if (!dict) {
        return 0;
    }
    Value it = obj_iter(self);
    if (!it) {
        return 0;
    }
    Value cargs;
    if (dq(self)->maxlen < 0) {
        cargs = tuple_new(0);
    } else {
        Value ml = int_from_i64(dq(self)->maxlen);
        Value empty = ml ? tuple_new(0) : 0;
        cargs = empty ? tuple_pack2(empty, ml) : 0;
    }
    if (!cargs) {
        return 0;
    }
    Value items[4] = {val_from_ptr(type_of(self)), cargs, dict, it};
    return tuple_from(items, 4);
}

FN(deque_sizeof) {
    if (method_check_args("deque.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)(type_of(self)->basic_size + dq(self)->cap * sizeof(Value)));
}

FN(deque_reversed_method) {
    if (method_check_args("deque.__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return obj_call1(val_from_ptr(&type_deque_reviter), self);
}

// ---- deque: protocols -------------------------------------------------------------------------

static int64_t deque_len(Value self) {
    return (int64_t)dq(self)->len;
}

// An item index: an int (or __index__), negative from the end.
static int deque_index_arg(Value self, Value key, size_t *out) {
    int64_t i;
    if (!int_check(key) && !type_of(key)->index) {
        err_format(&exc_TypeError, "sequence index must be integer, not '%s'",
                   obj_type_name(key));
        return -1;
    }
    Value k = obj_index(key);
    if (!k) {
        return -1;
    }
    if (int_to_i64(k, &i) < 0) {
        err_clear();
        err_format(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    int64_t len = (int64_t)dq(self)->len;
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        err_format(&exc_IndexError, "deque index out of range");
        return -1;
    }
    *out = (size_t)i;
    return 0;
}

static Value deque_getitem(Value self, Value key) {
    size_t i;
    if (deque_index_arg(self, key, &i) < 0) {
        return 0;
    }
    return *deque_slot(dq(self), i);
}

static int deque_setitem(Value self, Value key, Value value) {
    size_t i;
    if (deque_index_arg(self, key, &i) < 0) {
        return -1;
    }
    if (value) {
        *deque_slot(dq(self), i) = value;
    } else {
        deque_del_at(dq(self), i);
    }
    return 0;
}

static Value deque_repr(Value self) {
    int r = repr_enter(self);
    if (r != 0) {
        return r < 0 ? 0 : str_from_cstr("[...]");
    }
    Value list = deque_to_list(self);
    Value lr = list ? obj_repr(list) : 0;
    repr_leave(self);
    if (!lr) {
        return 0;
    }
    const char *name = type_of(self)->name;
    const char *dot = strrchr(name, '.');
    name = dot ? dot + 1 : name;
    if (dq(self)->maxlen >= 0) {
        return str_format_c("%s(%U, maxlen=%lld)", name, lr, (long long)dq(self)->maxlen);
    }
    return str_format_c("%s(%U)", name, lr);
}

// Lexicographic comparison, like lists; NotImplemented for non-deques.
static Value deque_richcompare(Value a, Value b, CompareOp op) {
    if (!deque_check(a) || !deque_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    Value la = deque_to_list(a);
    Value lb = la ? deque_to_list(b) : 0;
    if (!lb) {
        return 0;
    }
    return list_richcompare(la, lb, op);
}

static Value deque_concat(Value a, Value b) {
    if (!deque_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (!deque_check(b)) {
        return err_format(&exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                          obj_type_name(b));
    }
    Value n = deque_new_like(a, a);
    if (!n || deque_extend_side(n, b, 0) < 0) {
        return 0;
    }
    return n;
}

static Value deque_inplace_concat(Value a, Value b) {
    if (deque_extend_side(a, b, 0) < 0) {
        return 0;
    }
    return a;
}

// Repeat the items in place n times (n <= 0 clears), honouring maxlen.
static int deque_repeat_in_place(Value self, int64_t n) {
    DequeObject *d = dq(self);
    if (n <= 0 || d->len == 0) {
        deque_clear_items(d);
        return 0;
    }
    size_t len = d->len;
    if (d->maxlen < 0 && (uint64_t)n > (uint64_t)INT64_MAX / 16 / len) {
        err_no_memory();
        return -1;
    }
    // With a maxlen, each round pushes the oldest items out; the result
    // ends with the same window whatever the number of rounds past the
    // first few (the repeated sequence always ends with the last item).
    if (d->maxlen >= 0 && (uint64_t)n > (uint64_t)d->maxlen / len + 1) {
        n = d->maxlen / (int64_t)len + 1;
    }
    for (int64_t r = 1; r < n; r++) {
        for (size_t i = 0; i < len; i++) {
            d = dq(self);
            // The item `len` places before the end is the next one of the
            // repetition (items may have fallen off the left).
            Value v = *deque_slot(d, d->len - len);
            if (deque_push_right(d, v) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static Value deque_repeat(Value a, Value count) {
    int64_t n;
    int r = seq_repeat_count(count, &n);
    if (r <= 0) {
        return r < 0 ? 0 : VAL_NOTIMPLEMENTED;
    }
    Value copy = deque_new_like(a, a);
    if (!copy || deque_repeat_in_place(copy, n) < 0) {
        return 0;
    }
    return copy;
}

static Value deque_inplace_add(Value a, Value b) {
    return deque_inplace_concat(a, b);
}

static Value deque_inplace_mul(Value a, Value b) {
    int64_t n;
    int r = seq_repeat_count(b, &n);
    if (r <= 0) {
        return r < 0 ? 0 : VAL_NOTIMPLEMENTED;
    }
    return deque_repeat_in_place(a, n) < 0 ? 0 : a;
}

static Value deque_get_maxlen(Value self) {
    int64_t m = dq(self)->maxlen;
    return m < 0 ? VAL_NONE : int_from_i64(m);
}

static Value deque_iter(Value self);

static const MethodDef deque_methods[] = {
    {"append", deque_append, METH_DEFAULT, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, METH_DEFAULT, "Add an element to the left side of the deque."},
    {"clear", deque_clear, METH_DEFAULT, "Remove all elements from the deque."},
    {"copy", deque_copy, METH_DEFAULT, "Return a shallow copy of a deque."},
    {"__copy__", deque_dunder_copy, METH_DEFAULT, "Return a shallow copy of a deque."},
    {"count", deque_count, METH_DEFAULT, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend, METH_DEFAULT, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, METH_DEFAULT, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, METH_DEFAULT, "D.index(value, [start, [stop]]) -- return first index of value."},
    {"insert", deque_insert, METH_DEFAULT, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, METH_DEFAULT, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, METH_DEFAULT, "Remove and return the leftmost element."},
    {"remove", deque_remove, METH_DEFAULT, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", deque_reverse, METH_DEFAULT, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, METH_DEFAULT, "Rotate the deque n steps to the right (default n=1)."},
    {"__reduce__", deque_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"__reversed__", deque_reversed_method, METH_DEFAULT, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__sizeof__", deque_sizeof, METH_DEFAULT, "D.__sizeof__() -- size of D in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL},
};

static Type type_deque = {
    .header = {&type_type},
    .name = "collections.deque",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF | TYPE_SEQUENCE,
    .basic_size = sizeof(DequeObject),
    .base = &type_object,
    .trace = deque_trace,
    .free = deque_free,
    .new_ = deque_tp_new,
    .init = deque_tp_init,
    .repr = deque_repr,
    .hash = hash_unhashable,
    .richcompare = deque_richcompare,
    .iter = deque_iter,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .seq_concat = deque_concat,
    .seq_repeat = deque_repeat,
    .inplace = {[BINOP_ADD] = deque_inplace_add, [BINOP_MUL] = deque_inplace_mul},
    .methods = deque_methods,
    .getset = deque_getset,
};

// ---- deque iterators ----------------------------------------------------------------------------

typedef struct DequeIterObject {
    Object header;
    Value deque;
    size_t index;      // items already produced
    uint64_t state;    // the deque's state when the iterator was made
} DequeIterObject;

static void deque_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((DequeIterObject *)o)->deque);
}

static Value deque_iter_make(Type *t, Value deque, size_t index) {
    DequeIterObject *it = (DequeIterObject *)gc_alloc(t, t->basic_size);
    if (!it) {
        return 0;
    }
    it->deque = deque;
    it->index = index;
    it->state = dq(deque)->state;
    return val_from_ptr(it);
}

static Value deque_iter(Value self) {
    return deque_iter_make(&type_deque_iter, self, 0);
}

// _deque_iterator(deque, index=0) / _deque_reverse_iterator(deque, index=0):
// the constructors __reduce__ names.
static Value deque_iter_construct(Type *t, Value type, const Value *args, size_t nargs,
                                  Value kwnames) {
    if (args_no_keywords(t->name + strlen("_collections."), kwnames) < 0 ||
        args_check_positional(t->name + strlen("_collections."), nargs, 1, 2) < 0) {
        return 0;
    }
    if (!deque_check(args[0])) {
        return err_format(&exc_TypeError, "%s() argument 1 must be collections.deque, not %s",
                          t->name + strlen("_collections."), obj_type_name(args[0]));
    }
    Value it = deque_iter_make(type_ptr(type), args[0], 0);
    if (!it) {
        return 0;
    }
    if (nargs == 2) {
        int64_t index;
        if (obj_as_index(args[1], &index, 0) < 0) {
            return 0;
        }
        size_t len = dq(args[0])->len;
        DequeIterObject *di = (DequeIterObject *)val_ptr(it);
        di->index = index < 0 ? 0 : (size_t)index > len ? len : (size_t)index;
    }
    return it;
}

static Value deque_iter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return deque_iter_construct(&type_deque_iter, type, args, nargs, kwnames);
}

static Value deque_reviter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return deque_iter_construct(&type_deque_reviter, type, args, nargs, kwnames);
}

static Value deque_iter_self(Value self) {
    return self;
}

// The next item from the left (reverse: from the right), or 0.
static Value deque_iter_step(Value self, int reverse) {
    DequeIterObject *it = (DequeIterObject *)val_ptr(self);
    DequeObject *d = dq(it->deque);
    if (d->state != it->state) {
        it->index = d->len;
        return err_format(&exc_RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->len) {
        return 0;
    }
    size_t i = reverse ? d->len - 1 - it->index : it->index;
    it->index++;
    return *deque_slot(d, i);
}

static Value deque_iter_next(Value self) {
    return deque_iter_step(self, 0);
}

static Value deque_reviter_next(Value self) {
    return deque_iter_step(self, 1);
}

FN(deque_iter_length_hint) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    DequeIterObject *it = (DequeIterObject *)val_ptr(self);
    size_t len = dq(it->deque)->len;
    return int_from_i64(it->index < len ? (int64_t)(len - it->index) : 0);
}

FN(deque_iter_reduce) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    DequeIterObject *it = (DequeIterObject *)val_ptr(self);
    Value index = int_from_i64((int64_t)it->index);
    Value cargs = index ? tuple_pack2(it->deque, index) : 0;
    return cargs ? tuple_pack2(val_from_ptr(type_of(self)), cargs) : 0;
}

static const MethodDef deque_iter_methods[] = {
    {"__length_hint__", deque_iter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", deque_iter_reduce, METH_DEFAULT, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static Type type_deque_iter = {
    .header = {&type_type},
    .name = "_collections._deque_iterator",
    .basic_size = sizeof(DequeIterObject),
    .base = &type_object,
    .trace = deque_iter_trace,
    .new_ = deque_iter_tp_new,
    .iter = deque_iter_self,
    .iternext = deque_iter_next,
    .methods = deque_iter_methods,
};

static Type type_deque_reviter = {
    .header = {&type_type},
    .name = "_collections._deque_reverse_iterator",
    .basic_size = sizeof(DequeIterObject),
    .base = &type_object,
    .trace = deque_iter_trace,
    .new_ = deque_reviter_tp_new,
    .iter = deque_iter_self,
    .iternext = deque_reviter_next,
    .methods = deque_iter_methods,
};

// ---- defaultdict -----------------------------------------------------------------------------------

static Type type_defaultdict;

// default_factory sits after dict's own fields.
static Value *defdict_factory(Value self) {
    return (Value *)((char *)val_ptr(self) + type_dict.basic_size);
}

static void defdict_trace(Object *o, GcTracer *t) {
    type_dict.trace(o, t);
    gc_trace_value(t, *defdict_factory(val_from_ptr(o)));
}

static Value defdict_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value factory = VAL_NONE;
    if (nargs > 0) {
        factory = args[0];
        if (factory != VAL_NONE && !type_of(factory)->call) {
            return err_format(&exc_TypeError, "first argument must be callable or None");
        }
        args++;
        nargs--;
    }
    *defdict_factory(self) = factory;
    return type_dict.init(self, args, nargs, kwnames);
}

FN(defdict_missing) {
    if (method_check_args("defaultdict.__missing__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value factory = *defdict_factory(self);
    if (!factory || factory == VAL_NONE) {
        return err_key_error(args[0]);
    }
    Value value = obj_call0(factory);
    if (!value || obj_setitem(self, args[0], value) < 0) {
        return 0;
    }
    return value;
}

// type(dd)(dd.default_factory, source)
static Value defdict_new_like(Value self, Value source) {
    Value factory = *defdict_factory(self);
    Value a[2] = {factory ? factory : VAL_NONE, source};
    return obj_call(val_from_ptr(type_of(self)), a, 2, 0);
}

FN(defdict_copy) {
    if (method_check_args("defaultdict.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return defdict_new_like(self, self);
}

FN(defdict_dunder_copy) {
    if (method_check_args("defaultdict.__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return defdict_new_like(self, self);
}

// (type, (factory,) or (), None, None, iter(items))
FN(defdict_reduce) {
    if (method_check_args("defaultdict.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value factory = *defdict_factory(self);
    Value cargs = (!factory || factory == VAL_NONE) ? tuple_new(0) : tuple_from(&factory, 1);
    Value items = cargs ? obj_call_method(self, "items", 0, 0) : 0;
    Value it = items ? obj_iter(items) : 0;
    if (!it) {
        return 0;
    }
    Value r[5] = {val_from_ptr(type_of(self)), cargs, VAL_NONE, VAL_NONE, it};
    return tuple_from(r, 5);
}

static Value defdict_repr(Value self) {
    Value base = dict_repr(self);
    if (!base) {
        return 0;
    }
    Value factory = *defdict_factory(self);
    Value frepr;
    if (!factory || factory == VAL_NONE) {
        frepr = str_from_cstr("None");
    } else {
        int r = repr_enter(factory);
        if (r < 0) {
            return 0;
        }
        if (r > 0) {
            frepr = str_from_cstr("...");
        } else {
            frepr = obj_repr(factory);
            repr_leave(factory);
        }
    }
    if (!frepr) {
        return 0;
    }
    const char *name = type_of(self)->name;
    const char *dot = strrchr(name, '.');
    return str_format_c("%s(%U, %U)", dot ? dot + 1 : name, frepr, base);
}

// dd | other and other | dd: a new defaultdict (of dd's type and factory)
// holding the left operand updated with the right one.
static Value defdict_or(Value a, Value b) {
    Value self, other;
    if (val_is_ptr(a) && type_is_subtype(type_of(a), &type_defaultdict)) {
        self = a;
        other = b;
    } else {
        self = b;
        other = a;
    }
    if (!dict_check(other)) {
        return VAL_NOTIMPLEMENTED;
    }
    Value n = defdict_new_like(self, a);
    if (!n || dict_update(n, b) < 0) {
        return 0;
    }
    return n;
}

static const MethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, METH_DEFAULT,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value\n"},
    {"copy", defdict_copy, METH_DEFAULT, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_dunder_copy, METH_DEFAULT, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, METH_DEFAULT, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

// The member's offset is filled in at module creation (dict's layout is
// private to dict.c).
static MemberDef defdict_members[] = {
    {"default_factory", MEMBER_VALUE, 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, NULL},
};

static Type type_defaultdict = {
    .header = {&type_type},
    .name = "collections.defaultdict",
    .flags = TYPE_BASETYPE,
    .base = &type_dict,
    .trace = defdict_trace,
    .init = defdict_tp_init,
    .repr = defdict_repr,
    .binop = {[BINOP_OR] = defdict_or},
    .methods = defdict_methods,
    .members = defdict_members,
};

// ---- _tuplegetter ---------------------------------------------------------------------------------

typedef struct TupleGetterObject {
    Object header;
    int64_t index;
    Value doc;
} TupleGetterObject;

static Type type_tuplegetter;

static void tuplegetter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((TupleGetterObject *)o)->doc);
}

static Value tuplegetter_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_tuplegetter", kwnames) < 0 ||
        args_check_positional("_tuplegetter", nargs, 2, 2) < 0) {
        return 0;
    }
    int64_t index;
    if (!int_check(args[0]) && !type_of(args[0])->index) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(args[0]));
    }
    if (obj_as_index(args[0], &index, 0) < 0) {
        return 0;
    }
    Type *t = type_ptr(type);
    TupleGetterObject *g = (TupleGetterObject *)gc_alloc(t, t->basic_size);
    if (!g) {
        return 0;
    }
    g->index = index;
    g->doc = args[1];
    return val_from_ptr(g);
}

static Value tuplegetter_get(Value self, Value obj, Value type) {
    TupleGetterObject *g = (TupleGetterObject *)val_ptr(self);
    if (!obj || obj == VAL_NONE) {
        return self;
    }
    if (!tuple_check(obj)) {
        return err_format(&exc_TypeError,
                          "descriptor for index '%lld' for tuple subclasses doesn't apply to "
                          "'%s' object",
                          (long long)g->index, obj_type_name(obj));
    }
    if (g->index < 0 || (size_t)g->index >= tuple_obj(obj)->len) {
        return err_format(&exc_IndexError, "tuple index out of range");
    }
    return tuple_obj(obj)->items[g->index];
}

static int tuplegetter_set(Value self, Value obj, Value value) {
    err_format(&exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

FN(tuplegetter_reduce) {
    if (method_check_args("_tuplegetter.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    TupleGetterObject *g = (TupleGetterObject *)val_ptr(self);
    Value index = int_from_i64(g->index);
    Value cargs = index ? tuple_pack2(index, g->doc) : 0;
    return cargs ? tuple_pack2(val_from_ptr(type_of(self)), cargs) : 0;
}

static const MethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef tuplegetter_members[] = {
    {"__doc__", MEMBER_VALUE, offsetof(TupleGetterObject, doc), NULL},
    {NULL, 0, 0, NULL},
};

static Type type_tuplegetter = {
    .header = {&type_type},
    .name = "_collections._tuplegetter",
    .basic_size = sizeof(TupleGetterObject),
    .base = &type_object,
    .trace = tuplegetter_trace,
    .new_ = tuplegetter_tp_new,
    .descr_get = tuplegetter_get,
    .descr_set = tuplegetter_set,
    .methods = tuplegetter_methods,
    .members = tuplegetter_members,
};

// ---- _count_elements ---------------------------------------------------------------------------------

// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1
// for each x (Counter's update). Exact dicts are counted directly.
FN(collections_count_elements) {
    if (args_no_keywords("_count_elements", kwnames) < 0 ||
        args_check_positional("_count_elements", nargs, 2, 2) < 0) {
        return 0;
    }
    Value mapping = args[0];
    Value it = obj_iter(args[1]);
    if (!it) {
        return 0;
    }
    int direct = dict_check_exact(mapping);
    Value get = 0;
    for (;;) {
        Value x = obj_next(it);
        if (!x) {
            return err_occurred() ? 0 : VAL_NONE;
        }
        Value old, n;
        if (direct) {
            old = dict_get(mapping, x);
            if (!old && err_occurred()) {
                return 0;
            }
        } else {
            if (!get && !(get = obj_getattr_cstr(mapping, "get"))) {
                return 0;
            }
            old = obj_call2(get, x, val_from_smallint(0));
            if (!old) {
                return 0;
            }
        }
        n = old ? obj_binop(old, val_from_smallint(1), BINOP_ADD) : val_from_smallint(1);
        if (!n || (direct ? dict_set(mapping, x, n) : obj_setitem(mapping, x, n)) < 0) {
            return 0;
        }
    }
}

static const MethodDef collections_functions[] = {
    {"_count_elements", collections_count_elements, METH_DEFAULT,
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

Value collections_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (!type_defaultdict.basic_size) {
        type_defaultdict.basic_size = type_dict.basic_size + sizeof(Value);
        defdict_members[0].offset = type_dict.basic_size;
    }
    Type *types[] = {&type_deque, &type_deque_iter, &type_deque_reviter, &type_defaultdict,
                     &type_tuplegetter};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (type_ready(types[i]) < 0) {
            return 0;
        }
    }
    if (generic_alias_install_type(&type_deque) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_collections");
    if (!m || module_add_functions(m, collections_functions) < 0 ||
        module_add(m, "deque", val_from_ptr(&type_deque)) < 0 ||
        module_add(m, "defaultdict", val_from_ptr(&type_defaultdict)) < 0 ||
        module_add(m, "_deque_iterator", val_from_ptr(&type_deque_iter)) < 0 ||
        module_add(m, "_deque_reverse_iterator", val_from_ptr(&type_deque_reviter)) < 0 ||
        module_add(m, "_tuplegetter", val_from_ptr(&type_tuplegetter)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("High performance data structures.\n"
                                               "- deque:        ordered collection accessible "
                                               "from endpoints only\n- defaultdict:  dict "
                                               "subclass with a default value factory\n")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
