// list.c - the list type, its sort, and helpers shared by the containers.
//
// A list is a header plus an item array (`items`, `cap` slots, the first
// `len` used). Up to LIST_HEAP_CAP slots the array is a heap object of its
// own (an ItemArray cell, which reports nothing: the list's trace function
// reports the used items): allocating and dropping it costs what any small
// object costs, and the list needs no FreeFunc, so lists live in the lazily
// swept plain blocks. (fannkuch, which makes and drops millions of short
// lists, spent half its time in malloc and free when every array was
// malloc'ed.) A C pointer to the items that outlives the list is safe too:
// the conservative scan keeps the array alive. Bigger arrays are malloc'ed,
// so that realloc grows a huge list without copying garbage into the heap;
// their first word points to a BigItems handle, a small heap object whose
// FreeFunc frees the block when the list no longer reaches it.
// `items - 1` is thus, in both cases, the word that names the array's
// owner: the ItemArray's header itself, or the pointer to the handle
// (list_items_owner).
//
// A list made with a known size of up to LIST_INLINE_CAP items (a display,
// a slice, a starred target, list + list) has its array inline, right
// after the header in the same cell: one allocation instead of two
// (fannkuch makes millions of such lists). `items` then points just past
// the header (list_is_inline). Shrinking keeps the array inline; growing
// past `cap` moves it out for good - an inline array is never taken back,
// so list_sort's marker and saved items cannot meet it.
//
// ## The sort
//
// list.sort is CPython's timsort step for step (Objects/listsort.txt): the
// same natural runs, minrun, binary insertion, merge_collapse invariants,
// galloping with the adaptive min_gallop, merge_lo/merge_hi. It is not enough
// to be *a* stable sort: with an inconsistent order (NaNs, a buggy __lt__)
// the result depends on which comparisons were made, and programs that count
// comparisons see them; both must match CPython.
//
// While sorting, the list looks empty (as in CPython: a key function or
// __lt__ that inspects or mutates the list sees []), and the items live in
// GC-visible scratch tuples - the conservative stack scan finds them, their
// trace reports the items - because comparisons may run Python code and so
// collect. A mutation during the sort is detected afterwards ("list modified
// during sort"). The exception is a sort without a key whose items are all
// small ints, floats or strs: nothing can run, allocate or look, so it sorts
// the item array in place with a malloc'ed merge scratch.
//
// Before sorting, the keys are checked for one common type, and a
// specialized less-than is chosen (CPython's pre-sort check): small ints
// compare as tagged words, floats as doubles, str as UTF-8 bytes (byte order
// is code point order), tuples by their first item with the specialized
// compare. Everything else goes through obj_richcompare_bool(a, b, CMP_LT).
#include "list.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "exceptions.h"
#include "float.h"
#include "gc.h"
#include "int.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "iterators.h"

// The containers being repr'ed by this thread (a thread-local: a repr on
// another thread is no recursion). Not a root: each is on its caller's stack.
static __thread struct {
    Value *items;
    size_t len, cap;
} repr_stack;

void repr_stack_free(void) {
    free(repr_stack.items);
    repr_stack.items = NULL;
    repr_stack.len = repr_stack.cap = 0;
}

int repr_enter(Value v) {
    for (size_t i = 0; i < repr_stack.len; i++) {
        if (repr_stack.items[i] == v) {
            return 1;
        }
    }
    if (repr_stack.len == repr_stack.cap) {
        size_t cap = repr_stack.cap ? repr_stack.cap * 2 : 16;
        Value *items = realloc(repr_stack.items, cap * sizeof(Value));
        if (!items) {
            err_no_memory();
            return -1;
        }
        repr_stack.items = items;
        repr_stack.cap = cap;
    }
    repr_stack.items[repr_stack.len++] = v;
    return 0;
}

void repr_leave(Value v) {
    // Normally the top; search anyway, as CPython does.
    for (size_t i = repr_stack.len; i-- > 0;) {
        if (repr_stack.items[i] == v) {
            memmove(&repr_stack.items[i], &repr_stack.items[i + 1],
                    (repr_stack.len - i - 1) * sizeof(Value));
            repr_stack.len--;
            return;
        }
    }
}

int repr_append(StrBuf *sb, Value v) {
    Value r = obj_repr(v);
    if (!r) {
        return -1;
    }
    sb_put(sb, str_obj(r)->data, str_obj(r)->nbytes);
    return 0;
}

// Whether v can be an index (an int, or has __index__).
static int has_index(Value v) {
    return val_is_smallint(v) || type_of(v)->index != NULL ||
           (type_of(v)->flags & TYPE_INT_SUBCLASS);
}

int seq_index(Value key, int64_t *out, const char *tname) {
    if (val_is_smallint(key)) {
        *out = val_smallint(key);
        return 0;
    }
    if (!has_index(key)) {
        err_format(&exc_TypeError, "%s indices must be integers or slices, not %s", tname,
                   obj_type_name(key));
        return -1;
    }
    return obj_as_index(key, out, 0);
}

int seq_slice_index(Value v, int64_t *out) {
    if (val_is_smallint(v)) {
        *out = val_smallint(v);
        return 0;
    }
    if (!has_index(v)) {
        err_format(&exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return obj_as_index(v, out, 1);
}

void seq_clamp_range(int64_t *start, int64_t *stop, size_t len) {
    int64_t n = (int64_t)len;
    if (*start < 0) {
        *start += n;
        if (*start < 0) {
            *start = 0;
        }
    }
    if (*stop < 0) {
        *stop += n;
        if (*stop < 0) {
            *stop = 0;
        }
    }
    if (*stop > n) {
        *stop = n;
    }
}

int seq_repeat_count(Value count, int64_t *out) {
    if (val_is_smallint(count)) {
        *out = val_smallint(count);
        return 1;
    }
    if (!has_index(count)) {
        return 0;
    }
    Value i = obj_index(count);
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, out) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                   obj_type_name(count));
        return -1;
    }
    return 1;
}

Value seq_compare_sizes(size_t a, size_t b, CompareOp op) {
    int r = 0;
    switch (op) {
    case CMP_LT: r = a < b; break;
    case CMP_LE: r = a <= b; break;
    case CMP_EQ: r = a == b; break;
    case CMP_NE: r = a != b; break;
    case CMP_GT: r = a > b; break;
    case CMP_GE: r = a >= b; break;
    }
    return val_bool(r);
}

