// slots.c - the bridge between C slots and dunder methods, both ways.
//
// One table, SLOTDEFS, lists every dunder that feeds a C slot of Type: its
// name, the slot's offset, the kind of wrapper that calls the slot from
// Python, and the function a class's slot gets when Python code defines the
// dunder. From it:
//
//  * Static types get *slot wrappers* in their dict (slots_add_wrappers): for
//    each slot a type defines itself, `int.__add__` is a wrapper_descriptor
//    that calls the C slot, and `(1).__add__` a bound method-wrapper. So
//    `object.__init__`, `super().__eq__(x)` and `int.__add__(1, 2)` work, and
//    a class's MRO shows, by name, what each of its bases does.
//
//  * Classes get their slots from their MRO (slots_update): for each slot, the
//    dunders that feed it are looked up. If every one found is a slot wrapper
//    of a static type the class derives from, the class takes that type's C
//    function itself - a list subclass without __getitem__ indexes at C speed.
//    If Python code defines one, the slot gets the generic function below
//    that looks the dunder up and calls it. If none is found, the slot is
//    NULL. This runs when the class is made and again whenever a dunder is
//    assigned or deleted on the class or a base (type_setattr), so the slots
//    always agree with the MRO.
//
// The generic functions follow CPython's typeobject.c: the binary operators
// try the reflected method of a subclass first when it overrides it, __ne__
// falls back on object's inversion of __eq__, __len__ results are checked
// like an index, StopIteration from __next__ becomes the "exhausted" return
// of the iternext convention (object.h), and __getattr__ runs only after the
// generic lookup (or __getattribute__) raised AttributeError.
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"
#include "../vm/vm.h"

typedef void (*AnyFunc)(void);

typedef enum WrapKind {
    W_NONE,        // no wrapper: the dunder only feeds classes' slots
    W_UNARY, W_DEL, W_HASH, W_BOOL, W_LEN, W_NEXT, W_CALL, W_INIT, W_RICH,
    W_GETATTR, W_SETATTR, W_DELATTR, W_DESCR_GET, W_DESCR_SET, W_DESCR_DELETE,
    W_GETITEM, W_SETITEM, W_DELITEM, W_CONTAINS,
    W_BINOP_L, W_BINOP_R, W_POW_L, W_POW_R, W_INPLACE, W_SEQ_CONCAT, W_SEQ_REPEAT,
} WrapKind;

typedef struct SlotDef {
    const char *name;
    size_t offset;      // of the slot in Type
    WrapKind kind;
    int arg;            // the CompareOp of W_RICH, the BinOp of number slots
    AnyFunc generic;    // a class's slot when Python code defines the dunder (NULL: none)
} SlotDef;

// ---- the generic slot functions of classes -------------------------------------------

// argv = (first, *args, *kwvalues) in `small` (room for 8) or in a fresh
// tuple's storage (a heap object the stack scan keeps alive while we use it).
static Value *prepend_arg(Value first, const Value *args, size_t n, Value *small) {
    Value *argv = small;
    if (n + 1 > 8) {
        Value holder = tuple_new(n + 1);
        if (!holder) {
            return NULL;
        }
        argv = tuple_obj(holder)->items;
    }
    argv[0] = first;
    if (n) {
        memcpy(argv + 1, args, n * sizeof(Value));
    }
    return argv;
}

// Call `descr` (found on type(self)) as a method of self.
static Value call_found(Value descr, Value self, const Value *args, size_t nargs, Value kwnames) {
    Type *dt = type_of(descr);
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (dt->flags & TYPE_METHOD_DESCR) {
        Value small[8];
        Value *argv = prepend_arg(self, args, nargs + nkw, small);
        return argv ? obj_call(descr, argv, nargs + 1, kwnames) : 0;
    }
    if (dt->descr_get) {
        Value bound = dt->descr_get(descr, self, val_from_ptr(type_of(self)));
        return bound ? obj_call(bound, args, nargs, kwnames) : 0;
    }
    return obj_call(descr, args, nargs, kwnames);
}

Value call_special(Value self, Value name, const Value *args, size_t nargs, int *found) {
    Value descr = type_lookup(type_of(self), name);
    *found = descr != 0;
    if (!descr) {
        return 0;
    }
    return call_found(descr, self, args, nargs, 0);
}

// The dunder `name` of type(self) called with args; NotImplemented when the
// type has none (CPython's vectorcall_maybe).
static Value call_maybe(Value self, Value name, const Value *args, size_t nargs) {
    int found;
    Value r = call_special(self, name, args, nargs, &found);
    if (!found && !err_occurred()) {
        return VAL_NOTIMPLEMENTED;
    }
    return r;
}

// The dunder must exist (the slot was installed because it does); if it was
// deleted meanwhile without the slot following, say so like CPython does.
static Value call_required(Value self, Value name, const Value *args, size_t nargs) {
    int found;
    Value r = call_special(self, name, args, nargs, &found);
    if (!found && !err_occurred()) {
        return err_format(&exc_AttributeError, "%s", str_obj(name)->data);
    }
    return r;
}

// CPython's lookup_maybe_method: self's special method `name` in *out (1),
// 0 when there is none or binding it failed (that error cleared), -1 on a
// lookup error. A function (a method descriptor) is not bound: *unbound is
// set and the caller passes self first (call_found does).
static int lookup_maybe_method(Value self, Value name, Value *out, int *unbound) {
    Value descr = type_lookup(type_of(self), name);
    *unbound = 0;
    if (!descr) {
        return err_occurred() ? -1 : 0;
    }
    Type *dt = type_of(descr);
    if (dt->flags & TYPE_METHOD_DESCR) {
        *out = descr;
        *unbound = 1;
    } else if (dt->descr_get) {
        *out = dt->descr_get(descr, self, val_from_ptr(type_of(self)));
        if (!*out) {
            err_clear();
            return 0;
        }
    } else {
        *out = descr;
    }
    return *out ? 1 : -1;
}

static Value s_name(const char *s) {
    return str_intern_cstr(s);
}

#define UNARY_SLOT_(fname, dunder)                               \
    static Value fname(Value self) {                             \
        static Value name;                                       \
        if (!name && !(name = s_name(dunder))) {                 \
            return 0;                                            \
        }                                                        \
        return call_required(self, name, NULL, 0);               \
    }
