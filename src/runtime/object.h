// object.h - heap objects, type objects and their protocol slots, and the
// error convention. The whole object model in one header.
//
// Every heap object starts with one word: its Type*. Nothing else - mark bits
// and ages live in the collector's side tables (runtime/gc.h) - so that a
// later C-API layer can hand C code stable pointers with a known layout.
//
// Types carry C function slots for the hot protocols, so that the runtime
// never looks up `__add__` in a dict for a builtin type. A class defined in
// Python gets slot functions that look the dunder up along the MRO (through
// the type's attribute cache), and its slots are refreshed whenever the class
// or a base changes; `version` changes at the same time, and inline caches
// guard on it.
//
// Errors (DESIGN.md section 5): a function that can fail returns 0 (a Value
// or a pointer) or -1 (an int), with the exception pending in the thread
// state. No longjmp. `err_*` functions set and inspect it.
#ifndef KRAIT_OBJECT_H
#define KRAIT_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

typedef struct Type Type;
typedef struct Object {
    Type *type;
} Object;

typedef struct GcTracer GcTracer;  // opaque; see gc.h

// ---- slot signatures -------------------------------------------------------

typedef Value (*UnaryFunc)(Value a);
typedef Value (*BinaryFunc)(Value a, Value b);
typedef Value (*TernaryFunc)(Value a, Value b, Value c);
// Calls use a vector of positional arguments, followed by the values of the
// keyword arguments whose names are in `kwnames` (a tuple of str, or 0).
typedef Value (*CallFunc)(Value callable, const Value *args, size_t nargs, Value kwnames);
// Returns the hash, or -1 with an exception set (a real hash of -1 is -2).
typedef int64_t (*HashFunc)(Value a);
typedef enum CompareOp { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CompareOp;
// Returns a Value (often a bool), NotImplemented, or 0 on error.
typedef Value (*RichCompareFunc)(Value a, Value b, CompareOp op);
// Attribute access: `name` is an interned str. getattr returns 0 with
// AttributeError set when missing.
typedef Value (*GetAttrFunc)(Value obj, Value name);
// setattr with value 0 deletes. Returns 0 or -1.
typedef int (*SetAttrFunc)(Value obj, Value name, Value value);
// Descriptors: get(descr, instance or 0, owner type).
typedef Value (*DescrGetFunc)(Value descr, Value instance, Value owner);
typedef int (*DescrSetFunc)(Value descr, Value instance, Value value);
// Length: >= 0, or -1 with an exception.
typedef int64_t (*LenFunc)(Value a);
// setitem with value 0 deletes.
typedef int (*SetItemFunc)(Value obj, Value key, Value value);
// 1, 0, or -1 with an exception.
typedef int (*PredicateFunc)(Value a);
typedef int (*ContainsFunc)(Value container, Value item);
// Iteration: next returns the item, or 0. At exhaustion it returns 0 WITHOUT
// setting an exception (no StopIteration object is built on the fast path).
typedef Value (*IterNextFunc)(Value iter);
// Garbage collection: report every Value / Object* the object holds.
typedef void (*TraceFunc)(Object *o, GcTracer *t);
// Called once before the memory is reused (C-level cleanup: free buffers).
typedef void (*FreeFunc)(Object *o);
// A value that changes whenever what the object references may have
// changed (a dict's version): the collector skips re-tracing a permanent
// object whose stamp is the same and that referenced only permanent objects.
typedef uint64_t (*GcStampFunc)(const Object *o);

// Binary operator slots, in this order. The in-place forms follow the plain
// ones at a fixed distance. ORDER BINOPS.
#define BINOPS(_)                                                                        \
    _(ADD, "__add__", "__radd__", "__iadd__", "+")                                      \
    _(SUB, "__sub__", "__rsub__", "__isub__", "-")                                      \
    _(MUL, "__mul__", "__rmul__", "__imul__", "*")                                      \
    _(MATMUL, "__matmul__", "__rmatmul__", "__imatmul__", "@")                          \
    _(TRUEDIV, "__truediv__", "__rtruediv__", "__itruediv__", "/")                      \
    _(FLOORDIV, "__floordiv__", "__rfloordiv__", "__ifloordiv__", "//")                 \
    _(MOD, "__mod__", "__rmod__", "__imod__", "%")                                      \
    _(POW, "__pow__", "__rpow__", "__ipow__", "**")                                     \
    _(LSHIFT, "__lshift__", "__rlshift__", "__ilshift__", "<<")                         \
    _(RSHIFT, "__rshift__", "__rrshift__", "__irshift__", ">>")                         \
    _(AND, "__and__", "__rand__", "__iand__", "&")                                      \
    _(XOR, "__xor__", "__rxor__", "__ixor__", "^")                                      \
    _(OR, "__or__", "__ror__", "__ior__", "|")

typedef enum BinOp {
#define BINOP_ENUM_(name, dunder, rdunder, idunder, sym) BINOP_##name,
    BINOPS(BINOP_ENUM_)
#undef BINOP_ENUM_
    BINOP__COUNT
} BinOp;

// ---- type objects ----------------------------------------------------------

enum TypeFlags {
    TYPE_HEAP = 1 << 0,          // created by a class statement or type(); else static
    TYPE_BASETYPE = 1 << 1,      // may be subclassed
    TYPE_IMMUTABLE = 1 << 2,     // attributes cannot be set (builtins)
    TYPE_HAS_SHAPE = 1 << 3,     // instances keep attributes in a shape + slot array
    TYPE_ABSTRACT = 1 << 4,      // has __abstractmethods__: object.__new__ refuses it
    // Calling the descriptor with (self, *args) is the same as binding it to
    // self and calling the result (functions, method descriptors): slot
    // functions and LOAD_METHOD skip the bound-method object.
    TYPE_METHOD_DESCR = 1 << 5,
    // TYPE_HAS_SHAPE with a variable-size base (int, str, bytes, tuple): the
    // InstanceAttrs sit after the variable part (shape.h), not at attrs_offset.
    TYPE_VAR_ATTRS = 1 << 6,
    // Instances may be weakly referenced (CPython: tp_weaklistoffset != 0;
    // runtime/weakref.h). Inherited. Builtin types set it as CPython's do
    // (type, set, frozenset, function, code, generator, method, module...;
    // not int, str, tuple, list, dict, None). A class gets it unless its
    // __slots__ lack "__weakref__" or its base's instances are variable-size
    // (int, tuple, bytes subclasses) - class.c's process_slots.
    TYPE_HAS_WEAKREF = 1 << 7,
    // Fast subclass checks for the builtin families (like CPython's
    // Py_TPFLAGS_*_SUBCLASS): set on the builtin type and inherited.
    TYPE_INT_SUBCLASS = 1 << 8,
    TYPE_STR_SUBCLASS = 1 << 9,
    TYPE_BYTES_SUBCLASS = 1 << 10,
    TYPE_TUPLE_SUBCLASS = 1 << 11,
    TYPE_LIST_SUBCLASS = 1 << 12,
    TYPE_DICT_SUBCLASS = 1 << 13,
    TYPE_TYPE_SUBCLASS = 1 << 14,
    TYPE_EXC_SUBCLASS = 1 << 15,  // BaseException and below
    // Instances are registered with gc_register_finalizer when created,
    // and finalized once when found unreachable (runtime/finalize.c): the
    // type has a `finalize` slot, or is a class whose MRO defines __del__.
    // Inherited.
    TYPE_HAS_FINALIZER = 1 << 16,
    // The type has a `finalize` slot but its instances register themselves
    // (gc_register_finalizer) only when finalizing them can matter, so
    // TYPE_HAS_FINALIZER is not set for it (generators, coroutines).
    TYPE_FINALIZER_OPT_IN = 1 << 17,
    // What a `match` statement takes for a sequence or a mapping (CPython's
    // Py_TPFLAGS_SEQUENCE / _MAPPING): list, tuple, range, memoryview,
    // array, deque / dict, mappingproxy; inherited from the base, set on a
    // class by collections.abc's __abc_tpflags__ (_abc._abc_init) and on a
    // class registered with such an ABC (and its subclasses).
    TYPE_SEQUENCE = 1 << 18,
    TYPE_MAPPING = 1 << 19,
    // Set by type_ready on a static type whose instances reference nothing
    // (no trace, no free, no finalizer): the collector puts them in leaf
    // blocks, and marks them without reading them (gc.c). Never on a class:
    // an instance keeps its class alive through its type word.
    TYPE_GC_LEAF = 1 << 20,
    // Static types whose instances never change what they reference once
    // made (tuple, frozenset, slice, the descriptors): a permanent one
    // (gc_seal_startup) need not be traced again. Never inherited.
    TYPE_GC_IMMUTABLE = 1 << 21,
};

struct Type {
    Object header;           // its metaclass
    const char *name;        // tp_name: "int", "collections.OrderedDict"...
    uint32_t flags;
    uint32_t version;        // 0 = invalid (do not cache); changes on any mutation
    size_t basic_size;       // bytes of an instance (header included)
    size_t item_size;        // for variable-size instances (int, tuple...), else 0
    Type *base;              // the solid base (tp_base)
    Value bases;             // tuple of types
    Value mro;               // tuple of types
    Value dict;              // the namespace (a dict)
    Value doc;               // str or None
    // A C type's constructor signature as inspect reads it (__text_signature__,
    // CPython's "(iterable=(), /)" form), or NULL when CPython gives None.
    const char *text_signature;

    // memory
    TraceFunc trace;
    FreeFunc free;
    GcStampFunc gc_stamp;    // or NULL; never inherited (a subclass may add fields)
    // CPython's tp_finalize (`__del__`): run once, after a collection found
    // the object unreachable, with allocation and Python code allowed (the
    // object may be resurrected). Returns None, or 0 with an exception,
    // which is reported as unraisable. Setting it implies
    // TYPE_HAS_FINALIZER. A class whose MRO defines __del__ gets slots.c's
    // slot_finalize.
    UnaryFunc finalize;

    // object protocol
    UnaryFunc repr;
    UnaryFunc str;
    HashFunc hash;
    RichCompareFunc richcompare;
    GetAttrFunc getattr;
    SetAttrFunc setattr;
    CallFunc call;
    CallFunc new_;           // __new__(type, *args, **kw); `callable` is the type
    CallFunc init;           // __init__(self, *args, **kw); returns None or 0
    DescrGetFunc descr_get;
    DescrSetFunc descr_set;
    PredicateFunc bool_;

    // iteration
    UnaryFunc iter;
    IterNextFunc iternext;

    // containers
    LenFunc len;
    BinaryFunc getitem;
    SetItemFunc setitem;
    ContainsFunc contains;

    // numbers. As CPython's nb_* slots: obj_binop calls binop[op](a, b) with
    // the operands in their original order for BOTH operands' types (the
    // right operand's slot is how `1 + x` reaches x's __radd__), so a slot
    // must check which operand is its own type and return NotImplemented for
    // operands it does not handle.
    BinaryFunc binop[BINOP__COUNT];      // a OP b; NotImplemented to defer
    BinaryFunc inplace[BINOP__COUNT];    // a OP= b; 0 slot = fall back to binop
    TernaryFunc pow3;        // pow(a, b, mod) with a non-None mod, same convention
    // Sequences (CPython's sq_concat / sq_repeat): the fallback of + and *
    // when the number slots return NotImplemented; concat(a, b) is called
    // for a's type and raises "can only concatenate ..." itself; repeat(seq,
    // count) gets an object with __index__ as count.
    BinaryFunc seq_concat;
    BinaryFunc seq_repeat;
    UnaryFunc neg, pos, abs, invert;
    UnaryFunc index;         // __index__ -> int
    UnaryFunc to_int;        // __int__
    UnaryFunc to_float;      // __float__

    // What type_ready() puts into `dict` for a builtin type (see type.h).
    const struct MethodDef *methods;   // NULL-name terminated
    const struct MemberDef *members;
    const struct GetSetDef *getset;

    // the type's attribute cache and instance layout are managed by type.c
    void *cache;
    struct Shape *root_shape;  // the empty shape of instances (TYPE_HAS_SHAPE), made lazily
    // Instances keep a __dict__ (a dict Value, 0 until first needed) at this
    // offset: static types with a dict (exceptions, functions, modules).
    // 0: none. Inherited. Classes use shapes instead (TYPE_HAS_SHAPE).
    size_t dict_offset;
    // TYPE_HAS_SHAPE: the offset of the instance's InstanceAttrs (shape.h).
    size_t attrs_offset;
    // Weak links: the subclasses (for type_modified and __subclasses__) and
    // the handle they hold on this type (type.c). NULL until needed.
    struct TypeLinks *links;
};

// The type of any value, immediates included.
extern Type type_int, type_float;
static inline Type *type_of(Value v) {
    if (val_is_smallint(v)) {
        return &type_int;
    }
    if (val_is_flonum(v)) {
        return &type_float;
    }
    return val_ptr(v)->type;
}

// ---- the singletons --------------------------------------------------------

extern Object none_object, true_object, false_object, notimplemented_object, ellipsis_object;
#define VAL_NONE val_from_ptr(&none_object)
#define VAL_TRUE val_from_ptr(&true_object)
#define VAL_FALSE val_from_ptr(&false_object)
#define VAL_NOTIMPLEMENTED val_from_ptr(&notimplemented_object)
#define VAL_ELLIPSIS val_from_ptr(&ellipsis_object)
static inline Value val_bool(int b) { return b ? VAL_TRUE : VAL_FALSE; }

// ---- errors (runtime/error.c) ----------------------------------------------

// Set `exc_type(msg)` as the pending exception. Always returns 0, so that
// `return err_format(...)` works in Value-returning functions.
Value err_format(Type *exc_type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// Set an exception instance (or a type, instantiated lazily) as pending.
Value err_set_value(Value exc);
Value err_no_memory(void);
int err_occurred(void);
// Whether the pending exception is an instance of `type` (or a subclass).
int err_matches(Type *type);
// Take the pending exception (0 if none), clearing it.
Value err_fetch(void);
void err_clear(void);
// warnings.warn_explicit(message, category, filename, lineno), as CPython's
// PyErr_WarnExplicitObject without module and registry: 0, or -1 with the
// exception pending (the warning itself when a filter turns it into an error).
int err_warn_explicit(Type *category, Value message, Value filename, int lineno);
// warnings.warn(message, category, stacklevel) from C (PyErr_WarnEx): with
// stacklevel 1 the warning points at the Python code that called the C
// function. 0, or -1 with the exception pending.
int err_warn(Type *category, int stacklevel, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