int64_t hash_unhashable(Value v) {
    err_format(&exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

int seq_int_arg(Value v, int64_t *out) {
    if (val_is_smallint(v)) {
        *out = val_smallint(v);
        return 0;
    }
    if (!has_index(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
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

int method_check_args_slow(const char *qualname, size_t nargs, Value kwnames, size_t min,
                           size_t max) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    const char *dot = strchr(qualname, '.');
    const char *name = dot ? dot + 1 : qualname;
    if (min == 1 && max == 1) {
        err_format(&exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
    } else if (max == 0) {
        err_format(&exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
    } else if (min == max) {
        err_format(&exc_TypeError, "%s expected %zu argument%s, got %zu", name, min,
                   min == 1 ? "" : "s", nargs);
    } else if (nargs < min) {
        err_format(&exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min,
                   min == 1 ? "" : "s", nargs);
    } else {
        err_format(&exc_TypeError, "%s expected at most %zu argument%s, got %zu", name, max,
                   max == 1 ? "" : "s", nargs);
    }
    return -1;
}

// ---- storage -----------------------------------------------------------------------

enum { LIST_HEAP_CAP = 1000 };  // item arrays of up to this many slots are heap cells
enum { LIST_INLINE_CAP = 16 };  // list_new(cap) puts up to this many slots inline

static inline Value *list_inline_items(ListObject *l) { return (Value *)(l + 1); }

static inline bool list_is_inline(ListObject *l) { return l->items == list_inline_items(l); }

typedef struct ItemArray {
    Object header;
    Value items[];
} ItemArray;

static Type list_items_type = {
    .header = {&type_type},
    .name = "list_items",
    .basic_size = sizeof(ItemArray),
};

// A malloc'ed item array: `block` is [handle pointer, items...].
typedef struct BigItems {
    Object header;
    void *block;
} BigItems;

static void big_items_free(Object *o) { free(((BigItems *)o)->block); }

static Type list_big_items_type = {
    .header = {&type_type},
    .name = "list_big_items",
    .basic_size = sizeof(BigItems),
    .free = big_items_free,
};

// The heap object that keeps an item array of `cap` slots alive.
static inline Object *list_items_owner(Value *items, size_t cap) {
    if (cap <= LIST_HEAP_CAP) {
        return (Object *)((char *)items - offsetof(ItemArray, items));
    }
    return *(Object **)((char *)items - sizeof(Object *));
}

// A new zero-filled item array of `cap` (> 0) slots; NULL with MemoryError.
static Value *list_items_alloc(size_t cap) {
    if (cap <= LIST_HEAP_CAP) {
        ItemArray *a = (ItemArray *)gc_alloc(&list_items_type, sizeof(ItemArray) + cap * sizeof(Value));
        return a ? a->items : NULL;
    }
    BigItems *h = (BigItems *)gc_alloc(&list_big_items_type, sizeof(BigItems));
    if (!h) {
        return NULL;
    }
    if (cap > (SIZE_MAX - sizeof(Object *)) / sizeof(Value) ||
        !(h->block = calloc(1, sizeof(Object *) + cap * sizeof(Value)))) {
        err_no_memory();
        return NULL;
    }
    *(Object **)h->block = (Object *)h;
    return (Value *)((char *)h->block + sizeof(Object *));
}

static void list_trace(Object *o, GcTracer *t) {
    ListObject *l = (ListObject *)o;
    if (l->items && !list_is_inline(l)) {
        gc_trace_private(t, list_items_owner(l->items, l->cap));
    }
    gc_trace_values(t, l->items, l->len);
}

// Make room for `newlen` items. CPython's growth pattern (about 1/8 extra,
// rounded to a multiple of 4), so that repeated appends are amortized O(1).
// New slots read 0 until the caller fills them.
static int list_resize(ListObject *l, size_t newlen) {
    if (newlen <= l->cap && (newlen >= l->cap / 2 || list_is_inline(l))) {
        if (newlen > l->len) {
            // slots past len may hold stale values: the list traces the new ones
            memset(l->items + l->len, 0, (newlen - l->len) * sizeof(Value));
        }
        l->len = newlen;
        return 0;
    }
    size_t cap = (newlen + (newlen >> 3) + 6) & ~(size_t)3;
    if (newlen - l->len > cap - newlen) {
        cap = (newlen + 3) & ~(size_t)3;
    }
    if (newlen == 0) {
        cap = 0;
    }
    if (cap > SIZE_MAX / sizeof(Value) - 1) {
        err_no_memory();
        return -1;
    }
    Value *items;
    if (cap > LIST_HEAP_CAP && l->cap > LIST_HEAP_CAP) {
        // malloc'ed to malloc'ed: realloc, and zero the new slots
        BigItems *h = (BigItems *)list_items_owner(l->items, l->cap);
        void *block = realloc(h->block, sizeof(Object *) + cap * sizeof(Value));
        if (!block) {
            err_no_memory();
            return -1;
        }
        h->block = block;
        items = (Value *)((char *)block + sizeof(Object *));
        if (cap > l->cap) {
            memset(items + l->cap, 0, (cap - l->cap) * sizeof(Value));
        }
    } else if (cap == 0) {
        items = NULL;
    } else {
        items = list_items_alloc(cap);
        if (!items) {
            return -1;
        }
        size_t keep = l->len < newlen ? l->len : newlen;
        if (keep) {
            memcpy(items, l->items, keep * sizeof(Value));
        }
    }
    l->items = items;
    l->cap = cap;
    l->len = newlen;
    return 0;
}

Value list_new(size_t cap) {
    if (cap && cap <= LIST_INLINE_CAP) {
        ListObject *l = (ListObject *)gc_alloc(&type_list, sizeof(ListObject) + cap * sizeof(Value));
        if (!l) {
            return 0;
        }
        l->items = list_inline_items(l);
        l->cap = cap;
        return val_from_ptr(l);
    }
    ListObject *l = (ListObject *)gc_alloc(&type_list, sizeof(ListObject));
    if (!l) {
        return 0;
    }
    if (cap) {
        if (cap > SIZE_MAX / sizeof(Value) - 1 || !(l->items = list_items_alloc(cap))) {
            return cap > SIZE_MAX / sizeof(Value) - 1 ? err_no_memory() : 0;
        }
        l->cap = cap;
    }
    return val_from_ptr(l);
}

Value list_from(const Value *items, size_t n) {
    Value v = list_new(n);
    if (v && n) {
        memcpy(list_obj(v)->items, items, n * sizeof(Value));
        list_obj(v)->len = n;
    }
    return v;
}

Value list_from_iterable(Value iterable) {
    Value v = list_new(0);
    if (!v || list_extend(v, iterable) < 0) {
        return 0;
    }
    return v;
}

int list_append(Value list, Value item) {
    ListObject *l = list_obj(list);
    size_t n = l->len;
    if (n < l->cap) {
        l->items[n] = item;
        l->len = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) {
        return -1;
    }
    l->items[n] = item;
    return 0;
}

// Append the n values at src (which may point into l's own array).
int list_append_array(ListObject *l, const Value *src, size_t n) {
    if (n == 0) {
        return 0;
    }
    size_t old = l->len;
    const Value *own = l->items;
    size_t offset = (size_t)(src - own);
    int aliased = own && src >= own && src < own + l->cap;
    if (list_resize(l, old + n) < 0) {
        return -1;
    }
    if (aliased) {
        src = l->items + offset;
    }
    memmove(l->items + old, src, n * sizeof(Value));
    return 0;
}

int list_extend(Value list, Value iterable) {
    ListObject *l = list_obj(list);
    // Subclasses may override __iter__: only exact lists and tuples are copied directly.
    if (list_check_exact(iterable) || iterable == list) {
        ListObject *o = list_obj(iterable);
        return list_append_array(l, o->items, o->len);
    }
    if (tuple_check_exact(iterable)) {
        TupleObject *t = tuple_obj(iterable);
        return list_append_array(l, t->items, t->len);
    }
    Value it = obj_iter(iterable);
    if (!it) {
        return -1;
    }
    // Room for what the iterable says it holds, as CPython: a hint of more
    // than memory can hold is a MemoryError now rather than after filling it,
    // except one that overflows Py_ssize_t with the current length (CPython
    // then assumes it lies and does not preallocate).
    int64_t hint = obj_length_hint(iterable, 8);
    if (hint < 0) {
        return -1;
    }
    size_t old = l->len;
    if ((uint64_t)hint > l->cap - old && (uint64_t)hint <= (uint64_t)INT64_MAX - old) {
        if (list_resize(l, old + (size_t)hint) < 0) {
            return -1;
        }
        l->len = old;
    }
    IterNextFunc next = type_of(it)->iternext;
    for (;;) {
        Value item = next ? next(it) : obj_next(it);
        if (!item) {
            if (err_occurred()) {
                // (a generator that returns a value ends with StopIteration)
                if (!err_matches(&exc_StopIteration)) {
                    return -1;
                }
                err_clear();
            }
            break;
        }
        if (list_append(list, item) < 0) {
            return -1;
        }
    }
    if (l->len < l->cap && l->len < l->cap / 2) {
        return list_resize(l, l->len);  // the hint overestimated: give it back
    }
    return 0;
}

int list_insert(Value list, int64_t where, Value item) {
    ListObject *l = list_obj(list);
    int64_t n = (int64_t)l->len;
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    if (list_resize(l, (size_t)n + 1) < 0) {
        return -1;
    }
    memmove(&l->items[where + 1], &l->items[where], (size_t)(n - where) * sizeof(Value));
    l->items[where] = item;
    return 0;
}

Value list_pop(Value list, int64_t where) {
    ListObject *l = list_obj(list);
    if (l->len == 0) {
        return err_format(&exc_IndexError, "pop from empty list");
    }
    int64_t n = (int64_t)l->len;
    if (where < 0) {
        where += n;
    }
    if (where < 0 || where >= n) {
        return err_format(&exc_IndexError, "pop index out of range");
    }
    Value item = l->items[where];
    memmove(&l->items[where], &l->items[where + 1], (size_t)(n - where - 1) * sizeof(Value));
    if (list_resize(l, (size_t)n - 1) < 0) {
        // Shrinking cannot really fail; keep the (shorter) contents.
        err_clear();
        l->len = (size_t)n - 1;
    }
    return item;
}

void list_clear(Value list) {
    ListObject *l = list_obj(list);
    if (l->cap == 0) {
        return;    // nothing to free: a list being sorted keeps its marker
    }
    if (list_is_inline(l)) {
        l->len = 0;  // the cell keeps its room
        return;
    }
    l->items = NULL;
    l->len = l->cap = 0;
}

static void reverse_values(Value *lo, Value *hi) {
    for (--hi; lo < hi; lo++, hi--) {
        Value t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

void list_reverse(Value list) {
    ListObject *l = list_obj(list);
    if (l->len > 1) {
        reverse_values(l->items, l->items + l->len);
    }
}

// ---- object protocol ------------------------------------------------------------------

Value list_repr(Value v) {
    ListObject *l = list_obj(v);
    if (l->len == 0) {
        return str_from_cstr("[]");
    }
    int r = repr_enter(v);
    if (r != 0) {
        return r > 0 ? str_from_cstr("[...]") : 0;
    }
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '[');
    Value result = 0;
    // An item's repr may change the list: re-read the length every time.
    for (size_t i = 0; i < l->len; i++) {
        if (i > 0) {
            sb_put(&sb, ", ", 2);
        }
        if (repr_append(&sb, l->items[i]) < 0) {
            goto done;
        }
    }
    sb_putc(&sb, ']');
    result = str_from_utf8(sb.data, sb.len);
done:
    repr_leave(v);
    sb_free(&sb);
    return result;
}

Value list_richcompare(Value a, Value b, CompareOp op) {
    if (!list_check(a) || !list_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    ListObject *x = list_obj(a), *y = list_obj(b);
    if (x->len != y->len && (op == CMP_EQ || op == CMP_NE)) {
        return val_bool(op == CMP_NE);
    }
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        Value xi = x->items[i], yi = y->items[i];
        if (xi == yi) {
            continue;
        }
        int k = obj_richcompare_bool(xi, yi, CMP_EQ);
        if (k < 0) {
            return 0;
        }
        if (!k) {
            break;
        }
    }
    if (i >= x->len || i >= y->len) {
        return seq_compare_sizes(x->len, y->len, op);
    }
    if (op == CMP_EQ) {
        return VAL_FALSE;
    }
    if (op == CMP_NE) {
        return VAL_TRUE;
    }
    return obj_richcompare(x->items[i], y->items[i], op);
}

static int64_t list_len(Value v) {
    return (int64_t)list_obj(v)->len;
}

// l[slice]: a new list.
static Value list_getslice(Value v, Value slice) {
    int64_t start, stop, step, n;
    if (slice_indices(slice, (int64_t)list_obj(v)->len, &start, &stop, &step, &n) < 0) {
        return 0;
    }
    Value r = list_new((size_t)n);
    if (!r) {
        return 0;
    }
    ListObject *l = list_obj(v), *rl = list_obj(r);
    for (int64_t k = 0; k < n; k++) {
        rl->items[k] = l->items[start + k * step];  // in bounds, so no overflow
    }
    rl->len = (size_t)n;
    return r;
}

Value list_getitem(Value v, Value index) {
    ListObject *l = list_obj(v);
    int64_t i;
    if (val_is_smallint(index)) {
        i = val_smallint(index);
    } else if (slice_check(index)) {
        return list_getslice(v, index);
    } else if (seq_index(index, &i, "list") < 0) {
        return 0;
    }
    if (i < 0) {
        i += (int64_t)l->len;
    }
    if (i < 0 || (uint64_t)i >= l->len) {
        return err_format(&exc_IndexError, "list index out of range");
    }
    return l->items[i];
}

// The items of a list or a tuple.
static inline const Value *seq_items(Value seq) {
    return list_check(seq) ? list_obj(seq)->items : tuple_obj(seq)->items;
}

// a[slice] = value / del a[slice] (value 0), CPython's list_ass_subscript.
static int list_set_slice(Value v, Value slice, Value value) {
    ListObject *l = list_obj(v);
    int64_t start, stop, step, n;
    if (slice_indices(slice, (int64_t)l->len, &start, &stop, &step, &n) < 0) {
        return -1;
    }
    Value seq = 0;
    size_t m = 0;
    if (value && value != v && (list_check_exact(value) || tuple_check_exact(value))) {
        // Another list or a tuple as it is: nothing runs while it is copied.
        seq = value;
        m = list_check_exact(value) ? list_obj(value)->len : tuple_obj(value)->len;
    } else if (value) {
        // A copy first: the value may be the list itself, or change as we go.
        seq = list_from_iterable(value);
        if (!seq) {
            if (err_matches(&exc_TypeError) && !type_of(value)->iter && !type_of(value)->getitem) {
                err_clear();
                err_format(&exc_TypeError, step == 1 ? "can only assign an iterable"
                                                     : "must assign iterable to extended slice");
            }
            return -1;
        }
        m = list_obj(seq)->len;
    }
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        size_t old = (size_t)(stop - start), len = l->len;
        if (m > old) {
            if (list_resize(l, len + (m - old)) < 0) {
                return -1;
            }
            memmove(l->items + start + m, l->items + stop, (len - (size_t)stop) * sizeof(Value));
        } else if (m < old) {
            memmove(l->items + start + m, l->items + stop, (len - (size_t)stop) * sizeof(Value));
            l->len = len - (old - m);
        }
        if (m) {
            memcpy(l->items + start, seq_items(seq), m * sizeof(Value));
        }
        return 0;
    }
    if (!value) {
        if (n <= 0) {
            return 0;
        }
        if (step < 0) {  // walk upwards
            start = start + step * (n - 1);
            step = -step;
        }
        size_t w = (size_t)start, r = (size_t)start, k = 0;
        for (; r < l->len; r++) {
            if (k < (size_t)n && r == (size_t)start + k * (size_t)step) {
                k++;
                continue;
            }
            l->items[w++] = l->items[r];
        }
        l->len = w;
        return 0;
    }
    if ((int64_t)m != n) {
        err_format(&exc_ValueError,
                   "attempt to assign sequence of size %zu to extended slice of size %lld", m,
                   (long long)n);
        return -1;
    }
    const Value *src = seq_items(seq);
    for (int64_t k = 0; k < n; k++) {
        l->items[start + k * step] = src[k];
    }
    return 0;
}

int list_setitem(Value v, Value index, Value value) {
    ListObject *l = list_obj(v);
    int64_t i;
    if (slice_check(index)) {
        return list_set_slice(v, index, value);
    }
    if (seq_index(index, &i, "list") < 0) {
        return -1;
    }
    if (i < 0) {
        i += (int64_t)l->len;
    }
    if (i < 0 || (uint64_t)i >= l->len) {
        err_format(&exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (value) {
        l->items[i] = value;
        return 0;
    }
    return list_pop(v, i) ? 0 : -1;
}

int list_contains(Value v, Value item) {
    ListObject *l = list_obj(v);
    for (size_t i = 0; i < l->len; i++) {
        int k = obj_richcompare_bool(l->items[i], item, CMP_EQ);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static Value list_add(Value a, Value b) {
    if (!list_check(a) || !list_check(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    ListObject *x = list_obj(a), *y = list_obj(b);
    Value r = list_new(x->len + y->len);
    if (!r) {
        return 0;
    }
    ListObject *l = list_obj(r);
    if (x->len) {
        memcpy(l->items, x->items, x->len * sizeof(Value));
    }
    if (y->len) {
        memcpy(l->items + x->len, y->items, y->len * sizeof(Value));
    }
    l->len = x->len + y->len;
    return r;
}

// Fill dst with n copies of the len values at src.
static void repeat_into(Value *dst, const Value *src, size_t len, size_t n) {
    if (len == 1) {
        Value v = src[0];
        for (size_t i = 0; i < n; i++) {
            dst[i] = v;
        }
        return;
    }
    // Doubling copies: log(n) memcpys.
    memcpy(dst, src, len * sizeof(Value));
    size_t done = len, total = len * n;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, chunk * sizeof(Value));
        done += chunk;
    }
}

static Value list_mul(Value a, Value b) {
    Value seq = a, count = b;
    if (!list_check(a)) {
        seq = b;
        count = a;
    }
    int64_t n;
    int r = seq_repeat_count(count, &n);
    if (r <= 0) {
        return r == 0 ? VAL_NOTIMPLEMENTED : 0;
    }
    ListObject *l = list_obj(seq);
    size_t len = l->len;
    if (n <= 0 || len == 0) {
        return list_new(0);
    }
    if ((uint64_t)n > (SIZE_MAX / sizeof(Value)) / len) {
        return err_no_memory();
    }
    Value res = list_new(len * (size_t)n);
    if (!res) {
        return 0;
    }
    repeat_into(list_obj(res)->items, l->items, len, (size_t)n);
    list_obj(res)->len = len * (size_t)n;
    return res;
}

// sq_concat: reached when `+` found no number slot; raises CPython's message.
static Value list_seq_concat(Value a, Value b) {
    if (!list_check(b)) {
        return err_format(&exc_TypeError, "can only concatenate list (not \"%s\") to list",
                          obj_type_name(b));
    }
    return list_add(a, b);
}

static Value list_inplace_add(Value a, Value b) {
    if (!list_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (list_extend(a, b) < 0) {
        return 0;
    }
    return a;
}

static Value list_inplace_mul(Value a, Value b) {
    if (!list_check(a)) {
        return VAL_NOTIMPLEMENTED;
    }
    int64_t n;
    int r = seq_repeat_count(b, &n);
    if (r <= 0) {
        return r == 0 ? VAL_NOTIMPLEMENTED : 0;
    }
    ListObject *l = list_obj(a);
    size_t len = l->len;
    if (n <= 0 || len == 0) {
        list_clear(a);
        return a;
    }
    if (n == 1) {
        return a;
    }
    if ((uint64_t)n > (SIZE_MAX / sizeof(Value)) / len) {
        return err_no_memory();
    }
    if (list_resize(l, len * (size_t)n) < 0) {
        return 0;
    }
    repeat_into(l->items, l->items, len, (size_t)n);
    return a;
}

// ---- the sort -----------------------------------------------------------------------------

enum { SORT_MIN_GALLOP = 7, SORT_MAX_MERGE_PENDING = 85 };

typedef struct SortState SortState;
// Less-than for two keys: 1, 0, or -1 with an exception.
typedef int (*SortLessFunc)(SortState *s, Value a, Value b);

// The keys being sorted, and (with a key function) the values that move
// with them; values is NULL without a key function.
typedef struct SortSlice {
    Value *keys;
    Value *values;
} SortSlice;

typedef struct SortRun {
    SortSlice base;
    size_t len;
} SortRun;

struct SortState {
    SortLessFunc lt;
    SortLessFunc tuple_item_lt;   // for the first items of tuple keys
    size_t min_gallop;
    // The merge scratch: a tuple (GC-visible) with room for `cap` keys and,
    // with values, `cap` more values after them; or, for a sort whose
    // comparisons cannot run Python code (`pure`), plain malloc'ed memory.
    int pure;
    Value *pure_scratch;
    Value scratch;
    size_t scratch_cap;
    int has_values;
    SortSlice a;                  // views into the scratch
    size_t n;                     // pending runs
    SortRun pending[SORT_MAX_MERGE_PENDING];
};


static int lt_generic(SortState *s, Value a, Value b) {
    return obj_richcompare_bool(a, b, CMP_LT);
}

static int lt_smallint(SortState *s, Value a, Value b) {
    // Tagged small ints order like their values.
    return (int64_t)a < (int64_t)b;
}

// Small ints are compared inline (a predictable branch instead of an
// indirect call per comparison: 1M random ints sort ~25% faster).
#define SORT_LT(s, x, y)                                                                   \
    ((s)->lt == lt_smallint ? (int64_t)(x) < (int64_t)(y) : (s)->lt((s), (x), (y)))

static int lt_float(SortState *s, Value a, Value b) {
    return float_value(a) < float_value(b);
}

static int lt_str(SortState *s, Value a, Value b) {
    StrObject *x = str_obj(a), *y = str_obj(b);
    size_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->data, y->data, n);
    return c != 0 ? c < 0 : x->nbytes < y->nbytes;
}

// Tuple items that are small ints or exact strs on both sides compare here,
// without a call: neither can run Python code (1, 0, or -2 for "ask").
static inline int item_eq_inline(Value a, Value b) {
    if (a == b) {
        return 1;
    }
    if (val_is_smallint(a) && val_is_smallint(b)) {
        return 0;  // distinct small ints differ
    }
    if (val_is_ptr(a) && val_is_ptr(b) && val_ptr(a)->type == &type_str &&
        val_ptr(b)->type == &type_str) {
        StrObject *x = str_obj(a), *y = str_obj(b);
        return x->nbytes == y->nbytes && memcmp(x->data, y->data, x->nbytes) == 0;
    }
    return -2;
}

static inline int item_lt_inline(SortState *s, Value a, Value b) {
    if (val_is_smallint(a) && val_is_smallint(b)) {
        return (int64_t)a < (int64_t)b;
    }
    if (val_is_ptr(a) && val_is_ptr(b) && val_ptr(a)->type == &type_str &&
        val_ptr(b)->type == &type_str) {
        return lt_str(s, a, b);
    }
    return -2;
}

// Tuples known to be non-empty exact tuples (CPython's unsafe_tuple_compare).
static int lt_tuple(SortState *s, Value a, Value b) {
    TupleObject *x = tuple_obj(a), *y = tuple_obj(b);
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        int k = item_eq_inline(x->items[i], y->items[i]);
        if (k == -2) {
            k = obj_richcompare_bool(x->items[i], y->items[i], CMP_EQ);
        }
        if (k < 0) {
            return -1;
        }
        if (!k) {
            break;
        }
    }
    if (i >= x->len || i >= y->len) {
        return x->len < y->len;
    }
    if (i == 0) {
        return s->tuple_item_lt(s, x->items[0], y->items[0]);
    }
    int k = item_lt_inline(s, x->items[i], y->items[i]);
    return k != -2 ? k : obj_richcompare_bool(x->items[i], y->items[i], CMP_LT);
}

// The specialized compare for keys that all share the type of `first`.
static SortLessFunc sort_pick_lt(Type *type, int all_smallint) {
    if (all_smallint) {
        return lt_smallint;
    }
    if (type == &type_float) {
        return lt_float;
    }
    if (type == &type_str) {
        return lt_str;
    }
    return lt_generic;
}

// CPython's pre-sort check: one pass over the keys to pick the compare.
static void sort_choose_compare(SortState *s, const Value *keys, size_t n) {
    int in_tuples = tuple_check_exact(keys[0]) && tuple_obj(keys[0])->len > 0;
    Value first = in_tuples ? tuple_obj(keys[0])->items[0] : keys[0];
    Type *type = type_of(first);
    int same_type = 1, all_smallint = 1;
    for (size_t i = 0; i < n; i++) {
        if (in_tuples && !(tuple_check_exact(keys[i]) && tuple_obj(keys[i])->len > 0)) {
            in_tuples = 0;
            same_type = 0;
            break;
        }
        Value k = in_tuples ? tuple_obj(keys[i])->items[0] : keys[i];
        if (type_of(k) != type) {
            same_type = 0;
            if (!in_tuples) {
                break;
            }
        }
        all_smallint &= val_is_smallint(k);
    }
    SortLessFunc lt = same_type ? sort_pick_lt(type, all_smallint) : lt_generic;
    if (in_tuples) {
        s->tuple_item_lt = type == &type_tuple ? lt_generic : lt;
        s->lt = lt_tuple;
    } else {
        s->lt = lt;
    }
}

static inline void slice_advance(SortSlice *s, ptrdiff_t n) {
    s->keys += n;
    if (s->values) {
        s->values += n;
    }
}

static inline void slice_copy(SortSlice *dst, ptrdiff_t i, const SortSlice *src, ptrdiff_t j) {
    dst->keys[i] = src->keys[j];
    if (dst->values) {
        dst->values[i] = src->values[j];
    }
}

static inline void slice_copy_incr(SortSlice *dst, SortSlice *src) {
    *dst->keys++ = *src->keys++;
    if (dst->values) {
        *dst->values++ = *src->values++;
    }
}

static inline void slice_copy_decr(SortSlice *dst, SortSlice *src) {
    *dst->keys-- = *src->keys--;
    if (dst->values) {
        *dst->values-- = *src->values--;
    }
}

static inline void slice_memcpy(SortSlice *dst, ptrdiff_t i, const SortSlice *src, ptrdiff_t j,
                                size_t n) {
    memcpy(&dst->keys[i], &src->keys[j], n * sizeof(Value));
    if (dst->values) {
        memcpy(&dst->values[i], &src->values[j], n * sizeof(Value));
    }
}

static inline void slice_memmove(SortSlice *dst, ptrdiff_t i, const SortSlice *src,
                                 ptrdiff_t j, size_t n) {
    memmove(&dst->keys[i], &src->keys[j], n * sizeof(Value));
    if (dst->values) {
        memmove(&dst->values[i], &src->values[j], n * sizeof(Value));
    }
}

static void slice_reverse(SortSlice *s, size_t n) {
    reverse_values(s->keys, s->keys + n);
    if (s->values) {
        reverse_values(s->values, s->values + n);
    }
}

// Room for `need` keys (and values) in the merge scratch.
static int sort_getmem(SortState *s, size_t need) {
    if (need <= s->scratch_cap) {
        return 0;
    }
    if (s->pure) {
        Value *p = realloc(s->pure_scratch, need * sizeof(Value));
        if (!p) {
            err_no_memory();
            return -1;
        }
        s->pure_scratch = p;
        s->scratch_cap = need;
        s->a.keys = p;
        s->a.values = NULL;
        return 0;
    }
    // Drop the old scratch first; its contents are not needed.
    s->scratch = 0;
    size_t per = s->has_values ? 2 : 1;
    Value t = tuple_new(need * per);
    if (!t) {
        s->scratch_cap = 0;
        return -1;
    }
    s->scratch = t;
    s->scratch_cap = need;
    s->a.keys = tuple_obj(t)->items;
    s->a.values = s->has_values ? tuple_obj(t)->items + need : NULL;
    return 0;
}

// The length of the run starting at lo (lo < hi): ascending (a[i] <= a[i+1])
// or strictly descending. -1 on error.
static ptrdiff_t count_run(SortState *s, Value *lo, Value *hi, int *descending) {
    *descending = 0;
    ++lo;
    if (lo == hi) {
        return 1;
    }
    ptrdiff_t n = 2;
    int k = SORT_LT(s, *lo, *(lo - 1));
    if (k < 0) {
        return -1;
    }
    if (k) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            k = SORT_LT(s, *lo, *(lo - 1));
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
        }
    } else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            k = SORT_LT(s, *lo, *(lo - 1));
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
        }
    }
    return n;
}

// Binary insertion sort of [lo, hi) whose prefix [lo, start) is sorted.
static int binarysort(SortState *s, SortSlice lo, Value *hi, Value *start) {
    if (lo.keys == start) {
        ++start;
    }
    for (; start < hi; ++start) {
        Value *l = lo.keys, *r = start;
        Value pivot = *r;
        do {
            Value *p = l + ((r - l) >> 1);
            int k = SORT_LT(s, pivot, *p);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = p;
            } else {
                l = p + 1;
            }
        } while (l < r);
        for (Value *p = start; p > l; --p) {
            *p = *(p - 1);
        }
        *l = pivot;
        if (lo.values) {
            ptrdiff_t offset = lo.values - lo.keys;
            Value *p = start + offset;
            pivot = *p;
            l += offset;
            for (; p > l; --p) {
                *p = *(p - 1);
            }
            *l = pivot;
        }
    }
    return 0;
}

// Where key belongs in the sorted a[0..n): the leftmost position (before
// equal keys), searching outwards from a[hint]. -1 on error.
static ptrdiff_t gallop_left(SortState *s, Value key, Value *a, ptrdiff_t n, ptrdiff_t hint) {
    ptrdiff_t ofs = 1, lastofs = 0, k;
    a += hint;
    int c = SORT_LT(s, *a, key);
    if (c < 0) {
        return -1;
    }
    if (c) {
        // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
        ptrdiff_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = SORT_LT(s, a[ofs], key);
            if (c < 0) {
                return -1;
            }
            if (!c) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
        ptrdiff_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = SORT_LT(s, *(a - ofs), key);
            if (c < 0) {
                return -1;
            }
            if (c) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    // a[lastofs] < key <= a[ofs]: binary search in between.
    ++lastofs;
    while (lastofs < ofs) {
        ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
        c = SORT_LT(s, a[m], key);
        if (c < 0) {
            return -1;
        }
        if (c) {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    return ofs;
}

// Like gallop_left, but the rightmost position (after equal keys).
static ptrdiff_t gallop_right(SortState *s, Value key, Value *a, ptrdiff_t n, ptrdiff_t hint) {
    ptrdiff_t ofs = 1, lastofs = 0, k;
    a += hint;
    int c = SORT_LT(s, key, *a);
    if (c < 0) {
        return -1;
    }
    if (c) {
        // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
        ptrdiff_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = SORT_LT(s, key, *(a - ofs));
            if (c < 0) {
                return -1;
            }
            if (!c) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
        ptrdiff_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = SORT_LT(s, key, a[ofs]);
            if (c < 0) {
                return -1;
            }
            if (c) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
        c = SORT_LT(s, key, a[m]);
        if (c < 0) {
            return -1;
        }
        if (c) {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    return ofs;
}

// Merge the adjacent runs ssa (na) and ssb (nb), na <= nb, with ssa[0]
// belonging after ssb[0]... precondition as CPython's: ssb[0] < ssa[0] is
// already established for the first element, ssa[na-1] belongs at the end.
static int merge_lo(SortState *s, SortSlice ssa, ptrdiff_t na, SortSlice ssb, ptrdiff_t nb) {
    int result = -1;
    if (sort_getmem(s, (size_t)na) < 0) {
        return -1;
    }
    SortSlice dest = ssa;
    slice_memcpy(&s->a, 0, &ssa, 0, (size_t)na);
    ssa = s->a;
    slice_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0) {
        goto succeed;
    }
    if (na == 1) {
        goto copy_b;
    }
    size_t min_gallop = s->min_gallop;
    for (;;) {
        ptrdiff_t acount = 0, bcount = 0;
        // One pair at a time until a run wins min_gallop times in a row.
        for (;;) {
            int k = SORT_LT(s, ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                slice_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) {
                    goto succeed;
                }
                if ((size_t)bcount >= min_gallop) {
                    break;
                }
            } else {
                slice_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) {
                    goto copy_b;
                }
                if ((size_t)acount >= min_gallop) {
                    break;
                }
            }
        }
        // Galloping, until neither run wins consistently.
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            ptrdiff_t k = gallop_right(s, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                slice_memcpy(&dest, 0, &ssa, 0, (size_t)k);
                slice_advance(&dest, k);
                slice_advance(&ssa, k);
                na -= k;
                if (na == 1) {
                    goto copy_b;
                }
                // Impossible for a consistent order, but possible.
                if (na == 0) {
                    goto succeed;
                }
            }
            slice_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0) {
                goto succeed;
            }
            k = gallop_left(s, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                slice_memmove(&dest, 0, &ssb, 0, (size_t)k);
                slice_advance(&dest, k);
                slice_advance(&ssb, k);
                nb -= k;
                if (nb == 0) {
                    goto succeed;
                }
            }
            slice_copy_incr(&dest, &ssa);
            --na;
            if (na == 1) {
                goto copy_b;
            }
        } while (acount >= SORT_MIN_GALLOP || bcount >= SORT_MIN_GALLOP);
        ++min_gallop;  // leaving galloping mode costs
        s->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na) {
        slice_memcpy(&dest, 0, &ssa, 0, (size_t)na);
    }
    return result;
copy_b:
    // The last item of A belongs after all of what remains of B.
    slice_memmove(&dest, 0, &ssb, 0, (size_t)nb);
    slice_copy(&dest, nb, &ssa, 0);
    return 0;
}

// The mirror image of merge_lo, for na > nb: merges from the right.
static int merge_hi(SortState *s, SortSlice ssa, ptrdiff_t na, SortSlice ssb, ptrdiff_t nb) {
    int result = -1;
    if (sort_getmem(s, (size_t)nb) < 0) {
        return -1;
    }
    SortSlice dest = ssb;
    slice_advance(&dest, nb - 1);
    slice_memcpy(&s->a, 0, &ssb, 0, (size_t)nb);
    SortSlice basea = ssa;
    SortSlice baseb = s->a;
    ssb.keys = s->a.keys + nb - 1;
    if (ssb.values) {
        ssb.values = s->a.values + nb - 1;
    }
    slice_advance(&ssa, na - 1);
    slice_copy_decr(&dest, &ssa);
    --na;
    if (na == 0) {
        goto succeed;
    }
    if (nb == 1) {
        goto copy_a;
    }
    size_t min_gallop = s->min_gallop;
    for (;;) {
        ptrdiff_t acount = 0, bcount = 0;
        for (;;) {
            int k = SORT_LT(s, ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                slice_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) {
                    goto succeed;
                }
                if ((size_t)acount >= min_gallop) {
                    break;
                }
            } else {
                slice_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) {
                    goto copy_a;
                }
                if ((size_t)bcount >= min_gallop) {
                    break;
                }
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            ptrdiff_t k = gallop_right(s, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0) {
                goto fail;
            }
            k = na - k;
            acount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssa, -k);
                slice_memmove(&dest, 1, &ssa, 1, (size_t)k);
                na -= k;
                if (na == 0) {
                    goto succeed;
                }
            }
            slice_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1) {
                goto copy_a;
            }
            k = gallop_left(s, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0) {
                goto fail;
            }
            k = nb - k;
            bcount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssb, -k);
                slice_memcpy(&dest, 1, &ssb, 1, (size_t)k);
                nb -= k;
                if (nb == 1) {
                    goto copy_a;
                }
                if (nb == 0) {
                    goto succeed;
                }
            }
            slice_copy_decr(&dest, &ssa);
            --na;
            if (na == 0) {
                goto succeed;
            }
        } while (acount >= SORT_MIN_GALLOP || bcount >= SORT_MIN_GALLOP);
        ++min_gallop;
        s->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb) {
        slice_memcpy(&dest, -(nb - 1), &baseb, 0, (size_t)nb);
    }
    return result;
