// object.c - the `object` type's own behaviour (construction with CPython's
// argument rules, repr, hash, comparison defaults, __class__, __dict__ of
// instances, and the methods every object has) and the singletons None,
// NotImplemented and Ellipsis (static objects outside the GC heap: identity
// comparisons against them are pointer compares). True and False are
// defined with the bool type (bool.c).
#include <stdint.h>
#include <stdio.h>

#include "abstract.h"
#include "../vm/code.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "set.h"
#include "shape.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"
#include "../vm/import.h"

// ---- object ----------------------------------------------------------------

// CPython's pointer hash: the address rotated right by 4 bits (objects are
// aligned, so the low bits carry no information), never -1.
static int64_t hash_pointer(const void *p) {
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

// <module.Qualname object at 0x...> for classes, <name object at ...> for builtins.
Value object_repr(Value self) {
    Type *t = type_of(self);
    if (t->flags & TYPE_HEAP) {
        Value mod = dict_get(t->dict, NAME(__module__));
        if (!mod && err_occurred()) {
            return 0;
        }
        Value qual = ((HeapType *)t)->qualname;
        if (mod && val_is_str(mod) && !str_equal(mod, NAME(builtins))) {
            return str_format_c("<%U.%U object at %p>", mod, qual, (void *)val_ptr(self));
        }
    }
    return str_format_c("<%s object at %p>", t->name, (void *)val_ptr(self));
}

Value object_str(Value self) {
    return obj_repr(self);
}

int64_t object_hash(Value self) {
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

static int has_args(size_t nargs, Value kwnames) {
    return nargs || (kwnames && tuple_obj(kwnames)->len);
}

// Can't instantiate abstract class C with abstract method(s) a, b
static Value abstract_error(Type *t) {
    Value am = dict_get(t->dict, NAME(__abstractmethods__));
    Value names = am ? list_from_iterable(am) : list_new(0);
    if (!names || list_sort(names, 0, 0) < 0) {
        return 0;
    }
    Value sep = str_from_cstr(", ");
    Value joined = str_empty();
    ListObject *l = list_obj(names);
    for (size_t i = 0; i < l->len && joined; i++) {
        Value item = obj_str(l->items[i]);
        joined = item ? (i ? str_concat(str_concat(joined, sep), item) : item) : 0;
    }
    if (!joined) {
        return 0;
    }
    return err_format(&exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                      t->name, l->len > 1 ? "s" : "", str_obj(joined)->data);
}

// object.__new__: the slot of every type whose constructor is object's.
Value object_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(callable);
    // A builtin without a constructor of its own yet (they come with the
    // builtin-types work), and the classes based on it, cannot be made.
    Type *sb = t;
    while (sb->flags & TYPE_HEAP) {
        sb = sb->base;
    }
    if (sb != &type_object) {
        // CPython can build these two from arguments; krait cannot (its code
        // objects hold its own bytecode).
        if (sb == &type_code || strcmp(sb->name, "itertools._tee_dataobject") == 0) {
            return err_format(&exc_NotImplementedError, "%s() is not implemented yet", sb->name);
        }
        // The rest are internal types that CPython cannot instantiate either.
        return err_format(&exc_TypeError, "cannot create '%s' instances", sb->name);
    }
    if (has_args(nargs, kwnames)) {
        if (t->new_ != object_new) {
            return err_format(&exc_TypeError,
                              "object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if (t->init == object_init) {
            return err_format(&exc_TypeError, "%s() takes no arguments", t->name);
        }
    }
    if (t->flags & TYPE_ABSTRACT) {
        return abstract_error(t);
    }
    Object *o = gc_alloc(t, t->basic_size);
    return o ? val_from_ptr(o) : 0;
}

Value object_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_of(self);
    if (has_args(nargs, kwnames)) {
        if (t->init != object_init) {
            return err_format(&exc_TypeError, "object.__init__() takes exactly one argument "
                                              "(the instance to initialize)");
        }
        if (t->new_ == object_new) {
            return err_format(&exc_TypeError,
                              "%s.__init__() takes exactly one argument (the instance to initialize)",
                              t->name);
        }
    }
    return VAL_NONE;
}

// ---- __class__ ------------------------------------------------------------------------

static Value object_get_class(Value self) {
    return val_from_ptr(type_of(self));
}

static int object_set_class(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!type_check(value)) {
        err_format(&exc_TypeError, "__class__ must be set to a class, not '%s' object",
                   obj_type_name(value));
        return -1;
    }
    Type *old = type_of(self), *new_type = type_ptr(value);
    int modules = type_is_subtype(old, &type_module) && type_is_subtype(new_type, &type_module);
    if (!modules && (!(old->flags & TYPE_HEAP) || !(new_type->flags & TYPE_HEAP))) {
        err_format(&exc_TypeError,
                   "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!type_compatible_layout(old, new_type, "__class__")) {
        return -1;
    }
    if (old->flags & TYPE_HAS_SHAPE) {
        return instance_change_class(self, new_type);
    }
    val_ptr(self)->type = new_type;
    return 0;
}

// ---- __dict__ of instances ---------------------------------------------------------------
// Classes put this getset on themselves when their instances have a __dict__
// (class.c); static types with a dict_offset (exceptions, functions) too.

static Value *dict_slot(Value self) {
    return (Value *)((char *)val_ptr(self) + type_of(self)->dict_offset);
}

Value object_get_dict(Value self) {
    Type *t = type_of(self);
    if (t->flags & TYPE_HAS_SHAPE) {
        return instance_get_dict(self);
    }
    if (!t->dict_offset) {
        return err_format(&exc_AttributeError, "This object has no __dict__");
    }
    Value *slot = dict_slot(self);
    if (!*slot) {
        *slot = dict_new();
    }
    return *slot;
}

int object_set_dict(Value self, Value value) {
    Type *t = type_of(self);
    if (value && !dict_check(value)) {
        err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                   obj_type_name(value));
        return -1;
    }
    if (!value && !(t->flags & TYPE_HAS_SHAPE)) {
        // a builtin type's dict (CPython's PyObject_GenericSetDict)
        err_format(&exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!value) {
        value = dict_new();  // `del obj.__dict__` of a class instance leaves an empty one
        if (!value) {
            return -1;
        }
    }
    if (t->flags & TYPE_HAS_SHAPE) {
        instance_set_dict(self, value);
        return 0;
    }
    if (!t->dict_offset) {
        err_format(&exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    *dict_slot(self) = value;
    return 0;
}

// The instance's __dict__ if it has one (0 without an exception otherwise).
static Value instance_dict_opt(Value self) {
    Type *t = type_of(self);
    if ((t->flags & TYPE_HAS_SHAPE) || t->dict_offset) {
        return object_get_dict(self);
    }
    return 0;
}

// ---- methods ------------------------------------------------------------------------------

static Value object_m_init_subclass(Value cls, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                          type_ptr(cls)->name);
    }
    if (nargs) {
        return err_format(&exc_TypeError, "object.__init_subclass__() takes no arguments (%zu given)",
                          nargs);
    }
    return VAL_NONE;
}

static Value object_m_subclasshook(Value cls, const Value *args, size_t nargs, Value kwnames) {
    return VAL_NOTIMPLEMENTED;
}

static Value object_m_format(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__format__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "__format__() argument must be str, not %s",
                          obj_type_name(args[0]));
    }
    if (str_len(args[0]) > 0) {
        return err_format(&exc_TypeError, "unsupported format string passed to %s.__format__",
                          obj_type_name(self));
    }
    return obj_str(self);
}

