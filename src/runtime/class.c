// class.c - classes: type(name, bases, dict), the C3 MRO, instance layouts
// and __slots__, metaclass selection, __init_subclass__ / __set_name__, the
// attributes of type objects (__name__, __bases__, __dict__ ...) and their
// assignment.
//
// Making a class follows CPython's type_new, in order:
//   1. the metaclass: the most derived of the given one and the bases'
//      metaclasses ("metaclass conflict" otherwise); if that is another
//      metaclass with its own __new__, it makes the class instead;
//   2. the best base: the base whose solid base (the nearest type that adds
//      fields to the instance layout) every other base's solid base derives
//      from ("multiple bases have instance lay-out conflict" otherwise);
//   3. the namespace: a copy of the dict; __qualname__ is taken out of it,
//      __module__ and __doc__ are added when missing, __new__ becomes a
//      staticmethod and __init_subclass__ / __class_getitem__ classmethods,
//      __eq__ without __hash__ sets __hash__ = None;
//   4. the layout: __slots__ members after the base's fields, then the
//      instance attributes (shape.h) unless __slots__ leaves out __dict__;
//   5. the MRO (C3, or the metaclass's own mro()), the subclass links, the
//      C slots from the MRO (slots.c), a version;
//   6. __classcell__ gets the class; __set_name__ of every attribute that has
//      one; the parent's __init_subclass__ with the class keyword arguments.
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "codecs.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "set.h"
#include "shape.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"
#include "unicode.h"
#include "../vm/vm.h"


// ---- heap types in the collector -----------------------------------------------------

void heap_type_trace(Object *o, GcTracer *tr) {
    Type *t = (Type *)o;
    gc_trace_value(tr, t->bases);
    gc_trace_value(tr, t->mro);
    gc_trace_value(tr, t->dict);
    gc_trace_value(tr, t->doc);
    gc_trace_object(tr, (Object *)t->base);
    gc_trace_object(tr, (Object *)t->root_shape);
    if (t->flags & TYPE_HEAP) {
        HeapType *h = (HeapType *)t;
        gc_trace_value(tr, h->name_str);
        gc_trace_value(tr, h->qualname);
        gc_trace_value(tr, h->slots);
    }
}

void heap_type_free(Object *o) {
    Type *t = (Type *)o;
    type_links_free(t);
    if (t->flags & TYPE_HEAP) {
        free(((HeapType *)t)->member_defs);
        ((HeapType *)t)->member_defs = NULL;
    }
}

// Instances of classes: the static base's fields, then every word the
// classes added (members and InstanceAttrs are all Values or pointers).
void heap_instance_trace(Object *o, GcTracer *tr) {
    Type *t = o->type;
    Type *sb = ((HeapType *)t)->static_base;
    if (sb->trace) {
        sb->trace(o, tr);
    }
    if (t->flags & TYPE_VAR_ATTRS) {
        InstanceAttrs *a = instance_attrs(val_from_ptr(o));
        gc_trace_values(tr, (Value *)a, sizeof(InstanceAttrs) / sizeof(Value));
        return;
    }
    size_t from = sb->basic_size;
    if (t->basic_size > from) {
        gc_trace_values(tr, (Value *)((char *)o + from), (t->basic_size - from) / sizeof(Value));
    }
}

// ---- small helpers ---------------------------------------------------------------------

static Value heap_name(Type *t) {
    return type_str_name(t);
}

// The exact str for a name (str subclasses copied, interned).
static Value exact_str(Value s) {
    return str_intern(s);
}

// CPython keeps a class's name and docstring as UTF-8: a lone surrogate in
// them is a UnicodeEncodeError. 0 or -1.
static int check_utf8_encodable(Value s) {
    if ((str_obj(s)->flags & STR_ASCII) || codec_encode(s, "utf-8", "strict")) {
        return 0;
    }
    return -1;
}

// Raise RuntimeError(msg) with the pending exception as its __cause__.
static void raise_from_pending(const char *msg) {
    Value cause = err_fetch();
    err_format(&exc_RuntimeError, "%s", msg);
    Value exc = err_normalize();
    if (exc && cause) {
        ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
        e->cause = cause;
        e->context = cause;
        e->suppress_context = 1;
    }
}

// ---- the MRO: C3 linearization -----------------------------------------------------------

static int tail_contains(Value list, size_t whence, Value o) {
    TupleObject *t = tuple_obj(list);
    for (size_t j = whence + 1; j < t->len; j++) {
        if (t->items[j] == o) {
            return 1;
        }
    }
    return 0;
}

static Value mro_error(Value *to_merge, size_t n, size_t *remain) {
    Value seen = dict_new();
    if (!seen) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        TupleObject *l = tuple_obj(to_merge[i]);
        if (remain[i] < l->len && dict_set(seen, l->items[remain[i]], VAL_NONE) < 0) {
            return 0;
        }
    }
    char buf[1000];
    size_t off = (size_t)snprintf(buf, sizeof buf,
                                  "Cannot create a consistent method resolution\norder (MRO) for bases");
    size_t pos = 0;
    Value k, v;
    int64_t left = dict_len(seen);
    while (dict_next(seen, &pos, &k, &v) && off < sizeof buf) {
        Value name = obj_getattr_opt(k, NAME(__name__));
        const char *s = name && val_is_str(name) ? str_obj(name)->data : "?";
        err_clear();
        off += (size_t)snprintf(buf + off, sizeof buf - off, " %s%s", s, --left ? "," : "");
    }
    return err_format(&exc_TypeError, "%s", buf);
}