UNARY_SLOT_(slot_iter_raw, "__iter__")
UNARY_SLOT_(slot_neg, "__neg__")
UNARY_SLOT_(slot_pos, "__pos__")
UNARY_SLOT_(slot_abs, "__abs__")
UNARY_SLOT_(slot_invert, "__invert__")
UNARY_SLOT_(slot_index, "__index__")
UNARY_SLOT_(slot_repr_raw, "__repr__")
UNARY_SLOT_(slot_str_raw, "__str__")
UNARY_SLOT_(slot_int_raw, "__int__")
UNARY_SLOT_(slot_float_raw, "__float__")
UNARY_SLOT_(slot_next_raw, "__next__")
#undef UNARY_SLOT_

static Value slot_repr(Value self) {
    Value r = slot_repr_raw(self);
    if (r && !val_is_str(r)) {
        return err_format(&exc_TypeError, "__repr__ returned non-string (type %s)",
                          obj_type_name(r));
    }
    return r;
}

static Value slot_str(Value self) {
    Value r = slot_str_raw(self);
    if (r && !val_is_str(r)) {
        return err_format(&exc_TypeError, "__str__ returned non-string (type %s)",
                          obj_type_name(r));
    }
    return r;
}

static Value slot_int(Value self) {
    Value r = slot_int_raw(self);
    if (r && !int_check(r)) {
        return err_format(&exc_TypeError, "__int__ returned non-int (type %s)", obj_type_name(r));
    }
    return r;
}

static Value slot_float(Value self) {
    Value r = slot_float_raw(self);
    if (r && !val_is_flonum(r) && !(type_of(r) == &type_float) &&
        !type_is_subtype(type_of(r), &type_float)) {
        return err_format(&exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          obj_type_name(self), obj_type_name(r));
    }
    return r;
}

static Value slot_iter(Value self) {
    if (type_lookup(type_of(self), NAME(__iter__)) == VAL_NONE) {
        return err_format(&exc_TypeError, "'%s' object is not iterable", obj_type_name(self));
    }
    return slot_iter_raw(self);
}

static Value slot_iternext(Value self) {
    Value r = slot_next_raw(self);
    if (!r && err_matches(&exc_StopIteration)) {
        err_clear();
    }
    return r;
}

static int64_t slot_hash(Value self) {
    // A __hash__ that cannot be looked up or bound: unhashable, as CPython.
    Value m;
    int unbound;
    int found = lookup_maybe_method(self, NAME(__hash__), &m, &unbound);
    if (found <= 0) {
        if (found == 0) {
            err_format(&exc_TypeError, "unhashable type: '%s'", obj_type_name(self));
        }
        return -1;
    }
    Value r = unbound ? call_found(m, self, NULL, 0, 0) : obj_call0(m);
    if (!r) {
        return -1;
    }
    if (!int_check(r)) {
        err_format(&exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h;
    if (int_to_i64(r, &h) < 0) {
        err_clear();
        h = int_hash(r);
    }
    return h == -1 ? -2 : h;
}

static int slot_bool(Value self) {
    static Value name;
    if (!name && !(name = s_name("__bool__"))) {
        return -1;
    }
    Value r = call_required(self, name, NULL, 0);
    if (!r) {
        return -1;
    }
    if (r != VAL_TRUE && r != VAL_FALSE) {
        err_format(&exc_TypeError, "__bool__ should return bool, returned %s", obj_type_name(r));
        return -1;
    }
    return r == VAL_TRUE;
}

static int64_t slot_len(Value self) {
    Value r = call_required(self, NAME(__len__), NULL, 0);
    if (!r) {
        return -1;
    }
    Value i = obj_index(r);
    if (!i) {
        return -1;
    }
    if (int_sign(i) < 0) {
        err_format(&exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    int64_t n;
    if (int_to_i64(i, &n) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                   obj_type_name(r));
        return -1;
    }
    return n;
}

static Value slot_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value descr = type_lookup(type_of(self), NAME(__call__));
    if (!descr) {
        return err_occurred() ? 0 : err_format(&exc_TypeError, "'%s' object is not callable",
                                                obj_type_name(self));
    }
    // `A.__call__ = A()` makes calling an A call another A forever: guarded
    // as CPython guards every call through tp_call.
    if (vm_enter_call(" while calling a Python object") < 0) {
        return 0;
    }
    Value r = call_found(descr, self, args, nargs, kwnames);
    vm_leave_call();
    return r;
}

static Value slot_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value descr = type_lookup(type_of(self), NAME(__init__));
    if (!descr) {
        return err_occurred() ? 0 : VAL_NONE;
    }
    Value r = call_found(descr, self, args, nargs, kwnames);
    if (r && r != VAL_NONE) {
        return err_format(&exc_TypeError, "__init__() should return None, not '%s'",
                          obj_type_name(r));
    }
    return r;
}

// cls(...) of a class with __new__: cls.__new__(cls, ...) (a staticmethod:
// the lookup goes through the class's getattr, as CPython's slot_tp_new).
static Value slot_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Value func = obj_getattr(callable, NAME(__new__));
    if (!func) {
        return 0;
    }
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    Value small[8];
    Value *argv = prepend_arg(callable, args, nargs + nkw, small);
    if (!argv) {
        return 0;
    }
    return obj_call(func, argv, nargs + 1, kwnames);
}

static const char *const rich_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static Value slot_richcompare(Value a, Value b, CompareOp op) {
    static Value names[6];
    if (!names[op] && !(names[op] = s_name(rich_names[op]))) {
        return 0;
    }
    // As CPython's slot_tp_richcompare: a comparison method that cannot even
    // be bound (a property raising in __get__) counts as not implemented.
    Value m;
    int unbound;
    int r = lookup_maybe_method(a, names[op], &m, &unbound);
    if (r <= 0) {
        return r < 0 ? 0 : VAL_NOTIMPLEMENTED;
    }
    return unbound ? call_found(m, a, &b, 1, 0) : obj_call(m, &b, 1, 0);
}

// __getattribute__ defined by Python code, no __getattr__.
static Value slot_getattribute(Value self, Value name) {
    return call_required(self, NAME(__getattribute__), &name, 1);
}

