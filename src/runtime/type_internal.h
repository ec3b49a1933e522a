// type_internal.h - what the files of the type machinery share among
// themselves (type.c, class.c, slots.c, object.c, descr.c, super.c); not
// for use outside src/runtime/.
#ifndef KRAIT_TYPE_INTERNAL_H
#define KRAIT_TYPE_INTERNAL_H

#include "type.h"

// ---- descriptor objects for C methods, getsets, members (type.c) ------------

typedef struct MethodDescrObject {
    Object header;
    const MethodDef *def;
    Type *owner;
} MethodDescrObject;

typedef struct BuiltinMethodObject {
    Object header;
    const MethodDef *def;
    Value self;       // the bound instance (or type, for class methods; the module of a
                      // module function); 0 for static
    Value module;     // __module__ (a str) for module functions, else 0
} BuiltinMethodObject;

typedef struct GetSetDescrObject {
    Object header;
    const GetSetDef *def;
    Type *owner;
} GetSetDescrObject;

typedef struct MemberDescrObject {
    Object header;
    const MemberDef *def;
    Type *owner;
} MemberDescrObject;

extern Type type_method_descriptor, type_builtin_method, type_getset_descriptor,
    type_member_descriptor, type_classmethod_descriptor;
// staticmethod(callable) (descr.c).
Value staticmethod_new(Value callable);

// The __weakref__ attribute classes get (class.c): an instance's first weak
// reference, or None.
extern const GetSetDef class_weakref_getset;

// A new descriptor of `descr_type` (one of the three above) for def, owned by t.
Value descr_new(Type *descr_type, Type *t, const void *def);
// Bind a MethodDef to self (a builtin_function_or_method).
Value builtin_method_new(const MethodDef *def, Value self);

// ---- versions, inheritance, subclasses (type.c) ------------------------------

void type_assign_version(Type *t);
// Copy the slots t leaves NULL from b (static types; classes get theirs from
// slots_update).
void type_inherit_slots(Type *t, const Type *b);
// Weak subclass lists.
int type_add_subclass(Type *base, Type *sub);
void type_remove_subclass(Type *base, Type *sub);
// Call f on each live direct subclass of t; stops early if f returns non-zero.
int type_each_subclass(Type *t, int (*f)(Type *sub, void *arg), void *arg);
// Free a heap type's links (its FreeFunc).
void type_links_free(Type *t);
// type.__subclasses__() as a list.
Value type_subclasses_list(Type *t);

// ---- slot functions (slots.c) ------------------------------------------------

// Add the slot wrappers (`__add__` -> the add slot ...) for the slots a
// static type defines itself. 0 or -1.
int slots_add_wrappers(Type *t);
// Point every C slot of class t at the C function or the dunder-calling
// function its MRO calls for (`name` 0: all slots; else only the slots that
// dunder feeds). Also for every subclass. 0 or -1.
int slots_update(Type *t, Value name);
// Whether `name` is the name of a slot's dunder.
int slots_is_slot_name(Value name);
// The slot wrappers (`int.__add__`) and their bound form (`(1).__add__`).
extern Type type_wrapper_descriptor, type_method_wrapper;

// Call the special method `name` of self's type as a method of self (the
// lookup skips the instance, as CPython's lookup_method does). When the type
// has no such attribute: *found = 0, and 0 is returned without an exception.
Value call_special(Value self, Value name, const Value *args, size_t nargs, int *found);

// ---- classes (class.c) ---------------------------------------------------------

Value type_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames);
Value type_tp_init(Value self, const Value *args, size_t nargs, Value kwnames);
void heap_type_trace(Object *o, GcTracer *t);
void heap_type_free(Object *o);
// The trace function of instances of classes.
void heap_instance_trace(Object *o, GcTracer *t);
// Whether a and b may exchange instances by __class__ assignment (CPython's
// compatible_for_assignment): 1, or 0 with TypeError set.
int type_compatible_layout(Type *old, Type *new_type, const char *attr);
// The type's getsets and methods, for type_type (class.c).
extern const GetSetDef type_getset[];
extern const MethodDef type_methods[];
extern const MemberDef type_members[];
Value type_str_name(Type *t);     // __name__ as a str
Value type_qualname(Type *t);     // __qualname__ as a str
Value type_module_name(Type *t);       // __module__ (0 with an exception on error)

// ---- object (object.c) ----------------------------------------------------------

Value object_new(Value callable, const Value *args, size_t nargs, Value kwnames);
Value object_init(Value self, const Value *args, size_t nargs, Value kwnames);
int64_t object_hash(Value self);
Value object_repr(Value self);
Value object_str(Value self);

// ---- typing syntax (genericalias.c) -----------------------------------------------

// types.GenericAlias(origin, args) and types.UnionType.
extern Type type_generic_alias, type_union, type_generic_alias_iterator;
Value generic_alias_new(Value origin, Value args);
// type.__or__: `int | None`.
Value type_or(Value a, Value b);
// Give each type a __class_getitem__ returning GenericAlias(cls, item). 0 or -1.
int generic_alias_install(Type *const *types, size_t n);

// ---- mapping proxies (mappingproxy.c) -------------------------------------------

Value mappingproxy_new(Value mapping);
extern Type type_mappingproxy;

// ---- names -----------------------------------------------------------------------

// Interned dunder names, made once at startup (runtime_init readies the
// types; the first type_ready call fills these).
#define TYPE_NAMES(_)                                                               \
    _(__name__) _(__qualname__) _(__module__) _(__doc__) _(__dict__) _(__slots__)   \
    _(__weakref__) _(__classcell__) _(__init_subclass__) _(__set_name__)            \
    _(__class_getitem__) _(__new__) _(__init__) _(__hash__) _(__eq__) _(__class__) \
    _(__getattr__) _(__getattribute__) _(__mro_entries__) _(mro) _(__prepare__)    \
    _(__abstractmethods__) _(__isabstractmethod__) _(__get__) _(__set__)            \
    _(__delete__) _(__call__) _(__annotations__) _(__orig_bases__) _(__wrapped__)  \
    _(__instancecheck__) _(__subclasscheck__) _(builtins) _(__len__) _(__index__)  \
    _(__missing__) _(__dir__) _(__format__) _(__subclasshook__) _(__iter__)         \
    _(__del__)

typedef struct TypeNames {
#define TYPE_NAME_FIELD_(n) Value n;
    TYPE_NAMES(TYPE_NAME_FIELD_)
#undef TYPE_NAME_FIELD_
} TypeNames;
extern TypeNames type_names;
#define NAME(n) (type_names.n)
int type_names_init(void);

#endif
