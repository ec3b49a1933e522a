// abstract.c - the generic object protocol: dispatch on type slots with
// CPython's rules and messages (see abstract.h).
//
// The operator rules, as CPython's abstract.c and object.c define them:
//  * Binary operators try the left operand's slot, then the right one's; but
//    if the right operand's type is a proper subclass of the left's, its slot
//    goes first, so that a subclass can override an operator of its base.
//    A slot answers NotImplemented to pass. In-place operators try the
//    left operand's in-place slot first, then fall back to the binary rule.
//  * Rich comparisons follow the same subclass-first rule with the swapped
//    operator (a < b is b > a); == and != fall back to identity.
// Slots are called with the operands in their original order (object.h).
#include "abstract.h"
#include "iterators.h"
#include "list.h"

#include "../vm/vm.h"

#include <string.h>

#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "type_internal.h"

const char *obj_type_name(Value v) {
    return type_of(v)->name;
}

// The text of a str Value for messages.
static const char *cstr_of(Value name) {
    return str_obj(name)->data;
}

// ---- object protocol ---------------------------------------------------------

// Containers' reprs and comparisons recurse on the C stack through these:
// a guard turns runaway nesting into RecursionError (vm/vm.h).
Value obj_repr(Value v) {
    Type *t = type_of(v);
    if (!t->repr) {
        return err_format(&exc_SystemError, "type '%s' has no repr", t->name);
    }
    if (val_is_smallint(v) || val_is_flonum(v)) {
        return t->repr(v);
    }
    if (vm_enter_call(" while getting the repr of an object") < 0) {
        return 0;
    }
    Value r = t->repr(v);
    vm_leave_call();
    return r;
}

Value obj_str(Value v) {
    Type *t = type_of(v);
    if (t->str) {
        if (val_is_smallint(v) || val_is_flonum(v)) {
            return t->str(v);
        }
        if (vm_enter_call(" while getting the str of an object") < 0) {
            return 0;
        }
        Value r = t->str(v);
        vm_leave_call();
        return r;
    }
    return obj_repr(v);
}

