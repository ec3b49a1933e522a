// slice.h - the slice type, and the index arithmetic of sequence slicing.
#ifndef KRAIT_SLICE_H
#define KRAIT_SLICE_H

#include <stdint.h>

#include "object.h"

typedef struct SliceObject {
    Object header;
    Value start, stop, step;  // any objects; None when omitted
} SliceObject;

extern Type type_slice;
static inline int slice_check(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_slice;
}
static inline SliceObject *slice_obj(Value v) { return (SliceObject *)val_ptr(v); }

// slice(start, stop, step); 0 with MemoryError.
Value slice_new(Value start, Value stop, Value step);

// The C-level indices of `slice` over a sequence of `len` items (CPython's
// PySlice_Unpack + PySlice_AdjustIndices): bounds are clamped to int64,
// then to the sequence. 0, or -1 with TypeError / ValueError ("slice step
// cannot be zero").
int slice_indices(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                  int64_t *slicelength);

// slice.indices(length) with exact ints of any size (CPython's
// _PySlice_GetLongIndices): `length` is an int >= 0. 0, or -1.
int slice_long_indices(Value slice, Value length, Value *start, Value *stop, Value *step);

#endif