// A class with __getattr__: __getattribute__ (the C function itself when it
// is a slot wrapper), then __getattr__ if that raised AttributeError.
static Value slot_getattr_hook(Value self, Value name) {
    Type *t = type_of(self);
    Value getattr = type_lookup(t, NAME(__getattr__));
    if (!getattr) {
        if (err_occurred()) {
            return 0;
        }
        // __getattr__ went away without the slot following: plain lookup.
        return slot_getattribute(self, name);
    }
    Value ga = type_lookup(t, NAME(__getattribute__));
    Value r;
    if (ga && type_of(ga) == &type_wrapper_descriptor) {
        // Any static type's __getattribute__ (object's, type's...): its C slot.
        Type *owner = ((MethodDescrObject *)val_ptr(ga))->owner;
        r = owner->getattr ? owner->getattr(self, name) : object_generic_getattr(self, name);
    } else if (ga) {
        r = call_found(ga, self, &name, 1, 0);
    } else {
        r = object_generic_getattr(self, name);
    }
    if (r || !err_matches(&exc_AttributeError)) {
        return r;
    }
    err_clear();
    return call_found(getattr, self, &name, 1, 0);
}

static int slot_setattr(Value self, Value name, Value value) {
    static Value setattr, delattr;
    if ((!setattr && !(setattr = s_name("__setattr__"))) ||
        (!delattr && !(delattr = s_name("__delattr__")))) {
        return -1;
    }
    Value args[2] = {name, value};
    Value r = value ? call_required(self, setattr, args, 2) : call_required(self, delattr, args, 1);
    return r ? 0 : -1;
}

static Value slot_descr_get(Value self, Value instance, Value owner) {
    Value get = type_lookup(type_of(self), NAME(__get__));
    if (!get) {
        // __set__ without __get__: the descriptor is its own value.
        return err_occurred() ? 0 : self;
    }
    Value args[2] = {instance ? instance : VAL_NONE, owner ? owner : VAL_NONE};
    return call_found(get, self, args, 2, 0);
}

static int slot_descr_set(Value self, Value instance, Value value) {
    Value args[2] = {instance, value};
    Value r = value ? call_required(self, NAME(__set__), args, 2)
                    : call_required(self, NAME(__delete__), args, 1);
    return r ? 0 : -1;
}

static Value slot_getitem(Value self, Value key) {
    static Value name;
    if (!name && !(name = s_name("__getitem__"))) {
        return 0;
    }
    return call_required(self, name, &key, 1);
}

static int slot_setitem(Value self, Value key, Value value) {
    static Value setitem, delitem;
    if ((!setitem && !(setitem = s_name("__setitem__"))) ||
        (!delitem && !(delitem = s_name("__delitem__")))) {
        return -1;
    }
    Value args[2] = {key, value};
    Value r = value ? call_required(self, setitem, args, 2) : call_required(self, delitem, args, 1);
    return r ? 0 : -1;
}

static int slot_contains(Value self, Value item) {
    static Value name;
    if (!name && !(name = s_name("__contains__"))) {
        return -1;
    }
    Value descr = type_lookup(type_of(self), name);
    if (descr == VAL_NONE) {
        err_format(&exc_TypeError, "'%s' object is not a container", obj_type_name(self));
        return -1;
    }
    Value r = call_required(self, name, &item, 1);
    return r ? obj_truthy(r) : -1;
}

// ---- binary operators --------------------------------------------------------------

static const char *const binop_names[BINOP__COUNT][3] = {
#define BINOP_NAMES_(name, dunder, rdunder, idunder, sym) {dunder, rdunder, idunder},
    BINOPS(BINOP_NAMES_)
#undef BINOP_NAMES_
};
static Value binop_inames[BINOP__COUNT][3];

static Value binop_name(int op, int which) {
    if (!binop_inames[op][which]) {
        binop_inames[op][which] = s_name(binop_names[op][which]);
    }
    return binop_inames[op][which];
}

// Does type(right) override type(left)'s `name`? (CPython's method_is_overloaded)
static int method_is_overloaded(Value left, Value right, Value name) {
    Value b = type_lookup(type_of(right), name);
    if (!b) {
        return err_occurred() ? -1 : 0;
    }
    Value a = type_lookup(type_of(left), name);
    if (!a) {
        return err_occurred() ? -1 : 1;
    }
    return a != b;
}

static Value binop_generic(Value self, Value other, int op, BinaryFunc me) {
    Type *ts = type_of(self), *to = type_of(other);
    Value name = binop_name(op, 0), rname = binop_name(op, 1);
    if (!name || !rname) {
        return 0;
    }
    int do_other = ts != to && to->binop[op] == me;
    if (ts->binop[op] == me) {
        if (do_other && type_is_subtype(to, ts)) {
            int ok = method_is_overloaded(self, other, rname);
            if (ok < 0) {
                return 0;
            }
            if (ok) {
                Value r = call_maybe(other, rname, &self, 1);
                if (r != VAL_NOTIMPLEMENTED) {
                    return r;
                }
                do_other = 0;
            }
        }
        Value r = call_maybe(self, name, &other, 1);
        if (r != VAL_NOTIMPLEMENTED || ts == to) {
            return r;
        }
    }
    if (do_other) {
        return call_maybe(other, rname, &self, 1);
    }
    return VAL_NOTIMPLEMENTED;
}

#define BINOP_SLOT_(nm, dunder, rdunder, idunder, sym)                        \
    static Value slot_binop_##nm(Value a, Value b) {                         \
        return binop_generic(a, b, BINOP_##nm, slot_binop_##nm);             \
    }                                                                        \
    static Value slot_inplace_##nm(Value a, Value b) {                       \
        Value name = binop_name(BINOP_##nm, 2);                              \
        return name ? call_maybe(a, name, &b, 1) : 0;                        \
    }
BINOPS(BINOP_SLOT_)
#undef BINOP_SLOT_

// pow(a, b, m): only a's __pow__ (three-argument power has no reflection).
static Value slot_pow3(Value a, Value b, Value m) {
    if (type_of(a)->pow3 == slot_pow3) {
        Value name = binop_name(BINOP_POW, 0);
        Value args[2] = {b, m};
        return name ? call_maybe(a, name, args, 2) : 0;
    }
    return VAL_NOTIMPLEMENTED;
}

// __del__ as the finalize slot (CPython's slot_tp_finalize): runtime/
// finalize.c calls it once the collector found the object unreachable. An
// error is reported here, naming the __del__ found (CPython's "Exception
// ignored in: <function C.__del__ at 0x...>"), so the slot returns None.
static Value slot_finalize(Value self) {
    Value del = type_lookup(type_of(self), NAME(__del__));
    if (!del) {
        err_write_unraisable(self);  // a failed lookup, if anything
        return VAL_NONE;
    }
    if (!call_found(del, self, NULL, 0, 0)) {
        err_write_unraisable(del);
    }
    return VAL_NONE;
}

// ---- the table ------------------------------------------------------------------------