copy_a:
    // The first item of B belongs before all of what remains of A.
    slice_memmove(&dest, 1 - na, &ssa, 1 - na, (size_t)na);
    slice_advance(&dest, -na);
    slice_advance(&ssa, -na);
    slice_copy(&dest, 0, &ssb, 0);
    return 0;
}

// Merge pending runs i and i+1.
static int merge_at(SortState *s, size_t i) {
    SortSlice ssa = s->pending[i].base, ssb = s->pending[i + 1].base;
    ptrdiff_t na = (ptrdiff_t)s->pending[i].len, nb = (ptrdiff_t)s->pending[i + 1].len;
    s->pending[i].len = (size_t)(na + nb);
    if (i == s->n - 3) {
        s->pending[i + 1] = s->pending[i + 2];
    }
    --s->n;
    // Items of A before B's first are already in place.
    ptrdiff_t k = gallop_right(s, *ssb.keys, ssa.keys, na, 0);
    if (k < 0) {
        return -1;
    }
    slice_advance(&ssa, k);
    na -= k;
    if (na == 0) {
        return 0;
    }
    // Items of B after A's last are already in place.
    nb = gallop_left(s, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) {
        return (int)nb;
    }
    return na <= nb ? merge_lo(s, ssa, na, ssb, nb) : merge_hi(s, ssa, na, ssb, nb);
}

