// range.h - the range type and its iterators.
#ifndef KRAIT_RANGE_H
#define KRAIT_RANGE_H

#include "object.h"

// All four fields are exact ints of any size; step is never 0 and length
// is len(range), >= 0.
typedef struct RangeObject {
    Object header;
    Value start, stop, step, length;
} RangeObject;

extern Type type_range, type_range_iterator, type_longrange_iterator;

// The iterator of a range whose items fit int64 (the interpreter's FORITER
// steps it inline).
typedef struct RangeIterObject {
    Object header;
    int64_t start, step;
    uint64_t index, len;
} RangeIterObject;
static inline int range_check(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_range;
}
static inline RangeObject *range_obj(Value v) { return (RangeObject *)val_ptr(v); }

// range(start, stop, step) from exact ints (step non-zero); 0 on error.
Value range_new(Value start, Value stop, Value step);

#endif
