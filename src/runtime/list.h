// list.h - the list type, and helpers every sequence and container shares
// (index conversion, repeat counts, recursion-guarded reprs).
#ifndef KRAIT_LIST_H
#define KRAIT_LIST_H

#include "object.h"
#include "strbuf.h"

typedef struct ListObject {
    Object header;
    size_t len, cap;
    Value *items;      // a heap cell or a malloc'ed block (list.c); the list traces len items
} ListObject;

extern Type type_list, type_list_iterator, type_list_reverseiterator;

// list_iterator and list_reverseiterator (the interpreter's FORITER steps
// the forward one inline).
typedef struct ListIterObject {
    Object header;
    Value seq;      // the list, or 0 once exhausted
    size_t index;   // forward: next index; reverse: index + 1 of the next item
} ListIterObject;
static inline ListObject *list_obj(Value v) { return (ListObject *)val_ptr(v); }
static inline int list_check(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_LIST_SUBCLASS);
}
static inline int list_check_exact(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_list;
}

Value list_new(size_t cap);                 // empty, with room for cap items
Value list_from(const Value *items, size_t n);
Value list_from_iterable(Value iterable);   // list(iterable)
int list_append(Value list, Value item);    // 0 or -1
int list_extend(Value list, Value iterable);
// Append the n values at src (which may point into l's own array); 0 or -1.
int list_append_array(ListObject *l, const Value *src, size_t n);
int list_insert(Value list, int64_t where, Value item);  // clamped like list.insert
// Remove and return item `where` (negative counts from the end); IndexError
// "pop from empty list" / "pop index out of range".
Value list_pop(Value list, int64_t where);
void list_clear(Value list);
void list_reverse(Value list);
// list.sort(key=key, reverse=reverse): key 0 or None for no key. 0 or -1.
int list_sort(Value list, Value key, int reverse);

// The slot functions, for tests and for types that reuse them.
Value list_repr(Value l);
Value list_richcompare(Value a, Value b, CompareOp op);
Value list_getitem(Value l, Value index);
int list_setitem(Value l, Value index, Value value);
int list_contains(Value l, Value item);
Value list_iter(Value l);
// Python-visible methods (type_ready registers type_list.methods).
Value list_m_sort(Value self, const Value *args, size_t nargs, Value kwnames);

// ---- helpers shared by the container types ---------------------------------

// Container reprs guard against self-reference like CPython's Py_ReprEnter:
// 1 if v's repr is already in progress (print "[...]"), 0 after recording
// it, -1 on error. Every 0 must be paired with repr_leave(v).
int repr_enter(Value v);
void repr_leave(Value v);
// Free the calling thread's repr_enter memory (when a thread ends).
void repr_stack_free(void);
// Append repr(v) to sb. 0 or -1.
int repr_append(StrBuf *sb, Value v);

// A sequence index: a small int, or anything with __index__ (IndexError
// "cannot fit 'int' into an index-sized integer" when too big); otherwise
// TypeError "<tname> indices must be integers or slices, not <type>".
int seq_index(Value key, int64_t *out, const char *tname);
// A start/stop argument of index(): clamped to +-INT64_MAX, TypeError
// "slice indices must be integers or have an __index__ method".
int seq_slice_index(Value v, int64_t *out);
// Clamp start/stop (negative from the end) into [0, len].
void seq_clamp_range(int64_t *start, int64_t *stop, size_t len);
// The count of `seq * count`: 1 with *out set, 0 if count has no __index__
// (the caller returns NotImplemented), -1 on error (OverflowError).
int seq_repeat_count(Value count, int64_t *out);
// The comparison of two sequences one of which is a prefix of the other.
Value seq_compare_sizes(size_t a, size_t b, CompareOp op);
// An argument that must be an int (list.insert's index, pop's): TypeError
// "'<type>' object cannot be interpreted as an integer".
int seq_int_arg(Value v, int64_t *out);
// The hash slot of mutable containers: TypeError "unhashable type: 'list'".
int64_t hash_unhashable(Value v);
// Reject keyword arguments and check the positional count for a method
// named `qualname` ("list.append"): CPython's METH_O / METH_NOARGS errors.
// The common case (no keywords, a count in range) is checked inline.
int method_check_args_slow(const char *qualname, size_t nargs, Value kwnames, size_t min,
                           size_t max);
static inline int method_check_args(const char *qualname, size_t nargs, Value kwnames,
                                    size_t min, size_t max) {
    if (!kwnames && nargs >= min && nargs <= max) {
        return 0;
    }
    return method_check_args_slow(qualname, nargs, kwnames, min, max);
}

#endif
