// specialize.c - deciding what a generic instruction specializes into, and
// filling its inline cache and the attribute cache (the rules are in
// specialize.h; the specialized ops run in interp.c).
//
// Every function here answers "is the generic op's result, for operands
// like these, fully determined by what a guard can check?", and declines
// otherwise. The generic paths they mirror: object_generic_getattr and
// object_generic_setattr (type.c), type_getattr (type.c), module_getattr
// (module.c), and LOADMETHOD in interp.c.
#include "specialize.h"

#include "../runtime/dict.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/type.h"
#include "../runtime/type_internal.h"

AttrEntry attr_cache[ATTR_CACHE_SIZE];

static void set_op(Instr *at, Opcode op) { *at = (*at & ~(Instr)0xff) | op; }

static int decline(Instr *at) {
    at[1] = SPEC_RETRY;
    return 0;
}

// Is v an object whose type can never gain __get__/__set__ (a static type)?
static int static_typed(Value v) { return !(type_of(v)->flags & TYPE_HEAP); }

// ---- instances: what obj.name does ------------------------------------------

typedef struct AttrPlan {
    int kind;        // AttrKind
    uint32_t slot;
    Value value;
} AttrPlan;

// What `op` on obj.name does for every object of obj's class (at its current
// version) and shape; `a` is spec_attrs(type_of(obj), obj). Never raises.
static int attr_classify(Value obj, InstanceAttrs *a, Value name, int op, AttrPlan *p) {
    Type *t = type_of(obj);
    p->kind = ATTR_NONE;
    if (!t->version || !val_is_str(name) || (a && a->shape == &shape_dict_mode) ||
        t->attrs_offset > 0xffff) {
        return ATTR_NONE;
    }
    if (!a && (t->flags & TYPE_HAS_SHAPE || t->dict_offset)) {
        return ATTR_NONE;  // instance attributes we cannot see from the class
    }
    if (op == ATTR_SET ? t->setattr != object_generic_setattr
                       : t->getattr != object_generic_getattr) {
        return ATTR_NONE;
    }
    Value descr = type_lookup(t, name);
    err_clear();
    if (descr && !static_typed(descr)) {
        return ATTR_NONE;  // its class could gain __get__ or __set__
    }
    Type *dt = descr ? type_of(descr) : NULL;
    if (dt == &type_member_descriptor && op != ATTR_METHOD) {
        // A __slots__ member: a data descriptor, whatever the instance holds.
        // (One copied into an unrelated class checks its instances: generic.)
        MemberDescrObject *md = (MemberDescrObject *)val_ptr(descr);
        const MemberDef *def = md->def;
        if (def->kind != MEMBER_VALUE || def->offset > 0xffff || !type_is_subtype(t, md->owner)) {
            return ATTR_NONE;
        }
        p->slot = (uint32_t)def->offset;
        return p->kind = ATTR_MEMBER;
    }
    int k = a ? shape_find(a->shape, name) : -1;
    switch (op) {
    case ATTR_GET:
        if (dt && dt->descr_get && dt->descr_set) {
            return ATTR_NONE;  // a data descriptor
        }
        if (k >= 0) {
            p->slot = (uint32_t)k;
            return p->kind = ATTR_SLOT;
        }
        if (dt && !dt->descr_get) {
            p->value = descr;
            return p->kind = ATTR_VALUE;
        }
        return ATTR_NONE;
    case ATTR_SET:
        if (!a || (dt && dt->descr_set)) {
            return ATTR_NONE;
        }
        if (k >= 0) {
            p->slot = (uint32_t)k;
            return p->kind = ATTR_SLOT;
        }
        if (type_of(name) != &type_str || !(str_obj(name)->flags & STR_INTERNED)) {
            return ATTR_NONE;
        }
        // The transition the generic store would take (made now if new).
        Shape *next = shape_add(t, a->shape, name);
        if (!next) {
            err_clear();
            return ATTR_NONE;
        }
        p->slot = next->index;
        p->value = val_from_ptr(next);
        return p->kind = ATTR_ADD;
    default:  // ATTR_METHOD
        if (!dt || !(dt->flags & TYPE_METHOD_DESCR) || k >= 0) {
            return ATTR_NONE;
        }
        p->value = descr;
        return p->kind = ATTR_DESCR;
    }
}

AttrEntry *attr_cache_lookup_slow(Value obj, InstanceAttrs *a, Value name, int op) {
    Type *t = type_of(obj);
    if (!t->version || (a && a->shape == &shape_dict_mode) ||
        (!a && (t->flags & TYPE_HAS_SHAPE || t->dict_offset))) {
        return NULL;
    }
    AttrPlan p;
    attr_classify(obj, a, name, op, &p);
    // classify may have made a shape (ATTR_SET), but not changed obj's
    Shape *shape = a ? a->shape : NULL;
    AttrEntry *e = attr_cache_slot(shape, name, op);
    e->shape = shape;
    e->name = name;
    e->version = t->version;
    e->op = (uint8_t)op;
    e->kind = (uint8_t)p.kind;
    e->slot = (uint16_t)p.slot;
    e->value = p.value;
    return e;
}

