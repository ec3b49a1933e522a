// specialize.c - deciding what a generic instruction specializes into, and
// filling its inline cache (the rules are in specialize.h; the specialized
// ops run in interp.c).
//
// Every function here answers "is the generic op's result, for operands
// like these, fully determined by what a guard can check?", and declines
// otherwise. The generic paths they mirror: object_generic_getattr and
// object_generic_setattr (type.c), type_getattr (type.c), module_getattr
// (module.c), and LOADMETHOD in interp.c.
#include "specialize.h"

#include "../runtime/dict.h"
#include "../runtime/module.h"
#include "../runtime/shape.h"
#include "../runtime/str.h"
#include "../runtime/type.h"

static void set_op(Instr *at, Opcode op) { *at = (*at & ~(Instr)0xff) | op; }

static int decline(Instr *at) {
    at[1] = SPEC_RETRY;
    return 0;
}

// Is v an object whose type can never gain __get__/__set__ (a static type)?
static int static_typed(Value v) { return !(type_of(v)->flags & TYPE_HEAP); }

// The instance attributes of obj, if its class keeps them in shapes at a
// fixed offset and obj is not in dict mode; else NULL.
static InstanceAttrs *shaped_attrs(Type *t, Value obj) {
    if (!(t->flags & TYPE_HAS_SHAPE) || (t->flags & TYPE_VAR_ATTRS)) {
        return NULL;
    }
    InstanceAttrs *a = (InstanceAttrs *)((char *)val_ptr(obj) + t->attrs_offset);
    return a->shape == &shape_dict_mode ? NULL : a;
}

// obj.name for an exact module whose dict holds name: the value, else 0.
static Value module_value(Value obj, Value name) {
    if (type_of(obj) != &type_module || !dict_check_exact(module_dict(obj)) ||
        type_lookup(&type_module, name)) {
        return 0;
    }
    Value v = dict_get(module_dict(obj), name);
    err_clear();
    return v;
}

// Cls.name for a class whose metaclass is exactly `type`: the attribute found
// along its MRO when it is cacheable (static-typed), else 0. *call_get: its
// descr_get must be called on each access (a function or a staticmethod
// reached through the class).
static Value class_value(Value obj, Value name, int *call_get) {
    if (!val_is_ptr(obj) || type_of(obj) != &type_type) {
        return 0;
    }
    Type *cls = type_ptr(obj);
    if (!cls->version || type_lookup(&type_type, name)) {
        return 0;
    }
    Value attr = type_lookup(cls, name);
    err_clear();
    if (!attr || !static_typed(attr)) {
        return 0;
    }
    *call_get = type_of(attr)->descr_get != NULL;
    return attr;
}

int specialize_getattr(Instr *at, Value obj, Value name) {
    Value v = module_value(obj, name);
    if (v) {
        at[2] = dict_version(module_dict(obj));
        at[3] = v;
        set_op(at, OP_GETATTR_MODULE);
        return 1;
    }
    int call_get;
    v = class_value(obj, name, &call_get);
    if (v) {
        at[1] = type_ptr(obj)->version | (Instr)call_get << 32;
        at[3] = v;
        set_op(at, OP_GETATTR_TYPEVAL);
        return 1;
    }
    Type *t = type_of(obj);
    if (!t->version || t->getattr != object_generic_getattr) {
        return decline(at);
    }
    Value descr = type_lookup(t, name);
    err_clear();
    if (descr && (!static_typed(descr) || (type_of(descr)->descr_get && type_of(descr)->descr_set))) {
        return decline(at);  // a data descriptor wins over the instance (or may come to)
    }
    InstanceAttrs *a = shaped_attrs(t, obj);
    if (!a) {
        return decline(at);
    }
    int k = shape_find(a->shape, name);
    if (k >= 0) {
        at[1] = t->version | (Instr)(uint32_t)k << 32;
        at[2] = (Instr)a->shape;
        set_op(at, OP_GETATTR_SLOT);
        return 1;
    }
    if (descr && !type_of(descr)->descr_get) {
        at[1] = t->version;
        at[2] = (Instr)a->shape;
        at[3] = descr;
        set_op(at, OP_GETATTR_CLASSVAL);
        return 1;
    }
    return decline(at);
}

int specialize_setattr(Instr *at, Value obj, Value name) {
    Type *t = type_of(obj);
    if (!t->version || t->setattr != object_generic_setattr || type_of(name) != &type_str ||
        !(str_obj(name)->flags & STR_INTERNED)) {
        return decline(at);
    }
    Value descr = type_lookup(t, name);
    err_clear();
    if (descr && (!static_typed(descr) || type_of(descr)->descr_set)) {
        return decline(at);
    }
    InstanceAttrs *a = shaped_attrs(t, obj);
    if (!a) {
        return decline(at);
    }
    int k = shape_find(a->shape, name);
    if (k >= 0) {
        at[1] = t->version | (Instr)(uint32_t)k << 32;
        at[2] = (Instr)a->shape;
        set_op(at, OP_SETATTR_SLOT);
        return 1;
    }
    // The transition the generic store would take (made now if new).
    Shape *next = shape_add(t, a->shape, name);
    if (!next) {
        err_clear();
        return decline(at);
    }
    at[1] = t->version | (Instr)next->index << 32;
    at[2] = (Instr)a->shape;
    at[3] = (Instr)next;
    set_op(at, OP_SETATTR_ADD);
    return 1;
}

int specialize_loadmethod(Instr *at, Value obj, Value name) {
    Value v = module_value(obj, name);
    if (v) {
        at[2] = dict_version(module_dict(obj));
        at[3] = v;
        set_op(at, OP_LOADMETHOD_MODULE);
        return 1;
    }
    int call_get;
    v = class_value(obj, name, &call_get);
    if (v) {
        at[1] = type_ptr(obj)->version | (Instr)call_get << 32;
        at[3] = v;
        set_op(at, OP_LOADMETHOD_TYPEVAL);
        return 1;
    }
    Type *t = type_of(obj);
    if (!t->version || t->getattr != object_generic_getattr) {
        return decline(at);
    }
    Value descr = type_lookup(t, name);
    err_clear();
    if (!descr || !static_typed(descr) || !(type_of(descr)->flags & TYPE_METHOD_DESCR)) {
        return decline(at);
    }
    Instr check = 0;
    if (t->flags & TYPE_HAS_SHAPE) {
        InstanceAttrs *a = shaped_attrs(t, obj);
        if (!a || shape_find(a->shape, name) >= 0) {
            return decline(at);
        }
        check = SPEC_CHECK_SHAPE;
        at[2] = (Instr)a->shape;
    } else if (t->dict_offset) {
        return decline(at);  // an instance __dict__ could shadow it
    }
    at[1] = t->version | check << 32;
    at[3] = descr;
    set_op(at, OP_LOADMETHOD_TYPE);
    return 1;
}