// Restore the run-length invariants of the pending stack (CPython 3.11's
// rules, which include the 2015 fix that checks four runs deep).
static int merge_collapse(SortState *s) {
    SortRun *p = s->pending;
    while (s->n > 1) {
        size_t n = s->n - 2;
        if ((n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len) ||
            (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)) {
            if (p[n - 1].len < p[n + 1].len) {
                --n;
            }
            if (merge_at(s, n) < 0) {
                return -1;
            }
        } else if (p[n].len <= p[n + 1].len) {
            if (merge_at(s, n) < 0) {
                return -1;
            }
        } else {
            break;
        }
    }
    return 0;
}

static int merge_force_collapse(SortState *s) {
    SortRun *p = s->pending;
    while (s->n > 1) {
        size_t n = s->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) {
            --n;
        }
        if (merge_at(s, n) < 0) {
            return -1;
        }
    }
    return 0;
}

static size_t merge_compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// Sort keys[0..n) (and values along with them). 0, or -1 with the array
// left in some permutation of its contents.
static int sort_slice(SortState *s, SortSlice lo, size_t n) {
    size_t nremaining = n;
    size_t minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        ptrdiff_t run = count_run(s, lo.keys, lo.keys + nremaining, &descending);
        if (run < 0) {
            return -1;
        }
        if (descending) {
            slice_reverse(&lo, (size_t)run);
        }
        if ((size_t)run < minrun) {
            size_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(s, lo, lo.keys + force, lo.keys + run) < 0) {
                return -1;
            }
            run = (ptrdiff_t)force;
        }
        s->pending[s->n].base = lo;
        s->pending[s->n].len = (size_t)run;
        ++s->n;
        if (merge_collapse(s) < 0) {
            return -1;
        }
        slice_advance(&lo, run);
        nremaining -= (size_t)run;
    } while (nremaining);
    return merge_force_collapse(s);
}

