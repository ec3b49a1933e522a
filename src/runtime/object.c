// object.c - the `object` type's own behaviour and the singletons None,
// NotImplemented and Ellipsis (static objects outside the GC heap: identity
// comparisons against them are pointer compares).
//
// STATUS: reprs (which need the str type), comparisons (which need bool)
// and the generic getattr/setattr (which need type_ready's dicts) are added
// as those land.
#include <stdint.h>
#include <stdio.h>

#include "abstract.h"
#include "exceptions.h"
#include "int.h"
#include "str.h"
#include "type.h"

// ---- object ----------------------------------------------------------------

// CPython's pointer hash: the address rotated right by 4 bits (objects are
// aligned, so the low bits carry no information), never -1.
static int64_t hash_pointer(const void *p) {
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

static int64_t object_hash(Value self) {
    return hash_pointer(val_ptr(self));
}

Type type_object = {
    .header = {&type_type},
    .name = "object",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Object),
    .hash = object_hash,
};

// ---- None, NotImplemented, Ellipsis ---------------------------------------------

static int none_bool(Value self) { return 0; }

Type type_none = {
    .header = {&type_type},
    .name = "NoneType",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .bool_ = none_bool,
};

Type type_notimplemented = {
    .header = {&type_type},
    .name = "NotImplementedType",
    .basic_size = sizeof(Object),
    .base = &type_object,
};

Type type_ellipsis = {
    .header = {&type_type},
    .name = "ellipsis",
    .basic_size = sizeof(Object),
    .base = &type_object,
};

// Aligned so that their addresses are valid pointer Values (low 3 bits 0).
// True and False are defined with the bool type (bool.c).
__attribute__((aligned(8))) Object none_object = {&type_none};
__attribute__((aligned(8))) Object notimplemented_object = {&type_notimplemented};
__attribute__((aligned(8))) Object ellipsis_object = {&type_ellipsis};
