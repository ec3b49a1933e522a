// object.c - the `object` type's own behaviour and the singletons None,
// NotImplemented and Ellipsis (static objects outside the GC heap: identity
// comparisons against them are pointer compares). True and False are
// defined with the bool type (bool.c).
#include <stdint.h>
#include <stdio.h>

#include "abstract.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
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

static Value object_repr(Value self) {
    // Heap types will show their module (<__main__.C object at 0x...>)
    // once classes exist.
    return str_format_c("<%s object at %p>", type_of(self)->name, (void *)val_ptr(self));
}

static int64_t object_hash(Value self) {
    return hash_pointer(val_ptr(self));
}

static Value object_richcompare(Value a, Value b, CompareOp op) {
    switch (op) {
    case CMP_EQ:
        return a == b ? VAL_TRUE : VAL_NOTIMPLEMENTED;
    case CMP_NE: {
        // Inverts the type's __eq__ unless it returned NotImplemented.
        Type *t = type_of(a);
        Value r = t->richcompare ? t->richcompare(a, b, CMP_EQ) : VAL_NOTIMPLEMENTED;
        if (!r || r == VAL_NOTIMPLEMENTED) {
            return r;
        }
        int truth = obj_truthy(r);
        return truth < 0 ? 0 : val_bool(!truth);
    }
    default:
        return VAL_NOTIMPLEMENTED;
    }
}

// object.__new__. Static builtin types that do not define their own
// constructor inherit this slot: they are not constructible from Python yet,
// and say so (their constructors come with the builtin-types work).
static Value object_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = (Type *)val_ptr(callable);
    if (t != &type_object && !(t->flags & TYPE_HEAP)) {
        return err_format(&exc_NotImplementedError, "%s() is not implemented yet", t->name);
    }
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (t == &type_object && (nargs || nkw)) {
        return err_format(&exc_TypeError, "object() takes no arguments");
    }
    Object *o = gc_alloc(t, t->basic_size);
    if (o && (t->flags & TYPE_HAS_FINALIZER) && gc_register_finalizer(o) < 0) {
        return 0;
    }
    return o ? val_from_ptr(o) : 0;
}

Type type_object = {
    .header = {&type_type},
    .name = "object",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Object),
    .repr = object_repr,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = object_generic_getattr,
    .setattr = object_generic_setattr,
    .new_ = object_new,
};

// ---- None, NotImplemented, Ellipsis ---------------------------------------------

static Value none_repr(Value self) { return str_intern_cstr("None"); }
static int none_bool(Value self) { return 0; }
static Value notimplemented_repr(Value self) { return str_intern_cstr("NotImplemented"); }
static Value ellipsis_repr(Value self) { return str_intern_cstr("Ellipsis"); }

Type type_none = {
    .header = {&type_type},
    .name = "NoneType",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = none_repr,
    .bool_ = none_bool,
};

Type type_notimplemented = {
    .header = {&type_type},
    .name = "NotImplementedType",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = notimplemented_repr,
};

Type type_ellipsis = {
    .header = {&type_type},
    .name = "ellipsis",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = ellipsis_repr,
};

// Aligned so that their addresses are valid pointer Values (low 3 bits 0).
__attribute__((aligned(8))) Object none_object = {&type_none};
__attribute__((aligned(8))) Object notimplemented_object = {&type_notimplemented};
__attribute__((aligned(8))) Object ellipsis_object = {&type_ellipsis};