static Value object_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)type_of(self)->basic_size);
}

// ---- pickling support: __getstate__, __reduce_ex__, __reduce__ ------------------------

static Value import_copyreg(void);

// CPython's _PyType_GetSlotNames: the class's own __slotnames__ (a list or
// None), else copyreg._slotnames(cls), which computes and caches it.
static Value slot_names(Type *type) {
    Value names = dict_get(type->dict, str_intern_cstr("__slotnames__"));
    if (names) {
        if (names != VAL_NONE && !list_check(names)) {
            return err_format(&exc_TypeError, "%s.__slotnames__ should be a list or None, not %s",
                              type->name, obj_type_name(names));
        }
        return names;
    }
    if (err_occurred()) {
        return 0;
    }
    Value copyreg = import_copyreg();
    Value fn = copyreg ? obj_getattr_cstr(copyreg, "_slotnames") : 0;
    names = fn ? obj_call1(fn, val_from_ptr(type)) : 0;
    if (names && names != VAL_NONE && !list_check(names)) {
        return err_format(&exc_TypeError, "copyreg._slotnames didn't return a list or None");
    }
    return names;
}

// object.__getstate__: the instance dict (None when empty or absent), paired
// with a dict of the filled __slots__ when the class has any. `required`
// (no __getnewargs__ and not a list or dict) refuses variable-size builtins.
static Value getstate_default(Value self, int required) {
    Type *type = type_of(self);
    if (required && type->item_size) {
        return err_format(&exc_TypeError, "cannot pickle '%s' object", type->name);
    }
    // As CPython's object_getstate_default: an instance whose builtin base
    // keeps C state beyond object's (and its __dict__) cannot be rebuilt
    // from a dict, so it is refused rather than copied half-empty
    // (a compressor, a hash, a parser...).
    Type *builtin_base = type;
    while (builtin_base->flags & TYPE_HEAP) {
        builtin_base = builtin_base->base;
    }
    size_t plain = type_object.basic_size + (builtin_base->dict_offset ? sizeof(Value) : 0);
    if (required && builtin_base->basic_size > plain) {
        return err_format(&exc_TypeError, "cannot pickle '%s' object", type->name);
    }
    Value names = slot_names(type);
    if (!names) {
        return 0;
    }
    if (required) {
        // Slots the names do not cover cannot be restored (CPython compares
        // the instance size with what the names account for).
        size_t nslots = 0;
        for (Type *t = type; t && (t->flags & TYPE_HEAP); t = t->base) {
            Value own = ((HeapType *)t)->slots;
            nslots += own ? tuple_obj(own)->len : 0;
        }
        if (nslots > (names == VAL_NONE ? 0 : list_obj(names)->len)) {
            return err_format(&exc_TypeError, "cannot pickle '%s' object", type->name);
        }
    }
    Value state = instance_dict_opt(self);
    if (!state && err_occurred()) {
        return 0;
    }
    if (!state || dict_len(state) == 0) {
        state = VAL_NONE;
    } else if (!(state = dict_copy(state))) {
        return 0;
    }
    Value slots = 0;
    // (The list may change while attributes are read: its length each time.)
    for (size_t i = 0; names != VAL_NONE && i < list_obj(names)->len; i++) {
        Value name = list_obj(names)->items[i];
        Value v = obj_getattr_opt(self, name);
        if (!v) {
            if (err_occurred()) {
                return 0;
            }
            continue;
        }
        if ((!slots && !(slots = dict_new())) || dict_set(slots, name, v) < 0) {
            return 0;
        }
    }
    return slots ? tuple_pack2(state, slots) : state;
}

