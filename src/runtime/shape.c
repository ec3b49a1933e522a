// shape.c - hidden classes for instance attributes (see shape.h).
//
// The rules this file keeps:
//  * A shape's slot indices are 0..size-1 in the order the attributes were
//    added; `index` of a transition is its parent's size.
//  * Shapes are shared and never change once made, except for their caches
//    (`transitions`, `table`), so a shape pointer says everything about where
//    an instance keeps which attribute.
//  * Deleting an attribute rebuilds the instance's shape along the same
//    transitions without that name and moves the later values down one slot:
//    instances that delete the same attribute end up sharing shapes too.
//  * An instance whose history would grow the tree without bound (too many
//    attributes, or a shape with too many different successors) goes to
//    dict mode instead: a class used as a bag of arbitrary keys costs one
//    dict per instance, not a tree of shapes per key order.
#include "shape.h"

#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

enum {
    SHAPE_MAX_ATTRS = 64,        // beyond: dict mode
    SHAPE_MAX_TRANSITIONS = 32,  // successors of one shape; beyond: dict mode
    SHAPE_TABLE_MIN = 17,        // shapes of this size or more get a name -> index table
};

static void shape_trace(Object *o, GcTracer *t) {
    Shape *s = (Shape *)o;
    gc_trace_object(t, (Object *)s->parent);
    gc_trace_object(t, (Object *)s->owner);
    gc_trace_value(t, s->name);
    gc_trace_value(t, s->transitions);
    gc_trace_value(t, s->table);
    gc_trace_values(t, s->names, s->size);
}

Type type_shape = {
    .header = {&type_type},
    .name = "shape",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(Shape),
    .base = &type_object,
    .trace = shape_trace,
};

// Static and never in the heap: its identity is the whole point.
__attribute__((aligned(8))) Shape shape_dict_mode = {.header = {&type_shape}};

static void attr_array_trace(Object *o, GcTracer *t) {
    AttrArray *a = (AttrArray *)o;
    gc_trace_values(t, a->items, a->cap);
}

Type type_attr_array = {
    .header = {&type_type},
    .name = "attr_array",
    .flags = TYPE_IMMUTABLE,
    .basic_size = sizeof(AttrArray),
    .base = &type_object,
    .trace = attr_array_trace,
};

// ---- where the attributes are ----------------------------------------------------

// The end of the variable part of an instance of a variable-size builtin
// (type.h: such instances are allocated with basic_size + n * item_size).
static size_t var_part_end(Value obj) {
    Object *o = val_ptr(obj);
    uint32_t f = o->type->flags;
    if (f & TYPE_TUPLE_SUBCLASS) {
        return offsetof(TupleObject, items) + ((TupleObject *)o)->len * sizeof(Value);
    }
    if (f & TYPE_INT_SUBCLASS) {
        int64_t n = ((IntObject *)o)->size;
        return sizeof(IntObject) + (size_t)(n < 0 ? -n : n) * sizeof(uint64_t);
    }
    if (f & TYPE_STR_SUBCLASS) {
        return offsetof(StrObject, data) + ((StrObject *)o)->nbytes + 1;
    }
    if (f & TYPE_BYTES_SUBCLASS) {
        return offsetof(BytesObject, data) + ((BytesObject *)o)->len + 1;
    }
    return o->type->basic_size;  // not reached: only those four are variable-size
}

InstanceAttrs *instance_attrs(Value obj) {
    Type *t = val_ptr(obj)->type;
    size_t off = t->attrs_offset;
    if (t->flags & TYPE_VAR_ATTRS) {
        off = (var_part_end(obj) + 7) & ~(size_t)7;
    }
    return (InstanceAttrs *)((char *)val_ptr(obj) + off);
}

// ---- shapes ----------------------------------------------------------------------

static Shape *shape_alloc(Type *owner, Shape *parent, Value name) {
    uint32_t size = parent ? parent->size + 1 : 0;
    Shape *s = (Shape *)gc_alloc(&type_shape, sizeof(Shape) + size * sizeof(Value));
    if (!s) {
        return NULL;
    }
    s->owner = owner;
    s->parent = parent;
    s->name = name;
    if (parent) {
        s->index = parent->size;
        s->size = size;
        memcpy(s->names, parent->names, parent->size * sizeof(Value));
        s->names[s->index] = name;
    }
    return s;
}

