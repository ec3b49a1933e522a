// set.h - set and frozenset: CPython's hash table for sets exactly (the same
// probing, table sizes and resize rules), so that iteration order - visible
// in print({3, 1, 2}) - matches CPython's.
#ifndef KRAIT_SET_H
#define KRAIT_SET_H

#include "object.h"

typedef struct SetObject SetObject;  // layout private to set.c
extern Type type_set, type_frozenset, type_set_iterator;

// set, frozenset, or a subclass of either.
int set_check_any(Value v);
static inline int set_check_exact(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_set;
}
static inline int frozenset_check_exact(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_frozenset;
}

// set(iterable) / frozenset(iterable); iterable may be 0 for an empty one.
Value set_new(Value iterable);
Value frozenset_new(Value iterable);
// 0 or -1.
int set_add(Value s, Value key);
// 1 removed, 0 absent, -1 error.
int set_discard(Value s, Value key);
// 1, 0, or -1 with an exception. An unhashable set key is looked up as a
// frozenset, as in CPython.
int set_contains(Value s, Value key);
int64_t set_len(Value s);
// Iteration in table order: *pos starts at 0; returns 0 when done.
int set_next(Value s, size_t *pos, Value *key, int64_t *hash);
void set_clear(Value s);
Value set_copy(Value s);   // same type's base (set or frozenset); a frozenset is itself

// The in-place operations behind |= &= -= ^= and the named methods. 0 or -1.
int set_update(Value s, Value iterable);
int set_difference_update(Value s, Value other);
int set_symmetric_difference_update(Value s, Value other);
int set_intersection_update(Value s, Value other);
// New sets (the type of s's base).
Value set_intersection(Value s, Value other);
Value set_difference(Value s, Value other);
Value set_symmetric_difference(Value s, Value other);

// The slots, for tests.
Value set_repr(Value s);
int64_t frozenset_hash(Value s);
Value set_richcompare(Value a, Value b, CompareOp op);
Value set_iter(Value s);
Value set_binop_or(Value a, Value b);
Value set_binop_and(Value a, Value b);
Value set_binop_sub(Value a, Value b);
Value set_binop_xor(Value a, Value b);
Value set_pop(Value s);

#endif