static Value object_m_getstate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__getstate__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return getstate_default(self, 0);
}

// obj.__getstate__(), or the default with `required` when it is object's.
static Value getstate(Value self, int required) {
    Value f = obj_getattr_cstr(self, "__getstate__");
    if (!f) {
        return 0;
    }
    if (type_of(f) == &type_builtin_method &&
        ((BuiltinMethodObject *)val_ptr(f))->def->fn == object_m_getstate) {
        return getstate_default(self, required);
    }
    return obj_call0(f);
}

Value object_getstate(Value obj) {
    return getstate(obj, 0);
}

static Value import_copyreg(void) {
    return import_module_level(str_intern_cstr("copyreg"), 0, 0, 0);
}

// The arguments __new__ needs to remake obj: from __getnewargs_ex__ or
// __getnewargs__ (*args 0 when neither exists). 0 or -1.
static int new_arguments(Value obj, Value *args, Value *kwargs) {
    *args = *kwargs = 0;
    Value f = obj_lookup_special(obj, str_intern_cstr("__getnewargs_ex__"));
    if (f) {
        Value r = obj_call0(f);
        if (!r) {
            return -1;
        }
        if (!tuple_check(r)) {
            err_format(&exc_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'",
                       obj_type_name(r));
            return -1;
        }
        if (tuple_obj(r)->len != 2) {
            err_format(&exc_ValueError,
                       "__getnewargs_ex__ should return a tuple of length 2, not %zu",
                       tuple_obj(r)->len);
            return -1;
        }
        *args = tuple_obj(r)->items[0];
        *kwargs = tuple_obj(r)->items[1];
        if (!tuple_check(*args)) {
            err_format(&exc_TypeError,
                       "first item of the tuple returned by __getnewargs_ex__ must be a tuple, "
                       "not '%s'", obj_type_name(*args));
            return -1;
        }
        if (!dict_check(*kwargs)) {
            err_format(&exc_TypeError,
                       "second item of the tuple returned by __getnewargs_ex__ must be a dict, "
                       "not '%s'", obj_type_name(*kwargs));
            return -1;
        }
        return 0;
    }
    if (err_occurred()) {
        return -1;
    }
    f = obj_lookup_special(obj, str_intern_cstr("__getnewargs__"));
    if (f) {
        Value r = obj_call0(f);
        if (!r) {
            return -1;
        }
        if (!tuple_check(r)) {
            err_format(&exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                       obj_type_name(r));
            return -1;
        }
        *args = r;
        return 0;
    }
    return err_occurred() ? -1 : 0;
}

