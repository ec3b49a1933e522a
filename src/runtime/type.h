// type.h - type objects: readying builtin types, classes, MRO and lookup.
//
// A builtin type is a static `Type` initialized with designated
// initializers (name, basic_size, slots, and tables of methods, members and
// getset descriptors), then passed to type_ready() once at startup, which
// fills base/bases/mro/dict, inherits the slots the type leaves NULL from its
// base, and makes `dict` hold method descriptors for the C methods and
// slot wrappers (`__add__` ...) for the C slots.
//
// A class statement creates a heap type (type_new_class): its slots are set
// to generic functions that look the dunders up along the MRO. Any change to
// a type or a base bumps `version`; type_lookup() caches by (version, name).
#ifndef KRAIT_TYPE_H
#define KRAIT_TYPE_H

#include "object.h"

// A C function exposed as a method. `fn` receives self, then the arguments
// as a vector (see CallFunc in object.h; `callable` is self). `flags` say how
// it binds.
enum MethodFlags {
    METH_DEFAULT = 0,     // an instance method
    METH_CLASS = 1,       // a classmethod: self is the type
    METH_STATIC = 2,      // a staticmethod: no self (fn gets callable = 0)
    METH_NO_KEYWORDS = 4, // the wrapper rejects keyword arguments with CPython's message
};
typedef struct MethodDef {
    const char *name;
    CallFunc fn;
    int flags;
    const char *doc;
} MethodDef;

// A field of the instance exposed as an attribute (like CPython's PyMemberDef).
enum MemberKind { MEMBER_VALUE, MEMBER_VALUE_RO, MEMBER_INT64_RO, MEMBER_BOOL_RO, MEMBER_DOUBLE_RO };
typedef struct MemberDef {
    const char *name;
    enum MemberKind kind;
    size_t offset;
    const char *doc;
} MemberDef;

// A computed attribute; set may be NULL (read-only).
typedef struct GetSetDef {
    const char *name;
    Value (*get)(Value self);
    int (*set)(Value self, Value value);  // value 0 deletes
    const char *doc;
} GetSetDef;

extern Type type_type, type_object;

// The docstring of a C function may start with its signature, as CPython's
// do: "name(...)\n--\n\n" then the text (name may be dotted: its last part
// counts). doc_text_signature gives the "(...)" part for __text_signature__
// (None without one); doc_without_signature the rest for __doc__ (None when
// doc is NULL or nothing follows the signature). 0 on MemoryError.
Value doc_text_signature(const char *name, const char *doc);
Value doc_without_signature(const char *name, const char *doc);

// A builtin function (builtin_function_or_method) calling def->fn with
// `self` (a module function's module, or 0); `module` is its __module__ (a
// str, or 0 for None). 0 on MemoryError.
Value builtin_function_new(const MethodDef *def, Value self, Value module);
// A class (a heap type): a Type followed by what only classes have. Its
// `name` points into `name_str`'s text.
//
// Instance layout of a class: its static base's fields, then the __slots__
// members this class and its class bases added (one Value each), then, if
// instances have a __dict__, the InstanceAttrs (shape.h) at attrs_offset.
// A class whose static base is variable-size (int, str, bytes, tuple) may
// not add members, and its InstanceAttrs sit after the variable part
// (TYPE_VAR_ATTRS): so the constructors of those types must allocate an
// instance of a subtype t with t->basic_size + n * t->item_size bytes, n
// being the length their own layout records (|size| limbs for int, nbytes + 1
// for str and bytes, len for tuple).
typedef struct HeapType {
    Type type;
    Value name_str;           // __name__
    Value qualname;           // __qualname__
    Value slots;              // the __slots__ names after mangling (a tuple), or 0
    Type *static_base;        // the nearest static type up the base chain
    struct MemberDef *member_defs;  // malloc'ed: the __slots__ members' definitions
    size_t nmember_defs;
} HeapType;

static inline int type_check(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_TYPE_SUBCLASS);
}
static inline Type *type_ptr(Value v) { return (Type *)val_ptr(v); }

// Finish a static type (idempotent). 0, or -1 with an exception.
int type_ready(Type *t);

// Look `name` (an interned str) up along t's MRO: the attribute, or 0
// (without an exception) when missing.
Value type_lookup(Type *t, Value name);

// Is `a` the same as or a subclass of `b`?
int type_is_subtype(const Type *a, const Type *b);
// CPython's PyType_IsSubtype to the letter: with an MRO, only what it
// lists (a custom mro() may leave the class itself out); super() checks so.
int type_is_subtype_mro(const Type *a, const Type *b);

// After any change to t's namespace or bases: new version, refreshed slots,
// invalidated caches, also for subclasses.
void type_modified(Type *t);

// The class statement's type(name, bases, dict) for a plain `type`
// metaclass. Returns the new type object or 0.
Value type_new_class(Type *metatype, Value name, Value bases, Value dict);
// The same with the class keyword arguments (passed to __init_subclass__):
// kwvalues[i] is the value of the name kwnames[i] (kwnames may be 0).
Value type_new_class_kw(Type *metatype, Value name, Value bases, Value dict,
                        const Value *kwvalues, Value kwnames);
// The most derived of metatype and the metaclasses of `bases` (a tuple),
// or 0 with CPython's "metaclass conflict" TypeError.
Type *type_calculate_metaclass(Type *metatype, Value bases);

// The special method `name` looked up on type(obj) (not on the instance, as
// CPython's _PyObject_LookupSpecial), bound to obj: the bound attribute, or 0
// without an exception when absent (0 with one on error).
Value obj_lookup_special(Value obj, Value name);

// The generic attribute protocol of `object` (descriptors, instance
// attributes in shapes or __dict__, AttributeError with CPython's message).
Value object_generic_getattr(Value obj, Value name);
// For objects and classes whose attribute lookup is the generic one
// (*handled set to 1): the attribute, or 0 without an exception when it is
// missing, or 0 with the exception a descriptor raised. *handled = 0 for any
// other type (the caller asks its getattr).
Value obj_getattr_quiet(Value v, Value name, int *handled);
int object_generic_setattr(Value obj, Value name, Value value);
// The instance's own attribute `name` (in its shape or __dict__), or 0 -
// without an exception when it has none. For fast paths that bypass
// object_generic_getattr (LOADMETHOD): an instance attribute shadows a
// method of the class.
Value object_instance_attr(Value obj, Value name);
// The getter and setter of a `__dict__` getset, for types whose instances
// have a dict_offset (or shapes): the dict is made on first use; setting
// anything but a dict is a TypeError; deleting leaves an empty dict.
Value object_get_dict(Value self);
int object_set_dict(Value self, Value value);

// CPython's _PyObject_GetState: obj.__getstate__(), for the __reduce__ of
// builtin types whose subclasses pickle their __dict__ and __slots__
// (None, the dict, or (dict or None, slots dict)).
Value object_getstate(Value obj);

// After a __new__: debug builds abort when the object is smaller than its
// type's basic_size (a C __new__ that ignored a subclass's larger layout).
#ifndef NDEBUG
void type_check_new_layout(Value obj);
#else
static inline void type_check_new_layout(Value obj) {
    (void)obj;
}
#endif

#endif
