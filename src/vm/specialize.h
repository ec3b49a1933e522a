// specialize.h - quickening: the inline caches of the specialized ops and
// the functions that rewrite a generic instruction into one (DESIGN.md
// section 7; the ops are listed in opcodes.h's SPECIALIZED_OPCODES).
//
// How it works. An op with cache words starts generic, its cache words 0.
// Its first word is then a countdown: while it is non-zero each execution
// decrements it; at 0 the interpreter asks the specializer about the
// operands it has in hand. The specializer either rewrites the op byte of
// the instruction into a specialized form and fills the cache words, or
// sets the countdown to SPEC_RETRY. The interpreter then re-dispatches the
// same instruction. A specialized op checks its guards; when one fails it
// rewrites the instruction back to the generic op with the countdown at
// SPEC_BACKOFF and runs the generic code (a polymorphic site thus pays for
// one specialization attempt every SPEC_BACKOFF executions).
//
// What a guard may rely on:
//  - A type's version (Type.version, type.c) comes from one global
//    counter, is never reused, and changes whenever the type or a base
//    changes (attribute set or deleted, __bases__ assigned). So "type_of(o)
//    has version V" identifies the type *and* everything its MRO lookup
//    answered when V was recorded. Version 0 means "do not cache".
//  - A shape belongs to one class (Shape.owner) and lives as long as it
//    (the class's transition tree holds it): with the version guard passed,
//    a cached shape pointer is alive and compares by identity.
//  - Dict versions (dict.c) also come from one global counter and change on
//    every mutation: "this module's dict has version V" proves the value
//    cached with V is still the one stored.
//  - What a guard protects is not traced from the cache: cache words are
//    plain words, and a cached object is kept alive by what the guard
//    checks (the class's dict, the module's dict), not by the cache.
//  - A cached class attribute (or a descriptor found there) must be of a
//    static type: an object of a class could gain __get__ or __set__ later
//    without the version of the class holding it changing.
//
// Cache words of the specialized forms (c[0], c[1], c[2] follow the
// instruction; "version" is the low 32 bits of c[0]; the forms that reach
// into an instance also keep its class's attrs_offset in c[0]'s top 16 bits,
// SPEC_OFFSET, so as not to touch a far cache line of the class):
//   GETATTR_SLOT      c[0] version | slot << 32; c[1] shape
//   GETATTR_CLASSVAL  c[0] version | SPEC_CHECK_SHAPE << 32 when instances
//                     have attributes that could shadow it; c[1] shape (may be
//                     NULL); c[2] value
//   GETATTR_MODULE    c[1] module dict version; c[2] value
//   GETATTR_TYPEVAL   c[0] the class's version | SPEC_CALL_GET << 32 when
//                     the cached attribute's __get__ must be called; c[2] it
//   GETATTR_MEMBER    c[0] version | byte offset of the field << 32
//   SETATTR_MEMBER    as GETATTR_MEMBER
//   SETATTR_SLOT      c[0] version | slot << 32; c[1] shape
//   SETATTR_ADD       c[0] version | new slot << 32; c[1] shape before (may be
//                     NULL); c[2] shape after
//   LOADMETHOD_TYPE   c[0] version | SPEC_CHECK_SHAPE << 32 when instances
//                     have attributes that could shadow the method; c[1] the
//                     last shape seen without it; c[2] the descriptor
//   LOADMETHOD_MODULE as GETATTR_MODULE
//   LOADMETHOD_TYPEVAL as GETATTR_TYPEVAL
//   BINOP_*, INPLACE_* none: the op byte says it all
#ifndef KRAIT_SPECIALIZE_H
#define KRAIT_SPECIALIZE_H

#include "code.h"
#include "../runtime/shape.h"

enum {
    SPEC_BACKOFF = 32,  // executions of the generic op after a failed guard
    SPEC_RETRY = 64,    // ... after a failed specialization attempt
};

enum {
    SPEC_CALL_GET = 1,     // GETATTR_TYPEVAL: call the attribute's descr_get
    SPEC_CHECK_SHAPE = 1,  // GETATTR_CLASSVAL, LOADMETHOD_TYPE: the instance may shadow
};