#define OFF_(field) offsetof(Type, field)
#define BINOP_DEFS_(nm, dunder, rdunder, idunder, sym)                                         \
    {dunder, OFF_(binop[BINOP_##nm]), BINOP_##nm == BINOP_POW ? W_POW_L : W_BINOP_L,          \
     BINOP_##nm, (AnyFunc)slot_binop_##nm},                                                   \
    {rdunder, OFF_(binop[BINOP_##nm]), BINOP_##nm == BINOP_POW ? W_POW_R : W_BINOP_R,         \
     BINOP_##nm, (AnyFunc)slot_binop_##nm},
#define INPLACE_DEFS_(nm, dunder, rdunder, idunder, sym) \
    {idunder, OFF_(inplace[BINOP_##nm]), W_INPLACE, BINOP_##nm, (AnyFunc)slot_inplace_##nm},

static const SlotDef slotdefs[] = {
    {"__repr__", OFF_(repr), W_UNARY, 0, (AnyFunc)slot_repr},
    {"__str__", OFF_(str), W_UNARY, 0, (AnyFunc)slot_str},
    {"__hash__", OFF_(hash), W_HASH, 0, (AnyFunc)slot_hash},
    {"__call__", OFF_(call), W_CALL, 0, (AnyFunc)slot_call},
    {"__getattribute__", OFF_(getattr), W_GETATTR, 0, (AnyFunc)slot_getattribute},
    {"__getattr__", OFF_(getattr), W_NONE, 0, (AnyFunc)slot_getattr_hook},
    {"__setattr__", OFF_(setattr), W_SETATTR, 0, (AnyFunc)slot_setattr},
    {"__delattr__", OFF_(setattr), W_DELATTR, 0, (AnyFunc)slot_setattr},
    {"__lt__", OFF_(richcompare), W_RICH, CMP_LT, (AnyFunc)slot_richcompare},
    {"__le__", OFF_(richcompare), W_RICH, CMP_LE, (AnyFunc)slot_richcompare},
    {"__eq__", OFF_(richcompare), W_RICH, CMP_EQ, (AnyFunc)slot_richcompare},
    {"__ne__", OFF_(richcompare), W_RICH, CMP_NE, (AnyFunc)slot_richcompare},
    {"__gt__", OFF_(richcompare), W_RICH, CMP_GT, (AnyFunc)slot_richcompare},
    {"__ge__", OFF_(richcompare), W_RICH, CMP_GE, (AnyFunc)slot_richcompare},
    {"__iter__", OFF_(iter), W_UNARY, 0, (AnyFunc)slot_iter},
    {"__next__", OFF_(iternext), W_NEXT, 0, (AnyFunc)slot_iternext},
    {"__get__", OFF_(descr_get), W_DESCR_GET, 0, (AnyFunc)slot_descr_get},
    {"__set__", OFF_(descr_set), W_DESCR_SET, 0, (AnyFunc)slot_descr_set},
    {"__delete__", OFF_(descr_set), W_DESCR_DELETE, 0, (AnyFunc)slot_descr_set},
    {"__init__", OFF_(init), W_INIT, 0, (AnyFunc)slot_init},
    {"__new__", OFF_(new_), W_NONE, 0, (AnyFunc)slot_new},
    {"__bool__", OFF_(bool_), W_BOOL, 0, (AnyFunc)slot_bool},
    {"__len__", OFF_(len), W_LEN, 0, (AnyFunc)slot_len},
    {"__getitem__", OFF_(getitem), W_GETITEM, 0, (AnyFunc)slot_getitem},
    {"__setitem__", OFF_(setitem), W_SETITEM, 0, (AnyFunc)slot_setitem},
    {"__delitem__", OFF_(setitem), W_DELITEM, 0, (AnyFunc)slot_setitem},
    {"__contains__", OFF_(contains), W_CONTAINS, 0, (AnyFunc)slot_contains},
    // The sequence slots come before the number slots that share their
    // names: list.__add__ is the concatenation (with its error message).
    {"__add__", OFF_(seq_concat), W_SEQ_CONCAT, BINOP_ADD, NULL},
    {"__mul__", OFF_(seq_repeat), W_SEQ_REPEAT, BINOP_MUL, NULL},
    {"__rmul__", OFF_(seq_repeat), W_SEQ_REPEAT, BINOP_MUL, NULL},
    BINOPS(BINOP_DEFS_)
    BINOPS(INPLACE_DEFS_)
    {"__pow__", OFF_(pow3), W_NONE, BINOP_POW, (AnyFunc)slot_pow3},
    {"__rpow__", OFF_(pow3), W_NONE, BINOP_POW, (AnyFunc)slot_pow3},
    {"__neg__", OFF_(neg), W_UNARY, 0, (AnyFunc)slot_neg},
    {"__pos__", OFF_(pos), W_UNARY, 0, (AnyFunc)slot_pos},
    {"__abs__", OFF_(abs), W_UNARY, 0, (AnyFunc)slot_abs},
    {"__invert__", OFF_(invert), W_UNARY, 0, (AnyFunc)slot_invert},
    {"__index__", OFF_(index), W_UNARY, 0, (AnyFunc)slot_index},
    {"__int__", OFF_(to_int), W_UNARY, 0, (AnyFunc)slot_int},
    {"__float__", OFF_(to_float), W_UNARY, 0, (AnyFunc)slot_float},
    {"__del__", OFF_(finalize), W_DEL, 0, (AnyFunc)slot_finalize},
    {NULL, 0, W_NONE, 0, NULL},
};
#undef BINOP_DEFS_
#undef INPLACE_DEFS_

enum { NSLOTDEFS = sizeof slotdefs / sizeof slotdefs[0] - 1 };
static Value slotdef_names[NSLOTDEFS];

static int init_names(void) {
    if (slotdef_names[0]) {
        return 0;
    }
    for (int i = 0; i < NSLOTDEFS; i++) {
        if (!(slotdef_names[i] = s_name(slotdefs[i].name))) {  // interned: immortal
            return -1;
        }
    }
    return 0;
}

static AnyFunc slot_at(const Type *t, size_t off) {
    AnyFunc f;
    memcpy(&f, (const char *)t + off, sizeof f);
    return f;
}

static void set_slot_at(Type *t, size_t off, AnyFunc f) {
    memcpy((char *)t + off, &f, sizeof f);
}

int slots_is_slot_name(Value name) {
    if (init_names() < 0) {
        err_clear();
        return 1;
    }
    for (int i = 0; i < NSLOTDEFS; i++) {
        if (slotdef_names[i] == name) {
            return 1;
        }
    }
    return 0;
}

// ---- wrapper descriptors and method-wrappers ------------------------------------------

typedef struct WrapperDescrObject {
    Object header;
    const SlotDef *def;
    Type *owner;
    AnyFunc fn;       // the owner's slot function
} WrapperDescrObject;

typedef struct MethodWrapperObject {
    Object header;
    WrapperDescrObject *descr;
    Value self;
} MethodWrapperObject;

static int wrong_count(size_t nargs, size_t want) {
    err_format(&exc_TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s",
               nargs);
    return -1;
}

static int check_args(size_t nargs, size_t want) {
    return nargs == want ? 0 : wrong_count(nargs, want);
}

// PyArg_UnpackTuple with an empty name (hence the leading space), as CPython's
// __pow__ and __get__ wrappers report it.
static int check_args_range(size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        err_format(&exc_TypeError, " expected at least %zu argument%s, got %zu", min,
                   min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&exc_TypeError, " expected at most %zu argument%s, got %zu", max,
                   max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int check_name(Value name) {
    if (!val_is_str(name)) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'",
                   obj_type_name(name));
        return -1;
    }
    return 0;
}

static Value int_or_error(int64_t r) {
    return r == -1 && err_occurred() ? 0 : int_from_i64(r);
}

static Value bool_or_error(int r) {
    return r < 0 ? 0 : val_bool(r);
}

// Call the slot `fn` of kind def->kind on self with Python-level arguments.
static Value wrapper_call_slot(const WrapperDescrObject *w, Value self, const Value *args,
                               size_t nargs, Value kwnames) {
    const SlotDef *def = w->def;
    AnyFunc fn = w->fn;
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nkw && def->kind != W_CALL && def->kind != W_INIT) {
        return err_format(&exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
    }
    switch (def->kind) {
    case W_NONE:
        break;
    case W_UNARY:
        return check_args(nargs, 0) < 0 ? 0 : ((UnaryFunc)fn)(self);
    case W_DEL:
        // As CPython's wrap_del: a finalizer's errors are reported as
        // unraisable (finalize_object's way), never raised to the caller.
        if (check_args(nargs, 0) < 0) {
            return 0;
        }
        if (!((UnaryFunc)fn)(self)) {
            err_write_unraisable(self);
        }
        return VAL_NONE;
    case W_HASH:
        return check_args(nargs, 0) < 0 ? 0 : int_or_error(((HashFunc)fn)(self));
    case W_BOOL:
        return check_args(nargs, 0) < 0 ? 0 : bool_or_error(((PredicateFunc)fn)(self));
    case W_LEN:
        return check_args(nargs, 0) < 0 ? 0 : int_or_error(((LenFunc)fn)(self));
    case W_NEXT: {
        if (check_args(nargs, 0) < 0) {
            return 0;
        }
        Value r = ((IterNextFunc)fn)(self);
        if (!r && !err_occurred()) {
            return err_set_value(val_from_ptr(&exc_StopIteration));
        }
        return r;
    }
    case W_CALL:
        return ((CallFunc)fn)(self, args, nargs, kwnames);
    case W_INIT: {
        Value r = ((CallFunc)fn)(self, args, nargs, kwnames);
        return r ? VAL_NONE : 0;
    }
    case W_RICH:
        return check_args(nargs, 1) < 0 ? 0 : ((RichCompareFunc)fn)(self, args[0], def->arg);
    case W_GETATTR:
        if (check_args(nargs, 1) < 0 || check_name(args[0]) < 0) {
            return 0;
        }
        {
            Value r = ((GetAttrFunc)fn)(self, args[0]);
            if (!r) {
                // as CPython's generic getattr: the AttributeError names them
                err_attribute_context(self, args[0]);
            }
            return r;
        }
    case W_SETATTR:
    case W_DELATTR: {
        size_t want = def->kind == W_SETATTR ? 2 : 1;
        if (check_args(nargs, want) < 0 || check_name(args[0]) < 0) {
            return 0;
        }
        // CPython's "Carlo Verre hack" check: object.__setattr__ must not
        // bypass the setattr of a static type (int, type...).
        Type *t = type_of(self);
        while (t && (t->flags & TYPE_HEAP)) {
            t = t->base;
        }
        if (t && t->setattr != (SetAttrFunc)fn) {
            return err_format(&exc_TypeError, "can't apply this %s to %s object", def->name,
                              t->name);
        }
        Value v = def->kind == W_SETATTR ? args[1] : 0;
        return ((SetAttrFunc)fn)(self, args[0], v) < 0 ? 0 : VAL_NONE;
    }
    case W_DESCR_GET: {
        if (check_args_range(nargs, 1, 2) < 0) {
            return 0;
        }
        Value obj = args[0] == VAL_NONE ? 0 : args[0];
        Value type = nargs > 1 && args[1] != VAL_NONE ? args[1] : 0;
        if (!obj && !type) {
            return err_format(&exc_TypeError, "__get__(None, None) is invalid");
        }
        return ((DescrGetFunc)fn)(self, obj, type);
    }
    case W_DESCR_SET:
        if (nargs != 2) {
            return err_format(&exc_TypeError, " expected 2 arguments, got %zu", nargs);
        }
        return ((DescrSetFunc)fn)(self, args[0], args[1]) < 0 ? 0 : VAL_NONE;
    case W_DESCR_DELETE:
        if (check_args(nargs, 1) < 0) {
            return 0;
        }
        return ((DescrSetFunc)fn)(self, args[0], 0) < 0 ? 0 : VAL_NONE;
    case W_GETITEM:
        return check_args(nargs, 1) < 0 ? 0 : ((BinaryFunc)fn)(self, args[0]);
    case W_SETITEM:
        if (nargs != 2) {
            return err_format(&exc_TypeError, " expected 2 arguments, got %zu", nargs);
        }
        return ((SetItemFunc)fn)(self, args[0], args[1]) < 0 ? 0 : VAL_NONE;
    case W_DELITEM:
        if (check_args(nargs, 1) < 0) {
            return 0;
        }
        return ((SetItemFunc)fn)(self, args[0], 0) < 0 ? 0 : VAL_NONE;
    case W_CONTAINS:
        return check_args(nargs, 1) < 0 ? 0 : bool_or_error(((ContainsFunc)fn)(self, args[0]));
    case W_INPLACE:
        if (def->arg == BINOP_MUL && w->owner->seq_repeat) {
            // A sequence's *= is CPython's sq_inplace_repeat (wrap_indexargfunc):
            // the count must be an integer.
            int64_t n;
            if (nargs != 1) {
                return err_format(&exc_TypeError, " expected 1 argument, got %zu", nargs);
            }
            if (obj_as_index(args[0], &n, 1) < 0) {
                return 0;
            }
        }
        return check_args(nargs, 1) < 0 ? 0 : ((BinaryFunc)fn)(self, args[0]);
    case W_BINOP_L:
    case W_SEQ_CONCAT:
        return check_args(nargs, 1) < 0 ? 0 : ((BinaryFunc)fn)(self, args[0]);
    case W_BINOP_R:
        return check_args(nargs, 1) < 0 ? 0 : ((BinaryFunc)fn)(args[0], self);
    case W_SEQ_REPEAT: {
        // CPython's wrap_indexargfunc: the count must be an index-sized integer.
        int64_t n;
        // The count check is PyArg_UnpackTuple's with an empty name (a
        // leading space in the message), as for __pow__.
        if (nargs != 1) {
            return err_format(&exc_TypeError, " expected 1 argument, got %zu", nargs);
        }
        if (obj_as_index(args[0], &n, 0) < 0) {
            if (err_matches(&exc_IndexError)) {
                err_clear();
                err_format(&exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                           obj_type_name(args[0]));
            }
            return 0;
        }
        return ((BinaryFunc)fn)(self, args[0]);
    }
    case W_POW_L:
    case W_POW_R: {
        if (check_args_range(nargs, 1, 2) < 0) {
            return 0;
        }
        Value a = def->kind == W_POW_L ? self : args[0];
        Value b = def->kind == W_POW_L ? args[0] : self;
        if (nargs == 2 && args[1] != VAL_NONE) {
            // Three-argument pow goes to the owner's ternary slot.
            if (!w->owner->pow3) {
                return VAL_NOTIMPLEMENTED;
            }
            return w->owner->pow3(a, b, args[1]);
        }
        return ((BinaryFunc)fn)(a, b);
    }
    }
    return err_format(&exc_SystemError, "bad slot wrapper %s", def->name);
}

static void wrapper_descr_trace(Object *o, GcTracer *t) {
    gc_trace_object(t, (Object *)((WrapperDescrObject *)o)->owner);
}

static void method_wrapper_trace(Object *o, GcTracer *t) {
    MethodWrapperObject *m = (MethodWrapperObject *)o;
    gc_trace_object(t, (Object *)m->descr);
    gc_trace_value(t, m->self);
}

static int wrapper_check_self(const WrapperDescrObject *w, Value self) {
    if (!type_is_subtype(type_of(self), w->owner)) {
        err_format(&exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                   w->def->name, w->owner->name, obj_type_name(self));
        return -1;
    }
    return 0;
}

static Value wrapper_descr_get(Value descr, Value instance, Value owner) {
    WrapperDescrObject *w = (WrapperDescrObject *)val_ptr(descr);
    if (!instance) {
        return descr;
    }
    if (!type_is_subtype(type_of(instance), w->owner)) {
        return err_format(&exc_TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          w->def->name, w->owner->name, obj_type_name(instance));
    }
    MethodWrapperObject *m =
        (MethodWrapperObject *)gc_alloc(&type_method_wrapper, sizeof(MethodWrapperObject));
    if (!m) {
        return 0;
    }
    m->descr = w;
    m->self = instance;
    return val_from_ptr(m);
}

static Value wrapper_descr_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    WrapperDescrObject *w = (WrapperDescrObject *)val_ptr(callable);
    if (nargs < 1) {
        return err_format(&exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                          w->def->name, w->owner->name);
    }
    if (wrapper_check_self(w, args[0]) < 0) {
        return 0;
    }
    return wrapper_call_slot(w, args[0], args + 1, nargs - 1, kwnames);
}

static Value wrapper_descr_repr(Value self) {
    WrapperDescrObject *w = (WrapperDescrObject *)val_ptr(self);
    return str_format_c("<slot wrapper '%s' of '%s' objects>", w->def->name, w->owner->name);
}

static Value wrapper_get_name(Value self) {
    return str_from_cstr(((WrapperDescrObject *)val_ptr(self))->def->name);
}

static Value wrapper_get_qualname(Value self) {
    WrapperDescrObject *w = (WrapperDescrObject *)val_ptr(self);
    Value tq = type_qualname(w->owner);
    return tq ? str_format_c("%U.%s", tq, w->def->name) : 0;
}

static Value wrapper_get_objclass(Value self) {
    return val_from_ptr(((WrapperDescrObject *)val_ptr(self))->owner);
}

static Value wrapper_get_doc(Value self) {
    return VAL_NONE;
}

// The signature inspect reads, by the kind of slot (CPython's slotdefs).
static const char *wrapper_signature(const SlotDef *def) {
    switch (def->kind) {
    case W_CALL: case W_INIT:
        return "($self, /, *args, **kwargs)";
    case W_RICH: case W_BINOP_L: case W_BINOP_R: case W_INPLACE: case W_SEQ_CONCAT:
    case W_SEQ_REPEAT:
        return "($self, value, /)";
    case W_POW_L: case W_POW_R:
        return "($self, value, mod=None, /)";
    case W_GETATTR: case W_DELATTR:
        return "($self, name, /)";
    case W_SETATTR:
        return "($self, name, value, /)";
    case W_DESCR_GET:
        return "($self, instance, owner=None, /)";
    case W_DESCR_SET:
        return "($self, instance, value, /)";
    case W_DESCR_DELETE:
        return "($self, instance, /)";
    case W_GETITEM: case W_DELITEM: case W_CONTAINS:
        return "($self, key, /)";
    case W_SETITEM:
        return "($self, key, value, /)";
    case W_NONE:
    case W_DEL:  // none for __del__, as CPython's
        return NULL;
    default:
        return "($self, /)";
    }
}

static Value wrapper_get_text_signature(Value self) {
    const char *sig = wrapper_signature(((WrapperDescrObject *)val_ptr(self))->def);
    return sig ? str_from_cstr(sig) : VAL_NONE;
}

// (getattr, (objclass, name)): a slot wrapper pickles by name, as CPython.
static Value wrapper_descr_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    (void)args;
    if (method_check_args("wrapper_descriptor.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    WrapperDescrObject *w = (WrapperDescrObject *)val_ptr(self);
    Value fn = vm_builtins ? dict_get_cstr(vm_builtins, "getattr") : 0;
    Value name = fn ? str_intern_cstr(w->def->name) : 0;
    Value a = name ? tuple_pack2(val_from_ptr(w->owner), name) : 0;
    return a ? tuple_pack2(fn, a) : 0;
}

static const MethodDef wrapper_descr_methods[] = {
    {"__reduce__", wrapper_descr_m_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef wrapper_descr_getset[] = {
    {"__name__", wrapper_get_name, NULL, NULL},
    {"__qualname__", wrapper_get_qualname, NULL, NULL},
    {"__objclass__", wrapper_get_objclass, NULL, NULL},
    {"__doc__", wrapper_get_doc, NULL, NULL},
    {"__text_signature__", wrapper_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value method_wrapper_call(Value callable, const Value *args, size_t nargs, Value kwnames) {
    MethodWrapperObject *m = (MethodWrapperObject *)val_ptr(callable);
    return wrapper_call_slot(m->descr, m->self, args, nargs, kwnames);
}

static Value method_wrapper_repr(Value self) {
    MethodWrapperObject *m = (MethodWrapperObject *)val_ptr(self);
    return str_format_c("<method-wrapper '%s' of %s object at %p>", m->descr->def->name,
                        obj_type_name(m->self), (void *)val_ptr(m->self));
}

static Value method_wrapper_get_name(Value self) {
    return wrapper_get_name(val_from_ptr(((MethodWrapperObject *)val_ptr(self))->descr));
}

static Value method_wrapper_get_qualname(Value self) {
    return wrapper_get_qualname(val_from_ptr(((MethodWrapperObject *)val_ptr(self))->descr));
}

static Value method_wrapper_get_self(Value self) {
    return ((MethodWrapperObject *)val_ptr(self))->self;
}

static Value method_wrapper_get_objclass(Value self) {
    return wrapper_get_objclass(val_from_ptr(((MethodWrapperObject *)val_ptr(self))->descr));
}

static Value method_wrapper_get_text_signature(Value self) {
    return wrapper_get_text_signature(val_from_ptr(((MethodWrapperObject *)val_ptr(self))->descr));
}

static const GetSetDef method_wrapper_getset[] = {
    {"__name__", method_wrapper_get_name, NULL, NULL},
    {"__qualname__", method_wrapper_get_qualname, NULL, NULL},
    {"__self__", method_wrapper_get_self, NULL, NULL},
    {"__objclass__", method_wrapper_get_objclass, NULL, NULL},
    {"__doc__", wrapper_get_doc, NULL, NULL},
    {"__text_signature__", method_wrapper_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value method_wrapper_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_method_wrapper) {
        return VAL_NOTIMPLEMENTED;
    }
    MethodWrapperObject *x = (MethodWrapperObject *)val_ptr(a);
    MethodWrapperObject *y = (MethodWrapperObject *)val_ptr(b);
    int eq = x->descr == y->descr && x->self == y->self;
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t method_wrapper_hash(Value self) {
    MethodWrapperObject *m = (MethodWrapperObject *)val_ptr(self);
    int64_t h = (int64_t)(((uintptr_t)m->descr >> 4) ^ (uintptr_t)(m->self >> 4));
    return h == -1 ? -2 : h;
}

Type type_wrapper_descriptor = {
    .header = {&type_type},
    .name = "wrapper_descriptor",
    .flags = TYPE_METHOD_DESCR | TYPE_GC_IMMUTABLE,
    .basic_size = sizeof(WrapperDescrObject),
    .base = &type_object,
    .trace = wrapper_descr_trace,
    .repr = wrapper_descr_repr,
    .descr_get = wrapper_descr_get,
    .call = wrapper_descr_call,
    .methods = wrapper_descr_methods,
    .getset = wrapper_descr_getset,
};

// (getattr, (self, name)): a bound slot wrapper pickles by name, as CPython.
static Value method_wrapper_m_reduce(Value self, const Value *args, size_t nargs,
                                     Value kwnames) {
    (void)args;
    if (method_check_args("method-wrapper.__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    MethodWrapperObject *m = (MethodWrapperObject *)val_ptr(self);
    Value fn = vm_builtins ? dict_get_cstr(vm_builtins, "getattr") : 0;
    Value name = fn ? str_intern_cstr(m->descr->def->name) : 0;
    Value a = name ? tuple_pack2(m->self, name) : 0;
    return a ? tuple_pack2(fn, a) : 0;
}

static const MethodDef method_wrapper_methods[] = {
    {"__reduce__", method_wrapper_m_reduce, METH_NO_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_method_wrapper = {
    .header = {&type_type},
    .name = "method-wrapper",
    .methods = method_wrapper_methods,
    .basic_size = sizeof(MethodWrapperObject),
    .base = &type_object,
    .trace = method_wrapper_trace,
    .repr = method_wrapper_repr,
    .hash = method_wrapper_hash,
    .richcompare = method_wrapper_richcompare,
    .call = method_wrapper_call,
    .getset = method_wrapper_getset,
};

// ---- __new__ of static types --------------------------------------------------------
// T.__new__ is a builtin method bound to T: T.__new__(S, ...) checks that S is
// a subtype of T and that T's constructor is the right one for S's layout.

static Value tp_new_wrapper(Value self, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(self);
    if (nargs < 1) {
        return err_format(&exc_TypeError, "%s.__new__(): not enough arguments", t->name);
    }
    if (!type_check(args[0])) {
        return err_format(&exc_TypeError, "%s.__new__(X): X is not a type object (%s)", t->name,
                          obj_type_name(args[0]));
    }
    Type *sub = type_ptr(args[0]);
    if (!type_is_subtype(sub, t)) {
        return err_format(&exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name,
                          sub->name, sub->name, t->name);
    }
    // The most derived base whose constructor is not Python code must be t.
    Type *staticbase = sub;
    while (staticbase && staticbase->new_ == slot_new) {
        staticbase = staticbase->base;
    }
    if (staticbase && staticbase->new_ != t->new_) {
        return err_format(&exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", t->name,
                          sub->name, staticbase->name);
    }
    Value obj = t->new_(args[0], args + 1, nargs - 1, kwnames);
    type_check_new_layout(obj);
    return obj;
}

static const MethodDef tp_new_def = {
    "__new__", tp_new_wrapper, METH_DEFAULT,
    "__new__($type, *args, **kwargs)\n--\n\n"
    "Create and return a new object.  See help(type) for accurate signature.",
};

// ---- static types: adding the wrappers ------------------------------------------------

int slots_add_wrappers(Type *t) {
    if (init_names() < 0) {
        return -1;
    }
    const Type *b = t->base;
    for (int i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *def = &slotdefs[i];
        Value name = slotdef_names[i];
        AnyFunc fn = slot_at(t, def->offset);
        if (!fn || (b && slot_at(b, def->offset) == fn)) {
            continue;  // not defined here (inherited, or absent)
        }
        if (def->kind == W_NONE && def->offset != OFF_(new_)) {
            continue;
        }
        if (def->offset == OFF_(str) && t->str == t->repr) {
            // str is repr (int, float...): CPython's types leave __str__ to
            // object's, which calls repr, so a subclass's __repr__ shows in str().
            continue;
        }
        // A sequence type's + and * are its concatenation and repetition.
        if ((def->kind == W_BINOP_L || def->kind == W_BINOP_R) &&
            ((def->arg == BINOP_ADD && t->seq_concat && (!b || b->seq_concat != t->seq_concat)) ||
             (def->arg == BINOP_MUL && t->seq_repeat && (!b || b->seq_repeat != t->seq_repeat)))) {
            continue;
        }
        Value have = dict_get(t->dict, name);
        if (have) {
            continue;
        }
        if (err_occurred()) {
            return -1;
        }
        Value v;
        if (def->offset == OFF_(hash) && (HashFunc)fn == hash_unhashable) {
            v = VAL_NONE;  // CPython's list.__hash__ is None
        } else if (def->offset == OFF_(new_)) {
            v = builtin_method_new(&tp_new_def, val_from_ptr(t));
        } else {
            WrapperDescrObject *w = (WrapperDescrObject *)gc_alloc(&type_wrapper_descriptor,
                                                                   sizeof(WrapperDescrObject));
            if (!w) {
                return -1;
            }
            w->def = def;
            w->owner = t;
            w->fn = fn;
            v = val_from_ptr(w);
        }
        if (!v || dict_set(t->dict, name, v) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---- classes: choosing each slot -------------------------------------------------------

// The C function a static type's descriptor `d` stands for in the slot at
// `off` of class t, or NULL with *is_generic set when d is Python code (or a
// static type's slot that does not apply to t).
static AnyFunc specific_of(Type *t, size_t off, Value d, int *is_generic) {
    Type *dt = type_of(d);
    if (dt == &type_wrapper_descriptor) {
        // Only a wrapper of this very slot stands for its C function
        // (`__repr__ = object.__str__` must call __str__ generically).
        WrapperDescrObject *w = (WrapperDescrObject *)val_ptr(d);
        if (w->def->offset == off && type_is_subtype(t, w->owner)) {
            return slot_at(w->owner, off);
        }
    } else if (off == OFF_(new_) && dt == &type_builtin_method) {
        BuiltinMethodObject *m = (BuiltinMethodObject *)val_ptr(d);
        if (m->def == &tp_new_def && type_is_subtype(t, type_ptr(m->self))) {
            // CPython keeps the class's current constructor here (inherited from
            // the base when the class was made): after `del C.__new__` a class
            // that had one keeps calling __new__ through the MRO.
            return (AnyFunc)t->new_;
        }
    } else if (off == OFF_(hash) && d == VAL_NONE) {
        return NULL;  // __hash__ = None: unhashable (obj_hash's message)
    }
    *is_generic = 1;
    return NULL;
}

// Recompute t's slot at `off` from the dunders that feed it.
static int update_one_slot(Type *t, size_t off) {
    const SlotDef *generic_def = NULL;
    AnyFunc specific = NULL;
    int use_generic = 0, conflict = 0, found_any = 0;
    if (off == OFF_(getattr)) {
        Value ga = type_lookup(t, NAME(__getattribute__));
        Value gattr = ga || !err_occurred() ? type_lookup(t, NAME(__getattr__)) : 0;
        if (err_occurred()) {
            return -1;
        }
        if (gattr) {
            t->getattr = slot_getattr_hook;
        } else if (ga && type_of(ga) == &type_wrapper_descriptor &&
                   type_is_subtype(t, ((WrapperDescrObject *)val_ptr(ga))->owner)) {
            t->getattr = ((WrapperDescrObject *)val_ptr(ga))->owner->getattr;
        } else if (ga) {
            t->getattr = slot_getattribute;
        } else {
            t->getattr = object_generic_getattr;
        }
        return 0;
    }
    for (int i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *def = &slotdefs[i];
        if (def->offset != off) {
            continue;
        }
        if (!generic_def && def->generic) {
            generic_def = def;
        }
        Value d = type_lookup(t, slotdef_names[i]);
        if (!d) {
            if (err_occurred()) {
                return -1;
            }
            continue;
        }
        int is_generic = 0;
        AnyFunc f = specific_of(t, off, d, &is_generic);
        if (is_generic) {
            use_generic = 1;
        } else if (found_any && f != specific) {
            conflict = 1;
        } else {
            specific = f;
        }
        found_any = 1;
    }
    AnyFunc result = specific;
    if (use_generic || conflict) {
        result = generic_def ? generic_def->generic : NULL;
    }
    set_slot_at(t, off, result);
    if (off == OFF_(finalize)) {
        // Instances made from now on are registered with the collector
        // (object_new); existing ones are not (krait does not track them).
        t->flags = result ? t->flags | TYPE_HAS_FINALIZER : t->flags & ~TYPE_HAS_FINALIZER;
    }
    return 0;
}

static int update_subclass_slots(Type *sub, void *arg);

typedef struct SlotUpdate {
    Value name;  // 0: all
} SlotUpdate;

static int update_slots_of(Type *t, Value name) {
    if (!(t->flags & TYPE_HEAP)) {
        return 0;
    }
    size_t done[NSLOTDEFS];
    int ndone = 0;
    for (int i = 0; i < NSLOTDEFS; i++) {
        if (name && slotdef_names[i] != name) {
            continue;
        }
        size_t off = slotdefs[i].offset;
        int seen = 0;
        for (int k = 0; k < ndone; k++) {
            seen |= done[k] == off;
        }
        if (seen) {
            continue;
        }
        done[ndone++] = off;
        if (update_one_slot(t, off) < 0) {
            return -1;
        }
    }
    return 0;
}

static int update_subclass_slots(Type *sub, void *arg) {
    SlotUpdate *u = arg;
    if (update_slots_of(sub, u->name) < 0) {
        return -1;
    }
    return type_each_subclass(sub, update_subclass_slots, arg);
}

int slots_update(Type *t, Value name) {
    if (init_names() < 0) {
        return -1;
    }
    SlotUpdate u = {name};
    if (update_slots_of(t, name) < 0) {
        return -1;
    }
    return type_each_subclass(t, update_subclass_slots, &u);
}
