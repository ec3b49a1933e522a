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

#endif