// ---- the attribute cache: polymorphic and megamorphic sites ------------------
//
// A site that sees several classes (a method of a base class run on
// instances of four subclasses) cannot stay specialized: its generic op
// asks this global, direct-mapped cache instead, keyed by (the instance's
// shape, the name, the operation) and checked against the class's version.
// An entry says what the operation does for every object of that class
// version and shape - the same knowledge a specialized op caches, so its
// validity rests on the same rules (above). With the version, a stale
// entry cannot match: a dead class's version is never seen again, and a
// shape pointer reused by a new shape belongs to another class. Entries are
// not traced (their objects live as long as the class and its version).
enum AttrOp { ATTR_GET = 1, ATTR_SET, ATTR_METHOD };
enum AttrKind {
    ATTR_NONE = 0,  // not cacheable: run the generic code
    ATTR_SLOT,      // GET/SET: the instance's slot `slot`
    ATTR_VALUE,     // GET: the class attribute `value`, a plain value
    ATTR_ADD,       // SET: store into new slot `slot`, the shape becomes `value`
    ATTR_DESCR,     // METHOD: `value` is a function / method descriptor of the class
    ATTR_MEMBER,    // GET/SET: the __slots__ member at byte offset `slot`
};

typedef struct AttrEntry {
    Shape *shape;      // the instance's shape (NULL: none yet, or a class without shapes)
    Value name;
    uint32_t version;  // of the instance's class; never 0 in a filled entry
    uint8_t op;        // AttrOp
    uint8_t kind;      // AttrKind
    uint16_t slot;
    Value value;
} AttrEntry;

enum { ATTR_CACHE_SIZE = 1024 };
extern AttrEntry attr_cache[ATTR_CACHE_SIZE];

// The InstanceAttrs of obj when its class keeps them in shapes at a fixed
// offset (else NULL); `t` is obj's class.
static inline InstanceAttrs *spec_attrs(Type *t, Value obj) {
    if ((t->flags & (TYPE_HAS_SHAPE | TYPE_VAR_ATTRS)) != TYPE_HAS_SHAPE) {
        return NULL;
    }
    return (InstanceAttrs *)((char *)val_ptr(obj) + t->attrs_offset);
}

static inline AttrEntry *attr_cache_slot(Shape *shape, Value name, int op) {
    uint32_t h = (uint32_t)((uintptr_t)shape >> 4) * 0x9E3779B1u ^ (uint32_t)(name >> 4) ^
                 (uint32_t)op;
    return &attr_cache[(h ^ (h >> 16)) & (ATTR_CACHE_SIZE - 1)];
}

// The entry for op on obj.name (`a` is obj's spec_attrs, or NULL), made if
// missing; NULL when obj's class cannot be cached at all (then run the
// generic code). The entry's kind may be ATTR_NONE.
AttrEntry *attr_cache_lookup_slow(Value obj, InstanceAttrs *a, Value name, int op);
static inline AttrEntry *attr_cache_lookup(Value obj, Type *t, InstanceAttrs *a, Value name,
                                           int op) {
    Shape *shape = a ? a->shape : NULL;
    AttrEntry *e = attr_cache_slot(shape, name, op);
    if (e->shape == shape && e->name == name && e->version == t->version && e->op == op) {
        return e;
    }
    return attr_cache_lookup_slow(obj, a, name, op);
}

// The InstanceAttrs of o at the offset cached in c0.
#define SPEC_ATTRS(o, c0) ((InstanceAttrs *)((char *)val_ptr(o) + ((c0) >> 48)))
// The slot or flag cached in c0's bits 32..47.
#define SPEC_SLOT(c0) ((uint32_t)((c0) >> 32) & 0xffff)

// Each looks at the operands of the generic instruction at `at` (its op is
// the generic one) and either rewrites it into a specialized form (1) or
// sets its countdown to SPEC_RETRY (0). Never raises: any error is cleared.
int specialize_getattr(Instr *at, Value obj, Value name);
int specialize_setattr(Instr *at, Value obj, Value name);
int specialize_loadmethod(Instr *at, Value obj, Value name);
// BINOP and INPLACE: + and - of small ints; + - * / of floats (or a float
// and a small int). No cache words beyond the countdown.
int specialize_binop(Instr *at, Value a, Value b);

// Rewrite the specialized instruction at `at` back to its generic op, the
// countdown at SPEC_BACKOFF.
static inline void specialize_undo(Instr *at) {
    *at = (*at & ~(Instr)0xff) | opcode_generic[instr_op(*at)];
    at[1] = SPEC_BACKOFF;
}

#endif