int64_t obj_hash(Value v) {
    Type *t = type_of(v);
    if (!t->hash) {
        err_format(&exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v);
}

static const char *const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const CompareOp swapped_compare[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Value richcompare_guarded(Value a, Value b, CompareOp op);

Value obj_richcompare(Value a, Value b, CompareOp op) {
    if (val_is_ptr(a) && val_is_ptr(b)) {
        if (vm_enter_call(" in comparison") < 0) {
            return 0;
        }
        Value r = richcompare_guarded(a, b, op);
        vm_leave_call();
        return r;
    }
    return richcompare_guarded(a, b, op);
}

static Value richcompare_guarded(Value a, Value b, CompareOp op) {
    Type *ta = type_of(a), *tb = type_of(b);
    int reversed_tried = 0;
    if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
        reversed_tried = 1;
        Value r = tb->richcompare(b, a, swapped_compare[op]);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (ta->richcompare) {
        Value r = ta->richcompare(a, b, op);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (!reversed_tried && tb->richcompare) {
        Value r = tb->richcompare(b, a, swapped_compare[op]);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    switch (op) {
    case CMP_EQ:
        return val_bool(a == b);
    case CMP_NE:
        return val_bool(a != b);
    default:
        return err_format(&exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                          compare_symbols[op], ta->name, tb->name);
    }
}

int obj_richcompare_bool(Value a, Value b, CompareOp op) {
    if (a == b) {
        if (op == CMP_EQ) {
            return 1;
        }
        if (op == CMP_NE) {
            return 0;
        }
    }
    Value r = obj_richcompare(a, b, op);
    if (!r) {
        return -1;
    }
    return obj_truthy(r);
}

int obj_truthy(Value v) {
    if (v == VAL_TRUE) {
        return 1;
    }
    if (v == VAL_FALSE || v == VAL_NONE) {
        return 0;
    }
    if (val_is_smallint(v)) {
        return val_smallint(v) != 0;
    }
    if (val_is_flonum(v)) {
        return v != FLONUM_ZERO;
    }
    Type *t = type_of(v);
    if (t->bool_) {
        return t->bool_(v);
    }
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

// ---- isinstance and issubclass ------------------------------------------------------
// CPython's object_isinstance/object_issubclass: exact types take the fast
// path, tuples are searched, a metaclass's __instancecheck__ /
// __subclasscheck__ decides when there is one, and objects that only look
// like classes (a __bases__ tuple) are walked through __bases__.

static Value class_attr_name(const char *s, Value *cache) {
    if (!*cache) {
        *cache = str_intern_cstr(s);
    }
    return *cache;
}

// cls.__bases__ if it is a tuple, else 0 (no exception unless one other
// than AttributeError happened).
static Value abstract_get_bases(Value cls) {
    static Value name;
    Value n = class_attr_name("__bases__", &name);
    Value bases = n ? obj_getattr_opt(cls, n) : 0;
    if (bases && !(type_of(bases)->flags & TYPE_TUPLE_SUBCLASS)) {
        return 0;
    }
    return bases;
}

// Is `derived` a subclass of cls along __bases__ (for class-like objects)?
static int abstract_issubclass(Value derived, Value cls) {
    for (;;) {
        if (derived == cls) {
            return 1;
        }
        Value bases = abstract_get_bases(derived);
        if (!bases) {
            return err_occurred() ? -1 : 0;
        }
        TupleObject *b = tuple_obj(bases);
        if (b->len == 0) {
            return 0;
        }
        if (b->len == 1) {
            derived = b->items[0];  // avoid recursion in the single-inheritance case
            continue;
        }
        for (size_t i = 0; i < b->len; i++) {
            int r = abstract_issubclass(b->items[i], cls);
            if (r) {
                return r;
            }
        }
        return 0;
    }
}

static int is_class_like(Value v) {
    if (type_is_subtype(type_of(v), &type_type)) {
        return 1;
    }
    Value bases = abstract_get_bases(v);
    return bases ? 1 : err_occurred() ? -1 : 0;
}

// Whether v.__class__ is certainly type(v) without asking: v's type reads
// attributes generically and its __class__ is object's own data descriptor
// (which an instance dict cannot shadow). isinstance's negative answers then
// skip the attribute lookup, whose answer would be type(v) anyway.
static int class_attr_is_type(Value v, Value cn) {
    static Value object_class;
    Type *t = type_of(v);
    if (t->getattr != object_generic_getattr) {
        return 0;
    }
    if (!object_class) {
        object_class = type_lookup(&type_object, cn);
        if (!object_class) {
            err_clear();
            return 0;
        }
    }
    Value descr = type_lookup(t, cn);
    if (!descr) {
        err_clear();
        return 0;
    }
    return descr == object_class;
}

static int recursive_isinstance(Value v, Value cls) {
    static Value class_name;
    Value cn = class_attr_name("__class__", &class_name);
    if (!cn) {
        return -1;
    }
    if (type_is_subtype(type_of(cls), &type_type)) {
        if (type_is_subtype(type_of(v), (Type *)val_ptr(cls))) {
            return 1;
        }
        if (class_attr_is_type(v, cn)) {
            return 0;
        }
        Value c = obj_getattr_opt(v, cn);
        if (!c) {
            return err_occurred() ? -1 : 0;
        }
        if (c != val_from_ptr(type_of(v)) && type_is_subtype(type_of(c), &type_type)) {
            return type_is_subtype((Type *)val_ptr(c), (Type *)val_ptr(cls));
        }
        return 0;
    }
    int like = is_class_like(cls);
    if (like <= 0) {
        if (like == 0) {
            err_format(&exc_TypeError,
                       "isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        return -1;
    }
    Value c = obj_getattr_opt(v, cn);
    if (!c) {
        return err_occurred() ? -1 : 0;
    }
    return abstract_issubclass(c, cls);
}

int obj_isinstance(Value v, Value cls) {
    Type *ct = type_of(cls);
    if (val_ptr(cls) == (Object *)type_of(v) && !val_is_smallint(cls)) {
        return 1;
    }
    if (ct == &type_type) {
        return recursive_isinstance(v, cls);
    }
    if (ct->flags & TYPE_TUPLE_SUBCLASS) {
        // a tuple of classes (nested tuples allowed)
        TupleObject *tup = tuple_obj(cls);
        for (size_t i = 0; i < tup->len; i++) {
            int r = obj_isinstance(v, tup->items[i]);
            if (r) {
                return r;
            }
        }
        return 0;
    }
    static Value check_name;
    Value name = class_attr_name("__instancecheck__", &check_name);
    if (!name) {
        return -1;
    }
    Value checker = obj_lookup_special(cls, name);
    if (checker) {
        Value r = obj_call1(checker, v);
        return r ? obj_truthy(r) : -1;
    }
    if (err_occurred()) {
        return -1;
    }
    return recursive_isinstance(v, cls);
}

static int recursive_issubclass(Value derived, Value cls) {
    if (type_is_subtype(type_of(cls), &type_type) &&
        type_is_subtype(type_of(derived), &type_type)) {
        return type_is_subtype((Type *)val_ptr(derived), (Type *)val_ptr(cls));
    }
    int like = is_class_like(derived);
    if (like <= 0) {
        if (like == 0) {
            err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
        }
        return -1;
    }
    like = is_class_like(cls);
    if (like <= 0) {
        if (like == 0) {
            err_format(&exc_TypeError,
                       "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return -1;
    }
    return abstract_issubclass(derived, cls);
}

int obj_issubclass(Value derived, Value cls) {
    Type *ct = type_of(cls);
    if (ct == &type_type) {
        if (derived == cls) {
            return 1;
        }
        return recursive_issubclass(derived, cls);
    }
    if (ct->flags & TYPE_TUPLE_SUBCLASS) {
        TupleObject *tup = tuple_obj(cls);
        for (size_t i = 0; i < tup->len; i++) {
            int r = obj_issubclass(derived, tup->items[i]);
            if (r) {
                return r;
            }
        }
        return 0;
    }
    static Value check_name;
    Value name = class_attr_name("__subclasscheck__", &check_name);
    if (!name) {
        return -1;
    }
    Value checker = obj_lookup_special(cls, name);
    if (checker) {
        Value r = obj_call1(checker, derived);
        return r ? obj_truthy(r) : -1;
    }
    if (err_occurred()) {
        return -1;
    }
    return recursive_issubclass(derived, cls);
}

// ---- attributes ------------------------------------------------------------------

Value obj_getattr(Value v, Value name) {
    Type *t = type_of(v);
    Value r;
    if (t->getattr) {
        r = t->getattr(v, name);
    } else {
        r = err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                       cstr_of(name));
    }
    if (!r) {
        err_attribute_context(v, name);  // for "Did you mean" (CPython's PyObject_GetAttr)
    }
    return r;
}

Value obj_getattr_opt(Value v, Value name) {
    int handled;
    Value r = obj_getattr_quiet(v, name, &handled);
    if (handled) {
        if (!r && err_matches(&exc_AttributeError)) {
            err_clear();  // raised by a descriptor
        }
        return r;
    }
    r = obj_getattr(v, name);
    if (!r && err_matches(&exc_AttributeError)) {
        err_clear();
    }
    return r;
}

int obj_hasattr(Value v, Value name) {
    Value r = obj_getattr_opt(v, name);
    if (r) {
        return 1;
    }
    return err_occurred() ? -1 : 0;
}

int obj_setattr(Value v, Value name, Value value) {
    Type *t = type_of(v);
    if (t->setattr) {
        return t->setattr(v, name, value);
    }
    if (t->getattr) {
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                   cstr_of(name));
    } else {
        err_format(&exc_TypeError, "'%s' object has no attributes (%s .%s)", t->name,
                   value ? "assign to" : "del", cstr_of(name));
    }
    return -1;
}

// ---- calls -------------------------------------------------------------------------

Value obj_call(Value f, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_of(f);
    if (!t->call) {
        return err_format(&exc_TypeError, "'%s' object is not callable", t->name);
    }
    return t->call(f, args, nargs, kwnames);
}

Value obj_call0(Value f) {
    return obj_call(f, NULL, 0, 0);
}

Value obj_call1(Value f, Value a) {
    return obj_call(f, &a, 1, 0);
}

Value obj_call2(Value f, Value a, Value b) {
    Value args[2] = {a, b};
    return obj_call(f, args, 2, 0);
}

// ---- numbers -------------------------------------------------------------------------

static const char *const binop_symbols[] = {
#define BINOP_SYM_(name, dunder, rdunder, idunder, sym) sym,
    BINOPS(BINOP_SYM_)
#undef BINOP_SYM_
};

// CPython's binary_op1: NotImplemented when neither operand handles it.
static Value binary_op1(Value a, Value b, BinOp op) {
    Type *ta = type_of(a), *tb = type_of(b);
    BinaryFunc slotv = ta->binop[op];
    BinaryFunc slotw = tb != ta ? tb->binop[op] : NULL;
    if (slotw == slotv) {
        slotw = NULL;
    }
    if (slotv) {
        if (slotw && type_is_subtype(tb, ta)) {
            Value r = slotw(a, b);
            if (r != VAL_NOTIMPLEMENTED) {
                return r;
            }
            slotw = NULL;
        }
        Value r = slotv(a, b);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (slotw) {
        return slotw(a, b);
    }
    return VAL_NOTIMPLEMENTED;
}

static Value binop_type_error(Value a, Value b, BinOp op, int inplace) {
    if (op == BINOP_POW) {
        return err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                          inplace ? "**=" : "** or pow()", obj_type_name(a), obj_type_name(b));
    }
    // `print >> sys.stderr`, Python 2's redirection: CPython adds a hint
    // when the left operand is a builtin function named print.
    if (op == BINOP_RSHIFT && !inplace && val_is_ptr(a) && val_ptr(a)->type == &type_builtin_method &&
        strcmp(((BuiltinMethodObject *)val_ptr(a))->def->name, "print") == 0) {
        return err_format(&exc_TypeError,
                          "unsupported operand type(s) for >>: '%s' and '%s'. Did you mean "
                          "\"print(<message>, file=<output_stream>)\"?",
                          obj_type_name(a), obj_type_name(b));
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                      binop_symbols[op], inplace ? "=" : "", obj_type_name(a), obj_type_name(b));
}

static int has_index(Value v) {
    return val_is_smallint(v) || type_of(v)->index || (type_of(v)->flags & TYPE_INT_SUBCLASS);
}

// Whether CPython's counterpart of t has sequence methods (tp_as_sequence):
// containers do, and every class defined in Python; numbers do not.
static int has_sequence_methods(const Type *t) {
    return (t->flags & TYPE_HEAP) || t->seq_repeat || t->seq_concat || t->contains;
}

// CPython's sequence fallback for + and * (and += / *=): `n *= seq` repeats
// seq only when n's type has no sequence methods of its own.
static Value sequence_op(Value a, Value b, BinOp op, int inplace) {
    Type *ta = type_of(a), *tb = type_of(b);
    if (op == BINOP_ADD && ta->seq_concat) {
        return ta->seq_concat(a, b);
    }
    if (op == BINOP_MUL) {
        Value seq = 0, count = 0;
        if (ta->seq_repeat) {
            seq = a;
            count = b;
        } else if (tb->seq_repeat && (!inplace || !has_sequence_methods(ta))) {
            seq = b;
            count = a;
        }
        if (seq) {
            if (!has_index(count)) {
                return err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                                  obj_type_name(count));
            }
            return type_of(seq)->seq_repeat(seq, count);
        }
    }
    return binop_type_error(a, b, op, inplace);
}

Value obj_binop(Value a, Value b, BinOp op) {
    Value r = binary_op1(a, b, op);
    if (r == VAL_NOTIMPLEMENTED) {
        return sequence_op(a, b, op, 0);
    }
    return r;
}

Value obj_inplace(Value a, Value b, BinOp op) {
    BinaryFunc islot = type_of(a)->inplace[op];
    if (islot) {
        Value r = islot(a, b);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    Value r = binary_op1(a, b, op);
    if (r == VAL_NOTIMPLEMENTED) {
        return sequence_op(a, b, op, 1);
    }
    return r;
}

Value obj_pow3(Value a, Value b, Value mod) {
    Type *ta = type_of(a), *tb = type_of(b), *tm = type_of(mod);
    TernaryFunc slots[3] = {ta->pow3, tb != ta ? tb->pow3 : NULL,
                            (tm != ta && tm != tb) ? tm->pow3 : NULL};
    for (int i = 0; i < 3; i++) {
        if (slots[i]) {
            Value r = slots[i](a, b, mod);
            if (r != VAL_NOTIMPLEMENTED) {
                return r;
            }
        }
    }
    return err_format(&exc_TypeError,
                      "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                      ta->name, tb->name, tm->name);
}

static Value unary(Value a, UnaryFunc f, const char *what) {
    if (!f) {
        return err_format(&exc_TypeError, "bad operand type for %s: '%s'", what, obj_type_name(a));
    }
    return f(a);
}

Value obj_neg(Value a) { return unary(a, type_of(a)->neg, "unary -"); }
Value obj_pos(Value a) { return unary(a, type_of(a)->pos, "unary +"); }
Value obj_invert(Value a) { return unary(a, type_of(a)->invert, "unary ~"); }
Value obj_abs(Value a) { return unary(a, type_of(a)->abs, "abs()"); }

Value obj_index(Value a) {
    if (val_is_smallint(a)) {
        return a;
    }
    Type *t = type_of(a);
    if (t->flags & TYPE_INT_SUBCLASS) {
        return a;  // an int (or bool, or subclass) is its own index: no __index__ call
    }
    if (!t->index) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          t->name);
    }
    Value r = t->index(a);
    if (!r || val_is_smallint(r) || type_of(r) == &type_int) {
        return r;
    }
    if (!(type_of(r)->flags & TYPE_INT_SUBCLASS)) {
        return err_format(&exc_TypeError, "__index__ returned non-int (type %s)",
                          obj_type_name(r));
    }
    if (err_warn(&exc_DeprecationWarning, 1,
                 "__index__ returned non-int (type %s).  The ability to return an instance of a "
                 "strict subclass of int is deprecated, and may be removed in a future version "
                 "of Python.", obj_type_name(r)) < 0) {
        return 0;
    }
    return r;
}

Value obj_index_exact(Value a) {
    Value r = obj_index(a);
    return !r || val_is_smallint(r) || type_of(r) == &type_int ? r : int_exact(r);
}

// The int64 value of an int (small, big, bool or subclass); when it does
// not fit, *fits = 0 and the result is clamped by sign.
static int64_t int_value_i64(Value v, int *fits) {
    int64_t out;
    *fits = 1;
    if (val_is_smallint(v)) {
        return val_smallint(v);
    }
    if (int_to_i64(v, &out) == 0) {
        return out;
    }
    err_clear();
    *fits = 0;
    return int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
}

int obj_as_int64(Value a, int64_t *out) {
    Value i = obj_index(a);
    if (!i) {
        return -1;
    }
    int fits;
    *out = int_value_i64(i, &fits);
    if (!fits) {
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int obj_as_index(Value a, int64_t *out, int clamp) {
    Value i = obj_index(a);
    if (!i) {
        return -1;
    }
    int fits;
    *out = int_value_i64(i, &fits);
    if (!fits && !clamp) {
        err_format(&exc_IndexError, "cannot fit '%s' into an index-sized integer",
                   obj_type_name(a));
        return -1;
    }
    return 0;
}

// ---- containers -----------------------------------------------------------------------

int64_t obj_len(Value v) {
    Type *t = type_of(v);
    if (!t->len) {
        err_format(&exc_TypeError, "object of type '%s' has no len()", t->name);
        return -1;
    }
    return t->len(v);
}

Value obj_getitem(Value v, Value key) {
    Type *t = type_of(v);
    if (!t->getitem) {
        if (t->flags & TYPE_TYPE_SUBCLASS) {
            if (v == val_from_ptr(&type_type)) {
                return generic_alias_new(v, key);  // type[int]
            }
            // C[key] on a class: its __class_getitem__ (PEP 560).
            static Value name;
            if (!name && !(name = str_intern_cstr("__class_getitem__"))) {
                return 0;
            }
            Value meth = obj_getattr_opt(v, name);
            if (meth) {
                return obj_call1(meth, key);
            }
            if (err_occurred()) {
                return 0;
            }
            return err_format(&exc_TypeError, "type '%s' is not subscriptable",
                              ((Type *)val_ptr(v))->name);
        }
        return err_format(&exc_TypeError, "'%s' object is not subscriptable", t->name);
    }
    return t->getitem(v, key);
}

int obj_setitem(Value v, Value key, Value value) {
    Type *t = type_of(v);
    if (!t->setitem) {
        if (value) {
            err_format(&exc_TypeError, "'%s' object does not support item assignment", t->name);
        } else {
            err_format(&exc_TypeError, "'%s' object doesn't support item deletion", t->name);
        }
        return -1;
    }
    return t->setitem(v, key, value);
}

int obj_contains(Value container, Value item) {
    Type *t = type_of(container);
    if (t->contains) {
        return t->contains(container, item);
    }
    if (!t->iter && !t->getitem) {
        err_format(&exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Value it = obj_iter(container);
    if (!it) {
        return -1;
    }
    for (;;) {
        Value x = obj_next(it);
        if (!x) {
            return err_occurred() ? -1 : 0;
        }
        int eq = obj_richcompare_bool(x, item, CMP_EQ);
        if (eq != 0) {
            return eq;
        }
    }
}

// ---- iteration -------------------------------------------------------------------------

// The iterator of objects that have __getitem__ but no __iter__: calls
// x[0], x[1], ... until IndexError or StopIteration.
typedef struct SeqIterObject {
    Object header;
    Value seq;       // 0 once exhausted
    int64_t index;
} SeqIterObject;

static void seqiter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((SeqIterObject *)o)->seq);
}

static Value seqiter_iter(Value self) {
    return self;
}

static Value seqiter_next(Value self) {
    SeqIterObject *it = (SeqIterObject *)val_ptr(self);
    if (!it->seq) {
        return 0;
    }
    if (!smallint_fits(it->index)) {
        return err_format(&exc_OverflowError, "iter index too large");
    }
    Value r = obj_getitem(it->seq, val_from_smallint(it->index));
    if (!r) {
        if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) {
            err_clear();
            it->seq = 0;
        }
        return 0;
    }
    it->index++;
    return r;
}

static Value seqiter_m_length_hint(Value self, const Value *args, size_t nargs,
                                   Value kwnames) {
    if (method_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SeqIterObject *it = (SeqIterObject *)val_ptr(self);
    if (!it->seq) {
        return val_from_smallint(0);
    }
    int64_t n = type_of(it->seq)->len ? obj_len(it->seq) : -1;
    if (n < 0) {
        if (err_occurred()) {
            err_clear();  // no length: NotImplemented, as CPython
        }
        return VAL_NOTIMPLEMENTED;
    }
    return int_from_i64(n > it->index ? n - it->index : 0);
}

// (iter, (seq,), index), or (iter, ((),)) once exhausted.
static Value seqiter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SeqIterObject *it = (SeqIterObject *)val_ptr(self);
    Value empty = tuple_from(NULL, 0);
    return empty ? seqiter_reduce("iter", it->seq, it->index, empty) : 0;
}

static Value seqiter_m_setstate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__setstate__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    SeqIterObject *it = (SeqIterObject *)val_ptr(self);
    int64_t i;
    if (seqiter_setstate(args[0], 0, INT64_MAX, &i) < 0) {
        return 0;
    }
    if (it->seq) {
        it->index = i;
    }
    return VAL_NONE;
}

static const MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_m_length_hint, METH_NO_KEYWORDS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", seqiter_m_reduce, METH_NO_KEYWORDS, "Return state information for pickling."},
    {"__setstate__", seqiter_m_setstate, METH_NO_KEYWORDS, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

Type type_seqiter = {
    .header = {&type_type},
    .name = "iterator",
    .methods = seqiter_methods,
    .basic_size = sizeof(SeqIterObject),
    .base = &type_object,
    .trace = seqiter_trace,
    .iter = seqiter_iter,
    .iternext = seqiter_next,
};

Value obj_iter(Value v) {
    Type *t = type_of(v);
    if (t->iter) {
        Value it = t->iter(v);
        if (it && !type_of(it)->iternext) {
            return err_format(&exc_TypeError, "iter() returned non-iterator of type '%s'",
                              obj_type_name(it));
        }
        return it;
    }
    if (t->getitem) {
        SeqIterObject *it = (SeqIterObject *)gc_alloc(&type_seqiter, sizeof(SeqIterObject));
        if (!it) {
            return 0;
        }
        it->seq = v;
        return val_from_ptr(it);
    }
    return err_format(&exc_TypeError, "'%s' object is not iterable", t->name);
}

Value obj_next_raw(Value iter) {
    Type *t = type_of(iter);
    if (!t->iternext) {
        return err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
    }
    return t->iternext(iter);
}

Value obj_next(Value iter) {
    Type *t = type_of(iter);
    if (!t->iternext) {
        return err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
    }
    Value r = t->iternext(iter);
    // As CPython's PyIter_Next: a StopIteration raised by the iterator (a
    // generator returning a value raises one) is the end, not an error.
    if (!r && err_occurred() && err_matches(&exc_StopIteration)) {
        err_clear();
    }
    return r;
}

Value obj_getattr_cstr(Value v, const char *name) {
    Value n = str_intern_cstr(name);
    return n ? obj_getattr(v, n) : 0;
}

Value obj_call_method(Value self, const char *name, const Value *args, size_t nargs) {
    Value m = obj_getattr_cstr(self, name);
    return m ? obj_call(m, args, nargs, 0) : 0;
}

// ---- length hints ---------------------------------------------------------------

// PyObject_LengthHint: len(o) when o has a length that works, else
// o.__length_hint__(), else `dflt`.
int64_t obj_length_hint(Value o, int64_t dflt) {
    Type *t = type_of(o);
    if (t->len) {
        int64_t n = t->len(o);
        if (n >= 0) {
            return n;
        }
        if (!err_matches(&exc_TypeError)) {
            return -1;
        }
        err_clear();
    }
    static Value name;
    if (!name) {
        name = str_intern_cstr("__length_hint__");
        if (!name) {
            return -1;
        }
        gc_add_root(&name);
    }
    Value hint = obj_lookup_special(o, name);
    if (!hint) {
        return err_occurred() ? -1 : dflt;
    }
    Value r = obj_call0(hint);
    if (!r) {
        if (!err_matches(&exc_TypeError)) {
            return -1;
        }
        err_clear();
        return dflt;
    }
    if (r == VAL_NOTIMPLEMENTED) {
        return dflt;
    }
    if (!int_check(r)) {
        err_format(&exc_TypeError, "__length_hint__ must be an integer, not %s",
                   obj_type_name(r));
        return -1;
    }
    int64_t n;
    if (int_to_i64(r, &n) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (n < 0) {
        err_format(&exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}
