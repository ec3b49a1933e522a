// genericalias.c - the objects of typing syntax that the language itself
// makes: types.GenericAlias (`list[int]`, from the builtins'
// __class_getitem__) and types.UnionType (`int | None`, from type.__or__).
// Annotations are evaluated when a function is defined, so `def f(x: list[int]
// | None)` needs both at run time; the typing module builds on them.
//
// As CPython's genericaliasobject.c and unionobject.c: an alias forwards
// attribute access to its origin (except its own attributes), calls the
// origin, substitutes type variables (anything with __typing_subst__) through
// __getitem__, and refuses isinstance(); a union flattens and deduplicates its
// arguments, and isinstance()/issubclass() test against each of them.
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type_internal.h"

typedef struct GenericAliasObject {
    Object header;
    Value origin;
    Value args;         // tuple
    Value parameters;   // tuple, computed lazily (0 until then)
    int starred;        // *tuple[int]
} GenericAliasObject;

typedef struct UnionObject {
    Object header;
    Value args;         // tuple of the members, flattened and deduplicated
    Value parameters;   // 0 until computed
} UnionObject;

extern Type type_generic_alias, type_union;

static GenericAliasObject *ga(Value v) {
    return (GenericAliasObject *)val_ptr(v);
}

static UnionObject *un(Value v) {
    return (UnionObject *)val_ptr(v);
}

static int is_ga(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &type_generic_alias);
}

static int is_union(Value v) {
    return val_is_ptr(v) && type_of(v) == &type_union;
}

static Value name_of(const char *s) {
    return str_intern_cstr(s);
}

// ---- repr of the arguments ----------------------------------------------------------
// A class shows as its qualified name (without "builtins."), an alias as its
// repr, Ellipsis as "...", anything else as repr().
static int repr_item(StrBuf *sb, Value p) {
    if (p == VAL_ELLIPSIS) {
        sb_puts(sb, "...");
        return 0;
    }
    if (type_check(p) || is_ga(p)) {
        if (is_ga(p)) {
            return repr_append(sb, p);
        }
        Value qual = obj_getattr_opt(p, NAME(__qualname__));
        Value mod = qual ? obj_getattr_opt(p, NAME(__module__)) : 0;
        if (err_occurred()) {
            return -1;
        }
        if (qual && val_is_str(qual)) {
            if (mod && val_is_str(mod) && !str_equal(mod, NAME(builtins))) {
                sb_puts(sb, str_obj(mod)->data);
                sb_putc(sb, '.');
            }
            sb_puts(sb, str_obj(qual)->data);
            return 0;
        }
    }
    return repr_append(sb, p);
}

static Value finish(StrBuf *sb) {
    Value r = str_from_utf8(sb->data ? sb->data : "", sb->len);
    sb_free(sb);
    return r;
}

// ---- parameters: the type variables among the arguments -----------------------------

static int is_typevar_like(Value v) {
    static Value subst;
    if (!subst && !(subst = name_of("__typing_subst__"))) {
        return -1;
    }
    if (type_check(v)) {
        return 0;
    }
    Value a = obj_lookup_special(v, subst);
    return a ? 1 : err_occurred() ? -1 : 0;
}

static int add_unique(Value list, Value v) {
    ListObject *l = list_obj(list);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == v) {
            return 0;
        }
    }
    return list_append(list, v);
}

// CPython's _Py_make_parameters.
static Value make_parameters(Value args) {
    static Value params_name;
    if (!params_name && !(params_name = name_of("__parameters__"))) {
        return 0;
    }
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    TupleObject *a = tuple_obj(args);
    for (size_t i = 0; i < a->len; i++) {
        Value t = a->items[i];
        if (type_check(t)) {
            continue;
        }
        int tv = is_typevar_like(t);
        if (tv < 0) {
            return 0;
        }
        if (tv) {
            if (add_unique(list, t) < 0) {
                return 0;
            }
            continue;
        }
        Value sub = obj_getattr_opt(t, params_name);
        if (!sub) {
            if (err_occurred()) {
                return 0;
            }
            continue;
        }
        if (tuple_check(sub)) {
            for (size_t k = 0; k < tuple_obj(sub)->len; k++) {
                if (add_unique(list, tuple_obj(sub)->items[k]) < 0) {
                    return 0;
                }
            }
        }
    }
    return tuple_from_list(list);
}