// CPython's mro_implementation: t followed by the merge of its bases' MROs
// and the list of bases.
static Value mro_implementation(Type *t) {
    TupleObject *bases = tuple_obj(t->bases);
    size_t n = bases->len;
    for (size_t i = 0; i < n; i++) {
        Type *b = type_ptr(bases->items[i]);
        if (!b->mro) {
            return err_format(&exc_TypeError, "Cannot extend an incomplete type '%s'", b->name);
        }
    }
    if (n == 1) {
        TupleObject *bm = tuple_obj(type_ptr(bases->items[0])->mro);
        Value r = tuple_new(bm->len + 1);
        if (!r) {
            return 0;
        }
        tuple_obj(r)->items[0] = val_from_ptr(t);
        memcpy(tuple_obj(r)->items + 1, bm->items, bm->len * sizeof(Value));
        return r;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (bases->items[i] == bases->items[j]) {
                Value name = heap_name(type_ptr(bases->items[i]));
                return name ? err_format(&exc_TypeError, "duplicate base class %s",
                                         str_obj(name)->data)
                            : 0;
            }
        }
    }
    Value to_merge[n + 1];
    size_t remain[n + 1];
    size_t total = 1;
    for (size_t i = 0; i < n; i++) {
        to_merge[i] = type_ptr(bases->items[i])->mro;
        total += tuple_obj(to_merge[i])->len;
        remain[i] = 0;
    }
    to_merge[n] = t->bases;
    remain[n] = 0;
    Value result = list_new(total);
    if (!result || list_append(result, val_from_ptr(t)) < 0) {
        return 0;
    }
    for (;;) {
        int empty = 1, found = 0;
        for (size_t i = 0; i <= n && !found; i++) {
            TupleObject *cur = tuple_obj(to_merge[i]);
            if (remain[i] >= cur->len) {
                continue;
            }
            empty = 0;
            Value candidate = cur->items[remain[i]];
            int blocked = 0;
            for (size_t j = 0; j <= n && !blocked; j++) {
                blocked = tail_contains(to_merge[j], remain[j], candidate);
            }
            if (blocked) {
                continue;
            }
            if (list_append(result, candidate) < 0) {
                return 0;
            }
            for (size_t j = 0; j <= n; j++) {
                TupleObject *l = tuple_obj(to_merge[j]);
                if (remain[j] < l->len && l->items[remain[j]] == candidate) {
                    remain[j]++;
                }
            }
            found = 1;
        }
        if (empty) {
            break;
        }
        if (!found) {
            return mro_error(to_merge, n + 1, remain);
        }
    }
    return tuple_from_list(result);
}

// Solid base: the nearest type up the base chain that adds fields (beyond an
// InstanceAttrs it added itself, which CPython's __dict__ does not count).
static Type *solid_base(Type *t) {
    Type *base = t->base ? solid_base(t->base) : &type_object;
    size_t ts = t->basic_size, bs = base->basic_size;
    // (krait's str keeps its characters inline; CPython's str is not a
    // variable-size type, so str subclasses lay out like fixed-size ones)
    if ((t->item_size || base->item_size) && !(t->flags & TYPE_STR_SUBCLASS)) {
        return (ts != bs || t->item_size != base->item_size) ? t : base;
    }
    if ((t->flags & TYPE_HEAP) && (t->flags & TYPE_HAS_SHAPE) && !(base->flags & TYPE_HAS_SHAPE) &&
        t->attrs_offset + sizeof(InstanceAttrs) == ts) {
        ts -= sizeof(InstanceAttrs);
    } else if ((t->flags & TYPE_HEAP) && (t->flags & TYPE_VAR_ATTRS) &&
               !(base->flags & TYPE_HAS_SHAPE) && (t->flags & TYPE_STR_SUBCLASS)) {
        ts -= sizeof(InstanceAttrs) + sizeof(Value);  // attributes after the characters
    }
    return ts != bs ? t : base;
}