// Protocol 2 and up: (copyreg.__newobj__, (cls, *args), state, listitems,
// dictitems), or __newobj_ex__ with keyword arguments (CPython's reduce_newobj).
static Value reduce_newobj(Value obj) {
    Type *t = type_of(obj);
    if (!t->new_) {
        return err_format(&exc_TypeError, "cannot pickle '%s' object", t->name);
    }
    Value args, kwargs;
    if (new_arguments(obj, &args, &kwargs) < 0) {
        return 0;
    }
    Value copyreg = import_copyreg();
    if (!copyreg) {
        return 0;
    }
    Value cls = val_from_ptr(t);
    Value newobj, newargs;
    if (!kwargs || dict_len(kwargs) == 0) {
        newobj = obj_getattr_cstr(copyreg, "__newobj__");
        size_t n = args ? tuple_obj(args)->len : 0;
        newargs = newobj ? tuple_new(n + 1) : 0;
        if (!newargs) {
            return 0;
        }
        tuple_obj(newargs)->items[0] = cls;
        for (size_t i = 0; i < n; i++) {
            tuple_obj(newargs)->items[i + 1] = tuple_obj(args)->items[i];
        }
    } else {
        newobj = obj_getattr_cstr(copyreg, "__newobj_ex__");
        Value parts[3] = {cls, args, kwargs};
        newargs = newobj ? tuple_from(parts, 3) : 0;
        if (!newargs) {
            return 0;
        }
    }
    int is_list = list_check(obj), is_dict = dict_check(obj);
    Value state = getstate(obj, !(args || is_list || is_dict));
    if (!state) {
        return 0;
    }
    Value listitems = VAL_NONE, dictitems = VAL_NONE;
    if (is_list && !(listitems = obj_iter(obj))) {
        return 0;
    }
    if (is_dict) {
        Value items = obj_call_method(obj, "items", NULL, 0);
        if (!items || !(dictitems = obj_iter(items))) {
            return 0;
        }
    }
    Value parts[5] = {newobj, newargs, state, listitems, dictitems};
    return tuple_from(parts, 5);
}

static Value common_reduce(Value self, int64_t proto) {
    if (proto >= 2) {
        return reduce_newobj(self);
    }
    Value copyreg = import_copyreg();
    Value f = copyreg ? obj_getattr_cstr(copyreg, "_reduce_ex") : 0;
    Value p = int_from_i64(proto);
    return f && p ? obj_call2(f, self, p) : 0;
}

static Value object_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return common_reduce(self, 0);
}

// __reduce_ex__(protocol): a class's own __reduce__ wins; else the default.
static Value object_m_reduce_ex(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce_ex__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t proto;
    if (obj_as_int64(args[0], &proto) < 0) {
        return 0;
    }
    Value name = str_intern_cstr("__reduce__");
    Value reduce = obj_getattr(self, name);
    Value clsreduce = reduce ? obj_getattr(val_from_ptr(type_of(self)), name) : 0;
    Value objreduce = clsreduce ? dict_get(type_object.dict, name) : 0;
    if (!objreduce) {
        return 0;
    }
    if (clsreduce != objreduce) {
        return obj_call0(reduce);
    }
    return common_reduce(self, proto);
}