// Substitute `params` -> `items` in every argument (CPython's
// _Py_subs_parameters, without the TypeVarTuple corner cases).
static Value subs_parameters(Value self, Value args, Value params, Value item) {
    TupleObject *p = tuple_obj(params);
    if (p->len == 0) {
        Value r = obj_repr(self);
        return r ? err_format(&exc_TypeError, "%s is not a generic class", str_obj(r)->data) : 0;
    }
    Value items = tuple_check(item) ? item : tuple_from(&item, 1);
    if (!items) {
        return 0;
    }
    TupleObject *it = tuple_obj(items);
    if (it->len != p->len) {
        Value r = obj_repr(self);
        return r ? err_format(&exc_TypeError, "Too %s arguments for %s; actual %zu, expected %zu",
                              it->len > p->len ? "many" : "few", str_obj(r)->data, it->len, p->len)
                 : 0;
    }
    TupleObject *a = tuple_obj(args);
    Value out = tuple_new(a->len);
    if (!out) {
        return 0;
    }
    for (size_t i = 0; i < a->len; i++) {
        Value arg = a->items[i];
        Value sub = arg;
        size_t k = 0;
        while (k < p->len && p->items[k] != arg) {
            k++;
        }
        if (k < p->len) {
            sub = it->items[k];
        } else if (!type_check(arg)) {
            static Value params_name;
            if (!params_name && !(params_name = name_of("__parameters__"))) {
                return 0;
            }
            Value subparams = obj_getattr_opt(arg, params_name);
            if (!subparams && err_occurred()) {
                return 0;
            }
            if (subparams && tuple_check(subparams) && tuple_obj(subparams)->len) {
                Value subargs = tuple_new(tuple_obj(subparams)->len);
                if (!subargs) {
                    return 0;
                }
                for (size_t j = 0; j < tuple_obj(subparams)->len; j++) {
                    Value sp = tuple_obj(subparams)->items[j];
                    size_t m = 0;
                    while (m < p->len && p->items[m] != sp) {
                        m++;
                    }
                    tuple_obj(subargs)->items[j] = m < p->len ? it->items[m] : sp;
                }
                sub = obj_getitem(arg, tuple_obj(subargs)->len == 1 ? tuple_obj(subargs)->items[0]
                                                                    : subargs);
                if (!sub) {
                    return 0;
                }
            }
        }
        tuple_obj(out)->items[i] = sub;
    }
    return out;
}

// ---- GenericAlias ---------------------------------------------------------------------

static void ga_trace(Object *o, GcTracer *t) {
    GenericAliasObject *g = (GenericAliasObject *)o;
    gc_trace_value(t, g->origin);
    gc_trace_value(t, g->args);
    gc_trace_value(t, g->parameters);
}

// A GenericAlias of type t: types.GenericAlias or a subclass, whose
// instances are larger (their attributes follow the alias's fields).
static Value generic_alias_alloc(Type *t, Value origin, Value args) {
    if (!tuple_check(args)) {
        args = tuple_from(&args, 1);
        if (!args) {
            return 0;
        }
    }
    GenericAliasObject *g = (GenericAliasObject *)gc_alloc(t, t->basic_size);
    if (!g) {
        return 0;
    }
    g->origin = origin;
    g->args = args;
    return val_from_ptr(g);
}

Value generic_alias_new(Value origin, Value args) {
    return generic_alias_alloc(&type_generic_alias, origin, args);
}

