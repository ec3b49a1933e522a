// type.c - type objects: `type` and `object`, subtype checks.
//
// STATUS: the two root types and type_is_subtype exist; type_ready, MRO
// computation, attribute lookup with caching, slot inheritance and classes
// land with the interpreter (issue 3).
#include "type.h"

Type type_type = {
    .header = {&type_type},
    .name = "type",
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS,
    .basic_size = sizeof(Type),
    .base = &type_object,
};

int type_is_subtype(const Type *a, const Type *b) {
    // The base chain covers single inheritance; the MRO (multiple
    // inheritance) is consulted once type_ready computes it.
    for (const Type *t = a; t; t = t->base) {
        if (t == b) {
            return 1;
        }
    }
    return 0;
}