// The base a class with these bases extends (CPython's best_base).
static Type *best_base(Value bases) {
    TupleObject *b = tuple_obj(bases);
    Type *base = NULL, *winner = NULL;
    for (size_t i = 0; i < b->len; i++) {
        if (!type_check(b->items[i])) {
            err_format(&exc_TypeError, "bases must be types");
            return NULL;
        }
        Type *bi = type_ptr(b->items[i]);
        if (!(bi->flags & TYPE_BASETYPE)) {
            err_format(&exc_TypeError, "type '%s' is not an acceptable base type", bi->name);
            return NULL;
        }
        Type *candidate = solid_base(bi);
        if (!winner) {
            winner = candidate;
            base = bi;
        } else if (type_is_subtype(winner, candidate)) {
            // keep
        } else if (type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bi;
        } else {
            err_format(&exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

// Check what a custom mro() returned (CPython's mro_check).
static int mro_check(Type *t, Value mro) {
    Type *solid = solid_base(t);
    TupleObject *m = tuple_obj(mro);
    for (size_t i = 0; i < m->len; i++) {
        Value x = m->items[i];
        if (!type_check(x)) {
            Value r = obj_repr(x);
            err_format(&exc_TypeError, "mro() returned a non-class ('%s')",
                       r ? str_obj(r)->data : "?");
            return -1;
        }
        if (!type_is_subtype(solid, solid_base(type_ptr(x)))) {
            Value r = obj_repr(x);
            err_format(&exc_TypeError, "mro() returned base with unsuitable layout ('%s')",
                       r ? str_obj(r)->data : "?");
            return -1;
        }
    }
    return 0;
}

// t's MRO: C3, or what its metaclass's mro() returns when it overrides it.
static Value compute_mro(Type *t) {
    Type *meta = type_of(val_from_ptr(t));
    if (meta != &type_type) {
        Value m = type_lookup(meta, NAME(mro));
        Value own = dict_get(type_type.dict, NAME(mro));
        if (m && m != own) {
            Value meth = obj_lookup_special(val_from_ptr(t), NAME(mro));
            Value r = meth ? obj_call0(meth) : 0;
            Value tup = r ? tuple_from_iterable(r) : 0;
            if (!tup || mro_check(t, tup) < 0) {
                return 0;
            }
            return tup;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    return mro_implementation(t);
}

// ---- metaclasses -------------------------------------------------------------------------

Type *type_calculate_metaclass(Type *metatype, Value bases) {
    Type *winner = metatype;
    TupleObject *b = tuple_obj(bases);
    for (size_t i = 0; i < b->len; i++) {
        Type *tmp = type_of(b->items[i]);
        if (type_is_subtype(winner, tmp)) {
            continue;
        }
        if (type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        err_format(&exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// ---- __slots__ ---------------------------------------------------------------------------

static int is_identifier(Value s) {
    StrObject *so = str_obj(s);
    if (so->len == 0) {
        return 0;
    }
    for (size_t i = 0; i < so->len; i++) {
        uint32_t cp = str_getitem_cp(s, i);
        if (i == 0 ? !uni_is_xid_start(cp) : !uni_is_xid_continue(cp)) {
            return 0;
        }
    }
    return 1;
}

// CPython's _Py_Mangle: __x inside class C is _C__x.
static Value mangle(Value classname, Value name) {
    StrObject *n = str_obj(name);
    if (n->nbytes < 2 || n->data[0] != '_' || n->data[1] != '_' ||
        (n->nbytes >= 4 && n->data[n->nbytes - 1] == '_' && n->data[n->nbytes - 2] == '_') ||
        memchr(n->data, '.', n->nbytes)) {
        return name;
    }
    const char *c = str_obj(classname)->data;
    while (*c == '_') {
        c++;
    }
    if (!*c) {
        return name;
    }
    return str_format_c("_%s%U", c, name);
}

typedef struct SlotsInfo {
    Value names;       // the member names (mangled, sorted), a list; 0: no __slots__
    int add_dict, add_weak;
} SlotsInfo;

static int process_slots(Value dict, Value name, Type *base, Value bases, SlotsInfo *info) {
    int may_add_dict = !(base->flags & TYPE_HAS_SHAPE) && !base->dict_offset &&
                       !(base->flags & TYPE_TYPE_SUBCLASS);
    // (weak references live beside the object: only CPython's layout rules
    // matter, and its str is not variable-size)
    int may_add_weak = !(base->flags & TYPE_HAS_WEAKREF) &&
                       (!base->item_size || (base->flags & TYPE_STR_SUBCLASS)) &&
                       !(base->flags & TYPE_TYPE_SUBCLASS);
    Value slots = dict_get(dict, NAME(__slots__));
    if (!slots) {
        if (err_occurred()) {
            return -1;
        }
        info->names = 0;
        info->add_dict = may_add_dict;
        info->add_weak = may_add_weak;
        return 0;
    }
    Value items = val_is_str(slots) ? tuple_from(&slots, 1) : tuple_from_iterable(slots);
    if (!items) {
        return -1;
    }
    TupleObject *it = tuple_obj(items);
    if (it->len > 0 && base->item_size) {
        err_format(&exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                   base->name);
        return -1;
    }
    Value names = list_new(it->len);
    if (!names) {
        return -1;
    }
    info->add_dict = info->add_weak = 0;
    for (size_t i = 0; i < it->len; i++) {
        Value s = it->items[i];
        if (!val_is_str(s)) {
            err_format(&exc_TypeError, "__slots__ items must be strings, not '%s'",
                       obj_type_name(s));
            return -1;
        }
        if (!is_identifier(s)) {
            err_format(&exc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (str_equal(s, NAME(__dict__))) {
            if (!may_add_dict || info->add_dict) {
                err_format(&exc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            info->add_dict = 1;
            continue;
        }
        if (str_equal(s, NAME(__weakref__))) {
            if (!may_add_weak || info->add_weak) {
                err_format(&exc_TypeError,
                           "__weakref__ slot disallowed: either we already got one, or "
                           "__itemsize__ != 0");
                return -1;
            }
            info->add_weak = 1;
            continue;
        }
        Value m = mangle(name, s);
        Value key = m ? exact_str(m) : 0;
        if (!key || list_append(names, key) < 0) {
            return -1;
        }
    }
    // As CPython's type_new_slots_bases: a secondary base with a __dict__
    // or weak references gives them to the class even when __slots__ does
    // not ask (class P(SlotsOnly, PlainClass): __slots__ = ('x',)).
    for (size_t i = 0; bases && i < tuple_obj(bases)->len; i++) {
        Type *b = type_ptr(tuple_obj(bases)->items[i]);
        if (b == base) {
            continue;
        }
        if (may_add_dict && !info->add_dict && ((b->flags & TYPE_HAS_SHAPE) || b->dict_offset)) {
            info->add_dict = 1;
        }
        if (may_add_weak && !info->add_weak && (b->flags & TYPE_HAS_WEAKREF)) {
            info->add_weak = 1;
        }
    }
    if (list_sort(names, 0, 0) < 0) {
        return -1;
    }
    ListObject *l = list_obj(names);
    for (size_t i = 0; i < l->len; i++) {
        // __qualname__ and __classcell__ are taken out of the dict later, as
        // in CPython: they are no class variables.
        if (str_equal(l->items[i], NAME(__qualname__)) ||
            str_equal(l->items[i], NAME(__classcell__))) {
            continue;
        }
        int r = dict_contains(dict, l->items[i]);
        if (r < 0) {
            return -1;
        }
        if (r) {
            Value rep = obj_repr(l->items[i]);
            if (!rep) {
                return -1;
            }
            err_format(&exc_ValueError, "%s in __slots__ conflicts with class variable",
                       str_obj(rep)->data);
            return -1;
        }
    }
    info->names = names;
    return 0;
}

// The `__dict__` descriptor of the first builtin type up obj's base chain
// that defines one (module, type, function, BaseException...), or 0: a
// class's __dict__ getset hands instances of such types to it, as CPython's
// subtype_dict / subtype_setdict (get_builtin_base_with_dict).
static Value builtin_dict_descr(Value obj) {
    for (Type *t = type_of(obj); t->base; t = t->base) {
        if (!(t->flags & TYPE_HEAP)) {
            Value d = dict_get(t->dict, NAME(__dict__));
            if (d) {
                return d;
            }
        }
    }
    return 0;
}

static Value dict_getter(Value self) {
    Value d = builtin_dict_descr(self);
    if (d && type_of(d)->descr_get) {
        return type_of(d)->descr_get(d, self, val_from_ptr(type_of(self)));
    }
    return object_get_dict(self);
}

static int dict_setter(Value self, Value value) {
    Value d = builtin_dict_descr(self);
    if (d) {
        if (!type_of(d)->descr_set) {
            err_format(&exc_TypeError, "this __dict__ descriptor does not support '%s' objects",
                       obj_type_name(self));
            return -1;
        }
        return type_of(d)->descr_set(d, self, value);
    }
    return object_set_dict(self, value);
}

// obj.__weakref__: the first of its weak references (runtime/weakref.h), or None.
static Value weakref_getter(Value self) {
    GcWeakRef *w = gc_weakrefs_of(val_ptr(self));
    return w ? val_from_ptr(w) : VAL_NONE;
}

static const GetSetDef dict_getset = {"__dict__", dict_getter, dict_setter, NULL};
const GetSetDef class_weakref_getset = {"__weakref__", weakref_getter, NULL, NULL};

// ---- making a class ------------------------------------------------------------------------

static int is_plain_function(Value v) {
    Type *t = type_of(v);
    return (t->flags & TYPE_METHOD_DESCR) && t != &type_method_descriptor &&
           t != &type_wrapper_descriptor;
}

// dict[key] = wrap(dict[key]) when that is a plain function.
static int wrap_function(Value dict, Value key, Type *wrapper) {
    Value f = dict_get(dict, key);
    if (!f) {
        return err_occurred() ? -1 : 0;
    }
    if (!is_plain_function(f)) {
        return 0;
    }
    Value w = obj_call1(val_from_ptr(wrapper), f);
    return w ? dict_set(dict, key, w) : -1;
}

extern Type type_staticmethod, type_classmethod;

// Look `name` up along t's MRO after `after` and bind it as super(after, t) would.
static Value super_lookup(Type *t, Type *after, Value name) {
    TupleObject *mro = tuple_obj(t->mro);
    size_t i = 0;
    while (i < mro->len && type_ptr(mro->items[i]) != after) {
        i++;
    }
    for (i++; i < mro->len; i++) {
        Value d = dict_get(type_ptr(mro->items[i])->dict, name);
        if (d) {
            DescrGetFunc get = type_of(d)->descr_get;
            return get ? get(d, 0, val_from_ptr(t)) : d;
        }
        if (err_occurred()) {
            return 0;
        }
    }
    return 0;
}

static int set_names(Type *t) {
    Value items = dict_items(t->dict);  // a snapshot: __set_name__ may change the dict
    if (!items) {
        return -1;
    }
    ListObject *l = list_obj(items);
    for (size_t i = 0; i < l->len; i++) {
        Value key = tuple_obj(l->items[i])->items[0];
        Value value = tuple_obj(l->items[i])->items[1];
        Value args[2] = {val_from_ptr(t), key};
        int found;
        Value r = call_special(value, NAME(__set_name__), args, 2, &found);
        if (!r && found) {
            Value krep = obj_repr(key);
            char msg[512];
            snprintf(msg, sizeof msg, "Error calling __set_name__ on '%s' instance %s in '%s'",
                     obj_type_name(value), krep ? str_obj(krep)->data : "?", t->name);
            if (!krep) {
                err_clear();
            }
            raise_from_pending(msg);
            return -1;
        }
        if (!r && err_occurred()) {
            return -1;
        }
    }
    return 0;
}

static int init_subclass(Type *t, const Value *kwvalues, Value kwnames) {
    // CPython calls super(t, t).__init_subclass__: a custom mro() that left
    // t out of its own MRO fails super()'s check.
    if (!type_is_subtype_mro(t, t)) {
        err_format(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
        return -1;
    }
    Value f = super_lookup(t, t, NAME(__init_subclass__));
    if (!f) {
        return err_occurred() ? -1 : 0;
    }
    Value r = obj_call(f, kwvalues, 0, kwnames);
    return r ? 0 : -1;
}

// The caller's module name, for a class made without __module__.
static Value caller_module(void) {
    Frame *f = vm_current_frame();
    if (!f || !f->globals) {
        return 0;
    }
    Value name = dict_get(f->globals, NAME(__name__));
    if (!name) {
        err_clear();
    }
    return name;
}

// Take __classcell__ (the cell of super()'s __class__) out of the namespace
// before the __slots__ members go in (a slot may be named __classcell__):
// *cell gets it, or 0 when there is none.
static int take_classcell(Value ns, Value *cell) {
    *cell = dict_get(ns, NAME(__classcell__));
    if (!*cell) {
        return err_occurred() ? -1 : 0;
    }
    if (type_of(*cell) != &type_cell) {
        Value r = obj_repr(val_from_ptr(type_of(*cell)));
        err_format(&exc_TypeError, "__classcell__ must be a nonlocal cell, not %s",
                   r ? str_obj(r)->data : "?");
        return -1;
    }
    return dict_del(ns, NAME(__classcell__)) < 0 ? -1 : 0;
}

static int add_getset(Type *t, const GetSetDef *def) {
    Value key = str_intern_cstr(def->name);
    if (!key) {
        return -1;
    }
    int has = dict_contains(t->dict, key);
    if (has) {
        return has < 0 ? -1 : 0;
    }
    Value d = descr_new(&type_getset_descriptor, t, def);
    return d ? dict_set(t->dict, key, d) : -1;
}

Value type_new_class_kw(Type *metatype, Value name, Value bases, Value dict,
                        const Value *kwvalues, Value kwnames) {
    Type *winner = type_calculate_metaclass(metatype, bases);
    if (!winner) {
        return 0;
    }
    if (winner != metatype) {
        if (winner->new_ != type_tp_new) {
            size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
            Value argv[3 + nkw];
            argv[0] = name;
            argv[1] = bases;
            argv[2] = dict;
            if (nkw) {
                memcpy(argv + 3, kwvalues, nkw * sizeof(Value));
            }
            return winner->new_(val_from_ptr(winner), argv, 3, kwnames);
        }
        metatype = winner;
    }
    if (tuple_obj(bases)->len == 0) {
        Value obj = val_from_ptr(&type_object);
        bases = tuple_from(&obj, 1);
        if (!bases) {
            return 0;
        }
    }
    Type *base = best_base(bases);
    if (!base) {
        return 0;
    }
    if (check_utf8_encodable(name) < 0) {
        return 0;
    }
    if (memchr(str_obj(name)->data, 0, str_obj(name)->nbytes)) {
        return err_format(&exc_ValueError, "type name must not contain null characters");
    }
    Value name_str = exact_str(name);
    Value ns = name_str ? dict_copy(dict) : 0;
    if (!ns) {
        return 0;
    }
    // __module__ and __qualname__.
    int has = dict_contains(ns, NAME(__module__));
    if (has < 0) {
        return 0;
    }
    if (!has) {
        Value mod = caller_module();
        if (mod && dict_set(ns, NAME(__module__), mod) < 0) {
            return 0;
        }
    }
    Value qualname = dict_get(ns, NAME(__qualname__));
    if (qualname) {
        if (!val_is_str(qualname)) {
            return err_format(&exc_TypeError, "type __qualname__ must be a str, not %s",
                              obj_type_name(qualname));
        }
        if (dict_del(ns, NAME(__qualname__)) < 0) {
            return 0;
        }
    } else if (err_occurred()) {
        return 0;
    } else {
        qualname = name_str;
    }
    SlotsInfo slots;
    if (process_slots(ns, name_str, base, bases, &slots) < 0) {
        return 0;
    }
    if (wrap_function(ns, NAME(__new__), &type_staticmethod) < 0 ||
        wrap_function(ns, NAME(__init_subclass__), &type_classmethod) < 0 ||
        wrap_function(ns, NAME(__class_getitem__), &type_classmethod) < 0) {
        return 0;
    }

    // The type object.
    HeapType *h = (HeapType *)gc_alloc(metatype, metatype->basic_size);
    if (!h) {
        return 0;
    }
    Type *t = &h->type;
    h->name_str = name_str;
    h->qualname = qualname;
    t->name = str_obj(name_str)->data;
    t->dict = ns;
    t->bases = bases;
    t->base = base;
    Type *sb = base;
    while (sb->flags & TYPE_HEAP) {
        sb = sb->base;
    }
    h->static_base = sb;
    t->flags = TYPE_HEAP | TYPE_BASETYPE |
               (base->flags & (TYPE_INT_SUBCLASS | TYPE_STR_SUBCLASS | TYPE_BYTES_SUBCLASS |
                               TYPE_TUPLE_SUBCLASS | TYPE_LIST_SUBCLASS | TYPE_DICT_SUBCLASS |
                               TYPE_TYPE_SUBCLASS | TYPE_EXC_SUBCLASS | TYPE_HAS_SHAPE |
                               TYPE_VAR_ATTRS | TYPE_HAS_WEAKREF));
    t->item_size = base->item_size;
    t->dict_offset = base->dict_offset;
    t->attrs_offset = base->attrs_offset;
    t->trace = heap_instance_trace;
    t->free = base->free;
    t->new_ = base->new_;  // what a builtin __new__ found on the MRO stands for (slots.c)

    Value classcell;
    if (take_classcell(ns, &classcell) < 0) {
        return 0;
    }

    // The layout: members, then the instance attributes.
    size_t size = base->basic_size;
    if (slots.names) {
        ListObject *l = list_obj(slots.names);
        h->slots = tuple_from_list(slots.names);
        if (!h->slots) {
            return 0;
        }
        if (l->len) {
            h->member_defs = calloc(l->len, sizeof(MemberDef));
            if (!h->member_defs) {
                return err_no_memory();
            }
            h->nmember_defs = l->len;
        }
        for (size_t i = 0; i < l->len; i++) {
            MemberDef *m = &h->member_defs[i];
            m->name = str_obj(l->items[i])->data;  // interned: immortal
            m->kind = MEMBER_VALUE;
            m->offset = size;
            size += sizeof(Value);
            Value d = descr_new(&type_member_descriptor, t, m);
            if (!d || dict_set(ns, l->items[i], d) < 0) {
                return 0;
            }
        }
    }
    if (slots.add_dict) {
        t->flags |= TYPE_HAS_SHAPE;
        if (base->item_size) {
            t->flags |= TYPE_VAR_ATTRS;
            size += sizeof(InstanceAttrs) + sizeof(Value);  // + room to align after the items
        } else {
            t->attrs_offset = size;
            size += sizeof(InstanceAttrs);
        }
    }
    if (slots.add_weak) {
        t->flags |= TYPE_HAS_WEAKREF;
    }
    t->basic_size = size;
    if ((slots.add_dict && add_getset(t, &dict_getset) < 0) ||
        (slots.add_weak && add_getset(t, &class_weakref_getset) < 0)) {
        return 0;
    }
    Value doc = dict_get(ns, NAME(__doc__));
    if (doc ? val_is_str(doc) && check_utf8_encodable(doc) < 0
            : err_occurred() || dict_set(ns, NAME(__doc__), VAL_NONE) < 0) {
        return 0;
    }
    has = dict_contains(ns, NAME(__eq__));
    if (has > 0) {
        has = dict_contains(ns, NAME(__hash__));
        if (!has && dict_set(ns, NAME(__hash__), VAL_NONE) < 0) {
            return 0;
        }
    }
    if (has < 0) {
        return 0;
    }

    // The MRO, the links, the slots.
    t->mro = compute_mro(t);
    if (!t->mro) {
        return 0;
    }
    // `match` sees a sequence or mapping as the first class of the MRO that
    // is one does (CPython's inherit_patma_flags).
    for (size_t i = 1; i < tuple_obj(t->mro)->len; i++) {
        uint32_t f = type_ptr(tuple_obj(t->mro)->items[i])->flags & (TYPE_SEQUENCE | TYPE_MAPPING);
        if (f) {
            t->flags |= f;
            break;
        }
    }
    TupleObject *bt = tuple_obj(bases);
    for (size_t i = 0; i < bt->len; i++) {
        if (type_add_subclass(type_ptr(bt->items[i]), t) < 0) {
            return 0;
        }
    }
    type_assign_version(t);
    if (slots_update(t, 0) < 0) {
        return 0;
    }
    if (classcell) {
        ((CellObject *)val_ptr(classcell))->value = val_from_ptr(t);
    }
    if (set_names(t) < 0 || init_subclass(t, kwvalues, kwnames) < 0) {
        return 0;
    }
    return val_from_ptr(t);
}

Value type_new_class(Type *metatype, Value name, Value bases, Value dict) {
    return type_new_class_kw(metatype, name, bases, dict, NULL, 0);
}

// type.__new__(metatype, name, bases, dict, **kwds)
Value type_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *metatype = type_ptr(callable);
    if (nargs != 3) {
        return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                          nargs);
    }
    if (!val_is_str(args[0])) {
        return err_format(&exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                          obj_type_name(args[0]));
    }
    if (!tuple_check(args[1])) {
        return err_format(&exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                          obj_type_name(args[1]));
    }
    if (!dict_check(args[2])) {
        return err_format(&exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                          obj_type_name(args[2]));
    }
    return type_new_class_kw(metatype, args[0], args[1], args[2], args + 3, kwnames);
}

Value type_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    size_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs == 1 && nkw) {
        return err_format(&exc_TypeError, "type.__init__() takes no keyword arguments");
    }
    if (nargs != 1 && nargs != 3) {
        return err_format(&exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    }
    return VAL_NONE;
}

// ---- layout compatibility (__class__ and __bases__ assignment) ---------------------------

static int same_layout_as_base(Type *child) {
    Type *p = child->base;
    return p && child->basic_size == p->basic_size && child->item_size == p->item_size &&
           child->dict_offset == p->dict_offset && child->attrs_offset == p->attrs_offset &&
           (child->flags & (TYPE_HAS_SHAPE | TYPE_VAR_ATTRS | TYPE_HAS_WEAKREF)) ==
               (p->flags & (TYPE_HAS_SHAPE | TYPE_VAR_ATTRS | TYPE_HAS_WEAKREF)) &&
           child->free == p->free;
}

static int same_slots_added(Type *a, Type *b) {
    // (CPython's instances hold their weakref list in a slot of their own:
    // a class that adds one differs from one that does not.)
    if (a->basic_size != b->basic_size || a->attrs_offset != b->attrs_offset ||
        (a->flags & (TYPE_HAS_SHAPE | TYPE_VAR_ATTRS | TYPE_HAS_WEAKREF)) !=
            (b->flags & (TYPE_HAS_SHAPE | TYPE_VAR_ATTRS | TYPE_HAS_WEAKREF))) {
        return 0;
    }
    Value sa = (a->flags & TYPE_HEAP) ? ((HeapType *)a)->slots : 0;
    Value sb = (b->flags & TYPE_HEAP) ? ((HeapType *)b)->slots : 0;
    size_t na = sa ? tuple_obj(sa)->len : 0, nb = sb ? tuple_obj(sb)->len : 0;
    if (na != nb) {
        return 0;
    }
    for (size_t i = 0; i < na; i++) {
        if (!str_equal(tuple_obj(sa)->items[i], tuple_obj(sb)->items[i])) {
            return 0;
        }
    }
    return 1;
}

// Whether CPython frees instances of t with PyObject_GC_Del (every class,
// and the builtins that can hold references) rather than PyObject_Del: its
// layout checks compare that, and programs see it in their messages.
static int cpython_gc_type(const Type *t) {
    return (t->flags & TYPE_HEAP) || (t->trace && !(t->flags & TYPE_STR_SUBCLASS));
}

int type_compatible_layout(Type *old, Type *new_type, const char *attr) {
    if (cpython_gc_type(new_type) != cpython_gc_type(old)) {
        err_format(&exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                   new_type->name, old->name);
        return 0;
    }
    if (new_type->free != old->free) {  // the collector needs this (gc.h); CPython's layouts differ
        err_format(&exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                   new_type->name, old->name);
        return 0;
    }
    Type *nb = new_type, *ob = old;
    while (same_layout_as_base(nb)) {
        nb = nb->base;
    }
    while (same_layout_as_base(ob)) {
        ob = ob->base;
    }
    if (nb != ob && (nb->base != ob->base || !same_slots_added(nb, ob))) {
        err_format(&exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                   new_type->name, old->name);
        return 0;
    }
    return 1;
}

// ---- attributes of type objects -------------------------------------------------------------

static int check_set_special(Type *t, Value value, const char *name) {
    if (!(t->flags & TYPE_HEAP)) {
        err_format(&exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                   t->name);
        return -1;
    }
    if (!value) {
        err_format(&exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name,
                   t->name);
        return -1;
    }
    return 0;
}

static Value type_get_name(Value self) {
    return type_str_name(type_ptr(self));
}

static int type_set_name(Value self, Value value) {
    Type *t = type_ptr(self);
    if (check_set_special(t, value, "__name__") < 0) {
        return -1;
    }
    if (!val_is_str(value)) {
        err_format(&exc_TypeError, "can only assign string to %s.__name__, not '%s'", t->name,
                   obj_type_name(value));
        return -1;
    }
    if (check_utf8_encodable(value) < 0) {
        return -1;
    }
    if (memchr(str_obj(value)->data, 0, str_obj(value)->nbytes)) {
        err_format(&exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    Value s = exact_str(value);
    if (!s) {
        return -1;
    }
    ((HeapType *)t)->name_str = s;
    t->name = str_obj(s)->data;
    return 0;
}

static Value type_get_qualname(Value self) {
    return type_qualname(type_ptr(self));
}

static int type_set_qualname(Value self, Value value) {
    Type *t = type_ptr(self);
    if (check_set_special(t, value, "__qualname__") < 0) {
        return -1;
    }
    if (!val_is_str(value)) {
        err_format(&exc_TypeError, "can only assign string to %s.__qualname__, not '%s'", t->name,
                   obj_type_name(value));
        return -1;
    }
    ((HeapType *)t)->qualname = value;
    return 0;
}

static Value type_get_module(Value self) {
    return type_module_name(type_ptr(self));
}

static int type_set_module(Value self, Value value) {
    Type *t = type_ptr(self);
    if (check_set_special(t, value, "__module__") < 0) {
        return -1;
    }
    int r = dict_set(t->dict, NAME(__module__), value);
    type_modified(t);
    return r;
}

static Value type_get_doc(Value self) {
    Type *t = type_ptr(self);
    Value doc = dict_get(t->dict, NAME(__doc__));
    if (!doc) {
        if (err_occurred()) {
            return 0;
        }
        return t->doc ? t->doc : VAL_NONE;
    }
    DescrGetFunc get = type_of(doc)->descr_get;
    return get ? get(doc, 0, self) : doc;
}

static int type_set_doc(Value self, Value value) {
    Type *t = type_ptr(self);
    if (check_set_special(t, value, "__doc__") < 0) {
        return -1;
    }
    int r = dict_set(t->dict, NAME(__doc__), value);
    type_modified(t);
    return r;
}

static Value type_get_dict(Value self) {
    Type *t = type_ptr(self);
    return t->dict ? mappingproxy_new(t->dict) : VAL_NONE;
}

static Value type_get_bases(Value self) {
    return type_ptr(self)->bases;
}

static Value type_get_base(Value self) {
    Type *b = type_ptr(self)->base;
    return b ? val_from_ptr(b) : VAL_NONE;
}

static Value type_get_mro(Value self) {
    Value m = type_ptr(self)->mro;
    return m ? m : VAL_NONE;
}

// Recompute the MRO of t and of every subclass (after __bases__ changed).
static int mro_hierarchy(Type *t, void *arg) {
    Value mro = compute_mro(t);
    if (!mro) {
        return -1;
    }
    t->mro = mro;
    type_modified(t);
    return type_each_subclass(t, mro_hierarchy, arg);
}

static int type_set_bases(Value self, Value value) {
    Type *t = type_ptr(self);
    if (check_set_special(t, value, "__bases__") < 0) {
        return -1;
    }
    if (!tuple_check(value)) {
        err_format(&exc_TypeError, "can only assign tuple to %s.__bases__, not %s", t->name,
                   obj_type_name(value));
        return -1;
    }
    TupleObject *nb = tuple_obj(value);
    if (nb->len == 0) {
        err_format(&exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                   t->name);
        return -1;
    }
    for (size_t i = 0; i < nb->len; i++) {
        if (!type_check(nb->items[i])) {
            err_format(&exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", t->name,
                       obj_type_name(nb->items[i]));
            return -1;
        }
        // Through the MRO, and through the chain of bases: a custom mro()
        // that assigns __bases__ again runs before the MROs are updated,
        // while the bases are already in place.
        int cycle = type_is_subtype(type_ptr(nb->items[i]), t);
        for (Type *b = type_ptr(nb->items[i]); b && !cycle; b = b->base) {
            cycle = b == t;
        }
        if (cycle) {
            err_format(&exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    Type *new_base = best_base(value);
    if (!new_base || !type_compatible_layout(t->base, new_base, "__bases__")) {
        return -1;
    }
    Value old_bases = t->bases, old_mro = t->mro;
    Type *old_base = t->base;
    t->bases = value;
    t->base = new_base;
    if (mro_hierarchy(t, NULL) < 0) {
        Value exc = err_fetch();
        t->bases = old_bases;
        t->base = old_base;
        t->mro = old_mro;
        mro_hierarchy(t, NULL);
        err_clear();
        err_set_value(exc);
        return -1;
    }
    if (t->bases != value) {
        // a reentrant mro() assigned __bases__ again: that assignment did the rest
        type_modified(t);
        return 0;
    }
    TupleObject *ob = tuple_obj(old_bases);
    for (size_t i = 0; i < ob->len; i++) {
        type_remove_subclass(type_ptr(ob->items[i]), t);
    }
    for (size_t i = 0; i < nb->len; i++) {
        if (type_add_subclass(type_ptr(nb->items[i]), t) < 0) {
            return -1;
        }
    }
    type_modified(t);
    return slots_update(t, 0);
}

static Value type_get_abstractmethods(Value self) {
    Type *t = type_ptr(self);
    Value v = t != &type_type ? dict_get(t->dict, NAME(__abstractmethods__)) : 0;
    if (!v && !err_occurred()) {
        err_format(&exc_AttributeError, "__abstractmethods__");
    }
    return v;
}

static int type_set_abstractmethods(Value self, Value value) {
    Type *t = type_ptr(self);
    int abstract = 0;
    if (value) {
        abstract = obj_truthy(value);
        if (abstract < 0 || dict_set(t->dict, NAME(__abstractmethods__), value) < 0) {
            return -1;
        }
    } else {
        int r = dict_del(t->dict, NAME(__abstractmethods__));
        if (r <= 0) {
            if (r == 0) {
                err_format(&exc_AttributeError, "__abstractmethods__");
            }
            return -1;
        }
    }
    type_modified(t);
    if (abstract) {
        t->flags |= TYPE_ABSTRACT;
    } else {
        t->flags &= ~(uint32_t)TYPE_ABSTRACT;
    }
    return 0;
}

static Value type_get_annotations(Value self) {
    Type *t = type_ptr(self);
    if (!(t->flags & TYPE_HEAP)) {
        return err_format(&exc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                          t->name);
    }
    Value ann = dict_get(t->dict, NAME(__annotations__));
    if (ann) {
        DescrGetFunc get = type_of(ann)->descr_get;
        return get ? get(ann, 0, self) : ann;
    }
    if (err_occurred()) {
        return 0;
    }
    ann = dict_new();
    if (!ann || dict_set(t->dict, NAME(__annotations__), ann) < 0) {
        return 0;
    }
    type_modified(t);
    return ann;
}

static int type_set_annotations(Value self, Value value) {
    Type *t = type_ptr(self);
    if (!(t->flags & TYPE_HEAP)) {
        err_format(&exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                   t->name);
        return -1;
    }
    int r;
    if (value) {
        r = dict_set(t->dict, NAME(__annotations__), value);
    } else {
        r = dict_del(t->dict, NAME(__annotations__));
        if (r == 0) {
            err_format(&exc_AttributeError, "__annotations__");
            r = -1;
        }
    }
    type_modified(t);
    return r < 0 ? -1 : 0;
}

static Value type_get_text_signature(Value self) {
    const char *sig = type_ptr(self)->text_signature;
    return sig && !(type_ptr(self)->flags & TYPE_HEAP) ? str_from_cstr(sig) : VAL_NONE;
}

static Value type_get_basicsize(Value self) {
    return int_from_i64((int64_t)type_ptr(self)->basic_size);
}

static Value type_get_itemsize(Value self) {
    return int_from_i64((int64_t)type_ptr(self)->item_size);
}

static int cpython_gc_type(const Type *t);

// __flags__ in CPython's bits (Py_TPFLAGS_*): copyreg tests HEAPTYPE,
// inspect IS_ABSTRACT, and others look at the subclass bits.
static Value type_get_flags(Value self) {
    Type *t = type_ptr(self);
    uint32_t f = t->flags;
    uint64_t r = 1u << 12;  // READY
    r |= (f & TYPE_HEAP) ? (1u << 9) : (1u << 8) | (1u << 19);  // HEAPTYPE, or IMMUTABLETYPE + VALID_VERSION_TAG
    if ((f & TYPE_HEAP) && (f & TYPE_HAS_SHAPE)) {
        r |= 1u << 4;  // MANAGED_DICT
    }
    // MATCH_SELF: `case int(x)` matches the subject itself (inherited).
    const Type *sb = t;
    while (sb->flags & TYPE_HEAP) {
        sb = sb->base;
    }
    extern Type type_set, type_frozenset, type_float;
    if ((sb->flags & (TYPE_INT_SUBCLASS | TYPE_LIST_SUBCLASS | TYPE_TUPLE_SUBCLASS |
                      TYPE_BYTES_SUBCLASS | TYPE_STR_SUBCLASS | TYPE_DICT_SUBCLASS)) ||
        sb == &type_set || sb == &type_frozenset || sb == &type_float) {
        r |= 1u << 22;
    }
    if (f & TYPE_BASETYPE) {
        r |= 1u << 10;
    }
    if (cpython_gc_type(t)) {
        r |= 1u << 14;
    }
    if (f & TYPE_METHOD_DESCR) {
        r |= 1u << 17;
    }
    if (f & TYPE_ABSTRACT) {
        r |= 1u << 20;
    }
    if (f & TYPE_SEQUENCE) {
        r |= 1u << 5;
    }
    if (f & TYPE_MAPPING) {
        r |= 1u << 6;
    }
    static const struct {
        uint32_t krait;
        int bit;
    } subclass_bits[] = {
        {TYPE_INT_SUBCLASS, 24}, {TYPE_LIST_SUBCLASS, 25}, {TYPE_TUPLE_SUBCLASS, 26},
        {TYPE_BYTES_SUBCLASS, 27}, {TYPE_STR_SUBCLASS, 28}, {TYPE_DICT_SUBCLASS, 29},
        {TYPE_EXC_SUBCLASS, 30}, {TYPE_TYPE_SUBCLASS, 31},
    };
    for (size_t i = 0; i < sizeof subclass_bits / sizeof subclass_bits[0]; i++) {
        if (f & subclass_bits[i].krait) {
            r |= (uint64_t)1 << subclass_bits[i].bit;
        }
    }
    return int_from_i64((int64_t)r);
}

static Value type_get_dictoffset(Value self) {
    Type *t = type_ptr(self);
    return int_from_i64((int64_t)((t->flags & TYPE_HAS_SHAPE) ? t->attrs_offset : t->dict_offset));
}

static Value type_get_weakrefoffset(Value self) {
    return val_from_smallint(0);
}

const GetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL},
    {"__basicsize__", type_get_basicsize, NULL, NULL},
    {"__itemsize__", type_get_itemsize, NULL, NULL},
    {"__flags__", type_get_flags, NULL, NULL},
    {"__dictoffset__", type_get_dictoffset, NULL, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const MemberDef type_members[] = {
    {NULL, 0, 0, NULL},
};

static Value type_m_mro(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("mro", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value m = mro_implementation(type_ptr(self));
    return m ? list_from(tuple_obj(m)->items, tuple_obj(m)->len) : 0;
}

static Value type_m_subclasses(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__subclasses__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return type_subclasses_list(type_ptr(self));
}

// isinstance without __instancecheck__: the type, or __class__ when it differs.
static Value type_m_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__instancecheck__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Type *t = type_ptr(self);
    if (type_is_subtype(type_of(args[0]), t)) {
        return VAL_TRUE;
    }
    Value cls = obj_getattr_opt(args[0], NAME(__class__));
    if (!cls) {
        return err_occurred() ? 0 : VAL_FALSE;
    }
    return val_bool(type_check(cls) && cls != val_from_ptr(type_of(args[0])) &&
                    type_is_subtype(type_ptr(cls), t));
}

static Value type_m_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__subclasscheck__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (!type_check(args[0])) {
        return err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
    }
    return val_bool(type_is_subtype(type_ptr(args[0]), type_ptr(self)));
}

static Value type_m_prepare(Value self, const Value *args, size_t nargs, Value kwnames) {
    return dict_new();
}

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

static Value type_m_dir(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__dir__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value d = dict_new();
    if (!d || merge_class_dict(d, type_ptr(self)) < 0) {
        return 0;
    }
    return dict_keys(d);
}

static Value type_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Type *t = type_ptr(self);
    return int_from_i64((int64_t)((t->flags & TYPE_HEAP) ? sizeof(HeapType) : sizeof(Type)));
}

const MethodDef type_methods[] = {
    {"mro", type_m_mro, METH_DEFAULT,
     "mro($self, /)\n--\n\n"
     "Return a type's method resolution order."},
    {"__subclasses__", type_m_subclasses, METH_DEFAULT,
     "__subclasses__($self, /)\n--\n\n"
     "Return a list of immediate subclasses."},
    {"__instancecheck__", type_m_instancecheck, METH_DEFAULT,
     "__instancecheck__($self, instance, /)\n--\n\n"
     "Check if an object is an instance."},
    {"__subclasscheck__", type_m_subclasscheck, METH_DEFAULT,
     "__subclasscheck__($self, subclass, /)\n--\n\n"
     "Check if a class is a subclass."},
    {"__prepare__", type_m_prepare, METH_CLASS,
     "Create the namespace for the class statement"},
    {"__dir__", type_m_dir, METH_DEFAULT,
     "__dir__($self, /)\n--\n\n"
     "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_m_sizeof, METH_DEFAULT,
     "__sizeof__($self, /)\n--\n\n"
     "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};