static Value ga_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "GenericAlias() takes no keyword arguments");
    }
    if (nargs != 2) {
        return err_format(&exc_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
    }
    return generic_alias_alloc(type_ptr(callable), args[0], args[1]);
}

static Value ga_repr(Value self) {
    GenericAliasObject *g = ga(self);
    StrBuf sb;
    sb_init(&sb);
    if (g->starred) {
        sb_putc(&sb, '*');
    }
    if (repr_item(&sb, g->origin) < 0) {
        sb_free(&sb);
        return 0;
    }
    sb_putc(&sb, '[');
    TupleObject *a = tuple_obj(g->args);
    if (a->len == 0) {
        sb_puts(&sb, "()");
    }
    for (size_t i = 0; i < a->len; i++) {
        if (i) {
            sb_puts(&sb, ", ");
        }
        if (repr_item(&sb, a->items[i]) < 0) {
            sb_free(&sb);
            return 0;
        }
    }
    sb_putc(&sb, ']');
    return finish(&sb);
}

// Attributes the alias answers itself; everything else comes from the origin.
static const char *const ga_own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static Value ga_getattr(Value self, Value name) {
    if (val_is_str(name)) {
        for (int i = 0; ga_own_attrs[i]; i++) {
            if (strcmp(str_obj(name)->data, ga_own_attrs[i]) == 0) {
                return object_generic_getattr(self, name);
            }
        }
        return obj_getattr(ga(self)->origin, name);
    }
    return object_generic_getattr(self, name);
}

static Value ga_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value obj = obj_call(ga(self)->origin, args, nargs, kwnames);
    if (!obj) {
        return 0;
    }
    static Value orig_class;
    if (!orig_class && !(orig_class = name_of("__orig_class__"))) {
        return 0;
    }
    if (obj_setattr(obj, orig_class, self) < 0) {
        if (!err_matches(&exc_AttributeError) && !err_matches(&exc_TypeError)) {
            return 0;
        }
        err_clear();
    }
    return obj;
}

static Value ga_parameters(Value self) {
    GenericAliasObject *g = ga(self);
    if (!g->parameters) {
        g->parameters = make_parameters(g->args);
    }
    return g->parameters;
}

static Value ga_getitem(Value self, Value item) {
    Value params = ga_parameters(self);
    if (!params) {
        return 0;
    }
    Value args = subs_parameters(self, ga(self)->args, params, item);
    if (!args) {
        return 0;
    }
    Value r = generic_alias_new(ga(self)->origin, args);
    if (r) {
        ga(r)->starred = ga(self)->starred;
    }
    return r;
}