static void sort_state_init(SortState *s, int has_values) {
    s->min_gallop = SORT_MIN_GALLOP;
    s->pure = 0;
    s->pure_scratch = NULL;
    s->scratch = 0;
    s->scratch_cap = 0;
    s->has_values = has_values;
    s->a.keys = s->a.values = NULL;
    s->n = 0;
}

// Without a key function, items that are all small ints, all floats or all
// exact strs compare without running any code that could allocate, collect
// or see the list: they are sorted in place, with a malloc'ed merge scratch,
// and the list need not be emptied meanwhile.
static int list_sort_pure(ListObject *l, int reverse, int *done) {
    SortState s;
    sort_state_init(&s, 0);
    size_t n = l->len;
    sort_choose_compare(&s, l->items, n);
    *done = s.lt == lt_smallint || s.lt == lt_float || s.lt == lt_str;
    if (!*done) {
        return 0;
    }
    s.pure = 1;
    SortSlice lo = {l->items, NULL};
    if (reverse) {
        reverse_values(l->items, l->items + n);
    }
    int result = sort_slice(&s, lo, n);
    if (reverse) {
        reverse_values(l->items, l->items + n);
    }
    free(s.pure_scratch);
    return result;
}

// The item array of a list while it is sorted: an empty heap array that no
// resize hands out (growing allocates a new one, shrinking to nothing sets
// NULL), so a list that was changed during the sort - even back to empty,
// as by append() then pop() - no longer points at it: CPython's
// `allocated = -1` marker, without a test on the append path.
static Value *list_sort_marker(void) {
    static Value owner;
    if (!owner) {
        ItemArray *a = (ItemArray *)gc_alloc(&list_items_type, sizeof(ItemArray));
        if (!a) {
            return NULL;
        }
        owner = val_from_ptr(a);
        gc_add_root(&owner);
    }
    return ((ItemArray *)val_ptr(owner))->items;
}