// Add the names of cls's dict and of its bases' dicts to `into` (a dict used
// as a set), CPython's merge_class_dict.
static int merge_class_dict(Value into, Type *cls) {
    if (cls->dict && dict_merge(into, cls->dict, 1) < 0) {
        return -1;
    }
    TupleObject *bases = tuple_obj(cls->bases);
    for (size_t i = 0; bases && i < bases->len; i++) {
        if (merge_class_dict(into, type_ptr(bases->items[i])) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value object_m_dir(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__dir__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value d = instance_dict_opt(self);
    if (!d && err_occurred()) {
        return 0;
    }
    d = d ? dict_copy(d) : dict_new();
    if (!d) {
        return 0;
    }
    Value cls = obj_getattr_opt(self, NAME(__class__));
    if (!cls && err_occurred()) {
        return 0;
    }
    if (cls && type_check(cls) && merge_class_dict(d, type_ptr(cls)) < 0) {
        return 0;
    }
    return dict_keys(d);
}

static const MethodDef object_methods[] = {
    {"__init_subclass__", object_m_init_subclass, METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_m_subclasshook, METH_CLASS, "Abstract classes can override this "
     "to customize issubclass()."},
    {"__format__", object_m_format, METH_DEFAULT,
     "__format__($self, format_spec, /)\n--\n\n"
     "Default object formatter."},
    {"__reduce_ex__", object_m_reduce_ex, METH_DEFAULT,
     "__reduce_ex__($self, protocol, /)\n--\n\n"
     "Helper for pickle."},
    {"__reduce__", object_m_reduce, METH_DEFAULT,
     "__reduce__($self, /)\n--\n\n"
     "Helper for pickle."},
    {"__getstate__", object_m_getstate, METH_DEFAULT,
     "__getstate__($self, /)\n--\n\n"
     "Helper for pickle."},
    {"__sizeof__", object_m_sizeof, METH_DEFAULT,
     "__sizeof__($self, /)\n--\n\n"
     "Size of object in memory, in bytes."},
    {"__dir__", object_m_dir, METH_DEFAULT,
     "__dir__($self, /)\n--\n\n"
     "Default dir() implementation."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_object = {
    .header = {&type_type},
    .name = "object",
    .text_signature = "()",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(Object),
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = object_generic_getattr,
    .setattr = object_generic_setattr,
    .new_ = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
};

// ---- None, NotImplemented, Ellipsis ---------------------------------------------

static Value none_repr(Value self) { return str_intern_cstr("None"); }
static int none_bool(Value self) { return 0; }
static Value notimplemented_repr(Value self) { return str_intern_cstr("NotImplemented"); }
static Value ellipsis_repr(Value self) { return str_intern_cstr("Ellipsis"); }

extern Type type_none, type_notimplemented, type_ellipsis;

// NoneType(), NotImplementedType(), ellipsis(): the singletons.
static Value singleton_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    Type *t = type_ptr(type);
    if (has_args(nargs, kwnames)) {
        // (CPython's message names Ellipsis's type by its types-module name)
        return err_format(&exc_TypeError, "%s takes no arguments",
                          t == &type_ellipsis ? "EllipsisType" : t->name);
    }
    return t == &type_none ? VAL_NONE : t == &type_notimplemented ? VAL_NOTIMPLEMENTED
                                                                    : VAL_ELLIPSIS;
}

// Ellipsis and NotImplemented pickle by name, as CPython.
static Value singleton_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return str_intern_cstr(self == VAL_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static const MethodDef singleton_methods[] = {
    {"__reduce__", singleton_m_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_none = {
    .header = {&type_type},
    .name = "NoneType",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = none_repr,
    .bool_ = none_bool,
    .new_ = singleton_new,
};

// bool(NotImplemented) is True, with a DeprecationWarning (3.9+).
static int notimplemented_bool(Value self) {
    (void)self;
    if (err_warn(&exc_DeprecationWarning, 1,
                 "NotImplemented should not be used in a boolean context") < 0) {
        return -1;
    }
    return 1;
}

Type type_notimplemented = {
    .header = {&type_type},
    .name = "NotImplementedType",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = notimplemented_repr,
    .bool_ = notimplemented_bool,
    .methods = singleton_methods,
    .new_ = singleton_new,
};

Type type_ellipsis = {
    .header = {&type_type},
    .name = "ellipsis",
    .basic_size = sizeof(Object),
    .base = &type_object,
    .repr = ellipsis_repr,
    .new_ = singleton_new,
    .methods = singleton_methods,
};

// Aligned so that their addresses are valid pointer Values (low 3 bits 0).
__attribute__((aligned(8))) Object none_object = {&type_none};
__attribute__((aligned(8))) Object notimplemented_object = {&type_notimplemented};
__attribute__((aligned(8))) Object ellipsis_object = {&type_ellipsis};