static Value ga_richcompare(Value a, Value b, CompareOp op) {
    if (!is_ga(b) || (op != CMP_EQ && op != CMP_NE)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (ga(a)->starred != ga(b)->starred) {
        return val_bool(op == CMP_NE);
    }
    int eq = obj_richcompare_bool(ga(a)->origin, ga(b)->origin, CMP_EQ);
    if (eq > 0) {
        eq = obj_richcompare_bool(ga(a)->args, ga(b)->args, CMP_EQ);
    }
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t ga_hash(Value self) {
    int64_t h0 = obj_hash(ga(self)->origin);
    if (h0 == -1) {
        return -1;
    }
    int64_t h1 = obj_hash(ga(self)->args);
    if (h1 == -1) {
        return -1;
    }
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static Value ga_m_mro_entries(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__mro_entries__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return tuple_from(&ga(self)->origin, 1);
}

static Value ga_m_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Value ga_m_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static Value ga_m_dir(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value d = obj_call_method(ga(self)->origin, "__dir__", NULL, 0);
    if (!d) {
        return 0;
    }
    Value l = list_from_iterable(d);
    for (int i = 0; l && ga_own_attrs[i]; i++) {
        Value n = name_of(ga_own_attrs[i]);
        int has = n ? obj_contains(l, n) : -1;
        if (has < 0 || (!has && list_append(l, n) < 0)) {
            return 0;
        }
    }
    return l;
}

static Value ga_get_origin(Value self) { return ga(self)->origin; }
static Value ga_get_args(Value self) { return ga(self)->args; }
static Value ga_get_parameters(Value self) { return ga_parameters(self); }
static Value ga_get_unpacked(Value self) { return val_bool(ga(self)->starred); }

static Value ga_get_unpacked_tuple_args(Value self) {
    GenericAliasObject *g = ga(self);
    if (g->starred && g->origin == val_from_ptr(&type_tuple)) {
        return g->args;
    }
    return VAL_NONE;
}

static Value ga_iter(Value self) {
    // iter(tuple[int]) yields *tuple[int] (PEP 646).
    Value starred = generic_alias_new(ga(self)->origin, ga(self)->args);
    if (!starred) {
        return 0;
    }
    ga(starred)->starred = 1;
    Value one = list_from(&starred, 1);
    return one ? obj_iter(one) : 0;
}

static Value union_or(Value a, Value b);

static const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_m_mro_entries, METH_DEFAULT, NULL},
    {"__instancecheck__", ga_m_instancecheck, METH_DEFAULT, NULL},
    {"__subclasscheck__", ga_m_subclasscheck, METH_DEFAULT, NULL},
    {"__dir__", ga_m_dir, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef ga_getset[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, "Type variables in the GenericAlias."},
    {"__unpacked__", ga_get_unpacked, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_generic_alias = {
    .header = {&type_type},
    .name = "types.GenericAlias",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(GenericAliasObject),
    .base = &type_object,
    .trace = ga_trace,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .getattr = ga_getattr,
    .call = ga_call,
    .getitem = ga_getitem,
    .iter = ga_iter,
    .new_ = ga_tp_new,
    .binop = {[BINOP_OR] = union_or},
    .methods = ga_methods,
    .getset = ga_getset,
};

// The builtins' __class_getitem__: cls[args] is GenericAlias(cls, args).
static Value class_getitem(Value cls, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__class_getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_alias_new(cls, args[0]);
}

static const MethodDef class_getitem_def = {
    "__class_getitem__", class_getitem, METH_CLASS, "See PEP 585",
};

// ---- UnionType --------------------------------------------------------------------------

static void union_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((UnionObject *)o)->args);
    gc_trace_value(t, ((UnionObject *)o)->parameters);
}

static int is_unionable(Value v) {
    return v == VAL_NONE || type_check(v) || is_ga(v) || is_union(v);
}

// Append v's members (a union's arguments, None as NoneType) to list, once each.
static int union_collect(Value list, Value v) {
    if (is_union(v)) {
        TupleObject *a = tuple_obj(un(v)->args);
        for (size_t i = 0; i < a->len; i++) {
            if (union_collect(list, a->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (v == VAL_NONE) {
        extern Type type_none;
        v = val_from_ptr(&type_none);
    }
    ListObject *l = list_obj(list);
    for (size_t i = 0; i < l->len; i++) {
        Value x = l->items[i];
        if (x == v) {
            return 0;
        }
        // Aliases compare by value (list[int] | list[int]).
        if (is_ga(x) && is_ga(v)) {
            int eq = obj_richcompare_bool(x, v, CMP_EQ);
            if (eq) {
                return eq < 0 ? -1 : 0;
            }
        }
    }
    return list_append(list, v);
}

static Value make_union(Value a, Value b) {
    Value list = list_new(0);
    if (!list || union_collect(list, a) < 0 || union_collect(list, b) < 0) {
        return 0;
    }
    ListObject *l = list_obj(list);
    if (l->len == 1) {
        return l->items[0];
    }
    Value args = tuple_from_list(list);
    UnionObject *u = args ? (UnionObject *)gc_alloc(&type_union, sizeof(UnionObject)) : NULL;
    if (!u) {
        return 0;
    }
    u->args = args;
    return val_from_ptr(u);
}

// type.__or__ / __ror__, and the same for aliases and unions.
static Value union_or(Value a, Value b) {
    if (!is_unionable(a) || !is_unionable(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return make_union(a, b);
}

Value type_or(Value a, Value b) {
    return union_or(a, b);
}

static Value union_repr(Value self) {
    StrBuf sb;
    sb_init(&sb);
    TupleObject *a = tuple_obj(un(self)->args);
    extern Type type_none;
    for (size_t i = 0; i < a->len; i++) {
        if (i) {
            sb_puts(&sb, " | ");
        }
        if (a->items[i] == val_from_ptr(&type_none)) {
            sb_puts(&sb, "None");
        } else if (repr_item(&sb, a->items[i]) < 0) {
            sb_free(&sb);
            return 0;
        }
    }
    return finish(&sb);
}

static Value union_richcompare(Value a, Value b, CompareOp op) {
    if (!is_union(b) || (op != CMP_EQ && op != CMP_NE)) {
        return VAL_NOTIMPLEMENTED;
    }
    extern Value frozenset_new(Value iterable);
    Value sa = frozenset_new(un(a)->args), sb = sa ? frozenset_new(un(b)->args) : 0;
    if (!sb) {
        return 0;
    }
    return obj_richcompare(sa, sb, op);
}

static int64_t union_hash(Value self) {
    extern Value frozenset_new(Value iterable);
    Value s = frozenset_new(un(self)->args);
    return s ? obj_hash(s) : -1;
}

// isinstance(x, int | str): the members in order, as for a tuple (a
// parameterized alias among them raises when it is reached).
static Value union_check(Value self, Value arg, int subclass) {
    TupleObject *a = tuple_obj(un(self)->args);
    for (size_t i = 0; i < a->len; i++) {
        int r = subclass ? obj_issubclass(arg, a->items[i]) : obj_isinstance(arg, a->items[i]);
        if (r) {
            return r < 0 ? 0 : VAL_TRUE;
        }
    }
    return VAL_FALSE;
}

static Value union_m_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__instancecheck__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return union_check(self, args[0], 0);
}

static Value union_m_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__subclasscheck__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return union_check(self, args[0], 1);
}

static Value union_getitem(Value self, Value item) {
    UnionObject *u = un(self);
    if (!u->parameters && !(u->parameters = make_parameters(u->args))) {
        return 0;
    }
    Value args = subs_parameters(self, u->args, u->parameters, item);
    if (!args) {
        return 0;
    }
    TupleObject *a = tuple_obj(args);
    Value r = a->len ? a->items[0] : VAL_NONE;
    for (size_t i = 1; i < a->len && r; i++) {
        r = obj_binop(r, a->items[i], BINOP_OR);
    }
    return r;
}

static Value union_get_args(Value self) { return un(self)->args; }

static Value union_get_parameters(Value self) {
    UnionObject *u = un(self);
    if (!u->parameters) {
        u->parameters = make_parameters(u->args);
    }
    return u->parameters;
}

static const MethodDef union_methods[] = {
    {"__instancecheck__", union_m_instancecheck, METH_DEFAULT, NULL},
    {"__subclasscheck__", union_m_subclasscheck, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, "Type variables in the types.UnionType."},
    {NULL, NULL, NULL, NULL},
};

Type type_union = {
    .header = {&type_type},
    .name = "types.UnionType",
    .basic_size = sizeof(UnionObject),
    .base = &type_object,
    .trace = union_trace,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .getitem = union_getitem,
    .binop = {[BINOP_OR] = union_or},
    .methods = union_methods,
    .getset = union_getset,
};

// ---- installing __class_getitem__ on the builtins -------------------------------------

int generic_alias_install(Type *const *types, size_t n) {
    Value name = name_of("__class_getitem__");
    if (!name) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        Value d = descr_new(&type_classmethod_descriptor, types[i], &class_getitem_def);
        if (!d || dict_set(types[i]->dict, name, d) < 0) {
            return -1;
        }
        type_modified(types[i]);
    }
    return 0;
}
