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
// instruction; "version" is the low 32 bits of c[0]):
//   GETATTR_SLOT      c[0] version | slot << 32; c[1] shape
//   GETATTR_CLASSVAL  c[0] version; c[1] shape (may be NULL); c[2] value
//   GETATTR_MODULE    c[1] module dict version; c[2] value
//   GETATTR_TYPEVAL   c[0] the class's version | SPEC_CALL_GET << 32 when
//                     the cached attribute's __get__ must be called; c[2] it
//   SETATTR_SLOT      c[0] version | slot << 32; c[1] shape
//   SETATTR_ADD       c[0] version | new slot << 32; c[1] shape before (may be
//                     NULL); c[2] shape after
//   LOADMETHOD_TYPE   c[0] version | SPEC_CHECK_SHAPE << 32 when instances
//                     have attributes that could shadow the method; c[1] the
//                     last shape seen without it; c[2] the descriptor
//   LOADMETHOD_MODULE as GETATTR_MODULE
//   LOADMETHOD_TYPEVAL as GETATTR_TYPEVAL
#ifndef KRAIT_SPECIALIZE_H
#define KRAIT_SPECIALIZE_H

#include "code.h"

enum {
    SPEC_BACKOFF = 32,  // executions of the generic op after a failed guard
    SPEC_RETRY = 64,    // ... after a failed specialization attempt
};

enum {
    SPEC_CALL_GET = 1,     // GETATTR_TYPEVAL: call the attribute's descr_get
    SPEC_CHECK_SHAPE = 1,  // LOADMETHOD_TYPE: the instance may shadow the method
};

// Each looks at the operands of the generic instruction at `at` (its op is
// the generic one) and either rewrites it into a specialized form (1) or
// sets its countdown to SPEC_RETRY (0). Never raises: any error is cleared.
int specialize_getattr(Instr *at, Value obj, Value name);
int specialize_setattr(Instr *at, Value obj, Value name);
int specialize_loadmethod(Instr *at, Value obj, Value name);

// Rewrite the specialized instruction at `at` back to its generic op, the
// countdown at SPEC_BACKOFF.
static inline void specialize_undo(Instr *at) {
    *at = (*at & ~(Instr)0xff) | opcode_generic[instr_op(*at)];
    at[1] = SPEC_BACKOFF;
}

#endif
