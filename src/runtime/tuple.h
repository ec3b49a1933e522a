// tuple.h - the tuple type.
#ifndef KRAIT_TUPLE_H
#define KRAIT_TUPLE_H

#include "object.h"

typedef struct TupleObject {
    Object header;
    size_t len;
    Value items[];
} TupleObject;

extern Type type_tuple, type_tuple_iterator;
static inline TupleObject *tuple_obj(Value v) { return (TupleObject *)val_ptr(v); }
static inline int tuple_check(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_TUPLE_SUBCLASS);
}
static inline int tuple_check_exact(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_tuple;
}
// A tuple of n items, all 0: the caller fills every item before the tuple
// escapes. The empty tuple is a singleton.
Value tuple_new(size_t n);
Value tuple_from(const Value *items, size_t n);
Value tuple_pack2(Value a, Value b);
// tuple(iterable): the argument itself when it is an exact tuple.
Value tuple_from_iterable(Value iterable);
// A tuple of a list's items. Use this, not tuple_from(list->items, ...): the
// items live in malloc'ed memory that the collector may free while
// tuple_from allocates, when nothing else holds the list.
Value tuple_from_list(Value list);

// The slot functions, for the types that reuse them (tuple subclasses in C,
// struct sequences) and for tests.
Value tuple_repr(Value t);
int64_t tuple_hash(Value t);
Value tuple_richcompare(Value a, Value b, CompareOp op);
Value tuple_getitem(Value t, Value index);
int tuple_contains(Value t, Value item);
Value tuple_iter(Value t);

#endif
