// tuple.h - the tuple type.
#ifndef KRAIT_TUPLE_H
#define KRAIT_TUPLE_H

#include "object.h"

typedef struct TupleObject {
    Object header;
    size_t len;
    Value items[];
} TupleObject;

extern Type type_tuple;
static inline TupleObject *tuple_obj(Value v) { return (TupleObject *)val_ptr(v); }
// A tuple of n items, all 0: the caller fills every item before the tuple
// escapes. The empty tuple is a singleton.
Value tuple_new(size_t n);
Value tuple_from(const Value *items, size_t n);

#endif
