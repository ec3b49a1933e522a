// shape.h - instance attributes of classes: hidden classes (shapes) and the
// lazily materialized __dict__ (DESIGN.md section 4).
//
// An instance of a class with a __dict__ (TYPE_HAS_SHAPE) holds an
// InstanceAttrs: a Shape, which maps attribute names to slot indices, and the
// slots themselves - the first INSTANCE_INLINE_ATTRS inline, the rest in an
// overflow array. Shapes form a transition tree per class, rooted at the
// class's empty shape: adding attribute `x` to an instance of shape S moves it
// to S's child for `x`, created once and then shared, so instances that get
// their attributes in the same order share one shape and an inline cache
// "shape == S -> slot k" holds for all of them.
//
// When a program asks for the instance's __dict__ (or the instance gets too
// many attributes or too dynamic a history), its attributes move into a real
// dict for good: the shape becomes the dict-mode marker and `more` holds the
// dict. CPython's semantics need nothing else: the dict is the one object
// `obj.__dict__` returns every time, and later attribute stores go to it.
#ifndef KRAIT_SHAPE_H
#define KRAIT_SHAPE_H

#include "object.h"

enum { INSTANCE_INLINE_ATTRS = 5 };

typedef struct Shape Shape;

// Where an instance's attributes live. Zero-filled (as gc_alloc leaves it) is
// the valid empty state, so the constructors of builtin bases need not know
// about it. Every word is a Value or an object pointer: the instance's trace
// function reports them all.
typedef struct InstanceAttrs {
    Shape *shape;    // NULL: no attributes yet; shape_dict_mode: `more` is the __dict__
    Value more;      // the overflow array (slots INSTANCE_INLINE_ATTRS..), or the dict
    Value inline_slots[INSTANCE_INLINE_ATTRS];
} InstanceAttrs;

struct Shape {
    Object header;
    Shape *parent;        // NULL for a class's empty shape
    Type *owner;          // the class whose instances use it
    Value name;           // the attribute this transition added (interned str); 0 at the root
    uint32_t index;       // its slot
    uint32_t size;        // attributes in this shape
    Value transitions;    // 0, the only child Shape, or a dict name -> child Shape
    Value table;          // 0, or a dict name -> slot index (built lazily for big shapes)
    Value names[];        // the attribute of each slot, size entries: lookups scan this
};

extern Type type_shape;
extern Shape shape_dict_mode;

// The overflow storage: slots INSTANCE_INLINE_ATTRS.. of an instance.
typedef struct AttrArray {
    Object header;
    size_t cap;
    Value items[];
} AttrArray;

// Where slot i of an instance with attrs `a` lives (i below its shape's size).
static inline Value *instance_slot(InstanceAttrs *a, uint32_t i) {
    if (i < INSTANCE_INLINE_ATTRS) {
        return &a->inline_slots[i];
    }
    return &((AttrArray *)val_ptr(a->more))->items[i - INSTANCE_INLINE_ATTRS];
}

// The InstanceAttrs of an instance of a TYPE_HAS_SHAPE type.
InstanceAttrs *instance_attrs(Value obj);

// The attribute `name` (a str) of the instance's own attributes: the value,
// or 0 without an exception when absent (0 with one on error).
Value instance_get_attr(Value obj, Value name);
// Store `value`, or delete when value is 0: 0, 1 when deleting a missing
// attribute (no exception), -1 on error.
int instance_set_attr(Value obj, Value name, Value value);
// obj.__dict__: materializes the dict (the instance stays in dict mode).
Value instance_get_dict(Value obj);
// obj.__dict__ = d (d must be a dict; the caller checks).
void instance_set_dict(Value obj, Value dict);
// Rebuild the shape for instances whose class changes (__class__
// assignment between layout-compatible classes). 0 or -1.
int instance_change_class(Value obj, Type *new_type);

// The slot index of `name` in shape s (NULL is the empty shape), or -1.
int shape_find(Shape *s, Value name);

// The successor of shape s of class t (NULL: t's empty shape) that adds
// `name`, an interned str: made once, then shared. NULL with an exception
// on error, without one when the tree refuses to grow (too many attributes
// or successors: the instance should go to dict mode).
Shape *shape_add(Type *t, Shape *s, Value name);
// Make sure slot `index` (the next one past the shape) has room: 0, or -1
// with MemoryError. (The interpreter's attribute caches add attributes
// along known transitions with it.)
int instance_reserve_slot(InstanceAttrs *a, uint32_t index);

#endif