static Shape *root_of(Type *t) {
    if (!t->root_shape) {
        t->root_shape = shape_alloc(t, NULL, 0);
    }
    return t->root_shape;
}

static int build_table(Shape *s) {
    Value table = dict_new_presized(s->size);
    if (!table) {
        return -1;
    }
    for (uint32_t i = 0; i < s->size; i++) {
        if (dict_set(table, s->names[i], val_from_smallint(i)) < 0) {
            return -1;
        }
    }
    s->table = table;
    return 0;
}

int shape_find(Shape *s, Value name) {
    if (!s || !s->size) {
        return -1;
    }
    if (s->size >= SHAPE_TABLE_MIN) {
        if (!s->table && build_table(s) < 0) {
            err_clear();  // out of memory: the walk below still answers
        } else {
            Value i = dict_get(s->table, name);
            if (i) {
                return (int)val_smallint(i);
            }
            err_clear();
            return -1;
        }
    }
    for (uint32_t i = s->size; i-- > 0;) {
        if (s->names[i] == name) {
            return (int)i;
        }
    }
    if (!(str_obj(name)->flags & STR_INTERNED)) {
        for (uint32_t i = s->size; i-- > 0;) {
            if (str_equal(s->names[i], name)) {
                return (int)i;
            }
        }
    }
    return -1;
}

// The successor of s (NULL: the empty shape of t) that adds `name` (interned),
// or NULL: with an exception on error, without one if the tree would grow
// too far (the caller goes to dict mode).
Shape *shape_add(Type *t, Shape *s, Value name) {
    if (!s) {
        s = root_of(t);
        if (!s) {
            return NULL;
        }
    }
    if (s->size >= SHAPE_MAX_ATTRS) {
        return NULL;
    }
    Value tr = s->transitions;
    if (tr && type_of(tr) == &type_shape) {
        Shape *only = (Shape *)val_ptr(tr);
        if (only->name == name) {
            return only;
        }
    } else if (tr) {
        Value child = dict_get(tr, name);
        if (child) {
            return (Shape *)val_ptr(child);
        }
        if (err_occurred() || dict_len(tr) >= SHAPE_MAX_TRANSITIONS) {
            return NULL;
        }
    }
    Shape *child = shape_alloc(t, s, name);
    if (!child) {
        return NULL;
    }
    if (!tr) {
        s->transitions = val_from_ptr(child);
    } else {
        if (type_of(tr) == &type_shape) {
            Value d = dict_new();
            if (!d || dict_set(d, ((Shape *)val_ptr(tr))->name, tr) < 0) {
                return NULL;
            }
            s->transitions = d;
        }
        if (dict_set(s->transitions, name, val_from_ptr(child)) < 0) {
            return NULL;
        }
    }
    return child;
}

// ---- instance attributes ------------------------------------------------------------

// Make room for slot `index` (the next one).
int instance_reserve_slot(InstanceAttrs *a, uint32_t index) {
    if (index < INSTANCE_INLINE_ATTRS) {
        return 0;
    }
    size_t need = index - INSTANCE_INLINE_ATTRS + 1;
    AttrArray *old = a->more ? (AttrArray *)val_ptr(a->more) : NULL;
    if (old && old->cap >= need) {
        return 0;
    }
    size_t cap = old ? old->cap * 2 : 4;
    while (cap < need) {
        cap *= 2;
    }
    AttrArray *arr = (AttrArray *)gc_alloc(&type_attr_array, sizeof(AttrArray) + cap * sizeof(Value));
    if (!arr) {
        return -1;
    }
    arr->cap = cap;
    if (old) {
        memcpy(arr->items, old->items, old->cap * sizeof(Value));
    }
    a->more = val_from_ptr(arr);
    return 0;
}

// Move the instance's attributes into a dict (dict mode, for good).
static Value to_dict_mode(InstanceAttrs *a) {
    Shape *s = a->shape;
    Value d = dict_new_presized(s ? s->size : 0);
    if (!d) {
        return 0;
    }
    if (s) {
        for (uint32_t i = 0; i < s->size; i++) {
            if (dict_set(d, s->names[i], *instance_slot(a, i)) < 0) {
                return 0;
            }
        }
    }
    a->shape = &shape_dict_mode;
    a->more = d;
    memset(a->inline_slots, 0, sizeof a->inline_slots);
    return d;
}

