// genericalias.h - types.GenericAlias (`list[int]`) and types.UnionType
// (`int | str`), src/runtime/genericalias.c.
#ifndef KRAIT_GENERICALIAS_H
#define KRAIT_GENERICALIAS_H

#include "object.h"

extern Type type_generic_alias, type_union;

// origin[args]: args is a tuple or a single argument.
Value generic_alias_new(Value origin, Value args);
// Give a builtin type `__class_getitem__` returning a GenericAlias. 0 or -1.
int generic_alias_install(Type *t);

// a | b for types, None, aliases and unions: the union, or NotImplemented.
Value union_new(Value a, Value b);
// The member tuple of a union, or 0 if v is not one.
Value union_args(Value v);

#endif