int list_sort(Value list, Value key, int reverse) {
    ListObject *l = list_obj(list);
    if (key == VAL_NONE) {
        key = 0;
    }
    size_t n = l->len;
    if (!key && n > 1) {
        int done;
        int r = list_sort_pure(l, reverse, &done);
        if (done) {
            return r;
        }
    }
    // The GC-visible working copy (keys first, then with a key function the
    // values), allocated while the list still holds (and traces) the items.
    Value work = n > 1 || key ? tuple_new(key ? 2 * n : n) : 0;
    if ((n > 1 || key) && !work) {
        return -1;
    }
    Value *marker = list_sort_marker();
    if (!marker) {
        return -1;
    }
    // Take the items out: the list is empty while it is sorted.
    Value *saved = l->items;
    size_t saved_cap = l->cap;
    // What keeps `saved` alive while the list does not reach it.
    Object *saved_owner = !saved ? NULL : list_is_inline(l) ? &l->header
                                                            : list_items_owner(saved, saved_cap);
    l->items = marker;
    l->len = l->cap = 0;
    int result = -1;
    SortSlice lo = {NULL, NULL};
    if (work) {
        Value *w = tuple_obj(work)->items;
        if (key) {
            if (n) {
                memcpy(w + n, saved, n * sizeof(Value));
            }
            for (size_t i = 0; i < n; i++) {
                Value k = obj_call1(key, w[n + i]);
                if (!k) {
                    goto restore;
                }
                w[i] = k;
            }
            lo.keys = w;
            lo.values = w + n;
        } else {
            if (n) {
                memcpy(w, saved, n * sizeof(Value));
            }
            lo.keys = w;
        }
    }
    if (n < 2) {
        result = 0;
        goto check;
    }
    SortState s;
    sort_state_init(&s, key != 0);
    sort_choose_compare(&s, lo.keys, n);
    Value *values = key ? lo.values : lo.keys;
    if (reverse) {
        // Reversing first, sorting stably, reversing back keeps equal items
        // in their original order.
        if (key) {
            reverse_values(lo.keys, lo.keys + n);
        }
        reverse_values(values, values + n);
    }
    result = sort_slice(&s, lo, n);
    if (reverse) {
        reverse_values(values, values + n);
    }
    memcpy(saved, values, n * sizeof(Value));
check:
    if (result == 0 && (l->items != marker || l->len != 0)) {
        err_format(&exc_ValueError, "list modified during sort");
        result = -1;
    }
restore:
    l->items = saved;
    l->len = n;
    l->cap = saved_cap;
    gc_keep_alive(val_from_ptr(saved_owner));
    return result;
}

