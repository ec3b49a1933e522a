// genericalias.h - types.GenericAlias (`list[int]`) and types.UnionType
// (`int | str`): src/runtime/genericalias.c.
#ifndef KRAIT_GENERICALIAS_H
#define KRAIT_GENERICALIAS_H

#include <stddef.h>

#include "object.h"

extern Type type_generic_alias, type_union, type_generic_alias_iterator;

// origin[args]: args is a tuple or a single argument.
Value generic_alias_new(Value origin, Value args);

// Give builtin types a __class_getitem__ that makes a GenericAlias. 0 or -1.
int generic_alias_install(Type *const *types, size_t n);
static inline int generic_alias_install_type(Type *t) { return generic_alias_install(&t, 1); }

#endif
