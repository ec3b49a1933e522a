// namespace.h - types.SimpleNamespace: an object whose attributes are the
// items of its own dict (sys.implementation is one).
#ifndef KRAIT_NAMESPACE_H
#define KRAIT_NAMESPACE_H

#include "object.h"

extern Type type_namespace;

// A SimpleNamespace whose attributes are a copy of the dict `attrs` (or
// none when attrs is 0). 0 on error.
Value namespace_new(Value attrs);

#endif