// ---- modules and classes as receivers -----------------------------------------

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

// ---- rewriting instructions --------------------------------------------------------

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
    InstanceAttrs *a = spec_attrs(t, obj);
    AttrPlan p;
    switch (attr_classify(obj, a, name, ATTR_GET, &p)) {
    case ATTR_MEMBER:
        at[1] = t->version | (Instr)p.slot << 32;
        set_op(at, OP_GETATTR_MEMBER);
        return 1;
    case ATTR_SLOT:
        at[1] = t->version | (Instr)p.slot << 32 | (Instr)t->attrs_offset << 48;
        at[2] = (Instr)a->shape;
        set_op(at, OP_GETATTR_SLOT);
        return 1;
    case ATTR_VALUE:
        at[1] = t->version | (Instr)(a ? SPEC_CHECK_SHAPE : 0) << 32 | (Instr)t->attrs_offset << 48;
        at[2] = (Instr)(a ? a->shape : NULL);
        at[3] = p.value;
        set_op(at, OP_GETATTR_CLASSVAL);
        return 1;
    default:
        return decline(at);
    }
}

int specialize_setattr(Instr *at, Value obj, Value name) {
    Type *t = type_of(obj);
    InstanceAttrs *a = spec_attrs(t, obj);
    AttrPlan p;
    switch (attr_classify(obj, a, name, ATTR_SET, &p)) {
    case ATTR_MEMBER:
        at[1] = t->version | (Instr)p.slot << 32;
        set_op(at, OP_SETATTR_MEMBER);
        return 1;
    case ATTR_SLOT:
        at[1] = t->version | (Instr)p.slot << 32 | (Instr)t->attrs_offset << 48;
        at[2] = (Instr)a->shape;
        set_op(at, OP_SETATTR_SLOT);
        return 1;
    case ATTR_ADD:
        at[1] = t->version | (Instr)p.slot << 32 | (Instr)t->attrs_offset << 48;
        at[2] = (Instr)a->shape;
        at[3] = p.value;
        set_op(at, OP_SETATTR_ADD);
        return 1;
    default:
        return decline(at);
    }
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
    InstanceAttrs *a = spec_attrs(t, obj);
    AttrPlan p;
    if (attr_classify(obj, a, name, ATTR_METHOD, &p) != ATTR_DESCR) {
        // An instance attribute (pickle's self.write = file.write): read its
        // slot as GETATTR_SLOT does; the call gets no self.
        if (attr_classify(obj, a, name, ATTR_GET, &p) == ATTR_SLOT) {
            at[1] = t->version | (Instr)p.slot << 32 | (Instr)t->attrs_offset << 48;
            at[2] = (Instr)a->shape;
            set_op(at, OP_LOADMETHOD_SLOT);
            return 1;
        }
        return decline(at);
    }
    at[1] = t->version | (Instr)(a ? SPEC_CHECK_SHAPE : 0) << 32 | (Instr)t->attrs_offset << 48;
    at[2] = (Instr)(a ? a->shape : NULL);
    at[3] = p.value;
    set_op(at, OP_LOADMETHOD_TYPE);
    return 1;
}

static bool is_float_operand(Value v) {
    return val_is_flonum(v) || (val_is_ptr(v) && val_ptr(v)->type == &type_float);
}

// a op b as doubles: a float and a float or a small int
static bool float_operands_pair(Value a, Value b) {
    return (is_float_operand(a) && (is_float_operand(b) || val_is_smallint(b))) ||
           (val_is_smallint(a) && is_float_operand(b));
}

int specialize_binop(Instr *at, Value a, Value b) {
    bool inplace = instr_op(*at) == OP_INPLACE;
    Opcode to = OP__COUNT;
    switch (instr_x(*at)) {
    case BINOP_ADD:
        if (val_is_smallint(a) && val_is_smallint(b)) {
            to = inplace ? OP_INPLACE_ADD_INT : OP_BINOP_ADD_INT;
        } else if (float_operands_pair(a, b)) {
            to = inplace ? OP_INPLACE_ADD_FLOAT : OP_BINOP_ADD_FLOAT;
        }
        break;
    case BINOP_SUB:
        if (val_is_smallint(a) && val_is_smallint(b)) {
            to = inplace ? OP_INPLACE_SUB_INT : OP_BINOP_SUB_INT;
        } else if (float_operands_pair(a, b)) {
            to = inplace ? OP_INPLACE_SUB_FLOAT : OP_BINOP_SUB_FLOAT;
        }
        break;
    case BINOP_MUL:
        if (float_operands_pair(a, b)) {
            to = inplace ? OP_INPLACE_MUL_FLOAT : OP_BINOP_MUL_FLOAT;
        }
        break;
    case BINOP_TRUEDIV:
        if (!inplace && (float_operands_pair(a, b))) {
            to = OP_BINOP_DIV_FLOAT;
        }
        break;
    }
    if (to == OP__COUNT) {
        at[1] = SPEC_RETRY;
        return 0;
    }
    *at = (*at & ~(Instr)0xff) | to;
    return 1;
}