// ---- methods --------------------------------------------------------------------------------

static Value list_reversed(Value self, const Value *args, size_t nargs, Value kwnames);

static Value list_m_append(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.append", nargs, kwnames, 1, 1) < 0 ||
        list_append(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value list_m_insert(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t where;
    if (method_check_args("list.insert", nargs, kwnames, 2, 2) < 0 ||
        seq_int_arg(args[0], &where) < 0 || list_insert(self, where, args[1]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value list_m_extend(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.extend", nargs, kwnames, 1, 1) < 0 ||
        list_extend(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static Value list_m_pop(Value self, const Value *args, size_t nargs, Value kwnames) {
    int64_t where = -1;
    if (method_check_args("list.pop", nargs, kwnames, 0, 1) < 0 ||
        (nargs == 1 && seq_int_arg(args[0], &where) < 0)) {
        return 0;
    }
    return list_pop(self, where);
}

static Value list_m_remove(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.remove", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ListObject *l = list_obj(self);
    for (size_t i = 0; i < l->len; i++) {
        int k = obj_richcompare_bool(l->items[i], args[0], CMP_EQ);
        if (k < 0) {
            return 0;
        }
        if (k) {
            if (i < l->len) {
                list_pop(self, (int64_t)i);
            }
            return VAL_NONE;
        }
    }
    return err_format(&exc_ValueError, "list.remove(x): x not in list");
}

static Value list_m_index(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.index", nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    int64_t start = 0, stop = INT64_MAX;
    if ((nargs > 1 && seq_slice_index(args[1], &start) < 0) ||
        (nargs > 2 && seq_slice_index(args[2], &stop) < 0)) {
        return 0;
    }
    ListObject *l = list_obj(self);
    seq_clamp_range(&start, &stop, l->len);
    for (int64_t i = start; i < stop && (size_t)i < l->len; i++) {
        int k = obj_richcompare_bool(l->items[i], args[0], CMP_EQ);
        if (k > 0) {
            return val_from_smallint(i);
        }
        if (k < 0) {
            return 0;
        }
    }
    Value r = obj_repr(args[0]);
    if (!r) {
        return 0;
    }
    return err_format(&exc_ValueError, "%s is not in list", str_obj(r)->data);
}

static Value list_m_count(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.count", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ListObject *l = list_obj(self);
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        Value item = l->items[i];
        if (item == args[0]) {
            n++;
            continue;
        }
        int k = obj_richcompare_bool(item, args[0], CMP_EQ);
        if (k < 0) {
            return 0;
        }
        n += k;
    }
    return val_from_smallint(n);
}

static Value list_m_reverse(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.reverse", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    list_reverse(self);
    return VAL_NONE;
}

static Value list_m_clear(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    list_clear(self);
    return VAL_NONE;
}

static Value list_m_copy(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return list_from(list_obj(self)->items, list_obj(self)->len);
}

Value list_m_sort(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (nargs > 0) {
        return err_format(&exc_TypeError, "sort() takes no positional arguments");
    }
    Value key = 0;
    int64_t reverse = 0;
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nkw > 2) {
        return err_format(&exc_TypeError, "sort() takes at most 2 keyword arguments (%zu given)",
                          nkw);
    }
    for (size_t i = 0; i < nkw; i++) {
        StrObject *name = str_obj(tuple_obj(kwnames)->items[i]);
        if (strcmp(name->data, "key") == 0) {
            key = args[i];
        } else if (strcmp(name->data, "reverse") == 0) {
            if (seq_int_arg(args[i], &reverse) < 0) {
                return 0;
            }
        } else {
            return err_format(&exc_TypeError, "'%s' is an invalid keyword argument for sort()",
                              name->data);
        }
    }
    if (list_sort(self, key, reverse != 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// list.__getitem__ is a method in CPython (METH_COEXIST), with a method's
// argument error; the getitem slot is what indexing uses.
static Value list_m_getitem(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.__getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return list_getitem(self, args[0]);
}

static const MethodDef list_methods[] = {
    {"__getitem__", list_m_getitem, METH_NO_KEYWORDS, "x.__getitem__(y) <==> x[y]"},
    {"append", list_m_append, METH_NO_KEYWORDS,
     "append($self, object, /)\n--\n\n"
     "Append object to the end of the list."},
    {"insert", list_m_insert, METH_NO_KEYWORDS,
     "insert($self, index, object, /)\n--\n\n"
     "Insert object before index."},
    {"extend", list_m_extend, METH_NO_KEYWORDS,
     "extend($self, iterable, /)\n--\n\n"
     "Extend list by appending elements from the iterable."},
    {"pop", list_m_pop, METH_NO_KEYWORDS,
     "pop($self, index=-1, /)\n--\n\n"
     "Remove and return item at index (default last)."},
    {"remove", list_m_remove, METH_NO_KEYWORDS,
     "remove($self, value, /)\n--\n\n"
     "Remove first occurrence of value."},
    {"index", list_m_index, METH_NO_KEYWORDS,
     "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n"
     "Return first index of value."},
    {"count", list_m_count, METH_NO_KEYWORDS,
     "count($self, value, /)\n--\n\n"
     "Return number of occurrences of value."},
    {"reverse", list_m_reverse, METH_NO_KEYWORDS,
     "reverse($self, /)\n--\n\n"
     "Reverse *IN PLACE*."},
    {"clear", list_m_clear, METH_NO_KEYWORDS,
     "clear($self, /)\n--\n\n"
     "Remove all items from list."},
    {"copy", list_m_copy, METH_NO_KEYWORDS,
     "copy($self, /)\n--\n\n"
     "Return a shallow copy of the list."},
    {"sort", list_m_sort, METH_DEFAULT,
     "sort($self, /, *, key=None, reverse=False)\n--\n\n"
     "Sort the list in ascending order and return None."},
    {"__reversed__", list_reversed, METH_NO_KEYWORDS,
     "__reversed__($self, /)\n--\n\n"
     "Return a reverse iterator over the list."},
    {NULL, NULL, 0, NULL},
};

// ---- construction ------------------------------------------------------------------------------

static Value list_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(type);
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

// list.__init__(iterable=()): replaces the contents.
static Value list_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    // As CPython: keywords are an error unless a subclass has its own __new__.
    if (kwnames && tuple_obj(kwnames)->len > 0 && type_of(self)->new_ == type_list.new_) {
        return err_format(&exc_TypeError, "list() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
    }
    list_clear(self);
    if (nargs == 1 && list_extend(self, args[0]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// ---- iterators -----------------------------------------------------------------------------

static void list_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((ListIterObject *)o)->seq);
}

Value list_iter(Value v) {
    ListIterObject *it = (ListIterObject *)gc_alloc(&type_list_iterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->seq = v;
    return val_from_ptr(it);
}

static Value list_iter_next(Value v) {
    ListIterObject *it = (ListIterObject *)val_ptr(v);
    if (!it->seq) {
        return 0;
    }
    ListObject *l = list_obj(it->seq);
    if (it->index < l->len) {
        return l->items[it->index++];
    }
    it->seq = 0;
    return 0;
}

static Value list_reversed(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("list.__reversed__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ListIterObject *it = (ListIterObject *)gc_alloc(&type_list_reverseiterator, sizeof *it);
    if (!it) {
        return 0;
    }
    it->seq = self;
    it->index = list_obj(self)->len;
    return val_from_ptr(it);
}

static Value list_reverse_next(Value v) {
    ListIterObject *it = (ListIterObject *)val_ptr(v);
    if (!it->seq) {
        return 0;
    }
    ListObject *l = list_obj(it->seq);
    if (it->index > 0 && it->index <= l->len) {
        return l->items[--it->index];
    }
    it->seq = 0;
    return 0;
}

static Value list_iter_m_length_hint(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ListIterObject *it = (ListIterObject *)val_ptr(self);
    size_t len = it->seq ? list_obj(it->seq)->len : 0;
    return int_from_i64(it->seq && it->index < len ? (int64_t)(len - it->index) : 0);
}

static Value list_reviter_m_length_hint(Value self, const Value *args, size_t nargs,
                                        Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    ListIterObject *it = (ListIterObject *)val_ptr(self);
    bool valid = it->seq && it->index <= list_obj(it->seq)->len;
    return int_from_i64(valid ? (int64_t)it->index : 0);
}

static Value list_iter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value empty = list_new(0);
    ListIterObject *it = (ListIterObject *)val_ptr(self);
    return empty ? seqiter_reduce("iter", it->seq, (int64_t)it->index, empty) : 0;
}

static Value list_reviter_m_reduce(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value empty = list_new(0);
    ListIterObject *it = (ListIterObject *)val_ptr(self);
    return empty ? seqiter_reduce("reversed", it->seq, (int64_t)it->index - 1, empty) : 0;
}

static Value list_iter_m_setstate(Value self, const Value *args, size_t nargs,
                                  Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ListIterObject *it = (ListIterObject *)val_ptr(self);
    int64_t i;
    int64_t len = it->seq ? (int64_t)list_obj(it->seq)->len : 0;
    if (seqiter_setstate(args[0], 0, len, &i) < 0) {
        return 0;
    }
    if (it->seq) {
        it->index = (size_t)i;
    }
    return VAL_NONE;
}

static Value list_reviter_m_setstate(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    ListIterObject *it = (ListIterObject *)val_ptr(self);
    int64_t i;
    int64_t len = it->seq ? (int64_t)list_obj(it->seq)->len : 0;
    if (seqiter_setstate(args[0], -1, len - 1, &i) < 0) {
        return 0;
    }
    if (it->seq) {
        it->index = (size_t)(i + 1);
    }
    return VAL_NONE;
}

#define LENGTH_HINT_DOC "Private method returning an estimate of len(list(it))."

static const MethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_m_length_hint, METH_NO_KEYWORDS, LENGTH_HINT_DOC},
    {"__reduce__", list_iter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", list_iter_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef list_reviter_methods[] = {
    {"__length_hint__", list_reviter_m_length_hint, METH_NO_KEYWORDS, LENGTH_HINT_DOC},
    {"__reduce__", list_reviter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", list_reviter_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static Value iter_self(Value v) {
    return v;
}

// ---- the types -------------------------------------------------------------------------------

Type type_list = {
    .header = {&type_type},
    .name = "list",
    .text_signature = "(iterable=(), /)",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE | TYPE_LIST_SUBCLASS | TYPE_SEQUENCE,
    .basic_size = sizeof(ListObject),
    .base = &type_object,
    .trace = list_trace,
    .repr = list_repr,
    .hash = hash_unhashable,
    .richcompare = list_richcompare,
    .new_ = list_tp_new,
    .init = list_tp_init,
    .iter = list_iter,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .binop = {[BINOP_ADD] = list_add, [BINOP_MUL] = list_mul},
    .seq_concat = list_seq_concat,
    .seq_repeat = list_mul,
    .inplace = {[BINOP_ADD] = list_inplace_add, [BINOP_MUL] = list_inplace_mul},
    .methods = list_methods,
};

Type type_list_iterator = {
    .header = {&type_type},
    .name = "list_iterator",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(ListIterObject),
    .base = &type_object,
    .trace = list_iter_trace,
    .iter = iter_self,
    .iternext = list_iter_next,
    .methods = list_iter_methods,
};

Type type_list_reverseiterator = {
    .header = {&type_type},
    .name = "list_reverseiterator",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(ListIterObject),
    .base = &type_object,
    .trace = list_iter_trace,
    .iter = iter_self,
    .iternext = list_reverse_next,
    .methods = list_reviter_methods,
};
