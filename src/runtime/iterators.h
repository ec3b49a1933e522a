// iterators.h - the iterator types that builtins exposes: enumerate, zip,
// map, filter, reversed, and iter(callable, sentinel)'s callable_iterator.
#ifndef KRAIT_ITERATORS_H
#define KRAIT_ITERATORS_H

#include "object.h"

extern Type type_enumerate, type_zip, type_map, type_filter, type_reversed,
    type_callable_iterator;

// iter(callable, sentinel): calls callable() until it returns sentinel.
Value callable_iterator_new(Value callable, Value sentinel);

// reversed(seq): seq.__reversed__() if defined, else a reverse iterator
// over a sequence ("'X' object is not reversible" otherwise).
Value reversed_new(Value seq);

// Pickling of the sequence iterators (list, tuple, reversed...), as CPython:
// __reduce__ gives (builtins.<maker>, (seq,), index) while seq is set, else
// (builtins.<maker>, (empty,)); __setstate__ takes an int (not __index__)
// and clamps it to [lo, hi] into *index. -1 with an exception on error.
Value seqiter_reduce(const char *maker, Value seq, int64_t index, Value empty);
int seqiter_setstate(Value state, int64_t lo, int64_t hi, int64_t *index);

#endif