Value instance_get_attr(Value obj, Value name) {
    InstanceAttrs *a = instance_attrs(obj);
    if (a->shape == &shape_dict_mode) {
        return dict_get(a->more, name);
    }
    int i = shape_find(a->shape, name);
    return i < 0 ? 0 : *instance_slot(a, (uint32_t)i);
}

// Delete slot i: rebuild the shape without it, then move the later values down.
static int delete_slot(Type *t, InstanceAttrs *a, uint32_t i) {
    Shape *s = a->shape;
    uint32_t n = s->size;
    Shape *ns = NULL;
    for (uint32_t k = 0; k < n; k++) {
        if (k != i && !(ns = shape_add(t, ns, s->names[k]))) {
            if (err_occurred()) {
                return -1;
            }
            // The tree refused: dict mode, with the attribute still there, then delete it.
            Value name = s->names[i];
            if (!to_dict_mode(a)) {
                return -1;
            }
            return dict_del(a->more, name) < 0 ? -1 : 0;
        }
    }
    for (uint32_t k = i + 1; k < n; k++) {
        *instance_slot(a, k - 1) = *instance_slot(a, k);
    }
    *instance_slot(a, n - 1) = 0;
    a->shape = ns;
    return 0;
}

int instance_set_attr(Value obj, Value name, Value value) {
    InstanceAttrs *a = instance_attrs(obj);
    if (a->shape == &shape_dict_mode) {
        if (value) {
            return dict_set(a->more, name, value);
        }
        int r = dict_del(a->more, name);
        return r < 0 ? -1 : r == 0 ? 1 : 0;
    }
    Type *t = type_of(obj);
    int i = shape_find(a->shape, name);
    if (i >= 0) {
        if (value) {
            *instance_slot(a, (uint32_t)i) = value;
            return 0;
        }
        return delete_slot(t, a, (uint32_t)i);
    }
    if (!value) {
        return 1;
    }
    if (type_of(name) != &type_str) {
        // A str subclass stays the key, as in CPython (which interns only
        // exact strs): only a dict can hold it.
        if (!to_dict_mode(a)) {
            return -1;
        }
        return dict_set(a->more, name, value);
    }
    Value key = name;
    if (!(str_obj(name)->flags & STR_INTERNED)) {
        key = str_intern(name);
        if (!key) {
            return -1;
        }
    }
    Shape *ns = shape_add(t, a->shape, key);
    if (!ns) {
        if (err_occurred() || !to_dict_mode(a)) {
            return -1;
        }
        return dict_set(a->more, key, value);
    }
    if (instance_reserve_slot(a, ns->index) < 0) {
        return -1;
    }
    *instance_slot(a, ns->index) = value;
    a->shape = ns;
    return 0;
}

Value instance_get_dict(Value obj) {
    InstanceAttrs *a = instance_attrs(obj);
    if (a->shape == &shape_dict_mode) {
        return a->more;
    }
    return to_dict_mode(a);
}

void instance_set_dict(Value obj, Value dict) {
    InstanceAttrs *a = instance_attrs(obj);
    a->shape = &shape_dict_mode;
    a->more = dict;
    memset(a->inline_slots, 0, sizeof a->inline_slots);
}

int instance_change_class(Value obj, Type *new_type) {
    InstanceAttrs *a = instance_attrs(obj);
    Shape *s = a->shape;
    if (!s || s == &shape_dict_mode) {
        val_ptr(obj)->type = new_type;
        return 0;
    }
    // Same names in the same order: the slots stay where they are.
    Shape *ns = NULL;
    for (uint32_t k = 0; k < s->size; k++) {
        ns = shape_add(new_type, ns, s->names[k]);
        if (!ns) {
            if (err_occurred() || !to_dict_mode(a)) {
                return -1;
            }
            break;
        }
    }
    if (ns) {
        a->shape = ns;
    }
    val_ptr(obj)->type = new_type;
    return 0;
}
